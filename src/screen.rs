//! Screening: the [`Screener`] built once from lists, the [`Vendor`] query and
//! the [`Report`] of [`Hit`]s.
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//!
//! let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let today = Date::new(2026, 11, 22).unwrap();
//! let report = screener.screen(&Vendor::new("Hangzhou Hikvision Digital Technology Co., Ltd."), today);
//! assert!(report.hits.iter().any(|h| h.list == "ndaa-889"));
//! let clean = screener.screen(&Vendor::new("Acme Widgets LLC"), today);
//! assert!(clean.hits.is_empty());
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::explain::Explanation;
use crate::list::{Date, DesignationList, NameKind, Reach, RelationKind};
use crate::matcher::Matcher;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The default threshold: hits scoring below it are not reported.
pub const DEFAULT_THRESHOLD: f64 = 0.85;

/// A vendor to screen: its name, other names, country and owners.
///
/// ```
/// use vendor_screen::Vendor;
/// let v = Vendor::new("EZVIZ").with_id("v1").with_country("CN");
/// assert_eq!(v.name, "EZVIZ");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vendor {
    /// The caller's own id for the vendor, echoed in the report.
    pub id: Option<String>,
    /// The vendor's name as the vendor master holds it.
    pub name: String,
    /// Trading names, former names.
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-2 country, when known.
    pub country: Option<String>,
    /// Direct owners, each with their own owners in turn.
    pub owners: Vec<Owner>,
}

impl Vendor {
    /// A vendor with just a name.
    pub fn new(name: impl Into<String>) -> Vendor {
        Vendor {
            id: None,
            name: name.into(),
            aliases: Vec::new(),
            country: None,
            owners: Vec::new(),
        }
    }

    /// Sets the caller's id.
    pub fn with_id(mut self, id: impl Into<String>) -> Vendor {
        self.id = Some(id.into());
        self
    }

    /// Sets the country.
    pub fn with_country(mut self, country: impl Into<String>) -> Vendor {
        self.country = Some(country.into());
        self
    }

    /// Adds an alias.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Vendor {
        self.aliases.push(alias.into());
        self
    }

    /// Adds a direct owner.
    pub fn with_owner(mut self, owner: Owner) -> Vendor {
        self.owners.push(owner);
        self
    }
}

/// An owner of a vendor (or of another owner).
///
/// ```
/// use vendor_screen::Owner;
/// let o = Owner::new("Hangzhou Hikvision Digital Technology Co., Ltd.").with_share(100.0);
/// assert_eq!(o.share, Some(100.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    /// The owner's name.
    pub name: String,
    /// Share of the owned party held, in percent, when known.
    pub share: Option<f64>,
    /// The owner's own owners.
    pub owners: Vec<Owner>,
}

impl Owner {
    /// An owner with unknown share and no owners of its own.
    pub fn new(name: impl Into<String>) -> Owner {
        Owner {
            name: name.into(),
            share: None,
            owners: Vec::new(),
        }
    }

    /// Sets the share held, in percent.
    pub fn with_share(mut self, share: f64) -> Owner {
        self.share = Some(share);
        self
    }

    /// Adds an owner of this owner.
    pub fn with_owner(mut self, owner: Owner) -> Owner {
        self.owners.push(owner);
        self
    }
}

/// How a hit was reached (`via` in the JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Via {
    /// The vendor's own name matched.
    #[serde(rename = "self")]
    SelfName,
    /// One of the vendor's aliases matched.
    Alias {
        /// The alias as given.
        name: String,
    },
    /// The matched entity is linked by the list to this listed party
    /// (its parent, or an affiliate).
    Relation {
        /// The entity the vendor matched.
        entity_id: String,
        /// Its name.
        entity_name: String,
        /// How the list links it to the hit's party (`parent`, `affiliate`, `subsidiary`).
        link: String,
        /// The document stating the link.
        citation: Option<String>,
    },
    /// An owner matched.
    Parent {
        /// 1 for a direct owner, 2 for its owner, ...
        level: usize,
        /// The owner's name as given.
        name: String,
        /// The share held, when known.
        share: Option<f64>,
    },
}

/// The status of a hit (see DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In force and within the list's reach.
    Match,
    /// In force, but whether the list reaches the vendor cannot be decided.
    Review,
    /// The name matches but the list's rule does not reach the vendor.
    OutOfReach,
    /// The entry ended before the as-of date.
    Expired,
    /// Suppressed by a reviewed clearance.
    Cleared,
}

