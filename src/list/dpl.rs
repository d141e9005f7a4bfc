//! The BIS Denied Persons List, tab-delimited `dpl.txt` (`dpl`).
//!
//! Twelve quoted, tab-separated columns; `Effective_Date` and
//! `Expiration_Date` are `MM/DD/YYYY` and become the entity's start and end.
//! Rows with the same name and effective date are one denial order with
//! several addresses, and become one entity.
//!
//! ```
//! let data = b"\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n\"DAHUA ELECTRONICS CORPORATION\"\t\"134-12 59TH AVENUE\"\t\"FLUSHING\"\t\"NY\"\t\"\"\t\"11355\"\t\"09/28/2017\"\t\"11/19/2025\"\t\"Y\"\t\"2017-10-05\"\t\"F.R. NOTICE ADDED\"\t\"82 F.R. 46480 10/5/2017\"\n";
//! let imported = vendor_screen::list::dpl::parse(data, "dpl.txt")?;
//! let e = &imported.lists[0].entities[0];
//! assert_eq!(e.last_end().map(|d| d.to_string()).as_deref(), Some("2025-11-19"));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::report::{ImportReport, Imported};
use super::rows::{escape_control, header_names, is_cut, read_rows, text, truncated};
use super::{AsOfBasis, Date, DesignationList, Entity, ListMeta, LoadOptions, Period, Reach};
use crate::error::{Error, Result};
use crate::list::merge::added_in_words;
use std::collections::HashMap;

const COLUMNS: [&str; 12] = [
    "Name",
    "Street_Address",
    "City",
    "State",
    "Country",
    "Postal_Code",
    "Effective_Date",
    "Expiration_Date",
    "Standard_Order",
    "Last_Update",
    "Action",
    "FR_Citation",
];

/// `MM/DD/YYYY` to a date.
fn us_date(s: &str) -> std::result::Result<Date, String> {
    let parts: Vec<&str> = s.split('/').collect();
    let bad = || {
        format!(
            "`{}` is not a date of the form MM/DD/YYYY",
            escape_control(s)
        )
    };
    let [m, d, y] = parts.as_slice() else {
        return Err(bad());
    };
    let num = |x: &str| x.parse::<u16>().map_err(|_| bad());
    Date::new(num(y)?, num(m)? as u8, num(d)? as u8).ok_or_else(bad)
}

/// Parses `dpl.txt`; `file` names it in the report and errors. A file cut
/// off mid-record is an error (see [`parse_with`]).
pub fn parse(data: &[u8], file: &str) -> Result<Imported> {
    parse_with(data, file, &LoadOptions::default())
}

/// Parses `dpl.txt` with options: partial loading of a cut-off file, and the
/// latest believable date.
///
/// Rows with the same name and effective date are one denial order: they
/// become one entity keeping every row's period (effective and expiration
/// dates, Federal Register citation, action) and address, so the entity is
/// in force while any of its orders is.
pub fn parse_with(data: &[u8], file: &str, options: &LoadOptions) -> Result<Imported> {
    let rows = read_rows(data, b'\t');
    check_header(&rows, file)?;
    let mut report = ImportReport::new(file, "dpl");
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    let mut latest: Option<Date> = None;
    let last = rows.len() - 1;
    for (n, row) in rows.iter().enumerate().skip(1) {
        report.read += 1;
        if n == last && is_cut(row, COLUMNS.len(), data) {
            truncated(&mut report, options, row, &COLUMNS, 0)?;
            continue;
        }
        let Some(f) = fields(row, &mut report) else {
            continue;
        };
        let Some(order) = order_of(&f, row.line, options, &mut report) else {
            continue;
        };
        for d in order.dated.into_iter().flatten() {
            latest = Some(latest.map_or(d, |l: Date| l.max(d)));
        }
        if let Some(&i) = by_key.get(&order.key) {
            let kept: &mut Entity = &mut entities[i];
            let added = kept.absorb(order.entity);
            report.merged += 1;
            let what = added_in_words(&added);
            report.note(
                row.line,
                "Name",
                format!(
                    "same denial order as entity {}: merged, adding {what}",
                    kept.id
                ),
            );
            continue;
        }
        by_key.insert(order.key, entities.len());
        entities.push(order.entity);
    }
    let lists = vec![DesignationList {
        meta: meta(latest),
        entities,
    }];
    report.count(&lists);
    Ok(Imported { lists, report })
}

