//! Screening: the [`Screener`] built once from lists, the [`Vendor`] query and
//! the [`Report`] of [`Hit`]s.
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//!
//! let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let today = Date::new(2026, 11, 22).unwrap();
//! let report = screener.screen(&Vendor::new("Hangzhou Hikvision Digital Technology Co., Ltd."), today);
//! assert!(report.hits.iter().any(|h| h.list == "ndaa-889"));
//! let clean = screener.screen(&Vendor::new("Acme Widgets LLC"), today);
//! assert!(clean.hits.is_empty());
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::explain::Explanation;
use crate::list::{Date, DesignationList, NameKind, Reach};
use crate::matcher::Matcher;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The default threshold: hits scoring below it are not reported.
pub const DEFAULT_THRESHOLD: f64 = 0.85;

/// A vendor to screen: its name, other names, country and owners.
///
/// ```
/// use vendor_screen::Vendor;
/// let v = Vendor::new("EZVIZ").with_id("v1").with_country("CN");
/// assert_eq!(v.name, "EZVIZ");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vendor {
    /// The caller's own id for the vendor, echoed in the report.
    pub id: Option<String>,
    /// The vendor's name as the vendor master holds it.
    pub name: String,
    /// Trading names, former names.
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-2 country, when known.
    pub country: Option<String>,
    /// Direct owners, each with their own owners in turn.
    pub owners: Vec<Owner>,
}

impl Vendor {
    /// A vendor with just a name.
    pub fn new(name: impl Into<String>) -> Vendor {
        Vendor {
            id: None,
            name: name.into(),
            aliases: Vec::new(),
            country: None,
            owners: Vec::new(),
        }
    }

    /// Sets the caller's id.
    pub fn with_id(mut self, id: impl Into<String>) -> Vendor {
        self.id = Some(id.into());
        self
    }

    /// Sets the country.
    pub fn with_country(mut self, country: impl Into<String>) -> Vendor {
        self.country = Some(country.into());
        self
    }

    /// Adds an alias.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Vendor {
        self.aliases.push(alias.into());
        self
    }

    /// Adds a direct owner.
    pub fn with_owner(mut self, owner: Owner) -> Vendor {
        self.owners.push(owner);
        self
    }
}

/// An owner of a vendor (or of another owner).
///
/// ```
/// use vendor_screen::Owner;
/// let o = Owner::new("Hangzhou Hikvision Digital Technology Co., Ltd.").with_share(100.0);
/// assert_eq!(o.share, Some(100.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    /// The owner's name.
    pub name: String,
    /// Share of the owned party held, in percent, when known.
    pub share: Option<f64>,
    /// The owner's own owners.
    pub owners: Vec<Owner>,
}

impl Owner {
    /// An owner with unknown share and no owners of its own.
    pub fn new(name: impl Into<String>) -> Owner {
        Owner {
            name: name.into(),
            share: None,
            owners: Vec::new(),
        }
    }

    /// Sets the share held, in percent.
    pub fn with_share(mut self, share: f64) -> Owner {
        self.share = Some(share);
        self
    }

    /// Adds an owner of this owner.
    pub fn with_owner(mut self, owner: Owner) -> Owner {
        self.owners.push(owner);
        self
    }
}

/// How a hit was reached (`via` in the JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Via {
    /// The vendor's own name matched.
    #[serde(rename = "self")]
    SelfName,
    /// One of the vendor's aliases matched.
    Alias {
        /// The alias as given.
        name: String,
    },
    /// An owner matched.
    Parent {
        /// 1 for a direct owner, 2 for its owner, ...
        level: usize,
        /// The owner's name as given.
        name: String,
        /// The share held, when known.
        share: Option<f64>,
    },
}

/// The status of a hit (see DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In force and within the list's reach.
    Match,
    /// In force, but whether the list reaches the vendor cannot be decided.
    Review,
    /// The name matches but the list's rule does not reach the vendor.
    OutOfReach,
    /// The entry ended before the as-of date.
    Expired,
    /// Suppressed by a reviewed clearance.
    Cleared,
}

impl Status {
    /// Whether the hit makes the vendor's screening fail (exit status 1).
    ///
    /// ```
    /// use vendor_screen::Status;
    /// assert!(Status::Match.counts() && Status::Review.counts());
    /// assert!(!Status::Expired.counts() && !Status::Cleared.counts());
    /// ```
    pub fn counts(self) -> bool {
        matches!(self, Status::Match | Status::Review)
    }
}

