//! The evaluation's sets of cases, built and screened: shared by
//! `examples/evaluate.rs` (the full report) and `tests/evaluation.rs` (the
//! targets, on samples that fit CI).

use super::cases::{self, Case, Outcome, Screeners};
use super::sources::ListFile;
use super::variants::Context;
use super::{compound, groups, holdout, persons, truncation};
use vendor_screen::Screener;
use vendor_screen::list::{Date, DesignationList};

/// The held-out CSL edition.
pub const CSL: &str = "csl/consolidated-2023-11-partial.csv";

/// Tuning lists: OFAC SDN 2024 and non-SDN, the DPL and the bundled lists.
pub const TUNING: [&str; 7] = [
    "ofac-sdn",
    "ofac-non-sdn",
    "bis-dpl",
    "ndaa-889",
    "fcc-covered",
    "dod-1260h",
    "ofac-ns-cmic",
];

/// A set of cases, screened.
pub struct Set {
    /// Its title.
    pub title: String,
    /// Rows printed first (the targets).
    pub pinned: Vec<&'static str>,
    /// The cases.
    pub cases: Vec<Case>,
    /// What screening gave for each.
    pub outcomes: Vec<Outcome>,
}

impl Set {
    /// (found at `t`, cases) in `row`.
    pub fn row(&self, row: &str, t: f64) -> (usize, usize) {
        let mut found = 0;
        let mut n = 0;
        for (c, o) in self.cases.iter().zip(&self.outcomes) {
            if c.rows.iter().any(|r| r == row) {
                n += 1;
                found += usize::from(o.found_at(t));
            }
        }
        (found, n)
    }

    /// The cases of `row` not found at `t`, lowest score first: (query, expected name, score).
    #[allow(dead_code)] // used by tests/evaluation.rs
    pub fn misses(&self, row: &str, t: f64) -> Vec<(String, String, Option<f64>)> {
        let mut out: Vec<(String, String, Option<f64>)> = self
            .cases
            .iter()
            .zip(&self.outcomes)
            .filter(|(c, o)| c.rows.iter().any(|r| r == row) && !o.found_at(t))
            .map(|(c, o)| (c.query.clone(), c.source.clone(), o.own_at(t)))
            .collect();
        out.sort_by(|a, b| a.2.unwrap_or(0.0).total_cmp(&b.2.unwrap_or(0.0)));
        out
    }
}

type Error = Box<dyn std::error::Error>;

/// The compound-variation sets (names with a distinctive word; names
/// without), for the tuning lists and the held-out CSL, screened with
/// `union` (a screener over every shared list, whose list ids `every` are).
/// `per_row` caps each row of a set (a deterministic sample).
#[allow(clippy::too_many_arguments)]
pub fn compound_sets(
    files: &[ListFile],
    every: &[DesignationList],
    union: (&Screener, &Screener),
    cx: &Context,
    per_row: usize,
    seed: u64,
    as_of: Date,
) -> Vec<Set> {
    let csl_ids: Vec<&str> = files
        .iter()
        .filter(|f| f.label == CSL)
        .flat_map(|f| f.lists.iter().map(|l| l.meta.id.as_str()))
        .collect();
    // The CSL repeats the Treasury lists and the DPL: its held-out names are
    // those no tuning list carries.
    let squeeze = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let tuning_names: std::collections::HashSet<String> = every
        .iter()
        .filter(|l| TUNING.contains(&l.meta.id.as_str()))
        .flat_map(|l| &l.entities)
        .flat_map(|e| e.names().map(|(_, n)| squeeze(n)))
        .collect();
    let mut sets = Vec::new();
    for (label, ids) in [
        ("tuning: OFAC SDN 2024, non-SDN, DPL, bundled", &TUNING[..]),
        ("held out: CSL 2023 names no tuning list has", &csl_ids[..]),
    ] {
        let mut sources = compound::organisations(every, ids);
        if ids != TUNING {
            sources.retain(|s| !s.names.iter().any(|n| tuning_names.contains(&squeeze(n))));
        }
        let n_without = sources
            .iter()
            .filter(|s| cx.without_distinctive(&s.name))
            .count();
        let with = compound::with_distinctive(&sources, cx, per_row, seed);
        let without = compound::without_distinctive(&sources, cx, per_row, seed);
        let cut = truncation::cases(&sources, cx, seed);
        let held_out = ids != TUNING;
        let skip = |n: &str| held_out && tuning_names.contains(&squeeze(n));
        let people = persons::cases(every, ids, &skip);
        let n_people = people
            .iter()
            .filter(|c| c.rows.first().is_some_and(|r| r == persons::ALL))
            .map(|c| &c.entity)
            .collect::<std::collections::HashSet<_>>()
            .len();
        for (title, pinned, cases) in [
            (
                format!(
                    "Compound variations, {label}: {} names with a distinctive word",
                    sources.len() - n_without
                ),
                vec![compound::COMPOUND],
                with,
            ),
            (
                format!("Names without a distinctive word, {label}: {n_without} names"),
                vec![
                    compound::COMPOUND,
                    compound::CONTRACTIONS,
                    compound::LEGAL,
                    compound::OTHER_NAME,
                ],
                without,
            ),
            (
                format!(
                    "Names cut at a field width ({} characters), {label}: every name longer",
                    truncation::WIDTHS.map(|w| w.to_string()).join(", ")
                ),
                vec![truncation::ALL, truncation::CHANGED],
                cut,
            ),
            (
                format!(
                    "People as vendor masters write them, {label}: {n_people} individuals written SURNAME, Given"
                ),
                vec![persons::ALL, persons::OTHER],
                people,
            ),
        ] {
            let outcomes = cases::screen(union.0, union.1, &cases, as_of);
            sets.push(Set {
                title,
                pinned,
                cases,
                outcomes,
            });
        }
    }
    sets
}

