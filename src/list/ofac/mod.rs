//! OFAC's legacy CSV sets (`ofac`): `sdn.csv` with `alt.csv`, `add.csv` and
//! `sdn_comments.csv` beside it when present, or the consolidated non-SDN
//! `cons_prim.csv` with `cons_alt.csv`, `cons_add.csv` and `cons_comments.csv`.
//!
//! No header row, CRLF, `-0-` for empty, a trailing 0x1A byte. Aliases come
//! from the alias file. The quoted `a.k.a. '...'` (and `n.k.a. '...'`) of the
//! remarks are OFAC's weak aliases ([`Entity::weak_aliases`]): the delimited
//! files keep them out of the alias file (in the 2021 set, none of the
//! quoted remark a.k.a.s of 1,254 entries is in `alt.csv`), and OFAC's FAQ
//! 122 and 124 say what they are and that they need not be screened for. A
//! quoted `f.k.a. '...'` gives a former name. `Linked To: X.` in the remarks
//! becomes an affiliate relation.
//!
//! ```
//! let prim = b"306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n\x1a";
//! let imported = vendor_screen::list::ofac::parse_set(prim, "sdn.csv", None, None, None)?;
//! let e = &imported.lists[0].entities[0];
//! assert_eq!(e.weak_aliases, ["BNC"]);
//! assert!(e.aliases.is_empty());
//! assert_eq!(imported.report.prose.weak_aliases, 1);
//! # Ok::<(), vendor_screen::Error>(())
//! ```

mod remarks;

use super::report::{CompanionReport, ImportReport, Imported};
use super::rows::{escape_control, is_cut, read_rows, text, truncated};
use super::{
    AsOfBasis, Companion, Date, DesignationList, Entity, EntityKind, ListMeta, LoadOptions, Reach,
    SourceFile,
};
use crate::error::{Error, Result};
use remarks::{latest_remark_date, read_entry_remarks};
use std::collections::HashMap;
use std::path::Path;

/// The rows of one OFAC CSV file: (line, fields with `-0-` as empty), and
/// its counts. A row that is OFAC's end-of-file byte is skipped; a last row
/// cut short is a truncation (an error unless partial loading is on); other
/// unusable rows are rejected, each naming `file`.
struct Rows {
    rows: Vec<(usize, Vec<String>)>,
    read: usize,
    rejected: usize,
    skipped: usize,
}

/// Column names of the primary file (`sdn.csv`, `cons_prim.csv`).
const PRIMARY: [&str; 12] = [
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
];
const ALT: [&str; 5] = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"];
const ADD: [&str; 6] = [
    "ent_num",
    "Add_num",
    "Address",
    "City/State/Province/Postal Code",
    "Country",
    "Add_remarks",
];
const COMMENTS: [&str; 2] = ["ent_num", "remarks_continuation"];

fn rows(
    data: &[u8],
    file: &str,
    names: &[&str],
    report: &mut ImportReport,
    options: &LoadOptions,
) -> Result<Rows> {
    let columns = names.len();
    let all = read_rows(data, b',');
    let mut out = Rows {
        rows: Vec::with_capacity(all.len()),
        read: 0,
        rejected: 0,
        skipped: 0,
    };
    let is_eof = |r: &csv::ByteRecord| {
        r.len() == 1 && r[0].iter().all(|&b| b == 0x1A || b.is_ascii_whitespace())
    };
    // The last real row (not the end-of-file byte) is where a cut shows.
    let last = all.iter().rposition(|r| !is_eof(&r.record));
    for (n, row) in all.iter().enumerate() {
        out.read += 1;
        let (line, record) = (row.line, &row.record);
        if is_eof(record) {
            out.skipped += 1;
            if record[0].contains(&0x1A) {
                report.note_in(file, line, "-", "end-of-file byte (0x1A) skipped");
            } else {
                report.note_in(file, line, "-", "blank row skipped");
            }
            continue;
        }
        if Some(n) == last && is_cut(row, columns, data) {
            let mut sub = ImportReport::new(file, "ofac");
            truncated(&mut sub, options, row, names, 1)?;
            out.rejected += 1;
            report.rejected.extend(sub.rejected);
            report.truncated = sub.truncated;
            continue;
        }
        if record.len() != columns {
            out.rejected += 1;
            report.reject_in(
                file,
                line,
                "-",
                format!("expected {columns} fields, found {}", record.len()),
            );
            continue;
        }
        let fields: Option<Vec<String>> = record
            .iter()
            .map(|v| {
                text(v).map(|s| {
                    if s == "-0-" {
                        String::new()
                    } else {
                        s.to_string()
                    }
                })
            })
            .collect();
        match fields {
            Some(fields) => out.rows.push((line, fields)),
            None => {
                out.rejected += 1;
                report.reject_in(file, line, "-", "invalid UTF-8");
            }
        }
    }
    Ok(out)
}

