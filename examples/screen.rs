//! `screen`: screen vendor names against designation lists from the command line.
//!
//! ```text
//! cargo run --release --example screen -- "Hik Vision USA Inc"
//! cargo run --release --example screen -- --json --input vendors.csv --list lists/
//! ```
//!
//! Exit status: 0 when no vendor has a hit with status `match` or `review`,
//! 1 when at least one has, 2 on any error (the message names the file, line
//! and field).

use clap::Parser;
use serde::Serialize;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vendor_screen::list::load::{Format, load_path};
use vendor_screen::list::{Date, DesignationList};
use vendor_screen::{Clearance, Owner, Report, Screener, ScreenerBuilder, Status, Vendor};

#[derive(Parser, Debug)]
#[command(
    name = "screen",
    about = "Screen vendors against US designation lists",
    long_about = None
)]
struct Args {
    /// Names to screen, each one vendor.
    names: Vec<String>,
    /// An owner of the single NAME given, nearest first (repeatable).
    #[arg(long = "parent", value_name = "NAME")]
    parents: Vec<String>,
    /// CSV with a header row: name (required), id, aliases, parents, parent_shares, country; `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    input: Option<String>,
    /// A list file (TOML, CSL CSV, OFAC CSV, BIS DPL; format detected) or a directory of TOML lists; `FORMAT:PATH` forces a format (toml, csl, ofac, dpl). Repeatable. Default: the bundled lists.
    #[arg(long = "list", value_name = "PATH")]
    lists: Vec<String>,
    /// Report hits scoring at least this (0..1).
    #[arg(long, value_name = "F")]
    threshold: Option<f64>,
    /// JSON Lines: one object per input vendor, in input order.
    #[arg(long)]
    json: bool,
    /// Print full explanations.
    #[arg(long)]
    explain: bool,
    /// Screen against the entries in force on this date (YYYY-MM-DD, default today).
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: Option<String>,
    /// Reviewed vendor-entity pairs to suppress: CSV with header vendor,list,entity_id,reason,reviewer,date.
    #[arg(long, value_name = "FILE")]
    cleared: Option<String>,
    /// One CSV row per hit (for spreadsheets) instead of the human output.
    #[arg(long, conflicts_with = "json")]
    csv: bool,
    /// Warn when a loaded list is older than this many days.
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    max_list_age: i64,
    /// Any rejected list record or input row is an error (exit 2).
    #[arg(long)]
    strict: bool,
}

