//! Reading a vendor master: a CSV file with a header row, one vendor a row.
//!
//! Columns, matched case-insensitively (spaces, `_` and `-` alike), with
//! the synonyms real vendor masters use:
//!
//! | column | synonyms | meaning |
//! | --- | --- | --- |
//! | `name` (required) | `vendor`, `vendor name`, `supplier`, `supplier name`, `company`, `company name`, `legal name` | the vendor's name |
//! | `id` | `vendor id`, `supplier id`, `vendor number`, `supplier number` | the caller's id, echoed in reports |
//! | `aliases` | `alias`, `other names`, `dba` | `;`-separated |
//! | `parents` | `parent`, `owners`, `owner`, `parent company` | `;`-separated owners, nearest first |
//! | `parent_shares` | `parent share`, `owner shares` | `;`-separated percentages aligned with `parents`, empty = unknown |
//! | `country` | `country code` | ISO 3166 alpha-2 |
//! | `uei`, `cage`, `lei`, `duns`, `tax_id` | `sam uei`, `cage code`, `duns number`, `tin`, `ein`, `vat number` | identifiers, matched exactly |
//!
//! The delimiter (`,`, `;` or tab) is detected from the header. Other
//! columns are ignored and named in [`VendorReader::ignored_columns`]; a
//! column given twice (`Name` and `Vendor Name`) is an error. Every row is
//! accounted for: it becomes a [`Row::Vendor`] or a [`Row::Rejected`] with
//! its line, field and reason, and [`VendorCounts`] adds up. A file that
//! ends inside a quoted field is an error naming the line where the field
//! began.
//!
//! ```
//! use vendor_screen::vendor_file::{VendorReader, Row};
//! let csv = "Vendor Name;Country;LEI\nAcme Widgets;US;\n;CN;\nHytera;cn;\n";
//! let mut reader = VendorReader::new(csv.as_bytes(), "vendors.csv")?;
//! let rows: Vec<Row> = reader.by_ref().collect::<Result<_, _>>()?;
//! assert!(matches!(&rows[0], Row::Vendor { line: 2, vendor } if vendor.name == "Acme Widgets"));
//! assert!(matches!(&rows[1], Row::Rejected(r) if r.line == 3 && r.field == "name"));
//! assert!(matches!(&rows[2], Row::Vendor { vendor, .. } if vendor.country.as_deref() == Some("CN")));
//! let c = reader.counts();
//! assert_eq!((c.rows, c.vendors, c.rejected), (3, 2, 1));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::error::{Error, Result, escape_controls};
use crate::records::{Records, RecordsError, detect_delimiter};
use crate::screen::vendor::Vendor;
use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read};

mod fields;
#[cfg(test)]
mod tests;

pub use fields::parse_share;
use fields::{Column, vendor_from_fields};

/// One row of a vendor file.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A vendor to screen, from the row beginning on `line`.
    Vendor {
        /// The line the row begins on.
        line: usize,
        /// The vendor.
        vendor: Vendor,
    },
    /// A row that cannot be screened.
    Rejected(RowRejection),
}

/// A rejected row: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRejection {
    /// The file.
    pub file: String,
    /// The line the row begins on.
    pub line: usize,
    /// The field concerned, or `-`.
    pub field: String,
    /// Why.
    pub reason: String,
}

impl fmt::Display for RowRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: field `{}`: {}",
            escape_controls(&self.file),
            self.line,
            escape_controls(&self.field),
            escape_controls(&self.reason)
        )
    }
}

/// What a vendor file held: `rows` = `vendors` + `rejected` (blank lines
/// are not rows).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VendorCounts {
    /// Rows read after the header.
    pub rows: usize,
    /// Rows that became vendors.
    pub vendors: usize,
    /// Rows rejected.
    pub rejected: usize,
    /// Blank lines skipped.
    pub blank_lines: usize,
}

