//! Listed parties: names, kinds, links, and the periods they are listed for.

use super::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One period an entity is (or was) listed for, as the source states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// When the listing took effect, when known.
    pub start: Option<Date>,
    /// When it ended (removal, expiry), if it has.
    pub end: Option<Date>,
    /// The official document for this period (a Federal Register notice, a
    /// list edition), when the source gives one per period.
    pub citation: Option<String>,
    /// The source's action or program for this period (a DPL action such as
    /// `F.R. NOTICE ADDED`, a §1260H edition), when it gives one.
    pub action: Option<String>,
}

impl Period {
    /// A period with these dates and no citation or action.
    pub fn new(start: Option<Date>, end: Option<Date>) -> Period {
        Period {
            start,
            end,
            citation: None,
            action: None,
        }
    }

    /// Started (when a start is known) on or before `date`, and not ended on
    /// or before it.
    ///
    /// ```
    /// use vendor_screen::list::Period;
    /// let p = Period::new("2021-06-03".parse().ok(), "2024-01-31".parse().ok());
    /// assert!(p.in_force("2021-06-03".parse()?) && !p.in_force("2024-01-31".parse()?));
    /// # Ok::<(), String>(())
    /// ```
    pub fn in_force(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }
}

/// Why an entity is not in force on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum NotInForce {
    /// Every period starts after the date; the first starts `from`.
    NotYetListed {
        /// The first start after the date.
        from: Date,
    },
    /// Listed before, but the last period in force ended `on` (on or before
    /// the date).
    Ended {
        /// The last end on or before the date.
        on: Date,
    },
}

impl fmt::Display for NotInForce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotInForce::NotYetListed { from } => write!(f, "listed only from {from}"),
            NotInForce::Ended { on } => write!(f, "removed or expired on {on}"),
        }
    }
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
    /// Weak aliases: nicknames, noms de guerre and common acronyms that OFAC
    /// marks as weak (in its delimited files, the quoted `a.k.a.`s of the
    /// remarks). OFAC does not expect them to be screened for (FAQ 124);
    /// they help confirm a hit. A vendor's name hits one only when it is
    /// the alias, word for word ([`NameKind::WeakAlias`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weak_aliases: Vec<String>,
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
    /// The periods it is (or was) listed for, each with its own dates,
    /// citation and action; none when the source gives no dates (then the
    /// entity is always in force).
    pub periods: Vec<Period>,
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
    /// A weak alias ([`Entity::weak_aliases`]): it hits only a vendor's name
    /// that is the alias word for word ("PPL", not "PPL Corp"), never by
    /// likeness or as a group's name.
    WeakAlias,
}

impl Entity {
    /// An organisation with the given id, name and citation and nothing else:
    /// a start for lists built in code.
    ///
    /// ```
    /// let e = vendor_screen::list::Entity::new("e1", "Example Co.", "Example notice");
    /// assert!(e.in_force("2026-01-01".parse()?));
    /// # Ok::<(), String>(())
    /// ```
    pub fn new(id: &str, name: &str, citation: &str) -> Entity {
        Entity {
            id: id.to_string(),
            name: name.to_string(),
            aliases: Vec::new(),
            weak_aliases: Vec::new(),
            former_names: Vec::new(),
            original_names: Vec::new(),
            kind: EntityKind::Organization,
            countries: Vec::new(),
            addresses: Vec::new(),
            identifiers: Vec::new(),
            programs: Vec::new(),
            periods: Vec::new(),
            relations: Vec::new(),
            citation: citation.to_string(),
            notes: None,
        }
    }

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
            .chain(
                self.weak_aliases
                    .iter()
                    .map(|a| (NameKind::WeakAlias, a.as_str())),
            )
    }

    /// Whether the listing is in force on `date`: some period is (started,
    /// when a start is known, on or before it, and not ended on or before
    /// it), or the entity has no periods at all.
    ///
    /// ```
    /// use vendor_screen::list::{Date, Entity, Period};
    /// let d = |s: &str| s.parse::<Date>().ok();
    /// let mut e = Entity::new("p1", "Example Person", "83 F.R. 1");
    /// e.periods = vec![Period::new(d("2017-09-28"), d("2023-12-16")), Period::new(d("2017-09-28"), d("2030-12-16"))];
    /// assert!(e.in_force("2026-01-01".parse()?), "the longer order still runs");
    /// # Ok::<(), String>(())
    /// ```
    pub fn in_force(&self, date: Date) -> bool {
        self.periods.is_empty() || self.periods.iter().any(|p| p.in_force(date))
    }

    /// Why the entity is not in force on `date`, or `None` when it is: ended
    /// (the last end on or before the date) or not yet listed (the first start
    /// after it).
    ///
    /// ```
    /// use vendor_screen::list::{Date, Entity, NotInForce, Period};
    /// let d = |s: &str| s.parse::<Date>().ok();
    /// let mut e = Entity::new("x", "Example Co.", "notice");
    /// e.periods = vec![Period::new(d("2021-06-03"), d("2024-01-31"))];
    /// assert_eq!(e.why_not_in_force("2020-01-01".parse()?), Some(NotInForce::NotYetListed { from: "2021-06-03".parse()? }));
    /// assert_eq!(e.why_not_in_force("2025-01-01".parse()?), Some(NotInForce::Ended { on: "2024-01-31".parse()? }));
    /// assert_eq!(e.why_not_in_force("2022-01-01".parse()?), None);
    /// # Ok::<(), String>(())
    /// ```
    pub fn why_not_in_force(&self, date: Date) -> Option<NotInForce> {
        if self.in_force(date) {
            return None;
        }
        let ended = self
            .periods
            .iter()
            .filter_map(|p| p.end.filter(|&e| e <= date))
            .max();
        if let Some(on) = ended {
            return Some(NotInForce::Ended { on });
        }
        self.periods
            .iter()
            .filter_map(|p| p.start.filter(|&s| s > date))
            .min()
            .map(|from| NotInForce::NotYetListed { from })
    }

    /// The earliest start of any period, when one is known.
    pub fn first_start(&self) -> Option<Date> {
        self.periods.iter().filter_map(|p| p.start).min()
    }

    /// The latest end, or `None` when some period is open-ended (or there
    /// are no periods).
    pub fn last_end(&self) -> Option<Date> {
        if self.periods.is_empty() || self.periods.iter().any(|p| p.end.is_none()) {
            return None;
        }
        self.periods.iter().filter_map(|p| p.end).max()
    }

    /// Adds a period unless an identical one is already there.
    pub fn add_period(&mut self, period: Period) {
        if !self.periods.contains(&period) {
            self.periods.push(period);
        }
    }
}
