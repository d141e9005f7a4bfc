//! Matching-quality evaluation on real data only (run from the repository root,
//! with `../shared` beside it):
//!
//! ```text
//! cargo run --release --example evaluate -- [--json FILE] [--baseline OLD.json] [--cases FILE] [--show N] [--only SECTION]...
//! ```
//!
//! Sections (all by default; `--only` picks some):
//! - `self`: self-match. Every name of every list file that the importers
//!   load, as the file writes it, against its own file's lists: it must hit
//!   its own entity at 0.99 (`evaluate/self_match.rs`).
//! - `fp`: false positives. Every real vendor name (`../shared/data/vendors`)
//!   against (a) the CSL plus the bundled lists and (b) every shared list:
//!   the share with any hit, SEC names apart, and the threshold at which 1%
//!   of vendor names hit (`evaluate/vendors.rs`). Always measured: the other
//!   sections report recall at that threshold.
//! - `compound`: organisation names of the OFAC, DPL and bundled lists (the
//!   tuning set) and, apart, of the CSL (held out: do not tune on it), varied
//!   one, two and three ways at once as vendor masters write them
//!   (`evaluate/variants.rs`, vocabulary in `evaluate/words.rs`); names
//!   without a distinctive word as their own group.
//! - `aliases`: alias hold-out. For organisations with two or more names in
//!   the OFAC SDN (2021 with its alias file, 2024) and non-SDN files, one name
//!   is hidden and screened against the file's lists without it, by kind of
//!   alias (`evaluate/holdout.rs`).
//! - `groups`: group members. Real subsidiary and affiliate names from the
//!   bundled lists' relations and the OFAC and CSL links, screened with the
//!   member's own entry removed; found when the group is hit as `match` or
//!   `review` (`evaluate/groups.rs`).
//!
//! Compound variations are screened against every shared list (the union the
//! false-positive threshold (b) is measured on); a case is found when the
//! expected entity is hit at the threshold.

#[path = "evaluate/cases.rs"]
mod cases;
#[path = "evaluate/compound.rs"]
mod compound;
#[path = "evaluate/groups.rs"]
mod groups;
#[path = "evaluate/holdout.rs"]
mod holdout;
#[path = "evaluate/kinds.rs"]
mod kinds;
#[path = "evaluate/peers.rs"]
mod peers;
#[path = "evaluate/persons.rs"]
mod persons;
#[path = "evaluate/report.rs"]
mod report;
#[path = "evaluate/sections.rs"]
mod sections;
#[path = "evaluate/self_match.rs"]
mod self_match;
#[allow(dead_code)] // the raw records' kinds serve the tests' own checks
#[path = "evaluate/sources.rs"]
mod sources;
#[path = "evaluate/suite.rs"]
mod suite;
#[path = "evaluate/truncation.rs"]
mod truncation;
#[path = "evaluate/variants.rs"]
mod variants;
#[path = "evaluate/vendors.rs"]
mod vendors;
#[path = "evaluate/words.rs"]
mod words;

use cases::Case;
use clap::Parser;
use report::{Figures, changes, pct, targets};
use sections::{contractions, false_positives, self_matches};
use std::time::Instant;
use suite::{CSL, Set};
use vendor_screen::DEFAULT_THRESHOLD;
use vendor_screen::list::{Date, DesignationList};

#[derive(Parser)]
struct Args {
    /// Write the figures as JSON to this file.
    #[arg(long)]
    json: Option<std::path::PathBuf>,
    /// Worst misses (and top false-positive pairs) printed per set.
    #[arg(long, default_value_t = 20)]
    show: usize,
    /// Run only these sections (`self`, `fp`, `compound`, `aliases`, `groups`); repeatable.
    #[arg(long)]
    only: Vec<String>,
    /// Lowest score screened for, so recall can be read at any threshold above it.
    #[arg(long, default_value_t = 0.75)]
    floor: f64,
    /// Cases per row of the compound-variation tables, a deterministic
    /// sample; without it, every case: each name varied each way.
    #[arg(long)]
    per_row: Option<usize>,
    /// Compare with the figures of an earlier run (its `--json` file): print
    /// every row whose share moved by half a point or more.
    #[arg(long)]
    baseline: Option<std::path::PathBuf>,
    /// Write every case and its outcome to this file (tab-separated).
    #[arg(long)]
    cases: Option<std::path::PathBuf>,
    /// Write every vendor name that hits at the default threshold, with its
    /// best hit, to this file (tab-separated; both sets of lists), so that
    /// two runs' false positives can be compared name by name.
    #[arg(long)]
    vendor_hits: Option<std::path::PathBuf>,
    /// Leave out the peers (rapidfuzz, through `benches/peer_eval.py`).
    #[arg(long)]
    no_peers: bool,
    /// The peers' false-positive threshold is measured on every N-th vendor
    /// name (Jaro-Winkler; token_set_ratio, which scores about 30 vendor names
    /// a second against every shared list, on every 4th of those).
    #[arg(long, default_value_t = 8)]
    peer_vendor_step: usize,
    /// Random seed of the variations.
    #[arg(long, default_value_t = 20261122)]
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let started = Instant::now();
    let run = |s: &str| args.only.is_empty() || args.only.iter().any(|o| o == s);
    let as_of = Date::new(2026, 11, 22).ok_or("date")?;
    let mut figures = Figures {
        default_threshold: DEFAULT_THRESHOLD,
        ..Figures::default()
    };
    let (files, skipped) = sources::all_files()?;

    if run("self") {
        figures.self_match = self_matches(&files, &skipped, as_of, args.show)?;
    }

