//! Every official format in ../shared/data loads, detected by its header
//! and never taken for CSL (issue 14, item 2); a file of no known format is
//! an error naming the formats tried.

use std::path::Path;
use vendor_screen::list::load::{Format, load_path};
use vendor_screen::list::{Date, RelationKind};
use vendor_screen::{ScreenerBuilder, Status, Vendor};

const DATA: &str = "../shared/data";

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// (file, format detected, list id, entities kept, as-of date)
const FILES: &[(&str, Format, &str, usize, &str)] = &[
    (
        "bis-mieu/mieu.csv",
        Format::Mieu,
        "bis-mieu",
        13,
        "2022-03-02",
    ),
    (
        "dod-1260h/chinese_military_companies_1260h.csv",
        Format::Dod1260h,
        "dod-1260h-csv",
        227,
        "2026-06-08",
    ),
    (
        "fcc-covered-list/covered_list_entities-2024-04.csv",
        Format::Fcc,
        "fcc-covered-csv",
        10,
        "2022-09-20",
    ),
    (
        "fcc-covered-list/covered_list_table-2026-08.csv",
        Format::Fcc,
        "fcc-covered-csv",
        12,
        "2026-07-28",
    ),
];

#[test]
fn each_official_csv_is_detected_by_its_header_and_loads() {
    for &(file, format, id, kept, as_of) in FILES {
        let path = format!("{DATA}/{file}");
        let head = std::fs::read(&path).unwrap();
        assert_eq!(Format::detect(&head), Some(format), "{file}");
        let i = load_path(Path::new(&path), None).unwrap_or_else(|e| panic!("{file}: {e}"));
        let list = &i.lists[0];
        assert_eq!(list.meta.id, id);
        assert_eq!(i.report.kept(), kept, "{file}: {}", i.report);
        assert!(
            i.report.reconciles() && i.report.rejected.is_empty(),
            "{}",
            i.report
        );
        assert_eq!(list.meta.as_of, Some(d(as_of)), "{file}");
        assert!(list.entities.iter().all(|e| !e.citation.is_empty()));
    }
    // The §889 file states no date at all: unknown, not its copy's mtime.
    let i = load_path(format!("{DATA}/ndaa-889/section_889.csv").as_ref(), None).unwrap();
    assert_eq!(i.report.format, "ndaa889");
    assert_eq!(i.report.kept(), 5);
    assert_eq!(i.lists[0].meta.as_of, None);
    assert!(i.lists[0].meta.is_stale(d("2026-11-25"), 90));
}

/// The old detector took any header with "source" and "name" in it for
/// the CSL, and then refused MEU, §1260H and §889 files as bad CSL.
#[test]
fn no_official_csv_is_taken_for_the_csl() {
    for file in [
        "bis-mieu/mieu.csv",
        "dod-1260h/chinese_military_companies_1260h.csv",
        "ndaa-889/section_889.csv",
        "fcc-covered-list/covered_list_table-2026-08.csv",
    ] {
        let head = std::fs::read(format!("{DATA}/{file}")).unwrap();
        assert_ne!(Format::detect(&head), Some(Format::Csl), "{file}");
    }
    for file in [
        "csl/consolidated-2023-11-partial.csv",
        "csl/consolidated-sample-2025.csv",
        "csl/consolidated-legacy-format-2019-sample.csv",
    ] {
        let head = std::fs::read(format!("{DATA}/{file}")).unwrap();
        assert_eq!(Format::detect(&head), Some(Format::Csl), "{file}");
    }
}

#[test]
fn a_file_of_no_known_format_is_an_error_naming_the_formats_tried() {
    let err = load_path(
        format!("{DATA}/vendors/sec-company-names.txt").as_ref(),
        None,
    )
    .unwrap_err()
    .to_string();
    for f in ["csl", "ofac", "dpl", "toml", "mieu", "1260h", "fcc", "889"] {
        assert!(err.contains(&format!("({f})")), "{f} missing from: {err}");
    }
}

/// §1260H rows of one company across editions are one entity with a period
/// per edition; renamed companies keep their former names; parents link.
#[test]
fn dod_1260h_editions_become_periods_of_one_entity() {
    let i = load_path(
        format!("{DATA}/dod-1260h/chinese_military_companies_1260h.csv").as_ref(),
        None,
    )
    .unwrap();
    let list = &i.lists[0];
    let hik = list
        .entities
        .iter()
        .find(|e| e.name == "Hangzhou Hikvision Digital Technology Co., Ltd.")
        .unwrap();
    assert_eq!(hik.periods.len(), 3, "{:?}", hik.periods);
    assert!(hik.aliases.iter().any(|a| a == "Hikvision"));
    assert!(
        hik.relations
            .iter()
            .any(|r| r.kind == RelationKind::Parent && r.target.is_some()),
        "CETC is listed too: {:?}",
        hik.relations
    );
    let megvii = list
        .entities
        .iter()
        .find(|e| e.name.starts_with("Beijing Megvii"))
        .unwrap();
    assert_eq!(megvii.last_end(), Some(d("2025-01-07")));
    let cetc_cyber = list
        .entities
        .iter()
        .find(|e| e.name.starts_with("CETC Cyberspace"))
        .unwrap();
    assert!(!cetc_cyber.former_names.is_empty());
    let s = ScreenerBuilder::new().lists(i.lists).build().unwrap();
    let r = s.screen(
        &Vendor::new("Beijing Megvii Technology Co Ltd"),
        d("2026-01-01"),
    );
    assert_eq!(r.hits[0].status, Status::Expired);
}

/// The FCC table names its entities in prose; categories are recorded, not
/// matched; the entity sheet's subsidiary is a relation.
#[test]
fn fcc_entities_are_read_out_of_prose_and_categories_kept_apart() {
    let i = load_path(
        format!("{DATA}/fcc-covered-list/covered_list_table-2026-08.csv").as_ref(),
        None,
    )
    .unwrap();
    let list = &i.lists[0];
    let names: Vec<&str> = list.entities.iter().map(|e| e.name.as_str()).collect();
    for n in [
        "Huawei Technologies Company",
        "Hangzhou Hikvision Digital Technology Company",
        "AO Kaspersky Lab",
        "Pacific Networks Corp",
        "Digitalsystem Technology Inc",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    assert_eq!(list.meta.categories.len(), 4);
    assert_eq!(i.report.skipped, 4);
    let pacific = list
        .entities
        .iter()
        .find(|e| e.name == "Pacific Networks Corp")
        .unwrap();
    assert_eq!(pacific.relations[0].name, "ComNet (USA) LLC");
    let sheet = load_path(
        format!("{DATA}/fcc-covered-list/covered_list_entities-2024-04.csv").as_ref(),
        None,
    )
    .unwrap();
    let pacific = sheet.lists[0]
        .entities
        .iter()
        .find(|e| e.name == "Pacific Networks Corp")
        .unwrap();
    assert_eq!(pacific.relations[0].kind, RelationKind::Subsidiary);
    assert_eq!(pacific.first_start(), Some(d("2022-09-20")));
}
