//! Findings: one per real entity, grouping that entity's hits across lists.
//!
//! The same company is often on several lists (Hikvision on §889, the FCC
//! Covered List, §1260H and NS-CMIC; the bundled NS-CMIC list and the CSL's
//! NS-CMIC rows), and a reviewer decides about the company, not about each
//! row. A [`Finding`] holds every listing of one entity that the vendor hit,
//! each with its list's status, legal basis and citation, and nests the
//! listed relations (a listed parent reached through the list's own links)
//! under the entity they were reached from.
//!
//! # The linking rule
//!
//! Two hits of one report are the same real entity when they were reached
//! along the same path (the vendor's own names and identifiers; one owner;
//! a list's relations) and their entities
//!
//! 1. share an identifier: the same value (letters and digits only, at least
//!    six of them, one a digit) of a registry identifier (USCC, ISIN, LEI,
//!    tax or registration number, passport, ...; dates, tickers, web sites,
//!    e-mail addresses and sanction remarks are not identifiers); or
//! 2. have the same kind (organisation, individual, vessel, aircraft) and
//!    share a name that is identical once normalised by
//!    [`crate::normalize::Normalizer`] with its legal forms left out
//!    ("Hangzhou Hikvision Digital Technology Co., Ltd." and "... Company"),
//!    where the name has a distinctive word and, if it is a single word, is
//!    the primary name of one of them (an acronym alias shared by ten
//!    subsidiaries, such as "SMIC", does not make them one entity).
//!
//! The links are transitive within the report, and each finding says which
//! link joined its listings ([`Finding::linked_by`]).
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Status, Vendor, lists, list::Date};
//! let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let r = screener.screen(&Vendor::new("Hangzhou Hikvision Digital Technology Co., Ltd."),
//!                         Date::new(2026, 11, 22).unwrap());
//! assert_eq!(r.findings.len(), 1, "one company");
//! let f = &r.findings[0];
//! let lists: Vec<&str> = f.listings.iter().map(|l| l.list.as_str()).collect();
//! assert_eq!(lists.len(), 4);
//! assert!(f.relations.iter().any(|p| p.entity_name.contains("China Electronics Technology Group")));
//! assert_eq!(f.status, Status::Match);
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::list::{DesignationList, Entity};
use crate::normalize::{Normalizer, TokenKind};
use crate::screen::report::{Hit, IdentifierHit};
use crate::screen::vendor::compare_form;
use crate::screen::{Status, Via};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a finding rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Names matched.
    Name,
    /// One of the vendor's identifiers equals one the list carries (with or
    /// without a name match).
    Identifier,
}

/// One listing of a finding's entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// The list's id.
    pub list: String,
    /// The list's name.
    pub list_name: String,
    /// The entity's id within the list.
    pub entity_id: String,
    /// The entity's primary name on that list.
    pub entity_name: String,
    /// The status of this listing for the vendor.
    pub status: Status,
    /// The list's legal basis.
    pub legal_basis: String,
    /// The official document the listing comes from.
    pub citation: String,
    /// The listed name that matched, when a name matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_name: Option<String>,
    /// The name score, when a name matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The identifier that matched (`LEI 5493001KJTIIGC8Y1R12`), when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The rule behind the status, in words.
    pub rule: String,
}

/// One real entity the vendor hit: its listings across lists and the listed
/// relations reached from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What it rests on.
    pub kind: FindingKind,
    /// The entity's name (its primary name on the most serious listing).
    pub entity_name: String,
    /// The most serious status of its listings.
    pub status: Status,
    /// The best name score (1 for an identifier finding).
    pub score: f64,
    /// How the vendor reached it.
    pub via: Via,
    /// The listed names that matched, best first.
    pub matched_names: Vec<String>,
    /// Every listing, the most serious first.
    pub listings: Vec<Listing>,
    /// Why the listings are one entity, in words (empty for one listing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked_by: Vec<String>,
    /// Listed parents and affiliates reached through the lists' own links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Finding>,
}

impl Finding {
    /// Whether the vendor reached it through its own name, an alias or an
    /// identifier (not an owner, not a list's relation).
    pub fn is_direct(&self) -> bool {
        matches!(self.via, Via::SelfName | Via::Alias { .. })
    }

