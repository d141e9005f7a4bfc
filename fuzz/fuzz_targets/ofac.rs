#![no_main]
//! The OFAC importer never panics, with or without companion files.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mid = data.len() / 2;
    let (prim, alt) = data.split_at(mid);
    let _ = vendor_screen::list::ofac::parse_set(prim, "sdn.csv", Some((alt, "alt.csv")), Some((alt, "add.csv")), Some((alt, "c.csv")));
});
