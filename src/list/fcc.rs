//! The FCC Covered List (`fcc`), in its two machine-readable shapes:
//!
//! - the entity sheet, `;`-delimited with a BOM: `Covered Equipment or
//!   Services; Date of Inclusion on Covered List; Entity Name; Subsidiary
//!   Names`;
//! - the page's table, `covered_equipment_or_services,
//!   date_of_inclusion_on_covered_list`, where the entity is named in prose
//!   ("... equipment produced by Huawei Technologies Company, including ...")
//!   and newer entries are categories ("produced in a foreign country").
//!
//! Dates are written `March 12, 2021`. Category-wide entries are recorded in
//! the list's categories, never matched against names.
//!
//! ```
//! let data = "covered_equipment_or_services,date_of_inclusion_on_covered_list\r\n\"Telecommunications equipment produced by ZTE Corporation, including telecommunications or video surveillance services provided by such entity or using such equipment.\",\"March 12, 2021\"\r\n\"Routers produced in a foreign country.\",\"March 23, 2026\"\r\n";
//! let i = vendor_screen::list::fcc::parse(data.as_bytes(), "table.csv")?;
//! let list = &i.lists[0];
//! assert_eq!(list.entities[0].name, "ZTE Corporation");
//! assert_eq!(list.meta.categories.len(), 1);
//! assert!(i.report.reconciles());
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::report::{ImportReport, Imported};
use super::rows::{Table, escape_control, prose_date};
use super::{
    AsOfBasis, Category, Date, DesignationList, Entity, ListMeta, LoadOptions, Period, Reach,
    Relation, RelationKind,
};
use crate::error::{Error, Result};

/// The entity sheet's header (`;`-delimited).
pub const HEADER_ENTITIES: [&str; 4] = [
    "Covered Equipment or Services",
    "Date of Inclusion on Covered List",
    "Entity Name",
    "Subsidiary Names",
];

/// The page table's header.
pub const HEADER_TABLE: [&str; 2] = [
    "covered_equipment_or_services",
    "date_of_inclusion_on_covered_list",
];

/// Parses either shape, told apart by the header (a file cut off
/// mid-record is an error).
pub fn parse(data: &[u8], file: &str) -> Result<Imported> {
    parse_with(data, file, &LoadOptions::default())
}

