//! Re-screening only what changed: after the lists change, a vendor master
//! screened earlier needs screening again only where the change can alter a
//! result.
//!
//! A vendor's hits each concern one listed entity, and a score does not
//! depend on which other entities are loaded (names are weighed by how
//! common their words are among real company names, not in the lists), but
//! for the members a list names for a group, whose names vouch for the
//! brand the group's companies go by ([`crate::score::Core::members_carrying`]).
//! So a vendor's result can change only through an entity the change
//! *touches*: one added or changed (with the entities related to it), one
//! removed, one whose listing starts or ends between the earlier run's date
//! and this one's, or a group one of whose members is touched. [`Rescreener`] builds a small screener over the
//! touched entities of the new lists and screens every vendor against it;
//! a vendor that hits it, or whose earlier hits name a touched entity, is
//! screened again in full (its statuses can depend on each other, e.g.
//! under the 50% rule); every other vendor's earlier result stands.
//!
//! Normalising a name is most of what screening it against a few entities
//! costs, and almost no vendor name shares a word with the few entities a
//! change touches. So a sieve (`sieve.rs`) first tells, from a name's raw
//! text, whether it can be a candidate of the small screener's index at
//! all; only names it cannot rule out are screened against it. It never
//! rules out a name the index would find (see its documentation and
//! tests).
//!
//! A vendor screened again is screened against only the entities its
//! result can involve: the touched ones, those its earlier hits name, and
//! the parties these lead to through their lists' relations (a vendor with
//! identifiers, against every list), with the members the lists name for
//! them (the small screener over the touched entities holds those too, and
//! counts only hits on touched entities). Building a screener over a hundred
//! entities takes about 6 ms where one over every list of the example
//! takes 120-140 ms, and its report is the one a screener over every list
//! gives: a score depends only on the two names compared, and the tests
//! compare whole reports, findings and explanations included. (An earlier
//! attempt saw scores move by about 2e-3 with so few names loaded; on this
//! code they do not.)
//!
//! `cargo run --release --example rescreen -- 5` (2026-11-25, a 2-core
//! machine shared with other builds): 57,044 real vendor names after a
//! change of 100 entities to the CSL extract, one thread, building
//! included: full re-screen 2.56-2.86 s, incremental 185-199 ms,
//! 13.4x-14.4x (median 13.7x) over five runs; 6,344 names get past the
//! sieve, 2 vendors are screened again, every result the full
//! re-screen's.
//!
//! ```
//! use vendor_screen::{Vendor, lists, list::Date, rescreen::Rescreener};
//! let old = lists::bundled()?;
//! let mut new = old.clone();
//! let ndaa = new.iter_mut().find(|l| l.meta.id == "ndaa-889").unwrap();
//! ndaa.entities[0].aliases.push("Huawei Tech Co".into());
//! let day = Date::new(2026, 11, 25).unwrap();
//! let r = Rescreener::new(&old, new, day, day, None)?;
//! let vendors = [Vendor::new("Acme Widgets LLC"), Vendor::new("Huawei Technologies")];
//! // Their earlier hits: none, and the entity that changed.
//! let earlier = vec![vec![], vec![("ndaa-889".to_string(), "huawei".to_string())]];
//! let again = r.rescreen(&vendors, &earlier)?;
//! assert!(again[0].is_none(), "the earlier result stands");
//! assert!(again[1].as_ref().is_some_and(|report| !report.hits.is_empty()));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::error::Result;
use crate::list::diff::{diff, touched_lists};
use crate::list::{Date, DesignationList};
use crate::screen::{Report, Screener, ScreenerBuilder, Vendor, Via, related_parties};
use scope::{members_of, subset, with_members};
use sieve::Sieve;
use std::collections::{HashMap, HashSet, VecDeque};

mod changes;
mod earlier;
mod report;
mod scope;
mod sieve;

pub use changes::{Change, ChangesInput, ChangesLine, changes};
pub use earlier::{
    EarlierHit, EarlierInput, EarlierLine, EarlierList, EarlierVia, check_threshold, earlier_keys,
    earlier_lists, read_earlier,
};
pub use report::{SinceSummary, write_changes};

/// A list id and an entity id.
pub type EntityKey = (String, String);

/// Screens only what a change of lists can alter. See the module docs.
pub struct Rescreener {
    new: Vec<DesignationList>,
    delta: Option<Delta>,
    touched: HashSet<EntityKey>,
    /// Every entity of the new lists.
    present: HashSet<EntityKey>,
    /// The members the new lists name for their entities.
    members: HashMap<EntityKey, Vec<EntityKey>>,
    threshold: Option<f64>,
    as_of: Date,
}

