//! The CSV list files read raw by their header (the MEU list, §1260H, the
//! FCC's entities, §889): which columns hold which names, per file.

use super::{Error, Link, Party, RawName, RawRecord};

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
