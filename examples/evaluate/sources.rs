//! The real list files, read twice: through the crate's importers (the lists
//! a screener loads) and raw, each name exactly as the file writes it (what
//! the self-match and the alias hold-out query with). The raw readers follow
//! each file's documented layout (`../shared/data/*/PROVENANCE.md`), not the
//! importers' code, so an importer that mangles or loses a name shows up.

use std::collections::HashMap;
use vendor_screen::list::{DesignationList, LoadOptions, load};

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

/// The layout of a CSV list file with a header, from its PROVENANCE.md:
/// which columns hold the primary name, other names and former names (each
/// split on `;`), the parent's name, and which column groups rows into one
/// record (one company across editions).
pub struct TableSpec {
    /// The format's name in [`OFFICIAL`].
    pub format: &'static str,
    /// Field delimiter.
    pub delimiter: u8,
    /// The primary name's column.
    pub name: &'static str,
    /// Columns of other names.
    pub aliases: &'static [&'static str],
    /// Columns of former names.
    pub former: &'static [&'static str],
    /// A column naming the parent (a `subsidiary of` link), if any.
    pub parent: Option<&'static str>,
    /// A column naming subsidiaries, if any.
    pub subsidiaries: Option<&'static str>,
}

/// The CSV list files read raw by header.
pub const TABLES: &[TableSpec] = &[
    TableSpec {
        format: "mieu",
        delimiter: b',',
        name: "Name",
        aliases: &["Alias"],
        former: &[],
        parent: None,
        subsidiaries: None,
    },
    TableSpec {
        format: "dod1260h",
        delimiter: b',',
        name: "Clean Name",
        aliases: &["Name", "Alias"],
        former: &["Previous Name"],
        parent: Some("Parent Name"),
        subsidiaries: None,
    },
    TableSpec {
        format: "fcc-entities",
        delimiter: b';',
        name: "Entity Name",
        aliases: &[],
        former: &[],
        parent: None,
        subsidiaries: Some("Subsidiary Names"),
    },
    TableSpec {
        format: "ndaa889",
        delimiter: b',',
        name: "name",
        aliases: &["aliases"],
        former: &[],
        parent: None,
        subsidiaries: None,
    },
];

/// Records of a CSV list file with a header; rows with the same primary
/// name (case aside) are one record. Ids are left empty for [`map_by_names`].
pub fn table_records(data: &[u8], spec: &TableSpec) -> Result<Vec<RawRecord>, Error> {
    let data = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(spec.delimiter)
        .flexible(true)
        .from_reader(data);
    let header: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let col = |n: &str| header.iter().position(|h| h == n);
    let name = col(spec.name).ok_or_else(|| format!("no column {}", spec.name))?;
    let mut out: Vec<RawRecord> = Vec::new();
    for row in reader.records() {
        let row = row?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).unwrap_or("");
        let primary = get(Some(name));
        if primary.trim().is_empty() {
            continue;
        }
        let i = match out
            .iter()
            .position(|r| r.names[0].text.trim().eq_ignore_ascii_case(primary.trim()))
        {
            Some(i) => i,
            None => {
                out.push(RawRecord {
                    id: String::new(),
                    list: None,
                    line,
                    party: Party::Organization,
                    names: vec![RawName {
                        text: primary.to_string(),
                        field: spec.name,
                        primary: true,
                        former: false,
                    }],
                    links: Vec::new(),
                    notes: Vec::new(),
                });
                out.len() - 1
            }
        };
        let r = &mut out[i];
        if !r.names.iter().any(|x| x.text == primary) {
            // The same company written another way in another row.
            r.names.push(RawName {
                text: primary.to_string(),
                field: spec.name,
                primary: false,
                former: false,
            });
        }
        for (cols, former) in [(spec.aliases, false), (spec.former, true)] {
            for c in cols {
                for n in get(col(c)).split(';').filter(|n| !n.trim().is_empty()) {
                    if !r.names.iter().any(|x| x.text == n) {
                        r.names.push(RawName {
                            text: n.to_string(),
                            field: c,
                            primary: false,
                            former,
                        });
                    }
                }
            }
        }
        for (c, kind) in [(spec.parent, "parent"), (spec.subsidiaries, "subsidiary")] {
            for n in get(c.and_then(col))
                .split(';')
                .filter(|n| !n.trim().is_empty())
            {
                if !r.links.iter().any(|l| l.name == n.trim()) {
                    r.links.push(Link {
                        kind,
                        name: n.trim().to_string(),
                        target: None,
                    });
                }
            }
        }
    }
    Ok(out)
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

