//! A list's metadata: what it is, what it reaches, and how current it is.

use super::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a list reaches beyond the entities it names.
///
/// ```
/// use vendor_screen::list::Reach;
/// assert_eq!(Reach::Owned50Percent.rule(), "OFAC 50 Percent Rule: entities owned 50% or more, individually or in aggregate, by listed persons are treated as those persons are");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// Only the entities named.
    NamedOnly,
    /// The named entities and their subsidiaries and affiliates (NDAA §889, FCC Covered List).
    SubsidiariesAndAffiliates,
    /// The named entities and entities owned 50% or more by them (OFAC 50 Percent Rule).
    #[serde(rename = "owned_50_percent")]
    Owned50Percent,
    /// The named entities, each with the parent entities the list names for it (DoD §1260H).
    NamedWithListedParents,
}

impl Reach {
    /// The rule in plain words, as cited in explanations.
    pub fn rule(self) -> &'static str {
        match self {
            Reach::NamedOnly => "the list reaches only the entities it names",
            Reach::SubsidiariesAndAffiliates => {
                "the list reaches the named entities and any subsidiary or affiliate of them"
            }
            Reach::Owned50Percent => {
                "OFAC 50 Percent Rule: entities owned 50% or more, individually or in aggregate, by listed persons are treated as those persons are"
            }
            Reach::NamedWithListedParents => {
                "the list reaches the entities it names, listed with their parent entities"
            }
        }
    }
}

/// OFAC programs whose listings reach only the entity named, even on a list
/// whose other entries carry the 50 Percent Rule. OFAC FAQ 857: "OFAC's 50
/// percent rule does not apply to entities listed solely pursuant to E.O.
/// 13959, as amended" (the NS-CMIC list; a subsidiary is covered only once
/// it is listed itself).
pub const NAMED_ONLY_PROGRAMS: &[&str] = &["CMIC-EO13959"];

impl Reach {
    /// The reach of one entry of a list whose reach is `self`, from the
    /// programs it is listed under: an entry listed only under programs of
    /// [`NAMED_ONLY_PROGRAMS`] reaches only itself, whatever its list.
    ///
    /// ```
    /// use vendor_screen::list::Reach;
    /// let cmic = vec!["CMIC-EO13959".to_string()];
    /// assert_eq!(Reach::Owned50Percent.for_entry(&cmic), Reach::NamedOnly);
    /// let both = vec!["CMIC-EO13959".to_string(), "SDGT".to_string()];
    /// assert_eq!(Reach::Owned50Percent.for_entry(&both), Reach::Owned50Percent);
    /// assert_eq!(Reach::Owned50Percent.for_entry(&[]), Reach::Owned50Percent);
    /// ```
    pub fn for_entry(self, programs: &[String]) -> Reach {
        let named_only = !programs.is_empty()
            && programs
                .iter()
                .all(|p| NAMED_ONLY_PROGRAMS.contains(&p.trim()));
        if self == Reach::Owned50Percent && named_only {
            Reach::NamedOnly
        } else {
            self
        }
    }
}

/// A category-wide entry of a list (e.g. the FCC Covered List's foreign-produced
/// drones): recorded so a report can mention it, never matched against names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// What the entry covers, in the list's words.
    pub description: String,
    /// When it was added.
    pub added: Option<Date>,
    /// The official document that added it.
    pub citation: String,
}

/// Where a list's as-of date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfBasis {
    /// The list file states it (our TOML `as_of`).
    Stated,
    /// The latest valid date among the file's entries (CSL start dates, DPL
    /// effective and update dates, OFAC listing dates): the content is
    /// current at least to it.
    LatestEntry,
    /// The file states none; the fetch manifest beside it says when it was
    /// retrieved from its publisher.
    Retrieved,
    /// Nothing says how current the file is. An unknown date counts as stale.
    Unknown,
}

impl AsOfBasis {
    /// The basis of an as-of date read from a file's entries: the latest
    /// entry's date when there is one, else unknown.
    ///
    /// ```
    /// use vendor_screen::list::{AsOfBasis, Date};
    /// assert_eq!(AsOfBasis::of_latest_entry(Date::new(2024, 5, 3)), AsOfBasis::LatestEntry);
    /// assert_eq!(AsOfBasis::of_latest_entry(None), AsOfBasis::Unknown);
    /// ```
    pub fn of_latest_entry(latest: Option<Date>) -> AsOfBasis {
        match latest {
            Some(_) => AsOfBasis::LatestEntry,
            None => AsOfBasis::Unknown,
        }
    }
}

/// One file read besides the main one (OFAC's alias, address and comments
/// files), with its digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Companion {
    /// The file as given.
    pub file: String,
    /// SHA-256 of the bytes read, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

/// The file a list was read from: which bytes exactly, in which format.
///
/// ```
/// use vendor_screen::list::SourceFile;
/// let s = SourceFile::of("x.csv", "csl", b"abc");
/// assert_eq!(s.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// assert_eq!(s.size, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// The file as given (`<bundled:lists/NAME>` for a list compiled in).
    pub file: String,
    /// The format it was read as (`toml`, `csl`, `ofac`, `dpl`, ...).
    pub format: String,
    /// SHA-256 of the bytes read, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// Other files read with it (OFAC's `alt`, `add`, `comments`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub companions: Vec<Companion>,
}

