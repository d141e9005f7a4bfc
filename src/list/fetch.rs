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

use super::load::{Format, load_path_with, today};
use super::manifest::{Manifest, ManifestReport, rfc3339};
use super::{LoadOptions, sha256_hex};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One file of a source: where it is published and its name in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFile {
    /// The publisher's URL.
    pub url: String,
    /// The file name in the cache (OFAC's companions must keep their
    /// names: `alt.csv`, `cons_alt.csv`, ...).
    pub name: String,
}

/// A list published as one file or a set of files, the first one primary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// A short id (`csl`, `ofac-sdn`, `ofac-non-sdn`, `bis-dpl`).
    pub id: String,
    /// The format the primary file must load as.
    pub format: Format,
    /// The files, primary first.
    pub files: Vec<RemoteFile>,
    /// The cache subdirectory it goes to.
    pub dir: String,
}

fn source(id: &str, format: Format, files: &[(&str, &str)]) -> Source {
    Source {
        id: id.to_string(),
        format,
        files: files
            .iter()
            .map(|(url, name)| RemoteFile {
                url: url.to_string(),
                name: name.to_string(),
            })
            .collect(),
        dir: id.to_string(),
    }
}

/// The official sources and their publishers' URLs: the trade.gov
/// Consolidated Screening List CSV, OFAC's SDN and consolidated non-SDN CSV
/// sets, and the BIS Denied Persons List.
///
/// ```
/// let ids: Vec<String> = vendor_screen::list::fetch::official_sources().into_iter().map(|s| s.id).collect();
/// assert_eq!(ids, ["csl", "ofac-sdn", "ofac-non-sdn", "bis-dpl"]);
/// ```
pub fn official_sources() -> Vec<Source> {
    let ofac = "https://www.treasury.gov/ofac/downloads";
    vec![
        source(
            "csl",
            Format::Csl,
            &[(
                "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
                "consolidated.csv",
            )],
        ),
        source(
            "ofac-sdn",
            Format::Ofac,
            &[
                (&format!("{ofac}/sdn.csv"), "sdn.csv"),
                (&format!("{ofac}/alt.csv"), "alt.csv"),
                (&format!("{ofac}/add.csv"), "add.csv"),
                (&format!("{ofac}/sdn_comments.csv"), "sdn_comments.csv"),
            ],
        ),
        source(
            "ofac-non-sdn",
            Format::Ofac,
            &[
                (
                    &format!("{ofac}/consolidated/cons_prim.csv"),
                    "cons_prim.csv",
                ),
                (&format!("{ofac}/consolidated/cons_alt.csv"), "cons_alt.csv"),
                (&format!("{ofac}/consolidated/cons_add.csv"), "cons_add.csv"),
                (
                    &format!("{ofac}/consolidated/cons_comments.csv"),
                    "cons_comments.csv",
                ),
            ],
        ),
        source(
            "bis-dpl",
            Format::Dpl,
            &[("https://www.bis.doc.gov/dpl/dpl.txt", "dpl.txt")],
        ),
    ]
}

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

/// Why a fetch left the cache as it was.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The request failed (network, timeout) after every retry.
    #[error("{url}: {message} (after {attempts} attempt(s))")]
    Request {
        /// The URL.
        url: String,
        /// What went wrong last.
        message: String,
        /// Attempts made.
        attempts: u32,
    },
    /// The publisher answered with an error status.
    #[error("{url}: HTTP status {status} (after {attempts} attempt(s))")]
    Status {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
        /// Attempts made.
        attempts: u32,
    },
    /// The body is shorter than the `Content-Length` announced.
    #[error("{url}: truncated body: {got} of {expected} bytes")]
    Truncated {
        /// The URL.
        url: String,
        /// Bytes announced.
        expected: u64,
        /// Bytes received.
        got: u64,
    },
    /// The downloaded file does not load as its format.
    #[error("{source_id}: the download does not load as {format}: {message}")]
    Invalid {
        /// The source.
        source_id: String,
        /// The format expected.
        format: &'static str,
        /// The loader's error.
        message: String,
    },
    /// The new version loses too many of the cached version's entities.
    #[error(
        "{source_id}: the new version has {new} entities where the cached one has {old} (a drop of more than {max_percent}%): kept the cached version; use force to install it"
    )]
    Drop {
        /// The source.
        source_id: String,
        /// Entities in the cached version.
        old: usize,
        /// Entities in the new one.
        new: usize,
        /// The largest drop allowed, in percent.
        max_percent: f64,
    },
    /// Reading or writing the cache failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
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

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FetchError + '_ {
    move |source| FetchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One file's answer.