/// An error unless the first row is the Denied Persons List's header.
fn check_header(rows: &[super::rows::Row], file: &str) -> Result<()> {
    let names = header_names(rows, file)?;
    if names == COLUMNS {
        return Ok(());
    }
    Err(Error::invalid(
        file,
        Some(1),
        "-",
        format!(
            "not a Denied Persons List header: expected {} got {}",
            COLUMNS.join("\t"),
            escape_control(&names.join("\t"))
        ),
    ))
}

/// A row's twelve fields as text; `None`, with the row rejected, when it
/// has another number of fields or a field is not UTF-8.
fn fields(row: &super::rows::Row, report: &mut ImportReport) -> Option<Vec<String>> {
    let record = &row.record;
    if record.len() != COLUMNS.len() {
        report.reject(
            row.line,
            "-",
            format!("expected 12 fields, found {}", record.len()),
        );
        return None;
    }
    let mut f: Vec<String> = Vec::with_capacity(COLUMNS.len());
    for (i, v) in record.iter().enumerate() {
        match text(v) {
            Some(s) => f.push(s.to_string()),
            None => {
                report.reject(row.line, COLUMNS[i], "invalid UTF-8");
                return None;
            }
        }
    }
    Some(f)
}

/// One row's denial order: the entity it lists, the key rows of the same
/// order share (name and effective date), and the dates that date the list
/// (effective date and last update).
struct Order {
    entity: Entity,
    key: (String, String),
    dated: [Option<Date>; 2],
}

/// The denial order a row's fields write; `None`, with the row rejected,
/// when its name is empty. Dates that cannot be read or believed are left
/// out with a note.
fn order_of(
    f: &[String],
    line: usize,
    options: &LoadOptions,
    report: &mut ImportReport,
) -> Option<Order> {
    let name = f[0].split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        report.reject(line, "Name", "empty name");
        return None;
    }
    let mut date = |i: usize, check: bool| -> Option<Date> {
        if f[i].is_empty() {
            return None;
        }
        let d = us_date(&f[i])
            .or_else(|e| f[i].parse::<Date>().map_err(|_| e))
            .map_err(|e| report.note(line, COLUMNS[i], format!("date not read: {e}")))
            .ok()?;
        if let Some(why) = check.then(|| options.implausible(d)).flatten() {
            report.note(line, COLUMNS[i], why);
            return None;
        }
        Some(d)
    };
    let start = date(6, true);
    let end = date(7, false);
    let updated = date(9, true);
    let address = [&f[1], &f[2], &f[3], &f[5], &f[4]]
        .iter()
        .filter(|x| !x.is_empty())
        .map(|x| x.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let key = (name.to_uppercase(), f[6].clone());
    let country = if f[4].is_empty() {
        "US".to_string()
    } else {
        f[4].clone()
    };
    let mut entity = Entity::new(
        &super::stable_id(&[&key.0, &key.1]),
        &name,
        &format!("BIS Denied Persons List: {}", f[11]),
    );
    entity.kind = super::untyped::kind_of(&name);
    entity.countries = vec![country];
    if !address.is_empty() {
        entity.addresses.push(address);
    }
    entity.periods.push(Period {
        start,
        end,
        citation: (!f[11].is_empty()).then(|| f[11].clone()),
        action: (!f[10].is_empty()).then(|| f[10].clone()),
    });
    entity.notes = (!f[10].is_empty()).then(|| f[10].clone());
    Some(Order {
        entity,
        key,
        dated: [start, updated],
    })
}

/// What the Denied Persons List is, dated by its latest entry.
fn meta(latest: Option<Date>) -> ListMeta {
    ListMeta {
        authority: "US Department of Commerce, Bureau of Industry and Security".to_string(),
        legal_basis: "Denial orders under the Export Administration Regulations, 15 CFR Part 764".to_string(),
        effect: "Listed persons may not participate in any transaction subject to the EAR while the order is in force.".to_string(),
        source_urls: vec!["https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list".to_string()],
        as_of: latest,
        as_of_basis: AsOfBasis::of_latest_entry(latest),
        reach: Reach::NamedOnly,
        ..ListMeta::new("bis-dpl", "Denied Persons List (DPL)")
    }
}
