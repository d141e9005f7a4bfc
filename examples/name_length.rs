//! Long names screened against every shared list, once each: the names of
//! the `name_length` bench (`benches/common`), for counting the
//! instructions screening takes, which, unlike times, other work on the
//! machine does not change (run from the repository root):
//!
//! ```text
//! cargo build --release --example name_length
//! valgrind --tool=callgrind --toggle-collect='*Screener*try_screen*' \
//!     target/release/examples/name_length 4KB
//! ```
//!
//! With a label (`1KB`, `2KB`, `4KB`, `8KB`, `10KB`, `max_tokens`,
//! `max_chars`) it screens that name only, after a short name (whose cost
//! is counted too: about 0.2 M instructions). It prints each name's
//! length, words and hits, and the best of `--times N` screenings.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;
use vendor_screen::list::Date;
use vendor_screen::{ScreenerBuilder, Vendor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let times: usize = match args.iter().position(|a| a == "--times") {
        Some(i) => args.get(i + 1).ok_or("--times N")?.parse()?,
        None => 1,
    };
    let only = args.first().filter(|a| !a.starts_with("--"));
    let as_of = Date::new(2026, 11, 22).ok_or("date")?;
    let s = ScreenerBuilder::new().lists(common::all_lists()).build()?;
    s.try_screen(&Vendor::new("Hikvision Digital Technology"), as_of)?;
    for (label, name) in common::long_names() {
        if only.is_some_and(|o| *o != label) {
            continue;
        }
        let v = Vendor::new(name);
        let mut best = f64::MAX;
        let mut hits = 0;
        for _ in 0..times {
            let t = Instant::now();
            hits = s.try_screen(&v, as_of)?.hits.len();
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
        }
        let kb = v.name.len() as f64 / 1024.0;
        println!(
            "{label:>10}: {kb:4.1} KB, {:>4} words, {hits} hits, best {best:.2} ms ({:.2} ms per KB)",
            v.name.split_whitespace().count(),
            best / kb
        );
    }
    Ok(())
}
