//! Build time, query latency and (run under `/usr/bin/time -v`) peak memory
//! of a screener over the real lists or a synthetic list of N names:
//!
//! ```text
//! /usr/bin/time -v cargo run --release --example scale -- all
//! /usr/bin/time -v cargo run --release --example scale -- 1000000
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;
use vendor_screen::list::Date;
use vendor_screen::{ScreenerBuilder, Vendor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    let lists = match arg.as_str() {
        "csl" => common::csl(),
        "all" => common::all_lists(),
        n => {
            let names = common::synthetic_names(n.parse()?, 7);
            let mut lists = vec![common::synthetic_list(&names)];
            lists.extend(vendor_screen::lists::bundled()?);
            lists
        }
    };
    let names = common::name_count(&lists);
    let t = Instant::now();
    let screener = ScreenerBuilder::new().lists(lists).build()?;
    let build = t.elapsed();
    let as_of = Date::new(2026, 11, 22).ok_or("date")?;
    let mut times: Vec<f64> = common::vendors(640)
        .iter()
        .take(100)
        .map(|v| {
            let t = Instant::now();
            std::hint::black_box(screener.screen(&Vendor::new(v.as_str()), as_of));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{arg}: {names} names, build {build:.2?} (one core), median query {:.3} ms, p90 {:.3} ms over {} real vendor names",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times.len()
    );
    Ok(())
}