/// Loads an OFAC set from the primary file's path, reading its companions
/// (`alt`, `add`, `comments`) from the same directory when they exist.
pub fn load(path: &Path, primary: &[u8], options: &LoadOptions) -> Result<Imported> {
    let file = path.display().to_string();
    let stem = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
    let (alt, add, comments) = if stem.starts_with("cons_") {
        ("cons_alt.csv", "cons_add.csv", "cons_comments.csv")
    } else {
        ("alt.csv", "add.csv", "sdn_comments.csv")
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let read = |name: &str| -> Result<Option<(Vec<u8>, String)>> {
        let p = dir.join(name);
        if !p.exists() {
            return Ok(None);
        }
        let data = std::fs::read(&p).map_err(|source| Error::Io {
            path: p.clone(),
            source,
        })?;
        Ok(Some((data, p.display().to_string())))
    };
    let (alt, add, comments) = (read(alt)?, read(add)?, read(comments)?);
    let mut imported = parse_set_with(
        primary,
        &file,
        pair(&alt),
        pair(&add),
        pair(&comments),
        options,
    )?;
    let mut source = SourceFile::of(&file, "ofac", primary);
    for (data, name) in [&comments, &alt, &add].into_iter().flatten() {
        source.companions.push(Companion {
            file: name.clone(),
            sha256: super::sha256_hex(data),
            size: data.len() as u64,
        });
    }
    for list in &mut imported.lists {
        list.meta.source = Some(source.clone());
    }
    Ok(imported)
}

fn pair(x: &Option<(Vec<u8>, String)>) -> Option<(&[u8], &str)> {
    x.as_ref().map(|(d, n)| (d.as_slice(), n.as_str()))
}

/// Parses an OFAC set from its files' bytes: the primary file, and optionally
/// the alias, address and comments files (bytes, name). A primary file cut
/// off mid-record is an error (see [`parse_set_with`]).
pub fn parse_set(
    primary: &[u8],
    file: &str,
    alt: Option<(&[u8], &str)>,
    add: Option<(&[u8], &str)>,
    comments: Option<(&[u8], &str)>,
) -> Result<Imported> {
    parse_set_with(primary, file, alt, add, comments, &LoadOptions::default())
}

/// What a companion file's row is for.
#[derive(Clone, Copy)]
enum Part {
    Comments,
    Alt,
    Add,
}

/// Attaches a companion file's rows to their entities; every row is counted
/// as attached, rejected (naming the companion file) or skipped.
fn attach(
    part: Part,
    (data, name): (&[u8], &str),
    entities: &mut [Entity],
    index: &HashMap<String, usize>,
    report: &mut ImportReport,
    options: &LoadOptions,
) -> Result<()> {
    let columns: &[&str] = match part {
        Part::Comments => &COMMENTS,
        Part::Alt => &ALT,
        Part::Add => &ADD,
    };
    let rows = rows(data, name, columns, report, options)?;
    let mut counts = CompanionReport {
        file: name.to_string(),
        read: rows.read,
        attached: 0,
        rejected: rows.rejected,
        skipped: rows.skipped,
    };
    for (line, f) in rows.rows {
        let Some(&i) = index.get(&f[0]) else {
            let what = match part {
                Part::Comments => "comment",
                Part::Alt => "alias",
                Part::Add => "address",
            };
            counts.rejected += 1;
            report.reject_in(
                name,
                line,
                "ent_num",
                format!("{what} for unknown ent_num {}", escape_control(&f[0])),
            );
            continue;
        };
        let e = &mut entities[i];
        match part {
            Part::Comments => {
                e.notes = Some(format!("{}{}", e.notes.take().unwrap_or_default(), f[1]));
            }
            Part::Alt => {
                let alias = f[3].split_whitespace().collect::<Vec<_>>().join(" ");
                if alias.is_empty() {
                    counts.rejected += 1;
                    report.reject_in(name, line, "alt_name", "empty alias");
                    continue;
                }
                match f[2].to_ascii_lowercase().as_str() {
                    "fka" => e.former_names.push(alias),
                    _ => e.aliases.push(alias),
                }
            }
            Part::Add => {
                let address = [&f[2], &f[3], &f[4]]
                    .iter()
                    .filter(|x| !x.is_empty())
                    .map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                if !address.is_empty() {
                    e.addresses.push(address);
                }
                if !f[4].is_empty() && !e.countries.contains(&f[4]) {
                    e.countries.push(f[4].clone());
                }
            }
        }
        counts.attached += 1;
    }
    report.companions.push(counts);
    Ok(())
}

/// [`parse_set`] with options: partial loading of a cut-off file, and the
/// latest believable listing date.
pub fn parse_set_with(
    primary: &[u8],
    file: &str,
    alt: Option<(&[u8], &str)>,
    add: Option<(&[u8], &str)>,
    comments: Option<(&[u8], &str)>,
    options: &LoadOptions,
) -> Result<Imported> {
    if primary
        .iter()
        .all(|b| b.is_ascii_whitespace() || *b == 0x1A)
    {
        return Err(Error::invalid(file, Some(1), "-", "empty file"));
    }
    let mut report = ImportReport::new(file, "ofac");
    let prim = rows(primary, file, &PRIMARY, &mut report, options)?;
    report.read = prim.read;
    report.skipped = prim.skipped;
    if prim.rows.is_empty() {
        return Err(Error::invalid(
            file,
            Some(1),
            "-",
            "no OFAC records (expected 12 columns: ent_num, SDN_Name, SDN_Type, ...)",
        ));
    }
    // Cited by file name, not path: the same entry in another copy of the
    // file cites the same.
    let base_name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let (mut entities, lines, index) = entries(prim.rows, base_name, &mut report);
    for (part, data) in [
        (Part::Comments, comments),
        (Part::Alt, alt),
        (Part::Add, add),
    ] {
        if let Some(data) = data {
            attach(part, data, &mut entities, &index, &mut report, options)?;
        }
    }
    for (e, &line) in entities.iter_mut().zip(&lines) {
        read_entry_remarks(e, line, options, &mut report);
    }
    let as_of = latest_remark_date(&entities);
    let lists = vec![DesignationList {
        meta: list_meta(file.contains("cons_"), as_of),
        entities,
    }];
    report.count(&lists);
    Ok(Imported { lists, report })
}

/// The primary file's rows made entities: the kept ones, each one's line,
/// and their index by `ent_num`. A row without a numeric `ent_num`, without
/// a name, or repeating an `ent_num` is rejected.
fn entries(
    rows: Vec<(usize, Vec<String>)>,
    base_name: &str,
    report: &mut ImportReport,
) -> (Vec<Entity>, Vec<usize>, HashMap<String, usize>) {
    let mut entities: Vec<Entity> = Vec::with_capacity(rows.len());
    let mut lines: Vec<usize> = Vec::with_capacity(rows.len());
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line, f) in rows {
        if f[0].is_empty() || !f[0].bytes().all(|b| b.is_ascii_digit()) {
            report.reject(
                line,
                "ent_num",
                format!("`{}` is not an entity number", escape_control(&f[0])),
            );
            continue;
        }
        if f[1].is_empty() {
            report.reject(line, "SDN_Name", "empty name");
            continue;
        }
        if index.contains_key(&f[0]) {
            report.reject(
                line,
                "ent_num",
                format!("duplicate ent_num {}", escape_control(&f[0])),
            );
            continue;
        }
        let kind = match f[2].to_ascii_lowercase().as_str() {
            "individual" => EntityKind::Individual,
            "vessel" => EntityKind::Vessel,
            "aircraft" => EntityKind::Aircraft,
            _ => EntityKind::Organization,
        };
        index.insert(f[0].clone(), entities.len());
        let mut e = Entity::new(
            &f[0],
            &f[1].split_whitespace().collect::<Vec<_>>().join(" "),
            &format!("OFAC entry {} ({})", f[0], base_name),
        );
        e.kind = kind;
        e.programs = f[3]
            .split("] [")
            .map(|p| p.trim_matches(['[', ']', ' ']).to_string())
            .filter(|p| !p.is_empty())
            .collect();
        e.notes = (!f[11].is_empty()).then(|| f[11].clone());
        entities.push(e);
        lines.push(line);
    }
    (entities, lines, index)
}

