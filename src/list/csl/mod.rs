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
mod sources;

use super::report::{ImportReport, Imported};
use super::rows::{escape_control, header_names, is_cut, read_rows, truncated};
use super::{
    AsOfBasis, Date, DesignationList, Entity, EntityKind, ListMeta, LoadOptions, Period, Relation,
};
use crate::error::{Error, Result};
use fields::{parse_id, split_multi, trailing_country};
use prose::read_names;
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
        let mut fields: HashMap<&str, String> = HashMap::new();
        let mut bad_utf8 = None;
        for (n, v) in names.iter().zip(record.iter()) {
            match std::str::from_utf8(v) {
                Ok(s) => {
                    fields.insert(n.as_str(), s.trim().to_string());
                }
                Err(_) => {
                    bad_utf8 = Some(n.clone());
                    break;
                }
            }
        }
        if let Some(field) = bad_utf8 {
            report.reject(line, &field, "invalid UTF-8");
            continue;
        }
        let get = |k: &str| fields.get(k).map(String::as_str).unwrap_or("");
        let source = get("source");
        let raw_name = get("name");
        if source.is_empty() {
            report.reject(line, "source", "empty source");
            continue;
        }
        if raw_name.is_empty() {
            report.reject(line, "name", "empty name");
            continue;
        }
        let treasury = source.contains("Treasury");
        let parsed = read_names(
            raw_name,
            get("alt_names"),
            treasury,
            source.starts_with("Nonproliferation"),
        );
        if parsed.primary.is_empty() {
            report.reject(
                line,
                "name",
                format!("no name left after reading `{}`", escape_control(raw_name)),
            );
            continue;
        }
        let c = &parsed.counts;
        let t = &mut report.prose;
        t.parenthetical_aliases += c.parenthetical_aliases;
        t.aka += c.aka;
        t.former += c.former;
        t.reach_notes += c.reach_notes;
        t.related += c.related;
        t.and_fragments += c.and_fragments;
        t.tight_separators += c.tight_separators;
        let mut date = |field: &str| -> Option<Date> {
            let v = get(field);
            if v.is_empty() {
                return None;
            }
            match v.parse() {
                Ok(d) => Some(d),
                Err(e) => {
                    report.note(line, field, format!("date not read: {e}"));
                    None
                }
            }
        };
        // NS-CMIC rows carry their listing date among the ids only.
        let start = date("start_date").or_else(|| {
            split_multi(get("ids"))
                .iter()
                .find_map(|i| i.strip_prefix("Listing Date (CMIC), "))
                .and_then(|d| d.parse().ok())
        });
        let end = date("end_date");
        let start = match start.map(|d| (d, options.implausible(d))) {
            Some((_, Some(why))) => {
                report.note(line, "start_date", why);
                None
            }
            other => other.map(|(d, _)| d),
        };
        if let Some(s) = start {
            latest = Some(latest.map_or(s, |l: Date| l.max(s)));
        }

        let (aliases, former) = (parsed.aliases, parsed.former);
        let addresses: Vec<String> = split_multi(get("addresses"))
            .into_iter()
            .map(|a| a.trim_start_matches("and ").trim().to_string())
            .collect();
        let mut countries: Vec<String> = Vec::new();
        for a in &addresses {
            if let Some(cc) = trailing_country(a) {
                if !countries.contains(&cc) {
                    countries.push(cc);
                }
            }
        }
        let kind = match get("type").to_ascii_lowercase().as_str() {
            "individual" => EntityKind::Individual,
            "vessel" => EntityKind::Vessel,
            "aircraft" => EntityKind::Aircraft,
            _ => EntityKind::Organization,
        };
        let id = if legacy {
            match get("entity_number") {
                "" => super::stable_id(&[source, raw_name, get("start_date")]),
                n => n.to_string(),
            }
        } else {
            match get("_id") {
                "" => {
                    report.reject(line, "_id", "empty _id");
                    continue;
                }
                id => id.to_string(),
            }
        };
        let citation = match (get("federal_register_notice"), get("source_list_url")) {
            ("", "") => source.to_string(),
            ("", url) => format!("{source}: {url}"),
            (fr, "") => format!("{source}: {fr}"),
            (fr, url) => format!("{source}: {fr}; {url}"),
        };
        let entity = Entity {
            id,
            name: parsed.primary,
            aliases,
            weak_aliases: Vec::new(),
            former_names: former,
            original_names: Vec::new(),
            kind,
            countries,
            addresses,
            identifiers: split_multi(get("ids"))
                .iter()
                .filter_map(|s| parse_id(s, legacy))
                .collect(),
            programs: split_multi(get("programs")),
            periods: if start.is_none() && end.is_none() {
                Vec::new()
            } else {
                vec![Period {
                    start,
                    end,
                    citation: (!get("federal_register_notice").is_empty())
                        .then(|| get("federal_register_notice").to_string()),
                    action: None,
                }]
            },
            relations: parsed
                .relations
                .into_iter()
                .map(|(kind, name)| Relation {
                    kind,
                    target: None,
                    name,
                    share: None,
                    citation: Some(format!("{source}, name as published: {raw_name}")),
                })
                .collect(),
            citation,
            notes: {
                let mut notes: Vec<String> = parsed.notes;
                if !get("remarks").is_empty() {
                    notes.push(get("remarks").to_string());
                }
                (!notes.is_empty()).then(|| notes.join(" | "))
            },
        };

        let idx = match builders.iter().position(|b| b.source == source) {
            Some(i) => i,
            None => {
                builders.push(ListBuilder::new(source));
                builders.len() - 1
            }
        };
        let b = &mut builders[idx];
        if let Some(&first) = b.ids.get(&entity.id) {
            // The same party again (another address, another name): one
            // entity that keeps everything both rows say.
            let kept = &mut b.entities[first];
            let added = kept.absorb(entity);
            report.merged += 1;
            let what = if added.is_empty() {
                "nothing new".to_string()
            } else {
                added.join(", ")
            };
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
            continue;
        }
        b.ids.insert(entity.id.clone(), b.entities.len());
        b.entities.push(entity);
    }

    let lists: Vec<DesignationList> = builders
        .into_iter()
        .map(|b| DesignationList {
            meta: ListMeta {
                as_of: latest,
                as_of_basis: if latest.is_some() {
                    AsOfBasis::LatestEntry
                } else {
                    AsOfBasis::Unknown
                },
                ..b.meta
            },
            entities: b.entities,
        })
        .collect();
    report.count(&lists);
    Ok(Imported { lists, report })
}
