//! The raw readers of the official formats and our TOML lists: each
//! file's records with every name exactly as the file writes it, read from
//! the file's documented layout (`../shared/data/*/PROVENANCE.md`), not
//! through the crate's importers.

use super::{Error, Link, Party, RawName, RawRecord, stable_id};
use std::collections::HashMap;

/// CSL CSV (29 columns with `_id`, or the legacy 28 without): `name`, then
/// `alt_names` split on the file's `;` separator.
pub(super) fn csl_records(data: &[u8]) -> Result<Vec<RawRecord>, Error> {
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
pub(super) fn ofac_records(primary: &str) -> Result<Vec<RawRecord>, Error> {
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
pub(super) fn dpl_records(data: &[u8]) -> Result<Vec<RawRecord>, Error> {
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

/// A TOML list's entities: `name`, `aliases`, `former_names`,
/// `original_names[].name`, and `relations[]` (kind, name).
pub(super) fn toml_records(text: &str) -> Result<Vec<RawRecord>, Error> {
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
