//! Matching-quality evaluation on real data only (run from the repository root,
//! with `../shared` beside it):
//!
//! ```text
//! cargo run --release --example evaluate -- [--json FILE] [--show N] [--only SECTION]...
//! ```
//!
//! Sections (all by default; `--only` picks some):
//! - `self`: self-match. Every name of every list file that the importers
//!   load, as the file writes it, against its own file's lists: it must hit
//!   its own entity at 0.99 (`evaluate/self_match.rs`).
//! - `fp`: false positives. Every real vendor name (`../shared/data/vendors`)
//!   against (a) the CSL plus the bundled lists and (b) every shared list:
//!   the share with any hit, SEC names apart, and the threshold at which 1%
//!   of vendor names hit (`evaluate/vendors.rs`).
//! - `perturb`: the earlier single-perturbation detection rates on the CSL
//!   (`evaluate/perturb.rs`; to be replaced by compound variations).

#[allow(dead_code)] // shared with tests/evaluation.rs
#[path = "evaluate/data.rs"]
mod data;
#[path = "evaluate/perturb.rs"]
mod perturb;
#[path = "evaluate/self_match.rs"]
mod self_match;
#[allow(dead_code)] // the raw records' kinds and relations serve later sections
#[path = "evaluate/sources.rs"]
mod sources;
#[path = "evaluate/vendors.rs"]
mod vendors;

use clap::Parser;
use serde::Serialize;
use std::time::Instant;
use vendor_screen::list::{Date, DesignationList};
use vendor_screen::{DEFAULT_THRESHOLD, ScreenerBuilder};

#[derive(Parser)]
struct Args {
    /// Write the figures as JSON to this file.
    #[arg(long)]
    json: Option<std::path::PathBuf>,
    /// Worst misses (and top false-positive pairs) printed per set.
    #[arg(long, default_value_t = 20)]
    show: usize,
    /// Run only these sections (`self`, `fp`, `perturb`); repeatable.
    #[arg(long)]
    only: Vec<String>,
    /// Lowest score screened for, so recall can be read at any threshold above it.
    #[arg(long, default_value_t = 0.70)]
    floor: f64,
}

/// Everything measured, for `--json`.
#[derive(Serialize, Default)]
struct Figures {
    default_threshold: f64,
    self_match: Vec<SelfMatchFigures>,
    false_positives: Vec<FalsePositiveFigures>,
    seconds: f64,
}

#[derive(Serialize)]
struct SelfMatchFigures {
    file: String,
    names: usize,
    failures: usize,
    by_class: std::collections::BTreeMap<&'static str, usize>,
    seconds: f64,
    failed: Vec<self_match::Failure>,
}

#[derive(Serialize)]
struct FalsePositiveFigures {
    lists: String,
    names: usize,
    /// (file, vendors hit, vendors) at the default threshold.
    at_default: Vec<(String, usize, usize)>,
    /// The threshold at which 1% of vendor names (FPDS and SEC) hit.
    threshold_1pct: f64,
    top: Vec<(String, String, vendors::Top)>,
    seconds: f64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let started = Instant::now();
    let run = |s: &str| args.only.is_empty() || args.only.iter().any(|o| o == s);
    let as_of = Date::new(2026, 11, 22).ok_or("date")?;
    let mut figures = Figures {
        default_threshold: DEFAULT_THRESHOLD,
        ..Figures::default()
    };
    let (files, skipped) = sources::all_files()?;

