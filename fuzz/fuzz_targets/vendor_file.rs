#![no_main]
//! Fuzz target `vendor_file`: the body is `bodies::vendor_file`, shared with
//! `tests/fuzz_bodies.rs` (see `fuzz/bodies/mod.rs`).
use libfuzzer_sys::fuzz_target;

#[path = "../bodies/mod.rs"]
mod bodies;

fuzz_target!(|data: &[u8]| bodies::vendor_file(data));
