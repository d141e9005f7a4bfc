//! Screening: the [`Screener`] built once from lists, the [`Vendor`] query and
//! the [`Report`] of [`Hit`]s and [`crate::findings::Finding`]s.
//!
//! A query is screened in three steps: every name of the vendor (its own,
//! its aliases, its owners') is matched against the listed names; the
//! lists' own relations lead from a matched entity to its listed parents;
//! each hit gets a status from the entry's dates and the list's reach
//! (see [`Status`]). Hits are then grouped into findings, one per real entity.
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

mod builder;
mod hit;
mod identifiers;
mod query;
mod reach;
mod relations;
pub mod report;
pub mod trade_names;
pub mod vendor;
mod weak;

pub use builder::ScreenerBuilder;
pub use report::{Hit, IdentifierHit, ListUsed, Report, Status, Via};
pub use vendor::{IdentifierKind, Owner, Vendor, VendorIdentifier};

use crate::clearance::ClearanceSet;
use crate::error::Result;
use crate::explain::Explanation;
use crate::findings;
use crate::list::{Date, DesignationList, Entity, NameKind};
use crate::matcher::Matcher;
use crate::normalize::Normalizer;
use hit::rank;
use query::Query;
pub(crate) use reach::relation_words;
use relations::Link;
pub(crate) use relations::{members_named, related_parties};
use report::round3;
use std::collections::HashMap;

/// Half the last decimal scores are reported to ([`round3`]).
const REPORTED_HALF_STEP: f64 = 0.0005;

/// The default threshold: hits scoring below it are not reported.
pub const DEFAULT_THRESHOLD: f64 = 0.85;

#[derive(Debug, Clone)]
/// A listed name: its list, entity and kind.
struct NameRef {
    list: usize,
    entity: usize,
    kind: NameKind,
    /// For a weak alias that hits only a vendor's name that is the alias
    /// word for word ([`weak`]), the alias's words ([`weak::words`]),
    /// prepared once at build.
    word_for_word: Option<Vec<String>>,
}

/// An immutable screener, built once and shared across threads.
#[derive(Debug, Clone)]
pub struct Screener {
    lists: Vec<DesignationList>,
    names: Vec<NameRef>,
    matcher: Matcher,
    threshold: f64,
    /// Per list, per entity: the listed parties it leads to.
    related: Vec<Vec<Vec<Link>>>,
    list_index: HashMap<String, usize>,
    entity_index: Vec<HashMap<String, usize>>,
    /// Identifier compare form → (list, entity, identifier).
    identifiers: HashMap<String, Vec<(usize, usize, usize)>>,
    /// Per list, per entity: the keys that link its hits to others'
    /// ([`crate::findings`]), from the names prepared for matching.
    name_keys: Vec<Vec<Vec<crate::findings::link::Key>>>,
    normalizer: Normalizer,
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

impl Screener {
    /// The reporting threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The score names are matched down to: scores are reported to three
    /// decimals, and a hit is reported when its reported score reaches the
    /// threshold (0.8498 is reported as 0.850, so at 0.85 too), whatever
    /// threshold the screener is built at.
    fn cutoff(&self) -> f64 {
        (self.threshold - REPORTED_HALF_STEP).max(0.0)
    }

    /// The loaded lists.
    pub fn lists(&self) -> &[DesignationList] {
        &self.lists
    }

