#![no_main]
//! Fuzz target `clearance`: the body is `bodies::clearance`, shared with
//! `tests/fuzz_bodies.rs` (see `fuzz/bodies/mod.rs`).
use libfuzzer_sys::fuzz_target;

#[path = "../bodies/mod.rs"]
mod bodies;

fuzz_target!(|data: &[u8]| bodies::clearance(data));
