//! Measures re-screening only what changed against a full re-screen, on
//! every real vendor name in ../shared/data/vendors/fpds-vendor-names.txt,
//! after a change of 100 entities to the real CSL extract (30 removed, 30
//! changed, 40 added), both on one thread and each building what it needs
//! (the full re-screen its screener, the incremental one its Rescreener:
//! the diff, the screener of the touched entities and its sieve, then the
//! screener it screens changed vendors with), and checks they agree. RUNS
//! (default 3) alternates the two that many times and prints each ratio
//! and their spread.
//!
//! ```text
//! cargo run --release --example rescreen [-- RUNS]
//! ```

use std::time::{Duration, Instant};
use vendor_screen::list::{Date, DesignationList, LoadOptions, Period, load::load_path_with};
use vendor_screen::rescreen::{EntityKey, Rescreener};
use vendor_screen::{Report, ScreenerBuilder, Vendor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).map_or(Ok(3), |a| a.parse())?;
    let data = "../shared/data";
    let partial = LoadOptions::partial();
    let mut old = load_path_with(
        format!("{data}/csl/consolidated-2023-11-partial.csv").as_ref(),
        None,
        &partial,
    )?
    .lists;
    old.extend(vendor_screen::lists::bundled()?);
    let new = change_100(&old, data)?;
    let names = std::fs::read_to_string(format!("{data}/vendors/fpds-vendor-names.txt"))?;
    let vendors: Vec<Vendor> = names.lines().map(Vendor::new).collect();
    let day: Date = "2023-12-01".parse()?;

    let t = Instant::now();
    let n = vendor_screen::normalize::Normalizer::new();
    let tokens: usize = vendors
        .iter()
        .map(|v| n.normalize(&v.name).tokens.len())
        .sum();
    eprintln!("normalising alone: {:.2?} ({tokens} tokens)", t.elapsed());
    let t = Instant::now();
    let earlier_screener = ScreenerBuilder::new().lists(old.clone()).build()?;
    let earlier: Vec<_> = vendors
        .iter()
        .map(|v| Rescreener::keys(&earlier_screener.screen(v, day)))
        .collect();
    eprintln!(
        "earlier run: {} vendors in {:.2?}",
        vendors.len(),
        t.elapsed()
    );

    let mut ratios = Vec::new();
    for run in 1..=runs {
        let t = Instant::now();
        let full_screener = ScreenerBuilder::new().lists(new.clone()).build()?;
        let full: Vec<Report> = vendors
            .iter()
            .map(|v| full_screener.screen(v, day))
            .collect();
        let full_time = t.elapsed();
        let Incremental {
            again,
            touched,
            took: incremental_time,
        } = incremental(&old, &new, &vendors, &earlier, day)?;
        let rescreened = again.iter().filter(|a| a.is_some()).count();
        // Check: the incremental result is the full one.
        let mut differ = 0;
        for ((a, f), keys) in again.iter().zip(&full).zip(&earlier) {
            differ += usize::from(match a {
                Some(report) => report != f,
                None => keys != &Rescreener::keys(f),
            });
        }
        let ratio = full_time.as_secs_f64() / incremental_time.as_secs_f64();
        ratios.push(ratio);
        println!(
            "run {run}: {} vendors, {touched} entities touched: full re-screen {:.2?}, incremental {:.2?} ({rescreened} screened again in full): {ratio:.1}x faster; {differ} results differ",
            vendors.len(),
            full_time,
            incremental_time,
        );
    }
    ratios.sort_by(f64::total_cmp);
    if let (Some(low), Some(high)) = (ratios.first(), ratios.last()) {
        println!(
            "{runs} runs: {low:.1}x to {high:.1}x, median {:.1}x",
            ratios[ratios.len() / 2]
        );
    }
    Ok(())
}

/// What a re-screen from scratch gave: each vendor's new report, if it was
/// screened again; the entities touched; the time taken.
struct Incremental {
    again: Vec<Option<Report>>,
    touched: usize,
    took: Duration,
}

/// Re-screening from scratch: the Rescreener prepared, then every vendor
/// through it.
fn incremental(
    old: &[DesignationList],
    new: &[DesignationList],
    vendors: &[Vendor],
    earlier: &[Vec<EntityKey>],
    day: Date,
) -> Result<Incremental, Box<dyn std::error::Error>> {
    let t = Instant::now();
    let r = Rescreener::new(old, new.to_vec(), day, day, None)?;
    let prepared = t.elapsed();
    let again = r.rescreen(vendors, earlier)?;
    let took = t.elapsed();
    eprintln!(
        "incremental: prepared (diff, screener of the touched entities, sieve) in {prepared:.2?}"
    );
    Ok(Incremental {
        again,
        touched: r.touched(),
        took,
    })
}

/// 30 SDN entities removed, 15 Entity List entities ended and 15 given an
/// alias, 40 entities of OFAC's non-SDN list added under new ids.
fn change_100(
    old: &[DesignationList],
    data: &str,
) -> Result<Vec<DesignationList>, Box<dyn std::error::Error>> {
    let mut new = old.to_vec();
    let sdn = new
        .iter_mut()
        .find(|l| l.meta.id == "csl-sdn")
        .ok_or("csl-sdn")?;
    let mut i = 0;
    sdn.entities.retain(|_| {
        i += 1;
        !(i % 50 == 0 && i <= 1500)
    });
    let el = new
        .iter_mut()
        .find(|l| l.meta.id == "csl-el")
        .ok_or("csl-el")?;
    for (k, e) in el.entities.iter_mut().step_by(29).take(30).enumerate() {
        if k < 15 {
            e.periods = vec![Period::new(None, "2023-10-01".parse().ok())];
        } else {
            e.aliases.push(format!("{} International", e.name));
        }
    }
    let cons = load_path_with(
        format!("{data}/ofac-non-sdn/cons_prim.csv").as_ref(),
        None,
        &LoadOptions::default(),
    )?;
    let sdn = new
        .iter_mut()
        .find(|l| l.meta.id == "csl-sdn")
        .ok_or("csl-sdn")?;
    for e in cons.lists[0].entities.iter().step_by(11).take(40) {
        let mut e = e.clone();
        e.id = format!("new-{}", e.id);
        sdn.entities.push(e);
    }
    Ok(new)
}
