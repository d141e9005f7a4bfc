//! Self-match, exhaustively (issue 11, "What must hold" 1): every name and
//! alias of every official file in `../shared/data` that the importers load
//! (all CSL editions, OFAC SDN 2021 and 2024, OFAC non-SDN, BIS DPL, and any
//! format added since) and of every bundled list, as the file writes it,
//! screened against its own file's lists, hits its own entity at 0.99 or
//! more. Not a sample. Prints every failure with its score and the hit it got
//! instead, counts by file and class, and fails while any remain.
//!
//! It runs in `cargo test` (about 15 s in the optimised test profile; 0 of
//! 56,030 names fail on 2026-11-25). To see the per-file counts:
//!
//! ```text
//! cargo test --release --test self_match -- --nocapture
//! ```

#[path = "../examples/evaluate/self_match.rs"]
mod self_match;
#[allow(dead_code)] // shared with the evaluation, which uses all of it
#[path = "../examples/evaluate/sources.rs"]
mod sources;

use vendor_screen::list::Date;

#[test]
fn every_listed_name_hits_its_own_entity() {
    let as_of = Date::new(2026, 11, 22).unwrap();
    let (files, skipped) = sources::all_files().expect("list files");
    for (path, why) in &skipped {
        println!("not loaded (no importer yet): {path}: {why}");
    }
    let mut failures = 0;
    let mut names = 0;
    for f in &files {
        let r = self_match::run(f, as_of).expect("screener");
        names += r.names;
        failures += r.failures.len();
        for x in &r.failures {
            println!(
                "FAIL {} [{}] {:?} ({}; {}): own {} instead {}",
                x.file,
                x.id,
                x.name,
                x.field,
                x.class,
                x.own_score.map_or("no hit".into(), |s| format!("{s:.3}")),
                x.instead
                    .as_ref()
                    .map_or("nothing".into(), |(l, id, n, s)| format!(
                        "{l} {id} {n:?} {s:.3}"
                    ))
            );
        }
        println!(
            "{}: {} records, {} names{}, {} failures {:?} ({:.1}s)",
            r.file,
            r.records,
            r.names,
            if r.raw { "" } else { " (as imported)" },
            r.failures.len(),
            r.by_class,
            r.seconds
        );
        if r.notes > 0 {
            println!(
                "    {} notes among the aliases (not names) not screened",
                r.notes
            );
        }
        if r.rejected_names > 0 {
            println!(
                "    {} names of records the importer rejected (and reported) not screened",
                r.rejected_names
            );
        }
    }
    println!("self-match: {failures} of {names} names fail");
    assert!(names > 50_000, "only {names} names read");
    assert_eq!(
        failures, 0,
        "{failures} of {names} names miss their own entity"
    );
}