/// The alias hold-out set over the OFAC files, three folds each, and how
/// many names were not hidden because their entity's other names are all
/// weak aliases (which hit only a vendor's name that is one word for word).
pub fn alias_set(
    files: &[ListFile],
    floor: f64,
    seed: u64,
    as_of: Date,
) -> Result<(Set, usize), Error> {
    let mut cases = Vec::new();
    let mut outcomes = Vec::new();
    let mut weak_only = 0;
    for path in [
        "ofac-sdn/2021-07-07/sdn.csv",
        "ofac-sdn/2024-05-03/sdn.csv",
        "ofac-non-sdn/cons_prim.csv",
    ] {
        let Some(file) = files.iter().find(|f| f.label == path) else {
            continue;
        };
        for fold in holdout::folds(file, 3, seed) {
            weak_only += fold.weak_only;
            let screeners = Screeners::build(fold.lists, floor)?;
            outcomes.extend(screeners.screen(&fold.cases, as_of));
            cases.extend(fold.cases);
        }
    }
    let set = Set {
        title: "Alias hold-out, OFAC SDN 2021 and 2024, non-SDN organisations: one name hidden"
            .to_string(),
        pinned: vec!["all aliases"],
        cases,
        outcomes,
    };
    Ok((set, weak_only))
}

/// Row of the group members that carry their group's name (the target).
pub const CARRIES: &str = "all: carries its group's name";

/// Row of the group members found at the default threshold only through
/// a listed entry's link: the member's name matched a listed sibling that
/// the file links to the group (OFAC's `Linked To:`), not the group's name.
pub const THROUGH_LINK: &str = "all: found only through a listed sibling's link";

/// The group-member sets: tuning (bundled lists, OFAC files) and held out
/// (CSL). Members whose group's listing is not in force on `as_of`, or
/// reaches only the entity it names, are left out and counted in the
/// second value. `carries_only`: only the names that
/// carry their group's name (the target), for a quicker run.
pub fn group_sets(
    files: &[ListFile],
    cx: &Context,
    floor: f64,
    as_of: Date,
    carries_only: bool,
) -> Result<(Vec<Set>, groups::LeftOut), Error> {
    let mut by_set: Vec<(&str, Vec<Case>, Vec<Outcome>)> = Vec::new();
    let mut left_out = groups::LeftOut::default();
    for f in files {
        let (set, source) = if f.label.starts_with("lists/") {
            ("tuning", "bundled")
        } else if f.label.starts_with("ofac") {
            ("tuning", "OFAC")
        } else if f.label == CSL {
            ("held out", "CSL 2023")
        } else {
            continue;
        };
        let (folds, out) = groups::folds(f, source, as_of, cx, carries_only);
        left_out.not_in_force += out.not_in_force;
        left_out.named_only += out.named_only;
        let entry = match by_set.iter().position(|(s, _, _)| *s == set) {
            Some(i) => i,
            None => {
                by_set.push((set, Vec::new(), Vec::new()));
                by_set.len() - 1
            }
        };
        for fold in folds {
            let screeners = Screeners::build(fold.lists, floor)?;
            let outcomes = screeners.screen(&fold.cases, as_of);
            let mut cases = fold.cases;
            for (c, o) in cases.iter_mut().zip(&outcomes) {
                if o.through_link {
                    c.rows.push(THROUGH_LINK.to_string());
                }
            }
            by_set[entry].2.extend(outcomes);
            by_set[entry].1.extend(cases);
        }
    }
    let sets = by_set
        .into_iter()
        .map(|(set, cases, outcomes)| Set {
            title: format!(
                "Group members ({set}): the group hit as match or review, the member's own entry removed"
            ),
            pinned: vec![CARRIES, "all: a name of its own"],
            cases,
            outcomes,
        })
        .collect();
    Ok((sets, left_out))
}
