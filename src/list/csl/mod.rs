//! The trade.gov Consolidated Screening List, CSV (`csl`).
//!
//! Reads the current 29-column layout (with `_id`) and the legacy 28-column
//! layout (without), quirks included: the header repeated on line 2, quoted
//! fields with embedded newlines, `; `-joined multi-valued fields, addresses
//! ending in an ISO country code, ids as `type, number, country`, start and end
//! dates, and Entity List names that carry their own aliases and relations in
//! prose. Each `source` becomes a list of its own (`csl-el`, `csl-sdn`, ...);
//! the CSL `_id` is the entity id (unique per list, not across lists).
//!
//! ```
//! let data = std::fs::read("tests/fixtures/csl/sample-2025.csv").unwrap();
//! let imported = vendor_screen::list::csl::parse(&data, "sample-2025.csv")?;
//! let el = imported.lists.iter().find(|l| l.meta.id == "csl-el").unwrap();
//! let cetc13 = el.entities.iter().find(|e| e.name.contains("13th Research Institute")).unwrap();
//! assert!(cetc13.aliases.iter().any(|a| a == "CETC 13"));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

mod fields;
mod prose;
mod row;
mod sources;

use super::report::{ImportReport, Imported};
use super::rows::{escape_control, header_names, is_cut, read_rows, truncated};
use super::{AsOfBasis, Date, DesignationList, Entity, ListMeta, LoadOptions};
use crate::error::{Error, Result};
use crate::list::merge::added_in_words;
use row::Fields;
use sources::ListBuilder;
use std::collections::HashMap;

/// Columns the importer reads (others are ignored).
const REQUIRED: [&str; 2] = ["source", "name"];

/// Parses a CSL CSV file's bytes; `file` names it in the report and errors.
///
/// A file that is empty, has no recognisable header, lacks the `source` and
/// `name` columns, repeats a column, or is cut off inside its last record is
/// an error; a record that cannot be used is rejected with its line and
/// reason and the rest are kept. See [`parse_with`] for partial loading.
pub fn parse(data: &[u8], file: &str) -> Result<Imported> {
    parse_with(data, file, &LoadOptions::default())
}

/// Parses a CSL CSV file with options: partial loading of a file cut off
/// mid-record, and the latest believable start date.
///
/// ```
/// use vendor_screen::list::{LoadOptions, csl};
/// let cut = b"\"_id\",\"source\",\"name\"\n\"1\",\"Entity List (EL)\",\"A Co.\"\n\"2\",\"Entity";
/// assert!(csl::parse(cut, "cut.csv").is_err());
/// let i = csl::parse_with(cut, "cut.csv", &LoadOptions::partial())?;
/// assert_eq!(i.report.kept(), 1);
/// assert_eq!(i.report.truncated.as_ref().map(|t| t.line), Some(3));
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn parse_with(data: &[u8], file: &str, options: &LoadOptions) -> Result<Imported> {
    let rows = read_rows(data, b',');
    let names = header_names(&rows, file)?;
    let col = columns(&names, file)?;
    let legacy = !col.contains_key("_id");
    let mut report = ImportReport::new(file, "csl");
    let mut builders: Vec<ListBuilder> = Vec::new();
    let mut latest: Option<Date> = None;
    let last = rows.len() - 1;

    for (n, row) in rows.iter().enumerate().skip(1) {
        let (line, record) = (row.line, &row.record);
        report.read += 1;
        if record.iter().zip(&names).all(|(v, n)| v == n.as_bytes()) && record.len() == names.len()
        {
            report.skip(line, "repeated header row skipped");
            continue;
        }
        if n == last && is_cut(row, names.len(), data) {
            truncated(&mut report, options, row, &names, col["name"])?;
            continue;
        }
        if record.len() != names.len() {
            report.reject(
                line,
                "-",
                format!(
                    "expected {} fields, found {} (malformed record)",
                    names.len(),
                    record.len()
                ),
            );
            continue;
        }
        let fields = match Fields::read(&names, record) {
            Ok(f) => f,
            Err(field) => {
                report.reject(line, field, "invalid UTF-8");
                continue;
            }
        };
        let Some(read) = row::entity(&fields, line, legacy, options, &mut report) else {
            continue;
        };
        if let Some(s) = read.start {
            latest = Some(latest.map_or(s, |l: Date| l.max(s)));
        }
        add(
            &mut builders,
            fields.get("source"),
            read.entity,
            line,
            &mut report,
        );
    }

    let lists: Vec<DesignationList> = builders
        .into_iter()
        .map(|b| DesignationList {
            meta: ListMeta {
                as_of: latest,
                as_of_basis: AsOfBasis::of_latest_entry(latest),
                ..b.meta
            },
            entities: b.entities,
        })
        .collect();
    report.count(&lists);
    Ok(Imported { lists, report })
}

/// The header's columns by name: an error when one appears twice or the
/// `source` and `name` columns are missing.
fn columns<'a>(names: &'a [String], file: &str) -> Result<HashMap<&'a str, usize>> {
    let mut col: HashMap<&str, usize> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        if col.insert(n.as_str(), i).is_some() {
            return Err(Error::invalid(
                file,
                Some(1),
                n.as_str(),
                format!("column `{}` appears twice in the header", escape_control(n)),
            ));
        }
    }
    for required in REQUIRED {
        if !col.contains_key(required) {
            return Err(Error::invalid(
                file,
                Some(1),
                required,
                format!(
                    "not a Consolidated Screening List header (missing column `{required}`; found {} columns)",
                    names.len()
                ),
            ));
        }
    }
    Ok(col)
}

/// Adds `entity`, read at `line`, to the list of its `source`. The same
/// party again in that list (another address, another name) is one entity
/// that keeps everything both rows say, and a note says what was added.
fn add(
    builders: &mut Vec<ListBuilder>,
    source: &str,
    entity: Entity,
    line: usize,
    report: &mut ImportReport,
) {
    let idx = match builders.iter().position(|b| b.source == source) {
        Some(i) => i,
        None => {
            builders.push(ListBuilder::new(source));
            builders.len() - 1
        }
    };
    let b = &mut builders[idx];
    if let Some(&first) = b.ids.get(&entity.id) {
        let kept = &mut b.entities[first];
        let added = kept.absorb(entity);
        report.merged += 1;
        let what = added_in_words(&added);
        report.note(
            line,
            "_id",
            format!(
                "same entity `{}` as an earlier row of {}: merged, adding {}",
                kept.id,
                b.meta.id,
                escape_control(&what)
            ),
        );
        return;
    }
    b.ids.insert(entity.id.clone(), b.entities.len());
    b.entities.push(entity);
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// A record rejected for an empty `_id` is not counted in the list's
    /// as-of date: the list is as of its latest kept entry.
    #[test]
    fn a_rejected_record_does_not_date_the_list() {
        let data = b"_id,source,name,start_date\n\
            1,Entity List (EL) - Bureau of Industry and Security,A Co.,2023-05-01\n\
            ,Entity List (EL) - Bureau of Industry and Security,B Co.,2023-09-01\n";
        let imported = parse(data, "dated.csv").expect("parses");
        assert_eq!(imported.report.rejected_here(), 1);
        let list = &imported.lists[0];
        assert_eq!(list.entities.len(), 1);
        assert_eq!(list.meta.as_of, "2023-05-01".parse().ok());
    }
}
