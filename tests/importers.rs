//! The official list formats, read as published: one test per quirk, on
//! fixtures cut from the real files in `../shared/data`, and every real file
//! loaded with an accurate report.

use std::path::Path;
use vendor_screen::list::load::{Format, load_path, load_path_with};
use vendor_screen::list::{
    DesignationList, Entity, EntityKind, Imported, LoadOptions, RelationKind,
};

fn load(path: &str) -> Imported {
    load_path(Path::new(path), None).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Loads a file that is cut off inside its last record (the shared CSL
/// extract and the fixture cut from it), keeping the records before it.
fn load_partial(path: &str) -> Imported {
    load_path_with(Path::new(path), None, &LoadOptions::partial())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn entity<'a>(lists: &'a [DesignationList], list: &str, name: &str) -> &'a Entity {
    lists
        .iter()
        .find(|l| l.meta.id == list)
        .unwrap_or_else(|| panic!("no list {list}"))
        .entities
        .iter()
        .find(|e| e.name.contains(name))
        .unwrap_or_else(|| panic!("no {name} in {list}"))
}

#[test]
fn csl_current_layout_repeated_header_and_truncated_last_record() {
    // Cut off mid-record: an error naming the line and the field it ends in.
    let err = load_path(Path::new("tests/fixtures/csl/partial-quirks.csv"), None)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("tests/fixtures/csl/partial-quirks.csv:13: field `addresses`")
            && err.contains("8 of 29 fields")
            && err.contains("partial loading"),
        "{err}"
    );
    let i = load_partial("tests/fixtures/csl/partial-quirks.csv");
    assert_eq!(i.report.format, "csl");
    // After the header: the repeated header, 7 complete records, 1 truncated.
    assert_eq!(i.report.read, 9);
    assert_eq!((i.report.kept(), i.report.skipped), (7, 1));
    assert!(i.report.reconciles());
    assert_eq!(i.report.rejected.len(), 1);
    let r = &i.report.rejected[0];
    assert_eq!(r.line, 13, "{r}");
    assert!(r.reason.contains("8 of 29 fields"), "{r}");
    let t = i.report.truncated.as_ref().unwrap();
    assert_eq!((t.line, t.field.as_str()), (13, "addresses"));
    assert!(t.lost.contains("line 13"), "{}", t.lost);
    assert!(
        i.report
            .notes
            .iter()
            .any(|n| n.line == 2 && n.reason.contains("repeated header"))
    );
}

#[test]
fn csl_embedded_newlines_stay_inside_their_field() {
    let i = load_partial("tests/fixtures/csl/partial-quirks.csv");
    let e = entity(&i.lists, "csl-meu", "Government Flying Service");
    assert_eq!(
        e.name, "Government Flying Service",
        "newlines trimmed from the name"
    );
}

#[test]
fn csl_multi_valued_fields_ids_countries_and_dates() {
    let i = load_partial("tests/fixtures/csl/partial-quirks.csv");
    let e = entity(&i.lists, "csl-ns-cmic", "China Telecom Corporation Limited");
    assert!(
        e.identifiers
            .iter()
            .any(|x| x.kind == "Unified Social Credit Code (USCC)"
                && x.value == "9111000071093019X7"
                && x.country.as_deref() == Some("CN"))
    );
    assert!(
        e.identifiers
            .iter()
            .any(|x| x.kind == "Equity Ticker" && x.value == "CHA US")
    );
    assert!(e.countries.contains(&"CN".to_string()));
    assert!(e.programs.iter().any(|p| p == "CMIC-EO13959"));
    assert_eq!(
        e.first_start().map(|d| d.to_string()).as_deref(),
        Some("2021-06-03")
    );
    assert_eq!(e.id, "30882", "the CSL _id is the entity id");
}

