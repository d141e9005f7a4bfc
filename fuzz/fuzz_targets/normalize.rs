#![no_main]
//! Normalisation never panics, is idempotent, and scoring a name against
//! itself gives 1 or nothing.
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vendor_screen::normalize::Normalizer;
use vendor_screen::score::{Prepared, Weights, align};

fuzz_target!(|data: &str| {
    static N: OnceLock<(Normalizer, Weights)> = OnceLock::new();
    let (n, w) = N.get_or_init(|| (Normalizer::new(), Weights::default()));
    let once = n.normalize(data);
    assert_eq!(n.normalize(&once.text()).text(), once.text());
    let p = Prepared::new(once, w);
    if let Some(a) = align(&p, &p, 0.0) {
        assert!((a.score - 1.0).abs() < 1e-9);
    }
});
