#![no_main]
//! Fuzz target `ofac`: the body is `bodies::ofac`, shared with
//! `tests/fuzz_bodies.rs` (see `fuzz/bodies/mod.rs`).
use libfuzzer_sys::fuzz_target;

#[path = "../bodies/mod.rs"]
mod bodies;

fuzz_target!(|data: &[u8]| bodies::ofac(data));
