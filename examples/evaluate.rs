//! Matching-quality evaluation on real data only (run from the repository root,
//! with `../shared` beside it):
//!
//! ```text
//! cargo run --release --example evaluate -- [--per-kind N] [--vendors N] [--threshold F] [--show N]
//! ```
//!
//! - Positives: organisation names of the real Consolidated Screening List
//!   extract (`../shared/data/csl/consolidated-2023-11-partial.csv`), each
//!   perturbed in one of the ways vendor masters spell names (see
//!   `evaluate/perturb.rs`). A variant is detected when screening it hits the
//!   entity it came from at or above the threshold.
//! - Negatives: real vendor names (`../shared/data/vendors/`), screened
//!   against the same CSL lists plus the bundled lists. Any hit counts as a
//!   false positive (a few vendors may truly be listed: `--show` prints the
//!   hits to check by hand).

#[path = "evaluate/data.rs"]
mod data;
#[path = "evaluate/perturb.rs"]
mod perturb;

use clap::Parser;
use data::{csl_lists, detect, organisation_names, vendor_names};
use perturb::{KINDS, Rng};
use std::time::Instant;
use vendor_screen::list::Date;
use vendor_screen::{ScreenerBuilder, Vendor};

#[derive(Parser)]
struct Args {
    /// Listed names perturbed per kind of variation.
    #[arg(long, default_value_t = 400)]
    per_kind: usize,
    /// Real vendor names screened as negatives (0: all).
    #[arg(long, default_value_t = 0)]
    vendors: usize,
    /// Threshold (default: the crate's default).
    #[arg(long)]
    threshold: Option<f64>,
    /// Print up to N misses per kind and N false positives.
    #[arg(long, default_value_t = 0)]
    show: usize,
    /// Random seed.
    #[arg(long, default_value_t = 20261122)]
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let csl = csl_lists()?;
    let threshold = args.threshold.unwrap_or(vendor_screen::DEFAULT_THRESHOLD);
    let as_of = Date::new(2023, 12, 1).ok_or("date")?;

    let positives = organisation_names(&csl);
    let t = Instant::now();
    let csl_screener = ScreenerBuilder::new()
        .lists(csl.clone())
        .threshold(threshold)
        .build()?;
    let mut all = csl.clone();
    all.extend(vendor_screen::lists::bundled()?);
    let all_screener = ScreenerBuilder::new()
        .lists(all)
        .threshold(threshold)
        .build()?;
    eprintln!("built screeners in {:.2?}", t.elapsed());

    println!(
        "threshold {threshold:.2}; {} organisation names in the CSL extract",
        positives.len()
    );
    println!(
        "{:<18} {:>7} {:>9} {:>8}",
        "variation", "tried", "detected", "rate"
    );
    let (mut tried_all, mut found_all) = (0, 0);
    let mut rng = Rng::new(args.seed);
    for kind in KINDS {
        let (tried, found, misses) = detect(
            &csl_screener,
            &positives,
            kind,
            args.per_kind,
            &mut rng,
            as_of,
        );
        tried_all += tried;
        found_all += found;
        println!(
            "{kind:<18} {tried:>7} {found:>9} {:>7.1}%",
            100.0 * found as f64 / tried.max(1) as f64
        );
        for (orig, variant) in misses.iter().take(args.show) {
            println!("    miss: {variant:?} (from {orig:?})");
        }
    }
    println!(
        "{:<18} {tried_all:>7} {found_all:>9} {:>7.1}%",
        "all",
        100.0 * found_all as f64 / tried_all.max(1) as f64
    );

    let all_vendors = vendor_names(1)?.len();
    let step = all_vendors.checked_div(args.vendors).unwrap_or(1);
    let vendors = vendor_names(step)?;
    println!("real vendor names against the CSL extract and the bundled lists:");
    false_positives(&all_screener, &vendors, as_of, args.show);
    let official = ScreenerBuilder::new()
        .lists(data::all_official_lists()?)
        .threshold(threshold)
        .build()?;
    println!(
        "real vendor names against every official list in ../shared/data and the bundled lists ({} entities):",
        official
            .lists()
            .iter()
            .map(|l| l.entities.len())
            .sum::<usize>()
    );
    false_positives(&official, &vendors, as_of, args.show);
    Ok(())
}

/// Screens real vendor names and prints the share that hit anything, per file.
fn false_positives(
    screener: &vendor_screen::Screener,
    vendors: &[(&str, String)],
    as_of: Date,
    show: usize,
) {
    let t = Instant::now();
    let mut flagged: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut shown = 0;
    for (file, v) in vendors {
        let report = screener.screen(&Vendor::new(v.as_str()), as_of);
        let entry = flagged.entry(file).or_default();
        entry.1 += 1;
        if let Some(h) = report.hits.first() {
            entry.0 += 1;
            if shown < show {
                shown += 1;
                println!(
                    "    hit: {v:?} ~ {:?} [{} {}] {:.3}",
                    h.matched_name, h.list, h.entity_id, h.score
                );
            }
        }
    }
    let elapsed = t.elapsed();
    let (mut hit, mut all) = (0, 0);
    for (file, (h, n)) in &flagged {
        hit += h;
        all += n;
        println!(
            "{file}: {h} of {n} vendor names hit anything = {:.2}%",
            100.0 * *h as f64 / (*n).max(1) as f64
        );
    }
    println!(
        "all real vendor names: {hit} of {all} = {:.2}% ({:.1?}, {:.0} names/s on one core)",
        100.0 * hit as f64 / all.max(1) as f64,
        elapsed,
        all as f64 / elapsed.as_secs_f64()
    );
}
