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
//! 2. are entries of lists OFAC issues with the same entry number (OFAC's
//!    `ent_num`, which its SDN and consolidated files, the CSL's Treasury
//!    rows and the bundled NS-CMIC list all keep as the entry's id); or
//! 3. have the same kind (organisation, individual, vessel, aircraft) and
//!    share a name that is identical once normalised by
//!    [`crate::normalize::Normalizer`] with its legal forms left out
//!    ("Hangzhou Hikvision Digital Technology Co., Ltd." and "... Company"),
//!    where the name has a distinctive word and, if it is a single word, is
//!    the primary name of one of them (an acronym alias shared by ten
//!    subsidiaries, such as "SMIC", does not make them one entity); or
//! 4. have the same kind and the same primary name of two words or more
//!    without a distinctive word, normalised as above ("China State
//!    Shipbuilding Corporation Limited" on the 1260H list and on NS-CMIC),
//!    and no countries that disagree: such a name links only to another
//!    entry's primary name, never to an alias ("China Telecom" is an alias
//!    of one group company and the short name of several).
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

mod entry;
pub(crate) mod link;

use crate::clearance::{Clearance, ClearancePath};
use crate::list::{Date, DesignationList, Entity};
use crate::screen::report::{Hit, IdentifierHit};
use crate::screen::{Status, Via};
use link::{UnionFind, links};
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
    /// The paths the vendor reached this listing along, as a clearance
    /// names them (`self`, `alias:NAME`, `owner:NAME`, `identifier:KIND`).
    #[serde(default)]
    pub paths: Vec<ClearancePath>,
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
    /// The best name score among the listings of the finding's status (1
    /// for an identifier finding): a review's higher score on another
    /// list does not head a match.
    pub score: f64,
    /// How the vendor reached it.
    pub via: Via,
    /// The listed names that matched, the most serious listing's first,
    /// then by score.
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
    /// The clearances that would clear this finding once a reviewer has
    /// decided the vendor is not this entity: one per listing not already
    /// cleared and per path it was reached along, each exact (one list,
    /// one entity, one path; see [`crate::clearance`]). Listed relations
    /// are findings of their own and are not included.
    ///
    /// ```
    /// use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
    /// use vendor_screen::clearance::ClearanceSet;
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let d = Date::new(2026, 11, 22).unwrap();
    /// let v = Vendor::new("ZTE Corp").with_id("v1");
    /// let f = &s.screen(&v, d).findings[0];
    /// let rows = f.clearances("v1", "a different ZTE", "alice", d);
    /// assert_eq!(rows.len(), f.listings.len());
    /// let set = ClearanceSet::from_clearances(rows, &s, d)?;
    /// let (r, _) = s.screen_cleared(&v, d, &set);
    /// assert!(!r.flagged());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn clearances(
        &self,
        vendor: &str,
        reason: &str,
        reviewer: &str,
        date: Date,
    ) -> Vec<Clearance> {
        let mut out = Vec::new();
        for l in self.listings.iter().filter(|l| l.status != Status::Cleared) {
            for path in &l.paths {
                out.push(Clearance {
                    vendor: vendor.to_string(),
                    list: l.list.clone(),
                    entity_id: l.entity_id.clone(),
                    path: path.clone(),
                    reason: reason.to_string(),
                    reviewer: reviewer.to_string(),
                    date,
                });
            }
        }
        out
    }

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
    /// Per list, per entity: the keys of its primary name and aliases.
    pub name_keys: &'a [Vec<Vec<link::Key>>],
}

/// One (list, entity) of a report, with its hits.
pub(super) struct Item<'a> {
    list: usize,
    /// The entity's index in its list.
    index: usize,
    entity: &'a Entity,
    hit: Option<&'a Hit>,
    id_hit: Option<&'a IdentifierHit>,
    /// Path class: hits are only linked along the same path.
    class: String,
}

fn class_of(via: &Via) -> String {
    match via {
        Via::SelfName | Via::Alias { .. } => "own".to_string(),
        Via::Relation { .. } => "relation".to_string(),
        Via::Parent { level, name, .. } => format!("owner:{level}:{name}"),
    }
}

/// Groups a report's hits into findings.
pub(crate) fn build(ctx: &Context<'_>, hits: &[Hit], id_hits: &[IdentifierHit]) -> Vec<Finding> {
    let items = items_of(ctx, hits, id_hits);
    let groups = group(ctx, &items);
    let findings: Vec<Option<Finding>> = groups
        .members
        .iter()
        .zip(&groups.linked_by)
        .map(|(members, linked)| Some(entry::finding(ctx, &items, members, linked.clone())))
        .collect();
    nest(&items, &groups, findings)
}

