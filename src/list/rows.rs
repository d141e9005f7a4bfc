//! Delimited records with their true line numbers, and the options every
//! loader takes.
//!
//! The `csv` crate's record positions count lines wrongly after a CRLF
//! (each record's line is one too low), so lines are computed here from the
//! record's byte offset.

use super::Date;
use super::report::{ImportReport, Truncation};
use crate::error::{Error, Result};

/// How a loader treats a damaged file and which dates it believes.
///
/// ```
/// use vendor_screen::list::{Date, LoadOptions};
/// let strict = LoadOptions::default();
/// assert!(!strict.partial);
/// let lenient = LoadOptions::partial().not_after(Date::new(2023, 11, 30));
/// assert!(lenient.partial && lenient.not_after.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Accept a file cut off inside its last record: the cut record is
    /// rejected, the records before it are kept and the import report's
    /// [`super::ImportReport::truncated`] says what was lost. Without it
    /// (the default) such a file is an error.
    pub partial: bool,
    /// The file's own date (its retrieval date, or today): an entry may not
    /// start after it. A later start date is a rejected field (noted; the
    /// record is kept without it) and never moves the list's as-of date.
    /// `None`: only dates after [`FAR_FUTURE_YEAR`] are rejected.
    /// [`super::load::load_path`] fills it with today's date when unset.
    pub not_after: Option<Date>,
}

/// With no [`LoadOptions::not_after`], a start date in a year after this one
/// is rejected as impossible.
pub const FAR_FUTURE_YEAR: u16 = 2099;

impl LoadOptions {
    /// Options that accept a file cut off mid-record.
    pub fn partial() -> LoadOptions {
        LoadOptions {
            partial: true,
            ..LoadOptions::default()
        }
    }

    /// These options with the latest believable start date set.
    pub fn not_after(mut self, date: Option<Date>) -> LoadOptions {
        self.not_after = date;
        self
    }

    /// Why a start (or update) date cannot be believed, if it cannot.
    pub(crate) fn implausible(&self, date: Date) -> Option<String> {
        match self.not_after {
            Some(limit) if date > limit => Some(format!(
                "{date} is after the file's own date {limit}: rejected (the record is kept without it)"
            )),
            None if date.year > FAR_FUTURE_YEAR => Some(format!(
                "{date} is far in the future: rejected (the record is kept without it)"
            )),
            _ => None,
        }
    }

    /// A date cell of a list file: empty is no date; one that does not
    /// parse, or a start date that cannot be believed ([`Self::implausible`]),
    /// is a note on its line and field, and the record is kept without it.
    pub(crate) fn date_cell(
        &self,
        text: &str,
        start: bool,
        (line, field): (usize, &str),
        report: &mut ImportReport,
    ) -> Option<Date> {
        if text.is_empty() {
            return None;
        }
        let d = match text.parse::<Date>() {
            Ok(d) => d,
            Err(e) => {
                let shown = escape_control(text);
                report.note(line, field, format!("date not read: `{shown}`: {e}"));
                return None;
            }
        };
        match start.then(|| self.implausible(d)).flatten() {
            Some(why) => {
                report.note(line, field, why);
                None
            }
            None => Some(d),
        }
    }
}

/// Byte offsets of line starts, to turn an offset into a 1-based line.
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(data: &[u8]) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            data.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { starts }
    }

    /// 1-based line holding byte `offset`.
    pub(crate) fn line(&self, offset: u64) -> usize {
        let offset = offset as usize;
        self.starts.partition_point(|&s| s <= offset)
    }
}

/// One delimited record and the line it starts on.
pub(crate) struct Row {
    pub line: usize,
    pub record: csv::ByteRecord,
}

/// The names of the header row (the first of `rows`), trimmed, a byte-order
/// mark dropped; a file without one is an error naming `file`.
pub(crate) fn header_names(rows: &[Row], file: &str) -> Result<Vec<String>> {
    let Some(first) = rows.first() else {
        return Err(Error::invalid(
            file,
            Some(1),
            "-",
            "empty file: no header row",
        ));
    };
    Ok(first
        .record
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect())
}

/// Every record of `data` (the header included), each with its true line.
pub(crate) fn read_rows(data: &[u8], delimiter: u8) -> Vec<Row> {
    let lines = Lines::new(data);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    // Reading from a byte slice cannot fail with an I/O error, and byte
    // records are not checked for UTF-8; stop on any error all the same.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        // A record's byte position can point at the line break before it
        // (after a CR); its line is that of its first byte.
        let line = record.position().map_or(0, |p| {
            let mut at = p.byte() as usize;
            while matches!(data.get(at), Some(b'\r' | b'\n')) {
                at += 1;
            }
            lines.line(at as u64)
        });
        rows.push(Row {
            line,
            record: record.clone(),
        });
    }
    rows
}

