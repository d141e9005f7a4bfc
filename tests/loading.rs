//! Loading never loses information (issue 12): merged records keep every
//! period, citation, action and name; impossible dates are rejected fields,
//! never a file's as-of date; a file cut off mid-record is an error unless
//! partial loading is asked for; a directory names every file it does not
//! load; lines are right in CRLF files; OFAC companion problems are located
//! in the companion file; every report reconciles.
//!
//! Each test names the defect it pins and what the old code did.

use std::path::Path;
use vendor_screen::list::load::{load_path, load_path_with};
use vendor_screen::list::{Date, LoadOptions, NotInForce, csl, dpl, ofac};
use vendor_screen::{ScreenerBuilder, Status, Vendor};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// dpl.txt lines 293 and 294: one person, one effective date, orders ending
/// 2023-12-16 and 2030-12-16. The old merge kept the first row's dates only:
/// screening the name in 2026 said `expired`.
#[test]
fn dpl_rows_of_one_order_keep_every_period_citation_and_action() {
    let i = load_path("tests/fixtures/dpl/merged-orders.txt".as_ref(), None).unwrap();
    let r = &i.report;
    assert_eq!((r.read, r.kept(), r.merged), (6, 2, 4));
    assert!(r.reconciles(), "{r}");
    let list = &i.lists[0];
    let ramirez = list
        .entities
        .iter()
        .find(|e| e.name == "JESUS ADRIAN RAMIREZ")
        .unwrap();
    assert_eq!(ramirez.periods.len(), 2);
    assert_eq!(ramirez.addresses.len(), 2);
    assert!(ramirez.in_force(d("2026-01-01")), "denied until 2030");
    let s = ScreenerBuilder::new()
        .lists(i.lists.clone())
        .build()
        .unwrap();
    let report = s.screen(&Vendor::new("Jesus Adrian Ramirez"), d("2026-01-01"));
    let hit = report.hits.iter().find(|h| h.list == "bis-dpl").unwrap();
    assert_eq!(hit.status, Status::Match);
    assert_eq!(
        ramirez.why_not_in_force(d("2031-01-01")),
        Some(NotInForce::Ended {
            on: d("2030-12-16")
        })
    );
    // Four rows of one order, each with its own citation and action text:
    // every one is kept as a period of the entity.
    let raw = std::fs::read_to_string("tests/fixtures/dpl/merged-orders.txt").unwrap();
    let airline = list
        .entities
        .iter()
        .find(|e| e.name == "AL NASER AIRLINES")
        .unwrap();
    assert_eq!(airline.periods.len(), 4);
    for line in raw
        .lines()
        .filter(|l| l.starts_with("\"AL NASER AIRLINES\""))
    {
        let fields: Vec<&str> = line
            .split('\t')
            .map(|f| f.trim_matches('"').trim())
            .collect();
        assert!(
            airline
                .periods
                .iter()
                .any(|p| p.citation.as_deref() == Some(fields[11])
                    && p.action.as_deref() == Some(fields[10])),
            "citation and action of {line:.60} kept"
        );
    }
}

/// A duplicate CSL `_id` with a different name: the old merge dropped the
/// second name, which then screened clean.
#[test]
fn a_duplicate_csl_id_with_another_name_keeps_that_name() {
    let csv = "\"_id\",\"source\",\"name\",\"start_date\",\"federal_register_notice\"\n\
        \"e1\",\"Entity List (EL) - Bureau of Industry and Security\",\"Alpha Photonics Co., Ltd.\",\"2020-05-22\",\"85 FR 34495\"\n\
        \"e1\",\"Entity List (EL) - Bureau of Industry and Security\",\"Zhongxin Kuangdian Jituan\",\"2021-06-01\",\"86 FR 29196\"\n";
    let i = csl::parse(csv.as_bytes(), "dup.csv").unwrap();
    assert_eq!((i.report.kept(), i.report.merged), (1, 1));
    assert!(i.report.reconciles());
    let e = &i.lists[0].entities[0];
    assert!(e.aliases.contains(&"Zhongxin Kuangdian Jituan".to_string()));
    assert_eq!(e.periods.len(), 2, "each row's period");
    assert!(e.citation.contains("86 FR 29196"), "{}", e.citation);
    let note = &i.report.notes[0];
    assert!(
        note.line == 3 && note.reason.contains("Zhongxin Kuangdian Jituan"),
        "{note}"
    );
    let s = ScreenerBuilder::new().lists(i.lists).build().unwrap();
    let r = s.screen(&Vendor::new("Zhongxin Kuangdian Jituan"), d("2024-01-01"));
    assert!(r.hits.iter().any(|h| h.entity_id == "e1"), "{:?}", r.hits);
}

