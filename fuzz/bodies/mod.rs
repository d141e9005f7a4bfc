//! The bodies of the fuzz targets, shared by cargo-fuzz (`fuzz/fuzz_targets`)
//! and by `tests/fuzz_bodies.rs`, which runs them under proptest on every
//! `cargo test`. Each takes arbitrary bytes and panics only on a real defect:
//! a parser that panics, loses a row, or names no file in its error; a
//! normaliser that is not idempotent; an index that loses a hit brute force
//! finds.
#![allow(dead_code)]

use std::sync::OnceLock;
use vendor_screen::list::Date;
use vendor_screen::normalize::Normalizer;
use vendor_screen::score::{Prepared, Weights, align};
use vendor_screen::vendor_file::{Row, VendorReader};
use vendor_screen::{Owner, Screener, ScreenerBuilder, Vendor};

/// An error message names the file it concerns.
fn names_file(e: &vendor_screen::Error, file: &str) {
    let text = e.to_string();
    assert!(text.contains(file), "error without its file: {text}");
    assert!(
        !text.contains('\u{1b}'),
        "unescaped control character: {text:?}"
    );
}

/// The trade.gov CSL importer.
pub fn csl(data: &[u8]) {
    if let Err(e) = vendor_screen::list::csl::parse(data, "fuzz.csv") {
        names_file(&e, "fuzz.csv");
    }
}

/// The BIS Denied Persons List importer, with and without its header.
pub fn dpl(data: &[u8]) {
    const HEADER: &[u8] = b"\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n";
    if let Err(e) = vendor_screen::list::dpl::parse(data, "dpl.txt") {
        names_file(&e, "dpl.txt");
    }
    let mut with_header = HEADER.to_vec();
    with_header.extend_from_slice(data);
    if let Err(e) = vendor_screen::list::dpl::parse(&with_header, "dpl.txt") {
        names_file(&e, "dpl.txt");
    }
}

/// The OFAC CSV set importer, the bytes split between the primary file and
/// its companions.
pub fn ofac(data: &[u8]) {
    let mid = data.len() / 2;
    let (prim, alt) = data.split_at(mid);
    if let Err(e) = vendor_screen::list::ofac::parse_set(
        prim,
        "sdn.csv",
        Some((alt, "alt.csv")),
        Some((alt, "add.csv")),
        Some((alt, "comments.csv")),
    ) {
        let text = e.to_string();
        assert!(text.contains(".csv"), "error without its file: {text}");
    }
}

/// The TOML list loader.
pub fn toml_list(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = vendor_screen::list::toml::parse_list(&text, "fuzz.toml") {
        names_file(&e, "fuzz.toml");
    }
}

/// The vendor file reader: every row read is a vendor or a rejection, the
/// counts add up, lines only grow, and every vendor can be screened.
pub fn vendor_file(data: &[u8]) {
    let mut reader = match VendorReader::new(data, "vendors.csv") {
        Ok(r) => r,
        Err(e) => return names_file(&e, "vendors.csv"),
    };
    let mut last_line = 1;
    let mut rows = 0;
    for row in reader.by_ref() {
        let row = match row {
            Ok(r) => r,
            Err(e) => return names_file(&e, "vendors.csv"),
        };
        rows += 1;
        let line = match &row {
            Row::Vendor { line, vendor } => {
                assert!(vendor.validate().is_ok(), "{vendor:?}");
                *line
            }
            Row::Rejected(r) => {
                let text = r.to_string();
                assert!(text.starts_with("vendors.csv:"), "{text}");
                assert!(!text.contains('\u{1b}'), "{text:?}");
                r.line
            }
        };
        assert!(line > last_line, "line {line} after {last_line}");
        last_line = line;
    }
    let c = reader.counts();
    assert_eq!(c.rows, rows);
    assert_eq!(c.rows, c.vendors + c.rejected, "{c:?}");
}

/// The clearance reader: what it accepts has a reason, a reviewer and a
/// date; what it refuses names the file.
pub fn clearance(data: &[u8]) {
    match vendor_screen::clearance::read_clearances(data, "cleared.csv") {
        Ok(rows) => {
            for r in rows {
                let c = &r.clearance;
                assert!(!c.reason.trim().is_empty() && !c.reviewer.trim().is_empty());
                assert!(!c.vendor.trim().is_empty() && !c.list.trim().is_empty());
                assert!(r.line >= 2);
            }
        }
        Err(e) => names_file(&e, "cleared.csv"),
    }
}

/// Normalisation reaches a fixed point (at once for ASCII text; one round
/// later for other scripts, whose transliteration can spell a legal form in
/// Latin letters: the pinyin "ju" of a Chinese character is Korean "(주)"),
/// and a name scored against itself scores 1 or nothing.
pub fn normalize(data: &[u8]) {
    static N: OnceLock<(Normalizer, Weights)> = OnceLock::new();
    let (n, w) = N.get_or_init(|| (Normalizer::new(), Weights::default()));
    let text = String::from_utf8_lossy(data);
    let once = n.normalize(&text);
    let mut fixed = once.text();
    if !text.is_ascii() {
        fixed = n.normalize(&fixed).text();
    }
    assert_eq!(n.normalize(&fixed).text(), fixed, "{text:?}");
    // A vendor's reading, words run together read apart, as well.
    let mut apart = n.normalize_query(&text).text();
    if !text.is_ascii() {
        apart = n.normalize_query(&apart).text();
    }
    assert_eq!(n.normalize_query(&apart).text(), apart, "{text:?}");
    let p = Prepared::new(once, w);
    if let Some(a) = align(&p, &p, 0.0) {
        assert!((a.score - 1.0).abs() < 1e-9, "{text:?}: {}", a.score);
    }
}

/// The bundled lists' screener, built once.
pub fn bundled_screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| {
        ScreenerBuilder::new()
            .lists(vendor_screen::lists::bundled().expect("bundled lists"))
            .build()
            .expect("screener")
    })
}

/// The vendor the screener body screens: up to three lines of the input as
/// its name, an alias and an owner.
pub fn vendor_of(data: &[u8]) -> Vendor {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\n');
    let mut v = Vendor::new(parts.next().unwrap_or(""));
    if let Some(alias) = parts.next() {
        v = v.with_alias(alias);
    }
    if let Some(owner) = parts.next() {
        v = v.with_owner(Owner::new(owner).with_share(60.0));
    }
    v
}

/// The screener through its index gives the same report as brute force.
pub fn screener(data: &[u8]) {
    let s = bundled_screener();
    let v = vendor_of(data);
    let d = Date::new(2026, 11, 22).expect("date");
    let indexed = s.screen(&v, d);
    let brute = s.screen_brute_force(&v, d);
    assert_eq!(indexed, brute, "index and brute force differ for {v:?}");
}
