//! List lifecycle from the command line: check that every file reconciles,
//! compare two versions of a list, fetch the official files into a cache.
//!
//! ```text
//! cargo run --example lists -- check ../shared/data
//! cargo run --example lists -- diff OLD NEW [--json]
//! cargo run --features fetch --example lists -- fetch --cache list-cache
//! ```
//!
//! A thin shell over `vendor_screen::list`; exit status 0 when every file
//! loaded reconciles, 1 when some count does not add up, 2 on error.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use vendor_screen::list::check::check_path;
use vendor_screen::list::{LoadOptions, load::load_path_with};

#[derive(Parser)]
#[command(
    name = "lists",
    about = "Check, fetch and compare designation list files"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reconcile every list file under PATH.
    ///
    /// Prints, for each file, the rows in the file against the rows read,
    /// kept, merged, rejected and skipped (files cut off mid-record are
    /// loaded partially and say what was lost).
    Check {
        /// A list file or a directory (searched recursively).
        path: PathBuf,
    },
    /// Download the official list files into a cache directory.
    ///
    /// The trade.gov CSL, OFAC SDN and non-SDN CSV sets and BIS DPL, one
    /// subdirectory
    /// per source, each file with a manifest beside it (NAME.manifest.toml:
    /// URL, retrieval and check times, ETag and Last-Modified, size,
    /// SHA-256, import report). Requests are conditional on the cached
    /// copy's validators, time out, and are retried with backoff. A new
    /// file replaces the cached one only after it loads, atomically, and
    /// only if it keeps at least (1 - max-drop) of the cached version's
    /// entities (else use --force). Each source that fails is reported and
    /// leaves its cached files as they were; exit status 1 when any failed.
    /// Needs the `fetch` feature: cargo run --features fetch --example lists -- fetch
    Fetch {
        /// The cache directory.
        #[arg(long, default_value = "list-cache")]
        cache: PathBuf,
        /// Fetch only this source (csl, ofac-sdn, ofac-non-sdn, bis-dpl);
        /// repeatable. Default: all.
        #[arg(long = "source", value_name = "ID")]
        sources: Vec<String>,
        /// Fetch a file from another URL: ID=URL for the source's primary
        /// file, ID/NAME=URL for one file of a set (e.g. ofac-sdn/alt.csv=...).
        #[arg(long = "url", value_name = "ID[/NAME]=URL")]
        urls: Vec<String>,
        /// Install a new version even if it loses more than --max-drop of
        /// the cached version's entities.
        #[arg(long)]
        force: bool,
        /// The largest share of entities a new version may lose (0..1).
        #[arg(long, default_value_t = 0.1)]
        max_drop: f64,
        /// Seconds one request may take, body included.
        #[arg(long, default_value_t = 120)]
        timeout: u64,
        /// Retries after a network error, a timeout or a 5xx answer.
        #[arg(long, default_value_t = 3)]
        retries: u32,
    },
    /// Compare two versions of a list file (or directory).
    ///
    /// Entities added, removed and changed (names, aliases, dates,
    /// relations), as text or JSON.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Load files cut off mid-record, keeping the records before the cut.
        #[arg(long)]
        partial: bool,
    },
    /// Screen every name of a CSL file against the file itself.
    ///
    /// Every name and alias as the file writes them (the raw `name` field and each `; `-separated piece of `alt_names`),
    /// against that file, and print each that does not hit its own entity
    /// at 0.99 or more.
    SelfMatch {
        /// A CSL CSV file (loaded partially if cut off).
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<bool, Box<dyn std::error::Error>> {
    match args.command {
        Command::Check { path } => {
            let checks = check_path(&path)?;
            for c in &checks {
                println!("{c}");
            }
            Ok(checks.iter().all(|c| c.balanced()))
        }
        Command::Diff {
            old,
            new,
            json,
            partial,
        } => {
            let options = LoadOptions {
                partial,
                ..LoadOptions::default()
            };
            let old = load_path_with(&old, None, &options)?;
            let new = load_path_with(&new, None, &options)?;
            let d = vendor_screen::list::diff::diff(&old.lists, &new.lists);
            let text = if json {
                format!("{}\n", serde_json::to_string(&d)?)
            } else {
                d.to_string()
            };
            write_out(&text)?;
            Ok(true)
        }
        Command::SelfMatch { file } => self_match(&file),
        Command::Fetch {
            cache,
            sources,
            urls,
            force,
            max_drop,
            timeout,
            retries,
        } => fetch(FetchArgs {
            cache,
            sources,
            urls,
            force,
            max_drop,
            timeout,
            retries,
        }),
    }
}

#[cfg_attr(not(feature = "fetch"), allow(dead_code))]
struct FetchArgs {
    cache: PathBuf,
    sources: Vec<String>,
    urls: Vec<String>,
    force: bool,
    max_drop: f64,
    timeout: u64,
    retries: u32,
}

#[cfg(not(feature = "fetch"))]
fn fetch(_: FetchArgs) -> Result<bool, Box<dyn std::error::Error>> {
    Err(
        "this build has no `fetch` feature: cargo run --features fetch --example lists -- fetch"
            .into(),
    )
}

#[cfg(feature = "fetch")]
fn fetch(args: FetchArgs) -> Result<bool, Box<dyn std::error::Error>> {
    use vendor_screen::list::fetch::{FetchOptions, fetch_source, official_sources};
    if !(0.0..=1.0).contains(&args.max_drop) {
        return Err("--max-drop: a share between 0 and 1".into());
    }
    let mut sources = official_sources();
    for spec in &args.urls {
        let (target, url) = spec.split_once('=').ok_or("--url: ID[/NAME]=URL")?;
        let (id, name) = target.split_once('/').unwrap_or((target, ""));
        let source = sources
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or_else(|| format!("--url: no source `{id}`"))?;
        let file = if name.is_empty() {
            source.files.first_mut()
        } else {
            source.files.iter_mut().find(|f| f.name == name)
        }
        .ok_or_else(|| format!("--url: source `{id}` has no file `{name}`"))?;
        file.url = url.to_string();
    }
    for id in &args.sources {
        if !sources.iter().any(|s| &s.id == id) {
            return Err(format!("--source: no source `{id}`").into());
        }
    }
    let options = FetchOptions {
        timeout: std::time::Duration::from_secs(args.timeout),
        retries: args.retries,
        max_drop: args.max_drop,
        force: args.force,
        ..FetchOptions::default()
    };
    let mut ok = true;
    for source in sources
        .iter()
        .filter(|s| args.sources.is_empty() || args.sources.contains(&s.id))
    {
        match fetch_source(source, &args.cache, &options) {
            Ok(done) => {
                println!("{done}");
                if let Some(r) = done.manifests.first().and_then(|m| m.report.as_ref()) {
                    println!("  {}", r.summary);
                }
            }
            Err(e) => {
                ok = false;
                eprintln!("error: {}: {e}", source.id);
            }
        }
    }
    Ok(ok)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn write_out(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn self_match(file: &std::path::Path) -> Result<bool, Box<dyn std::error::Error>> {
    use vendor_screen::{ScreenerBuilder, Vendor};
    let imported = load_path_with(file, None, &LoadOptions::partial())?;
    // Each CSL entity cites its source first: find its list by (id, source).
    let mut list_of = std::collections::HashMap::new();
    for l in &imported.lists {
        for e in &l.entities {
            let source = e.citation.split(": ").next().unwrap_or("").to_string();
            list_of.insert((e.id.clone(), source), l.meta.id.clone());
        }
    }
    let screener = ScreenerBuilder::new()
        .lists(imported.lists)
        .threshold(0.3)
        .build()?;
    let as_of = "2023-12-01".parse()?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(file)?;
    let header = reader.headers()?.clone();
    let col = |n: &str| header.iter().position(|h| h == n);
    let (src, name, alt, id) = (col("source"), col("name"), col("alt_names"), col("_id"));
    let (mut total, mut failed) = (0, 0);
    for record in reader.records() {
        let Ok(r) = record else { continue };
        if r.len() != header.len() || r.get(1) == Some("source") {
            continue;
        }
        let get = |c: Option<usize>| c.and_then(|c| r.get(c)).unwrap_or("");
        let entity = get(id);
        let Some(list) = list_of.get(&(entity.to_string(), get(src).to_string())) else {
            continue;
        };
        let raw = std::iter::once(get(name)).chain(get(alt).split("; "));
        for n in raw.map(str::trim).filter(|n| !n.is_empty()) {
            total += 1;
            let report = screener.screen(&Vendor::new(n), as_of);
            let best = report
                .hits
                .iter()
                .filter(|h| &h.list == list && h.entity_id == entity)
                .map(|h| h.score)
                .fold(0.0, f64::max);
            if best < 0.99 {
                failed += 1;
                println!("{best:.3}\t{list}\t{entity}\t{n}");
            }
        }
    }
    println!("{failed} of {total} names below 0.99 against their own entity");
    Ok(failed == 0)
}
