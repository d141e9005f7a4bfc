//! The index against brute-force scoring, in the same run: build time,
//! single-query latency (a listed name and an unlisted vendor), and batch
//! throughput, on (a) the real partial CSL, (b) every list in ../shared/data
//! together, (c) synthetic lists of 100,000 and 1,000,000 realistic names;
//! and the cost of long names (`name_length`).

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use vendor_screen::list::{Date, DesignationList};
use vendor_screen::{Screener, ScreenerBuilder, Vendor};

fn build(lists: &[DesignationList]) -> Screener {
    ScreenerBuilder::new()
        .lists(lists.to_vec())
        .build()
        .expect("screener")
}

/// One group: build, a hit query and a miss query (index and brute force),
/// and a batch of real vendor names.
fn group(
    c: &mut Criterion,
    name: &str,
    lists: Vec<DesignationList>,
    hit: &str,
    brute_batch: usize,
) {
    let as_of = Date::new(2026, 11, 22).expect("date");
    let names = common::name_count(&lists);
    let mut g = c.benchmark_group(format!("{name} ({names} names)"));
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("build", |b| b.iter(|| build(black_box(&lists))));
    let s = build(&lists);
    let hit = Vendor::new(hit);
    let miss = Vendor::new("Albuquerque Recycling Services Inc");
    for (label, v) in [("query_hit", &hit), ("query_miss", &miss)] {
        g.bench_function(BenchmarkId::new(label, "index"), |b| {
            b.iter(|| s.screen(black_box(v), as_of))
        });
        g.bench_function(BenchmarkId::new(label, "brute_force"), |b| {
            b.iter(|| s.screen_brute_force(black_box(v), as_of))
        });
    }
    let vendors: Vec<Vendor> = common::vendors(64)
        .into_iter()
        .take(1000)
        .map(Vendor::new)
        .collect();
    g.throughput(Throughput::Elements(vendors.len() as u64));
    g.bench_function(BenchmarkId::new("batch_1000", "index_one_core"), |b| {
        b.iter(|| {
            vendors
                .iter()
                .map(|v| s.screen(v, as_of).hits.len())
                .sum::<usize>()
        })
    });
    g.bench_function(BenchmarkId::new("batch_1000", "index_all_cores"), |b| {
        b.iter(|| s.screen_batch(&vendors, as_of).len())
    });
    let few = &vendors[..brute_batch];
    g.throughput(Throughput::Elements(few.len() as u64));
    g.bench_function(
        BenchmarkId::new(format!("batch_{brute_batch}"), "brute_force"),
        |b| {
            b.iter(|| {
                few.iter()
                    .map(|v| s.screen_brute_force(v, as_of).hits.len())
                    .sum::<usize>()
            })
        },
    );
    g.finish();
}

fn real(c: &mut Criterion) {
    group(
        c,
        "csl_partial",
        common::csl(),
        "Hangzhou Hikvision Digital Tech Co Ltd",
        20,
    );
    group(
        c,
        "all_shared_lists",
        common::all_lists(),
        "Hangzhou Hikvision Digital Tech Co Ltd",
        10,
    );
}

/// Sizes of the synthetic lists: `VS_BENCH_SYNTHETIC` (counts separated by
/// commas), else 100,000 and 1,000,000. CI's single pass over every bench
/// (`.ci/run`) sets 100,000: one run of the million-name group takes
/// about 75 s on a 2-core machine, and exercises the same code.
fn synthetic_sizes() -> Vec<usize> {
    std::env::var("VS_BENCH_SYNTHETIC")
        .ok()
        .map(|v| {
            v.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect::<Vec<usize>>()
        })
        .filter(|sizes| !sizes.is_empty())
        .unwrap_or_else(|| vec![100_000, 1_000_000])
}

fn synthetic(c: &mut Criterion) {
    for n in synthetic_sizes() {
        let names = common::synthetic_names(n, 7);
        let hit = names[n / 2].clone();
        let mut lists = vec![common::synthetic_list(&names)];
        lists.extend(vendor_screen::lists::bundled().expect("bundled"));
        group(c, &format!("synthetic_{n}"), lists, &hit, 2);
    }
}

/// Issue 12's bound on cost: screening time as a name grows to the limits
/// (16,384 characters, 2,048 tokens), and a name over them rejected at
/// once. Names of real vendor words, 1 to 10 KB (10 KB is about 1,500
/// words) and the longest the limits admit ([`common::long_names`]),
/// against every shared list: the time per KB stays about the same. Each
/// iteration checks the name is screened with the hits of its first
/// screening (or, for 1 MB, rejected). `examples/name_length.rs` screens
/// the same names once each, for counting instructions.
fn name_length(c: &mut Criterion) {
    let as_of = Date::new(2026, 11, 22).expect("date");
    let s = build(&common::all_lists());
    let mut g = c.benchmark_group("name_length (every shared list)");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (label, name) in common::long_names() {
        let v = Vendor::new(name);
        let hits = s.try_screen(&v, as_of).expect("within the limits").hits;
        g.throughput(Throughput::Bytes(v.name.len() as u64));
        g.bench_function(BenchmarkId::new("screen", label), |b| {
            b.iter(|| {
                let r = s
                    .try_screen(black_box(&v), as_of)
                    .expect("within the limits");
                assert_eq!(r.hits, hits);
            })
        });
    }
    let mb = Vendor::new(common::long_name(1 << 20));
    g.throughput(Throughput::Bytes(mb.name.len() as u64));
    g.bench_function(BenchmarkId::new("reject", "1MB"), |b| {
        b.iter(|| assert!(s.try_screen(black_box(&mb), as_of).is_err()))
    });
    g.finish();
}

criterion_group!(benches, real, synthetic, name_length);
criterion_main!(benches);