/// A fatal error: printed, exit status 2.
struct Fatal(String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Fatal {
        Fatal(e.to_string())
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(Fatal(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs the screening; `Ok(true)` when some vendor has a counting hit.
fn run(args: &Args) -> Result<bool, Fatal> {
    let as_of = match &args.as_of {
        Some(d) => d
            .parse::<Date>()
            .map_err(|e| Fatal(format!("--as-of: {e}")))?,
        None => today(),
    };
    if !args.parents.is_empty() && args.names.len() != 1 {
        return Err(Fatal("--parent applies to exactly one NAME".into()));
    }
    if args.input.is_some() && !args.names.is_empty() {
        return Err(Fatal(
            "give either NAME arguments or --input, not both".into(),
        ));
    }
    if args.input.is_none() && args.names.is_empty() {
        return Err(Fatal(
            "nothing to screen: give a NAME or --input FILE".into(),
        ));
    }
    let clearances = match &args.cleared {
        Some(path) => read_clearances(path)?,
        None => Vec::new(),
    };

    let (lists, rejected_records) = load_lists(&args.lists)?;
    if args.strict && rejected_records > 0 {
        return Err(Fatal(format!(
            "--strict: {rejected_records} list record(s) rejected"
        )));
    }
    for l in &lists {
        if l.meta.is_stale(as_of, args.max_list_age) {
            let age = match l.meta.age_days(as_of) {
                Some(days) => format!("{days} days old"),
                None => "of unknown age".to_string(),
            };
            eprintln!(
                "warning: list {} is {age} ({}), more than {} days",
                l.meta.id,
                l.meta.dates_text(),
                args.max_list_age
            );
        }
    }
    let mut builder = ScreenerBuilder::new().lists(lists);
    if let Some(t) = args.threshold {
        builder = builder.threshold(t);
    }
    let screener = builder.build()?;

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.csv {
        writeln!(
            out,
            "vendor_id,vendor_name,list,entity_id,entity_name,matched_name,score,status,via,reason"
        )?;
    }
    let mut summary = Summary::default();
    let mut used = vec![false; clearances.len()];
    let batch_mode = args.input.is_some();
    let mut emit =
        |vendors: &[Vendor], out: &mut BufWriter<_>, summary: &mut Summary| -> Result<(), Fatal> {
            let mut reports = screener.screen_batch(vendors, as_of);
            for (v, report) in vendors.iter().zip(&mut reports) {
                let keys: Vec<&str> =
                    v.id.iter()
                        .map(String::as_str)
                        .chain([v.name.as_str()])
                        .collect();
                for i in report.apply_clearances(&keys, &clearances) {
                    used[i] = true;
                }
                summary.add(report);
                if args.json {
                    write_json(out, v, report)?;
                } else if args.csv {
                    write_csv(out, v, report)?;
                } else if !batch_mode || !report.hits.is_empty() {
                    write_human(out, v, report, &screener, args.explain)?;
                }
            }
            Ok(())
        };
    match &args.input {
        Some(path) => {
            let rejected = stream_input(path, args.strict, |chunk| {
                emit(chunk, &mut out, &mut summary)
            })?;
            summary.rejected_rows = rejected;
        }
        None => {
            let vendors: Vec<Vendor> = args
                .names
                .iter()
                .map(|n| cli_vendor(n, &args.parents))
                .collect();
            emit(&vendors, &mut out, &mut summary)?;
        }
    }
    for (c, used) in clearances.iter().zip(&used) {
        if !used {
            eprintln!(
                "stale clearance: vendor {:?}, {} {} no longer matches anything",
                c.vendor, c.list, c.entity_id
            );
        }
    }
    if batch_mode {
        if args.json || args.csv {
            eprintln!("{summary}");
        } else {
            writeln!(out, "{summary}")?;
        }
    }
    out.flush()?;
    if args.strict && summary.rejected_rows > 0 {
        return Err(Fatal(format!(
            "--strict: {} input row(s) rejected",
            summary.rejected_rows
        )));
    }
    Ok(summary.flagged > 0)
}

/// Counts for the closing summary of a batch.
#[derive(Default)]
struct Summary {
    screened: usize,
    flagged: usize,
    with_cleared: usize,
    rejected_rows: usize,
    by_list: std::collections::BTreeMap<String, usize>,
}

impl Summary {
    fn add(&mut self, r: &Report) {
        self.screened += 1;
        if r.flagged() {
            self.flagged += 1;
        }
        if r.hits.iter().any(|h| h.status == Status::Cleared) {
            self.with_cleared += 1;
        }
        let mut lists: Vec<&str> = r
            .hits
            .iter()
            .filter(|h| h.status.counts())
            .map(|h| h.list.as_str())
            .collect();
        lists.dedup();
        for l in lists {
            *self.by_list.entry(l.to_string()).or_default() += 1;
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "summary: {} vendors screened, {} with hits (match or review), {} with cleared hits, {} input rows rejected",
            self.screened, self.flagged, self.with_cleared, self.rejected_rows
        )?;
        if !self.by_list.is_empty() {
            let by: Vec<String> = self
                .by_list
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            write!(f, "; by list: {}", by.join(", "))?;
        }
        Ok(())
    }
}

/// Reads `--cleared`: CSV with header vendor,list,entity_id,reason,reviewer,date.
fn read_clearances(path: &str) -> Result<Vec<Clearance>, Fatal> {
    let data = std::fs::read(path).map_err(|e| Fatal(format!("{path}: {e}")))?;
    let mut reader = csv::Reader::from_reader(data.as_slice());
    let headers = reader
        .headers()
        .map_err(|e| Fatal(format!("{path}:1: header: {e}")))?
        .clone();
    let expected = ["vendor", "list", "entity_id", "reason", "reviewer", "date"];
    if headers.iter().map(str::trim).collect::<Vec<_>>() != expected {
        return Err(Fatal(format!(
            "{path}:1: field `header`: expected {}",
            expected.join(",")
        )));
    }
    let mut out = Vec::new();
    for record in reader.deserialize::<Clearance>() {
        match record {
            Ok(c) => out.push(c),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(Fatal(format!("{path}:{line}: {e}")));
            }
        }
    }
    Ok(out)
}

/// Today's date in UTC, from the system clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

/// A vendor from the command line: NAME with an optional `--parent` chain.
fn cli_vendor(name: &str, parents: &[String]) -> Vendor {
    let shares = vec![None; parents.len()];
    let mut v = Vendor::new(name);
    v.owners = owner_chain(parents, &shares);
    v
}

/// Turns a chain of owners (nearest first) into nested owners.
fn owner_chain(names: &[String], shares: &[Option<f64>]) -> Vec<Owner> {
    let mut chain: Option<Owner> = None;
    for (name, share) in names.iter().zip(shares).rev() {
        let mut owner = Owner::new(name.clone());
        owner.share = *share;
        owner.owners.extend(chain.take());
        chain = Some(owner);
    }
    chain.into_iter().collect()
}

/// Loads the `--list` files (or the bundled lists), printing one summary line
/// per list and every rejected record to standard error. Returns the lists and
/// the number of rejected records.
fn load_lists(specs: &[String]) -> Result<(Vec<DesignationList>, usize), Fatal> {
    if specs.is_empty() {
        return Ok((vendor_screen::lists::bundled()?, 0));
    }
    let mut lists = Vec::new();
    let mut rejected = 0;
    for spec in specs {
        let (format, path) = match spec.split_once(':') {
            Some((f, p)) if Format::parse(f).is_some() => (Format::parse(f), p),
            _ => (None, spec.as_str()),
        };
        let imported = load_path(Path::new(path), format)?;
        let file = Path::new(path)
            .file_name()
            .map_or(path.to_string(), |f| f.to_string_lossy().into_owned());
        for (id, n) in &imported.report.kept_per_list {
            eprintln!("loaded {id} from {file}: {n} entities");
        }
        eprintln!("{}", imported.report);
        for r in &imported.report.rejected {
            eprintln!("rejected {r}");
        }
        // Notes are records kept with a remark (merged duplicates, an
        // undated file): show the first few; the library's report has all.
        const NOTES_SHOWN: usize = 10;
        for r in imported.report.notes.iter().take(NOTES_SHOWN) {
            eprintln!("note {r}");
        }
        if imported.report.notes.len() > NOTES_SHOWN {
            eprintln!(
                "note {file}: {} more notes of the same kinds",
                imported.report.notes.len() - NOTES_SHOWN
            );
        }
        rejected += imported.report.rejected.len();
        lists.extend(imported.lists);
    }
    Ok((lists, rejected))
}

const INPUT_COLUMNS: [&str; 6] = [
    "id",
    "name",
    "aliases",
    "parents",
    "parent_shares",
    "country",
];

/// Streams the `--input` CSV in chunks to `screen`. Rows that cannot be used
/// are reported on standard error with their line and skipped; returns how
/// many. Shows progress on standard error when it is a terminal.
fn stream_input(
    path: &str,
    strict: bool,
    mut screen: impl FnMut(&[Vendor]) -> Result<(), Fatal>,
) -> Result<usize, Fatal> {
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(PathBuf::from(path)).map_err(|e| Fatal(format!("{path}: {e}")))?,
        )
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(reader));
    let headers = reader
        .headers()
        .map_err(|e| Fatal(format!("{path}:1: header: {e}")))?
        .clone();
    let mut col = std::collections::HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}');
        if !INPUT_COLUMNS.contains(&h) {
            return Err(Fatal(format!(
                "{path}:1: field `{h}`: unknown column (expected {})",
                INPUT_COLUMNS.join(", ")
            )));
        }
        col.insert(h.to_string(), i);
    }
    if !col.contains_key("name") {
        return Err(Fatal(format!(
            "{path}:1: field `name`: required column missing"
        )));
    }
    let progress = std::io::stderr().is_terminal();
    let mut chunk: Vec<Vendor> = Vec::with_capacity(CHUNK);
    let (mut rejected, mut done) = (0, 0);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                rejected += 1;
                let line = e.position().map_or(0, |p| p.line());
                eprintln!("rejected {path}:{line}: {e}");
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != headers.len() {
            rejected += 1;
            eprintln!(
                "rejected {path}:{line}: {} fields where the header has {}",
                record.len(),
                headers.len()
            );
            continue;
        }
        let get = |c: &str| {
            col.get(c)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .unwrap_or("")
        };
        match vendor_from_row(
            get("id"),
            get("name"),
            get("aliases"),
            get("parents"),
            get("parent_shares"),
            get("country"),
        ) {
            Ok(v) => chunk.push(v),
            Err((field, message)) => {
                rejected += 1;
                eprintln!("rejected {path}:{line}: field `{field}`: {message}");
            }
        }
        if strict && rejected > 0 {
            return Err(Fatal(format!(
                "--strict: input row rejected ({path}:{line})"
            )));
        }
        if chunk.len() == CHUNK {
            screen(&chunk)?;
            done += chunk.len();
            chunk.clear();
            if progress {
                eprint!("\rscreened {done} vendors");
            }
        }
    }
    screen(&chunk)?;
    if progress && done > 0 {
        eprintln!("\rscreened {} vendors", done + chunk.len());
    }
    Ok(rejected)
}