/// One item per (list, entity) hit, an identifier hit joining the name hit
/// of the same entity reached by the vendor's own names.
fn items_of<'a>(ctx: &Context<'a>, hits: &'a [Hit], id_hits: &'a [IdentifierHit]) -> Vec<Item<'a>> {
    let mut items: Vec<Item<'a>> = Vec::new();
    let mut own: HashMap<(&str, &str), usize> = HashMap::new();
    let lookup = |list: &str, id: &str| -> Option<(usize, usize, &'a Entity)> {
        let li = *ctx.list_index.get(list)?;
        let ei = *ctx.entity_index[li].get(id)?;
        Some((li, ei, &ctx.lists[li].entities[ei]))
    };
    for h in hits {
        let Some((list, index, entity)) = lookup(&h.list, &h.entity_id) else {
            continue;
        };
        let class = class_of(&h.via);
        if class == "own" {
            own.insert((&h.list, &h.entity_id), items.len());
        }
        items.push(Item {
            list,
            index,
            entity,
            hit: Some(h),
            id_hit: None,
            class,
        });
    }
    for h in id_hits {
        let Some((list, index, entity)) = lookup(&h.list, &h.entity_id) else {
            continue;
        };
        match own.get(&(h.list.as_str(), h.entity_id.as_str())) {
            Some(&i) => items[i].id_hit = Some(h),
            None => items.push(Item {
                list,
                index,
                entity,
                hit: None,
                id_hit: Some(h),
                class: "own".to_string(),
            }),
        }
    }
    items
}

/// Items grouped into entities.
struct Groups {
    /// Each group's items.
    members: Vec<Vec<usize>>,
    /// Each group's links, in words.
    linked_by: Vec<Vec<String>>,
    /// Each item's group.
    group_of: Vec<usize>,
}

/// Links items of the same path class that share a key; two entries of one
/// list are two entities, so a link that would join them is skipped.
fn group(ctx: &Context<'_>, items: &[Item<'_>]) -> Groups {
    let mut uf = UnionFind((0..items.len()).collect());
    let mut lists_of: Vec<Vec<usize>> = items.iter().map(|it| vec![it.list]).collect();
    let mut reasons: Vec<(usize, String)> = Vec::new();
    for (a, b, _, words) in links(items, ctx.lists, ctx.name_keys) {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb || lists_of[ra].iter().any(|l| lists_of[rb].contains(l)) {
            continue;
        }
        uf.union(ra, rb);
        let merged: Vec<usize> = lists_of[ra].iter().chain(&lists_of[rb]).copied().collect();
        lists_of[uf.find(ra)] = merged;
        let describe = |k: usize| {
            format!(
                "{} {}",
                ctx.lists[items[k].list].meta.id, items[k].entity.id
            )
        };
        reasons.push((
            a,
            format!("{} and {} share {words}", describe(a), describe(b)),
        ));
    }
    let mut g = Groups {
        members: Vec::new(),
        linked_by: Vec::new(),
        group_of: Vec::with_capacity(items.len()),
    };
    let mut by_root: HashMap<usize, usize> = HashMap::new();
    for i in 0..items.len() {
        let n = by_root.len();
        let k = *by_root.entry(uf.find(i)).or_insert(n);
        if k == g.members.len() {
            g.members.push(Vec::new());
            g.linked_by.push(Vec::new());
        }
        g.members[k].push(i);
        g.group_of.push(k);
    }
    for (a, text) in reasons {
        g.linked_by[g.group_of[a]].push(text);
    }
    for l in &mut g.linked_by {
        l.sort();
    }
    g
}

/// Nests each relation finding under the finding holding the entity it was
/// reached from (itself perhaps reached through a relation), deepest first;
/// a cycle stays at the top. Returns the top findings in reading order.
fn nest(items: &[Item<'_>], groups: &Groups, mut findings: Vec<Option<Finding>>) -> Vec<Finding> {
    let parent_of: Vec<Option<usize>> = groups
        .members
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
                let pg = groups.group_of[src];
                (pg != g).then_some(pg)
            })
        })
        .collect();
    let depth = |mut g: usize| {
        let mut d = 0;
        while let Some(p) = parent_of[g] {
            d += 1;
            g = p;
            if d > parent_of.len() {
                return None;
            }
        }
        Some(d)
    };
    let mut by_depth: Vec<(usize, usize)> = (0..parent_of.len())
        .filter_map(|g| Some((depth(g)?, g)))
        .filter(|(d, _)| *d > 0)
        .collect();
    // Deepest first; at one depth in the order of their hits, so that a
    // stable sort keeps it for findings [`order`] does not tell apart.
    by_depth.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
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
/// then owners nearest first, then by status and score; at equal ones, in
/// the order of their hits (a stable sort: findings are built in the
/// order of their first hit, and hits come sorted, the one explaining
/// more of the names first at equal scores).
fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let depth = |f: &Finding| match f.kind {
        FindingKind::Identifier => 0,
        FindingKind::Name => f.via.depth(),
    };
    depth(a)
        .cmp(&depth(b))
        .then_with(|| b.status.severity().cmp(&a.status.severity()))
        .then_with(|| b.score.total_cmp(&a.score))
}