#[test]
fn csl_mojibake_question_mark_is_kept_and_still_matches() {
    let i = load_partial("tests/fixtures/csl/partial-quirks.csv");
    let e = entity(
        &i.lists,
        "csl-el",
        "Research Institute of Navigation Technology",
    )
    .clone();
    assert!(e.name.starts_with("Xi?an"));
    let s = vendor_screen::ScreenerBuilder::new()
        .lists(i.lists)
        .build()
        .unwrap();
    let r = s.screen(
        &vendor_screen::Vendor::new("Xi'an Research Institute of Navigation Technology"),
        "2024-01-01".parse().unwrap(),
    );
    assert!(r.hits.iter().any(|h| h.entity_id == e.id));
}

#[test]
fn csl_entity_list_prose_becomes_aliases() {
    let i = load_partial("tests/fixtures/csl/partial-quirks.csv");
    let e = entity(&i.lists, "csl-el", "Chitron Electronics");
    assert!(
        e.aliases
            .iter()
            .any(|a| a == "Chi-Chung Electronics Company Ltd."),
        "{:?}",
        e.aliases
    );
    assert!(
        e.aliases.iter().any(|a| a == "Chitron-Shenzhen"),
        "{:?}",
        e.aliases
    );
}

#[test]
fn csl_entity_list_relations_from_the_2025_sample() {
    let i = load("tests/fixtures/csl/sample-2025.csv");
    assert_eq!(
        (i.report.read, i.report.kept(), i.report.rejected.len()),
        (13, 13, 0)
    );
    let e = entity(&i.lists, "csl-el", "13th Research Institute");
    assert!(e.aliases.iter().any(|a| a == "CETC 13"));
    let ids: Vec<&str> = i.lists.iter().map(|l| l.meta.id.as_str()).collect();
    for id in [
        "csl-el", "csl-sdn", "csl-meu", "csl-uvl", "csl-dpl", "csl-isn", "csl-dtc",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
}

#[test]
fn csl_legacy_layout_without_id_and_c1_mojibake() {
    let i = load("tests/fixtures/csl/legacy-quirks.csv");
    assert_eq!(
        (i.report.read, i.report.kept(), i.report.rejected.len()),
        (5, 5, 0)
    );
    let e = entity(&i.lists, "csl-el", "New District Huawei Investment");
    assert!(e.name.contains('\u{0092}'), "kept as published");
    assert_eq!(
        e.id.len(),
        16,
        "a stable hash id when the layout has no _id"
    );
    let sdn = entity(&i.lists, "csl-sdn", "200G PSA HOLDINGS");
    assert_eq!(sdn.id, "20264", "Treasury rows keep their entity number");
    assert!(
        sdn.identifiers
            .iter()
            .any(|x| x.kind == "Tax ID No." && x.value == "80-0890696")
    );
    let s = vendor_screen::ScreenerBuilder::new()
        .lists(i.lists)
        .build()
        .unwrap();
    let r = s.screen(
        &vendor_screen::Vendor::new("Guian New District Huawei Investment Co., Ltd."),
        "2024-01-01".parse().unwrap(),
    );
    assert!(
        r.hits.iter().any(|h| h.list == "csl-el"),
        "the control character is ignored"
    );
}

#[test]
fn ofac_sdn_set_aliases_remarks_addresses_comments_and_eof_byte() {
    let i = load("tests/fixtures/ofac/sdn.csv");
    assert_eq!(i.report.format, "ofac");
    // Four records and the end-of-file byte, a row that is not a record.
    assert_eq!(
        (i.report.read, i.report.kept(), i.report.skipped),
        (5, 4, 1)
    );
    assert!(i.report.rejected.is_empty(), "{:?}", i.report.rejected);
    assert!(i.report.reconciles());
    let bnc = entity(&i.lists, "ofac-sdn", "BANCO NACIONAL DE CUBA");
    assert_eq!(bnc.id, "306");
    assert_eq!(
        bnc.weak_aliases,
        ["BNC"],
        "a quoted a.k.a. of the remarks is a weak alias"
    );
    assert!(!bnc.aliases.contains(&"BNC".to_string()));
    assert!(
        bnc.aliases.contains(&"NATIONAL BANK OF CUBA".to_string()),
        "alias from alt.csv"
    );
    assert!(bnc.programs == ["CUBA"]);
    assert!(!bnc.addresses.is_empty() || bnc.countries.is_empty());
    let person = entity(&i.lists, "ofac-sdn", "CIFUENTES VILLA");
    assert_eq!(person.kind, EntityKind::Individual);
    assert!(
        person.notes.as_deref().unwrap_or("").len() > 100,
        "remarks continued from sdn_comments.csv"
    );
    let airline = entity(&i.lists, "ofac-sdn", "AEROCARIBBEAN AIRLINES");
    assert_eq!(airline.notes, None, "-0- is empty");
}

/// OFAC's CSV set states no publication date: the list's as-of date is
/// unknown (and so stale), and the file's modification time is shown as such,
/// never taken for an as-of date (issue 14: the 2021 SDN file screened "as of"
/// the day it was copied).
#[test]
fn an_undated_file_has_an_unknown_as_of_date_and_its_mtime_shown_as_such() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-undated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sdn = dir.join("sdn.csv");
    std::fs::copy("tests/fixtures/ofac/sdn.csv", &sdn).unwrap();
    // 2024-05-03 12:00 UTC.
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(19_846 * 86_400 + 43_200);
    std::fs::File::options()
        .write(true)
        .open(&sdn)
        .unwrap()
        .set_modified(when)
        .unwrap();
    let i = load(sdn.to_str().unwrap());
    std::fs::remove_dir_all(&dir).ok();
    // The modification time is shown as such, never taken for an as-of date.
    let meta = &i.lists[0].meta;
    assert_eq!(meta.as_of, None);
    assert_eq!(meta.as_of_basis, vendor_screen::list::AsOfBasis::Unknown);
    assert_eq!(
        meta.file_modified.map(|d| d.to_string()).as_deref(),
        Some("2024-05-03")
    );
    assert!(
        meta.is_stale("2024-05-04".parse().unwrap(), 90),
        "unknown counts as stale"
    );
    assert!(
        i.report
            .notes
            .iter()
            .any(|n| n.field == "as_of" && n.reason.contains("modified on 2024-05-03")),
        "{:?}",
        i.report.notes
    );
    // A dated file keeps the date it states.
    let csl = load("tests/fixtures/csl/sample-2025.csv");
    assert!(csl.report.notes.iter().all(|n| n.field != "as_of"));
    assert!(
        csl.lists
            .iter()
            .all(|l| l.meta.as_of.is_some_and(|d| d.year < 2026))
    );
}

