//! `screen`: screen vendor names against designation lists from the command line.
//!
//! ```text
//! cargo run --release --example screen -- "Hik Vision USA Inc"
//! cargo run --release --example screen -- --json --input vendors.csv --list csl.csv
//! ```
//!
//! Exit status: 0 when no vendor has a hit with status `match` or `review`,
//! 1 when at least one has, 2 on any error (the message names the file, line
//! and field). A thin shell over the library: reading vendors
//! (`vendor_file`), lists (`sources`), clearances (`clearance`) and every
//! output format (`output`) live there.

use clap::Parser;
use std::collections::BTreeSet;
use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use vendor_screen::clearance::ClearanceSet;
use vendor_screen::list::{Date, LoadOptions};
use vendor_screen::output::writer::{Format, ReportWriter};
use vendor_screen::rescreen::{self, SinceSummary, check_threshold, read_earlier};
use vendor_screen::sources::{ListSpec, load_lists_with};
use vendor_screen::vendor_file::{Row, RowRejection, VendorReader};
use vendor_screen::{DEFAULT_THRESHOLD, Screener, ScreenerBuilder, Vendor};

/// Screen vendors against US designation lists.
#[derive(Parser, Debug)]
#[command(name = "screen", version)]
struct Args {
    /// Names to screen, each one vendor.
    names: Vec<String>,
    /// An owner of the single NAME given, nearest first (repeatable); `NAME=SHARE` gives its share in percent.
    #[arg(long = "parent", value_name = "NAME[=SHARE]")]
    parents: Vec<String>,
    /// Vendor CSV with a header row (`name` or `Vendor Name`, `Supplier`, `Company`; optional id, aliases, parents, parent_shares, country, uei, cage, lei, duns, tax_id); `,` `;` or tab; `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    input: Option<String>,
    /// A list added to the bundled ones: `bundled`, a TOML list or directory, an official file (CSL CSV, OFAC CSV, BIS DPL; format detected) or FORMAT:PATH. Repeatable.
    #[arg(long = "list", value_name = "PATH")]
    lists: Vec<String>,
    /// Leave the bundled lists out (unless `--list bundled` names them).
    #[arg(long)]
    no_bundled: bool,
    /// Load a list file cut off mid-record: the records before the cut are kept, the summary says where it was cut.
    #[arg(long)]
    partial: bool,
    /// Report hits scoring at least this (0..1).
    #[arg(long, value_name = "F")]
    threshold: Option<f64>,
    /// JSON Lines: one object per input vendor, in input order.
    #[arg(long)]
    json: bool,
    /// A page per finding: listings, rules, legal basis, citations, how the names compare, clearance rows.
    #[arg(long)]
    explain: bool,
    /// Screen against the entries in force on this date (YYYY-MM-DD, default today).
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: Option<String>,
    /// Reviewed clearances: CSV with header vendor,list,entity_id,reason,reviewer,date and optionally path.
    #[arg(long, value_name = "FILE")]
    cleared: Option<String>,
    /// CSV: a row per hit, a `clean` row per vendor without hits, a `rejected` row per unusable input row.
    #[arg(long, conflicts_with = "json")]
    csv: bool,
    /// Count a list as stale when older than this many days.
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    max_list_age: i64,
    /// Any rejected list record or input row is an error (exit 2).
    #[arg(long)]
    strict: bool,
    /// Every list loaded, rejected record, note and stale list, instead of one summary line.
    #[arg(long, short)]
    verbose: bool,
    /// The JSON Lines of an earlier run: report only what changed per vendor (new hits, hits gone, status changes), screening again only the vendors the list changes can alter. Exit 1 when a change needs review.
    #[arg(long, value_name = "FILE")]
    since: Option<String>,
}

