//! The sections that print as they measure: self-match, false positives
//! on the real vendor names, and the contractions those names use.

use crate::report::{FalsePositiveFigures, SelfMatchFigures, pct};
use crate::{Args, cases, self_match, sources, vendors, words};
use std::time::Instant;
use vendor_screen::DEFAULT_THRESHOLD;
use vendor_screen::list::{Date, DesignationList};

/// The self-match section.
pub(crate) fn self_matches(
    files: &[sources::ListFile],
    skipped: &sources::Skipped,
    as_of: Date,
    show: usize,
) -> Result<Vec<SelfMatchFigures>, Box<dyn std::error::Error>> {
    println!("## Self-match: every listed name as written, against its own file (>= 0.99)");
    for (path, why) in skipped {
        println!("  not loaded (no importer yet): {path}: {why}");
    }
    println!(
        "  {:<52} {:>7} {:>7}  failures by class",
        "file", "names", "fail"
    );
    let (mut names, mut failures) = (0, 0);
    let mut out = Vec::new();
    for f in files {
        let r = self_match::run(f, as_of)?;
        names += r.names;
        failures += r.failures.len();
        let label = if r.raw {
            r.file.clone()
        } else {
            format!("{} (as imported)", r.file)
        };
        let mut classes: Vec<String> = r.by_class.iter().map(|(c, n)| format!("{c} {n}")).collect();
        if r.notes > 0 {
            classes.push(format!(
                "({} notes among the aliases not screened)",
                r.notes
            ));
        }
        if r.rejected_names > 0 {
            classes.push(format!(
                "({} names of records the importer rejected)",
                r.rejected_names
            ));
        }
        println!(
            "  {label:<52} {:>7} {:>7}  {}",
            r.names,
            r.failures.len(),
            classes.join(", ")
        );
        out.push(SelfMatchFigures {
            file: r.file,
            names: r.names,
            failures: r.failures.len(),
            by_class: r.by_class,
            seconds: r.seconds,
            failed: r.failures,
        });
    }
    println!("  all: {failures} of {names} names fail");
    let mut worst: Vec<&self_match::Failure> = out.iter().flat_map(|f| &f.failed).collect();
    worst.sort_by(|a, b| {
        a.own_score
            .unwrap_or(0.0)
            .total_cmp(&b.own_score.unwrap_or(0.0))
    });
    if !worst.is_empty() {
        println!(
            "  worst {} (all of them: cargo test --release --test self_match -- --ignored --nocapture):",
            show.min(worst.len())
        );
    }
    for x in worst.iter().take(show) {
        println!(
            "    {} {:?} [{} {}; {}] instead: {}",
            x.own_score.map_or("  -  ".into(), |s| format!("{s:.3}")),
            x.name,
            x.file,
            x.id,
            x.class,
            x.instead
                .as_ref()
                .map_or("nothing".into(), |(l, _, n, s)| format!(
                    "{n:?} ({l}) {s:.3}"
                ))
        );
    }
    Ok(out)
}

/// Screens every vendor name against `lists` at the floor threshold; prints
/// the shares when `print`; returns the figures and the screener.
pub(crate) fn false_positives(
    label: &str,
    lists: Vec<DesignationList>,
    vendor_names: &[vendors::VendorName],
    listed: &[vendors::Listed],
    args: &Args,
    as_of: Date,
    print: bool,
) -> Result<(FalsePositiveFigures, cases::Screeners), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let names: usize = lists
        .iter()
        .flat_map(|l| &l.entities)
        .map(|e| e.names().count())
        .sum();
    let screeners = cases::Screeners::build(lists, args.floor)?;
    let tops = vendors::top_hits(&screeners.floor, vendor_names, as_of);
    let t1 = vendors::threshold_for_share(&tops, 0.01, args.floor);
    // Counted at the default threshold by a screener built at it (see
    // `cases::Screeners`).
    let tops_default = if args.floor < DEFAULT_THRESHOLD {
        vendors::top_hits(screeners.default(), vendor_names, as_of)
    } else {
        tops.clone()
    };
    let mut at_default = Vec::new();
    let mut listed_at_default = Vec::new();
    if print {
        println!("  against {label} ({names} names):");
    }
    for file in [Some("fpds"), Some("sec"), None] {
        let f = vendors::flagged(vendor_names, &tops_default, listed, file, DEFAULT_THRESHOLD);
        let f1 = vendors::flagged(vendor_names, &tops, listed, file, t1);
        let (h, n) = (f.hit, f.n);
        if print {
            println!(
                "    {:<5} {h:>5} of {n:>6} = {:>5.2}% hit at {DEFAULT_THRESHOLD:.2} ({} checked as listed: {} false = {:.2}%);  {:>5} = {:>5.2}% at {t1:.3}",
                file.unwrap_or("all"),
                pct(h, n),
                f.listed,
                f.false_hits(),
                pct(f.false_hits(), n),
                f1.hit,
                pct(f1.hit, n)
            );
        }
        at_default.push((file.unwrap_or("all").to_string(), h, n));
        listed_at_default.push((file.unwrap_or("all").to_string(), f.listed));
    }
    let top = vendors::worst(vendor_names, &tops_default, DEFAULT_THRESHOLD, args.show);
    if let Some(path) = &args.vendor_hits {
        let every = vendors::worst(vendor_names, &tops_default, DEFAULT_THRESHOLD, usize::MAX);
        vendors::append_hits(path, label, &every)?;
    }
    if print && t1 <= args.floor {
        println!(
            "    (fewer than 1% hit even at the floor {:.3}: the 1% threshold is lower; --floor to see it)",
            args.floor
        );
    }
    if print {
        println!("    top pairs:");
        for (v, x) in &top {
            println!(
                "      {:.3} {:?} ({}) ~ {:?} [{} {}]",
                x.score, v.name, v.file, x.matched_name, x.list, x.entity_id
            );
        }
        println!("    ({:.1}s)", t.elapsed().as_secs_f64());
    }
    let figures = FalsePositiveFigures {
        lists: label.to_string(),
        names,
        at_default,
        listed_at_default,
        threshold_1pct: t1,
        top: top
            .into_iter()
            .map(|(v, x)| (v.file.to_string(), v.name.clone(), x.clone()))
            .collect(),
        seconds: t.elapsed().as_secs_f64(),
    };
    Ok((figures, screeners))
}

/// Prints which contractions occur in real vendor names, and how often.
pub(crate) fn contractions(
    vendor_names: &[vendors::VendorName],
) -> Vec<(String, Vec<String>, usize, usize)> {
    println!();
    println!("## Contractions in real vendor names (used for variants when seen at least once)");
    let counts = words::contraction_counts(vendor_names);
    let mut line = String::from("  ");
    for (c, _, fpds, sec) in &counts {
        let item = format!("{c} {fpds}/{sec}");
        if line.len() + item.len() > 100 {
            println!("{line}");
            line = String::from("  ");
        }
        line.push_str(&format!("{item:<16}"));
    }
    println!("{line}");
    println!("  (word: FPDS count/SEC count)");
    counts
        .into_iter()
        .map(|(c, w, a, b)| {
            (
                c.to_string(),
                w.iter().map(|s| s.to_string()).collect(),
                a,
                b,
            )
        })
        .collect()
}
