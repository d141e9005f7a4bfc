//! What screening one vendor gives: a [`Report`] of [`Hit`]s (one per list
//! and entity, the JSON contract), [`IdentifierHit`]s and the
//! [`Finding`]s that group them per real entity.

use crate::explain::Explanation;
use crate::findings::Finding;
use crate::list::{Date, NameKind};
use crate::screen::vendor::VendorIdentifier;
use serde::{Deserialize, Serialize};

/// How a hit was reached (`via` in the JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Via {
    /// The vendor's own name matched.
    #[serde(rename = "self")]
    SelfName,
    /// One of the vendor's aliases matched, or a name written into its
    /// name or an alias after DBA, T/A, A/K/A or F/K/A
    /// ([`crate::screen::trade_names`]).
    Alias {
        /// The alias as given, or as written into the name.
        name: String,
    },
    /// The vendor matched a listed entity (`entity_id`, `entity_name`) that
    /// the list links to the hit's entity: the hit's entity is its `link`
    /// (its parent, or an affiliate).
    Relation {
        /// The entity the vendor matched.
        entity_id: String,
        /// Its name.
        entity_name: String,
        /// What the hit's entity is to the matched entity (`parent`,
        /// `parent, 51%`, `affiliate`).
        link: String,
        /// The document stating the link.
        citation: Option<String>,
        /// The vendor's alias that matched the entity, when it was not the
        /// vendor's own name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        alias: Option<String>,
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

impl Via {
    /// How far the path is from the vendor: its own name 0, an alias 1, a
    /// list's relation 2, an owner at level N 2 + N. Nearer paths are shown
    /// first among equal scores.
    pub fn depth(&self) -> usize {
        match self {
            Via::SelfName => 0,
            Via::Alias { .. } => 1,
            Via::Relation { .. } => 2,
            Via::Parent { level, .. } => 2 + level,
        }
    }

    /// Whose name matched, in words: `the vendor's name`, `the vendor's
    /// alias "EZVIZ"`, `its owner "Hikvision" (level 1, 100%)`.
    ///
    /// ```
    /// use vendor_screen::Via;
    /// assert_eq!(Via::SelfName.whose_name(), "the vendor's name");
    /// let owner = Via::Parent { level: 2, name: "CETC".into(), share: None };
    /// assert_eq!(owner.whose_name(), "the name of its owner \"CETC\" (level 2, share unknown)");
    /// ```
    pub fn whose_name(&self) -> String {
        use crate::error::shorten;
        match self {
            Via::SelfName => "the vendor's name".to_string(),
            Via::Alias { name } => format!("the vendor's alias \"{}\"", shorten(name, 80)),
            Via::Relation { alias: None, .. } => "the vendor's name".to_string(),
            Via::Relation { alias: Some(a), .. } => {
                format!("the vendor's alias \"{}\"", shorten(a, 80))
            }
            Via::Parent { level, name, share } => {
                let share = share.map_or("share unknown".to_string(), |s| format!("{s}%"));
                format!(
                    "the name of its owner \"{}\" (level {level}, {share})",
                    shorten(name, 80)
                )
            }
        }
    }
}

/// The status of a hit (see DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In force and within the list's reach.
    Match,
    /// In force, but whether the list reaches the vendor cannot be decided.
    Review,
    /// The name matches but the list's rule does not reach the vendor.
    OutOfReach,
    /// The entry ended (removal, expiry) on or before the as-of date.
    Expired,
    /// The entry takes effect only after the as-of date.
    NotYetListed,
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
    /// assert!(!Status::NotYetListed.counts());
    /// ```
    pub fn counts(self) -> bool {
        matches!(self, Status::Match | Status::Review)
    }

    /// How serious the status is, for ordering: `match` above `review`,
    /// above `cleared`, `out_of_reach`, `expired` and `not_yet_listed`.
    ///
    /// ```
    /// use vendor_screen::Status;
    /// assert!(Status::Match.severity() > Status::Review.severity());
    /// assert!(Status::Cleared.severity() > Status::Expired.severity());
    /// ```
    pub fn severity(self) -> u8 {
        match self {
            Status::Match => 5,
            Status::Review => 4,
            Status::Cleared => 3,
            Status::OutOfReach => 2,
            Status::Expired => 1,
            Status::NotYetListed => 0,
        }
    }

    /// The status as the JSON contract spells it (`out_of_reach`).
    ///
    /// ```
    /// assert_eq!(vendor_screen::Status::NotYetListed.as_str(), "not_yet_listed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Match => "match",
            Status::Review => "review",
            Status::OutOfReach => "out_of_reach",
            Status::Expired => "expired",
            Status::NotYetListed => "not_yet_listed",
            Status::Cleared => "cleared",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One hit: a vendor name matched a listed entity's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The list's id.
    pub list: String,
    /// The entity's id within the list.
    pub entity_id: String,
    /// The entity's primary name.
    pub entity_name: String,
    /// The entity's name that matched (primary, alias, former, original-script
    /// or weak alias).
    pub matched_name: String,
    /// Which of the entity's names matched.
    pub matched_name_kind: NameKind,
    /// Similarity in [0, 1], rounded to 3 decimals.
    pub score: f64,
    /// How the hit was reached.
    pub via: Via,
    /// What the hit means.
    pub status: Status,
    /// The list's legal basis (statute, regulation, order).
    #[serde(default)]
    pub legal_basis: String,
    /// The official document the entity's listing comes from.
    #[serde(default)]
    pub citation: String,
    /// The reviewed clearance that suppressed it (status `cleared`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<crate::clearance::Clearance>,
    /// Why it scored what it scored, and the rule behind its status.
    pub explanation: Explanation,
}

