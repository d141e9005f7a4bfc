//! Clearances: reviewed false positives, applied exactly.
//!
//! A clearance says "this vendor is not this listed entity, on this list,
//! along this path", with who decided, when and why. It covers precisely:
//!
//! - **one vendor**: the vendor whose id is `vendor` when the input has ids
//!   (the name is then not consulted, so two vendors of the same name are
//!   never cleared together); otherwise the vendor whose name normalises to
//!   the same text as `vendor` (case, punctuation, spacing and legal forms
//!   spelled differently still agree);
//! - **one list and one entity**: `list` and `entity_id` exactly; a list id
//!   that is not loaded is an error;
//! - **one path**: `path` is `self` (the vendor's own name; the default when
//!   the column is absent), `alias:NAME` (that alias of the vendor),
//!   `owner:NAME` (that owner of the vendor, at any level) or
//!   `identifier:KIND` (an identifier match of that kind). A hit reached
//!   through a list's relation (a listed parent) takes the path of the name
//!   that matched: clearing the vendor's own-name hit on a parent does not
//!   clear the same parent reached through an owner.
//!
//! `reason` and `reviewer` must be non-empty and `date` a real date not after
//! the as-of date of the screening. A cleared hit keeps its place in the
//! report with status `cleared`; clearances that cleared nothing are
//! reported as stale ([`ClearanceSet::stale`]). Clearances are applied while
//! screening ([`Screener::screen_cleared`]), path by path, so a cleared path
//! never hides another path to the same entity: clearing the vendor's own
//! name on an entity leaves its owner's hit on that entity standing.
//!
//! ```
//! use vendor_screen::clearance::{ClearanceSet, read_clearances};
//! use vendor_screen::{ScreenerBuilder, Status, Vendor, lists, list::Date};
//!
//! let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let as_of = Date::new(2026, 11, 22).unwrap();
//! let csv = "vendor,list,entity_id,path,reason,reviewer,date\n\
//!            v7,ndaa-889,zte,self,reviewed: a different ZTE,alice,2026-11-01\n";
//! let set = ClearanceSet::new(read_clearances(csv.as_bytes(), "cleared.csv")?, &screener, as_of)?;
//! let vendor = Vendor::new("ZTE Corp").with_id("v7");
//! let (report, used) = screener.screen_cleared(&vendor, as_of, &set);
//! assert_eq!(used, [0]);
//! let ndaa = report.hits.iter().find(|h| h.list == "ndaa-889").unwrap();
//! assert_eq!(ndaa.status, Status::Cleared);
//! assert!(report.hits.iter().any(|h| h.list == "fcc-covered" && h.status == Status::Match));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

mod read;

pub use read::read_clearances;

use crate::error::{Error, Result, escape_controls};
use crate::list::Date;
use crate::normalize::Normalizer;
use crate::screen::vendor::IdentifierKind;
use crate::screen::{Screener, Vendor, Via};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The path a clearance covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ClearancePath {
    /// The vendor's own name (and relations reached from it).
    SelfName,
    /// This alias of the vendor (and relations reached from it).
    Alias(String),
    /// This owner of the vendor, at any level.
    Owner(String),
    /// An identifier match of this kind.
    Identifier(IdentifierKind),
}

impl ClearancePath {
    /// The path of a hit reached along `via`: a listed relation takes the
    /// path of the name that matched.
    ///
    /// ```
    /// use vendor_screen::{Via, clearance::ClearancePath};
    /// let owner = Via::Parent { level: 2, name: "CETC".into(), share: None };
    /// assert_eq!(ClearancePath::of(&owner).to_string(), "owner:CETC");
    /// ```
    pub fn of(via: &Via) -> ClearancePath {
        match via {
            Via::SelfName | Via::Relation { alias: None, .. } => ClearancePath::SelfName,
            Via::Alias { name }
            | Via::Relation {
                alias: Some(name), ..
            } => ClearancePath::Alias(name.clone()),
            Via::Parent { name, .. } => ClearancePath::Owner(name.clone()),
        }
    }
}

impl fmt::Display for ClearancePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClearancePath::SelfName => write!(f, "self"),
            ClearancePath::Alias(n) => write!(f, "alias:{n}"),
            ClearancePath::Owner(n) => write!(f, "owner:{n}"),
            ClearancePath::Identifier(k) => write!(f, "identifier:{}", k.as_str()),
        }
    }
}

impl FromStr for ClearancePath {
    type Err = String;