/// Reads vendors from a CSV vendor master, row by row (the file is streamed,
/// never held whole).
#[derive(Debug)]
pub struct VendorReader<R> {
    records: Records<BufReader<R>>,
    file: String,
    columns: Vec<Option<Column>>,
    ignored: Vec<String>,
    unique_ids: bool,
    first_line_of_id: HashMap<String, usize>,
    counts: VendorCounts,
}

impl VendorReader<Box<dyn Read>> {
    /// Opens the vendor file at `path` (`-`: standard input).
    pub fn open(path: &str) -> Result<VendorReader<Box<dyn Read>>> {
        let input: Box<dyn Read> = if path == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(std::fs::File::open(path).map_err(|e| io_error(path, e))?)
        };
        VendorReader::new(input, path)
    }
}

impl<R: Read> VendorReader<R> {
    /// Reads the header of `input` (named `file` in messages) and detects
    /// the delimiter.
    pub fn new(input: R, file: &str) -> Result<VendorReader<R>> {
        let mut buffered = BufReader::with_capacity(64 * 1024, input);
        let head = buffered.fill_buf().map_err(|e| io_error(file, e))?;
        let delimiter = detect_delimiter(head);
        let mut records = Records::new(buffered, delimiter);
        let header = records
            .next_record()
            .map_err(|e| records_error(file, e))?
            .ok_or_else(|| {
                Error::invalid(
                    file,
                    Some(1),
                    "-",
                    "empty file: a header row with a `name` column is needed",
                )
            })?;
        let line = Some(header.line);
        if let Some(p) = header.problem {
            return Err(Error::invalid(file, line, "header", p));
        }
        let mut columns = Vec::new();
        let mut ignored = Vec::new();
        let mut seen: HashMap<Column, &str> = HashMap::new();
        for h in &header.fields {
            let col = Column::from_header(h);
            match col {
                Some(c) => {
                    if let Some(first) = seen.insert(c, h) {
                        return Err(Error::invalid(
                            file,
                            line,
                            c.canonical(),
                            format!(
                                "columns `{}` and `{}` both give the vendor's {}",
                                first.trim(),
                                h.trim(),
                                c.canonical()
                            ),
                        ));
                    }
                }
                None => ignored.push(h.trim().to_string()),
            }
            columns.push(col);
        }
        if !seen.contains_key(&Column::Name) {
            return Err(Error::invalid(
                file,
                line,
                "name",
                "required column missing (a column `name`, `vendor name`, `supplier` or `company`)",
            ));
        }
        Ok(VendorReader {
            records,
            file: file.to_string(),
            columns,
            ignored,
            unique_ids: false,
            first_line_of_id: HashMap::new(),
            counts: VendorCounts::default(),
        })
    }

    /// Makes a vendor id used on two rows an error (clearances are keyed by
    /// id, so each id must name one vendor).
    pub fn unique_ids(mut self, unique: bool) -> VendorReader<R> {
        self.unique_ids = unique;
        self
    }