/// An exact match of one of the vendor's identifiers with an identifier a
/// listed entity carries: evidence of its own kind, independent of names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdentifierHit {
    /// The list's id.
    pub list: String,
    /// The entity's id within the list.
    pub entity_id: String,
    /// The entity's primary name.
    pub entity_name: String,
    /// The vendor's identifier.
    pub vendor_identifier: VendorIdentifier,
    /// The kind of identifier as the list states it (`Legal Entity Number`).
    pub listed_kind: String,
    /// The value as the list states it.
    pub listed_value: String,
    /// What the hit means (`match`, `expired`, `not_yet_listed`, `cleared`).
    pub status: Status,
    /// Why: the comparison and the status rule, in words.
    pub rule: String,
    /// The list's legal basis.
    pub legal_basis: String,
    /// The official document the entity's listing comes from.
    pub citation: String,
    /// The reviewed clearance that suppressed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<crate::clearance::Clearance>,
}

/// A list used in a report: its id, dates and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListUsed {
    /// The list's id.
    pub id: String,
    /// The date its content is current to; `None` when unknown.
    pub as_of: Option<Date>,
    /// When it was last checked against its official source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Date>,
    /// For a list we maintain (the bundled ones): when it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amended: Option<Date>,
    /// The file it was read from (`<bundled:lists/NAME>` for a bundled list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// SHA-256 of that file, lower-case hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

impl ListUsed {
    /// What a report says of a list.
    pub fn of(meta: &crate::list::ListMeta) -> ListUsed {
        ListUsed {
            id: meta.id.clone(),
            as_of: meta.as_of,
            verified: meta.verified,
            amended: meta.amended,
            source: meta.source.as_ref().map(|s| s.file.clone()),
            sha256: meta.source.as_ref().map(|s| s.sha256.clone()),
        }
    }
}

/// The result of screening one vendor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The date the vendor was screened as of.
    pub as_of: Date,
    /// The lists used and the date each is current to.
    pub lists: Vec<ListUsed>,
    /// Hits, highest score first, at most one per (list, entity).
    pub hits: Vec<Hit>,
    /// Exact identifier matches, at most one per (list, entity).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier_hits: Vec<IdentifierHit>,
    /// One finding per real entity, grouping its hits across lists, with
    /// its listed relations nested; the most serious first.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether any hit or identifier hit has status `match` or `review`.
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
            || self.identifier_hits.iter().any(|h| h.status.counts())
    }
}

/// `x` rounded to 3 decimals, as scores are reported.
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
