//! The real list files, read twice: through the crate's importers (the lists
//! a screener loads) and raw, each name exactly as the file writes it (what
//! the self-match and the alias hold-out query with). The raw readers follow
//! each file's documented layout (`../shared/data/*/PROVENANCE.md`), not the
//! importers' code, so an importer that mangles or loses a name shows up.

use std::collections::HashMap;
use vendor_screen::list::{DesignationList, LoadOptions, load};

#[path = "raw.rs"]
mod raw;
#[path = "tables.rs"]
mod tables;

use raw::{csl_records, dpl_records, ofac_records, toml_records};
// The evaluation and the tests including this module each use a part.
#[allow(unused_imports)]
pub use raw::{quoted_after, remark_links};
#[allow(unused_imports)]
pub use tables::{TABLES, TableSpec, table_records};

/// Where the real data is, from the repository root.
pub const DATA: &str = "../shared/data";

/// The bundled TOML lists, from the repository root.
pub const BUNDLED_DIR: &str = "lists";

/// One name of a record, as the file writes it.
#[derive(Debug, Clone)]
pub struct RawName {
    /// The text, untouched but for the file's own field separators.
    pub text: String,
    /// Where it comes from (`name`, `alt_names`, `alt.csv aka`, `remarks f.k.a.`, ...).
    pub field: &'static str,
    /// Whether it is the record's primary name.
    pub primary: bool,
    /// Whether the file marks it as a former name (`fka`, `f.k.a.`, `former_names`).
    pub former: bool,
}

/// The kind of party a record is, as the file says (or `Unknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// A company or organisation.
    Organization,
    /// A person.
    Individual,
    /// A ship or an aircraft.
    Craft,
    /// The file does not say.
    Unknown,
}

/// One record of a file: the entity id the importer should give it, and its names.
#[derive(Debug, Clone)]
pub struct RawRecord {
    /// The entity id the record should have in the imported lists.
    pub id: String,
    /// The list id, when the file says which list the record is on.
    pub list: Option<String>,
    /// The record's physical line (1-based), for matching importer rejections.
    pub line: usize,
    /// What kind of party it is.
    pub party: Party,
    /// The names, primary first.
    pub names: Vec<RawName>,
    /// Relations the file states.
    pub links: Vec<Link>,
    /// Notes the file writes where names go (a parenthesised remark among
    /// the aliases): not screened, counted.
    pub notes: Vec<String>,
}

/// A relation a file states between a record and another party.
#[derive(Debug, Clone)]
pub struct Link {
    /// `parent`, `subsidiary`, `affiliate`, `linked to`, `subsidiary of`, `owned by`.
    pub kind: &'static str,
    /// The other party's name as written.
    pub name: String,
    /// The other party's entity id in the same list, when the file gives it.
    pub target: Option<String>,
}

/// One file: its imported lists and its raw records.
pub struct ListFile {
    /// The path under `../shared/data` (or `lists/...` for a bundled list).
    pub label: String,
    /// What the importer made of it.
    pub lists: Vec<DesignationList>,
    /// The records as the file writes them (empty when there is no raw reader).
    pub records: Vec<RawRecord>,
    /// Lines the importer rejected, with its reason.
    pub rejected: Vec<(usize, String)>,
    /// Whether the records were read raw (`false`: taken from the imported
    /// lists, for a format without a raw reader here).
    pub raw: bool,
}

/// The official files, with the format the evaluation reads them in.
pub const OFFICIAL: &[(&str, &str)] = &[
    ("csl/consolidated-2023-11-partial.csv", "csl"),
    ("csl/consolidated-sample-2025.csv", "csl"),
    ("csl/consolidated-legacy-format-2019-sample.csv", "csl"),
    ("ofac-sdn/2024-05-03/sdn.csv", "ofac"),
    ("ofac-sdn/2021-07-07/sdn.csv", "ofac"),
    ("ofac-non-sdn/cons_prim.csv", "ofac"),
    ("bis-dpl/dpl.txt", "dpl"),
    ("bis-mieu/mieu.csv", "mieu"),
    ("dod-1260h/chinese_military_companies_1260h.csv", "dod1260h"),
    (
        "fcc-covered-list/covered_list_entities-2024-04.csv",
        "fcc-entities",
    ),
    // Entity names inside prose: there is no name as written to read, so
    // the importer's names are used.
    (
        "fcc-covered-list/covered_list_table-2026-08.csv",
        "imported",
    ),
    ("ndaa-889/section_889.csv", "ndaa889"),
];

type Error = Box<dyn std::error::Error>;

/// Files not loaded: (path, the importer's error).
pub type Skipped = Vec<(String, String)>;

/// Every official file the crate's importers can load, and every bundled
/// list file, each with its raw records. Files no importer reads yet are
/// returned in the second vector with the importer's error.
pub fn all_files() -> Result<(Vec<ListFile>, Skipped), Error> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for (path, format) in OFFICIAL {
        match official(path, format) {
            Ok(f) => files.push(f),
            Err(e) => skipped.push((path.to_string(), e.to_string())),
        }
    }
    files.extend(bundled()?);
    Ok((files, skipped))
}