#[test]
fn ofac_consolidated_non_sdn_set() {
    let i = load("tests/fixtures/ofac-cons/cons_prim.csv");
    assert_eq!(i.lists[0].meta.id, "ofac-non-sdn");
    let hik = entity(&i.lists, "ofac-non-sdn", "HIKVISION");
    assert!(hik.aliases.contains(&"HIKVISION".to_string()));
    assert!(hik.programs == ["CMIC-EO13959"]);
    assert_eq!(
        hik.first_start().map(|d| d.to_string()).as_deref(),
        Some("2021-06-03")
    );
    let cetc = entity(
        &i.lists,
        "ofac-non-sdn",
        "CHINA ELECTRONICS TECHNOLOGY GROUP",
    );
    assert!(
        cetc.weak_aliases.contains(&"CETC".to_string()),
        "a.k.a. in remarks only: a weak alias"
    );
    let ct = entity(
        &i.lists,
        "ofac-non-sdn",
        "CHINA TELECOM CORPORATION LIMITED",
    );
    assert!(
        ct.relations
            .iter()
            .any(|r| r.kind == RelationKind::Affiliate
                && r.name == "CHINA TELECOMMUNICATIONS CORPORATION")
    );
}

#[test]
fn dpl_dates_leading_spaces_and_merged_orders() {
    let i = load("tests/fixtures/dpl/dpl.txt");
    assert_eq!(i.report.format, "dpl");
    assert_eq!(
        (i.report.read, i.report.kept(), i.report.rejected.len()),
        (4, 3, 0)
    );
    assert_eq!(i.report.notes.len(), 1, "the second address of one order");
    let dahua = entity(&i.lists, "bis-dpl", "DAHUA ELECTRONICS");
    assert_eq!(
        dahua.first_start().map(|d| d.to_string()).as_deref(),
        Some("2017-09-28")
    );
    assert_eq!(
        dahua.last_end().map(|d| d.to_string()).as_deref(),
        Some("2025-11-19")
    );
    let ash = entity(&i.lists, "bis-dpl", "I. ASH");
    assert_eq!(ash.name, "I. ASH", "leading space trimmed");
    let nasser = entity(&i.lists, "bis-dpl", "ABDULAH AL NASSER");
    assert_eq!(nasser.addresses.len(), 2);
}

