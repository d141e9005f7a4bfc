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

use super::report::{ImportReport, Imported};
use super::{
    AsOfBasis, Date, DesignationList, Entity, EntityKind, Identifier, ListMeta, Period, Reach,
    Relation, RelationKind,
};
use crate::error::{Error, Result};
use std::collections::HashMap;

/// Columns the importer reads (others are ignored).
const REQUIRED: [&str; 2] = ["source", "name"];

/// What we know of each CSL source: (prefix of `source`, list id, list name,
/// authority, legal basis, effect, reach).
const SOURCES: &[(&str, &str, &str, &str, &str, &str, Reach)] = &[
    (
        "Entity List",
        "csl-el",
        "Entity List (EL)",
        "US Department of Commerce, Bureau of Industry and Security",
        "Export Administration Regulations, 15 CFR Part 744, Supplement No. 4",
        "A license is required to export, reexport or transfer items subject to the EAR to listed parties.",
        Reach::NamedOnly,
    ),
    (
        "Military End User",
        "csl-meu",
        "Military End User (MEU) List",
        "US Department of Commerce, Bureau of Industry and Security",
        "15 CFR Part 744, Supplement No. 7 (§744.21)",
        "A license is required for listed items exported to listed military end users.",
        Reach::NamedOnly,
    ),
    (
        "Unverified List",
        "csl-uvl",
        "Unverified List (UVL)",
        "US Department of Commerce, Bureau of Industry and Security",
        "15 CFR Part 744, Supplement No. 6",
        "Exports need a UVL statement; listed parties are ineligible for license exceptions.",
        Reach::NamedOnly,
    ),
    (
        "Denied Persons List",
        "csl-dpl",
        "Denied Persons List (DPL)",
        "US Department of Commerce, Bureau of Industry and Security",
        "Denial orders under 15 CFR Part 764",
        "Listed persons may not participate in exports subject to the EAR.",
        Reach::NamedOnly,
    ),
    (
        "Specially Designated Nationals",
        "csl-sdn",
        "Specially Designated Nationals and Blocked Persons (SDN)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "IEEPA and sanctions programs, 31 CFR Chapter V",
        "Property is blocked; US persons may not deal with listed persons or entities owned 50% or more by them.",
        Reach::Owned50Percent,
    ),
    (
        "Sectoral Sanctions Identifications",
        "csl-ssi",
        "Sectoral Sanctions Identifications List (SSI)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "Executive Order 13662, Directives 1-4",
        "Certain debt, equity and energy dealings are prohibited, including with entities owned 50% or more.",
        Reach::Owned50Percent,
    ),
    (
        "Non-SDN Chinese Military-Industrial Complex",
        "csl-ns-cmic",
        "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "Executive Order 13959, as amended by Executive Order 14032",
        "Purchase or sale of publicly traded securities of listed companies is prohibited.",
        Reach::Owned50Percent,
    ),
    (
        "Non-SDN Menu-Based Sanctions",
        "csl-ns-mbs",
        "Non-SDN Menu-Based Sanctions List (NS-MBS)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "CAATSA and other menu-based sanctions authorities",
        "Selected sanctions from a menu apply to listed persons.",
        Reach::Owned50Percent,
    ),
    (
        "Palestinian Legislative Council",
        "csl-plc",
        "Non-SDN Palestinian Legislative Council List (NS-PLC)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "31 CFR Part 594",
        "Listed PLC members are not blocked, but transactions are restricted.",
        Reach::Owned50Percent,
    ),
    (
        "Foreign Sanctions Evaders",
        "csl-fse",
        "Foreign Sanctions Evaders List (FSE)",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "Executive Order 13608",
        "US persons may not provide or procure goods, services or technology to or from listed persons.",
        Reach::NamedOnly,
    ),
    (
        "Capta List",
        "csl-cap",
        "Correspondent Account or Payable-Through Account Sanctions (CAPTA) List",
        "US Department of the Treasury, Office of Foreign Assets Control",
        "CAATSA and Executive Order 14024",
        "US financial institutions may not open or maintain correspondent or payable-through accounts for listed banks.",
        Reach::Owned50Percent,
    ),
    (
        "Nonproliferation Sanctions",
        "csl-isn",
        "Nonproliferation Sanctions (ISN)",
        "US Department of State, Bureau of International Security and Nonproliferation",
        "Iran, North Korea, and Syria Nonproliferation Act; EO 13382; missile and chemical-biological weapons sanctions laws",
        "Listed parties are subject to nonproliferation sanctions, often including a procurement ban.",
        Reach::NamedOnly,
    ),
    (
        "ITAR Debarred",
        "csl-dtc",
        "ITAR Debarred (DTC)",
        "US Department of State, Directorate of Defense Trade Controls",
        "International Traffic in Arms Regulations, 22 CFR §127.7",
        "Listed parties may not participate in exports of defense articles and services.",
        Reach::NamedOnly,
    ),
];