/// One official file.
pub fn official(path: &str, format: &str) -> Result<ListFile, Error> {
    let full = format!("{DATA}/{path}");
    // The 2023 CSL extract is cut off inside its last record: keep the
    // records before it (the cut one is reported as rejected).
    let imported = load::load_path_with(full.as_ref(), None, &LoadOptions::partial())?;
    let rejected = imported
        .report
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.clone()))
        .collect();
    let lists = imported.lists;
    let (records, raw) = match format {
        "csl" => (csl_records(&std::fs::read(&full)?)?, true),
        "ofac" => (ofac_records(&full)?, true),
        "dpl" => (dpl_records(&std::fs::read(&full)?)?, true),
        "imported" => (imported_records(&lists), false),
        table => {
            let spec = TABLES
                .iter()
                .find(|t| t.format == table)
                .ok_or("no such table format")?;
            let mut records = table_records(&std::fs::read(&full)?, spec)?;
            map_by_names(&mut records, &lists);
            (records, true)
        }
    };
    Ok(ListFile {
        label: path.to_string(),
        lists,
        records,
        rejected,
        raw,
    })
}

/// The lists of every file, each list once: a list id loaded by an earlier
/// file (another edition of the CSL or the SDN list) gets the file's path
/// appended, so every edition's names are screened.
pub fn every_list(files: &[ListFile]) -> Vec<DesignationList> {
    let mut out: Vec<DesignationList> = Vec::new();
    for f in files {
        for l in &f.lists {
            let mut l = l.clone();
            if out.iter().any(|o| o.meta.id == l.meta.id) {
                l.meta.id = format!("{}@{}", l.meta.id, f.label);
            }
            out.push(l);
        }
    }
    out
}

/// Records taken from imported lists (no raw reader for the format).
fn imported_records(lists: &[DesignationList]) -> Vec<RawRecord> {
    let mut out = Vec::new();
    for l in lists {
        for e in &l.entities {
            let names = e
                .names()
                .map(|(kind, n)| RawName {
                    text: n.to_string(),
                    field: "imported",
                    primary: kind == vendor_screen::list::NameKind::Primary,
                    former: kind == vendor_screen::list::NameKind::Former,
                })
                .collect();
            out.push(RawRecord {
                id: e.id.clone(),
                list: Some(l.meta.id.clone()),
                line: 0,
                party: party_of(e.kind),
                names,
                links: e
                    .relations
                    .iter()
                    .map(|r| Link {
                        kind: relation_word(r.kind),
                        name: r.name.clone(),
                        target: r.target.clone(),
                    })
                    .collect(),
                notes: Vec::new(),
            });
        }
    }
    out
}

fn party_of(k: vendor_screen::list::EntityKind) -> Party {
    use vendor_screen::list::EntityKind::*;
    match k {
        Organization => Party::Organization,
        Individual => Party::Individual,
        Vessel | Aircraft => Party::Craft,
    }
}

fn relation_word(k: vendor_screen::list::RelationKind) -> &'static str {
    use vendor_screen::list::RelationKind::*;
    match k {
        Parent => "parent",
        Subsidiary => "subsidiary",
        Affiliate => "affiliate",
    }
}

/// Gives each record the id and list of the imported entity that carries
/// one of its names (spaces squeezed, case and the kind of apostrophe aside;
/// the primary name first). A record no entity carries keeps an empty id:
/// the self-match reports it as lost by the importer.
fn map_by_names(records: &mut [RawRecord], lists: &[DesignationList]) {
    let squeeze = |s: &str| {
        s.replace(['\u{2019}', '\u{2018}', '`'], "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut by_name: HashMap<String, (String, String)> = HashMap::new();
    for l in lists {
        for e in &l.entities {
            for (_, n) in e.names() {
                by_name
                    .entry(squeeze(n))
                    .or_insert_with(|| (l.meta.id.clone(), e.id.clone()));
            }
        }
    }
    for r in records {
        if let Some((list, id)) = r.names.iter().find_map(|n| by_name.get(&squeeze(&n.text))) {
            r.list = Some(list.clone());
            r.id = id.clone();
        }
    }
}

/// FNV-1a over the parts, each followed by a zero byte: the id importers give
/// records whose source has none (the DPL, legacy CSL rows without an entity
/// number). If the importer changes its scheme, every such record shows up as
/// "no entity" in the self-match, so the change cannot go unnoticed.
pub fn stable_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Every bundled list file (`lists/*.toml`), read raw with the `toml` crate.
pub fn bundled() -> Result<Vec<ListFile>, Error> {
    let mut paths: Vec<_> = std::fs::read_dir(BUNDLED_DIR)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p)?;
        let imported = load::load_path(&p, None)?;
        out.push(ListFile {
            label: p.display().to_string(),
            lists: imported.lists,
            records: toml_records(&text)?,
            rejected: Vec::new(),
            raw: true,
        });
    }
    Ok(out)
}