#[test]
fn malformed_input_is_an_error_or_a_rejection_never_a_panic() {
    use vendor_screen::list::{csl, dpl, ofac};
    assert!(csl::parse(b"", "empty.csv").is_err());
    assert!(
        csl::parse(b"a,b,c\n1,2,3\n", "wrong.csv")
            .unwrap_err()
            .to_string()
            .contains("wrong.csv:1")
    );
    assert!(dpl::parse(b"\"Name\"\tnope\n", "d.txt").is_err());
    assert!(ofac::parse_set(b"\x1a", "sdn.csv", None, None, None).is_err());
    // Invalid UTF-8 in a record: rejected with its line.
    let mut bad = b"\"_id\",\"source\",\"name\"\n\"1\",\"Entity List (EL)\",\"ok\"\n\"2\",\"Entity List (EL)\",\"".to_vec();
    bad.extend_from_slice(&[0xff, 0xfe]);
    bad.extend_from_slice(b"\"\n");
    let i = csl::parse(&bad, "bad.csv").unwrap();
    assert_eq!((i.report.kept(), i.report.rejected.len()), (1, 1));
    assert_eq!(i.report.rejected[0].line, 3);
    // Binary data and a line of several megabytes.
    let binary: Vec<u8> = (0..4096u32).map(|x| (x * 7919 % 256) as u8).collect();
    assert!(load_path(Path::new("Cargo.lock"), Some(Format::Csl)).is_err());
    let _ = csl::parse(&binary, "bin");
    let _ = ofac::parse_set(&binary, "bin", None, None, None);
    let _ = dpl::parse(&binary, "bin");
    let mut long = b"\"_id\",\"source\",\"name\"\n\"1\",\"Entity List (EL)\",\"".to_vec();
    long.extend(std::iter::repeat_n(b'A', 5_000_000));
    long.extend_from_slice(b"\"\n");
    let i = csl::parse(&long, "long.csv").unwrap();
    assert_eq!(i.report.read, 1);
}