impl Rescreener {
    /// Prepares re-screening: `old` are the lists of the earlier run (as of
    /// `earlier_as_of`), `new` the lists now (as of `as_of`), `threshold`
    /// the earlier run's (the crate's default when `None`).
    pub fn new(
        old: &[DesignationList],
        new: Vec<DesignationList>,
        earlier_as_of: Date,
        as_of: Date,
        threshold: Option<f64>,
    ) -> Result<Rescreener> {
        let d = diff(old, &new);
        let mut touched: HashSet<EntityKey> = touched_lists(&new, &d)
            .iter()
            .flat_map(|l| l.entities.iter().map(|e| (l.meta.id.clone(), e.id.clone())))
            .collect();
        for l in &d.lists {
            for e in &l.removed {
                touched.insert((l.list.clone(), e.id.clone()));
            }
        }
        // Listings that start or end between the two dates: their hits'
        // statuses change although the entries did not.
        for list in &new {
            for e in &list.entities {
                if e.in_force(earlier_as_of) != e.in_force(as_of) {
                    touched.insert((list.meta.id.clone(), e.id.clone()));
                }
            }
        }
        let present: HashSet<EntityKey> = new
            .iter()
            .flat_map(|l| l.entities.iter().map(|e| (l.meta.id.clone(), e.id.clone())))
            .collect();
        // A group whose members changed: its cores are vouched for by its
        // members' names ([`crate::score::Core::members_carrying`]), before
        // and now.
        let members = members_of(&new);
        let groups: Vec<EntityKey> = members
            .iter()
            .chain(members_of(old).iter())
            .filter(|(g, ms)| present.contains(*g) && ms.iter().any(|m| touched.contains(m)))
            .map(|(g, _)| g.clone())
            .collect();
        touched.extend(groups);
        let delta = if touched.iter().any(|k| present.contains(k)) {
            let mut lists = subset(&new, &with_members(touched.clone(), &members));
            lists.retain(|l| !l.entities.is_empty());
            let screener = build(lists, threshold)?;
            let sieve = Sieve::new(&screener);
            Some(Delta { screener, sieve })
        } else {
            None
        };
        Ok(Rescreener {
            new,
            delta,
            touched,
            present,
            members,
            threshold,
            as_of,
        })
    }

    /// The entities an earlier report's hits name: each hit's entity, the
    /// entity a relation hit was matched through, and each identifier
    /// hit's entity.
    pub fn keys(report: &Report) -> Vec<EntityKey> {
        let mut keys = Vec::new();
        for h in &report.hits {
            keys.push((h.list.clone(), h.entity_id.clone()));
            if let Via::Relation { entity_id, .. } = &h.via {
                keys.push((h.list.clone(), entity_id.clone()));
            }
        }
        for h in &report.identifier_hits {
            keys.push((h.list.clone(), h.entity_id.clone()));
        }
        keys
    }

    /// Whether the change can alter this vendor's result: its earlier hits
    /// (`earlier`, from [`Rescreener::keys`]) name a touched entity or one
    /// the new lists do not hold (a list whose earlier version is unknown
    /// can be passed as absent from `old`: all its entities count as added),
    /// or it hits a touched entity now.
    pub fn needs_full(&self, vendor: &Vendor, earlier: &[EntityKey]) -> bool {
        self.needs_full_with(vendor, earlier, &mut sieve::Scratch::default())
    }

    fn needs_full_with(
        &self,
        vendor: &Vendor,
        earlier: &[EntityKey],
        scratch: &mut sieve::Scratch,
    ) -> bool {
        earlier
            .iter()
            .any(|k| self.touched.contains(k) || !self.present.contains(k))
            || self
                .delta
                .as_ref()
                .is_some_and(|d| d.hits(vendor, self.as_of, &self.touched, scratch))
    }

    /// Re-screens a vendor master: for each vendor (with the keys of its
    /// earlier hits, in the same order), its new report when the change can
    /// alter it, `None` when its earlier result stands.
    pub fn rescreen(
        &self,
        vendors: &[Vendor],
        earlier: &[Vec<EntityKey>],
    ) -> Result<Vec<Option<Report>>> {
        let mut out: Vec<Option<Report>> = vec![None; vendors.len()];
        let mut scratch = sieve::Scratch::default();
        let again: Vec<usize> = (0..vendors.len())
            .filter(|&i| {
                let keys = earlier.get(i).map_or(&[][..], Vec::as_slice);
                self.needs_full_with(&vendors[i], keys, &mut scratch)
            })
            .collect();
        if again.is_empty() {
            return Ok(out);
        }
        let keys = again
            .iter()
            .flat_map(|&i| earlier.get(i).into_iter().flatten());
        let screener = if again.iter().any(|&i| !vendors[i].identifiers.is_empty()) {
            build(self.new.clone(), self.threshold)?
        } else {
            build(self.involved(keys), self.threshold)?
        };
        for i in again {
            out[i] = Some(screener.screen(&vendors[i], self.as_of));
        }
        Ok(out)
    }

