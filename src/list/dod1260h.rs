//! The DoD §1260H list as a CSV transcription of its editions (`dod1260h`):
//! `Name, Clean Name, Alias, Previous Name, Parent Name, Note, Start date,
//! End date, Source Url`, one row per company per edition.
//!
//! Rows of one company (its `Clean Name`, ignoring case, punctuation,
//! curly quotes and the PDF's `*` footnote marker) become one entity with a
//! period per row: an edition's start date, the removal date when the row
//! has one, and the edition's URL. The name as printed (with its
//! parenthesised alias) and the `Alias` stay names; `Previous Name` gives
//! former names; `Parent Name` a parent relation (to the parent's entity
//! when the parent is listed too). The file says nothing of companies left
//! out of a later edition, so neither does the import: such an entity stays
//! in force unless a row ends it. The `Note` column (the transcriber's
//! wording) is not read.
//!
//! ```
//! let data = "Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n\
//!     Hangzhou Hikvision Digital Technology Co. Ltd. (Hikvision)*,Hangzhou Hikvision Digital Technology Co. Ltd.,Hikvision,,,,2021-06-03,,\n\
//!     Hangzhou Hikvision Digital Technology Co. Ltd. (Hikvision),Hangzhou Hikvision Digital Technology Co. Ltd.,Hikvision,,,,2025-01-07,,https://media.defense.gov/2025/x.pdf\n";
//! let i = vendor_screen::list::dod1260h::parse(data.as_bytes(), "1260h.csv")?;
//! let e = &i.lists[0].entities[0];
//! assert_eq!((e.periods.len(), i.report.merged), (2, 1));
//! assert!(e.aliases.iter().any(|a| a == "Hikvision"));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use super::report::{ImportReport, Imported};
use super::rows::Table;
use super::{
    AsOfBasis, Date, DesignationList, Entity, ListMeta, LoadOptions, Period, Reach, Relation,
    RelationKind,
};
use crate::error::Result;
use crate::list::merge::added_in_words;
use std::collections::HashMap;

/// The header that identifies the format.
pub const HEADER: [&str; 9] = [
    "Name",
    "Clean Name",
    "Alias",
    "Previous Name",
    "Parent Name",
    "Note",
    "Start date",
    "End date",
    "Source Url",
];

const RELEASES: &str = "https://www.defense.gov/News/Releases/Search/1260H/";

/// Parses the §1260H CSV (a file cut off mid-record is an error).
pub fn parse(data: &[u8], file: &str) -> Result<Imported> {
    parse_with(data, file, &LoadOptions::default())
}