/// Every real file of these formats in ../shared/data loads, with the counts
/// its PROVENANCE.md gives.
#[test]
fn every_real_file_loads_with_an_accurate_report() {
    // (file, rows read after the header, entities kept, rejected, rows that
    // are not records); every report reconciles: read = kept + merged +
    // rejected + skipped.
    let cases: &[(&str, usize, usize, usize, usize)] = &[
        // A repeated header, 4,226 records and one cut off.
        (
            "../shared/data/csl/consolidated-2023-11-partial.csv",
            4228,
            4226,
            1,
            1,
        ),
        (
            "../shared/data/csl/consolidated-sample-2025.csv",
            13,
            13,
            0,
            0,
        ),
        // Two rows repeat an entity number of the same source: merged.
        (
            "../shared/data/csl/consolidated-legacy-format-2019-sample.csv",
            115,
            113,
            0,
            0,
        ),
        // OFAC files end with an end-of-file byte.
        (
            "../shared/data/ofac-sdn/2021-07-07/sdn.csv",
            8977,
            8976,
            0,
            1,
        ),
        (
            "../shared/data/ofac-sdn/2024-05-03/sdn.csv",
            14966,
            14965,
            0,
            1,
        ),
        ("../shared/data/ofac-non-sdn/cons_prim.csv", 443, 442, 0, 1),
        // Rows of one denial order are merged into one entity.
        ("../shared/data/bis-dpl/dpl.txt", 665, 0, 0, 0),
    ];
    for &(file, read, kept, rejected, skipped) in cases {
        let i = load_partial(file);
        let r = &i.report;
        assert_eq!(r.read, read, "{file}: read");
        if kept > 0 {
            assert_eq!(r.kept(), kept, "{file}: kept");
        }
        assert_eq!(r.rejected.len(), rejected, "{file}: {:?}", r.rejected);
        assert_eq!(r.skipped, skipped, "{file}: skipped");
        assert!(r.reconciles(), "{file}: {r}");
        for c in &r.companions {
            assert!(c.reconciles() && c.rejected == 0, "{file}: {c:?}");
        }
    }
    let partial = load_partial("../shared/data/csl/consolidated-2023-11-partial.csv");
    assert_eq!(partial.report.rejected[0].line, 4233);
    let el = partial
        .lists
        .iter()
        .find(|l| l.meta.id == "csl-el")
        .unwrap();
    assert_eq!(el.entities.len(), 919);
    let sdn21 = load("../shared/data/ofac-sdn/2021-07-07/sdn.csv");
    let aliases: usize = sdn21.lists[0]
        .entities
        .iter()
        .map(|e| e.aliases.len() + e.former_names.len())
        .sum();
    assert!(aliases >= 11_910, "every alt.csv row is kept ({aliases})");
}

#[test]
fn end_to_end_screening_of_the_real_csl_extract() {
    let i = load_partial("../shared/data/csl/consolidated-2023-11-partial.csv");
    let s = vendor_screen::ScreenerBuilder::new()
        .lists(i.lists)
        .build()
        .unwrap();
    let as_of = "2023-12-01".parse().unwrap();
    let screen = |n: &str| s.screen(&vendor_screen::Vendor::new(n), as_of);
    // A primary name.
    let r = screen("Korean Committee for Space Technology");
    assert!(
        r.hits
            .iter()
            .any(|h| h.list == "csl-isn"
                && h.matched_name == "Korean Committee for Space Technology")
    );
    // An alias that appears only inside an Entity List name's prose.
    let r = screen("Chi-Chung Electronics Co Ltd");
    assert!(
        r.hits
            .iter()
            .any(|h| h.list == "csl-el" && h.entity_name.starts_with("Chitron Electronics")),
        "{:?}",
        r.hits
    );
    // An NS-CMIC row, with its CSL _id.
    let r = screen("Hangzhou Hikvision Digital Technology Co Ltd");
    assert!(
        r.hits
            .iter()
            .any(|h| h.list == "csl-ns-cmic" && h.entity_id == "30946")
    );
}

/// Each imported list names the bytes it was read from: file, format,
/// SHA-256 and size, with OFAC's companion files.
#[test]
fn imported_lists_record_their_source_file_and_digest() {
    use vendor_screen::list::sha256_hex;
    let path = "tests/fixtures/csl/sample-2025.csv";
    let i = load(path);
    let bytes = std::fs::read(path).unwrap();
    for l in &i.lists {
        let s = l.meta.source.as_ref().unwrap();
        assert_eq!((s.file.as_str(), s.format.as_str()), (path, "csl"));
        assert_eq!(s.sha256, sha256_hex(&bytes));
        assert_eq!(s.size, bytes.len() as u64);
    }
    let i = load("tests/fixtures/ofac/sdn.csv");
    let s = i.lists[0].meta.source.as_ref().unwrap();
    let names: Vec<&str> = s.companions.iter().map(|c| c.file.as_str()).collect();
    assert_eq!(
        names,
        [
            "tests/fixtures/ofac/sdn_comments.csv",
            "tests/fixtures/ofac/alt.csv",
            "tests/fixtures/ofac/add.csv"
        ]
    );
    let alt = std::fs::read("tests/fixtures/ofac/alt.csv").unwrap();
    assert_eq!(s.companions[1].sha256, sha256_hex(&alt));
}