    /// The new lists with only the entities a re-screened vendor's result
    /// can involve: the touched ones, those its earlier hits name (`keys`),
    /// and the parties these lead to through their lists' relations. A
    /// vendor hits an entity the change did not touch only if it hit it
    /// before (its score against it is the same); it reaches a party
    /// through a relation only from an entity it hits by name. So screened
    /// against these it gets the report it gets against every list, when
    /// hits by identifier are left aside (a vendor with identifiers is
    /// screened against every list: the keys a caller passes may leave its
    /// identifier hits out).
    fn involved<'a>(&self, keys: impl Iterator<Item = &'a EntityKey>) -> Vec<DesignationList> {
        let mut keep: HashSet<EntityKey> = self.touched.clone();
        keep.extend(keys.cloned());
        let mut parties = Vec::new();
        for list in &self.new {
            let key = |i: usize| (list.meta.id.clone(), list.entities[i].id.clone());
            for (i, links) in related_parties(list).iter().enumerate() {
                if !links.is_empty() && keep.contains(&key(i)) {
                    parties.extend(links.iter().map(|l| key(l.target)));
                }
            }
        }
        keep.extend(parties);
        subset(&self.new, &with_members(keep, &self.members))
    }

    /// Counts these entities as touched too (e.g. those a clearance names:
    /// a clearance added or changed since the earlier run alters a status
    /// without any list changing).
    pub fn touch(&mut self, keys: impl IntoIterator<Item = EntityKey>) {
        self.touched.extend(keys);
    }

    /// How many entities the change touches.
    pub fn touched(&self) -> usize {
        self.touched.len()
    }
}

/// The screener of the touched entities, with its sieve.
struct Delta {
    screener: Screener,
    sieve: Option<Sieve>,
}

impl Delta {
    /// Whether the vendor hits a touched entity, by name or identifier
    /// (the members the screener holds for their names only aside).
    fn hits(
        &self,
        vendor: &Vendor,
        as_of: Date,
        touched: &HashSet<EntityKey>,
        scratch: &mut sieve::Scratch,
    ) -> bool {
        let index = self.screener.matcher().index();
        if let Some(sieve) = &self.sieve {
            if !sieve.may_hit(index, vendor, scratch) {
                return false;
            }
        }
        let report = self.screener.screen(vendor, as_of);
        Rescreener::keys(&report)
            .iter()
            .any(|k| touched.contains(k))
    }
}

fn build(lists: Vec<DesignationList>, threshold: Option<f64>) -> Result<Screener> {
    let mut b = ScreenerBuilder::new().lists(lists);
    if let Some(t) = threshold {
        b = b.threshold(t);
    }
    b.build()
}

/// The earlier run's lines, each given to at most one vendor, the first
/// in file order not yet given: a vendor with an id takes a line with that
/// id or a line without an id that has its name; a vendor without an id
/// takes a line with its name.
struct EarlierLines {
    by_id: HashMap<String, VecDeque<usize>>,
    by_name: HashMap<String, VecDeque<usize>>,
    by_name_without_id: HashMap<String, VecDeque<usize>>,
    given: Vec<bool>,
}

impl EarlierLines {
    fn new(earlier: &[EarlierLine]) -> EarlierLines {
        let mut lines = EarlierLines {
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            by_name_without_id: HashMap::new(),
            given: vec![false; earlier.len()],
        };
        for (i, l) in earlier.iter().enumerate() {
            let name = l.input.name.clone();
            match &l.input.id {
                Some(id) => lines.by_id.entry(id.clone()).or_default().push_back(i),
                None => (lines.by_name_without_id.entry(name.clone()).or_default()).push_back(i),
            }
            lines.by_name.entry(name).or_default().push_back(i);
        }
        lines
    }

    /// The first line of `queue` not yet given, dropping given ones.
    fn front(given: &[bool], queue: Option<&mut VecDeque<usize>>) -> Option<usize> {
        let queue = queue?;
        while let Some(&i) = queue.front() {
            if !given[i] {
                return Some(i);
            }
            queue.pop_front();
        }
        None
    }