/// Vendors screened at a time (in parallel).
const CHUNK: usize = 4096;

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn vendor_from_row(
    id: &str,
    name: &str,
    aliases: &str,
    parents: &str,
    shares: &str,
    country: &str,
) -> Result<Vendor, (&'static str, String)> {
    if name.is_empty() {
        return Err(("name", "empty name".into()));
    }
    let parents = split_list(parents);
    let mut share_values = vec![None; parents.len()];
    if !shares.is_empty() {
        let parts: Vec<&str> = shares.split(';').map(str::trim).collect();
        if parts.len() > parents.len() {
            return Err((
                "parent_shares",
                format!("{} shares for {} parents", parts.len(), parents.len()),
            ));
        }
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let v: f64 = p
                .trim_end_matches('%')
                .parse()
                .map_err(|_| ("parent_shares", format!("`{p}` is not a percentage")))?;
            if !(0.0..=100.0).contains(&v) {
                return Err(("parent_shares", format!("{v} is not between 0 and 100")));
            }
            share_values[i] = Some(v);
        }
    }
    let mut v = Vendor::new(name);
    if !id.is_empty() {
        v.id = Some(id.to_string());
    }
    if !country.is_empty() {
        v.country = Some(country.to_ascii_uppercase());
    }
    v.aliases = split_list(aliases);
    v.owners = owner_chain(&parents, &share_values);
    Ok(v)
}

