//! Self-match: every name of every record of a list file, as the file writes
//! it, screened against that file's own lists, must hit its own entity (the
//! one the importer made of the record, by the source's id) at 0.99 or more,
//! through the name itself (not through a relation).

use super::sources::{ListFile, RawRecord};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::time::Instant;
use vendor_screen::list::Date;
use vendor_screen::{Report, ScreenerBuilder, Vendor, Via};

/// The score a name must reach against its own entity.
pub const SELF_MATCH: f64 = 0.99;

/// One name that did not hit its own entity at [`SELF_MATCH`].
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The file.
    pub file: String,
    /// The record's entity id.
    pub id: String,
    /// The name as the file writes it.
    pub name: String,
    /// Where in the record the name is (`name`, `alt_names`, ...).
    pub field: &'static str,
    /// The kind of writing that fails (see [`class`]).
    pub class: &'static str,
    /// The best score the name got against its own entity (`None`: no hit at all).
    pub own_score: Option<f64>,
    /// The best hit it got instead: (list, entity id, matched name, score).
    pub instead: Option<(String, String, String, f64)>,
}

/// One file's result.
#[derive(Debug, Clone, Serialize)]
pub struct FileResult {
    /// The file.
    pub file: String,
    /// Whether names were read raw from the file (else taken from the importer).
    pub raw: bool,
    /// Records read.
    pub records: usize,
    /// Names screened.
    pub names: usize,
    /// Names of records the importer rejected (and said so), not screened.
    pub rejected_names: usize,
    /// Notes the file writes among names (not screened).
    pub notes: usize,
    /// Names that failed, including names of records the importer lost.
    pub failures: Vec<Failure>,
    /// Failures per class.
    pub by_class: BTreeMap<&'static str, usize>,
    /// Seconds spent.
    pub seconds: f64,
}

/// The kind of writing a name shows, by the first rule that applies: the
/// classes issue 11 lists, so the lead can see which one is left.
pub fn class(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let has = |w: &str| lower.contains(w);
    if has("a.k.a") || has("f.k.a") || has("n.k.a") || has("formerly") || has("also known as") {
        "a.k.a./f.k.a. prose"
    } else if has("sub-unit") || has("successor") {
        "sub-units and successors"
    } else if has("subordinate")
        || has("entity:")
        || has("parent organization")
        || has("affiliated")
        || has("subsidiary")
        || has("institution -")
        || has("division")
    {
        "relation clause"
    } else if lower.trim_start().starts_with("and ") {
        "fragment starting with `and`"
    } else if name.contains(';') {
        "`;` inside"
    } else if name.contains('(') || name.contains('[') {
        "parenthetical"
    } else if name.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        "non-ASCII letters"
    } else if name.split_whitespace().count() == 1 && name.trim().len() <= 5 {
        "short one-word name"
    } else if name.contains('?') {
        "`?` for a lost character"
    } else {
        "other"
    }
}

/// Screens every name of `file` against its own lists.
pub fn run(file: &ListFile, as_of: Date) -> Result<FileResult, Box<dyn std::error::Error>> {
    let t = Instant::now();
    let screener = ScreenerBuilder::new()
        .lists(file.lists.clone())
        .threshold(SELF_MATCH)
        .build()?;
    let ids: HashSet<(&str, &str)> = file
        .lists
        .iter()
        .flat_map(|l| {
            l.entities
                .iter()
                .map(move |e| (l.meta.id.as_str(), e.id.as_str()))
        })
        .collect();
    let lists: Vec<&str> = file.lists.iter().map(|l| l.meta.id.as_str()).collect();
    let rejected: HashSet<usize> = file.rejected.iter().map(|(l, _)| *l).collect();
    let own_lists = |r: &RawRecord| -> Vec<String> {
        lists
            .iter()
            .filter(|l| r.list.as_deref().is_none_or(|x| x == **l))
            .filter(|l| ids.contains(&(**l, r.id.as_str())))
            .map(|l| l.to_string())
            .collect()
    };
    let mut result = FileResult {
        file: file.label.clone(),
        raw: file.raw,
        records: file.records.len(),
        names: 0,
        rejected_names: 0,
        notes: file.records.iter().map(|r| r.notes.len()).sum(),
        failures: Vec::new(),
        by_class: BTreeMap::new(),
        seconds: 0.0,
    };
    // (record, name index, its lists)
    let mut queries: Vec<(&RawRecord, usize, Vec<String>)> = Vec::new();
    for r in &file.records {
        let own = own_lists(r);
        if own.is_empty() && r.line > 0 && rejected.contains(&r.line) {
            result.rejected_names += r.names.len();
            continue;
        }
        for i in 0..r.names.len() {
            queries.push((r, i, own.clone()));
        }
    }
    result.names = queries.len();
    let vendors: Vec<Vendor> = queries
        .iter()
        .map(|(r, i, _)| Vendor::new(r.names[*i].text.as_str()))
        .collect();
    let reports = screener.screen_batch(&vendors, as_of);
    let mut failed: Vec<usize> = Vec::new();
    for (k, ((r, _, own), report)) in queries.iter().zip(&reports).enumerate() {
        if own_score(report, &r.id, own).is_none_or(|s| s < SELF_MATCH) {
            failed.push(k);
        }
    }
    if !failed.is_empty() {
        // Diagnose the failures with a screener that reports every score.
        let low = ScreenerBuilder::new()
            .lists(file.lists.clone())
            .threshold(0.0)
            .build()?;
        let vendors: Vec<Vendor> = failed.iter().map(|&k| vendors[k].clone()).collect();
        let reports = low.screen_batch(&vendors, as_of);
        for (&k, report) in failed.iter().zip(&reports) {
            let (r, i, own) = &queries[k];
            let name = &r.names[*i];
            let instead = report
                .hits
                .iter()
                .find(|h| !(h.entity_id == r.id && own.contains(&h.list)))
                .map(|h| {
                    (
                        h.list.clone(),
                        h.entity_id.clone(),
                        h.matched_name.clone(),
                        h.score,
                    )
                });
            let class = if own.is_empty() {
                "no entity (importer lost the record)"
            } else {
                match class(&name.text) {
                    "other" | "short one-word name" if !imported(file, r, &name.text) => {
                        "name not imported as written (importer)"
                    }
                    c => c,
                }
            };
            *result.by_class.entry(class).or_default() += 1;
            result.failures.push(Failure {
                file: file.label.clone(),
                id: r.id.clone(),
                name: name.text.clone(),
                field: name.field,
                class,
                own_score: own_score(report, &r.id, own),
                instead,
            });
        }
    }
    result.seconds = t.elapsed().as_secs_f64();
    Ok(result)
}

/// Whether the record's entity, as imported, carries `name` as one of its
/// names (spaces squeezed).
fn imported(file: &ListFile, r: &RawRecord, name: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = squeeze(name);
    file.lists
        .iter()
        .filter(|l| r.list.as_deref().is_none_or(|x| x == l.meta.id))
        .flat_map(|l| l.entities.iter().filter(|e| e.id == r.id))
        .any(|e| e.names().any(|(_, n)| squeeze(n) == name))
}

/// The best score of a report's hits on the entity `id` of one of `lists`,
/// reached through the vendor's own name.
fn own_score(report: &Report, id: &str, lists: &[String]) -> Option<f64> {
    report
        .hits
        .iter()
        .filter(|h| h.entity_id == id && lists.contains(&h.list) && h.via == Via::SelfName)
        .map(|h| h.score)
        .reduce(f64::max)
}