/// Issue 11: Entity List and State names written as prose are read, not
/// tokenised. Every name and alias of the BIS and State rows of the real
/// extract, as the file writes it (the `name` field and each `; `-separated
/// `alt_names` piece), hits its own entity at 0.99 or more; the only
/// exceptions are a parenthesised remark that is no name and two pieces
/// joined by `;` without a space (read as two names).
#[test]
fn prose_names_of_the_real_extract_match_themselves_as_written() {
    let path = "../shared/data/csl/consolidated-2023-11-partial.csv";
    let i = load_partial(path);
    let p = &i.report.prose;
    assert!(
        p.parenthetical_aliases > 100
            && p.aka > 0
            && p.former > 10
            && p.reach_notes > 0
            && p.related > 0
            && p.and_fragments > 0
            && p.tight_separators >= 2,
        "{p:?}"
    );
    let mut list_of = std::collections::HashMap::new();
    for l in &i.lists {
        for e in &l.entities {
            let source = e.citation.split(": ").next().unwrap().to_string();
            list_of.insert((e.id.clone(), source), l.meta.id.clone());
        }
    }
    let s = vendor_screen::ScreenerBuilder::new()
        .lists(i.lists)
        .threshold(0.5)
        .build()
        .unwrap();
    let as_of = "2023-12-01".parse().unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for r in reader.records().map(Result::unwrap) {
        if r.len() != 29 || r[1].contains("Treasury") || &r[1] == "source" {
            continue;
        }
        let list = &list_of[&(r[0].to_string(), r[1].to_string())];
        for n in std::iter::once(&r[5])
            .chain(r[22].split("; "))
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            checked += 1;
            let best = s
                .screen(&vendor_screen::Vendor::new(n), as_of)
                .hits
                .iter()
                .filter(|h| &h.list == list && h.entity_id == r[0])
                .map(|h| h.score)
                .fold(0.0, f64::max);
            if best < 0.99 {
                failures.push(format!("{best:.3} {list} {n}"));
            }
        }
    }
    assert!(checked > 3000, "{checked}");
    let expected = [
        "(all of preceding located in or near Mianyang, Sichuan Province)",
        "Beihang University Ningbo Innovation Institute;Beihang University Qingdao Research Institute",
        "NPO Izhmash OAO;OJSC Concern Kalashnikov",
    ];
    assert!(
        failures.len() == expected.len()
            && expected
                .iter()
                .all(|e| failures.iter().any(|f| f.ends_with(e))),
        "{failures:#?}"
    );
}

/// Remarks quote aliases that hold apostrophes of their own: the name ends
/// at the quote before `;`, `.` or the end (the real SDN rows 10726 and
/// 6925; the importer cut "ABU 'ABDALLAH" at its first apostrophe).
#[test]
fn ofac_remark_aliases_keep_their_apostrophes() {
    let row = "10726,\"AL MAZIDIH, Badran Turki Hishan\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"POB Mosul, Iraq; a.k.a. 'ABU GHADIYAH'; a.k.a. 'ABU 'ABDALLAH'; a.k.a. ''FOOPIE''; a.k.a. 'P'U LI'.\"\n";
    let imported =
        vendor_screen::list::ofac::parse_set(row.as_bytes(), "sdn.csv", None, None, None)
            .expect("parses");
    let aliases = &imported.lists[0].entities[0].weak_aliases;
    for a in ["ABU GHADIYAH", "ABU 'ABDALLAH", "'FOOPIE'", "P'U LI"] {
        assert!(
            aliases.iter().any(|x| x == a),
            "{a} missing from {aliases:?}"
        );
    }
    assert_eq!(aliases.len(), 4, "{aliases:?}");
}