/// CSL CSV (29 columns with `_id`, or the legacy 28 without): `name`, then
/// `alt_names` split on the file's `;` separator.
fn csl_records(data: &[u8]) -> Result<Vec<RawRecord>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut rows = reader.records();
    let header: Vec<String> = match rows.next() {
        Some(h) => h?.iter().map(|s| s.trim().to_string()).collect(),
        None => return Ok(Vec::new()),
    };
    let col = |n: &str| header.iter().position(|h| h == n);
    let (source, name, alt) = (
        col("source").ok_or("no source")?,
        col("name").ok_or("no name")?,
        col("alt_names").ok_or("no alt_names")?,
    );
    let (id, number, typ, start) = (
        col("_id"),
        col("entity_number"),
        col("type"),
        col("start_date"),
    );
    let mut out = Vec::new();
    for row in rows {
        let Ok(row) = row else { continue };
        let line = row.position().map_or(0, |p| p.line() as usize);
        if row.len() != header.len() || row.get(name) == Some("name") {
            continue;
        }
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("").trim();
        let src = get(Some(source));
        let primary = row.get(name).unwrap_or("");
        let rid = match (id, get(number)) {
            (Some(_), _) => get(id).to_string(),
            (None, "") => stable_id(&[src, primary.trim(), get(start)]),
            (None, n) => n.to_string(),
        };
        let mut names = vec![RawName {
            text: primary.to_string(),
            field: "name",
            primary: true,
            former: false,
        }];
        let mut notes = Vec::new();
        // The file's separator is "; ", but a few rows write ";" alone
        // between two names ("...Innovation Institute;Beihang University
        // ..."): each side is a name the file gives.
        for a in get(Some(alt)).split(';').filter(|a| !a.trim().is_empty()) {
            // "(all of preceding located in or near Mianyang, Sichuan
            // Province)": a note in the alias field, not a name.
            let t = a.trim().trim_end_matches('.');
            if t.starts_with('(') && t.ends_with(')') && !t[1..].contains('(') {
                notes.push(a.to_string());
                continue;
            }
            names.push(RawName {
                text: a.to_string(),
                field: "alt_names",
                primary: false,
                former: false,
            });
        }
        let party = match get(typ).to_ascii_lowercase().as_str() {
            "individual" => Party::Individual,
            "vessel" | "aircraft" => Party::Craft,
            "entity" => Party::Organization,
            _ => Party::Unknown,
        };
        out.push(RawRecord {
            id: rid,
            list: None,
            line,
            party,
            names,
            links: csl_links(get(col("remarks")), primary),
            notes,
        });
    }
    Ok(out)
}

/// Relations a CSL row states in its remarks (Treasury rows) or its name (BIS
/// rows: "(subsidiary of X)", "Subordinate Institution - X" are the member's
/// own name, so only the remarks' `Linked To:` and `Subsidiary Of:` are read).
fn csl_links(remarks: &str, _name: &str) -> Vec<Link> {
    remark_links(remarks)
}