/// Parses a CSL CSV file's bytes; `file` names it in the report and errors.
///
/// A file that is empty, has no recognisable header or lacks the `source` and
/// `name` columns is an error; a record that cannot be used is rejected with
/// its line and reason and the rest are kept.
pub fn parse(data: &[u8], file: &str) -> Result<Imported> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => {
            return Err(Error::invalid(
                file,
                Some(1),
                "-",
                "empty file: no header row",
            ));
        }
        Some(Err(e)) => {
            return Err(Error::invalid(
                file,
                Some(1),
                "-",
                format!("unreadable header: {e}"),
            ));
        }
        Some(Ok(h)) => h,
    };
    let names: Vec<String> = header
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    let col: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
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

    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.read += 1;
                let line = e.position().map_or(0, |p| p.line() as usize);
                report.reject(line, "-", format!("unreadable record: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().zip(&names).all(|(v, n)| v == n.as_bytes()) && record.len() == names.len()
        {
            report.note(line, "-", "repeated header row skipped");
            continue;
        }
        report.read += 1;
        if record.len() != names.len() {
            report.reject(
                line,
                "-",
                format!(
                    "expected {} fields, found {} (truncated or malformed record)",
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
        let parsed = if treasury {
            ParsedName::plain(raw_name)
        } else {
            split_prose(raw_name)
        };
        if parsed.primary.is_empty() {
            report.reject(
                line,
                "name",
                format!("no name left after reading `{raw_name}`"),
            );
            continue;
        }
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
        if let Some(s) = start {
            latest = Some(latest.map_or(s, |l: Date| l.max(s)));
        }

        let mut aliases = parsed.aliases;
        let mut former = parsed.former;
        for a in split_multi(get("alt_names")) {
            // Treasury aliases are names as given; State and BIS aliases carry
            // prose, and the Nonproliferation list joins its aliases with commas.
            let parts = if source.starts_with("Nonproliferation") {
                split_commas(&a)
            } else {
                vec![a]
            };
            for part in parts {
                let p = if treasury {
                    ParsedName::plain(&clean_alias(&part))
                } else {
                    split_prose(&part)
                };
                for (name, is_former) in std::iter::once((p.primary, false))
                    .chain(p.aliases.into_iter().map(|x| (x, false)))
                    .chain(p.former.into_iter().map(|x| (x, true)))
                {
                    let target = if is_former { &mut former } else { &mut aliases };
                    if !name.is_empty()
                        && !name.starts_with('(')
                        && !target.contains(&name)
                        && name != parsed.primary
                    {
                        target.push(name);
                    }
                }
            }
        }
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
            notes: match get("remarks") {
                "" => None,
                r => Some(r.to_string()),
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
            // The same party again (another address): one entity.
            let kept = &mut b.entities[first];
            for a in entity.addresses {
                if !kept.addresses.contains(&a) {
                    kept.addresses.push(a);
                }
            }
            for c in entity.countries {
                if !kept.countries.contains(&c) {
                    kept.countries.push(c);
                }
            }
            for a in entity.aliases {
                if !kept.aliases.contains(&a) {
                    kept.aliases.push(a);
                }
            }
            report.note(
                line,
                "_id",
                format!(
                    "same entity `{}` as an earlier row of {}: merged",
                    kept.id, b.meta.id
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

struct ListBuilder {
    source: String,
    meta: ListMeta,
    entities: Vec<Entity>,
    ids: HashMap<String, usize>,
}

impl ListBuilder {
    fn new(source: &str) -> ListBuilder {
        let known = SOURCES.iter().find(|s| source.starts_with(s.0));
        let meta = match known {
            Some(&(_, id, name, authority, legal, effect, reach)) => ListMeta {
                authority: authority.to_string(),
                legal_basis: legal.to_string(),
                effect: effect.to_string(),
                source_urls: vec!["https://www.trade.gov/consolidated-screening-list".to_string()],
                reach,
                ..ListMeta::new(id, name)
            },
            None => ListMeta {
                authority: source.rsplit(" - ").next().unwrap_or(source).to_string(),
                legal_basis: "Consolidated Screening List source (not known to this version)"
                    .to_string(),
                effect: "See the issuing agency.".to_string(),
                source_urls: vec!["https://www.trade.gov/consolidated-screening-list".to_string()],
                ..ListMeta::new(&format!("csl-{}", slug(source)), source)
            },
        };
        ListBuilder {
            source: source.to_string(),
            meta,
            entities: Vec::new(),
            ids: HashMap::new(),
        }
    }
}

fn slug(s: &str) -> String {
    // The acronym in parentheses when there is one: "Foo List (FL) - Agency" gives "fl".
    let inner = s
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map_or(s, |(a, _)| a);
    let mut out = String::new();
    for c in inner.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Splits a `; `-joined multi-valued field.
fn split_multi(s: &str) -> Vec<String> {
    s.split("; ")
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// An alias as published, without the prose around it ("and X.", trailing period).
fn clean_alias(a: &str) -> String {
    let a = a.trim();
    let a = a.strip_prefix("and ").unwrap_or(a);
    let a = a.trim_end_matches([';', ',']).trim();
    // A trailing period ends the prose, unless it closes an abbreviation ("Co.", "Ltd.").
    let a = match a.strip_suffix('.') {
        Some(rest) if !ends_with_abbreviation(rest) => rest,
        _ => a,
    };
    collapse_spaces(a)
}

fn ends_with_abbreviation(s: &str) -> bool {
    let last = s.rsplit([' ', ',']).next().unwrap_or("");
    matches!(
        last.to_ascii_lowercase().as_str(),
        "co" | "ltd"
            | "inc"
            | "corp"
            | "llc"
            | "jsc"
            | "s.a"
            | "b.v"
            | "n.v"
            | "co.,ltd"
            | "pte"
            | "bhd"
            | "plc"
            | "gmbh"
            | "l.l.c"
            | "s.a.r.l"
            | "e.v"
    ) || last.len() == 1
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ISO country code ending an address ("..., Beijing, 100033, CN").
fn trailing_country(address: &str) -> Option<String> {
    let last = address.rsplit(',').next()?.trim();
    (last.len() == 2 && last.bytes().all(|b| b.is_ascii_uppercase())).then(|| last.to_string())
}

/// An id entry: `type, number, country` (current layout) or
/// `country, number, type` (legacy layout); the country is optional and the
/// number may contain commas.
fn parse_id(s: &str, legacy: bool) -> Option<Identifier> {
    let parts: Vec<&str> = s.split(", ").map(str::trim).collect();
    let is_cc = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase());
    let (kind, value, country) = match parts.as_slice() {
        [] => return None,
        [one] => ("", one.to_string(), None),
        _ if legacy => {
            let (country, rest) = if is_cc(parts[0]) && parts.len() >= 3 {
                (Some(parts[0].to_string()), &parts[1..])
            } else {
                (None, &parts[..])
            };
            let (kind, number) = rest.split_last()?;
            (*kind, number.join(", "), country)
        }
        _ => {
            let (country, rest) = match parts.split_last() {
                Some((last, rest)) if is_cc(last) && rest.len() >= 2 => {
                    (Some(last.to_string()), rest)
                }
                _ => (None, &parts[..]),
            };
            (rest[0], rest[1..].join(", "), country)
        }
    };
    Some(Identifier {
        kind: kind.to_string(),
        value,
        country,
    })
}

/// A name split into its parts.
#[derive(Debug, Default, PartialEq)]
struct ParsedName {
    primary: String,
    aliases: Vec<String>,
    former: Vec<String>,
    relations: Vec<(RelationKind, String)>,
}

impl ParsedName {
    fn plain(name: &str) -> ParsedName {
        ParsedName {
            primary: collapse_spaces(name),
            ..ParsedName::default()
        }
    }
}

/// Finds `needle` in `hay` ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.to_ascii_lowercase();
    h.find(&needle.to_ascii_lowercase())
}

/// Splits an Entity List style name into the primary name, aliases ("(ACRONYM)",
/// "a.k.a.", "[aka ...]"), former names ("f.k.a.", "formerly") and relations
/// ("Affiliated Entity: ...", "Subordinate Institution - ...", "Parent
/// Organization: ...", "X entity: ...").
fn split_prose(name: &str) -> ParsedName {
    let mut p = ParsedName::default();
    let mut s = collapse_spaces(name);

    // "and its sub-units and successors" and the like end the name.
    for tail in [
        ", and its sub-units and successors",
        " and its sub-units and successors",
        ", and its successors",
        ", and successors",
    ] {
        if let Some(i) = find_ci(&s, tail) {
            s.truncate(i);
        }
    }
    // "(Parent Organization: X)".
    if let Some(i) = find_ci(&s, "(Parent Organization:") {
        let rest = &s[i + "(Parent Organization:".len()..];
        let end = matching_paren(rest).unwrap_or(rest.len());
        let parent = clean_alias(&rest[..end]);
        if !parent.is_empty() {
            p.relations.push((RelationKind::Parent, parent));
        }
        let after = rest.get(end + 1..).unwrap_or("").to_string();
        s = format!("{}{}", &s[..i], after);
    }
    // Relation clauses after the name.
    for (marker, kind) in [
        ("Affiliated Entities:", RelationKind::Affiliate),
        ("Affiliated Entity:", RelationKind::Affiliate),
        ("Subordinate Institutions:", RelationKind::Subsidiary),
        ("Subordinate Institution -", RelationKind::Subsidiary),
        ("Subordinate Institution:", RelationKind::Subsidiary),
        (", and subordinate entity ", RelationKind::Subsidiary),
    ] {
        while let Some(i) = find_ci(&s, marker) {
            let rest = s[i + marker.len()..].to_string();
            s.truncate(i);
            for related in rest.split("; ") {
                let r = clean_alias(related);
                if !r.is_empty() {
                    p.aliases.push(r.clone());
                    p.relations.push((kind, r));
                }
            }
        }
    }
    // "Department of Atomic Energy entity: X".
    if let Some(i) = find_ci(&s, " entity: ") {
        let parent = clean_alias(&s[..i]);
        s = s[i + " entity: ".len()..].to_string();
        if !parent.is_empty() {
            p.relations.push((RelationKind::Parent, parent));
        }
    }
    // "[aka A, aka B]" and "(aka A)".
    while let Some(open) = s.find('[') {
        let close = s[open..].find(']').map_or(s.len(), |c| open + c);
        let inner = s[open + 1..close].to_string();
        aka_list(&inner, &mut p);
        s = format!("{}{}", &s[..open], s.get(close + 1..).unwrap_or(""));
    }
    // Inline "a.k.a." and "f.k.a." (outside brackets).
    let lower = s.to_ascii_lowercase();
    let cut = ["a.k.a.", "f.k.a.", " aka ", "(aka ", "(formerly "]
        .iter()
        .filter_map(|m| lower.find(m))
        .min();
    if let Some(i) = cut {
        let rest = s[i..].to_string();
        s.truncate(i);
        s.truncate(s.trim_end_matches([' ', '(', ',', ';']).len());
        aka_list(&rest, &mut p);
    }
    // Parentheticals.
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = matching_paren(after) else {
            break;
        };
        let inner = after[..close].trim();
        let before = &rest[..open];
        let tail = &after[close + 1..];
        let at_end = tail
            .trim()
            .trim_matches(|c| c == '.' || c == ',')
            .is_empty();
        if is_acronym(inner) || (at_end && is_single_word_name(inner)) {
            // "Long Name (ACR) 3rd Academy" also goes by "ACR 3rd Academy".
            let tail_clean = tail.trim().trim_start_matches(',').trim();
            let alias = if at_end || tail_clean.is_empty() {
                inner.to_string()
            } else {
                format!("{inner} {tail_clean}")
            };
            p.aliases.push(clean_alias(&alias));
            out.push_str(before);
        } else if at_end && descriptive(inner) {
            out.push_str(before);
        } else {
            out.push_str(&rest[..open + 1 + close + 1]);
        }
        rest = tail;
    }
    out.push_str(rest);
    p.primary = clean_alias(&out);
    p.aliases.retain(|a| !a.is_empty());
    p.aliases.dedup();
    p
}

/// Splits a comma-joined alias list ("DPRK Committee for Space Technology,
/// KCST"), keeping commas that belong to a name: before a legal form
/// ("Co., Ltd."), after a single word ("ZAMAN, Haydar"), before lower case.
fn split_commas(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split(", ") {
        let legal = matches!(
            part.trim_end_matches('.').to_ascii_lowercase().as_str(),
            "ltd"
                | "limited"
                | "inc"
                | "llc"
                | "co"
                | "corp"
                | "s.a"
                | "sa"
                | "jsc"
                | "plc"
                | "gmbh"
                | "pte ltd"
        );
        let lower = part.chars().next().is_some_and(char::is_lowercase);
        let words: Vec<&str> = part.split_whitespace().collect();
        let given_name = words.len() <= 2
            && words
                .first()
                .is_some_and(|w| w.chars().any(char::is_lowercase));
        match out.last_mut() {
            Some(prev)
                if legal
                    || lower
                    || (!prev.contains(' ')
                        && prev.chars().all(|c| !c.is_lowercase())
                        && given_name) =>
            {
                prev.push_str(", ");
                prev.push_str(part);
            }
            _ => out.push(part.to_string()),
        }
    }
    out
}

/// Reads "aka A, aka B", "a.k.a. A; f.k.a. B", "formerly C" into aliases and former names.
fn aka_list(text: &str, p: &mut ParsedName) {
    let mut kind_former = false;
    let normalized = text
        .replace("a.k.a.,", "a.k.a.")
        .replace("f.k.a.,", "f.k.a.");
    let mut rest = normalized.as_str();
    loop {
        let lower = rest.to_ascii_lowercase();
        let markers = [
            ("a.k.a.", false),
            ("f.k.a.", true),
            ("aka ", false),
            ("formerly ", true),
        ];
        let next = markers
            .iter()
            .filter_map(|(m, f)| lower.find(m).map(|i| (i, m.len(), *f)))
            .min_by_key(|x| x.0);
        let (chunk, after) = match next {
            Some((i, len, f)) => {
                let chunk = &rest[..i];
                let after = &rest[i + len..];
                push_names(chunk, kind_former, p);
                kind_former = f;
                (None, after)
            }
            None => (Some(rest), ""),
        };
        if let Some(c) = chunk {
            push_names(c, kind_former, p);
            break;
        }
        rest = after;
    }
}

fn push_names(chunk: &str, former: bool, p: &mut ParsedName) {
    let mut chunk = chunk.trim().trim_start_matches('(');
    if chunk.matches(')').count() > chunk.matches('(').count() {
        chunk = chunk.strip_suffix(')').unwrap_or(chunk);
    }
    for part in chunk.split(", aka").flat_map(|x| x.split(';')) {
        let mut part = part.trim();
        // "Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)": two names.
        if let Some(open) = part.rfind('(') {
            let inner = part[open + 1..].trim_end_matches(')').trim();
            if part.ends_with(')') && (is_acronym(inner) || is_single_word_name(inner)) {
                p.aliases.push(inner.to_string());
                part = part[..open].trim();
            }
        }
        let n = clean_alias(part.trim_matches(|c| c == ',' || c == '(' || c == ')'));
        if n.is_empty() || n.len() < 2 {
            continue;
        }
        if former {
            p.former.push(n);
        } else {
            p.aliases.push(n);
        }
    }
}

/// Index of the `)` closing a parenthesis opened just before `s`.
fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// "CASC", "CETC 13", "Chitron-Shenzhen", "SAEN CO.": an acronym or short alias.
fn is_acronym(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || s.len() > 24 {
        return false;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return false;
    }
    let all_upper = letters.iter().all(|c| c.is_uppercase());
    all_upper
        || (words.len() == 1 && s.chars().next().is_some_and(char::is_uppercase) && s.contains('-'))
}

/// "Huawei": one capitalised word.
fn is_single_word_name(s: &str) -> bool {
    !s.contains(' ') && s.chars().next().is_some_and(char::is_uppercase) && s.chars().count() >= 2
}

/// "(Hong Kong Entity)", "(DPRK individual)": a description, not a name.
fn descriptive(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.ends_with("entity") || l.ends_with("individual") || l.ends_with("entities")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_list_prose_is_split() {
        // watchman's CSL parser cases (LESSONS.md).
        let p = split_prose(
            "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Huawei Terminal (Shenzhen) Co., Ltd.",
        );
        assert_eq!(p.primary, "Huawei Technologies Co., Ltd.");
        assert_eq!(
            p.aliases,
            ["Huawei Terminal (Shenzhen) Co., Ltd.", "Huawei"]
        );
        assert_eq!(
            p.relations,
            [(
                RelationKind::Affiliate,
                "Huawei Terminal (Shenzhen) Co., Ltd.".to_string()
            )]
        );

        let p = split_prose(
            "Universal Enterprise Limited [aka General Technology Limited, aka Beijing Luo Luo Tech Development Limited, aka Tiger Force Electronics, aka Foshan Nanhai Winhope Trade Company] (Hong Kong Entity), and its sub-units and successors",
        );
        assert_eq!(p.primary, "Universal Enterprise Limited");
        assert_eq!(
            p.aliases,
            [
                "General Technology Limited",
                "Beijing Luo Luo Tech Development Limited",
                "Tiger Force Electronics",
                "Foshan Nanhai Winhope Trade Company"
            ]
        );

        let p = split_prose(
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13).  Subordinate Institution - MT Microsystems",
        );
        assert_eq!(
            p.primary,
            "China Electronics Technology Group Corporation 13th Research Institute"
        );
        assert!(
            p.aliases.contains(&"CETC 13".to_string())
                && p.aliases.contains(&"MT Microsystems".to_string())
        );
    }

    #[test]
    fn akas_formers_parents_and_mid_name_acronyms() {
        let p = split_prose(
            "Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)",
        );
        assert_eq!(p.primary, "Chitron Electronics Company Ltd.");
        assert!(
            p.aliases
                .contains(&"Chi-Chung Electronics Company Ltd.".to_string()),
            "{p:?}"
        );

        let p = split_prose(
            "Baotou Guanghua Chemical Industrial Corporation (Parent Organization: China National Nuclear Group Corporation (CNNC))",
        );
        assert_eq!(p.primary, "Baotou Guanghua Chemical Industrial Corporation");
        assert_eq!(
            p.relations,
            [(
                RelationKind::Parent,
                "China National Nuclear Group Corporation (CNNC)".to_string()
            )]
        );

        let p = split_prose(
            "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy, 33 Research Institute",
        );
        assert_eq!(
            p.primary,
            "China Aerospace Science and Industry Corporation 3rd Academy, 33 Research Institute"
        );
        assert_eq!(p.aliases, ["CASIC 3rd Academy, 33 Research Institute"]);

        let p = split_prose(
            "Gazprom Telekom, OOO (f.k.a. Obshchestvo s Ogranichennoi Otvetstvennostyu Gazprom Svyaz)",
        );
        assert_eq!(p.primary, "Gazprom Telekom, OOO");
        assert_eq!(
            p.former,
            ["Obshchestvo s Ogranichennoi Otvetstvennostyu Gazprom Svyaz"]
        );
    }

    #[test]
    fn comma_joined_aliases_are_split_where_names_end() {
        assert_eq!(
            split_commas(
                "DPRK Committee for Space Technology, Department of Space Technology of North Korea, KCST"
            ),
            [
                "DPRK Committee for Space Technology",
                "Department of Space Technology of North Korea",
                "KCST"
            ]
        );
        assert_eq!(split_commas("ZAMAN, Haydar"), ["ZAMAN, Haydar"]);
        assert_eq!(
            split_commas("TABA, TABA Co., Iran Cutting Tools Co."),
            ["TABA", "TABA Co.", "Iran Cutting Tools Co."]
        );
        assert_eq!(
            split_commas("CITC, Technology Cooperation Office, TCO"),
            ["CITC", "Technology Cooperation Office", "TCO"]
        );
    }

    #[test]
    fn ids_in_both_layouts() {
        let id = parse_id(
            "Unified Social Credit Code (USCC), 9111000071093019X7, CN",
            false,
        )
        .unwrap();
        assert_eq!(
            (id.kind.as_str(), id.value.as_str(), id.country.as_deref()),
            (
                "Unified Social Credit Code (USCC)",
                "9111000071093019X7",
                Some("CN")
            )
        );
        let id = parse_id("Equity Ticker, CHA US", false).unwrap();
        assert_eq!(
            (id.kind.as_str(), id.value.as_str(), id.country),
            ("Equity Ticker", "CHA US", None)
        );
        let id = parse_id("US, 80-0890696, Tax ID No.", true).unwrap();
        assert_eq!(
            (id.kind.as_str(), id.value.as_str(), id.country.as_deref()),
            ("Tax ID No.", "80-0890696", Some("US"))
        );
    }
}
