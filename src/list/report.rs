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

/// A file cut off inside its last record, loaded with
/// [`super::LoadOptions::partial`]: where, and what was lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Truncation {
    /// The line the cut record starts on.
    pub line: usize,
    /// The field the file ends in.
    pub field: String,
    /// Fields read of the cut record.
    pub fields_read: usize,
    /// Fields a whole record has.
    pub fields_expected: usize,
    /// What was lost, in words (the cut record's name when it was read, and
    /// whatever followed it in the original file).
    pub lost: String,
}

/// What happened to the rows of a file read along with the main one (OFAC's
/// alias, address and comments files).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompanionReport {
    /// The file.
    pub file: String,
    /// Rows read.
    pub read: usize,
    /// Rows attached to an entity.
    pub attached: usize,
    /// Rows rejected (each in [`ImportReport::rejected`], naming this file).
    pub rejected: usize,
    /// Rows that are not records (the trailing end-of-file byte).
    pub skipped: usize,
}

impl CompanionReport {
    /// Whether every row read is accounted for.
    pub fn reconciles(&self) -> bool {
        self.read == self.attached + self.rejected + self.skipped
    }
}

/// Counts of what an importer read out of prose in names (Entity List names
/// carry their own aliases and relations).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProseCounts {
    /// Acronyms in parentheses read as aliases (the written name kept too).
    pub parenthetical_aliases: usize,
    /// Names after `a.k.a.` / `aka`.
    pub aka: usize,
    /// Former names after `f.k.a.` / `formerly`.
    pub former: usize,
    /// "and its sub-units and successors" and the like, kept as reach notes.
    pub reach_notes: usize,
    /// Named related entities (subordinate, affiliated, parent, `entity:`).
    pub related: usize,
    /// Alias fragments that began with "and".
    pub and_fragments: usize,
    /// Aliases separated by `;` without a space.
    pub tight_separators: usize,
    /// OFAC's weak aliases: the quoted `a.k.a.`s of its remarks
    /// ([`crate::list::Entity::weak_aliases`]).
    pub weak_aliases: usize,
}

/// The outcome of importing one file: records read, entities kept per list,
/// records merged into an earlier one, records rejected (each with line and
/// reason), rows that are not records, and notes on values that were kept
/// but could not be fully read. `read = kept + merged + rejected + skipped`
/// ([`ImportReport::reconciles`]).
///
/// ```
/// let csv = "\"_id\",\"source\",\"name\"\n\"1\",\"Entity List (EL) - Bureau of Industry and Security\",\"Example Co.\"\n";
/// let imported = vendor_screen::list::csl::parse(csv.as_bytes(), "mini.csv")?;
/// let r = &imported.report;
/// assert_eq!((r.read, r.kept(), r.rejected.len()), (1, 1, 0));
/// assert!(r.to_string().contains("read 1 rows"));
/// # Ok::<(), vendor_screen::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport {
    /// The file imported.
    pub file: String,
    /// The format it was read as (`csl`, `ofac`, `dpl`, `toml`).
    pub format: String,
    /// Rows read after the header (records and non-record rows alike).
    pub read: usize,
    /// Entities kept, per list id.
    pub kept_per_list: Vec<(String, usize)>,
    /// Records merged into an earlier record of the same entity (each with
    /// a note saying what it added).
    pub merged: usize,
    /// Rows that are not records (a repeated header, OFAC's end-of-file
    /// byte), each with a note.
    pub skipped: usize,
    /// Records rejected (in this file or a companion; each names its file).
    pub rejected: Vec<Rejection>,
    /// Values kept only in part (e.g. an unreadable date), merges and
    /// skipped rows.
    pub notes: Vec<Rejection>,
    /// Set when the file was cut off mid-record and loaded partially.
    pub truncated: Option<Truncation>,
    /// Companion files read with this one.
    pub companions: Vec<CompanionReport>,
    /// What was read out of prose in names.
    pub prose: ProseCounts,
    /// Files of a directory that were not loaded, each with the reason.
    pub skipped_files: Vec<Rejection>,
}

impl ImportReport {
    pub(crate) fn new(file: &str, format: &str) -> ImportReport {
        ImportReport {
            file: file.to_string(),
            format: format.to_string(),
            read: 0,
            kept_per_list: Vec::new(),
            merged: 0,
            skipped: 0,
            rejected: Vec::new(),
            notes: Vec::new(),
            truncated: None,
            companions: Vec::new(),
            prose: ProseCounts::default(),
            skipped_files: Vec::new(),
        }
    }

    /// Records a rejection in another file (a companion) of this import.
    pub(crate) fn reject_in(
        &mut self,
        file: &str,
        line: usize,
        field: &str,
        reason: impl Into<String>,
    ) {
        self.rejected.push(Rejection {
            file: file.to_string(),
            line,
            field: field.to_string(),
            reason: reason.into(),
        });
    }

    /// Records a note about another file (a companion) of this import.
    pub(crate) fn note_in(
        &mut self,
        file: &str,
        line: usize,
        field: &str,
        reason: impl Into<String>,
    ) {
        self.notes.push(Rejection {
            file: file.to_string(),
            line,
            field: field.to_string(),
            reason: reason.into(),
        });
    }

    /// Records a row that is not a record.
    pub(crate) fn skip(&mut self, line: usize, reason: impl Into<String>) {
        self.skipped += 1;
        self.note(line, "-", reason);
    }

    /// Records rejected in the main file(s), not in a companion file.
    pub fn rejected_here(&self) -> usize {
        self.rejected
            .iter()
            .filter(|r| !self.companions.iter().any(|c| c.file == r.file))
            .count()
    }

    /// Whether every row read is accounted for: `read = kept + merged +
    /// rejected + skipped`, and the same for each companion file.
    ///
    /// ```
    /// let csv = "\"_id\",\"source\",\"name\"\n\"1\",\"Entity List (EL)\",\"A Co.\"\n\"1\",\"Entity List (EL)\",\"A Co.\"\n";
    /// let r = vendor_screen::list::csl::parse(csv.as_bytes(), "m.csv")?.report;
    /// assert_eq!((r.read, r.kept(), r.merged), (2, 1, 1));
    /// assert!(r.reconciles());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn reconciles(&self) -> bool {
        self.read == self.kept() + self.merged + self.rejected_here() + self.skipped
            && self.companions.iter().all(CompanionReport::reconciles)
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
            "{} ({}): read {} rows, kept {} entities, merged {}, rejected {}, skipped {}",
            self.file,
            self.format,
            self.read,
            self.kept(),
            self.merged,
            self.rejected_here(),
            self.skipped
        )?;
        for c in &self.companions {
            write!(
                f,
                "; {}: read {}, attached {}, rejected {}, skipped {}",
                c.file, c.read, c.attached, c.rejected, c.skipped
            )?;
        }
        if let Some(t) = &self.truncated {
            write!(f, "; cut off at line {}: {}", t.line, t.lost)?;
        }
        if !self.skipped_files.is_empty() {
            write!(f, "; {} file(s) not loaded", self.skipped_files.len())?;
        }
        if self.prose.weak_aliases > 0 {
            write!(f, ", weak aliases {}", self.prose.weak_aliases)?;
        }
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
