//! The manifest kept beside each fetched list file (`NAME.manifest.toml`):
//! where the file came from, when, its HTTP validators, size, SHA-256 and
//! what importing it gave. A loader that finds a manifest matching the
//! file's bytes takes its retrieval date as the as-of date when the content
//! states none, and its check date as the verification date.
//!
//! ```
//! use vendor_screen::list::manifest::Manifest;
//! let m = Manifest::new("https://example.gov/sdn.csv", "sdn.csv", 1_764_086_400, b"data");
//! assert_eq!(m.retrieved, "2025-11-25T16:00:00Z");
//! assert_eq!(m.retrieved_date().map(|d| d.to_string()).as_deref(), Some("2025-11-25"));
//! let text = m.to_toml();
//! assert_eq!(Manifest::from_toml(&text, "m")?, m);
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::{Date, ImportReport, sha256_hex};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What importing a fetched file gave (its import report in brief).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestReport {
    /// The format it was read as.
    pub format: String,
    /// Rows read.
    pub read: usize,
    /// Entities kept.
    pub kept: usize,
    /// Records merged.
    pub merged: usize,
    /// Records rejected.
    pub rejected: usize,
    /// Rows that are not records.
    pub skipped: usize,
    /// The report in one line.
    pub summary: String,
}

impl From<&ImportReport> for ManifestReport {
    fn from(r: &ImportReport) -> ManifestReport {
        ManifestReport {
            format: r.format.clone(),
            read: r.read,
            kept: r.kept(),
            merged: r.merged,
            rejected: r.rejected.len(),
            skipped: r.skipped,
            summary: r.to_string(),
        }
    }
}

/// One fetched file's manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Where it was downloaded from.
    pub url: String,
    /// Its file name in the cache.
    pub file: String,
    /// When these bytes were downloaded (UTC, RFC 3339).
    pub retrieved: String,
    /// When the publisher last confirmed them current (a download or a
    /// `304 Not Modified`), UTC, RFC 3339.
    pub checked: String,
    /// The publisher's `ETag`, when it sent one.
    pub etag: Option<String>,
    /// The publisher's `Last-Modified`, when it sent one.
    pub last_modified: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// What importing it gave (the set's primary file only).
    pub report: Option<ManifestReport>,
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
///
/// ```
/// assert_eq!(vendor_screen::list::manifest::rfc3339(0), "1970-01-01T00:00:00Z");
/// ```
pub fn rfc3339(secs: u64) -> String {
    let day = Date::from_days_since_epoch((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

impl Manifest {
    /// A manifest for `data` downloaded from `url` at `now` (seconds since
    /// 1970), with no validators or report yet.
    pub fn new(url: &str, file: &str, now: u64, data: &[u8]) -> Manifest {
        Manifest {
            url: url.to_string(),
            file: file.to_string(),
            retrieved: rfc3339(now),
            checked: rfc3339(now),
            etag: None,
            last_modified: None,
            size: data.len() as u64,
            sha256: sha256_hex(data),
            report: None,
        }
    }

    /// The manifest path for a list file: `NAME.manifest.toml` beside it.
    pub fn path_for(file: &Path) -> PathBuf {
        let mut name = file.file_name().unwrap_or_default().to_os_string();
        name.push(".manifest.toml");
        file.with_file_name(name)
    }

    /// Where the fetch cache keeps the version a file replaced:
    /// `NAME.previous` beside it.
    pub fn previous_of(file: &Path) -> PathBuf {
        let mut name = file.file_name().unwrap_or_default().to_os_string();
        name.push(".previous");
        file.with_file_name(name)
    }

    /// The copy of a list file whose bytes have this SHA-256: the file
    /// itself, or the previous version the fetch cache kept beside it.
    /// `None` when neither is (the earlier version is unknown).
    ///
    /// ```
    /// use vendor_screen::list::{manifest::Manifest, sha256_hex};
    /// let path = std::path::Path::new("lists/ndaa-889.toml");
    /// let sha = sha256_hex(&std::fs::read(path)?);
    /// assert_eq!(Manifest::find_version(path, &sha).as_deref(), Some(path));
    /// assert_eq!(Manifest::find_version(path, "0000"), None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn find_version(file: &Path, sha256: &str) -> Option<PathBuf> {
        [file.to_path_buf(), Manifest::previous_of(file)]
            .into_iter()
            .find(|p| std::fs::read(p).is_ok_and(|d| sha256_hex(&d) == sha256))
    }

    /// The day the bytes were downloaded.
    pub fn retrieved_date(&self) -> Option<Date> {
        self.retrieved.get(..10)?.parse().ok()
    }

    /// The day the publisher last confirmed them current.
    pub fn checked_date(&self) -> Option<Date> {
        self.checked.get(..10)?.parse().ok()
    }

    /// Whether this manifest describes `data`.
    pub fn describes(&self, data: &[u8]) -> bool {
        self.size == data.len() as u64 && self.sha256 == sha256_hex(data)
    }

    /// As TOML.
    pub fn to_toml(&self) -> String {
        // Plain strings, numbers and one table: serialisation cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// Reads a manifest from TOML; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Manifest> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| crate::error::line_of(text, s.start));
            Error::invalid(file, line, "-", e.message().trim().to_string())
        })
    }

    /// The manifest beside a list file, if there is one.
    pub fn read_for(file: &Path) -> Result<Option<Manifest>> {
        let path = Manifest::path_for(file);
        match std::fs::read_to_string(&path) {
            Ok(text) => Manifest::from_toml(&text, &path.display().to_string()).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Io { path, source }),
        }
    }
}
