//! The TOML list format: every kind of bad input gives an error naming the
//! file, the line and the field; the bundled lists load and are consistent.

use std::collections::HashSet;
use std::path::Path;
use vendor_screen::Error;
use vendor_screen::list::toml::{load_dir, load_file};

/// (fixture, expected line, expected field, a word the message must contain)
const BAD: &[(&str, usize, &str, &str)] = &[
    ("unknown_field.toml", 14, "alases", "unknown field"),
    ("missing_name.toml", 11, "name", "missing field"),
    ("empty_name.toml", 13, "entity.name", "empty"),
    (
        "duplicate_id.toml",
        17,
        "entity.id",
        "duplicate entity id `a` (first used on line 12)",
    ),
    (
        "unknown_relation.toml",
        17,
        "entity.relations.target",
        "unknown entity id `nobody`",
    ),
    (
        "bad_date.toml",
        15,
        "entity.start",
        "not a real calendar date",
    ),
    ("bad_list_date.toml", 8, "list.as_of", "YYYY-MM-DD"),
    ("bad_kind.toml", 15, "kind", "unknown variant `company`"),
    ("syntax.toml", 11, "-", ""),
    ("missing_citation.toml", 11, "citation", "missing field"),
    (
        "both_dates_and_periods.toml",
        12,
        "entity.periods",
        "either `start`/`end` or `[[entity.periods]]`",
    ),
    (
        "period_end_before_start.toml",
        17,
        "entity.periods.end",
        "end 2021-01-01 is before start 2022-01-01",
    ),
];

#[test]
fn each_kind_of_bad_toml_gives_a_located_error() {
    for &(file, line, field, words) in BAD {
        let path = Path::new("tests/fixtures/bad").join(file);
        match load_file(&path) {
            Err(Error::Invalid {
                file: f,
                line: l,
                field: fi,
                message,
            }) => {
                assert!(f.ends_with(file), "{file}: error names {f}");
                assert_eq!(l, Some(line), "{file}: line ({message})");
                assert_eq!(fi, field, "{file}: field ({message})");
                assert!(message.contains(words), "{file}: message {message:?}");
            }
            other => panic!("{file}: expected an Invalid error, got {other:?}"),
        }
    }
}

#[test]
fn error_display_names_file_line_and_field() {
    let err = load_file(Path::new("tests/fixtures/bad/unknown_field.toml")).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("tests/fixtures/bad/unknown_field.toml:14: field `alases`"),
        "{text}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = load_file(Path::new("tests/fixtures/none.toml")).unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(err.to_string().contains("tests/fixtures/none.toml"));
}

#[test]
fn bundled_lists_load_and_are_consistent() {
    let lists = vendor_screen::lists::bundled().expect("bundled lists load");
    let ids: Vec<&str> = lists.iter().map(|l| l.meta.id.as_str()).collect();
    assert_eq!(
        ids,
        ["ndaa-889", "fcc-covered", "dod-1260h", "ofac-ns-cmic"]
    );
    for list in &lists {
        assert!(!list.meta.legal_basis.is_empty() && !list.meta.source_urls.is_empty());
        let entity_ids: HashSet<&str> = list.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            entity_ids.len(),
            list.entities.len(),
            "{}: ids unique",
            list.meta.id
        );
        for e in &list.entities {
            assert!(
                e.citation.len() > 10,
                "{}/{}: cites its source",
                list.meta.id,
                e.id
            );
            for o in &e.original_names {
                assert!(!o.citation.is_empty(), "{}: original name cited", e.id);
            }
            for r in &e.relations {
                if let Some(t) = &r.target {
                    assert!(
                        entity_ids.contains(t.as_str()),
                        "{}: relation {t} resolves",
                        e.id
                    );
                    assert_ne!(t, &e.id, "{}: no self relation", e.id);
                }
                assert!(r.citation.is_some(), "{}: relation cited", e.id);
            }
        }
    }
}

#[test]
fn the_lists_directory_loads_the_same_as_the_bundled_lists() {
    let mut from_dir = load_dir(Path::new("lists")).expect("lists/ loads");
    let mut bundled = vendor_screen::lists::bundled().unwrap();
    from_dir.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    bundled.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    // Same bytes, named differently.
    for (d, b) in from_dir.iter_mut().zip(&mut bundled) {
        let (ds, bs) = (d.meta.source.take().unwrap(), b.meta.source.take().unwrap());
        assert_eq!((ds.sha256, ds.size), (bs.sha256, bs.size), "{}", d.meta.id);
        assert!(
            ds.file.ends_with(&format!("{}.toml", d.meta.id)),
            "{}",
            ds.file
        );
    }
    assert!(from_dir == bundled, "lists/ and the bundled lists differ");
}

fn list<'a>(
    lists: &'a [vendor_screen::list::DesignationList],
    id: &str,
) -> &'a vendor_screen::list::DesignationList {
    lists
        .iter()
        .find(|l| l.meta.id == id)
        .expect("list present")
}

