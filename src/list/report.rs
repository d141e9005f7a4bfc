//! What an importer read, kept and rejected.

use super::DesignationList;
use serde::Serialize;
use std::fmt;

/// A record an importer could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// The file.
    pub file: String,
    /// 1-based line where the record starts.
    pub line: usize,
    /// The field concerned, or `-`.
    pub field: String,
    /// Why it was rejected.
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: field `{}`: {}",
            self.file, self.line, self.field, self.reason
        )
    }
}

/// The outcome of importing one file: records read, entities kept per list,
/// records rejected (each with line and reason), and notes on values that were
/// kept but could not be fully read.
///
/// ```
/// let csv = "\"_id\",\"source\",\"name\"\n\"1\",\"Entity List (EL) - Bureau of Industry and Security\",\"Example Co.\"\n";
/// let imported = vendor_screen::list::csl::parse(csv.as_bytes(), "mini.csv")?;
/// let r = &imported.report;
/// assert_eq!((r.read, r.kept(), r.rejected.len()), (1, 1, 0));
/// assert!(r.to_string().contains("read 1 records"));
/// # Ok::<(), vendor_screen::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport {
    /// The file imported.
    pub file: String,
    /// The format it was read as (`csl`, `ofac`, `dpl`, `toml`).
    pub format: String,
    /// Data records read (header rows not counted).
    pub read: usize,
    /// Entities kept, per list id.
    pub kept_per_list: Vec<(String, usize)>,
    /// Records rejected.
    pub rejected: Vec<Rejection>,
    /// Values kept only in part (e.g. an unreadable date), and skipped rows
    /// that are not records (a repeated header).
    pub notes: Vec<Rejection>,
}

impl ImportReport {
    pub(crate) fn new(file: &str, format: &str) -> ImportReport {
        ImportReport {
            file: file.to_string(),
            format: format.to_string(),
            read: 0,
            kept_per_list: Vec::new(),
            rejected: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub(crate) fn reject(&mut self, line: usize, field: &str, reason: impl Into<String>) {
        self.rejected.push(Rejection {
            file: self.file.clone(),
            line,
            field: field.to_string(),
            reason: reason.into(),
        });
    }

    pub(crate) fn note(&mut self, line: usize, field: &str, reason: impl Into<String>) {
        self.notes.push(Rejection {
            file: self.file.clone(),
            line,
            field: field.to_string(),
            reason: reason.into(),
        });
    }

    /// Entities kept in all lists.
    pub fn kept(&self) -> usize {
        self.kept_per_list.iter().map(|(_, n)| n).sum()
    }

    pub(crate) fn count(&mut self, lists: &[DesignationList]) {
        self.kept_per_list = lists
            .iter()
            .map(|l| (l.meta.id.clone(), l.entities.len()))
            .collect();
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): read {} records, kept {} entities, rejected {}",
            self.file,
            self.format,
            self.read,
            self.kept(),
            self.rejected.len()
        )?;
        if !self.notes.is_empty() {
            write!(f, ", notes {}", self.notes.len())?;
        }
        Ok(())
    }
}

/// Lists imported from one file, with the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The lists (one per source in a CSL file).
    pub lists: Vec<DesignationList>,
    /// What was read, kept and rejected.
    pub report: ImportReport,
}