/// The list's metadata: the non-SDN consolidated list (`cons`) or the SDN
/// list, as of the latest date its remarks give.
fn list_meta(cons: bool, as_of: Option<Date>) -> ListMeta {
    let (id, name, legal) = if cons {
        (
            "ofac-non-sdn",
            "OFAC Consolidated (non-SDN) Sanctions List",
            "Executive Orders 13662, 13959 as amended, 14024 and others; 31 CFR Chapter V",
        )
    } else {
        (
            "ofac-sdn",
            "OFAC Specially Designated Nationals and Blocked Persons List (SDN)",
            "IEEPA and the sanctions programs named per entry; 31 CFR Chapter V",
        )
    };
    ListMeta {
        authority: "US Department of the Treasury, Office of Foreign Assets Control".to_string(),
        legal_basis: legal.to_string(),
        effect: "Dealings are prohibited or restricted per program; the OFAC 50 Percent Rule reaches entities owned 50% or more by listed persons, except for entries listed solely under EO 13959 (NS-CMIC, OFAC FAQ 857).".to_string(),
        source_urls: vec!["https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists".to_string()],
        as_of,
        as_of_basis: AsOfBasis::of_latest_entry(as_of),
        reach: Reach::Owned50Percent,
        ..ListMeta::new(id, name)
    }
}
