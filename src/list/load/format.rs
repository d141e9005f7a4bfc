//! List file formats, detected from a file's first bytes or named.

use crate::list::{dod1260h, fcc, mieu, ndaa889};

/// A list file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Our TOML list format.
    Toml,
    /// trade.gov Consolidated Screening List CSV.
    Csl,
    /// OFAC legacy CSV set (`sdn.csv` or `cons_prim.csv` with its companions).
    Ofac,
    /// BIS Denied Persons List, tab-delimited.
    Dpl,
    /// BIS Military-Intelligence End Users (`mieu.csv`).
    Mieu,
    /// DoD §1260H list, CSV of its editions.
    Dod1260h,
    /// FCC Covered List: the entity sheet or the page's table.
    Fcc,
    /// NDAA §889 companies (`section_889.csv`).
    Ndaa889,
}

impl Format {
    /// Every format, in the order detection tries them.
    pub const ALL: [Format; 8] = [
        Format::Mieu,
        Format::Dod1260h,
        Format::Fcc,
        Format::Ndaa889,
        Format::Csl,
        Format::Dpl,
        Format::Ofac,
        Format::Toml,
    ];

    /// The format named `name` (`toml`, `csl`, `ofac`, `dpl`, `mieu`,
    /// `1260h`, `fcc`, `889`).
    ///
    /// ```
    /// use vendor_screen::list::load::Format;
    /// assert_eq!(Format::parse("1260H"), Some(Format::Dod1260h));
    /// assert_eq!(Format::parse("xml"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .or(match name.as_str() {
                "sdn" => Some(Format::Ofac),
                "dod1260h" | "dod-1260h" => Some(Format::Dod1260h),
                "ndaa889" | "ndaa-889" => Some(Format::Ndaa889),
                _ => None,
            })
    }

    /// The format's name, as [`Format::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Csl => "csl",
            Format::Ofac => "ofac",
            Format::Dpl => "dpl",
            Format::Mieu => "mieu",
            Format::Dod1260h => "1260h",
            Format::Fcc => "fcc",
            Format::Ndaa889 => "889",
        }
    }

    /// What the format is, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Toml => "TOML list",
            Format::Csl => "trade.gov CSL CSV",
            Format::Ofac => "OFAC legacy CSV set",
            Format::Dpl => "BIS Denied Persons List",
            Format::Mieu => "BIS Military-Intelligence End User CSV",
            Format::Dod1260h => "DoD §1260H CSV",
            Format::Fcc => "FCC Covered List CSV",
            Format::Ndaa889 => "NDAA §889 CSV",
        }
    }

    /// The field delimiter of a delimited format (the FCC entity sheet's is
    /// `;`, told from its header).
    pub fn delimiter(self) -> u8 {
        match self {
            Format::Dpl => b'\t',
            _ => b',',
        }
    }

    /// Whether files of the format start with a header row.
    pub fn has_header(self) -> bool {
        !matches!(self, Format::Ofac | Format::Toml)
    }

    /// The formats tried, in words, for an error message.
    pub fn tried() -> String {
        Format::ALL
            .iter()
            .map(|f| format!("{} ({})", f.describe(), f.name()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Guesses the format from the first bytes of a file: headers first
    /// (each official CSV has its own), then OFAC's header-less rows, then
    /// TOML.
    ///
    /// ```
    /// use vendor_screen::list::load::Format;
    /// assert_eq!(Format::detect(b"\"_id\",\"source\",\"entity_number\",\"type\",\"programs\",\"name\""), Some(Format::Csl));
    /// assert_eq!(Format::detect(b"Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\n"), Some(Format::Mieu));
    /// assert_eq!(Format::detect(b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\""), Some(Format::Ofac));
    /// assert_eq!(Format::detect(b"[list]\nid = \"x\""), Some(Format::Toml));
    /// assert_eq!(Format::detect(b"\x00\x01binary"), None);
    /// ```
    pub fn detect(head: &[u8]) -> Option<Format> {
        let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or("").trim();
        let columns = |delimiter: char| -> Vec<String> {
            first
                .split(delimiter)
                .map(|c| c.trim().trim_matches('"').trim().to_string())
                .collect()
        };
        let (commas, semis, tabs) = (columns(','), columns(';'), columns('\t'));
        let is = |cols: &[String], header: &[&str]| {
            cols.iter().map(String::as_str).eq(header.iter().copied())
        };
        if is(&commas, &mieu::HEADER) {
            return Some(Format::Mieu);
        }
        if is(&commas, &dod1260h::HEADER) {
            return Some(Format::Dod1260h);
        }
        if is(&semis, &fcc::HEADER_ENTITIES) || is(&commas, &fcc::HEADER_TABLE) {
            return Some(Format::Fcc);
        }
        if is(&commas, &ndaa889::HEADER) {
            return Some(Format::Ndaa889);
        }
        // CSL: the exact columns `source` and `name` (both layouts).
        let has = |c: &str| commas.iter().any(|x| x == c);
        if has("source") && has("name") {
            return Some(Format::Csl);
        }
        if tabs.first().is_some_and(|c| c.eq_ignore_ascii_case("name")) && tabs.len() > 1 {
            return Some(Format::Dpl);
        }
        if first
            .split(',')
            .next()
            .is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
            && first.contains(",\"")
        {
            return Some(Format::Ofac);
        }
        // TOML: the first line that is neither blank nor a comment opens the
        // `[list]` table (a Markdown file quoting an example does not).
        let toml_like = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            == Some("[list]");
        toml_like.then_some(Format::Toml)
    }
}

/// OFAC companion files, read with their primary file (`sdn.csv`,
/// `cons_prim.csv`) rather than on their own: (companion, primary).
pub(crate) const OFAC_COMPANIONS: [(&str, &str); 6] = [
    ("alt.csv", "sdn.csv"),
    ("add.csv", "sdn.csv"),
    ("sdn_comments.csv", "sdn.csv"),
    ("cons_alt.csv", "cons_prim.csv"),
    ("cons_add.csv", "cons_prim.csv"),
    ("cons_comments.csv", "cons_prim.csv"),
];