/// A start date of 3033 made the entity `expired` and the whole file "as of
/// 3033" (so never stale). Now it is a rejected field with a note.
#[test]
fn an_impossible_start_date_is_a_rejected_field_not_a_new_as_of_date() {
    let raw = std::fs::read_to_string("tests/fixtures/dpl/dpl.txt").unwrap();
    let bad = raw.replacen("\"09/28/2017\"", "\"09/28/3033\"", 1);
    assert_ne!(raw, bad);
    for options in [
        LoadOptions::default(),
        LoadOptions::default().not_after(Some(d("2023-11-30"))),
    ] {
        let i = dpl::parse_with(bad.as_bytes(), "dpl.txt", &options).unwrap();
        let list = &i.lists[0];
        assert_eq!(
            list.meta.as_of,
            Some(d("2017-10-10")),
            "latest believable date"
        );
        let dahua = list
            .entities
            .iter()
            .find(|e| e.name.starts_with("DAHUA"))
            .unwrap();
        assert_eq!(dahua.first_start(), None, "the start date is rejected");
        assert!(dahua.in_force(d("2025-06-01")), "not `expired`");
        assert!(
            i.report
                .notes
                .iter()
                .any(|n| n.line == 3 && n.field == "Effective_Date" && n.reason.contains("3033")),
            "{:?}",
            i.report.notes
        );
    }
    // The real DPL's Last_Update typo (3033-09-30, line 316) never dates the file.
    let real = load_path("../shared/data/bis-dpl/dpl.txt".as_ref(), None).unwrap();
    assert_eq!(real.lists[0].meta.as_of, Some(d("2023-11-28")));
    assert!(
        real.report
            .notes
            .iter()
            .any(|n| n.line == 316 && n.field == "Last_Update")
    );
    // The same for a CSL start date after the file's own date.
    let raw = std::fs::read_to_string("tests/fixtures/csl/sample-2025.csv").unwrap();
    let bad = raw.replacen("\"2020-12-23\"", "\"3033-12-23\"", 1);
    assert_ne!(raw, bad);
    let ok = csl::parse(raw.as_bytes(), "s.csv").unwrap();
    let i = csl::parse(bad.as_bytes(), "s.csv").unwrap();
    assert_eq!(
        i.lists[0].meta.as_of, ok.lists[0].meta.as_of,
        "one bad date does not move the file's as-of date"
    );
    assert!(i.report.notes.iter().any(|n| n.field == "start_date"));
}

/// A file cut off mid-record loaded partially and silently; now an error
/// unless partial loading is asked for, and the report says what was lost.
#[test]
fn a_file_cut_off_mid_record_is_an_error_unless_partial() {
    let raw = std::fs::read("tests/fixtures/dpl/dpl.txt").unwrap();
    let cut = &raw[..raw.len() - 60];
    let err = dpl::parse(cut, "cut.txt").unwrap_err().to_string();
    assert!(err.starts_with("cut.txt:5: field `Action`"), "{err}");
    let i = dpl::parse_with(cut, "cut.txt", &LoadOptions::partial()).unwrap();
    let t = i.report.truncated.as_ref().unwrap();
    assert_eq!(t.line, 5);
    assert!(t.lost.contains("ABDULAH AL NASSER"), "{}", t.lost);
    assert!(i.report.reconciles());

    let raw = std::fs::read("tests/fixtures/ofac/sdn.csv").unwrap();
    let cut = &raw[..raw.len() - 40];
    assert!(ofac::parse_set(cut, "sdn.csv", None, None, None).is_err());
    let options = LoadOptions::partial();
    let i = ofac::parse_set_with(cut, "sdn.csv", None, None, None, &options).unwrap();
    assert!(i.report.truncated.is_some() && i.report.reconciles());
}

/// `--list DIR` loaded only `*.toml` and skipped every other file without a
/// word. Now every recognised format loads and every other file is named.
#[test]
fn a_directory_loads_every_list_file_and_names_each_file_it_skips() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (from, to) in [
        ("tests/fixtures/csl/sample-2025.csv", "csl.csv"),
        ("tests/fixtures/dpl/dpl.txt", "dpl.txt"),
        ("tests/fixtures/ofac/sdn.csv", "sdn.csv"),
        ("tests/fixtures/ofac/alt.csv", "alt.csv"),
        ("lists/ndaa-889.toml", "ndaa-889.toml"),
        ("lists/README.md", "README.md"),
    ] {
        std::fs::copy(from, dir.join(to)).unwrap();
    }
    let i = load_path(&dir, None);
    std::fs::remove_dir_all(&dir).ok();
    let i = i.unwrap();
    let ids: Vec<&str> = i.lists.iter().map(|l| l.meta.id.as_str()).collect();
    for id in ["csl-el", "bis-dpl", "ofac-sdn", "ndaa-889"] {
        assert!(ids.contains(&id), "{id} loaded: {ids:?}");
    }
    let skipped: Vec<(&str, &str)> = i
        .report
        .skipped_files
        .iter()
        .map(|s| (s.file.rsplit('/').next().unwrap(), s.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped
            .iter()
            .any(|(f, r)| *f == "README.md" && r.contains("tried"))
    );
    // OFAC's alias file is read with sdn.csv, its primary file: a companion
    // with its counts, not a file "not loaded".
    assert!(
        i.report
            .companions
            .iter()
            .any(|c| c.file.ends_with("alt.csv") && c.attached > 0),
        "{:?}",
        i.report.companions
    );
    let bnc = &i.lists[ids.iter().position(|x| *x == "ofac-sdn").unwrap()];
    assert!(
        bnc.entities
            .iter()
            .any(|e| e.aliases.iter().any(|a| a == "NATIONAL BANK OF CUBA"))
    );
    assert!(i.report.reconciles(), "{}", i.report);
}