    /// Whether the finding (or a relation nested in it) makes the vendor's
    /// screening fail.
    pub fn counts(&self) -> bool {
        self.status.counts() || self.relations.iter().any(Finding::counts)
    }
}

/// What the builder needs of the screener: the lists and the normaliser.
pub(crate) struct Context<'a> {
    pub lists: &'a [DesignationList],
    pub list_index: &'a HashMap<String, usize>,
    pub entity_index: &'a [HashMap<String, usize>],
    pub normalizer: &'a Normalizer,
}

/// One (list, entity) of a report, with its hits.
struct Item<'a> {
    list: usize,
    entity: &'a Entity,
    hit: Option<&'a Hit>,
    id_hit: Option<&'a IdentifierHit>,
    /// Path class: hits are only linked along the same path.
    class: String,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
        a != b
    }
}

fn class_of(via: &Via) -> String {
    match via {
        Via::SelfName | Via::Alias { .. } => "own".to_string(),
        Via::Relation { .. } => "relation".to_string(),
        Via::Parent { level, name, .. } => format!("owner:{level}:{name}"),
    }
}

/// Whether an identifier kind is one that names one party (not a date, a
/// ticker, a web site or a remark).
fn identifying(kind: &str) -> bool {
    let k = kind.to_ascii_lowercase();
    ![
        "date",
        "ticker",
        "website",
        "web site",
        "email",
        "e-mail",
        "phone",
        "fax",
        "directive",
        "sanction",
        "gender",
        "type",
        "issuer",
        "nationality",
        "established",
        "information",
        "title",
        "vessel",
        "tonnage",
        "flag",
        "call sign",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// A link key of an entity: what it is, how strong, and in words.
struct Key {
    key: String,
    /// 0 for an identifier, 1 for a primary name, 2 for an alias (links
    /// only to a primary name).
    strength: u8,
    words: String,
}

/// The link keys of an entity: identifiers, and normalised names.
fn keys(entity: &Entity, normalizer: &Normalizer) -> Vec<Key> {
    let mut out = Vec::new();
    for i in &entity.identifiers {
        let v = compare_form(&i.value);
        if identifying(&i.kind) && v.len() >= 6 && v.bytes().any(|b| b.is_ascii_digit()) {
            out.push(Key {
                key: format!("id:{v}"),
                strength: 0,
                words: format!("the identifier {} {}", i.kind, i.value),
            });
        }
    }
    let names = std::iter::once((1, entity.name.as_str()))
        .chain(entity.aliases.iter().map(|a| (2, a.as_str())));
    for (strength, name) in names {
        let n = normalizer.normalize(name);
        if !n.has_distinctive() {
            continue;
        }
        let words: Vec<&str> = n
            .tokens
            .iter()
            .filter(|t| t.kind != TokenKind::LegalForm)
            .map(|t| t.text.as_str())
            .collect();
        let text = words.join(" ");
        out.push(Key {
            key: format!("name:{:?}:{text}", entity.kind),
            strength,
            words: format!("the name \"{text}\" (legal forms aside)"),
        });
    }
    out
}

/// Items holding one key: (item, strength, words).
type Holders = Vec<(usize, u8, String)>;

/// A link between two items: (item, item, strength, words).
type Edge = (usize, usize, u8, String);

/// The links between items: pairs of the same path class sharing a key,
/// identifiers first; a name links only when it is one side's primary name.
fn links(items: &[Item<'_>], normalizer: &Normalizer) -> Vec<Edge> {
    let mut by_key: HashMap<(&str, String), Holders> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for k in keys(item.entity, normalizer) {
            by_key
                .entry((item.class.as_str(), k.key))
                .or_default()
                .push((i, k.strength, k.words));
        }
    }
    let mut edges: Vec<Edge> = Vec::new();
    for holders in by_key.values() {
        for (x, a) in holders.iter().enumerate() {
            for b in &holders[x + 1..] {
                if a.0 != b.0 && a.1.min(b.1) < 2 {
                    edges.push((a.0.min(b.0), a.0.max(b.0), a.1.max(b.1), a.2.clone()));
                }
            }
        }
    }
    // The strongest link of each pair, identifiers first, in item order.
    edges.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    edges.sort_by_key(|e| (e.2, e.0, e.1));
    edges
}

/// Groups a report's hits into findings.
pub(crate) fn build(ctx: &Context<'_>, hits: &[Hit], id_hits: &[IdentifierHit]) -> Vec<Finding> {
    let mut items: Vec<Item<'_>> = Vec::new();
    let mut at: HashMap<(&str, &str, String), usize> = HashMap::new();
    let lookup = |list: &str, id: &str| -> Option<(usize, &Entity)> {
        let li = *ctx.list_index.get(list)?;
        let ei = *ctx.entity_index[li].get(id)?;
        Some((li, &ctx.lists[li].entities[ei]))
    };
    for h in hits {
        let Some((list, entity)) = lookup(&h.list, &h.entity_id) else {
            continue;
        };
        let class = class_of(&h.via);
        at.insert((&h.list, &h.entity_id, class.clone()), items.len());
        items.push(Item {
            list,
            entity,
            hit: Some(h),
            id_hit: None,
            class,
        });
    }
    for h in id_hits {
        let Some((list, entity)) = lookup(&h.list, &h.entity_id) else {
            continue;
        };
        match at.get(&(h.list.as_str(), h.entity_id.as_str(), "own".to_string())) {
            Some(&i) => items[i].id_hit = Some(h),
            None => items.push(Item {
                list,
                entity,
                hit: None,
                id_hit: Some(h),
                class: "own".to_string(),
            }),
        }
    }

    // Link items of the same path class that share a key; two entries of
    // one list are two entities, so a link that would join them is skipped.
    let mut uf = UnionFind((0..items.len()).collect());
    let mut lists_of: Vec<Vec<usize>> = items.iter().map(|it| vec![it.list]).collect();
    let mut reasons: HashMap<usize, Vec<String>> = HashMap::new();
    for (a, b, _, words) in links(&items, ctx.normalizer) {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb || lists_of[ra].iter().any(|l| lists_of[rb].contains(l)) {
            continue;
        }
        uf.union(ra, rb);
        let root = uf.find(ra);
        let merged: Vec<usize> = lists_of[ra].iter().chain(&lists_of[rb]).copied().collect();
        lists_of[root] = merged;
        let describe = |k: usize| {
            format!(
                "{} {}",
                ctx.lists[items[k].list].meta.id, items[k].entity.id
            )
        };
        let text = format!("{} and {} share {words}", describe(a), describe(b));
        reasons.entry(a).or_default().push(text);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..items.len() {
        let root = uf.find(i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }

    let group_of_item: Vec<usize> = (0..items.len()).map(|i| group_of[&uf.find(i)]).collect();
    let mut findings: Vec<Option<Finding>> = groups
        .iter()
        .map(|members| {
            let mut linked: Vec<String> = members
                .iter()
                .filter_map(|m| reasons.get(m))
                .flatten()
                .cloned()
                .collect();
            linked.sort();
            Some(finding(ctx, &items, members, linked))
        })
        .collect();

    // Nest each relation finding under the finding holding the entity it
    // was reached from (itself perhaps reached through a relation).
    let parent_of: Vec<Option<usize>> = groups
        .iter()
        .enumerate()
        .map(|(g, members)| {
            members.iter().find_map(|&m| {
                let it = &items[m];
                let Some(Via::Relation { entity_id, .. }) = it.hit.map(|h| &h.via) else {
                    return None;
                };
                let src = items
                    .iter()
                    .position(|o| o.list == it.list && o.entity.id == *entity_id)?;
                let pg = group_of_item[src];
                (pg != g).then_some(pg)
            })
        })
        .collect();
    // Attach children before parents, deepest first; a cycle stays on top.
    let depth = |mut g: usize| {
        let mut d = 0;
        while let Some(p) = parent_of[g] {
            d += 1;
            g = p;
            if d > groups.len() {
                return None;
            }
        }
        Some(d)
    };
    let mut by_depth: Vec<(usize, usize)> = (0..groups.len())
        .filter_map(|g| Some((depth(g)?, g)))
        .filter(|(d, _)| *d > 0)
        .collect();
    by_depth.sort_by(|a, b| b.cmp(a));
    for (_, g) in by_depth {
        let (Some(p), Some(mut child)) = (parent_of[g], findings[g].take()) else {
            continue;
        };
        child.relations.sort_by(order);
        match findings[p].as_mut() {
            Some(parent) => parent.relations.push(child),
            None => findings[g] = Some(child),
        }
    }
    let mut top: Vec<Finding> = findings.into_iter().flatten().collect();
    for f in &mut top {
        f.relations.sort_by(order);
    }
    top.sort_by(order);
    top
}

/// Findings in the order a reviewer reads them: the vendor's own first,
/// then owners nearest first, then by status and score.
fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let depth = |f: &Finding| match f.kind {
        FindingKind::Identifier => 0,
        FindingKind::Name => f.via.depth(),
    };
    depth(a)
        .cmp(&depth(b))
        .then_with(|| b.status.severity().cmp(&a.status.severity()))
        .then_with(|| b.score.total_cmp(&a.score))
        .then_with(|| a.entity_name.cmp(&b.entity_name))
}

/// Listings the most serious first, then by score and list.
fn listing_order(a: &Listing, b: &Listing) -> std::cmp::Ordering {
    b.status
        .severity()
        .cmp(&a.status.severity())
        .then_with(|| b.score.unwrap_or(1.0).total_cmp(&a.score.unwrap_or(1.0)))
        .then_with(|| a.list.cmp(&b.list))
}

fn finding(
    ctx: &Context<'_>,
    items: &[Item<'_>],
    members: &[usize],
    linked_by: Vec<String>,
) -> Finding {
    let mut listings: Vec<(Listing, Option<&Hit>)> = members
        .iter()
        .map(|&m| {
            let it = &items[m];
            let meta = &ctx.lists[it.list].meta;
            let status = [it.hit.map(|h| h.status), it.id_hit.map(|h| h.status)]
                .into_iter()
                .flatten()
                .max_by_key(|s| s.severity())
                .unwrap_or(Status::Match);
            let rule = match (it.hit, it.id_hit) {
                (_, Some(ih))
                    if ih.status.severity() >= it.hit.map_or(0, |h| h.status.severity()) =>
                {
                    ih.rule.clone()
                }
                (Some(h), _) => h.explanation.rule.clone().unwrap_or_default(),
                (None, Some(ih)) => ih.rule.clone(),
                (None, None) => String::new(),
            };
            (
                Listing {
                    list: meta.id.clone(),
                    list_name: meta.name.clone(),
                    entity_id: it.entity.id.clone(),
                    entity_name: it.entity.name.clone(),
                    status,
                    legal_basis: meta.legal_basis.clone(),
                    citation: it.entity.citation.clone(),
                    matched_name: it.hit.map(|h| h.matched_name.clone()),
                    score: it.hit.map(|h| h.score),
                    identifier: it
                        .id_hit
                        .map(|h| format!("{} {}", h.vendor_identifier.kind, h.listed_value)),
                    rule,
                },
                it.hit,
            )
        })
        .collect();
    listings.sort_by(|(a, _), (b, _)| listing_order(a, b));
    let identifier = listings.iter().any(|(l, _)| l.identifier.is_some());
    let best_hit = listings.iter().filter_map(|(_, h)| *h).max_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| b.via.depth().cmp(&a.via.depth()))
    });
    let mut matched_names: Vec<String> = Vec::new();
    let mut by_score: Vec<&Hit> = listings.iter().filter_map(|(_, h)| *h).collect();
    by_score.sort_by(|a, b| b.score.total_cmp(&a.score));
    for h in by_score {
        if !matched_names.contains(&h.matched_name) {
            matched_names.push(h.matched_name.clone());
        }
    }
    let listings: Vec<Listing> = listings.into_iter().map(|(l, _)| l).collect();
    Finding {
        kind: if identifier {
            FindingKind::Identifier
        } else {
            FindingKind::Name
        },
        entity_name: listings[0].entity_name.clone(),
        status: listings[0].status,
        score: if identifier {
            1.0
        } else {
            best_hit.map_or(1.0, |h| h.score)
        },
        via: best_hit.map_or(Via::SelfName, |h| h.via.clone()),
        matched_names,
        listings,
        linked_by,
        relations: Vec::new(),
    }
}
