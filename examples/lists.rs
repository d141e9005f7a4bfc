//! List lifecycle from the command line: check that every file reconciles.
//!
//! ```text
//! cargo run --example lists -- check ../shared/data
//! ```
//!
//! A thin shell over `vendor_screen::list`; exit status 0 when every file
//! loaded reconciles, 1 when some count does not add up, 2 on error.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use vendor_screen::list::check::check_path;

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
    }
}