#[test]
fn ndaa_889_names_the_five_statutory_companies() {
    let lists = vendor_screen::lists::bundled().unwrap();
    let ndaa = list(&lists, "ndaa-889");
    let names: Vec<&str> = ndaa.entities.iter().map(|e| e.name.as_str()).collect();
    // The statute's own words, §889(f)(3); also the shared data's section_889.csv.
    let csv = std::fs::read_to_string("../shared/data/ndaa-889/section_889.csv").unwrap();
    for line in csv.lines().skip(1) {
        let name = line.split(',').nth(1).unwrap();
        assert!(names.contains(&name), "{name} missing");
    }
    assert_eq!(names.len(), 5);
    let chinese: Vec<&str> = ndaa
        .entities
        .iter()
        .flat_map(|e| e.original_names.iter().map(|o| o.name.as_str()))
        .collect();
    for n in [
        "华为技术有限公司",
        "杭州海康威视数字技术股份有限公司",
        "中兴通讯股份有限公司",
        "浙江大华技术股份有限公司",
        "海能达通信股份有限公司",
    ] {
        assert!(chinese.contains(&n), "{n}");
    }
}

#[test]
fn fcc_covered_list_has_each_named_entity_and_the_category_entries() {
    let lists = vendor_screen::lists::bundled().unwrap();
    let fcc = list(&lists, "fcc-covered");
    let names: Vec<&str> = fcc.entities.iter().map(|e| e.name.as_str()).collect();
    let csv = std::fs::read_to_string(
        "../shared/data/fcc-covered-list/covered_list_entities-2024-04.csv",
    )
    .unwrap();
    let norm = |s: &str| s.trim_end_matches('.').to_lowercase();
    for line in csv.lines().skip(1) {
        let cols: Vec<&str> = line.split(';').collect();
        for name in [cols[2], cols[3]] {
            if !name.is_empty() {
                assert!(
                    names.iter().any(|n| norm(n) == norm(name)),
                    "{name} missing"
                );
            }
        }
    }
    assert!(names.contains(&"Kaspersky Lab, Inc."));
    assert!(names.contains(&"Digitalsystem Technology Inc."));
    assert!(fcc.meta.categories.len() >= 4);
    assert!(
        fcc.meta
            .categories
            .iter()
            .any(|c| c.description.contains("Routers"))
    );
}