/// The `input` object of a JSON line.
#[derive(Serialize)]
struct InputEcho<'a> {
    id: Option<&'a str>,
    name: &'a str,
    aliases: &'a [String],
    parents: Vec<&'a str>,
    country: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    input: InputEcho<'a>,
    as_of: vendor_screen::list::Date,
    lists: &'a [vendor_screen::ListUsed],
    hits: &'a [vendor_screen::Hit],
}

fn parent_names(v: &Vendor) -> Vec<&str> {
    let mut out = Vec::new();
    let mut level = &v.owners;
    while let Some(o) = level.first() {
        out.push(o.name.as_str());
        level = &o.owners;
    }
    out
}

fn write_json(out: &mut impl Write, v: &Vendor, report: &Report) -> Result<(), Fatal> {
    let line = JsonLine {
        input: InputEcho {
            id: v.id.as_deref(),
            name: &v.name,
            aliases: &v.aliases,
            parents: parent_names(v),
            country: v.country.as_deref(),
        },
        as_of: report.as_of,
        lists: &report.lists,
        hits: &report.hits,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)?;
    Ok(())
}

fn write_human(
    out: &mut impl Write,
    v: &Vendor,
    report: &Report,
    screener: &Screener,
    explain: bool,
) -> Result<(), Fatal> {
    let label = match &v.id {
        Some(id) => format!("{id} {:?}", v.name),
        None => format!("{:?}", v.name),
    };
    if report.hits.is_empty() {
        writeln!(out, "{label}: no hits")?;
        return Ok(());
    }
    writeln!(out, "{label}: {} hit(s)", report.hits.len())?;
    for h in &report.hits {
        let via = via_text(&h.via);
        writeln!(
            out,
            "  {:<13} {:<8} {:.3}  {} [{}] matched {:?} via {}",
            h.list,
            status_text(h.status),
            h.score,
            h.entity_name,
            h.entity_id,
            h.matched_name,
            via
        )?;
        if explain {
            if let Some(list) = screener.lists().iter().find(|l| l.meta.id == h.list) {
                writeln!(
                    out,
                    "      list: {} ({}), {}",
                    list.meta.name,
                    list.meta.legal_basis,
                    list.meta.dates_text()
                )?;
            }
            for line in h.explanation.to_string().lines() {
                writeln!(out, "      {line}")?;
            }
        }
    }
    Ok(())
}

/// How a hit was reached, in words.
fn via_text(via: &vendor_screen::Via) -> String {
    match via {
        vendor_screen::Via::SelfName => "vendor name".to_string(),
        vendor_screen::Via::Alias { name } => format!("alias {name:?}"),
        vendor_screen::Via::Parent { level, name, share } => match share {
            Some(s) => format!("parent {name:?} (level {level}, {s}% owner)"),
            None => format!("parent {name:?} (level {level}, share unknown)"),
        },
        vendor_screen::Via::Relation {
            entity_name, link, ..
        } => {
            format!("relation: matched {entity_name:?}, listed as its {link}")
        }
    }
}

/// One CSV row per hit.
fn write_csv(out: &mut impl Write, v: &Vendor, report: &Report) -> Result<(), Fatal> {
    let mut w = csv::Writer::from_writer(out);
    for h in &report.hits {
        let reason = match &h.cleared {
            Some(c) => format!("cleared by {} on {}: {}", c.reviewer, c.date, c.reason),
            None => h.explanation.rule.clone().unwrap_or_default(),
        };
        w.write_record([
            v.id.as_deref().unwrap_or(""),
            &v.name,
            &h.list,
            &h.entity_id,
            &h.entity_name,
            &h.matched_name,
            &format!("{:.3}", h.score),
            &status_text(h.status),
            &via_text(&h.via),
            &reason,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// A status as the JSON contract spells it (`out_of_reach`).
fn status_text(s: Status) -> String {
    serde_json::to_string(&s)
        .map(|x| x.trim_matches('"').to_string())
        .unwrap_or_default()
}
