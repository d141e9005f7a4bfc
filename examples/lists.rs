//! List lifecycle from the command line: check that every file reconciles,
//! compare two versions of a list.
//!
//! ```text
//! cargo run --example lists -- check ../shared/data
//! cargo run --example lists -- diff OLD NEW [--json]
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
    /// Print, for every file under PATH, the rows in the file against the
    /// rows read, kept, merged, rejected and skipped (files cut off
    /// mid-record are loaded partially and say what was lost).
    Check {
        /// A list file or a directory (searched recursively).
        path: PathBuf,
    },
    /// Screen every name and alias of a CSL file, as the file writes them
    /// (the raw `name` field and each `; `-separated piece of `alt_names`),
    /// against that file, and print each that does not hit its own entity
    /// at 0.99 or more.
    /// Entities added, removed and changed (names, aliases, dates,
    /// relations) between two versions of a list file (or directory).
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
    }
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
