//! One record of the Consolidated Screening List made an entity: its
//! fields by column, its names read from their prose, its dates, addresses,
//! identifiers and relations.

use super::fields::{parse_id, split_multi, trailing_country};
use super::prose::{NameReading, read_names};
use crate::list::report::ImportReport;
use crate::list::rows::escape_control;
use crate::list::{Date, Entity, EntityKind, LoadOptions, Period, Relation};
use std::collections::HashMap;

/// A record's fields by column name, trimmed.
pub(super) struct Fields<'a>(HashMap<&'a str, String>);

impl<'a> Fields<'a> {
    /// The fields of `record` under the header's `names`, or the name of
    /// the first field that is not UTF-8.
    pub(super) fn read(names: &'a [String], record: &csv::ByteRecord) -> Result<Self, &'a str> {
        let mut fields = HashMap::new();
        for (n, v) in names.iter().zip(record.iter()) {
            let s = std::str::from_utf8(v).map_err(|_| n.as_str())?;
            fields.insert(n.as_str(), s.trim().to_string());
        }
        Ok(Fields(fields))
    }

    /// The field of column `k`, empty when the file has no such column.
    pub(super) fn get(&self, k: &str) -> &str {
        self.0.get(k).map(String::as_str).unwrap_or("")
    }
}

/// An entity read from one record, with its listing's start date.
pub(super) struct Read {
    pub entity: Entity,
    pub start: Option<Date>,
}

/// The entity of the record at `line`, or `None` when the record is
/// rejected (the reason in `report`). `legacy`: the 28-column layout,
/// without `_id`.
pub(super) fn entity(
    f: &Fields,
    line: usize,
    legacy: bool,
    options: &LoadOptions,
    report: &mut ImportReport,
) -> Option<Read> {
    let source = f.get("source");
    let raw_name = f.get("name");
    if source.is_empty() {
        report.reject(line, "source", "empty source");
        return None;
    }
    if raw_name.is_empty() {
        report.reject(line, "name", "empty name");
        return None;
    }
    let parsed = read_names(
        raw_name,
        f.get("alt_names"),
        source.contains("Treasury"),
        source.starts_with("Nonproliferation"),
    );
    if parsed.primary.is_empty() {
        report.reject(
            line,
            "name",
            format!("no name left after reading `{}`", escape_control(raw_name)),
        );
        return None;
    }
    count_prose(&parsed, report);
    let (start, end) = dates(f, line, options, report);
    let id = entity_id(f, legacy, line, report)?;
    let addresses: Vec<String> = split_multi(f.get("addresses"))
        .into_iter()
        .map(|a| a.trim_start_matches("and ").trim().to_string())
        .collect();
    let fr = f.get("federal_register_notice");
    let kind = kind(f.get("type"), source, &parsed.primary);
    let entity = Entity {
        id,
        name: parsed.primary,
        aliases: parsed.aliases,
        weak_aliases: Vec::new(),
        former_names: parsed.former,
        original_names: Vec::new(),
        kind,
        countries: countries(&addresses),
        addresses,
        identifiers: split_multi(f.get("ids"))
            .iter()
            .filter_map(|s| parse_id(s, legacy))
            .collect(),
        programs: split_multi(f.get("programs")),
        periods: if start.is_none() && end.is_none() {
            Vec::new()
        } else {
            vec![Period {
                start,
                end,
                citation: (!fr.is_empty()).then(|| fr.to_string()),
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
        citation: citation(source, fr, f.get("source_list_url")),
        notes: notes(parsed.notes, f.get("remarks")),
    };
    Some(Read { entity, start })
}

/// Adds what reading the name's prose found to the report's counts.
fn count_prose(parsed: &NameReading, report: &mut ImportReport) {
    let c = &parsed.counts;
    let t = &mut report.prose;
    t.parenthetical_aliases += c.parenthetical_aliases;
    t.aka += c.aka;
    t.former += c.former;
    t.reach_notes += c.reach_notes;
    t.related += c.related;
    t.and_fragments += c.and_fragments;
    t.tight_separators += c.tight_separators;
}

/// The listing's start and end dates. A date that does not read, or a
/// start date `options` finds implausible, is noted and left out. NS-CMIC
/// rows carry their listing date among the ids only.
fn dates(
    f: &Fields,
    line: usize,
    options: &LoadOptions,
    report: &mut ImportReport,
) -> (Option<Date>, Option<Date>) {
    let mut date = |field: &str| -> Option<Date> {
        let v = f.get(field);
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
    let start = date("start_date").or_else(|| {
        split_multi(f.get("ids"))
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
    (start, end)
}

/// The entity's id: the CSL `_id` (a record without one is rejected), or
/// in the legacy layout its `entity_number`, else a stable id of its
/// source, name and start date.
fn entity_id(f: &Fields, legacy: bool, line: usize, report: &mut ImportReport) -> Option<String> {
    if legacy {
        return Some(match f.get("entity_number") {
            "" => super::super::stable_id(&[f.get("source"), f.get("name"), f.get("start_date")]),
            n => n.to_string(),
        });
    }
    match f.get("_id") {
        "" => {
            report.reject(line, "_id", "empty _id");
            None
        }
        id => Some(id.to_string()),
    }
}

/// The countries the addresses end with, each once, in order.
fn countries(addresses: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for cc in addresses.iter().filter_map(|a| trailing_country(a)) {
        if !out.contains(&cc) {
            out.push(cc);
        }
    }
    out
}

/// The kind the `type` column gives; when it gives none, for the sources
/// that list people mostly (the Denied Persons List, ITAR debarred parties)
/// as the name reads ([`crate::list::untyped::kind_of`]), for the others
/// (Entity List, Unverified List, MEU, nonproliferation: companies mostly,
/// often named in words no table knows) an organisation.
fn kind(t: &str, source: &str, name: &str) -> EntityKind {
    match t.to_ascii_lowercase().as_str() {
        "individual" => EntityKind::Individual,
        "vessel" => EntityKind::Vessel,
        "aircraft" => EntityKind::Aircraft,
        "" if crate::list::untyped::LISTS_OF_PEOPLE
            .iter()
            .any(|s| source.starts_with(s)) =>
        {
            crate::list::untyped::kind_of(name)
        }
        _ => EntityKind::Organization,
    }
}

/// The citation: the source, with its Federal Register notice and its
/// list's URL where given.
fn citation(source: &str, fr: &str, url: &str) -> String {
    match (fr, url) {
        ("", "") => source.to_string(),
        ("", url) => format!("{source}: {url}"),
        (fr, "") => format!("{source}: {fr}"),
        (fr, url) => format!("{source}: {fr}; {url}"),
    }
}

/// The notes: what reading the name's prose left over, then the remarks.
fn notes(mut notes: Vec<String>, remarks: &str) -> Option<String> {
    if !remarks.is_empty() {
        notes.push(remarks.to_string());
    }
    (!notes.is_empty()).then(|| notes.join(" | "))
}
