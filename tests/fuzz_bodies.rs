//! The fuzz targets' bodies (`fuzz/bodies/mod.rs`) under proptest, on every
//! `cargo test`: first on the committed seed corpus cut from the real files
//! (`fuzz/seeds/TARGET/`), then on arbitrary bytes and on mutations of the
//! seeds. `fuzz/run.sh SECONDS` runs the same bodies under libFuzzer.

#[path = "../fuzz/bodies/mod.rs"]
mod bodies;

use proptest::prelude::*;

type Body = fn(&[u8]);

const TARGETS: [(&str, Body); 8] = [
    ("csl", bodies::csl),
    ("dpl", bodies::dpl),
    ("ofac", bodies::ofac),
    ("toml_list", bodies::toml_list),
    ("vendor_file", bodies::vendor_file),
    ("clearance", bodies::clearance),
    ("normalize", bodies::normalize),
    ("screener", bodies::screener),
];

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new("fuzz/seeds").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read(f).expect("seed"))
        .collect()
}

#[test]
fn every_target_has_seeds_and_passes_them() {
    for (name, body) in TARGETS {
        let seeds = seeds(name);
        assert!(!seeds.is_empty(), "no seeds for {name}");
        for s in &seeds {
            body(s);
        }
    }
}

/// A seed of `target` with a few bytes changed, inserted or cut.
fn mutated(target: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds(target);
    (
        0..seeds.len(),
        prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 0..8),
    )
        .prop_map(move |(i, edits)| {
            let mut s = seeds[i].clone();
            for (at, byte, op) in edits {
                let at = if s.is_empty() { 0 } else { at % (s.len() + 1) };
                match op {
                    0 => s.insert(at, byte),
                    1 if at < s.len() => s[at] = byte,
                    _ => s.truncate(at),
                }
            }
            s
        })
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..512)
}

/// Bytes made of the characters that matter to a CSV reader.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop::sample::select(b"ab,;\t\"\r\n \x00\x1b\xff9-".to_vec()),
        0..200,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn csl(a in bytes(), m in mutated("csl")) { bodies::csl(&a); bodies::csl(&m); }

    #[test]
    fn dpl(a in bytes(), m in mutated("dpl")) { bodies::dpl(&a); bodies::dpl(&m); }

    #[test]
    fn ofac(a in bytes(), m in mutated("ofac")) { bodies::ofac(&a); bodies::ofac(&m); }

    #[test]
    fn toml_list(a in bytes(), m in mutated("toml_list")) { bodies::toml_list(&a); bodies::toml_list(&m); }

    #[test]
    fn vendor_file(a in bytes(), c in csv_like(), m in mutated("vendor_file")) {
        bodies::vendor_file(&a);
        bodies::vendor_file(&[b"id,name\n".as_slice(), &c].concat());
        bodies::vendor_file(&m);
    }

    #[test]
    fn clearance(a in bytes(), c in csv_like(), m in mutated("clearance")) {
        bodies::clearance(&a);
        bodies::clearance(&[b"vendor,list,entity_id,reason,reviewer,date\n".as_slice(), &c].concat());
        bodies::clearance(&m);
    }

    #[test]
    fn normalize(a in bytes(), s in "\\PC{0,40}", m in mutated("normalize")) {
        bodies::normalize(&a);
        bodies::normalize(s.as_bytes());
        bodies::normalize(&m);
    }

    #[test]
    fn screener(a in bytes(), m in mutated("screener")) {
        bodies::screener(&a);
        bodies::screener(&m);
    }
}

/// Inputs on which a body failed under libFuzzer, kept in
/// `fuzz/findings/TARGET/` until the defect is fixed; then they move to the
/// seeds, which every run replays. (The first, "chinanorth", an index miss
/// where the query's one word merges two words of a listed name without a
/// distinctive word, is a seed since the index keeps two anchors for such
/// names.)
#[test]
fn open_findings_replay() {
    for (name, body) in TARGETS {
        let dir = std::path::Path::new("fuzz/findings").join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            body(&std::fs::read(e.expect("entry").path()).expect("finding"));
        }
    }
}
