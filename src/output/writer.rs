//! One writer for every output format of a batch: it writes each vendor's
//! report as a JSON line, CSV rows, a human report or explanation pages,
//! writes a row for each input row that could not be screened where the
//! format has one, and keeps the [`BatchSummary`].
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//! use vendor_screen::output::writer::{Format, ReportWriter};
//! let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let day = Date::new(2026, 11, 22).unwrap();
//! let mut w = ReportWriter::new(Vec::new(), Format::Csv)?;
//! for v in [Vendor::new("ZTE Corp"), Vendor::new("Acme Widgets LLC")] {
//!     let report = screener.screen(&v, day);
//!     w.write(&v, report, &screener)?;
//! }
//! let (bytes, summary) = w.finish()?;
//! let text = String::from_utf8(bytes)?;
//! assert!(text.lines().any(|l| l.contains("Acme Widgets LLC") && l.contains("clean")));
//! assert_eq!((summary.screened, summary.flagged), (2, 1));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::summary::BatchSummary;
use super::{ScreenLine, csv as csv_out, human};
use crate::clearance::ClearanceSet;
use crate::list::Date;
use crate::screen::{Report, Screener, Vendor};
use crate::vendor_file::RowRejection;
use std::io::{self, Write};

/// How reports are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The human report of every vendor.
    Human,
    /// The human report of vendors with findings only (a batch: the
    /// summary line says how many were screened).
    HumanFindingsOnly,
    /// An explanation page per finding.
    Explain,
    /// JSON Lines, one [`ScreenLine`] per vendor.
    Json,
    /// CSV rows ([`csv_out::rows`]), a header first.
    Csv,
}

impl Format {
    /// Whether the format is for programs (the summary line then belongs on
    /// standard error, not among the records).
    pub fn is_machine(self) -> bool {
        matches!(self, Format::Json | Format::Csv)
    }
}

/// Writes reports in one [`Format`] and counts them.
pub struct ReportWriter<W: Write> {
    out: W,
    format: Format,
    summary: BatchSummary,
}

impl<W: Write> ReportWriter<W> {
    /// A writer to `out`; writes the CSV header when the format has one.
    pub fn new(mut out: W, format: Format) -> io::Result<ReportWriter<W>> {
        if format == Format::Csv {
            csv_out::write_header(&mut out)?;
        }
        Ok(ReportWriter {
            out,
            format,
            summary: BatchSummary::default(),
        })
    }

    /// Writes one vendor's report and counts it.
    pub fn write(
        &mut self,
        vendor: &Vendor,
        report: Report,
        screener: &Screener,
    ) -> io::Result<()> {
        self.summary.add(&report);
        let out = &mut self.out;
        match self.format {
            Format::Json => {
                serde_json::to_writer(&mut *out, &ScreenLine::new(vendor, report, screener))?;
                writeln!(out)
            }
            Format::Csv => Ok(csv_out::write_rows(out, vendor, &report)?),
            Format::Explain => human::write_explain(out, vendor, &report),
            Format::HumanFindingsOnly if report.findings.is_empty() => Ok(()),
            Format::Human | Format::HumanFindingsOnly => human::write_report(out, vendor, &report),
        }
    }

    /// Screens `vendors` ([`Screener::screen_batch_cleared`]: across all
    /// cores with the `parallel` feature) and writes each result in input
    /// order; returns the indices of the clearances that cleared a hit.
    pub fn screen(
        &mut self,
        screener: &Screener,
        vendors: &[Vendor],
        as_of: Date,
        clearances: &ClearanceSet,
    ) -> io::Result<Vec<usize>> {
        let mut used = Vec::new();
        let results = screener.screen_batch_cleared(vendors, as_of, clearances);
        for (v, (report, u)) in vendors.iter().zip(results) {
            used.extend(u);
            self.write(v, report, screener)?;
        }
        Ok(used)
    }

    /// Counts an input row that could not be screened, with its CSV row
    /// when the format is CSV.
    pub fn rejected(&mut self, r: &RowRejection) -> io::Result<()> {
        self.summary.rejected += 1;
        if self.format == Format::Csv {
            csv_out::write_rejected(&mut self.out, r)?;
        }
        Ok(())
    }

    /// The counts so far.
    pub fn summary(&self) -> &BatchSummary {
        &self.summary
    }

    /// Writes a line among the records (e.g. the summary of a human run).
    pub fn write_line(&mut self, line: impl std::fmt::Display) -> io::Result<()> {
        writeln!(self.out, "{line}")
    }

    /// Flushes and returns the output and the counts.
    pub fn finish(mut self) -> io::Result<(W, BatchSummary)> {
        self.out.flush()?;
        Ok((self.out, self.summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ScreenerBuilder, lists};

    fn written(format: Format, names: &[&str]) -> (String, BatchSummary) {
        let screener = ScreenerBuilder::new()
            .lists(lists::bundled().expect("bundled lists load"))
            .build()
            .expect("screener builds");
        let day = Date::new(2026, 11, 22).expect("a date");
        let mut w = ReportWriter::new(Vec::new(), format).expect("writes to memory");
        for name in names {
            let v = Vendor::new(*name);
            let report = screener.screen(&v, day);
            w.write(&v, report, &screener).expect("writes to memory");
        }
        let (bytes, summary) = w.finish().expect("flushes");
        (String::from_utf8(bytes).expect("utf-8"), summary)
    }

    #[test]
    fn findings_only_skips_clean_vendors_and_human_does_not() {
        let names = ["ZTE Corp", "Acme Widgets LLC"];
        let (only, s1) = written(Format::HumanFindingsOnly, &names);
        let (all, s2) = written(Format::Human, &names);
        assert!(only.contains("ZTE Corp") && !only.contains("Acme Widgets"));
        assert!(all.contains("ZTE Corp") && all.contains("Acme Widgets"));
        assert_eq!(s1, s2, "the counts do not depend on the format");
    }

    #[test]
    fn json_writes_one_line_per_vendor_that_reads_back() {
        let (text, _) = written(Format::Json, &["ZTE Corp", "Acme Widgets LLC"]);
        let lines: Vec<ScreenLine> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("a ScreenLine"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].input.name, "Acme Widgets LLC");
        assert!(lines[1].report.hits.is_empty() && !lines[0].report.hits.is_empty());
    }

    #[test]
    fn csv_counts_a_rejected_row_and_writes_it() {
        let mut w = ReportWriter::new(Vec::new(), Format::Csv).expect("memory");
        let r = RowRejection {
            file: "v.csv".into(),
            line: 3,
            field: "name".into(),
            reason: "empty".into(),
        };
        w.rejected(&r).expect("memory");
        let (bytes, summary) = w.finish().expect("flushes");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!((summary.rejected, summary.rows()), (1, 1));
        assert!(text.lines().nth(1).is_some_and(|l| l.contains("v.csv:3")));
    }
}
