//! The evaluation's figures (`--json`), the targets measured in a
//! run, and the rows that moved against an earlier run (`--baseline`).

use crate::cases::Table;
use crate::suite::Set;
use crate::{compound, peers, self_match, suite, vendors};
use serde::Serialize;
use vendor_screen::DEFAULT_THRESHOLD;

/// Everything measured, for `--json`.
#[derive(Serialize, Default)]
pub(crate) struct Figures {
    pub(crate) default_threshold: f64,
    pub(crate) self_match: Vec<SelfMatchFigures>,
    pub(crate) false_positives: Vec<FalsePositiveFigures>,
    pub(crate) contractions: Vec<(String, Vec<String>, usize, usize)>,
    pub(crate) peers: Vec<peers::Peer>,
    pub(crate) tables: Vec<Table>,
    pub(crate) seconds: f64,
}

#[derive(Serialize)]
pub(crate) struct SelfMatchFigures {
    pub(crate) file: String,
    pub(crate) names: usize,
    pub(crate) failures: usize,
    pub(crate) by_class: std::collections::BTreeMap<&'static str, usize>,
    pub(crate) seconds: f64,
    pub(crate) failed: Vec<self_match::Failure>,
}

#[derive(Serialize)]
pub(crate) struct FalsePositiveFigures {
    pub(crate) lists: String,
    pub(crate) names: usize,
    /// (file, vendors hit, vendors) at the default threshold.
    pub(crate) at_default: Vec<(String, usize, usize)>,
    /// (file, vendors hit) at the default threshold whose hit is on the
    /// entity they were checked by hand to name (`listed_vendors.tsv`): no
    /// false positives.
    pub(crate) listed_at_default: Vec<(String, usize)>,
    /// The threshold at which 1% of vendor names (FPDS and SEC) hit.
    pub(crate) threshold_1pct: f64,
    pub(crate) top: Vec<(String, String, vendors::Top)>,
    pub(crate) seconds: f64,
}

pub(crate) fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// The targets, measured in this run, at the default threshold.
pub(crate) fn targets(figures: &Figures, sets: &[Set], t1: f64) {
    println!();
    println!("## Targets (issue 11), at the default threshold {DEFAULT_THRESHOLD:.2}");
    let line = |what: String, got: String, ok: bool| {
        println!("  [{}] {what}: {got}", if ok { "ok" } else { "NO" });
    };
    if !figures.self_match.is_empty() {
        let fails: usize = figures.self_match.iter().map(|f| f.failures).sum();
        let names: usize = figures.self_match.iter().map(|f| f.names).sum();
        line(
            "self-match: 0 failures".into(),
            format!("{fails} of {names} names fail"),
            fails == 0,
        );
    }
    for (fp, bound) in figures.false_positives.iter().zip([0.5, 1.0]) {
        // A hit on the entity a vendor was checked by hand to name is no
        // false positive: the bound is on the others, and both are shown.
        let false_hits = |file: &str| {
            let (_, h, n) = fp.at_default.iter().find(|(f, _, _)| f == file)?;
            let listed = fp
                .listed_at_default
                .iter()
                .find(|(f, _)| f == file)
                .map_or(0, |(_, k)| *k);
            let got = format!(
                "{} of {n} = {:.2}% ({h} hit, {listed} of them checked as listed parties)",
                h - listed,
                pct(h - listed, *n)
            );
            Some((got, pct(h - listed, *n) <= bound))
        };
        if let Some((got, ok)) = false_hits("all") {
            line(
                format!(
                    "vendor names falsely hitting {}: at most {bound}%",
                    fp.lists
                ),
                got,
                ok,
            );
        }
        // The FPDS names are the background table's source: the SEC names,
        // held out from it, are the fair measure of the same bound.
        if let Some((got, ok)) = false_hits("sec") {
            line(
                format!(
                    "SEC names alone (held out from the background table) falsely hitting {}: at most {bound}%",
                    fp.lists
                ),
                got,
                ok,
            );
        }
    }
    for s in sets {
        let rows: &[(&str, f64)] = if s.title.starts_with("Group members") {
            &[(suite::CARRIES, 95.0)]
        } else if s.title.starts_with("Names without") {
            &[
                (compound::COMPOUND, 98.0),
                (compound::CONTRACTIONS, 98.0),
                (compound::LEGAL, 98.0),
            ]
        } else if s.title.starts_with("Compound") {
            &[(compound::COMPOUND, 98.0)]
        } else {
            &[]
        };
        for (row, bound) in rows {
            let (f, n) = s.row(row, DEFAULT_THRESHOLD);
            if n > 0 && n < 20 {
                println!(
                    "  [--] {}: {row}: {f} of {n}, too few cases to hold to a target",
                    short_title(&s.title)
                );
            } else if n > 0 {
                line(
                    format!("{}: {row}: at least {bound}%", short_title(&s.title)),
                    format!("{f} of {n} = {:.1}%", pct(f, n)),
                    pct(f, n) >= *bound,
                );
            }
        }
        if s.title.starts_with("Names without") {
            // The issue sets no bound, only "never through the loss or swap
            // of a whole word": shown so that a rise is seen.
            let (f, n) = s.row(compound::OTHER_NAME, DEFAULT_THRESHOLD);
            println!(
                "  [--] {}: {}: wrongly hit {f} of {n} = {:.1}% (no bound; must not rise)",
                short_title(&s.title),
                compound::OTHER_NAME,
                pct(f, n)
            );
        }
        if s.title.starts_with("Alias") && !figures.peers.is_empty() {
            let (f, n) = s.row("all aliases", t1);
            let ours = pct(f, n);
            let table = figures.tables.iter().find(|t| t.title == s.title);
            let best_peer = table
                .and_then(|t| t.rows.iter().find(|r| r.label == "all aliases"))
                .map(|r| r.peers.iter().map(|(_, k)| pct(*k, n)).fold(0.0, f64::max))
                .unwrap_or(0.0);
            line(
                "alias hold-out on OFAC at 1% vendor false positives: beats both peers".into(),
                format!("{ours:.1}% vs best peer {best_peer:.1}%"),
                ours > best_peer,
            );
        }
    }
}

