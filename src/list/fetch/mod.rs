//! Downloading the official list files into a cache (feature `fetch`).
//!
//! Each [`Source`] is one or more files (OFAC's sets: the primary file and
//! its alias, address and comments files). [`fetch_source`] asks for each
//! with the validators of the cached copy (`If-None-Match`,
//! `If-Modified-Since`), with a timeout and retries with backoff on network
//! errors and 5xx answers. New bytes go to a staging directory, are loaded
//! with the strict importer (a cut-off file, an HTML error page or a file of
//! the wrong format is refused), compared with the cached version (a drop of
//! more than [`FetchOptions::max_drop`] of its entities is refused unless
//! [`FetchOptions::force`]), and only then renamed over the cached files,
//! each with its [`Manifest`]. Any failure leaves the cache as it was.
//!
//! ```no_run
//! use vendor_screen::list::fetch::{FetchOptions, fetch_source, official_sources};
//! let cache = std::path::Path::new("list-cache");
//! for source in official_sources() {
//!     match fetch_source(&source, cache, &FetchOptions::default()) {
//!         Ok(done) => println!("{done}"),
//!         Err(e) => eprintln!("{}: {e}", source.id),
//!     }
//! }
//! ```

mod error;
mod http;
mod install;
mod sources;

pub use error::FetchError;
pub use sources::{RemoteFile, Source, official_sources};

use super::manifest::{Manifest, rfc3339};
use http::{Got, get};
use install::{stage_and_install, write_atomic};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How to fetch.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchOptions {
    /// The longest one request may take, body included.
    pub timeout: Duration,
    /// Retries after a network error, a timeout or a 5xx answer.
    pub retries: u32,
    /// The wait before the first retry; doubled for each next one.
    pub backoff: Duration,
    /// The largest share of the cached version's entities a new version may
    /// lose (0.1: 10%) before it is refused as a broken download.
    pub max_drop: f64,
    /// Install a new version whatever it loses.
    pub force: bool,
    /// The largest body accepted, in bytes.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            timeout: Duration::from_secs(120),
            retries: 3,
            backoff: Duration::from_secs(2),
            max_drop: 0.1,
            force: false,
            max_bytes: 512 * 1024 * 1024,
        }
    }
}

/// What a fetch did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// New bytes installed.
    Updated {
        /// Entities in the new version.
        entities: usize,
        /// Entities in the version it replaced, if there was one.
        previous: Option<usize>,
    },
    /// The publisher said nothing changed (every file `304 Not Modified`);
    /// the manifests' check time is updated.
    NotModified,
}

/// The result of fetching one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The source id.
    pub source: String,
    /// What happened.
    pub outcome: Outcome,
    /// The cached primary file.
    pub path: PathBuf,
    /// The manifests now in the cache, primary first.
    pub manifests: Vec<Manifest>,
}

impl fmt::Display for Fetched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Outcome::Updated { entities, previous } => {
                write!(f, "{}: updated, {entities} entities", self.source)?;
                if let Some(p) = previous {
                    write!(f, " (was {p})")?;
                }
            }
            Outcome::NotModified => write!(f, "{}: not modified", self.source)?,
        }
        write!(f, " -> {}", self.path.display())
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

pub(super) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FetchError + '_ {
    move |source| FetchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Fetches one source into `cache/<source.dir>/`. See the module docs.
pub fn fetch_source(
    source: &Source,
    cache: &Path,
    options: &FetchOptions,
) -> Result<Fetched, FetchError> {
    let dir = cache.join(&source.dir);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let primary = dir.join(&source.files[0].name);
    // The cached copies' manifests (only those that still describe them).
    let mut cached: Vec<Option<Manifest>> = Vec::new();
    for f in &source.files {
        let path = dir.join(&f.name);
        let m = Manifest::read_for(&path).ok().flatten().filter(|m| {
            std::fs::read(&path).is_ok_and(|data| m.describes(&data)) && m.url == f.url
        });
        cached.push(m);
    }
    let mut got = Vec::new();
    for (f, m) in source.files.iter().zip(&cached) {
        got.push(get(&agent, &f.url, m.as_ref(), options)?);
    }
    let now = now_secs();
    if got.iter().all(|g| matches!(g, Got::NotModified)) {
        let mut manifests = Vec::new();
        for (f, m) in source.files.iter().zip(cached) {
            let Some(mut m) = m else { continue };
            m.checked = rfc3339(now);
            write_atomic(
                &Manifest::path_for(&dir.join(&f.name)),
                m.to_toml().as_bytes(),
            )?;
            manifests.push(m);
        }
        return Ok(Fetched {
            source: source.id.clone(),
            outcome: Outcome::NotModified,
            path: primary,
            manifests,
        });
    }
    // Stage every file of the set, new or unchanged, and load the set there.
    let staging = dir.join(format!(".staging-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(io(&staging))?;
    let result = stage_and_install(source, &dir, &staging, got, cached, now, options);
    let _ = std::fs::remove_dir_all(&staging);
    result
}