/// One hit: a vendor name matched a listed entity's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The list's id.
    pub list: String,
    /// The entity's id within the list.
    pub entity_id: String,
    /// The entity's primary name.
    pub entity_name: String,
    /// The entity's name that matched (primary, alias, former or original-script).
    pub matched_name: String,
    /// Which of the entity's names matched.
    pub matched_name_kind: NameKind,
    /// Similarity in [0, 1].
    pub score: f64,
    /// How the hit was reached.
    pub via: Via,
    /// What the hit means.
    pub status: Status,
    /// Why it scored what it scored.
    pub explanation: Explanation,
}

/// The as-of date and legal basis of a list used in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListUsed {
    /// The list's id.
    pub id: String,
    /// The date its content is current to.
    pub as_of: Date,
}

/// The result of screening one vendor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The date the vendor was screened as of.
    pub as_of: Date,
    /// Hits, highest score first, at most one per (list, entity).
    pub hits: Vec<Hit>,
}

impl Report {
    /// Whether any hit has status `match` or `review`.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
    /// # let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let r = screener.screen(&Vendor::new("ZTE Corporation"), Date::new(2026, 1, 1).unwrap());
    /// assert!(r.flagged());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn flagged(&self) -> bool {
        self.hits.iter().any(|h| h.status.counts())
    }
}

/// Collects lists and settings, then builds a [`Screener`].
///
/// ```
/// use vendor_screen::{ScreenerBuilder, lists};
/// let s = ScreenerBuilder::new().lists(lists::bundled()?).threshold(0.9).build()?;
/// assert_eq!(s.threshold(), 0.9);
/// assert!(ScreenerBuilder::new().threshold(1.5).build().is_err());
/// # Ok::<(), vendor_screen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ScreenerBuilder {
    lists: Vec<DesignationList>,
    threshold: f64,
}

impl Default for ScreenerBuilder {
    fn default() -> Self {
        ScreenerBuilder::new()
    }
}

impl ScreenerBuilder {
    /// An empty builder with the default threshold.
    pub fn new() -> ScreenerBuilder {
        ScreenerBuilder {
            lists: Vec::new(),
            threshold: DEFAULT_THRESHOLD,
        }
    }

    /// Adds one list.
    pub fn list(mut self, list: DesignationList) -> ScreenerBuilder {
        self.lists.push(list);
        self
    }

    /// Adds several lists.
    pub fn lists(mut self, lists: impl IntoIterator<Item = DesignationList>) -> ScreenerBuilder {
        self.lists.extend(lists);
        self
    }

    /// Sets the reporting threshold (0 to 1).
    pub fn threshold(mut self, threshold: f64) -> ScreenerBuilder {
        self.threshold = threshold;
        self
    }

    /// Validates the settings and prepares every listed name for matching.
    pub fn build(self) -> Result<Screener> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::Argument {
                name: "threshold".into(),
                message: format!("{} is not between 0 and 1", self.threshold),
            });
        }
        let mut seen = HashMap::new();
        for (i, l) in self.lists.iter().enumerate() {
            if let Some(j) = seen.insert(l.meta.id.as_str(), i) {
                return Err(Error::Argument {
                    name: "list".into(),
                    message: format!(
                        "list id `{}` is loaded twice (lists {} and {})",
                        l.meta.id,
                        j + 1,
                        i + 1
                    ),
                });
            }
        }
        let mut names = Vec::new();
        for (li, list) in self.lists.iter().enumerate() {
            for (ei, entity) in list.entities.iter().enumerate() {
                for (kind, name) in entity.names() {
                    names.push(NameRef {
                        list: li,
                        entity: ei,
                        kind,
                        text: name.to_string(),
                    });
                }
            }
        }
        let matcher = Matcher::new(names.iter().map(|n| n.text.as_str()));
        Ok(Screener {
            lists: self.lists,
            names,
            matcher,
            threshold: self.threshold,
        })
    }
}

#[derive(Debug, Clone)]
struct NameRef {
    list: usize,
    entity: usize,
    kind: NameKind,
    text: String,
}