impl Status {
    /// Whether the hit makes the vendor's screening fail (exit status 1).
    ///
    /// ```
    /// use vendor_screen::Status;
    /// assert!(Status::Match.counts() && Status::Review.counts());
    /// assert!(!Status::Expired.counts() && !Status::Cleared.counts());
    /// ```
    pub fn counts(self) -> bool {
        matches!(self, Status::Match | Status::Review)
    }
}

/// One hit: a vendor name matched a listed entity's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The list's id.
    pub list: String,
    /// The entity's id within the list.
    pub entity_id: String,
    /// The entity's primary name.
    pub entity_name: String,
    /// The entity's name that matched (primary, alias, former or original-script).
    pub matched_name: String,
    /// Which of the entity's names matched.
    pub matched_name_kind: NameKind,
    /// Similarity in [0, 1].
    pub score: f64,
    /// How the hit was reached.
    pub via: Via,
    /// What the hit means.
    pub status: Status,
    /// The reviewed clearance that suppressed it (status `cleared`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cleared: Option<Clearance>,
    /// Why it scored what it scored.
    pub explanation: Explanation,
}

/// A reviewed false positive: this vendor is not this listed entity.
///
/// ```
/// use vendor_screen::Clearance;
/// let c = Clearance {
///     vendor: "v1".into(), list: "bis-dpl".into(), entity_id: "e1".into(),
///     reason: "different company".into(), reviewer: "jd".into(), date: "2026-11-01".into(),
/// };
/// assert!(c.applies_to(&["v1", "Dahua Electronics"], "bis-dpl", "e1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clearance {
    /// The vendor's id or name.
    pub vendor: String,
    /// The list id.
    pub list: String,
    /// The entity id within the list.
    pub entity_id: String,
    /// Why it is not a match.
    pub reason: String,
    /// Who decided.
    pub reviewer: String,
    /// When.
    pub date: String,
}

impl Clearance {
    /// Whether it clears the hit on `list`/`entity_id` of a vendor known by `keys` (id, name).
    pub fn applies_to(&self, keys: &[&str], list: &str, entity_id: &str) -> bool {
        self.list == list
            && self.entity_id == entity_id
            && keys
                .iter()
                .any(|k| k.trim().eq_ignore_ascii_case(self.vendor.trim()))
    }
}

/// The as-of date and legal basis of a list used in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListUsed {
    /// The list's id.
    pub id: String,
    /// The date its content is current to; `None` when unknown.
    pub as_of: Option<Date>,
}

/// The result of screening one vendor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The date the vendor was screened as of.
    pub as_of: Date,
    /// The lists used and the date each is current to.
    pub lists: Vec<ListUsed>,
    /// Hits, highest score first, at most one per (list, entity).
    pub hits: Vec<Hit>,
}

impl Report {
    /// Marks the hits that reviewed clearances suppress (status `cleared`,
    /// with the clearance attached) for a vendor known by `keys` (its id and
    /// name). Returns the indexes of the clearances that applied.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, Vendor, Status, Clearance, lists, list::Date};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let mut r = s.screen(&Vendor::new("ZTE Corporation"), Date::new(2026, 1, 1).unwrap());
    /// let c = Clearance { vendor: "ZTE Corporation".into(), list: "ndaa-889".into(), entity_id: "zte".into(),
    ///     reason: "test".into(), reviewer: "me".into(), date: "2026-01-01".into() };
    /// assert_eq!(r.apply_clearances(&["ZTE Corporation"], &[c]), vec![0]);
    /// assert!(r.hits.iter().any(|h| h.status == Status::Cleared));
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn apply_clearances(&mut self, keys: &[&str], clearances: &[Clearance]) -> Vec<usize> {
        let mut used = Vec::new();
        for h in &mut self.hits {
            if let Some(i) = clearances
                .iter()
                .position(|c| c.applies_to(keys, &h.list, &h.entity_id))
            {
                h.status = Status::Cleared;
                h.cleared = Some(clearances[i].clone());
                if !used.contains(&i) {
                    used.push(i);
                }
            }
        }
        used.sort_unstable();
        used
    }