/// Parses either shape with options.
pub fn parse_with(data: &[u8], file: &str, options: &LoadOptions) -> Result<Imported> {
    let first = String::from_utf8_lossy(&data[..data.len().min(512)]);
    let delimiter = if first.lines().next().unwrap_or("").contains(';') {
        b';'
    } else {
        b','
    };
    let mut report = ImportReport::new(file, "fcc");
    let t = Table::read(data, delimiter, &mut report, options, 2)?;
    let sheet = t.header == HEADER_ENTITIES;
    if !sheet && t.header != HEADER_TABLE {
        return Err(Error::invalid(
            file,
            Some(1),
            "-",
            format!(
                "not an FCC Covered List header (expected `{}` or `{}`)",
                HEADER_ENTITIES.join(";"),
                HEADER_TABLE.join(",")
            ),
        ));
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut categories: Vec<Category> = Vec::new();
    let mut latest: Option<Date> = None;
    for (line, f) in &t.records {
        let (description, date_text) = (&f[0], &f[1]);
        let date = row_date(date_text, *line, &t.header[1], options, &mut report);
        if let Some(d) = date {
            latest = Some(latest.map_or(d, |l: Date| l.max(d)));
        }
        let citation = match date {
            Some(d) => format!("FCC Covered List, entry of {d}: {description}"),
            None => format!("FCC Covered List: {description}"),
        };
        let (name, subsidiaries) = if sheet {
            let subs = f[3]
                .split([';', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            (f[2].clone(), subs)
        } else {
            entity_in_prose(description)
        };
        if name.is_empty() {
            if is_category(description) {
                categories.push(Category {
                    description: description.clone(),
                    added: date,
                    citation,
                });
                report.skip(
                    *line,
                    "a category-wide entry, recorded in the list's categories (never matched against names)",
                );
            } else {
                report.reject(*line, "-", "no entity named and not a category-wide entry");
            }
            continue;
        }
        let mut e = Entity::new(&super::stable_id(&[&name]), &name, &citation);
        for s in subsidiaries {
            e.relations.push(Relation {
                kind: RelationKind::Subsidiary,
                target: None,
                name: s,
                share: None,
                citation: Some(citation.clone()),
            });
        }
        if date.is_some() {
            e.periods.push(Period::new(date, None));
        }
        entities.push(e);
    }
    let lists = vec![DesignationList {
        meta: meta(latest, categories),
        entities,
    }];
    report.count(&lists);
    Ok(Imported { lists, report })
}

/// The date of a row's date cell, with a note where it is not read, holds
/// more than a date (the page's later updates: the first is taken) or is
/// implausible (then none).
fn row_date(
    text: &str,
    line: usize,
    field: &str,
    options: &LoadOptions,
    report: &mut ImportReport,
) -> Option<Date> {
    let date = prose_date(text);
    match date {
        None if !text.is_empty() => report.note(
            line,
            field,
            format!("date not read: `{}`", escape_control(text)),
        ),
        Some(d) if text.len() > d.to_string().len() + 10 => report.note(
            line,
            field,
            "more than a date in the cell (the page's later updates): the first date taken",
        ),
        _ => {}
    }
    match date.map(|d| (d, options.implausible(d))) {
        Some((_, Some(why))) => {
            report.note(line, field, why);
            None
        }
        other => other.map(|(d, _)| d),
    }
}

/// The list's metadata: the FCC's authority and rule, current to its
/// latest entry.
fn meta(latest: Option<Date>, categories: Vec<Category>) -> ListMeta {
    ListMeta {
        authority: "Federal Communications Commission, Public Safety and Homeland Security Bureau".to_string(),
        legal_basis: "Secure and Trusted Communications Networks Act of 2019, 47 U.S.C. §1601 et seq.; 47 CFR §1.50002".to_string(),
        effect: "Universal Service Fund support may not be used for covered equipment or services, and the FCC does not authorise covered equipment.".to_string(),
        source_urls: vec!["https://www.fcc.gov/supplychain/coveredlist".to_string()],
        as_of: latest,
        as_of_basis: AsOfBasis::of_latest_entry(latest),
        reach: Reach::SubsidiariesAndAffiliates,
        categories,
        ..ListMeta::new("fcc-covered-csv", "FCC Covered List (CSV)")
    }
}

/// Whether an entry covers a category ("produced in a foreign country",
/// "Foreign-produced ...") rather than a named entity.
fn is_category(description: &str) -> bool {
    let l = description.to_ascii_lowercase();
    l.contains("produced in a foreign country") || l.starts_with("foreign-produced")
}

/// The entity an entry names: the words after "by" up to the qualifying
/// clause, and a subsidiary the entry names with it.
fn entity_in_prose(description: &str) -> (String, Vec<String>) {
    if is_category(description) {
        return (String::new(), Vec::new());
    }
    let Some(at) = description.find(" by ") else {
        return (String::new(), Vec::new());
    };
    let rest = &description[at + 4..];
    let stops = [
        ", including",
        ", to the extent",
        " or any of its",
        ", subject to",
        " subject to section",
        " and its wholly-owned subsidiary",
    ];
    let end = stops
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end]
        .trim()
        .trim_end_matches([',', '.'])
        .trim()
        .to_string();
    let mut subsidiaries = Vec::new();
    let marker = " and its wholly-owned subsidiary ";
    if let Some(i) = rest.find(marker) {
        let after = &rest[i + marker.len()..];
        let stop = after.find(" subject to").unwrap_or(after.len());
        let s = after[..stop].trim().trim_end_matches([',', '.']).trim();
        if !s.is_empty() {
            subsidiaries.push(s.to_string());
        }
    }
    (name, subsidiaries)
}

#[cfg(test)]
mod tests {
    use super::entity_in_prose;

    #[test]
    fn entities_are_read_out_of_the_prose() {
        for (text, name) in [
            (
                "Information security products, solutions, and services supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors, successors, parents, subsidiaries, or affiliates.",
                "AO Kaspersky Lab",
            ),
            (
                "Telecommunications services provided by China Telecom (Americas) Corp. subject to section 214 of the Communications Act of 1934.",
                "China Telecom (Americas) Corp",
            ),
            (
                "International telecommunications services provided by Digitalsystem Technology Inc., subject to section 214 of the Communications Act of 1934.",
                "Digitalsystem Technology Inc",
            ),
            (
                "Cybersecurity and anti-virus software produced or provided by Kaspersky Lab, Inc. or any of its successors and assignees.",
                "Kaspersky Lab, Inc",
            ),
        ] {
            assert_eq!(entity_in_prose(text).0, name);
        }
        let (name, subs) = entity_in_prose(
            "International telecommunications services provided by Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA) LLC subject to section 214 of the Communications Act of 1934.",
        );
        assert_eq!(
            (name.as_str(), subs),
            (
                "Pacific Networks Corp",
                vec!["ComNet (USA) LLC".to_string()]
            )
        );
    }
}