/// An immutable screener, built once and shared across threads.
#[derive(Debug, Clone)]
pub struct Screener {
    lists: Vec<DesignationList>,
    names: Vec<NameRef>,
    matcher: Matcher,
    threshold: f64,
}

impl Screener {
    /// The reporting threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The loaded lists.
    pub fn lists(&self) -> &[DesignationList] {
        &self.lists
    }

    /// The loaded lists' ids and as-of dates.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, lists};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// assert_eq!(s.lists_used().len(), 4);
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn lists_used(&self) -> Vec<ListUsed> {
        self.lists
            .iter()
            .map(|l| ListUsed {
                id: l.meta.id.clone(),
                as_of: l.meta.as_of,
            })
            .collect()
    }

    /// Screens a vendor, its aliases and its owners against every list, as of `as_of`.
    pub fn screen(&self, vendor: &Vendor, as_of: Date) -> Report {
        self.screen_with(vendor, as_of, false)
    }

    /// The same as [`Screener::screen`], but scoring every listed name
    /// instead of the index's candidates: the slow reference the index is
    /// tested and benchmarked against. Gives the same report.
    ///
    /// ```
    /// # use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
    /// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
    /// let v = Vendor::new("Hik Vision USA Inc");
    /// let d = Date::new(2026, 11, 22).unwrap();
    /// assert_eq!(s.screen(&v, d), s.screen_brute_force(&v, d));
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn screen_brute_force(&self, vendor: &Vendor, as_of: Date) -> Report {
        self.screen_with(vendor, as_of, true)
    }

    fn screen_with(&self, vendor: &Vendor, as_of: Date, brute_force: bool) -> Report {
        let mut queries: Vec<(String, Via)> = vec![(vendor.name.clone(), Via::SelfName)];
        for a in &vendor.aliases {
            queries.push((a.clone(), Via::Alias { name: a.clone() }));
        }
        collect_owners(&vendor.owners, 1, &mut queries);

        let mut best: HashMap<(usize, usize), Hit> = HashMap::new();
        for (query, via) in &queries {
            let found = if brute_force {
                self.matcher.find_brute_force(query, self.threshold)
            } else {
                self.matcher.find(query, self.threshold)
            };
            for m in found {
                let name = &self.names[m.name];
                let list = &self.lists[name.list];
                let entity = &list.entities[name.entity];
                let status = if entity.in_force(as_of) {
                    status_for(list.meta.reach, via)
                } else {
                    Status::Expired
                };
                let hit = Hit {
                    list: list.meta.id.clone(),
                    entity_id: entity.id.clone(),
                    entity_name: entity.name.clone(),
                    matched_name: name.text.clone(),
                    matched_name_kind: name.kind,
                    score: m.score,
                    via: via.clone(),
                    status,
                    explanation: m.explanation,
                };
                let key = (name.list, name.entity);
                let better = best.get(&key).is_none_or(|old| rank(&hit) > rank(old));
                if better {
                    best.insert(key, hit);
                }
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.list.cmp(&b.list))
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        Report { as_of, hits }
    }
}

/// Ordering of two hits on the same entity: a counting status first, then the
/// higher score, then the nearer path.
fn rank(hit: &Hit) -> (bool, u64, i64) {
    let depth = match &hit.via {
        Via::SelfName => 0,
        Via::Alias { .. } => 1,
        Via::Parent { level, .. } => 1 + *level as i64,
    };
    (hit.status.counts(), (hit.score * 1e9) as u64, -depth)
}

fn collect_owners(owners: &[crate::screen::Owner], level: usize, out: &mut Vec<(String, Via)>) {
    for o in owners {
        out.push((
            o.name.clone(),
            Via::Parent {
                level,
                name: o.name.clone(),
                share: o.share,
            },
        ));
        collect_owners(&o.owners, level + 1, out);
    }
}

/// The status of an in-force hit, from the list's reach and the path.
fn status_for(reach: Reach, via: &Via) -> Status {
    match via {
        Via::SelfName | Via::Alias { .. } => Status::Match,
        Via::Parent { share, .. } => match reach {
            Reach::NamedOnly => Status::OutOfReach,
            Reach::SubsidiariesAndAffiliates | Reach::NamedWithListedParents => Status::Match,
            Reach::Owned50Percent => match share {
                Some(s) if *s >= 50.0 => Status::Match,
                Some(_) => Status::OutOfReach,
                None => Status::Review,
            },
        },
    }
}
