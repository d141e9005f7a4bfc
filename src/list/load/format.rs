//! List file formats, detected from a file's first bytes or named.

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
}

impl Format {
    /// The format named `name` (`toml`, `csl`, `ofac`, `dpl`).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "csl" => Some(Format::Csl),
            "ofac" | "sdn" => Some(Format::Ofac),
            "dpl" => Some(Format::Dpl),
            _ => None,
        }
    }

    /// Every format, in the order detection tries them.
    pub const ALL: [Format; 4] = [Format::Csl, Format::Dpl, Format::Ofac, Format::Toml];

    /// The format's name, as [`Format::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Csl => "csl",
            Format::Ofac => "ofac",
            Format::Dpl => "dpl",
        }
    }

    /// What the format is, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Toml => "TOML list",
            Format::Csl => "trade.gov CSL CSV",
            Format::Ofac => "OFAC legacy CSV set",
            Format::Dpl => "BIS Denied Persons List",
        }
    }

    /// The field delimiter of a delimited format.
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

    /// Guesses the format from the first bytes of a file.
    ///
    /// ```
    /// use vendor_screen::list::load::Format;
    /// assert_eq!(Format::detect(b"\"_id\",\"source\",\"entity_number\""), Some(Format::Csl));
    /// assert_eq!(Format::detect(b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\""), Some(Format::Ofac));
    /// assert_eq!(Format::detect(b"[list]\nid = \"x\""), Some(Format::Toml));
    /// assert_eq!(Format::detect(b"\x00\x01binary"), None);
    /// ```
    pub fn detect(head: &[u8]) -> Option<Format> {
        let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or("").trim();
        let lower = first.to_ascii_lowercase();
        if lower.contains("source")
            && (lower.contains("name") || lower.contains("entity_number"))
            && first.contains(',')
        {
            return Some(Format::Csl);
        }
        if lower.starts_with("\"name\"\t") || lower.starts_with("name\t") {
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