    if run("self") {
        println!("## Self-match: every listed name as written, against its own file (>= 0.99)");
        for (path, why) in &skipped {
            println!("  not loaded (no importer yet): {path}: {why}");
        }
        println!(
            "  {:<52} {:>7} {:>7}  failures by class",
            "file", "names", "fail"
        );
        let (mut names, mut failures) = (0, 0);
        for f in &files {
            let r = self_match::run(f, as_of)?;
            names += r.names;
            failures += r.failures.len();
            let label = if r.raw {
                r.file.clone()
            } else {
                format!("{} (as imported)", r.file)
            };
            println!(
                "  {label:<52} {:>7} {:>7}  {}",
                r.names,
                r.failures.len(),
                r.by_class
                    .iter()
                    .map(|(c, n)| format!("{c} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            figures.self_match.push(SelfMatchFigures {
                file: r.file,
                names: r.names,
                failures: r.failures.len(),
                by_class: r.by_class,
                seconds: r.seconds,
                failed: r.failures,
            });
        }
        println!("  all: {failures} of {names} names fail");
        let mut worst: Vec<&self_match::Failure> =
            figures.self_match.iter().flat_map(|f| &f.failed).collect();
        worst.sort_by(|a, b| {
            a.own_score
                .unwrap_or(0.0)
                .total_cmp(&b.own_score.unwrap_or(0.0))
        });
        if !worst.is_empty() {
            println!(
                "  worst {} (all: cargo test --release --test self_match -- --ignored --nocapture):",
                args.show.min(worst.len())
            );
        }
        for x in worst.iter().take(args.show) {
            println!(
                "    {:.3} {:?} [{} {}; {}] instead: {}",
                x.own_score.unwrap_or(0.0),
                x.name,
                x.file,
                x.id,
                x.class,
                x.instead
                    .as_ref()
                    .map_or("nothing".into(), |(l, _, n, s)| format!("{l} {n:?} {s:.3}"))
            );
        }
    }

    if run("fp") {
        println!();
        println!("## False positives: every real vendor name (SEC held out)");
        let vendor_names = vendors::names()?;
        let csl_bundled = files
            .iter()
            .filter(|f| {
                f.label == "csl/consolidated-2023-11-partial.csv" || f.label.starts_with("lists/")
            })
            .flat_map(|f| f.lists.clone())
            .collect::<Vec<DesignationList>>();
        let every = sources::every_list(&files);
        for (label, lists) in [
            ("CSL 2023 + bundled", csl_bundled),
            ("every shared list", every),
        ] {
            let t = Instant::now();
            let names: usize = lists
                .iter()
                .flat_map(|l| &l.entities)
                .map(|e| e.names().count())
                .sum();
            let screener = ScreenerBuilder::new()
                .lists(lists)
                .threshold(args.floor)
                .build()?;
            let tops = vendors::top_hits(&screener, &vendor_names, as_of);
            let t1 = vendors::threshold_for_share(&tops, 0.01, args.floor);
            let mut at_default = Vec::new();
            println!("  against {label} ({names} names):");
            for file in [Some("fpds"), Some("sec"), None] {
                let (h, n) = vendors::flagged(&vendor_names, &tops, file, DEFAULT_THRESHOLD);
                let (h1, _) = vendors::flagged(&vendor_names, &tops, file, t1);
                println!(
                    "    {:<5} {h:>5} of {n:>6} = {:>5.2}% hit at {DEFAULT_THRESHOLD:.2};  {h1:>5} = {:>5.2}% at {t1:.3}",
                    file.unwrap_or("all"),
                    pct(h, n),
                    pct(h1, n)
                );
                at_default.push((file.unwrap_or("all").to_string(), h, n));
            }
            let top = vendors::worst(&vendor_names, &tops, DEFAULT_THRESHOLD, args.show);
            println!("    top pairs:");
            for (v, x) in &top {
                println!(
                    "      {:.3} {:?} ({}) ~ {:?} [{} {}]",
                    x.score, v.name, v.file, x.matched_name, x.list, x.entity_id
                );
            }
            println!("    ({:.1}s)", t.elapsed().as_secs_f64());
            figures.false_positives.push(FalsePositiveFigures {
                lists: label.to_string(),
                names,
                at_default,
                threshold_1pct: t1,
                top: top
                    .into_iter()
                    .map(|(v, x)| (v.file.to_string(), v.name.clone(), x.clone()))
                    .collect(),
                seconds: t.elapsed().as_secs_f64(),
            });
        }
    }

    if run("perturb") {
        println!();
        old_perturbations(as_of)?;
    }

    figures.seconds = started.elapsed().as_secs_f64();
    println!();
    println!("total {:.1}s", figures.seconds);
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&figures)?)?;
    }
    Ok(())
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// The earlier evaluation: one perturbation at a time of CSL names.
fn old_perturbations(as_of: Date) -> Result<(), Box<dyn std::error::Error>> {
    let csl = data::csl_lists()?;
    let positives = data::organisation_names(&csl);
    let screener = ScreenerBuilder::new().lists(csl).build()?;
    println!("## Single perturbations of CSL organisation names (earlier generator)");
    let mut rng = perturb::Rng::new(20261122);
    for kind in perturb::KINDS {
        let (tried, found, _) = data::detect(&screener, &positives, kind, 400, &mut rng, as_of);
        println!(
            "  {kind:<18} {tried:>7} {found:>9} {:>7.1}%",
            pct(found, tried)
        );
    }
    Ok(())
}