/// The csv crate's record lines are one too low after a CRLF: notes and
/// rejections named the wrong line in CSL and OFAC files.
#[test]
fn lines_are_right_in_crlf_files() {
    let csv = "\"_id\",\"source\",\"name\"\r\n\"1\",\"Entity List (EL)\",\"Alpha Co.\"\r\n\"1\",\"Entity List (EL)\",\"Alpha Co.\"\r\n\"2\",\"Entity List (EL)\"\r\n\"3\",\"Entity List (EL)\",\"Gamma Co.\"\r\n";
    let i = csl::parse(csv.as_bytes(), "crlf.csv").unwrap();
    assert_eq!(i.report.notes[0].line, 3, "{}", i.report.notes[0]);
    assert_eq!(i.report.rejected[0].line, 4, "{}", i.report.rejected[0]);
    let sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
        173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
        x,\"BAD\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
        306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a";
    let i = ofac::parse_set(sdn.as_bytes(), "sdn.csv", None, None, None).unwrap();
    assert_eq!(i.report.rejected[0].line, 3, "{}", i.report.rejected[0]);
    assert_eq!(i.report.notes[0].line, 5, "the end-of-file byte");
    assert!(i.report.reconciles());
}

/// An alias for an unknown entity was reported in `cons_prim.csv`, at the
/// alias file's line; now in the alias file, with that file's counts.
#[test]
fn an_ofac_alias_problem_is_located_in_the_alias_file() {
    let prim = std::fs::read("tests/fixtures/ofac/sdn.csv").unwrap();
    let alt = b"306,219,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n999999,220,\"aka\",\"NOBODY\",-0- \r\n\x1a";
    let i = ofac::parse_set(&prim, "sdn.csv", Some((alt, "alt.csv")), None, None).unwrap();
    let r = &i.report.rejected[0];
    assert_eq!(
        (r.file.as_str(), r.line, r.field.as_str()),
        ("alt.csv", 2, "ent_num")
    );
    let c = &i.report.companions[0];
    assert_eq!((c.read, c.attached, c.rejected, c.skipped), (3, 1, 1, 1));
    assert!(i.report.reconciles(), "{}", i.report);
    assert_eq!(
        i.report.rejected_here(),
        0,
        "nothing rejected in sdn.csv itself"
    );
}

/// Every file in ../shared/data either loads with a reconciled report or is
/// refused with a reason naming the formats tried.
#[test]
fn every_file_in_shared_data_reconciles_or_is_refused_with_a_reason() {
    use vendor_screen::list::check::{Outcome, check_path};
    let checks = check_path(Path::new("../shared/data")).unwrap();
    let mut loaded = 0;
    for c in &checks {
        assert!(c.balanced(), "{c}");
        match &c.outcome {
            Outcome::Loaded { .. } => loaded += 1,
            Outcome::Refused { reason } => assert!(
                reason.contains("tried") || reason.contains("read as"),
                "{c}"
            ),
            Outcome::Companion { .. } => {}
        }
    }
    assert!(loaded >= 7, "{loaded} files loaded");
    let partial = load_path_with(
        "../shared/data/csl/consolidated-2023-11-partial.csv".as_ref(),
        None,
        &LoadOptions::partial(),
    )
    .unwrap();
    assert!(partial.report.truncated.is_some());
}

/// Messages that quote input escape its control characters, so a list
/// file cannot drive the terminal that prints them (issue 12, item 8).
#[test]
fn messages_quoting_list_input_escape_control_characters() {
    let csv = "\"_id\",\"source\",\"name\",\"start_date\"\n\"1\",\"Entity List (EL)\",\"Alpha Co.\",\"\x1b[2J2020-01-01\"\n";
    let i = csl::parse(csv.as_bytes(), "esc.csv").unwrap();
    let note = i
        .report
        .notes
        .iter()
        .find(|n| n.field == "start_date")
        .unwrap();
    assert!(!note.reason.contains('\x1b'), "{:?}", note.reason);
    assert!(note.reason.contains("\\u{1b}[2J"), "{:?}", note.reason);
    let dpl_head = "\"Name\"\t\"\x1b]0;pwned\x07\"\n";
    let err = dpl::parse(dpl_head.as_bytes(), "d.txt")
        .unwrap_err()
        .to_string();
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    let cut = "\"_id\",\"source\",\"name\",\"start_date\"\n\"1\",\"Entity List (EL)\",\"Evil\x1b[31m Co.\",\"20";
    let err = csl::parse(cut.as_bytes(), "cut.csv")
        .unwrap_err()
        .to_string();
    assert!(!err.contains('\x1b'), "{err:?}");
    let i = csl::parse_with(cut.as_bytes(), "cut.csv", &LoadOptions::partial()).unwrap();
    let lost = &i.report.truncated.unwrap().lost;
    assert!(lost.contains("Evil\\u{1b}[31m Co."), "{lost:?}");
}