    println!();
    println!("## False positives: every real vendor name (SEC held out)");
    let vendor_names = vendors::names()?;
    let listed = vendors::listed(&vendor_names)?;
    let csl_bundled: Vec<DesignationList> = files
        .iter()
        .filter(|f| f.label == CSL || f.label.starts_with("lists/"))
        .flat_map(|f| f.lists.clone())
        .collect();
    let every = sources::every_list(&files);
    if let Some(path) = &args.vendor_hits {
        std::fs::write(path, vendors::HITS_HEADER)?;
    }
    let (fp_a, _) = false_positives(
        "CSL 2023 + bundled",
        csl_bundled,
        &vendor_names,
        &listed,
        &args,
        as_of,
        run("fp"),
    )?;
    let (fp_b, union) = false_positives(
        "every shared list",
        every.clone(),
        &vendor_names,
        &listed,
        &args,
        as_of,
        run("fp"),
    )?;
    let t1 = fp_b.threshold_1pct;
    figures.false_positives = vec![fp_a, fp_b];

    let cx = variants::Context::new(&vendor_names);
    if run("compound") {
        figures.contractions = contractions(&vendor_names);
    }
    let mut sets: Vec<Set> = Vec::new();
    if run("compound") {
        let t = Instant::now();
        sets.extend(suite::compound_sets(
            &files,
            &every,
            (&union.floor, union.default()),
            &cx,
            args.per_row.unwrap_or(usize::MAX),
            args.seed,
            as_of,
        ));
        eprintln!("compound variations screened in {:.1?}", t.elapsed());
    }
    if run("aliases") {
        let t = Instant::now();
        let (set, weak_only) = suite::alias_set(&files, args.floor, args.seed, as_of)?;
        if weak_only > 0 {
            eprintln!(
                "{weak_only} names not hidden in the alias hold-out: their entity's other names \
                 are all weak aliases, which hit only a vendor's name that is one word for word"
            );
        }
        sets.push(set);
        eprintln!("alias hold-out screened in {:.1?}", t.elapsed());
    }
    if run("groups") {
        let t = Instant::now();
        let (group_sets, left_out) = suite::group_sets(&files, &cx, args.floor, as_of, false)?;
        if left_out.not_in_force > 0 {
            eprintln!(
                "{} group members left out: their group's listing is not in force on {as_of}",
                left_out.not_in_force
            );
        }
        if left_out.named_only > 0 {
            eprintln!(
                "{} group members left out: their group's listing reaches only the entity it names (NS-CMIC, OFAC FAQ 857)",
                left_out.named_only
            );
        }
        sets.extend(group_sets);
        eprintln!("group members screened in {:.1?}", t.elapsed());
    }

    if let Some(path) = &args.cases {
        let mut out = String::from(
            "set\trows\tbest score on the expected entity at the default threshold\tquery\texpected list\texpected entity\texpected name\tbest other hit\n",
        );
        for s in &sets {
            for (c, o) in s.cases.iter().zip(&s.outcomes) {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    s.title,
                    c.rows.join("|"),
                    o.own_default.map_or("-".into(), |x| format!("{x:.3}")),
                    c.query,
                    c.list,
                    c.entity,
                    c.source,
                    o.instead
                        .as_ref()
                        .map_or("-".into(), |(l, _, n, x)| format!("{n} ({l}) {x:.3}"))
                ));
            }
        }
        std::fs::write(path, out)?;
    }
    if !args.no_peers && !sets.is_empty() {
        let t = Instant::now();
        let all: Vec<&Case> = sets.iter().flat_map(|s| &s.cases).collect();
        let names: Vec<String> = every
            .iter()
            .flat_map(|l| &l.entities)
            .flat_map(|e| e.names().map(|(_, n)| n.to_string()))
            .collect();
        match peers::run(&all, &names, &vendor_names, args.peer_vendor_step) {
            Ok(p) => figures.peers = p,
            Err(e) => eprintln!("peers left out: {e}"),
        }
        eprintln!("peers scored in {:.1?}", t.elapsed());
    }
    if !figures.peers.is_empty() {
        println!();
        println!("## Peers, on the same cases (each at its own threshold: 1% of vendor names hit)");
        println!(
            "  vendor-screen: threshold {t1:.3} on all {} vendor names against every shared list",
            vendor_names.len()
        );
        for p in &figures.peers {
            let t = if p.threshold > 1.0 {
                format!(
                    "none: {:.1}% of vendor names score 1.0, so it finds nothing at 1%",
                    pct(p.vendors_at_1, p.vendors)
                )
            } else {
                format!("{:.3}", p.threshold)
            };
            println!(
                "  {}: threshold {t}, {} of {} sampled vendor names hit",
                p.name, p.vendors_hit, p.vendors
            );
        }
    }
    let peer_thresholds: Vec<(String, f64)> = figures
        .peers
        .iter()
        .map(|p| (p.name.clone(), p.threshold))
        .collect();
    let mut offset = 0;
    for s in &sets {
        let scores: Vec<(String, f64, &[f64])> = figures
            .peers
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.threshold,
                    &p.cases[offset..offset + s.cases.len()],
                )
            })
            .collect();
        offset += s.cases.len();
        let table = cases::table(
            &s.title,
            &s.pinned,
            &s.cases,
            &s.outcomes,
            DEFAULT_THRESHOLD,
            t1,
            &scores,
            args.show,
        );
        cases::print(&table, DEFAULT_THRESHOLD, t1, &peer_thresholds);
        figures.tables.push(table);
    }

    targets(&figures, &sets, t1);
    if let Some(path) = &args.baseline {
        let old: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        changes(&old, &serde_json::to_value(&figures)?, path);
    }
    figures.seconds = started.elapsed().as_secs_f64();
    println!();
    println!("total {:.1}s", figures.seconds);
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&figures)?)?;
    }
    Ok(())
}
