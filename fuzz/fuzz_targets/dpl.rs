#![no_main]
//! The Denied Persons List importer never panics.
use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n";

fuzz_target!(|data: &[u8]| {
    let _ = vendor_screen::list::dpl::parse(data, "dpl.txt");
    let mut with_header = HEADER.to_vec();
    with_header.extend_from_slice(data);
    let _ = vendor_screen::list::dpl::parse(&with_header, "dpl.txt");
});
