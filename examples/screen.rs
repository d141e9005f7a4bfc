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
use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use vendor_screen::clearance::ClearanceSet;
use vendor_screen::list::{Date, LoadOptions};
use vendor_screen::output::{ScreenLine, csv as csv_out, human, summary::BatchSummary};
use vendor_screen::sources::{ListSpec, load_lists_with};
use vendor_screen::vendor_file::{RowRejection, VendorReader};
use vendor_screen::{DEFAULT_THRESHOLD, Owner, ScreenerBuilder, Vendor};

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

/// Where each vendor's result goes.
struct Output<'a, W: Write> {
    out: W,
    args: &'a Args,
    screener: &'a vendor_screen::Screener,
    clearances: &'a ClearanceSet,
    used: std::collections::BTreeSet<usize>,
    summary: BatchSummary,
}

impl<W: Write> Output<'_, W> {
    /// Screens a chunk of vendors and writes each result, in order.
    fn screen(&mut self, vendors: &[Vendor], as_of: Date) -> Result<(), Fatal> {
        let results = self
            .screener
            .screen_batch_cleared(vendors, as_of, self.clearances);
        for (v, (report, used)) in vendors.iter().zip(&results) {
            self.used.extend(used);
            self.summary.add(report);
            if self.args.json {
                let line = ScreenLine::new(v, report.clone(), self.screener);
                serde_json::to_writer(&mut self.out, &line)?;
                writeln!(self.out)?;
            } else if self.args.csv {
                csv_out::write_rows(&mut self.out, v, report)?;
            } else if self.args.explain {
                human::write_explain(&mut self.out, v, report)?;
            } else if self.args.input.is_none() || !report.findings.is_empty() {
                human::write_report(&mut self.out, v, report)?;
            }
        }
        Ok(())
    }

    fn rejected(&mut self, r: &RowRejection) -> Result<(), Fatal> {
        self.summary.rejected += 1;
        if self.args.strict {
            return Err(Fatal(format!("--strict: input row rejected: {r}")));
        }
        eprintln!("rejected {r}");
        if self.args.csv {
            csv_out::write_rejected(&mut self.out, r)?;
        }
        Ok(())
    }
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
    let vendors = cli_vendors(args)?;
    let options = LoadOptions {
        partial: args.partial,
        ..LoadOptions::default()
    };
    let loaded = load_lists_with(
        &ListSpec::parse_all(&args.lists)?,
        !args.no_bundled,
        &options,
    )?;
    for line in loaded.report_lines(args.verbose, as_of, args.max_list_age) {
        eprintln!("{line}");
    }
    if args.strict && loaded.rejected() > 0 {
        return Err(Fatal(format!(
            "--strict: {} list record(s) rejected",
            loaded.rejected()
        )));
    }
    let screener = ScreenerBuilder::new()
        .lists(loaded.lists)
        .threshold(args.threshold.unwrap_or(DEFAULT_THRESHOLD))
        .build()?;
    let clearances = ClearanceSet::load(args.cleared.as_deref(), &screener, as_of)?;
    if let Some(path) = &args.since {
        return since::run(args, path, &screener, &clearances, vendors, as_of);
    }
    let stdout = std::io::stdout();
    let mut o = Output {
        out: BufWriter::new(stdout.lock()),
        args,
        screener: &screener,
        clearances: &clearances,
        used: Default::default(),
        summary: BatchSummary::default(),
    };
    if args.csv {
        csv_out::write_header(&mut o.out)?;
    }
    match &args.input {
        Some(path) => stream_input(path, &mut o, as_of)?,
        None => o.screen(&vendors, as_of)?,
    }
    for stale in clearances.stale(o.used.iter().copied()) {
        eprintln!("stale clearance: {stale}");
    }
    if args.input.is_some() {
        if args.json || args.csv {
            eprintln!("{}", o.summary);
        } else {
            writeln!(o.out, "{}", o.summary)?;
        }
    }
    o.out.flush()?;
    if o.summary.screened == 0 {
        return Err(Fatal(format!(
            "no vendor could be screened ({} input rows rejected)",
            o.summary.rejected
        )));
    }
    Ok(o.summary.flagged > 0)
}

/// `--since`: what changed per vendor since an earlier run.
mod since {
    use super::{Args, Fatal};
    use std::io::Write;
    use vendor_screen::clearance::ClearanceSet;
    use vendor_screen::list::Date;
    use vendor_screen::rescreen::{
        Change, ChangesInput, ChangesLine, check_threshold, read_earlier, since,
    };
    use vendor_screen::vendor_file::{Row, VendorReader};
    use vendor_screen::{Screener, Vendor};

    pub(super) fn run(
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
                    Row::Rejected(r) if args.strict => {
                        return Err(Fatal(format!("--strict: input row rejected: {r}")));
                    }
                    Row::Rejected(r) => eprintln!("rejected {r}"),
                }
            }
        }
        let cleared: Vec<_> = clearances
            .rows()
            .iter()
            .map(|c| (c.clearance.list.clone(), c.clearance.entity_id.clone()))
            .collect();
        let results = since(&earlier, screener, &vendors, as_of, &cleared, |v| {
            screener.screen_cleared(v, as_of, clearances).0
        })?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let (mut again, mut changed, mut review) = (0, 0, false);
        for (v, r) in vendors.iter().zip(&results) {
            again += usize::from(r.screened_again);
            if r.changes.is_empty() {
                continue;
            }
            changed += 1;
            review |= r.changes.iter().any(Change::needs_review);
            if args.json {
                let input = ChangesInput {
                    id: v.id.as_deref(),
                    name: &v.name,
                };
                let line = ChangesLine {
                    input,
                    as_of,
                    changes: &r.changes,
                };
                serde_json::to_writer(&mut out, &line)?;
                writeln!(out)?;
                continue;
            }
            writeln!(out, "{}:", vendor_screen::error::escape_controls(&v.name))?;
            for c in &r.changes {
                writeln!(out, "  {c}")?;
            }
        }
        out.flush()?;
        eprintln!(
            "since {path}: {} vendors, {again} screened again, {changed} with changes",
            vendors.len()
        );
        Ok(review)
    }
}

/// The vendors named on the command line, each checked like an input row.
fn cli_vendors(args: &Args) -> Result<Vec<Vendor>, Fatal> {
    let chain = args
        .parents
        .iter()
        .map(|p| Owner::parse_spec(p))
        .collect::<Result<Vec<_>, _>>();
    let chain = chain.map_err(|e| Fatal(format!("--parent {e}")))?;
    let vendor = |name: &String| {
        let v = Vendor {
            owners: Owner::chain(chain.clone()),
            ..Vendor::new(name.as_str())
        };
        v.validate().map(|()| v)
    };
    Ok(args.names.iter().map(vendor).collect::<Result<_, _>>()?)
}

/// Streams the `--input` CSV in chunks screened in parallel, in input order.
fn stream_input<W: Write>(path: &str, o: &mut Output<'_, W>, as_of: Date) -> Result<(), Fatal> {
    let mut rows = VendorReader::open(path)?.unique_ids(o.args.cleared.is_some());
    if let Some(note) = rows.ignored_note() {
        eprintln!("{note}");
    }
    let progress = std::io::stderr().is_terminal();
    while let Some(chunk) = rows.next_chunk(4096)? {
        o.screen(&chunk.vendors, as_of)?;
        if let Some(r) = &chunk.rejected {
            o.rejected(r)?;
        }
        if progress {
            eprint!("\rscreened {} vendors\r", o.summary.screened);
        }
    }
    Ok(())
}