/// A fatal error: printed, exit status 2.
struct Fatal(String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Fatal {
        Fatal(e.to_string())
    }
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(Fatal(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The format the flags ask for.
fn format(args: &Args) -> Format {
    match (args.json, args.csv, args.explain) {
        (true, _, _) => Format::Json,
        (_, true, _) => Format::Csv,
        (_, _, true) => Format::Explain,
        _ if args.input.is_some() => Format::HumanFindingsOnly,
        _ => Format::Human,
    }
}

/// Loads the lists the flags name, reports on them and builds the screener.
fn screener(args: &Args, as_of: Date) -> Result<Screener, Fatal> {
    let options = LoadOptions {
        partial: args.partial,
        ..LoadOptions::default()
    };
    let specs = ListSpec::parse_all(&args.lists)?;
    let loaded = load_lists_with(&specs, !args.no_bundled, &options)?;
    for line in loaded.report_lines(args.verbose, as_of, args.max_list_age) {
        eprintln!("{line}");
    }
    if args.strict && loaded.rejected() > 0 {
        let n = loaded.rejected();
        return Err(Fatal(format!("--strict: {n} list record(s) rejected")));
    }
    let threshold = args.threshold.unwrap_or(DEFAULT_THRESHOLD);
    Ok(ScreenerBuilder::new()
        .lists(loaded.lists)
        .threshold(threshold)
        .build()?)
}

/// Runs the screening; `Ok(true)` when some vendor has a counting hit.
fn run(args: &Args) -> Result<bool, Fatal> {
    let as_of = match &args.as_of {
        Some(d) => d.parse().map_err(|e| Fatal(format!("--as-of: {e}")))?,
        None => Date::today(),
    };
    if !args.parents.is_empty() && args.names.len() != 1 {
        return Err(Fatal("--parent applies to exactly one NAME".into()));
    }
    if args.input.is_some() != args.names.is_empty() {
        return Err(Fatal("give either NAME arguments or --input FILE".into()));
    }
    let vendors = (args.names.iter())
        .map(|name| Vendor::from_command_line(name, &args.parents))
        .collect::<Result<Vec<_>, _>>()?;
    let screener = screener(args, as_of)?;
    let clearances = ClearanceSet::load(args.cleared.as_deref(), &screener, as_of)?;
    if let Some(path) = &args.since {
        return since(args, path, &screener, &clearances, vendors, as_of);
    }
    batch(args, &screener, &clearances, &vendors, as_of)
}

/// Screens the vendors named or the `--input` file and writes the results.
fn batch(
    args: &Args,
    screener: &Screener,
    clearances: &ClearanceSet,
    vendors: &[Vendor],
    as_of: Date,
) -> Result<bool, Fatal> {
    let out = BufWriter::new(std::io::stdout().lock());
    let mut w = ReportWriter::new(out, format(args))?;
    let mut used = BTreeSet::new();
    match &args.input {
        Some(path) => {
            let mut rows = VendorReader::open(path)?.unique_ids(args.cleared.is_some());
            if let Some(note) = rows.ignored_note() {
                eprintln!("{note}");
            }
            let progress = std::io::stderr().is_terminal();
            while let Some(chunk) = rows.next_chunk(4096)? {
                used.extend(w.screen(screener, &chunk.vendors, as_of, clearances)?);
                if let Some(r) = &chunk.rejected {
                    rejected(args, r)?;
                    w.rejected(r)?;
                }
                if progress {
                    eprint!("\rscreened {} vendors\r", w.summary().screened);
                }
            }
        }
        None => used.extend(w.screen(screener, vendors, as_of, clearances)?),
    }
    for stale in clearances.stale(used.iter().copied()) {
        eprintln!("stale clearance: {stale}");
    }
    let summary = w.summary().clone();
    if args.input.is_some() && format(args).is_machine() {
        eprintln!("{summary}");
    } else if args.input.is_some() {
        w.write_line(&summary)?;
    }
    w.finish()?;
    if summary.screened == 0 {
        return Err(Fatal(format!(
            "no vendor could be screened ({} input rows rejected)",
            summary.rejected
        )));
    }
    Ok(summary.flagged > 0)
}

/// Reports a rejected input row; an error under `--strict`.
fn rejected(args: &Args, r: &RowRejection) -> Result<(), Fatal> {
    if args.strict {
        return Err(Fatal(format!("--strict: input row rejected: {r}")));
    }
    eprintln!("rejected {r}");
    Ok(())
}

/// `--since`: what changed per vendor since an earlier run.
fn since(
    args: &Args,
    path: &str,
    screener: &Screener,
    clearances: &ClearanceSet,
    mut vendors: Vec<Vendor>,
    as_of: Date,
) -> Result<bool, Fatal> {
    let text = std::fs::read_to_string(path).map_err(|e| Fatal(format!("{path}: {e}")))?;
    let earlier = read_earlier(&text, path)?;
    check_threshold(&earlier, screener.threshold())?;
    if let Some(input) = &args.input {
        for row in VendorReader::open(input)? {
            match row? {
                Row::Vendor { vendor, .. } => vendors.push(vendor),
                Row::Rejected(r) => rejected(args, &r)?,
            }
        }
    }
    let cleared = clearances.entities();
    let results = rescreen::since(&earlier, screener, &vendors, as_of, &cleared, |v| {
        screener.screen_cleared(v, as_of, clearances).0
    })?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (v, r) in vendors.iter().zip(&results) {
        rescreen::write_changes(&mut out, v, as_of, &r.changes, args.json)?;
    }
    out.flush()?;
    let summary = SinceSummary::of(&results);
    eprintln!("since {path}: {summary}");
    Ok(summary.review)
}
