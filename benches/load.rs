//! Loading the official files: the 2.7 MB CSL extract and the 2021 OFAC SDN
//! set (sdn.csv with alt.csv, add.csv and sdn_comments.csv), from bytes in memory.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vendor_screen::list::{LoadOptions, csl, ofac};

fn load(c: &mut Criterion) {
    let read = |f: &str| std::fs::read(format!("{}/{f}", common::DATA)).expect(f);
    let data = read("csl/consolidated-2023-11-partial.csv");
    let mut g = c.benchmark_group("load");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.bench_function("csl_partial_2.7MB", |b| {
        b.iter(|| {
            csl::parse_with(black_box(&data), "csl", &LoadOptions::partial())
                .expect("parses")
                .lists
                .len()
        })
    });
    let sdn = read("ofac-sdn/2021-07-07/sdn.csv");
    let alt = read("ofac-sdn/2021-07-07/alt.csv");
    let add = read("ofac-sdn/2021-07-07/add.csv");
    let com = read("ofac-sdn/2021-07-07/sdn_comments.csv");
    g.throughput(Throughput::Bytes(
        (sdn.len() + alt.len() + add.len() + com.len()) as u64,
    ));
    g.bench_function("ofac_sdn_2021_set", |b| {
        b.iter(|| {
            ofac::parse_set(
                black_box(&sdn),
                "sdn.csv",
                Some((&alt, "alt.csv")),
                Some((&add, "add.csv")),
                Some((&com, "sdn_comments.csv")),
            )
            .expect("parses")
            .lists
            .len()
        })
    });
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
