#![no_main]
//! Fuzz target `screener`: the body is `bodies::screener`, shared with
//! `tests/fuzz_bodies.rs` (see `fuzz/bodies/mod.rs`).
use libfuzzer_sys::fuzz_target;

#[path = "../bodies/mod.rs"]
mod bodies;

fuzz_target!(|data: &[u8]| bodies::screener(data));
