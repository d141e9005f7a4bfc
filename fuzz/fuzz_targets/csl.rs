#![no_main]
//! The CSL importer never panics, and keeps or rejects every record it reads.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(i) = vendor_screen::list::csl::parse(data, "fuzz.csv") {
        assert!(i.report.kept() + i.report.rejected.len() <= i.report.read + i.report.notes.len());
    }
});
