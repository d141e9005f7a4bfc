//! Writing what [`since`](super::since) found: each vendor with changes as a
//! JSON line ([`ChangesLine`]) or as its name and one line per change, and
//! the closing counts ([`SinceSummary`]).
//!
//! ```
//! use vendor_screen::{Vendor, list::Date};
//! use vendor_screen::rescreen::{Change, SinceResult, SinceSummary, write_changes};
//! use vendor_screen::screen::Status;
//! let v = Vendor::new("Huawei Technologies");
//! let r = SinceResult {
//!     screened_again: true,
//!     changes: vec![Change::New {
//!         list: "ndaa-889".into(),
//!         entity_id: "huawei".into(),
//!         entity_name: "Huawei Technologies Company".into(),
//!         status: Status::Match,
//!     }],
//!     report: None,
//! };
//! let mut out = Vec::new();
//! write_changes(&mut out, &v, Date::new(2026, 11, 25).unwrap(), &r.changes, false)?;
//! assert_eq!(String::from_utf8(out)?, "Huawei Technologies:\n  + ndaa-889 huawei Huawei Technologies Company (match)\n");
//! let s = SinceSummary::of(std::slice::from_ref(&r));
//! assert_eq!((s.vendors, s.screened_again, s.changed, s.review), (1, 1, 1, true));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::{Change, ChangesInput, ChangesLine, SinceResult};
use crate::error::escape_controls;
use crate::list::Date;
use crate::screen::Vendor;
use std::io::{self, Write};

/// Writes one vendor's changes; nothing when there are none.
pub fn write_changes(
    out: &mut impl Write,
    vendor: &Vendor,
    as_of: Date,
    changes: &[Change],
    json: bool,
) -> io::Result<()> {
    if changes.is_empty() {
        return Ok(());
    }
    if json {
        let input = ChangesInput {
            id: vendor.id.as_deref(),
            name: &vendor.name,
        };
        let line = ChangesLine {
            input,
            as_of,
            changes,
        };
        serde_json::to_writer(&mut *out, &line)?;
        return writeln!(out);
    }
    writeln!(out, "{}:", escape_controls(&vendor.name))?;
    for c in changes {
        writeln!(out, "  {c}")?;
    }
    Ok(())
}

/// The counts of a `--since` run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SinceSummary {
    /// Vendors read.
    pub vendors: usize,
    /// Vendors screened again (the others' earlier results stand).
    pub screened_again: usize,
    /// Vendors with at least one change.
    pub changed: usize,
    /// Whether some change needs review ([`Change::needs_review`]).
    pub review: bool,
}

impl SinceSummary {
    /// Counts the results of [`since`](super::since).
    pub fn of(results: &[SinceResult]) -> SinceSummary {
        let mut s = SinceSummary {
            vendors: results.len(),
            ..SinceSummary::default()
        };
        for r in results {
            s.screened_again += usize::from(r.screened_again);
            s.changed += usize::from(!r.changes.is_empty());
            s.review |= r.changes.iter().any(Change::needs_review);
        }
        s
    }
}

impl std::fmt::Display for SinceSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} vendors, {} screened again, {} with changes",
            self.vendors, self.screened_again, self.changed
        )
    }
}
