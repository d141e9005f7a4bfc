//! CSV output for spreadsheets: a row for every hit, a `clean` row for a
//! vendor without any, a `rejected` row for an input row that could not be
//! screened, so the file proves what happened to every vendor.
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//! use vendor_screen::output::csv::{HEADER, rows};
//! let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let d = Date::new(2026, 11, 22).unwrap();
//! let clean = Vendor::new("Acme Widgets LLC");
//! let r = rows(&clean, &s.screen(&clean, d));
//! assert_eq!(r.len(), 1);
//! assert_eq!(r[0][7], "clean");
//! assert_eq!(HEADER[7], "status");
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::findings::Finding;
use crate::screen::{Report, Vendor, Via};
use crate::vendor_file::RowRejection;
use std::io::Write;

/// The header row.
pub const HEADER: [&str; 13] = [
    "vendor_id",
    "vendor_name",
    "list",
    "entity_id",
    "entity_name",
    "matched_name",
    "score",
    "status",
    "via",
    "reason",
    "finding",
    "legal_basis",
    "citation",
];

/// A row.
pub type CsvRow = [String; 13];

/// How a hit was reached, in a few words.
///
/// ```
/// use vendor_screen::Via;
/// use vendor_screen::output::csv::via_text;
/// assert_eq!(via_text(&Via::Parent { level: 1, name: "Hikvision".into(), share: Some(51.0) }),
///            "owner \"Hikvision\" (level 1, 51%)");
/// ```
pub fn via_text(via: &Via) -> String {
    use crate::error::shorten;
    match via {
        Via::SelfName => "vendor name".to_string(),
        Via::Alias { name } => format!("alias \"{}\"", shorten(name, 80)),
        Via::Parent { level, name, share } => {
            let share = share.map_or("share unknown".to_string(), |s| format!("{s}%"));
            format!("owner \"{}\" (level {level}, {share})", shorten(name, 80))
        }
        Via::Relation {
            entity_name, link, ..
        } => format!("relation: {link} of \"{entity_name}\", which the vendor matched"),
    }
}

/// Finding numbers: `1`, `2` for findings, `1.1` for the first relation of
/// finding 1; keyed by (list, entity id).
fn finding_numbers(findings: &[Finding]) -> Vec<((String, String), String)> {
    fn walk(f: &Finding, number: String, out: &mut Vec<((String, String), String)>) {
        for l in &f.listings {
            out.push(((l.list.clone(), l.entity_id.clone()), number.clone()));
        }
        for (i, r) in f.relations.iter().enumerate() {
            walk(r, format!("{number}.{}", i + 1), out);
        }
    }
    let mut out = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        walk(f, (i + 1).to_string(), &mut out);
    }
    out
}

/// The rows of one vendor's report: one per hit and identifier hit, or one
/// `clean` row.
pub fn rows(vendor: &Vendor, report: &Report) -> Vec<CsvRow> {
    let numbers = finding_numbers(&report.findings);
    let number = |list: &str, id: &str| {
        numbers
            .iter()
            .find(|((l, e), _)| l == list && e == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let id = vendor.id.clone().unwrap_or_default();
    let mut out = Vec::new();
    for h in &report.hits {
        let reason = match &h.cleared {
            Some(c) => format!("cleared by {} on {}: {}", c.reviewer, c.date, c.reason),
            None => h.explanation.rule.clone().unwrap_or_default(),
        };
        out.push([
            id.clone(),
            vendor.name.clone(),
            h.list.clone(),
            h.entity_id.clone(),
            h.entity_name.clone(),
            h.matched_name.clone(),
            format!("{:.3}", h.score),
            h.status.to_string(),
            via_text(&h.via),
            reason,
            number(&h.list, &h.entity_id),
            h.legal_basis.clone(),
            h.citation.clone(),
        ]);
    }
    for h in &report.identifier_hits {
        let reason = match &h.cleared {
            Some(c) => format!("cleared by {} on {}: {}", c.reviewer, c.date, c.reason),
            None => h.rule.clone(),
        };
        out.push([
            id.clone(),
            vendor.name.clone(),
            h.list.clone(),
            h.entity_id.clone(),
            h.entity_name.clone(),
            format!("{} {}", h.listed_kind, h.listed_value),
            "1.000".to_string(),
            h.status.to_string(),
            format!("identifier {}", h.vendor_identifier.kind),
            reason,
            number(&h.list, &h.entity_id),
            h.legal_basis.clone(),
            h.citation.clone(),
        ]);
    }
    if out.is_empty() {
        let mut row: CsvRow = Default::default();
        row[0] = id;
        row[1] = vendor.name.clone();
        row[7] = "clean".to_string();
        row[9] = "screened: no hit at or above the threshold".to_string();
        out.push(row);
    }
    out
}

/// Writes the header row.
pub fn write_header(out: &mut impl Write) -> csv::Result<()> {
    csv::Writer::from_writer(out).write_record(HEADER)
}

/// Writes the rows of one vendor's report ([`rows`]).
pub fn write_rows(out: &mut impl Write, vendor: &Vendor, report: &Report) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for row in rows(vendor, report) {
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Writes the row of an input row that could not be screened.
pub fn write_rejected(out: &mut impl Write, r: &RowRejection) -> csv::Result<()> {
    csv::Writer::from_writer(out).write_record(rejected_row(r))
}

/// The row of an input row that could not be screened.
pub fn rejected_row(r: &RowRejection) -> CsvRow {
    let mut row: CsvRow = Default::default();
    row[7] = "rejected".to_string();
    row[9] = format!("{}:{}: field `{}`: {}", r.file, r.line, r.field, r.reason);
    row
}