/// `Linked To: X.`, `Subsidiary Of: X.`, `Owned or Controlled By: X.` in
/// OFAC-style remarks.
pub fn remark_links(remarks: &str) -> Vec<Link> {
    let mut out = Vec::new();
    for (marker, kind) in [
        ("Linked To: ", "linked to"),
        ("Subsidiary Of: ", "subsidiary of"),
        ("Owned or Controlled By: ", "owned by"),
    ] {
        let mut rest = remarks;
        while let Some(i) = rest.find(marker) {
            let after = &rest[i + marker.len()..];
            let end = after.find(';').unwrap_or(after.len());
            let name = after[..end].trim().trim_end_matches('.').trim();
            if !name.is_empty() {
                out.push(Link {
                    kind,
                    name: name.to_string(),
                    target: None,
                });
            }
            rest = &after[end..];
        }
    }
    out
}

/// Rows of an OFAC legacy CSV (no header, `-0-` empty, trailing 0x1A).
fn ofac_rows(path: &str) -> Result<Vec<(usize, Vec<String>)>, Error> {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let end = data
        .iter()
        .rposition(|&b| b != 0x1A && b != b'\r' && b != b'\n')
        .map_or(0, |i| i + 1);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&data[..end]);
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let fields = row
            .iter()
            .map(|f| {
                let f = f.trim();
                if f == "-0-" { "" } else { f }.to_string()
            })
            .collect();
        out.push((line, fields));
    }
    Ok(out)
}

/// The names quoted after `marker` (`a.k.a. '`) in OFAC remarks. A name may
/// hold apostrophes and quotes of its own (`a.k.a. 'ABU-'UBAYDA'`,
/// `a.k.a. 'LLC 'DSD''`, `a.k.a. 'ABDEL' AZIZ BEN NARVAN'`): it ends at the
/// first quote followed by `;`, `.`, `,` or the end of the remarks (on every
/// shared SDN file, a quote followed by a space or `)` is inside a name).
pub fn quoted_after(remarks: &str, marker: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = remarks;
    while let Some(i) = rest.find(marker) {
        let after = &rest[i + marker.len()..];
        let b = after.as_bytes();
        let end = (0..b.len())
            .find(|&k| b[k] == b'\'' && matches!(b.get(k + 1), None | Some(b';' | b'.' | b',')));
        let Some(end) = end else { break };
        if !after[..end].trim().is_empty() {
            out.push(after[..end].to_string());
        }
        rest = &after[end + 1..];
    }
    out
}

/// An OFAC set: primary names, the alias file's names (`aka`, `fka`, `nka`)
/// and the names quoted in the remarks (`a.k.a. '...'`, `f.k.a.`, `n.k.a.`).
fn ofac_records(primary: &str) -> Result<Vec<RawRecord>, Error> {
    let dir = std::path::Path::new(primary)
        .parent()
        .ok_or("no directory")?
        .to_string_lossy()
        .to_string();
    let cons = primary.contains("cons_");
    let (alt, comments) = if cons {
        ("cons_alt.csv", "cons_comments.csv")
    } else {
        ("alt.csv", "sdn_comments.csv")
    };
    let mut out: Vec<RawRecord> = Vec::new();
    let mut index = HashMap::new();
    let mut remarks: Vec<String> = Vec::new();
    for (line, f) in ofac_rows(primary)? {
        if f.len() < 12 {
            continue;
        }
        let party = match f[2].to_ascii_lowercase().as_str() {
            "individual" => Party::Individual,
            "vessel" | "aircraft" => Party::Craft,
            _ => Party::Organization,
        };
        index.insert(f[0].clone(), out.len());
        remarks.push(f[11].clone());
        out.push(RawRecord {
            id: f[0].clone(),
            list: None,
            line,
            party,
            names: vec![RawName {
                text: f[1].clone(),
                field: "SDN_Name",
                primary: true,
                former: false,
            }],
            links: Vec::new(),
            notes: Vec::new(),
        });
    }
    for (_, f) in ofac_rows(&format!("{dir}/{comments}"))? {
        if let (Some(&i), Some(more)) = (f.first().and_then(|id| index.get(id)), f.get(1)) {
            remarks[i].push_str(more);
        }
    }
    for (_, f) in ofac_rows(&format!("{dir}/{alt}"))? {
        if f.len() < 4 || f[3].is_empty() {
            continue;
        }
        if let Some(&i) = index.get(&f[0]) {
            let former = f[2].eq_ignore_ascii_case("fka");
            out[i].names.push(RawName {
                text: f[3].clone(),
                field: match f[2].to_ascii_lowercase().as_str() {
                    "fka" => "alt fka",
                    "nka" => "alt nka",
                    _ => "alt aka",
                },
                primary: false,
                former,
            });
        }
    }
    for (r, rem) in out.iter_mut().zip(&remarks) {
        for (marker, field, former) in [
            ("a.k.a. '", "remarks a.k.a.", false),
            ("f.k.a. '", "remarks f.k.a.", true),
            ("n.k.a. '", "remarks n.k.a.", false),
        ] {
            for n in quoted_after(rem, marker) {
                r.names.push(RawName {
                    text: n,
                    field,
                    primary: false,
                    former,
                });
            }
        }
        r.links = remark_links(rem);
    }
    Ok(out)
}

