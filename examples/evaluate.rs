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

#[path = "evaluate/perturb.rs"]
mod perturb;

use clap::Parser;
use perturb::{KINDS, Rng, perturb};
use std::time::Instant;
use vendor_screen::list::{Date, DesignationList, EntityKind};
use vendor_screen::{Screener, ScreenerBuilder, Vendor};

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

const DATA: &str = "../shared/data";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let csl = std::fs::read(format!("{DATA}/csl/consolidated-2023-11-partial.csv"))?;
    let csl = vendor_screen::list::csl::parse(&csl, "consolidated-2023-11-partial.csv")?.lists;
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

    let mut vendors: Vec<String> = Vec::new();
    for f in ["fpds-vendor-names.txt", "sec-company-names.txt"] {
        let text = std::fs::read_to_string(format!("{DATA}/vendors/{f}"))?;
        vendors.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    if args.vendors > 0 && args.vendors < vendors.len() {
        let step = vendors.len() / args.vendors;
        vendors = vendors
            .into_iter()
            .step_by(step.max(1))
            .take(args.vendors)
            .collect();
    }
    let t = Instant::now();
    let mut flagged = 0;
    let mut shown = 0;
    for v in &vendors {
        let report = all_screener.screen(&Vendor::new(v.as_str()), as_of);
        if let Some(h) = report.hits.first() {
            flagged += 1;
            if shown < args.show {
                shown += 1;
                println!(
                    "    hit: {v:?} ~ {:?} [{} {}] {:.3}",
                    h.matched_name, h.list, h.entity_id, h.score
                );
            }
        }
    }
    println!(
        "real vendor names hitting anything: {flagged} of {} = {:.2}% ({:.1?})",
        vendors.len(),
        100.0 * flagged as f64 / vendors.len().max(1) as f64,
        t.elapsed()
    );
    Ok(())
}

/// Organisation names of the extract: Treasury rows typed `Entity`, and
/// BIS/State rows whose name carries a legal form or an organisation word.
fn organisation_names(lists: &[DesignationList]) -> Vec<(String, String, String)> {
    let n = vendor_screen::normalize::Normalizer::new();
    let mut out = Vec::new();
    for l in lists {
        for e in &l.entities {
            if e.kind != EntityKind::Organization
                || l.meta.id == "csl-dpl"
                || l.meta.id == "csl-plc"
            {
                continue;
            }
            let treasury = l.meta.authority.contains("Treasury");
            let org_word = n.normalize(&e.name).tokens.iter().any(|t| {
                matches!(
                    t.kind,
                    vendor_screen::normalize::TokenKind::LegalForm
                        | vendor_screen::normalize::TokenKind::Generic
                ) && t.text.len() > 3
            });
            // A name without a distinctive word (only generic words, places and
            // legal forms) is matched only whole, by design: not a variant test.
            if (treasury || org_word) && n.normalize(&e.name).has_distinctive() {
                out.push((l.meta.id.clone(), e.id.clone(), e.name.clone()));
            }
        }
    }
    out
}

/// Variants of one kind: how many were tried, how many hit their entity, the misses.
fn detect(
    screener: &Screener,
    names: &[(String, String, String)],
    kind: &str,
    per_kind: usize,
    rng: &mut Rng,
    as_of: Date,
) -> (usize, usize, Vec<(String, String)>) {
    let (mut tried, mut found) = (0, 0);
    let mut misses = Vec::new();
    let start = rng.below(names.len());
    for k in 0..names.len() {
        if tried >= per_kind {
            break;
        }
        let (list, id, name) = &names[(start + k * 7919) % names.len()];
        let Some(variant) = perturb(name, kind, rng) else {
            continue;
        };
        tried += 1;
        let report = screener.screen(&Vendor::new(variant.as_str()), as_of);
        if report
            .hits
            .iter()
            .any(|h| &h.list == list && &h.entity_id == id)
        {
            found += 1;
        } else {
            misses.push((name.clone(), variant));
        }
    }
    (tried, found, misses)
}
