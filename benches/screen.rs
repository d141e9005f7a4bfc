//! Single-vendor screening latency against the bundled lists.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vendor_screen::list::Date;
use vendor_screen::{ScreenerBuilder, Vendor, lists};

fn bench_screen(c: &mut Criterion) {
    let screener = ScreenerBuilder::new()
        .lists(lists::bundled().expect("bundled lists"))
        .build()
        .expect("screener");
    let as_of = Date::new(2026, 11, 22).expect("date");
    let hit = Vendor::new("Hangzhou Hikvision Digital Technology Co., Ltd.");
    let miss = Vendor::new("Acme Widgets LLC");
    let mut g = c.benchmark_group("bundled");
    g.bench_function("build", |b| {
        b.iter(|| {
            ScreenerBuilder::new()
                .lists(lists::bundled().expect("bundled lists"))
                .build()
        })
    });
    g.bench_function("screen_hit", |b| {
        b.iter(|| screener.screen(black_box(&hit), as_of))
    });
    g.bench_function("screen_miss", |b| {
        b.iter(|| screener.screen(black_box(&miss), as_of))
    });
    g.finish();
}

criterion_group!(benches, bench_screen);
criterion_main!(benches);
