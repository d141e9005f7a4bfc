//! The official sources and their publishers' URLs.

use crate::list::load::Format;

/// One file of a source: where it is published and its name in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFile {
    /// The publisher's URL.
    pub url: String,
    /// The file name in the cache (OFAC's companions must keep their
    /// names: `alt.csv`, `cons_alt.csv`, ...).
    pub name: String,
}

/// A list published as one file or a set of files, the first one primary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// A short id (`csl`, `ofac-sdn`, `ofac-non-sdn`, `bis-dpl`).
    pub id: String,
    /// The format the primary file must load as.
    pub format: Format,
    /// The files, primary first.
    pub files: Vec<RemoteFile>,
    /// The cache subdirectory it goes to.
    pub dir: String,
}

pub(super) fn source(id: &str, format: Format, files: &[(&str, &str)]) -> Source {
    Source {
        id: id.to_string(),
        format,
        files: files
            .iter()
            .map(|(url, name)| RemoteFile {
                url: url.to_string(),
                name: name.to_string(),
            })
            .collect(),
        dir: id.to_string(),
    }
}

/// The official sources and their publishers' URLs: the trade.gov
/// Consolidated Screening List CSV, OFAC's SDN and consolidated non-SDN CSV
/// sets, and the BIS Denied Persons List.
///
/// ```
/// let ids: Vec<String> = vendor_screen::list::fetch::official_sources().into_iter().map(|s| s.id).collect();
/// assert_eq!(ids, ["csl", "ofac-sdn", "ofac-non-sdn", "bis-dpl"]);
/// ```
pub fn official_sources() -> Vec<Source> {
    let ofac = "https://www.treasury.gov/ofac/downloads";
    vec![
        source(
            "csl",
            Format::Csl,
            &[(
                "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
                "consolidated.csv",
            )],
        ),
        source(
            "ofac-sdn",
            Format::Ofac,
            &[
                (&format!("{ofac}/sdn.csv"), "sdn.csv"),
                (&format!("{ofac}/alt.csv"), "alt.csv"),
                (&format!("{ofac}/add.csv"), "add.csv"),
                (&format!("{ofac}/sdn_comments.csv"), "sdn_comments.csv"),
            ],
        ),
        source(
            "ofac-non-sdn",
            Format::Ofac,
            &[
                (
                    &format!("{ofac}/consolidated/cons_prim.csv"),
                    "cons_prim.csv",
                ),
                (&format!("{ofac}/consolidated/cons_alt.csv"), "cons_alt.csv"),
                (&format!("{ofac}/consolidated/cons_add.csv"), "cons_add.csv"),
                (
                    &format!("{ofac}/consolidated/cons_comments.csv"),
                    "cons_comments.csv",
                ),
            ],
        ),
        source(
            "bis-dpl",
            Format::Dpl,
            &[("https://www.bis.doc.gov/dpl/dpl.txt", "dpl.txt")],
        ),
    ]
}