    /// Whether any hit has status `match` or `review`.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
    /// # let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let r = screener.screen(&Vendor::new("ZTE Corporation"), Date::new(2026, 1, 1).unwrap());
    /// assert!(r.flagged());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn flagged(&self) -> bool {
        self.hits.iter().any(|h| h.status.counts())
    }
}

/// Collects lists and settings, then builds a [`Screener`].
///
/// ```
/// use vendor_screen::{ScreenerBuilder, lists};
/// let s = ScreenerBuilder::new().lists(lists::bundled()?).threshold(0.9).build()?;
/// assert_eq!(s.threshold(), 0.9);
/// assert!(ScreenerBuilder::new().threshold(1.5).build().is_err());
/// # Ok::<(), vendor_screen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ScreenerBuilder {
    lists: Vec<DesignationList>,
    threshold: f64,
}

impl Default for ScreenerBuilder {
    fn default() -> Self {
        ScreenerBuilder::new()
    }
}

impl ScreenerBuilder {
    /// An empty builder with the default threshold.
    pub fn new() -> ScreenerBuilder {
        ScreenerBuilder {
            lists: Vec::new(),
            threshold: DEFAULT_THRESHOLD,
        }
    }

    /// Adds one list.
    pub fn list(mut self, list: DesignationList) -> ScreenerBuilder {
        self.lists.push(list);
        self
    }

    /// Adds several lists.
    pub fn lists(mut self, lists: impl IntoIterator<Item = DesignationList>) -> ScreenerBuilder {
        self.lists.extend(lists);
        self
    }

    /// Sets the reporting threshold (0 to 1).
    pub fn threshold(mut self, threshold: f64) -> ScreenerBuilder {
        self.threshold = threshold;
        self
    }

    /// Validates the settings and prepares every listed name for matching.
    pub fn build(self) -> Result<Screener> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::Argument {
                name: "threshold".into(),
                message: format!("{} is not between 0 and 1", self.threshold),
            });
        }
        let mut seen = HashMap::new();
        for (i, l) in self.lists.iter().enumerate() {
            if let Some(j) = seen.insert(l.meta.id.as_str(), i) {
                return Err(Error::Argument {
                    name: "list".into(),
                    message: format!(
                        "list id `{}` is loaded twice (lists {} and {})",
                        l.meta.id,
                        j + 1,
                        i + 1
                    ),
                });
            }
        }
        let mut names = Vec::new();
        for (li, list) in self.lists.iter().enumerate() {
            for (ei, entity) in list.entities.iter().enumerate() {
                for (kind, _) in entity.names() {
                    names.push(NameRef {
                        list: li,
                        entity: ei,
                        kind,
                    });
                }
            }
        }
        let texts = self
            .lists
            .iter()
            .flat_map(|l| &l.entities)
            .flat_map(|e| e.names().map(|(_, n)| n));
        let matcher = Matcher::new(texts);
        let related = self.lists.iter().map(related_parties).collect();
        Ok(Screener {
            lists: self.lists,
            names,
            matcher,
            threshold: self.threshold,
            related,
        })
    }
}

#[derive(Debug, Clone)]
struct NameRef {
    list: usize,
    entity: usize,
    kind: NameKind,
}

/// An immutable screener, built once and shared across threads.
#[derive(Debug, Clone)]
pub struct Screener {
    lists: Vec<DesignationList>,
    names: Vec<NameRef>,
    matcher: Matcher,
    threshold: f64,
    /// Per list, per entity: the listed parties it leads to (entity index,
    /// link, citation), from the list's relations read both ways.
    related: Vec<Vec<Vec<Link>>>,
}

impl Screener {
    /// The reporting threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The loaded lists.
    pub fn lists(&self) -> &[DesignationList] {
        &self.lists
    }

    /// The loaded lists' ids and as-of dates.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, lists};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// assert_eq!(s.lists_used().len(), 4);
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn lists_used(&self) -> Vec<ListUsed> {
        self.lists
            .iter()
            .map(|l| ListUsed {
                id: l.meta.id.clone(),
                as_of: l.meta.as_of,
            })
            .collect()
    }

    /// Screens a vendor, its aliases and its owners against every list, as of `as_of`.
    pub fn screen(&self, vendor: &Vendor, as_of: Date) -> Report {
        self.screen_with(vendor, as_of, false)
    }