enum Got {
    New {
        body: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    NotModified,
}

/// Asks for one file, with the cached copy's validators, retrying network
/// errors and 5xx answers with exponential backoff.
fn get(
    agent: &ureq::Agent,
    url: &str,
    cached: Option<&Manifest>,
    options: &FetchOptions,
) -> Result<Got, FetchError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut request = agent.get(url);
        if let Some(m) = cached {
            if let Some(etag) = &m.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(lm) = &m.last_modified {
                request = request.header("If-Modified-Since", lm);
            }
        }
        let retry = match request.call() {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string)
                };
                let (etag, last_modified) = (header("etag"), header("last-modified"));
                let length = header("content-length").and_then(|v| v.parse::<u64>().ok());
                match status {
                    304 if cached.is_some() => return Ok(Got::NotModified),
                    200 => {
                        let body = response
                            .body_mut()
                            .with_config()
                            .limit(options.max_bytes)
                            .read_to_vec();
                        match body {
                            Ok(body) => {
                                if let Some(expected) = length.filter(|&l| l != body.len() as u64) {
                                    return Err(FetchError::Truncated {
                                        url: url.to_string(),
                                        expected,
                                        got: body.len() as u64,
                                    });
                                }
                                return Ok(Got::New {
                                    body,
                                    etag,
                                    last_modified,
                                });
                            }
                            // A body cut short by the connection: ureq
                            // reports it as an error of the read.
                            Err(e) => match length {
                                Some(expected) => {
                                    return Err(FetchError::Truncated {
                                        url: url.to_string(),
                                        expected,
                                        got: 0,
                                    });
                                }
                                None => Err(e.to_string()),
                            },
                        }
                    }
                    s if s >= 500 => Ok(s),
                    s => {
                        return Err(FetchError::Status {
                            url: url.to_string(),
                            status: s,
                            attempts: attempt,
                        });
                    }
                }
            }
            Err(e) => Err(e.to_string()),
        };
        if attempt > options.retries {
            return Err(match retry {
                Ok(status) => FetchError::Status {
                    url: url.to_string(),
                    status,
                    attempts: attempt,
                },
                Err(message) => FetchError::Request {
                    url: url.to_string(),
                    message,
                    attempts: attempt,
                },
            });
        }
        std::thread::sleep(options.backoff * 2u32.saturating_pow(attempt - 1));
    }
}

/// Writes `data` to `path` through a temporary file renamed over it.
fn write_atomic(path: &Path, data: &[u8]) -> Result<(), FetchError> {
    let mut tmp = path.as_os_str().to_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, data).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
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

fn stage_and_install(
    source: &Source,
    dir: &Path,
    staging: &Path,
    got: Vec<Got>,
    cached: Vec<Option<Manifest>>,
    now: u64,
    options: &FetchOptions,
) -> Result<Fetched, FetchError> {
    let mut manifests = Vec::new();
    for ((f, g), m) in source.files.iter().zip(got).zip(cached) {
        let staged = staging.join(&f.name);
        let manifest = match g {
            Got::New {
                body,
                etag,
                last_modified,
            } => {
                std::fs::write(&staged, &body).map_err(io(&staged))?;
                let mut m = Manifest::new(&f.url, &f.name, now, &body);
                m.etag = etag;
                m.last_modified = last_modified;
                m
            }
            Got::NotModified => {
                let from = dir.join(&f.name);
                std::fs::copy(&from, &staged).map_err(io(&from))?;
                let mut m = m.unwrap_or_else(|| Manifest::new(&f.url, &f.name, now, b""));
                m.checked = rfc3339(now);
                m
            }
        };
        manifests.push(manifest);
    }
    // The strict importer: a cut-off file or a page that is not the format
    // is an error; an HTML page, or a file the format keeps nothing of, too.
    let staged_primary = staging.join(&source.files[0].name);
    let imported = load_path_with(
        &staged_primary,
        Some(source.format),
        &LoadOptions::default().not_after(Some(today())),
    )
    .map_err(|e| FetchError::Invalid {
        source_id: source.id.clone(),
        format: source.format.describe(),
        message: e.to_string(),
    })?;
    let entities = imported.report.kept();
    if entities == 0 {
        return Err(FetchError::Invalid {
            source_id: source.id.clone(),
            format: source.format.describe(),
            message: format!("no entity kept ({})", imported.report),
        });
    }
    let primary = dir.join(&source.files[0].name);
    let previous = previous_entities(&primary, source.format);
    if let Some(old) = previous {
        let floor = old as f64 * (1.0 - options.max_drop);
        if (entities as f64) < floor && !options.force {
            return Err(FetchError::Drop {
                source_id: source.id.clone(),
                old,
                new: entities,
                max_percent: options.max_drop * 100.0,
            });
        }
    }
    manifests[0].report = Some(ManifestReport::from(&imported.report));
    // Install: companions first, the primary last, each renamed into place
    // and followed by its manifest.
    for (f, m) in source.files.iter().zip(&manifests).rev() {
        let (from, to) = (staging.join(&f.name), dir.join(&f.name));
        std::fs::rename(&from, &to).map_err(io(&to))?;
        write_atomic(&Manifest::path_for(&to), m.to_toml().as_bytes())?;
    }
    debug_assert!(manifests.iter().all(|m| !m.sha256.is_empty()));
    Ok(Fetched {
        source: source.id.clone(),
        outcome: Outcome::Updated { entities, previous },
        path: primary,
        manifests,
    })
}

/// Entities in the cached version: from its manifest's report, else by
/// loading it.
fn previous_entities(primary: &Path, format: Format) -> Option<usize> {
    let data = std::fs::read(primary).ok()?;
    if let Some(m) = Manifest::read_for(primary).ok().flatten() {
        if m.sha256 == sha256_hex(&data) {
            if let Some(r) = m.report {
                return Some(r.kept);
            }
        }
    }
    load_path_with(primary, Some(format), &LoadOptions::partial())
        .ok()
        .map(|i| i.report.kept())
}