/// The BIS Denied Persons List: `Name`; rows of one denial order (same name
/// and effective date) are one entity.
fn dpl_records(data: &[u8]) -> Result<Vec<RawRecord>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .from_reader(data);
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let name = row.get(0).unwrap_or("");
        let effective = row.get(6).unwrap_or("").trim();
        let key = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase();
        out.push(RawRecord {
            id: stable_id(&[&key, effective]),
            list: None,
            line,
            party: Party::Unknown,
            names: vec![RawName {
                text: name.to_string(),
                field: "Name",
                primary: true,
                former: false,
            }],
            links: Vec::new(),
            notes: Vec::new(),
        });
    }
    Ok(out)
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

/// A TOML list's entities: `name`, `aliases`, `former_names`,
/// `original_names[].name`, and `relations[]` (kind, name).
fn toml_records(text: &str) -> Result<Vec<RawRecord>, Error> {
    let doc: toml::Table = text.parse()?;
    let list = doc
        .get("list")
        .and_then(|l| l.get("id"))
        .and_then(|i| i.as_str())
        .map(str::to_string);
    let mut out = Vec::new();
    let entities = doc.get("entity").and_then(|e| e.as_array());
    for e in entities.into_iter().flatten() {
        let s = |k: &str| e.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let strings = |k: &str| -> Vec<String> {
            e.get(k)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        let mut names = vec![RawName {
            text: s("name"),
            field: "name",
            primary: true,
            former: false,
        }];
        for (field, former) in [("aliases", false), ("former_names", true)] {
            for a in strings(field) {
                names.push(RawName {
                    text: a,
                    field,
                    primary: false,
                    former,
                });
            }
        }
        let tables = |k: &str| {
            e.get(k)
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default()
        };
        for o in tables("original_names") {
            if let Some(n) = o.get("name").and_then(|v| v.as_str()) {
                names.push(RawName {
                    text: n.to_string(),
                    field: "original_names",
                    primary: false,
                    former: false,
                });
            }
        }
        let links = tables("relations")
            .iter()
            .filter_map(|r| {
                let kind = match r.get("kind")?.as_str()? {
                    "parent" => "parent",
                    "subsidiary" => "subsidiary",
                    _ => "affiliate",
                };
                let name = r.get("name").and_then(|n| n.as_str()).unwrap_or("");
                let target = r.get("target").and_then(|t| t.as_str()).map(str::to_string);
                (!name.is_empty() || target.is_some()).then(|| Link {
                    kind,
                    name: name.to_string(),
                    target,
                })
            })
            .collect();
        let party = match e.get("kind").and_then(|k| k.as_str()) {
            Some("individual") => Party::Individual,
            Some("vessel") | Some("aircraft") => Party::Craft,
            _ => Party::Organization,
        };
        out.push(RawRecord {
            id: s("id"),
            list: list.clone(),
            line: 0,
            party,
            names,
            links,
            notes: Vec::new(),
        });
    }
    Ok(out)
}