    /// Screens many vendors, across all cores when the `parallel` feature is
    /// on (the default); the reports come back in input order.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let vendors = [Vendor::new("Acme Widgets LLC"), Vendor::new("ZTE Corp")];
    /// let reports = s.screen_batch(&vendors, Date::new(2026, 11, 22).unwrap());
    /// assert!(!reports[0].flagged() && reports[1].flagged());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn screen_batch(&self, vendors: &[Vendor], as_of: Date) -> Vec<Report> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            vendors.par_iter().map(|v| self.screen(v, as_of)).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            vendors.iter().map(|v| self.screen(v, as_of)).collect()
        }
    }

    /// The same as [`Screener::screen`], but scoring every listed name
    /// instead of the index's candidates: the slow reference the index is
    /// tested and benchmarked against. Gives the same report.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let v = Vendor::new("Hik Vision USA Inc");
    /// let d = Date::new(2026, 11, 22).unwrap();
    /// assert_eq!(s.screen(&v, d), s.screen_brute_force(&v, d));
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn screen_brute_force(&self, vendor: &Vendor, as_of: Date) -> Report {
        self.screen_with(vendor, as_of, true)
    }

    fn screen_with(&self, vendor: &Vendor, as_of: Date, brute_force: bool) -> Report {
        let mut queries: Vec<Query> = vec![Query {
            text: vendor.name.clone(),
            via: Via::SelfName,
            chain: Vec::new(),
            direct_owner: None,
        }];
        for a in &vendor.aliases {
            queries.push(Query {
                text: a.clone(),
                via: Via::Alias { name: a.clone() },
                chain: Vec::new(),
                direct_owner: None,
            });
        }
        for (i, o) in vendor.owners.iter().enumerate() {
            collect_owners(o, 1, i, &mut Vec::new(), &mut queries);
        }

        // Name matches, and the listed parties they lead to through the lists' relations.
        let mut raw: Vec<RawHit> = Vec::new();
        for (qi, query) in queries.iter().enumerate() {
            let found = if brute_force {
                self.matcher.find_brute_force(&query.text, self.threshold)
            } else {
                self.matcher.find(&query.text, self.threshold)
            };
            for m in found {
                let name = &self.names[m.name];
                raw.push(RawHit {
                    list: name.list,
                    entity: name.entity,
                    name: m.name,
                    score: m.score,
                    query: qi,
                    via: query.via.clone(),
                    explanation: m.explanation,
                });
            }
        }
        let direct: Vec<RawHit> = raw
            .iter()
            .filter(|h| matches!(h.via, Via::SelfName | Via::Alias { .. }))
            .cloned()
            .collect();
        for h in direct {
            // A link stated by a listing no longer in force leads nowhere.
            if !self.lists[h.list].entities[h.entity].in_force(as_of) {
                continue;
            }
            for (target, link, citation) in &self.related[h.list][h.entity] {
                let from = &self.lists[h.list].entities[h.entity];
                raw.push(RawHit {
                    entity: *target,
                    via: Via::Relation {
                        entity_id: from.id.clone(),
                        entity_name: from.name.clone(),
                        link: link.clone(),
                        citation: citation.clone(),
                    },
                    ..h.clone()
                });
            }
        }

        let mut best: HashMap<(usize, usize), Hit> = HashMap::new();
        for h in &raw {
            let list = &self.lists[h.list];
            let entity = &list.entities[h.entity];
            let query = &queries[h.query];
            let (status, rule) = if entity.in_force(as_of) {
                self.status(h, query, &queries, &raw, as_of)
            } else {
                let when = entity
                    .why_not_in_force(as_of)
                    .map_or("not in force".to_string(), |w| w.to_string());
                (
                    Status::Expired,
                    format!("{}: {when}, before the as-of date {as_of}", list.meta.id),
                )
            };
            let mut explanation = h.explanation.clone().with_rule(rule);
            let mut score = h.score;
            let own_name = matches!(h.via, Via::SelfName | Via::Alias { .. });
            if let (Some(country), true) = (&vendor.country, own_name) {
                let c = country.to_ascii_uppercase();
                if !entity.countries.is_empty() {
                    let agrees = entity.countries.iter().any(|x| x.eq_ignore_ascii_case(&c));
                    // A soft signal: a small nudge that never drops a hit below the threshold.
                    let nudged = if agrees { score + 0.02 } else { score - 0.02 };
                    score = nudged.clamp(self.threshold.min(score), 1.0);
                    explanation.country = Some(format!(
                        "vendor country {c} {} the listed countries {}: score {:+.2}",
                        if agrees { "is among" } else { "is not among" },
                        entity.countries.join(", "),
                        score - h.score
                    ));
                }
            }
            explanation.score = score;
            let hit = Hit {
                list: list.meta.id.clone(),
                entity_id: entity.id.clone(),
                entity_name: entity.name.clone(),
                matched_name: self.matcher.name(h.name).to_string(),
                matched_name_kind: self.names[h.name].kind,
                score,
                via: h.via.clone(),
                status,
                cleared: None,
                explanation,
            };
            let key = (h.list, h.entity);
            let better = best.get(&key).is_none_or(|old| rank(&hit) > rank(old));
            if better {
                best.insert(key, hit);
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.list.cmp(&b.list))
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        Report {
            as_of,
            lists: self.lists_used(),
            hits,
        }
    }

    /// The status of an in-force hit and the rule that decided it.
    fn status(
        &self,
        h: &RawHit,
        q: &Query,
        queries: &[Query],
        raw: &[RawHit],
        as_of: Date,
    ) -> (Status, String) {
        let meta = &self.lists[h.list].meta;
        let reach = meta.reach;
        let rule = reach.rule();
        match &h.via {
            Via::SelfName | Via::Alias { .. } => {
                (Status::Match, format!("{}: named on the list", meta.id))
            }
            Via::Relation { link, .. } => match reach {
                Reach::SubsidiariesAndAffiliates => (
                    Status::Match,
                    format!("{}: {rule}; the matched entity is its {link}", meta.id),
                ),
                Reach::NamedWithListedParents => (
                    Status::Match,
                    format!(
                        "{}: {rule}; the matched entity is listed with it as {link}",
                        meta.id
                    ),
                ),
                Reach::Owned50Percent => (
                    Status::Review,
                    format!(
                        "{}: {rule}; the list links the matched entity to it ({link}), ownership share not stated",
                        meta.id
                    ),
                ),
                Reach::NamedOnly => (
                    Status::OutOfReach,
                    format!("{}: {rule}; related through {link} only", meta.id),
                ),
            },
            Via::Parent { level, .. } => match reach {
                Reach::SubsidiariesAndAffiliates => (
                    Status::Match,
                    format!(
                        "{}: {rule}; the vendor is owned by it (level {level})",
                        meta.id
                    ),
                ),
                Reach::NamedWithListedParents => (
                    Status::Review,
                    format!(
                        "{}: {rule}; an owner (level {level}) is listed, the vendor is not named: review",
                        meta.id
                    ),
                ),
                Reach::NamedOnly => (
                    Status::OutOfReach,
                    format!(
                        "{}: {rule}; an owner (level {level}) is listed, the vendor is not",
                        meta.id
                    ),
                ),
                Reach::Owned50Percent => self.fifty_percent(h, q, queries, raw, as_of),
            },
        }
    }

    /// OFAC 50 Percent Rule for an owner's hit.
    fn fifty_percent(
        &self,
        h: &RawHit,
        q: &Query,
        queries: &[Query],
        raw: &[RawHit],
        as_of: Date,
    ) -> (Status, String) {
        let list = &self.lists[h.list].meta.id;
        let rule = Reach::Owned50Percent.rule();
        if q.chain.len() == 1 {
            // Direct owners on this list, in aggregate (each owner once).
            let mut owners: Vec<(usize, Option<f64>)> = Vec::new();
            for other in raw.iter().filter(|o| o.list == h.list) {
                let oq = &queries[other.query];
                let in_force = self.lists[other.list].entities[other.entity].in_force(as_of);
                if in_force && oq.chain.len() == 1 {
                    if let Some(d) = oq.direct_owner {
                        if !owners.iter().any(|(x, _)| *x == d) {
                            owners.push((d, oq.chain[0]));
                        }
                    }
                }
            }
            let known: f64 = owners.iter().filter_map(|(_, s)| *s).sum();
            let unknown = owners.iter().filter(|(_, s)| s.is_none()).count();
            let shares = owners
                .iter()
                .map(|(_, s)| s.map_or("unknown".to_string(), |v| format!("{v}%")))
                .collect::<Vec<_>>()
                .join(" + ");
            if known >= 50.0 {
                (
                    Status::Match,
                    format!("{list}: {rule}; listed direct owners hold {shares} = {known}% >= 50%"),
                )
            } else if unknown > 0 {
                (
                    Status::Review,
                    format!(
                        "{list}: {rule}; listed direct owners hold {shares}: a share is unknown"
                    ),
                )
            } else {
                (
                    Status::OutOfReach,
                    format!("{list}: {rule}; listed direct owners hold {known}% < 50%"),
                )
            }
        } else {
            // Up a chain: every link must be 50% or more.
            let shares = q
                .chain
                .iter()
                .map(|s| s.map_or("unknown".to_string(), |v| format!("{v}%")))
                .collect::<Vec<_>>()
                .join(" of ");
            if q.chain.iter().any(|s| s.is_some_and(|v| v < 50.0)) {
                (
                    Status::OutOfReach,
                    format!("{list}: {rule}; the ownership chain ({shares}) has a link under 50%"),
                )
            } else if q.chain.iter().all(Option::is_some) {
                (
                    Status::Match,
                    format!(
                        "{list}: {rule}; every link of the ownership chain ({shares}) is 50% or more"
                    ),
                )
            } else {
                (
                    Status::Review,
                    format!("{list}: {rule}; the ownership chain ({shares}) has an unknown share"),
                )
            }
        }
    }
}