pub(crate) fn short_title(t: &str) -> String {
    t.split(':').next().unwrap_or(t).to_string()
}

/// Rows whose share moved by half a point or more between `old` and `new`
/// (both `--json` figures): self-match failures, vendor false positives,
/// and every table row at the default threshold, each said to be better or
/// worse (for the row of other names, the names must not be found).
pub(crate) fn changes(old: &serde_json::Value, new: &serde_json::Value, path: &std::path::Path) {
    use serde_json::Value;
    println!();
    println!("## Changes against {}", path.display());
    let mut shown = 0;
    let sum = |v: &Value, key: &str| -> u64 {
        v["self_match"]
            .as_array()
            .map_or(0, |a| a.iter().map(|f| f[key].as_u64().unwrap_or(0)).sum())
    };
    if new["self_match"].as_array().is_some_and(|a| !a.is_empty()) {
        let (a, b) = (sum(old, "failures"), sum(new, "failures"));
        if a != b {
            println!("  self-match failures: {a} -> {b}");
            shown += 1;
        }
    }
    let share = |v: &Value, lists: &str| -> Option<f64> {
        let fp = v["false_positives"].as_array()?;
        let f = fp.iter().find(|f| f["lists"] == lists)?;
        let all = f["at_default"].as_array()?.iter().find(|r| r[0] == "all")?;
        Some(pct(all[1].as_u64()? as usize, all[2].as_u64()? as usize))
    };
    for f in new["false_positives"].as_array().into_iter().flatten() {
        let lists = f["lists"].as_str().unwrap_or("");
        if let (Some(a), Some(b)) = (share(old, lists), share(new, lists)) {
            if (a - b).abs() >= 0.01 {
                println!("  vendor names hitting {lists}: {a:.2}% -> {b:.2}%");
                shown += 1;
            }
        }
    }
    let rows = |v: &Value| -> Vec<(String, String, f64, u64)> {
        let mut out = Vec::new();
        for t in v["tables"].as_array().into_iter().flatten() {
            let title = short_title(t["title"].as_str().unwrap_or(""));
            for r in t["rows"].as_array().into_iter().flatten() {
                let n = r["n"].as_u64().unwrap_or(0);
                let k = r["at_default"].as_u64().unwrap_or(0);
                out.push((
                    title.clone(),
                    r["label"].as_str().unwrap_or("").to_string(),
                    pct(k as usize, n as usize),
                    n,
                ));
            }
        }
        out
    };
    let before = rows(old);
    for (title, label, b, n) in rows(new) {
        if let Some((_, _, a, _)) = before
            .iter()
            .find(|(t, l, _, _)| *t == title && *l == label)
        {
            if (a - b).abs() >= 0.5 {
                // Rows of names that must not be found: a rise is worse.
                let wrong_hits = label == compound::OTHER_NAME;
                let verdict = if (b > *a) != wrong_hits {
                    "better"
                } else {
                    "WORSE"
                };
                let what = if wrong_hits { ", wrongly hit" } else { "" };
                println!("  {title}: {label}: {a:.1}% -> {b:.1}% (n {n}{what}): {verdict}");
                shown += 1;
            }
        }
    }
    if shown == 0 {
        println!("  nothing moved by half a point or more");
    }
}
