//! What changed for a vendor since an earlier run, as data, as a line of
//! text and as a JSON line.

use super::earlier::EarlierHit;
use crate::list::Date;
use crate::screen::{Report, Status};
use std::fmt;

/// What changed for one vendor between an earlier run and now.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// A hit that was not there before.
    New {
        /// The list id.
        list: String,
        /// The entity id.
        entity_id: String,
        /// The entity's name.
        entity_name: String,
        /// Its status now.
        status: Status,
    },
    /// A hit that is gone.
    Gone {
        /// The list id.
        list: String,
        /// The entity id.
        entity_id: String,
        /// The entity's name.
        entity_name: String,
        /// Its status before.
        status: Status,
    },
    /// A hit whose status changed.
    Status {
        /// The list id.
        list: String,
        /// The entity id.
        entity_id: String,
        /// The entity's name.
        entity_name: String,
        /// Before.
        from: Status,
        /// Now.
        to: Status,
    },
}

impl Change {
    /// Whether the change asks for a review: a new hit, or a status that
    /// became `match` or `review`.
    pub fn needs_review(&self) -> bool {
        match self {
            Change::New { status, .. } | Change::Status { to: status, .. } => {
                matches!(status, Status::Match | Status::Review)
            }
            Change::Gone { .. } => false,
        }
    }
}

/// What changed between a vendor's earlier hits and its report now: new
/// hits, hits gone, status changes (by list and entity).
///
/// ```
/// use vendor_screen::rescreen::{Change, EarlierHit, changes};
/// use vendor_screen::{ScreenerBuilder, Status, Vendor, lists, list::Date};
/// let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
/// let now = s.screen(&Vendor::new("ZTE Corporation"), Date::new(2026, 11, 25).unwrap());
/// let c = changes(&[], &now);
/// assert!(c.iter().all(|c| matches!(c, Change::New { .. })) && c.iter().any(Change::needs_review));
/// let before: Vec<EarlierHit> = now.hits.iter().map(|h| EarlierHit {
///     list: h.list.clone(), entity_id: h.entity_id.clone(), entity_name: h.entity_name.clone(),
///     status: h.status, via: None }).collect();
/// assert!(changes(&before, &now).is_empty());
/// # Ok::<(), vendor_screen::Error>(())
/// ```
pub fn changes(earlier: &[EarlierHit], now: &Report) -> Vec<Change> {
    let mut out = Vec::new();
    for h in &now.hits {
        match earlier
            .iter()
            .find(|e| e.list == h.list && e.entity_id == h.entity_id)
        {
            None => out.push(Change::New {
                list: h.list.clone(),
                entity_id: h.entity_id.clone(),
                entity_name: h.entity_name.clone(),
                status: h.status,
            }),
            Some(e) if e.status != h.status => out.push(Change::Status {
                list: h.list.clone(),
                entity_id: h.entity_id.clone(),
                entity_name: h.entity_name.clone(),
                from: e.status,
                to: h.status,
            }),
            Some(_) => {}
        }
    }
    for e in earlier {
        if !now
            .hits
            .iter()
            .any(|h| h.list == e.list && h.entity_id == e.entity_id)
        {
            out.push(Change::Gone {
                list: e.list.clone(),
                entity_id: e.entity_id.clone(),
                entity_name: e.entity_name.clone(),
                status: e.status,
            });
        }
    }
    out
}

/// `+ LIST ID NAME (status)`, `- LIST ID NAME (was status)` or
/// `~ LIST ID NAME: from -> to`, control characters escaped.
///
/// ```
/// use vendor_screen::Status;
/// use vendor_screen::rescreen::Change;
/// let c = Change::Status {
///     list: "bis-dpl".into(),
///     entity_id: "17".into(),
///     entity_name: "Acme\u{1b}[2J".into(),
///     from: Status::Match,
///     to: Status::Expired,
/// };
/// assert_eq!(c.to_string(), "~ bis-dpl 17 Acme\\u{1b}[2J: match -> expired");
/// ```
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Change::New {
                list,
                entity_id,
                entity_name,
                status,
            } => format!("+ {list} {entity_id} {entity_name} ({status})"),
            Change::Gone {
                list,
                entity_id,
                entity_name,
                status,
            } => format!("- {list} {entity_id} {entity_name} (was {status})"),
            Change::Status {
                list,
                entity_id,
                entity_name,
                from,
                to,
            } => format!("~ {list} {entity_id} {entity_name}: {from} -> {to}"),
        };
        f.write_str(&crate::error::escape_controls(&text))
    }
}

/// One vendor's changes as a JSON line of `screen --since --json`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ChangesLine<'a> {
    /// The vendor: its id and name.
    pub input: ChangesInput<'a>,
    /// The date screened as of.
    pub as_of: Date,
    /// What changed.
    pub changes: &'a [Change],
}

/// The vendor of a [`ChangesLine`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ChangesInput<'a> {
    /// The vendor's id, when it has one.
    pub id: Option<&'a str>,
    /// Its name.
    pub name: &'a str,
}
