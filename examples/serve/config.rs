//! Command-line options and the settings derived from them.

use clap::Parser;
use std::net::IpAddr;

/// `serve --port N [--bind ADDR] [--list PATH]...`
#[derive(Parser, Debug)]
#[command(
    name = "serve",
    about = "HTTP screening service over vendor-screen",
    long_about = None
)]
pub struct Args {
    /// TCP port to listen on (0 picks a free one; the log line `listening` names it).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// A list file (TOML, CSL CSV, OFAC CSV, BIS DPL; format detected) or a directory of TOML lists, added to the bundled lists; `FORMAT:PATH` forces a format. Repeatable. Re-read by `POST /admin/reload`.
    #[arg(long = "list", value_name = "PATH")]
    pub lists: Vec<String>,
    /// Leave the bundled lists out.
    #[arg(long)]
    pub no_bundled: bool,
    /// Load list files cut off mid-record, keeping the records before the cut (`GET /lists` shows what was lost).
    #[arg(long)]
    pub partial: bool,
    /// Report hits scoring at least this (0..1); default: the library's default.
    #[arg(long, value_name = "F")]
    pub threshold: Option<f64>,
    /// File of API keys, one per line: `SHA256-HEX LABEL [admin] [rate=N]` (see `--hash-key`). Without it the screening endpoints are open and `/admin` refuses every request.
    #[arg(long, value_name = "FILE")]
    pub keys: Option<String>,
    /// Requests per second allowed per API key (or per client address when no keys are configured); 0 means no limit. A key's own `rate=N` overrides it.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub rate_limit: u32,
    /// Largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    pub max_body: usize,
    /// Most vendors in one `POST /screen` batch, and queries in one `POST /match` batch.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_batch: usize,
    /// Time allowed for one request, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 30_000)]
    pub timeout_ms: u64,
    /// Allow cross-origin requests from this origin (repeatable); CORS is off without it.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,
    /// Read one API key from standard input, print its line for the keys file, and exit.
    #[arg(long)]
    pub hash_key: bool,
    /// Print the routes (`METHOD PATH`, one a line) and exit.
    #[arg(long, hide = true)]
    pub print_routes: bool,
}

/// Where the lists come from: re-read on every reload.
#[derive(Debug, Clone)]
pub struct ListSources {
    /// Include the bundled lists.
    pub bundled: bool,
    /// `--list` values, as given.
    pub specs: Vec<String>,
    /// Accept files cut off mid-record.
    pub partial: bool,
    /// Reporting threshold.
    pub threshold: Option<f64>,
}

/// Settings of a running service.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Listen address.
    pub bind: IpAddr,
    /// Listen port.
    pub port: u16,
    /// The lists to load.
    pub lists: ListSources,
    /// Default per-key rate (0 = none).
    pub rate_limit: u32,
    /// Body limit in bytes.
    pub max_body: usize,
    /// Batch limit.
    pub max_batch: usize,
    /// Request timeout.
    pub timeout: std::time::Duration,
    /// CORS origins (empty = CORS off).
    pub cors_origins: Vec<String>,
}

impl Settings {
    /// Checks the options.
    pub fn from_args(a: &Args) -> Result<Settings, String> {
        if a.no_bundled && a.lists.is_empty() {
            return Err("--no-bundled needs at least one --list".into());
        }
        if a.max_batch == 0 || a.max_body == 0 || a.timeout_ms == 0 {
            return Err("--max-batch, --max-body and --timeout-ms must be positive".into());
        }
        Ok(Settings {
            bind: a.bind,
            port: a.port,
            lists: ListSources {
                bundled: !a.no_bundled,
                specs: a.lists.clone(),
                partial: a.partial,
                threshold: a.threshold,
            },
            rate_limit: a.rate_limit,
            max_body: a.max_body,
            max_batch: a.max_batch,
            timeout: std::time::Duration::from_millis(a.timeout_ms),
            cors_origins: a.cors_origins.clone(),
        })
    }
}
