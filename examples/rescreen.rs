//! Measures re-screening only what changed against a full re-screen, on
//! every real vendor name in ../shared/data/vendors/fpds-vendor-names.txt,
//! after a change of 100 entities to the real CSL extract (30 removed, 30
//! changed, 40 added), both on one thread, and checks they agree.
//!
//! ```text
//! cargo run --release --example rescreen
//! ```

use std::time::Instant;
use vendor_screen::list::{Date, DesignationList, LoadOptions, Period, load::load_path_with};
use vendor_screen::rescreen::Rescreener;
use vendor_screen::{ScreenerBuilder, Vendor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
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

    let t = Instant::now();
    let full_screener = ScreenerBuilder::new().lists(new.clone()).build()?;
    let full: Vec<_> = vendors
        .iter()
        .map(|v| full_screener.screen(v, day))
        .collect();
    let full_time = t.elapsed();

    let t = Instant::now();
    let r = Rescreener::new(&old, new, day, day, None)?;
    let prepared = t.elapsed();
    let again = r.rescreen(&vendors, &earlier)?;
    let rescreened = again.iter().filter(|a| a.is_some()).count();
    let incremental_time = t.elapsed();
    // Check: the incremental result is the full one.
    let mut differ = 0;
    for ((a, f), keys) in again.iter().zip(&full).zip(&earlier) {
        let got = a.as_ref().map_or_else(|| keys.clone(), Rescreener::keys);
        differ += usize::from(got != Rescreener::keys(f));
    }

    eprintln!("incremental: prepared (diff, delta and full screeners) in {prepared:.2?}");
    println!(
        "{} vendors, {} entities touched: full re-screen {:.2?}, incremental {:.2?} ({} screened again in full): {:.1}x faster; {} results differ",
        vendors.len(),
        r.touched(),
        full_time,
        incremental_time,
        rescreened,
        full_time.as_secs_f64() / incremental_time.as_secs_f64(),
        differ
    );
    Ok(())
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