    /// Gives `v` its line, if there is one left.
    fn take(&mut self, v: &Vendor) -> Option<usize> {
        let given = &self.given;
        let found = match &v.id {
            None => Self::front(given, self.by_name.get_mut(&v.name)),
            Some(id) => {
                let with_id = Self::front(given, self.by_id.get_mut(id));
                let by_name = Self::front(given, self.by_name_without_id.get_mut(&v.name));
                with_id.into_iter().chain(by_name).min()
            }
        }?;
        self.given[found] = true;
        Some(found)
    }
}

/// One vendor's outcome under `--since`.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceResult {
    /// Whether it was screened again (else its earlier result stands).
    pub screened_again: bool,
    /// What changed since the earlier run (empty when nothing did).
    pub changes: Vec<Change>,
    /// The new report, when it was screened again.
    pub report: Option<Report>,
}

/// `screen --since`: given the lines of an earlier run and a screener over
/// the lists now, screens again only the vendors the change can alter (see
/// [`Rescreener`]) and says, per vendor, what changed. Vendors are matched
/// to earlier lines by id when they have one, else by name (each line used
/// once); a vendor the earlier run did not have is screened in full.
/// `screen` screens one vendor in full with the caller's options (e.g. its
/// clearances); `cleared` are the entities the caller's clearances name,
/// counted as touched.
pub fn since(
    earlier: &[EarlierLine],
    screener: &Screener,
    vendors: &[Vendor],
    as_of: Date,
    cleared: &[EntityKey],
    screen: impl Fn(&Vendor) -> Report,
) -> Result<Vec<SinceResult>> {
    let current = screener.lists();
    let (old, then) = match earlier.first() {
        Some(first) => (earlier_lists(&first.lists, current), first.as_of),
        None => (Vec::new(), as_of),
    };
    let mut r = Rescreener::new(
        &old,
        current.to_vec(),
        then,
        as_of,
        Some(screener.threshold()),
    )?;
    r.touch(cleared.iter().cloned());
    let mut lines = EarlierLines::new(earlier);
    let mut scratch = sieve::Scratch::default();
    let mut out = Vec::with_capacity(vendors.len());
    for v in vendors {
        let found = lines.take(v);
        let hits: &[EarlierHit] = found.map_or(&[], |i| &earlier[i].hits);
        let mut keys = earlier_keys(hits);
        if let Some(i) = found {
            keys.extend(earlier_keys(&earlier[i].identifier_hits));
        }
        if found.is_some() && !r.needs_full_with(v, &keys, &mut scratch) {
            out.push(SinceResult {
                screened_again: false,
                changes: Vec::new(),
                report: None,
            });
            continue;
        }
        let report = screen(v);
        out.push(SinceResult {
            screened_again: true,
            changes: changes(hits, &report),
            report: Some(report),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule as the docs of [`EarlierLines`] state it, scanning every line.
    fn scan(earlier: &[EarlierLine], used: &mut [bool], v: &Vendor) -> Option<usize> {
        let i = earlier.iter().enumerate().position(|(i, l)| {
            !used[i]
                && match (&v.id, &l.input.id) {
                    (Some(a), Some(b)) => a == b,
                    _ => l.input.name == v.name,
                }
        })?;
        used[i] = true;
        Some(i)
    }

    fn line(id: Option<u8>, name: u8) -> EarlierLine {
        EarlierLine {
            input: EarlierInput {
                id: id.map(|i| i.to_string()),
                name: format!("n{name}"),
            },
            as_of: Date::new(2026, 1, 1).expect("a date"),
            threshold: None,
            lists: Vec::new(),
            hits: Vec::new(),
            identifier_hits: Vec::new(),
        }
    }

    proptest! {
        #[test]
        fn lines_are_given_as_a_scan_gives_them(
            lines in prop::collection::vec((prop::option::of(0u8..4), 0u8..4), 0..12),
            vendors in prop::collection::vec((prop::option::of(0u8..4), 0u8..4), 0..12),
        ) {
            let earlier: Vec<EarlierLine> = lines.iter().map(|&(i, n)| line(i, n)).collect();
            let mut used = vec![false; earlier.len()];
            let mut fast = EarlierLines::new(&earlier);
            for (id, name) in vendors {
                let mut v = Vendor::new(format!("n{name}"));
                v.id = id.map(|i| i.to_string());
                prop_assert_eq!(fast.take(&v), scan(&earlier, &mut used, &v));
            }
        }
    }
}