impl SourceFile {
    /// Describes `data`, read from `file` as `format`.
    pub fn of(file: &str, format: &str, data: &[u8]) -> SourceFile {
        SourceFile {
            file: file.to_string(),
            format: format.to_string(),
            sha256: sha256_hex(data),
            size: data.len() as u64,
            companions: Vec::new(),
        }
    }
}

/// SHA-256 of `data` in lower-case hex.
///
/// ```
/// assert_eq!(vendor_screen::list::sha256_hex(b"").len(), 64);
/// ```
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(data);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A designation list's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListMeta {
    /// Stable id, part of the output contract (`ndaa-889`, `csl-el`, ...).
    pub id: String,
    /// Human name of the list.
    pub name: String,
    /// Issuing authority.
    pub authority: String,
    /// Legal citation (statute, regulation, executive order).
    pub legal_basis: String,
    /// What being listed means, in plain words.
    pub effect: String,
    /// Where the list is published.
    pub source_urls: Vec<String>,
    /// The date the list's content is current to; `None` when nothing says.
    pub as_of: Option<Date>,
    /// Where [`ListMeta::as_of`] comes from.
    pub as_of_basis: AsOfBasis,
    /// The file's modification date, when the as-of date is unknown: shown as
    /// such, never taken for an as-of date.
    pub file_modified: Option<Date>,
    /// For a list we maintain (the bundled lists): when its content was last
    /// changed.
    pub amended: Option<Date>,
    /// When the list was last checked against its official source (for a
    /// bundled list, the date of the source snapshot compared; for a fetched
    /// file, its retrieval date). Staleness counts from here when known.
    pub verified: Option<Date>,
    /// The file it was read from, with its SHA-256.
    pub source: Option<SourceFile>,
    /// What the list reaches beyond the named entities.
    pub reach: Reach,
    /// Category-wide entries (not name matches).
    pub categories: Vec<Category>,
}

impl ListMeta {
    /// Metadata with the given id and name, reaching only the named entities,
    /// with no date and no source yet: a start for lists built in code.
    ///
    /// ```
    /// let meta = vendor_screen::list::ListMeta::new("mine", "My list");
    /// assert!(meta.as_of.is_none());
    /// ```
    pub fn new(id: &str, name: &str) -> ListMeta {
        ListMeta {
            id: id.to_string(),
            name: name.to_string(),
            authority: String::new(),
            legal_basis: String::new(),
            effect: String::new(),
            source_urls: Vec::new(),
            as_of: None,
            as_of_basis: AsOfBasis::Unknown,
            file_modified: None,
            amended: None,
            verified: None,
            source: None,
            reach: Reach::NamedOnly,
            categories: Vec::new(),
        }
    }

    /// The date staleness counts from: when the list was last verified
    /// against its source, else its as-of date; `None` when neither is known.
    pub fn current_to(&self) -> Option<Date> {
        self.verified.or(self.as_of)
    }

    /// Days from [`ListMeta::current_to`] to `on`; `None` when unknown.
    pub fn age_days(&self, on: Date) -> Option<i64> {
        self.current_to()
            .map(|d| on.days_since_epoch() - d.days_since_epoch())
    }

    /// Whether the list is older than `max_age_days` on `on`. A list whose
    /// date is unknown is stale.
    ///
    /// ```
    /// use vendor_screen::list::{Date, ListMeta};
    /// let mut meta = ListMeta::new("x", "X");
    /// let on = Date::new(2026, 11, 25).unwrap();
    /// assert!(meta.is_stale(on, 90), "an unknown date counts as stale");
    /// meta.as_of = Date::new(2026, 6, 1);
    /// assert!(meta.is_stale(on, 90));
    /// meta.verified = Date::new(2026, 10, 1);
    /// assert!(!meta.is_stale(on, 90), "staleness counts from verification");
    /// ```
    pub fn is_stale(&self, on: Date, max_age_days: i64) -> bool {
        self.age_days(on).is_none_or(|age| age > max_age_days)
    }

    /// The dates in words: `as of 2023-11-30 (latest entry)`, `as of unknown
    /// (file modified 2026-11-25)`, with the verification date when known.
    ///
    /// ```
    /// use vendor_screen::list::{Date, ListMeta};
    /// let mut meta = ListMeta::new("x", "X");
    /// meta.file_modified = Date::new(2026, 11, 25);
    /// assert_eq!(meta.dates_text(), "as of unknown (file modified 2026-11-25)");
    /// ```
    pub fn dates_text(&self) -> String {
        let mut out = match (self.as_of, self.as_of_basis) {
            (Some(d), AsOfBasis::Stated) => format!("as of {d}"),
            (Some(d), AsOfBasis::LatestEntry) => format!("as of {d} (latest entry)"),
            (Some(d), AsOfBasis::Retrieved) => format!("as of {d} (retrieved)"),
            (Some(d), AsOfBasis::Unknown) => format!("as of {d}"),
            (None, _) => "as of unknown".to_string(),
        };
        if self.as_of.is_none() {
            if let Some(m) = self.file_modified {
                out.push_str(&format!(" (file modified {m})"));
            }
        }
        if let Some(a) = self.amended {
            out.push_str(&format!(", amended {a}"));
        }
        if let Some(v) = self.verified {
            out.push_str(&format!(", verified {v}"));
        }
        out
    }
}

impl fmt::Display for AsOfBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AsOfBasis::Stated => "stated by the file",
            AsOfBasis::LatestEntry => "latest dated entry",
            AsOfBasis::Retrieved => "retrieval date from the fetch manifest",
            AsOfBasis::Unknown => "unknown",
        })
    }
}