    /// The normaliser every name is read with.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// The listed names, prepared and indexed.
    pub(crate) fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The entity with id `id` on list `list`, if loaded.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, lists};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let zte = s.entity("ndaa-889", "zte").expect("listed");
    /// assert_eq!(zte.name, "ZTE Corporation");
    /// assert!(s.entity("ndaa-889", "acme").is_none() && s.entity("no-list", "zte").is_none());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn entity(&self, list: &str, id: &str) -> Option<&Entity> {
        let li = *self.list_index.get(list)?;
        let ei = *self.entity_index[li].get(id)?;
        Some(&self.lists[li].entities[ei])
    }

    /// The list with id `id`, if loaded.
    pub fn list(&self, id: &str) -> Option<&DesignationList> {
        self.list_index.get(id).map(|&i| &self.lists[i])
    }

    /// The loaded lists' ids, dates, source files and SHA-256 digests.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, lists};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// assert_eq!(s.lists_used().len(), 4);
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn lists_used(&self) -> Vec<ListUsed> {
        self.lists.iter().map(|l| ListUsed::of(&l.meta)).collect()
    }

    /// Screens a vendor, its aliases, identifiers and owners against every
    /// list, as of `as_of`. Cannot fail: a name that cannot be screened (see
    /// [`crate::limits`]) is left out, so the cost of any input is bounded;
    /// use [`Screener::try_screen`] to reject such a vendor instead.
    pub fn screen(&self, vendor: &Vendor, as_of: Date) -> Report {
        self.screen_with(vendor, as_of, false, None).0
    }

    /// Screens a vendor as [`Screener::screen`] does, with reviewed
    /// clearances applied path by path (see [`crate::clearance`]): a
    /// cleared hit keeps its place with status `cleared`, and another path
    /// to the same entity that is not cleared is reported instead. Returns
    /// the report and the indexes of the clearances that cleared a hit.
    pub fn screen_cleared(
        &self,
        vendor: &Vendor,
        as_of: Date,
        clearances: &ClearanceSet,
    ) -> (Report, Vec<usize>) {
        self.screen_with(vendor, as_of, false, Some(clearances))
    }

    /// [`Screener::screen_cleared`] for many vendors, across all cores with
    /// the `parallel` feature; results in input order.
    pub fn screen_batch_cleared(
        &self,
        vendors: &[Vendor],
        as_of: Date,
        clearances: &ClearanceSet,
    ) -> Vec<(Report, Vec<usize>)> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            vendors
                .par_iter()
                .map(|v| self.screen_cleared(v, as_of, clearances))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            vendors
                .iter()
                .map(|v| self.screen_cleared(v, as_of, clearances))
                .collect()
        }
    }

    /// Checks the vendor ([`Vendor::validate`]) and screens it.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let d = Date::new(2026, 11, 22).unwrap();
    /// assert!(s.try_screen(&Vendor::new("ZTE Corp"), d)?.flagged());
    /// let err = s.try_screen(&Vendor::new(""), d).unwrap_err();
    /// assert!(err.to_string().contains("empty name"));
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn try_screen(&self, vendor: &Vendor, as_of: Date) -> Result<Report> {
        vendor.validate()?;
        Ok(self.screen(vendor, as_of))
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
        self.screen_with(vendor, as_of, true, None).0
    }

    fn screen_with(
        &self,
        vendor: &Vendor,
        as_of: Date,
        brute_force: bool,
        clearances: Option<&ClearanceSet>,
    ) -> (Report, Vec<usize>) {
        let queries = query::queries(vendor);
        let raw = self.name_matches(&queries, as_of, brute_force);
        let cleared = clearances.map(|c| c.for_vendor(vendor));
        let mut used = Vec::new();
        let mut best: HashMap<(usize, usize), Hit> = HashMap::new();
        for h in &raw {
            let mut hit = self.hit(h, vendor, &queries, &raw, as_of);
            if let Some(i) = cleared
                .as_ref()
                .and_then(|c| c.hit(&hit.via, &hit.list, &hit.entity_id))
            {
                hit.status = Status::Cleared;
                hit.cleared = cleared.as_ref().map(|c| c.clearance(i).clone());
                used.push(i);
            }
            let key = (h.list, h.entity);
            if best.get(&key).is_none_or(|old| rank(&hit) > rank(old)) {
                best.insert(key, hit);
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        // At equal scores, the hit whose paired words carry more weight
        // first: it explains more of the names ("China Electronics
        // Technology Group Corporation 14th Research Institute" holds the
        // core of CETC's name, and of CEC's, a part of it, at the same score).
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.via.depth().cmp(&b.via.depth()))
                .then_with(|| b.explanation.matched.total_cmp(&a.explanation.matched))
                .then_with(|| a.list.cmp(&b.list))
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        let mut identifier_hits = self.identifier_hits(vendor, as_of);
        if let Some(c) = &cleared {
            for h in &mut identifier_hits {
                if let Some(i) = c.identifier(h.vendor_identifier.kind, &h.list, &h.entity_id) {
                    h.status = Status::Cleared;
                    h.cleared = Some(c.clearance(i).clone());
                    used.push(i);
                }
            }
        }
        used.sort_unstable();
        used.dedup();
        let ctx = findings::Context {
            lists: &self.lists,
            list_index: &self.list_index,
            entity_index: &self.entity_index,
            name_keys: &self.name_keys,
        };
        let findings = findings::build(&ctx, &hits, &identifier_hits);
        let report = Report {
            as_of,
            lists: self.lists_used(),
            hits,
            identifier_hits,
            findings,
        };
        (report, used)
    }

    /// Name matches of every query, and the listed parties they lead to
    /// through the lists' relations.
    fn name_matches(&self, queries: &[Query], as_of: Date, brute_force: bool) -> Vec<RawHit> {
        let mut raw: Vec<RawHit> = Vec::new();
        for (qi, query) in queries.iter().enumerate() {
            let found = if brute_force {
                self.matcher.find_brute_force(&query.text, self.cutoff())
            } else {
                self.matcher.find(&query.text, self.cutoff())
            };
            let mut query_words = None;
            for m in found
                .into_iter()
                .filter(|m| round3(m.score) >= self.threshold)
            {
                let name = &self.names[m.name];
                if let Some(alias_words) = name
                    .word_for_word
                    .as_ref()
                    .filter(|_| !weak::stands(&m.explanation))
                {
                    let words = query_words.get_or_insert_with(|| {
                        weak::words(&self.normalizer.normalize(&query.text))
                    });
                    if words != alias_words {
                        continue;
                    }
                }
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
            let from = &self.lists[h.list].entities[h.entity];
            // A link stated by a listing no longer in force leads nowhere.
            if !from.in_force(as_of) {
                continue;
            }
            let alias = match &h.via {
                Via::Alias { name } => Some(name.clone()),
                _ => None,
            };
            for link in &self.related[h.list][h.entity] {
                raw.push(RawHit {
                    entity: link.target,
                    via: Via::Relation {
                        entity_id: from.id.clone(),
                        entity_name: from.name.clone(),
                        link: link.link.clone(),
                        citation: link.citation.clone(),
                        alias: alias.clone(),
                    },
                    ..h.clone()
                });
            }
        }
        raw
    }
}
