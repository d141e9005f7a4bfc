//! Reconciling what an importer read with what a file holds: for every file
//! under a directory, the rows in the file against the rows read, kept,
//! merged, rejected and skipped.
//!
//! ```
//! use vendor_screen::list::check::{Outcome, check_path};
//! let checks = check_path("tests/fixtures/csl".as_ref())?;
//! assert!(checks.iter().all(|c| c.balanced()));
//! assert!(checks.iter().any(|c| matches!(&c.outcome, Outcome::Loaded { .. })));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::LoadOptions;
use super::load::{Format, OFAC_COMPANIONS, load_path_with};
use super::report::ImportReport;
use super::rows::read_rows;
use crate::error::{Error, Result};
use std::fmt;
use std::path::{Path, PathBuf};

/// What became of one file.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Loaded (partially, when cut off: see the report's `truncated`).
    Loaded {
        /// Rows after the header, counted straight from the file.
        rows_in_file: usize,
        /// The importer's report.
        report: Box<ImportReport>,
    },
    /// Read as part of another file's set (OFAC's alias, address and
    /// comments files; a fetch manifest); its counts are in that file's
    /// report.
    Companion {
        /// The primary file it was read with.
        primary: PathBuf,
    },
    /// Not loaded: not a list file, or an error.
    Refused {
        /// Why, naming the formats tried.
        reason: String,
    },
}

/// One file's reconciliation.
#[derive(Debug, Clone)]
pub struct FileCheck {
    /// The file.
    pub file: PathBuf,
    /// What became of it.
    pub outcome: Outcome,
}

impl FileCheck {
    /// Whether the counts add up: rows in the file = rows read = kept +
    /// merged + rejected + skipped (and the same for each companion file).
    /// A companion or a refused file has nothing to add up.
    pub fn balanced(&self) -> bool {
        match &self.outcome {
            Outcome::Loaded {
                rows_in_file,
                report,
            } => *rows_in_file == report.read && report.reconciles(),
            _ => true,
        }
    }
}

impl fmt::Display for FileCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        match &self.outcome {
            Outcome::Loaded {
                rows_in_file,
                report: r,
            } => {
                write!(
                    f,
                    "{file} ({}): {rows_in_file} rows in file = {} read = {} kept + {} merged + {} rejected + {} skipped: {}",
                    r.format,
                    r.read,
                    r.kept(),
                    r.merged,
                    r.rejected_here(),
                    r.skipped,
                    if self.balanced() { "ok" } else { "MISMATCH" }
                )?;
                for c in &r.companions {
                    write!(
                        f,
                        "\n  {} (companion): {} read = {} attached + {} rejected + {} skipped: {}",
                        c.file,
                        c.read,
                        c.attached,
                        c.rejected,
                        c.skipped,
                        if c.reconciles() { "ok" } else { "MISMATCH" }
                    )?;
                }
                if let Some(t) = &r.truncated {
                    write!(f, "\n  cut off at line {}: lost {}", t.line, t.lost)?;
                }
                for s in &r.skipped_files {
                    write!(f, "\n  not loaded: {}: {}", s.file, s.reason)?;
                }
                Ok(())
            }
            Outcome::Companion { primary } => {
                write!(f, "{file}: read with {}", primary.display())
            }
            Outcome::Refused { reason } => write!(f, "{file}: refused: {reason}"),
        }
    }
}

/// The primary file a companion file is read with, when it is one and its
/// primary is beside it.
pub(crate) fn companion_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let (_, primary) = OFAC_COMPANIONS.iter().find(|(c, _)| *c == name)?;
    let p = path.with_file_name(primary);
    p.exists().then_some(p)
}

/// Checks one file, or every file under a directory (recursively, sorted):
/// each is loaded with partial loading on (so a cut-off file shows what was
/// lost rather than stopping the check) and its counts compared with the
/// rows in the file.
pub fn check_path(path: &Path) -> Result<Vec<FileCheck>> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    Ok(files.iter().map(|f| check_file(f)).collect())
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut entries = Vec::new();
    for e in std::fs::read_dir(path).map_err(io)? {
        entries.push(e.map_err(io)?.path());
    }
    entries.sort();
    for e in entries {
        collect(&e, out)?;
    }
    Ok(())
}

/// Checks one file.
pub fn check_file(path: &Path) -> FileCheck {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let manifest_of = name
        .strip_suffix(".manifest.toml")
        .or_else(|| name.strip_suffix(".previous"))
        .map(|list| path.with_file_name(list));
    let outcome = match (companion_of(path), manifest_of) {
        (Some(primary), _) => Outcome::Companion { primary },
        (None, Some(primary)) => Outcome::Companion { primary },
        (None, None) => check_loaded(path),
    };
    FileCheck {
        file: path.to_path_buf(),
        outcome,
    }
}

fn check_loaded(path: &Path) -> Outcome {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            return Outcome::Refused {
                reason: format!("cannot read: {e}"),
            };
        }
    };
    let Some(format) = Format::detect(&data) else {
        return Outcome::Refused {
            reason: format!("not a list file (tried {})", Format::tried()),
        };
    };
    match load_path_with(path, Some(format), &LoadOptions::partial()) {
        Ok(imported) => Outcome::Loaded {
            rows_in_file: rows_in_file(&data, format),
            report: Box::new(imported.report),
        },
        Err(e) => Outcome::Refused {
            reason: format!("read as {}: {e}", format.describe()),
        },
    }
}

/// Rows after the header, counted with a plain reader of the format's
/// delimiter (TOML: the `[[entity]]` tables).
pub fn rows_in_file(data: &[u8], format: Format) -> usize {
    match format {
        Format::Toml => String::from_utf8_lossy(data)
            .lines()
            .filter(|l| l.trim() == "[[entity]]")
            .count(),
        _ => {
            let delimiter = match format {
                Format::Fcc
                    if data
                        .split(|&b| b == b'\n')
                        .next()
                        .is_some_and(|l| l.contains(&b';')) =>
                {
                    b';'
                }
                f => f.delimiter(),
            };
            let rows = read_rows(data, delimiter).len();
            rows.saturating_sub(usize::from(format.has_header()))
        }
    }
}