/// A file's last record, cut short: an error naming the line and the field
/// the file ends in, unless partial loading is on; then the record is
/// rejected and the report says what was lost. `name_column` is the column
/// holding the record's name, to say whose record it was.
pub(crate) fn truncated<S: AsRef<str>>(
    report: &mut ImportReport,
    options: &LoadOptions,
    row: &Row,
    columns: &[S],
    name_column: usize,
) -> Result<()> {
    let read = row.record.len();
    let field = columns
        .get(read.saturating_sub(1))
        .map_or("-", |c| c.as_ref())
        .to_string();
    let name = row
        .record
        .get(name_column)
        .filter(|_| name_column + 1 < read)
        .map(|n| String::from_utf8_lossy(n).trim().to_string())
        .filter(|n| !n.is_empty());
    let whose = match &name {
        Some(n) => format!("the record of `{}`", escape_control(n)),
        None => "one record".to_string(),
    };
    let message = format!(
        "the file ends inside a record ({read} of {} fields): it was cut off",
        columns.len()
    );
    if !options.partial {
        return Err(Error::invalid(
            &report.file,
            Some(row.line),
            field,
            format!(
                "{message}; load it with partial loading (LoadOptions::partial) to keep the records before it"
            ),
        ));
    }
    report.reject(
        row.line,
        &field,
        format!("{message}: rejected (partial loading)"),
    );
    report.truncated = Some(Truncation {
        line: row.line,
        field,
        fields_read: read,
        fields_expected: columns.len(),
        lost: format!(
            "{whose} starting on line {}, and whatever followed it in the original file",
            row.line
        ),
    });
    Ok(())
}

/// Whether `data` ends inside a quoted field (an odd number of quote
/// characters; an escaped quote counts two): a file cut off mid-field.
pub(crate) fn ends_in_open_quote(data: &[u8]) -> bool {
    data.iter().filter(|&&b| b == b'"').count() % 2 == 1
}

/// Whether the last record of a file is cut off: fewer fields than the
/// header, or the file ends inside a quoted field.
pub(crate) fn is_cut(row: &Row, columns: usize, data: &[u8]) -> bool {
    row.record.len() < columns || ends_in_open_quote(data)
}

/// A delimited file with a header row, read into records of trimmed UTF-8
/// fields: every row after the header is counted in the report as read; a
/// row with the wrong number of fields or invalid UTF-8 is rejected with its
/// line; a last row cut off is a truncation (an error unless partial
/// loading is on). `name_column` says whose record a cut one was.
pub(crate) struct Table {
    /// Column names (a UTF-8 BOM removed).
    pub header: Vec<String>,
    /// (line, fields) of each usable record.
    pub records: Vec<(usize, Vec<String>)>,
}

impl Table {
    pub(crate) fn read(
        data: &[u8],
        delimiter: u8,
        report: &mut ImportReport,
        options: &LoadOptions,
        name_column: usize,
    ) -> Result<Table> {
        let rows = read_rows(data, delimiter);
        let header = header_names(&rows, &report.file)?;
        let mut records = Vec::with_capacity(rows.len());
        let last = rows.len() - 1;
        for (n, row) in rows.iter().enumerate().skip(1) {
            report.read += 1;
            if n == last && is_cut(row, header.len(), data) {
                truncated(report, options, row, &header, name_column)?;
                continue;
            }
            if row.record.len() != header.len() {
                report.reject(
                    row.line,
                    "-",
                    format!(
                        "expected {} fields, found {}",
                        header.len(),
                        row.record.len()
                    ),
                );
                continue;
            }
            let fields: Option<Vec<String>> = row
                .record
                .iter()
                .map(|f| text(f).map(str::to_string))
                .collect();
            match fields {
                Some(f) => records.push((row.line, f)),
                None => report.reject(row.line, "-", "invalid UTF-8"),
            }
        }
        Ok(Table { header, records })
    }

    /// The index of column `name`, or an error naming the file's header.
    pub(crate) fn column(&self, file: &str, name: &str) -> Result<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            Error::invalid(
                file,
                Some(1),
                name,
                format!(
                    "missing column `{name}` (header: {})",
                    escape_control(&self.header.join(", "))
                ),
            )
        })
    }
}

/// A date written `March 12, 2021` (`Sept.`-style abbreviations too).
pub(crate) fn prose_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (month, rest) = s.split_once(' ')?;
    let m = month.trim_end_matches('.').to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = months.iter().position(|p| m.starts_with(p))? as u8 + 1;
    let (day, year) = rest.split_once(',')?;
    let year: String = year.trim().chars().take(4).collect();
    Date::new(year.parse().ok()?, month, day.trim().parse().ok()?)
}

/// Input text for a message, control characters escaped (`\u{1b}`), so a
/// list file cannot drive the terminal that prints an error: the crate's
/// one escape, [`crate::error::escape_controls`].
pub(crate) fn escape_control(s: &str) -> String {
    crate::error::escape_controls(s).into_owned()
}

/// A field's text: UTF-8, trimmed.
pub(crate) fn text(field: &[u8]) -> Option<&str> {
    std::str::from_utf8(field).ok().map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_right_in_crlf_files() {
        let rows = read_rows(b"a,b\r\n1,2\r\n\"x\r\ny\",2\r\n3,4\r\n", b',');
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 3, 5]);
    }

    #[test]
    fn implausible_dates() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let o = LoadOptions::default();
        assert!(o.implausible(d("3033-09-30")).is_some());
        assert!(o.implausible(d("2031-01-01")).is_none());
        let o = o.not_after(Some(d("2023-11-30")));
        assert!(o.implausible(d("2023-12-01")).is_some());
        assert!(o.implausible(d("2023-11-30")).is_none());
    }
}