/// The grouping key used to compare names from the DoD data with ours.
fn key(name: &str) -> String {
    let name = name.trim_end_matches('*').replace('\u{2019}', "'");
    name.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[test]
fn dod_1260h_has_every_entity_of_the_latest_edition_in_force() {
    let lists = vendor_screen::lists::bundled().unwrap();
    let dod = list(&lists, "dod-1260h");
    let latest = "2026-06-08".parse().unwrap();
    let mut in_force: HashSet<String> = HashSet::new();
    let mut all: HashSet<String> = HashSet::new();
    for e in &dod.entities {
        for (_, n) in e.names() {
            all.insert(key(n));
            if e.in_force(latest) {
                in_force.insert(key(n));
            }
        }
    }
    let mut reader =
        csv::Reader::from_path("../shared/data/dod-1260h/chinese_military_companies_1260h.csv")
            .unwrap();
    let mut rows = 0;
    for r in reader.records() {
        let r = r.unwrap();
        let clean = r.get(1).unwrap();
        // Some clean names carry their alias in parentheses: accept either form.
        let base = clean.split(" (").next().unwrap();
        let known = |set: &HashSet<String>| set.contains(&key(clean)) || set.contains(&key(base));
        assert!(known(&all), "{clean} missing from dod-1260h");
        if r.get(6) == Some("2026-06-08") {
            rows += 1;
            assert!(
                known(&in_force),
                "{clean} is in the latest edition but not in force"
            );
        }
    }
    assert_eq!(rows, 188);
    let removed = dod
        .entities
        .iter()
        .find(|e| e.name == "Anhui Sun Create Electronics Co., Ltd.")
        .unwrap();
    assert_eq!(removed.last_end(), Some("2026-02-17".parse().unwrap()));
}

#[test]
fn ofac_ns_cmic_has_the_68_cmic_entities_of_the_official_file() {
    let lists = vendor_screen::lists::bundled().unwrap();
    let cmic = list(&lists, "ofac-ns-cmic");
    let prim = std::fs::read("../shared/data/ofac-non-sdn/cons_prim.csv").unwrap();
    let prim = String::from_utf8_lossy(&prim);
    let expected: HashSet<&str> = prim
        .lines()
        .filter(|l| l.contains("\"CMIC-EO13959\""))
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let ours: HashSet<&str> = cmic.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(expected.len(), 68);
    assert_eq!(ours, expected);
    let cetc = cmic
        .entities
        .iter()
        .find(|e| e.name.starts_with("CHINA ELECTRONICS TECHNOLOGY GROUP"))
        .unwrap();
    assert!(
        cetc.aliases.iter().any(|a| a == "CETC"),
        "alias from remarks"
    );
}

/// An entity listed twice (removed, then listed again) is in force in each
/// period and says why it is not in between: "ended" is not "not yet listed".
#[test]
fn periods_in_toml_decide_in_force_and_why_not() {
    use vendor_screen::list::{NotInForce, toml::parse_list};
    let text = r#"
[list]
id = "p"
name = "Periods"
authority = "Test"
legal_basis = "Test"
effect = "Test"
source_urls = []
as_of = "2026-01-01"
reach = "named_only"

[[entity]]
id = "a"
name = "Alpha Co."
citation = "Test notice"
[[entity.periods]]
start = "2021-06-03"
end = "2024-01-31"
citation = "edition 2021-06-03"
[[entity.periods]]
start = "2025-01-07"
action = "named again"

[[entity]]
id = "b"
name = "Beta Co."
citation = "Test notice"
start = "2022-10-05"
end = "2026-02-17"
"#;
    let list = parse_list(text, "periods.toml").unwrap();
    let d = |s: &str| s.parse::<vendor_screen::list::Date>().unwrap();
    let a = &list.entities[0];
    assert_eq!(a.periods.len(), 2);
    assert_eq!(a.periods[0].citation.as_deref(), Some("edition 2021-06-03"));
    assert_eq!(a.periods[1].action.as_deref(), Some("named again"));
    assert!(a.in_force(d("2022-01-01")) && a.in_force(d("2030-01-01")));
    assert!(!a.in_force(d("2024-06-01")));
    assert_eq!(
        a.why_not_in_force(d("2024-06-01")),
        Some(NotInForce::Ended {
            on: d("2024-01-31")
        })
    );
    assert_eq!(
        a.why_not_in_force(d("2020-01-01")),
        Some(NotInForce::NotYetListed {
            from: d("2021-06-03")
        })
    );
    assert_eq!(a.last_end(), None, "the second period is open");
    // `start`/`end` on the entity are one period.
    let b = &list.entities[1];
    assert_eq!(b.periods.len(), 1);
    assert_eq!(b.first_start(), Some(d("2022-10-05")));
    assert_eq!(b.last_end(), Some(d("2026-02-17")));
    assert_eq!(
        b.why_not_in_force(d("2026-02-17"))
            .map(|w| w.to_string())
            .as_deref(),
        Some("removed or expired on 2026-02-17")
    );
}

/// Bundled lists say when they were last amended and verified, where they
/// come from (SHA-256 of the compiled-in text), and staleness counts from
/// verification.
#[test]
fn bundled_lists_state_amended_and_verified_dates_and_their_source() {
    use vendor_screen::list::{AsOfBasis, sha256_hex};
    let lists = vendor_screen::lists::bundled().unwrap();
    for (list, (file, text)) in lists.iter().zip(vendor_screen::lists::BUNDLED_FILES) {
        let m = &list.meta;
        assert_eq!(m.as_of_basis, AsOfBasis::Stated, "{}", m.id);
        let (amended, verified) = (m.amended.unwrap(), m.verified.unwrap());
        assert!(
            m.as_of.unwrap() <= verified,
            "{}: content dated after its verification",
            m.id
        );
        assert!(verified <= amended || m.id == "ndaa-889", "{}", m.id);
        let source = m.source.as_ref().unwrap();
        assert_eq!(source.file, format!("<bundled:lists/{file}>"));
        assert_eq!(source.sha256, sha256_hex(text.as_bytes()));
        assert_eq!(source.size, text.len() as u64);
        assert_eq!(m.current_to(), Some(verified));
        assert!(!m.is_stale(verified, 0));
        let day_after =
            vendor_screen::list::Date::from_days_since_epoch(verified.days_since_epoch() + 91);
        assert!(m.is_stale(day_after, 90));
    }
}

/// The complete example in lists/README.md is a valid list.
#[test]
fn the_readme_example_list_loads() {
    let readme = std::fs::read_to_string("lists/README.md").unwrap();
    let start = readme.find("```toml\n").expect("a TOML example") + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let list = vendor_screen::list::toml::parse_list(&readme[start..end], "lists/README.md")
        .unwrap_or_else(|e| panic!("{e}"));
    let labs = list
        .entities
        .iter()
        .find(|e| e.id == "globex-labs")
        .unwrap();
    assert_eq!(labs.periods.len(), 2);
    assert!(!labs.in_force("2024-01-01".parse().unwrap()));
    assert!(list.meta.verified.is_some() && list.meta.amended.is_some());
}

/// YMTC was removed from the §1260H list on 2026-02-17 and named again in
/// the 2026-06-08 edition: not in force in between (one period from 2024
/// said it was).
#[test]
fn a_1260h_company_removed_and_named_again_is_out_of_force_in_between() {
    use vendor_screen::list::NotInForce;
    let lists = vendor_screen::lists::bundled().unwrap();
    let ymtc = list(&lists, "dod-1260h")
        .entities
        .iter()
        .find(|e| e.id == "yangtze-memory-technologies-co-ltd")
        .unwrap();
    let d = |s: &str| s.parse::<vendor_screen::list::Date>().unwrap();
    assert_eq!(ymtc.periods.len(), 2);
    assert!(ymtc.in_force(d("2025-06-01")) && ymtc.in_force(d("2026-07-01")));
    assert_eq!(
        ymtc.why_not_in_force(d("2026-03-01")),
        Some(NotInForce::Ended {
            on: d("2026-02-17")
        })
    );
}