    /// Header columns that are not vendor columns, ignored.
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }

    /// A note naming the ignored columns, if any.
    pub fn ignored_note(&self) -> Option<String> {
        (!self.ignored.is_empty()).then(|| {
            format!(
                "note: {}: columns ignored: {}",
                escape_controls(&self.file),
                escape_controls(&self.ignored.join(", "))
            )
        })
    }

    /// The counts so far (final once the reader is exhausted).
    pub fn counts(&self) -> VendorCounts {
        VendorCounts {
            blank_lines: self.records.blank_lines(),
            ..self.counts
        }
    }

    fn reject(&mut self, line: usize, field: &str, reason: impl Into<String>) -> Row {
        self.counts.rejected += 1;
        Row::Rejected(RowRejection {
            file: self.file.clone(),
            line,
            field: field.to_string(),
            reason: reason.into(),
        })
    }

    fn next_row(&mut self) -> Result<Option<Row>> {
        let Some(record) = self
            .records
            .next_record()
            .map_err(|e| records_error(&self.file, e))?
        else {
            return Ok(None);
        };
        self.counts.rows += 1;
        let line = record.line;
        if let Some(p) = record.problem {
            return Ok(Some(self.reject(line, "-", p)));
        }
        if record.fields.len() != self.columns.len() {
            let reason = format!(
                "{} fields where the header has {} (a field with the delimiter in it must be quoted)",
                record.fields.len(),
                self.columns.len()
            );
            return Ok(Some(self.reject(line, "-", reason)));
        }
        let mut get: HashMap<Column, &str> = HashMap::new();
        for (c, v) in self.columns.iter().zip(&record.fields) {
            if let Some(c) = c {
                get.insert(*c, v.trim());
            }
        }
        let value = |c: Column| get.get(&c).copied().unwrap_or("");
        let vendor = match vendor_from_fields(value) {
            Ok(v) => v,
            Err((field, reason)) => return Ok(Some(self.reject(line, field, reason))),
        };
        if let Err(Error::Vendor { field, message, .. }) = vendor.validate() {
            return Ok(Some(self.reject(line, &field, message)));
        }
        if let Some(id) = &vendor.id {
            if let Some(&first) = self.first_line_of_id.get(id) {
                if self.unique_ids {
                    return Err(Error::invalid(
                        &self.file,
                        Some(line),
                        "id",
                        format!(
                            "id `{id}` is also on line {first}: with clearances, each id must name one vendor"
                        ),
                    ));
                }
            } else if self.unique_ids {
                self.first_line_of_id.insert(id.clone(), line);
            }
        }
        self.counts.vendors += 1;
        Ok(Some(Row::Vendor { line, vendor }))
    }
}

/// Rows read in one go by [`VendorReader::next_chunk`]: vendors in file
/// order, then the rejected row that ended the chunk, if one did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chunk {
    /// The vendors, in file order.
    pub vendors: Vec<Vendor>,
    /// The rejected row that follows them.
    pub rejected: Option<RowRejection>,
}

impl<R: Read> VendorReader<R> {
    /// The next rows: up to `max` vendors, ending early at a rejected row
    /// (so that vendors and rejections can be reported in file order);
    /// `None` at the end of the file.
    ///
    /// ```
    /// use vendor_screen::vendor_file::VendorReader;
    /// let mut r = VendorReader::new("name\nA\nB\n---\nC\n".as_bytes(), "v.csv")?;
    /// let first = r.next_chunk(10)?.unwrap();
    /// assert_eq!(first.vendors.len(), 2);
    /// assert_eq!(first.rejected.map(|x| x.line), Some(4));
    /// assert_eq!(r.next_chunk(10)?.unwrap().vendors[0].name, "C");
    /// assert!(r.next_chunk(10)?.is_none());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn next_chunk(&mut self, max: usize) -> Result<Option<Chunk>> {
        let mut chunk = Chunk::default();
        while chunk.vendors.len() < max.max(1) {
            match self.next_row()? {
                Some(Row::Vendor { vendor, .. }) => chunk.vendors.push(vendor),
                Some(Row::Rejected(r)) => {
                    chunk.rejected = Some(r);
                    return Ok(Some(chunk));
                }
                None if chunk.vendors.is_empty() => return Ok(None),
                None => break,
            }
        }
        Ok(Some(chunk))
    }
}

impl<R: Read> Iterator for VendorReader<R> {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        self.next_row().transpose()
    }
}

fn io_error(file: &str, e: std::io::Error) -> Error {
    Error::Io {
        path: file.into(),
        source: e,
    }
}

fn records_error(file: &str, e: RecordsError) -> Error {
    match e {
        RecordsError::UnclosedQuote { line } => Error::invalid(
            file,
            Some(line),
            "-",
            RecordsError::UnclosedQuote { line }.to_string(),
        ),
        RecordsError::Io(e) => io_error(file, e),
    }
}