/// For each entity of a list, the listed parties that own it or are affiliated
/// with it: its own `parent`/`affiliate` relations, and other entities'
/// `subsidiary` relations pointing at it.
fn related_parties(list: &DesignationList) -> Vec<Vec<Link>> {
    let index: HashMap<&str, usize> = list
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut out = vec![Vec::new(); list.entities.len()];
    for (i, e) in list.entities.iter().enumerate() {
        for r in &e.relations {
            let Some(&t) = r.target.as_deref().and_then(|t| index.get(t)) else {
                continue;
            };
            if t == i {
                continue;
            }
            let share = r.share.map(|s| format!(", {s}%")).unwrap_or_default();
            match r.kind {
                RelationKind::Parent => {
                    out[i].push((t, format!("parent{share}"), r.citation.clone()))
                }
                RelationKind::Affiliate => {
                    out[i].push((t, "affiliate".to_string(), r.citation.clone()));
                    out[t].push((i, "affiliate".to_string(), r.citation.clone()));
                }
                RelationKind::Subsidiary => {
                    out[t].push((i, format!("parent{share}"), r.citation.clone()))
                }
            }
        }
    }
    for v in &mut out {
        v.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        v.dedup_by(|a, b| a.0 == b.0);
    }
    out
}

/// A listed party an entity leads to: its index, the link, the citation.
type Link = (usize, String, Option<String>);