    /// ```
    /// use vendor_screen::clearance::ClearancePath;
    /// assert_eq!("owner:Hikvision".parse(), Ok(ClearancePath::Owner("Hikvision".into())));
    /// assert_eq!("".parse(), Ok(ClearancePath::SelfName));
    /// assert!("parent".parse::<ClearancePath>().is_err());
    /// ```
    fn from_str(s: &str) -> std::result::Result<ClearancePath, String> {
        let s = s.trim();
        let named = |rest: &str, what: &str| {
            let n = rest.trim();
            if n.is_empty() {
                Err(format!("`{s}`: the {what}'s name is missing"))
            } else {
                Ok(n.to_string())
            }
        };
        if s.is_empty() || s.eq_ignore_ascii_case("self") {
            Ok(ClearancePath::SelfName)
        } else if let Some(rest) = strip_prefix_ci(s, "alias:") {
            named(rest, "alias").map(ClearancePath::Alias)
        } else if let Some(rest) = strip_prefix_ci(s, "owner:") {
            named(rest, "owner").map(ClearancePath::Owner)
        } else if let Some(rest) = strip_prefix_ci(s, "identifier:") {
            IdentifierKind::ALL
                .into_iter()
                .find(|k| k.as_str().eq_ignore_ascii_case(rest.trim()))
                .map(ClearancePath::Identifier)
                .ok_or_else(|| {
                    format!(
                        "`{s}`: the identifier kind must be one of uei, cage, lei, duns, tax_id"
                    )
                })
        } else {
            Err(format!(
                "`{s}` is not a path (self, alias:NAME, owner:NAME or identifier:KIND)"
            ))
        }
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix))
    .then(|| &s[prefix.len()..])
}

impl Serialize for ClearancePath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClearancePath {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// A reviewed false positive: this vendor is not this listed entity, along
/// this path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clearance {
    /// The vendor's id, or its name when the input has no ids.
    pub vendor: String,
    /// The list id.
    pub list: String,
    /// The entity id within the list.
    pub entity_id: String,
    /// The path it covers.
    pub path: ClearancePath,
    /// Why it is not a match.
    pub reason: String,
    /// Who decided.
    pub reviewer: String,
    /// When.
    pub date: Date,
}

/// Where a clearance was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The clearance.
    pub clearance: Clearance,
    /// The file.
    pub file: String,
    /// Its line.
    pub line: usize,
}

/// The key a name is compared by: its normalised text.
fn name_key(normalizer: &Normalizer, name: &str) -> String {
    normalizer.normalize(name).text()
}

/// Clearances checked against a screener and an as-of date, ready to apply.
#[derive(Debug, Clone)]
pub struct ClearanceSet {
    rows: Vec<Located>,
    /// Per row: the normalised vendor name and path name.
    keys: Vec<(String, Option<String>)>,
    /// Per row: why it can never apply (its entity is not on the list).
    unknown_entity: Vec<bool>,
    normalizer: Normalizer,
}

/// A clearance that cleared nothing, and why that may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleClearance<'a> {
    /// The clearance and where it is.
    pub row: &'a Located,
    /// Why it is stale.
    pub reason: String,
}

impl fmt::Display for StaleClearance<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.row.clearance;
        write!(
            f,
            "{}:{}: clearance of vendor \"{}\" on {} {} ({}) cleared nothing: {}",
            escape_controls(&self.row.file),
            self.row.line,
            escape_controls(&c.vendor),
            escape_controls(&c.list),
            escape_controls(&c.entity_id),
            escape_controls(&c.path.to_string()),
            self.reason
        )
    }
}

impl ClearanceSet {
    /// Checks the clearances against the screener's lists (an unknown list
    /// id is an error) and the as-of date (a clearance dated after it is an
    /// error: it had not been decided yet).
    pub fn new(rows: Vec<Located>, screener: &Screener, as_of: Date) -> Result<ClearanceSet> {
        let normalizer = screener.normalizer().clone();
        let mut keys = Vec::new();
        let mut unknown_entity = Vec::new();
        for r in &rows {
            let c = &r.clearance;
            let err = |field: &str, msg: String| Error::invalid(&r.file, Some(r.line), field, msg);
            if !screener.lists().iter().any(|l| l.meta.id == c.list) {
                let ids: Vec<&str> = screener
                    .lists()
                    .iter()
                    .map(|l| l.meta.id.as_str())
                    .collect();
                return Err(err(
                    "list",
                    format!(
                        "no list `{}` is loaded (loaded: {})",
                        c.list,
                        ids.join(", ")
                    ),
                ));
            }
            if c.date > as_of {
                return Err(err(
                    "date",
                    format!(
                        "{} is after the as-of date {as_of}: the clearance had not been decided yet",
                        c.date
                    ),
                ));
            }
            unknown_entity.push(screener.entity(&c.list, &c.entity_id).is_none());
            let path_name = match &c.path {
                ClearancePath::Alias(n) | ClearancePath::Owner(n) => Some(name_key(&normalizer, n)),
                _ => None,
            };
            keys.push((name_key(&normalizer, &c.vendor), path_name));
        }
        Ok(ClearanceSet {
            rows,
            keys,
            unknown_entity,
            normalizer,
        })
    }

