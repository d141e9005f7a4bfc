//! The data model of designation lists, and their loaders.
//!
//! A [`DesignationList`] is one legal instrument's list: its metadata
//! ([`ListMeta`]: who issues it, under which law, what it reaches, as of when)
//! and its [`Entity`] records. Loaders, one module per format, turn files into
//! lists; they know nothing of matching.
//!
//! ```
//! let lists = vendor_screen::lists::bundled()?;
//! let ndaa = lists.iter().find(|l| l.meta.id == "ndaa-889").expect("bundled");
//! assert_eq!(ndaa.entities.len(), 5);
//! assert_eq!(ndaa.meta.reach, vendor_screen::list::Reach::SubsidiariesAndAffiliates);
//! # Ok::<(), vendor_screen::Error>(())
//! ```

pub mod csl;
pub mod dpl;
pub mod load;
pub mod ofac;
pub mod report;
pub mod toml;

pub use report::{ImportReport, Imported, Rejection};

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD`.
///
/// ```
/// use vendor_screen::list::Date;
/// let d: Date = "2026-06-08".parse()?;
/// assert_eq!(d.to_string(), "2026-06-08");
/// assert!(d > "2025-01-07".parse()?);
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// The placeholder an importer gives a list whose file states no date at
    /// all; [`load::load_path`] replaces it with the file's modification date
    /// and says so in the import report.
    pub const UNDATED: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// Builds a date, checking that the day exists.
    ///
    /// ```
    /// use vendor_screen::list::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (so callers can turn a clock
    /// reading into a date without this crate reading the clock).
    ///
    /// ```
    /// use vendor_screen::list::Date;
    /// assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
    /// assert_eq!(Date::from_days_since_epoch(20_612).to_string(), "2026-06-08");
    /// ```
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// Days from 1970-01-01 to this date (negative before it).
    ///
    /// ```
    /// use vendor_screen::list::Date;
    /// let d = Date::new(2026, 6, 8).unwrap();
    /// assert_eq!(d.days_since_epoch(), 20_612);
    /// ```
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, String> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).ok_or_else(|| format!("`{s}` is not a real calendar date"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What a list reaches beyond the entities it names.
///
/// ```
/// use vendor_screen::list::Reach;
/// assert_eq!(Reach::Owned50Percent.rule(), "OFAC 50 Percent Rule: entities owned 50% or more, individually or in aggregate, by listed persons are blocked");
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
                "OFAC 50 Percent Rule: entities owned 50% or more, individually or in aggregate, by listed persons are blocked"
            }
            Reach::NamedWithListedParents => {
                "the list reaches the entities it names, listed with their parent entities"
            }
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
    /// The date the list's content is current to.
    pub as_of: Date,
    /// What the list reaches beyond the named entities.
    pub reach: Reach,
    /// Category-wide entries (not name matches).
    pub categories: Vec<Category>,
}

/// What kind of party an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A company, organisation or institution.
    Organization,
    /// A natural person.
    Individual,
    /// A ship.
    Vessel,
    /// An aircraft.
    Aircraft,
}

/// How an entity is related to another party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// The other party owns or controls this entity.
    Parent,
    /// This entity owns or controls the other party.
    Subsidiary,
    /// The two are affiliated (common control, or named together by the list).
    Affiliate,
}

/// A link from an entity to another party, in the same list (`target`) or not
/// listed at all (`name` only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// The kind of link, from this entity's point of view.
    pub kind: RelationKind,
    /// Id of the other entity in the same list, when it is listed there.
    pub target: Option<String>,
    /// The other party's name as the source gives it.
    pub name: String,
    /// Ownership share in percent, when known.
    pub share: Option<f64>,
    /// The official document that states the link.
    pub citation: Option<String>,
}

/// A name in its original script (e.g. Chinese characters), with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginalName {
    /// The name as written.
    pub name: String,
    /// Where it is stated (the company's registration or annual report).
    pub citation: String,
}

/// An identifier such as a Unified Social Credit Code, ISIN or ticker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identifier {
    /// The kind of identifier (`USCC`, `ISIN`, `Equity Ticker`, ...).
    pub kind: String,
    /// Its value.
    pub value: String,
    /// Issuing country (ISO 3166 alpha-2), when known.
    pub country: Option<String>,
}

/// One listed party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The source's own identifier, unique within the list.
    pub id: String,
    /// The primary name.
    pub name: String,
    /// Other names it is known by.
    pub aliases: Vec<String>,
    /// Names it was formerly known by.
    pub former_names: Vec<String>,
    /// Names in their original script.
    pub original_names: Vec<OriginalName>,
    /// What kind of party it is.
    pub kind: EntityKind,
    /// Countries (ISO 3166 alpha-2).
    pub countries: Vec<String>,
    /// Addresses as published.
    pub addresses: Vec<String>,
    /// Identifiers.
    pub identifiers: Vec<Identifier>,
    /// Programs or legal bases within the list (e.g. `CMIC-EO13959`).
    pub programs: Vec<String>,
    /// When the listing took effect.
    pub start: Option<Date>,
    /// When the listing ended (removal, expiry), if it has.
    pub end: Option<Date>,
    /// Links to other parties.
    pub relations: Vec<Relation>,
    /// The official document this entry comes from.
    pub citation: String,
    /// Free-text notes (our own words, or the source's remarks for imported lists).
    pub notes: Option<String>,
}

/// Which of an entity's names a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// The primary name.
    Primary,
    /// An alias.
    Alias,
    /// A former name.
    Former,
    /// A name in its original script.
    Original,
}

impl Entity {
    /// Every name of the entity with its kind, primary first.
    ///
    /// ```
    /// let lists = vendor_screen::lists::bundled()?;
    /// let e = &lists[0].entities[0];
    /// assert_eq!(e.names().next().map(|(_, n)| n), Some(e.name.as_str()));
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn names(&self) -> impl Iterator<Item = (NameKind, &str)> {
        std::iter::once((NameKind::Primary, self.name.as_str()))
            .chain(self.aliases.iter().map(|a| (NameKind::Alias, a.as_str())))
            .chain(
                self.former_names
                    .iter()
                    .map(|a| (NameKind::Former, a.as_str())),
            )
            .chain(
                self.original_names
                    .iter()
                    .map(|a| (NameKind::Original, a.name.as_str())),
            )
    }

    /// Whether the listing is in force on `date`: started (when a start is
    /// known) on or before it, and not ended on or before it.
    ///
    /// ```
    /// use vendor_screen::list::Date;
    /// let lists = vendor_screen::lists::bundled()?;
    /// let e = &lists[0].entities[0];
    /// assert!(e.in_force(Date::new(2030, 1, 1).unwrap()) == e.end.is_none());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn in_force(&self, date: Date) -> bool {
        self.start.is_none_or(|start| start <= date) && self.end.is_none_or(|end| date < end)
    }
}

/// One designation list: metadata and entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignationList {
    /// What the list is.
    pub meta: ListMeta,
    /// Who is on it.
    pub entities: Vec<Entity>,
}

/// A stable id for a record whose source has none: 16 hex digits of the
/// FNV-1a hash of its identifying fields.
pub(crate) fn stable_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