/// Ordering of two hits on the same entity: a counting status first, then the
/// higher score, then the nearer path.
fn rank(hit: &Hit) -> (bool, u64, i64) {
    let depth = match &hit.via {
        Via::SelfName => 0,
        Via::Alias { .. } => 1,
        Via::Relation { .. } => 2,
        Via::Parent { level, .. } => 2 + *level as i64,
    };
    (hit.status.counts(), (hit.score * 1e9) as u64, -depth)
}

/// One name screened for a vendor: its own, an alias, or an owner's.
#[derive(Debug, Clone)]
struct Query {
    text: String,
    via: Via,
    /// Shares along the ownership chain, from the vendor up to this owner.
    chain: Vec<Option<f64>>,
    /// Which direct owner the chain starts at.
    direct_owner: Option<usize>,
}

/// A match before its status is decided.
#[derive(Debug, Clone)]
struct RawHit {
    list: usize,
    entity: usize,
    name: usize,
    score: f64,
    query: usize,
    via: Via,
    explanation: Explanation,
}

fn collect_owners(
    o: &Owner,
    level: usize,
    direct: usize,
    chain: &mut Vec<Option<f64>>,
    out: &mut Vec<Query>,
) {
    chain.push(o.share);
    out.push(Query {
        text: o.name.clone(),
        via: Via::Parent {
            level,
            name: o.name.clone(),
            share: o.share,
        },
        chain: chain.clone(),
        direct_owner: Some(direct),
    });
    for up in &o.owners {
        collect_owners(up, level + 1, direct, chain, out);
    }
    chain.pop();
}