    /// A set of clearances made in code (such as [`crate::Finding::clearances`]),
    /// checked as [`ClearanceSet::new`] does.
    pub fn from_clearances(
        clearances: Vec<Clearance>,
        screener: &Screener,
        as_of: Date,
    ) -> Result<ClearanceSet> {
        let rows = clearances
            .into_iter()
            .map(|clearance| Located {
                clearance,
                file: "<code>".to_string(),
                line: 0,
            })
            .collect();
        ClearanceSet::new(rows, screener, as_of)
    }

    /// Reads the clearance file at `path` (none: an empty set) and checks it
    /// as [`ClearanceSet::new`] does.
    pub fn load(path: Option<&str>, screener: &Screener, as_of: Date) -> Result<ClearanceSet> {
        let rows = match path {
            Some(p) => {
                let data = std::fs::read(p).map_err(|source| Error::Io {
                    path: p.into(),
                    source,
                })?;
                read_clearances(&data, p)?
            }
            None => Vec::new(),
        };
        ClearanceSet::new(rows, screener, as_of)
    }

    /// The clearances.
    pub fn rows(&self) -> &[Located] {
        &self.rows
    }

    /// The (list, entity id) pairs the clearances name: a re-screen counts
    /// them as touched ([`since`](crate::rescreen::since)).
    pub fn entities(&self) -> Vec<(String, String)> {
        self.rows
            .iter()
            .map(|c| (c.clearance.list.clone(), c.clearance.entity_id.clone()))
            .collect()
    }

    /// The clearances that cover `vendor`, ready to test its hits against.
    pub(crate) fn for_vendor(&self, vendor: &Vendor) -> VendorClearances<'_> {
        let name_key = match &vendor.id {
            Some(_) => String::new(),
            None => name_key(&self.normalizer, &vendor.name),
        };
        let candidates = (0..self.rows.len())
            .filter(|&i| {
                let c = &self.rows[i].clearance;
                match &vendor.id {
                    Some(id) => c.vendor.trim() == id.trim(),
                    None => !name_key.is_empty() && self.keys[i].0 == name_key,
                }
            })
            .collect();
        VendorClearances {
            set: self,
            candidates,
        }
    }

    /// The clearances whose index is not among `used` (the indexes
    /// [`Screener::screen_cleared`] returned, in any order), each with the likely
    /// reason.
    pub fn stale(&self, used: impl IntoIterator<Item = usize>) -> Vec<StaleClearance<'_>> {
        let used: std::collections::HashSet<usize> = used.into_iter().collect();
        self.rows
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(i, row)| StaleClearance {
                row,
                reason: if self.unknown_entity[i] {
                    format!(
                        "list {} has no entity {} (removed, or its id changed)",
                        row.clearance.list, row.clearance.entity_id
                    )
                } else {
                    "no screened vendor has that hit any more (renamed, removed from the input, or no longer matching)".to_string()
                },
            })
            .collect()
    }
}

/// The clearances covering one vendor.
#[derive(Debug)]
pub(crate) struct VendorClearances<'a> {
    set: &'a ClearanceSet,
    candidates: Vec<usize>,
}

impl VendorClearances<'_> {
    /// The clearance of a name hit on `list`/`entity_id` reached along
    /// `via`, if one covers it.
    pub(crate) fn hit(&self, via: &Via, list: &str, entity_id: &str) -> Option<usize> {
        if self.candidates.is_empty() {
            return None;
        }
        let key = |s: &str| name_key(&self.set.normalizer, s);
        let (kind, name) = match via {
            Via::SelfName | Via::Relation { alias: None, .. } => (0, None),
            Via::Alias { name }
            | Via::Relation {
                alias: Some(name), ..
            } => (1, Some(key(name))),
            Via::Parent { name, .. } => (2, Some(key(name))),
        };
        self.candidates.iter().copied().find(|&i| {
            let c = &self.set.rows[i].clearance;
            let path_ok = match (&c.path, kind) {
                (ClearancePath::SelfName, 0) => true,
                (ClearancePath::Alias(_), 1) | (ClearancePath::Owner(_), 2) => {
                    self.set.keys[i].1 == name
                }
                _ => false,
            };
            path_ok && c.list == list && c.entity_id == entity_id
        })
    }

    /// The clearance of an identifier hit, if one covers it.
    pub(crate) fn identifier(
        &self,
        kind: IdentifierKind,
        list: &str,
        entity_id: &str,
    ) -> Option<usize> {
        self.candidates.iter().copied().find(|&i| {
            let c = &self.set.rows[i].clearance;
            c.path == ClearancePath::Identifier(kind) && c.list == list && c.entity_id == entity_id
        })
    }

    /// Clearance `i`.
    pub(crate) fn clearance(&self, i: usize) -> &Clearance {
        &self.set.rows[i].clearance
    }
}
