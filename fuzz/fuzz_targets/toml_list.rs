#![no_main]
//! The TOML list loader never panics, and its errors name the file.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    if let Err(e) = vendor_screen::list::toml::parse_list(data, "fuzz.toml") {
        assert!(e.to_string().contains("fuzz.toml"));
    }
});