/// A company's grouping key: case, quotes, punctuation and the `*` marker
/// ignored.
fn key(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim_end_matches('*').chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn clean(name: &str) -> String {
    name.trim_end_matches('*')
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses the §1260H CSV with options.
pub fn parse_with(data: &[u8], file: &str, options: &LoadOptions) -> Result<Imported> {
    let mut report = ImportReport::new(file, "dod1260h");
    let t = Table::read(data, b',', &mut report, options, 0)?;
    let columns = Columns::of(&t, file)?;
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut parents: Vec<Vec<String>> = Vec::new();
    let mut latest: Option<Date> = None;
    for (line, f) in &t.records {
        let Some(row) = columns.row(f, *line, options, &mut report) else {
            continue;
        };
        for d in row.dated.into_iter().flatten() {
            latest = Some(latest.map_or(d, |l: Date| l.max(d)));
        }
        let k = key(&row.entity.name);
        match by_key.get(&k) {
            Some(&i) => {
                let added = entities[i].absorb(row.entity);
                if !row.parent.is_empty() && !parents[i].contains(&row.parent) {
                    parents[i].push(row.parent);
                }
                report.merged += 1;
                let what = added_in_words(&added);
                report.note(
                    *line,
                    "Clean Name",
                    format!("another edition of entity {k}: merged, adding {what}"),
                );
            }
            None => {
                by_key.insert(k, entities.len());
                entities.push(row.entity);
                parents.push(if row.parent.is_empty() {
                    Vec::new()
                } else {
                    vec![row.parent]
                });
            }
        }
    }
    link_parents(&mut entities, parents, &by_key);
    let lists = vec![DesignationList {
        meta: meta(latest),
        entities,
    }];
    report.count(&lists);
    Ok(Imported { lists, report })
}

/// Where the columns the import reads stand.
struct Columns {
    printed: usize,
    clean: usize,
    alias: usize,
    previous: usize,
    parent: usize,
    start: usize,
    end: usize,
    url: usize,
}

/// One row read: an edition's entry for a company, the parent it is listed
/// under (empty for none), and its start and end dates.
struct Row {
    entity: Entity,
    parent: String,
    dated: [Option<Date>; 2],
}

impl Columns {
    /// The columns of `t`; an error names a missing one.
    fn of(t: &Table, file: &str) -> Result<Columns> {
        let c = |n: &str| t.column(file, n);
        Ok(Columns {
            printed: c("Name")?,
            clean: c("Clean Name")?,
            alias: c("Alias")?,
            previous: c("Previous Name")?,
            parent: c("Parent Name")?,
            start: c("Start date")?,
            end: c("End date")?,
            url: c("Source Url")?,
        })
    }

    /// The edition's entry a row's fields write; `None`, with the row
    /// rejected, when its clean name is empty.
    fn row(
        &self,
        f: &[String],
        line: usize,
        options: &LoadOptions,
        report: &mut ImportReport,
    ) -> Option<Row> {
        let name = clean(&f[self.clean]);
        if name.is_empty() {
            report.reject(line, "Clean Name", "empty name");
            return None;
        }
        let mut date = |col: usize, field: &str, start: bool| {
            options.date_cell(&f[col], start, (line, field), report)
        };
        let (s, e) = (
            date(self.start, "Start date", true),
            date(self.end, "End date", false),
        );
        let edition = match s {
            Some(d) => format!("DoD Section 1260H list, edition {d}"),
            None => "DoD Section 1260H list".to_string(),
        };
        let source = if f[self.url].is_empty() {
            RELEASES
        } else {
            f[self.url].as_str()
        };
        let mut entity = Entity::new(&key(&name), &name, &format!("{edition}: {source}"));
        let as_printed = clean(&f[self.printed]);
        for a in std::iter::once(as_printed.as_str())
            .chain(f[self.alias].split(';').map(str::trim))
            .filter(|a| !a.is_empty() && *a != name)
        {
            entity.aliases.push(a.to_string());
        }
        entity.former_names = f[self.previous]
            .split(';')
            .map(clean)
            .filter(|p| !p.is_empty())
            .collect();
        entity.countries.push("CN".to_string());
        entity.periods.push(Period {
            start: s,
            end: e,
            citation: Some(source.to_string()),
            action: s.map(|d| format!("named in the {d} edition")),
        });
        Some(Row {
            entity,
            parent: clean(&f[self.parent]),
            dated: [s, e],
        })
    }
}

/// Each entity's parents as relations, to the parent's entity where it is
/// listed too.
fn link_parents(
    entities: &mut [Entity],
    parents: Vec<Vec<String>>,
    by_key: &HashMap<String, usize>,
) {
    for (e, ps) in entities.iter_mut().zip(parents) {
        for p in ps {
            let target = by_key.get(&key(&p)).map(|_| key(&p)).filter(|t| *t != e.id);
            e.relations.push(Relation {
                kind: RelationKind::Parent,
                target,
                name: p,
                share: None,
                citation: Some("DoD Section 1260H list: listed under this parent".to_string()),
            });
        }
    }
}

/// What the §1260H list is, dated by its latest entry.
fn meta(latest: Option<Date>) -> ListMeta {
    ListMeta {
        authority: "US Department of Defense (Department of War)".to_string(),
        legal_basis: "Section 1260H of the William M. (Mac) Thornberry NDAA for FY2021 (Pub. L. 116-283), as amended".to_string(),
        effect: "DoD may not contract, directly or indirectly, with listed entities (FY2024 NDAA §805).".to_string(),
        source_urls: vec![RELEASES.to_string()],
        as_of: latest,
        as_of_basis: AsOfBasis::of_latest_entry(latest),
        reach: Reach::NamedWithListedParents,
        ..ListMeta::new("dod-1260h-csv", "DoD Section 1260H list (CSV of its editions)")
    }
}
