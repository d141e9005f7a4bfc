#![no_main]
//! Fuzz target `toml_list`: the body is `bodies::toml_list`, shared with
//! `tests/fuzz_bodies.rs` (see `fuzz/bodies/mod.rs`).
use libfuzzer_sys::fuzz_target;

#[path = "../bodies/mod.rs"]
mod bodies;

fuzz_target!(|data: &[u8]| bodies::toml_list(data));
