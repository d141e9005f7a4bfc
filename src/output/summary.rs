//! The closing line of a batch, whose counts add up: every input row is a
//! vendor screened or a row rejected, and every vendor screened is flagged,
//! has only cleared hits, or neither.
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//! use vendor_screen::output::summary::BatchSummary;
//! let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let d = Date::new(2026, 11, 22).unwrap();
//! let mut sum = BatchSummary::default();
//! for v in [Vendor::new("ZTE Corp"), Vendor::new("Acme Widgets LLC")] {
//!     sum.add(&s.screen(&v, d));
//! }
//! sum.rejected = 1;
//! assert_eq!((sum.rows(), sum.screened, sum.flagged), (3, 2, 1));
//! assert!(sum.to_string().starts_with("summary: 3 input rows: 2 vendors screened, 1 rejected; 1 with hits (match or review)"));
//! # Ok::<(), vendor_screen::Error>(())
//! ```

use crate::screen::{Report, Status};
use std::collections::BTreeMap;
use std::fmt;

/// Counts for the closing summary of a batch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Vendors screened.
    pub screened: usize,
    /// Input rows rejected.
    pub rejected: usize,
    /// Vendors with a hit whose status is `match` or `review`.
    pub flagged: usize,
    /// Vendors not flagged that have a cleared hit.
    pub cleared_only: usize,
    /// Per list, vendors flagged by it.
    pub by_list: BTreeMap<String, usize>,
}

impl BatchSummary {
    /// Counts one vendor's report.
    pub fn add(&mut self, r: &Report) {
        self.screened += 1;
        if r.flagged() {
            self.flagged += 1;
        } else if r.hits.iter().any(|h| h.status == Status::Cleared)
            || r.identifier_hits
                .iter()
                .any(|h| h.status == Status::Cleared)
        {
            self.cleared_only += 1;
        }
        let mut lists: Vec<&str> = r
            .hits
            .iter()
            .filter(|h| h.status.counts())
            .map(|h| h.list.as_str())
            .chain(
                r.identifier_hits
                    .iter()
                    .filter(|h| h.status.counts())
                    .map(|h| h.list.as_str()),
            )
            .collect();
        lists.sort_unstable();
        lists.dedup();
        for l in lists {
            *self.by_list.entry(l.to_string()).or_default() += 1;
        }
    }

    /// Input rows: screened plus rejected.
    pub fn rows(&self) -> usize {
        self.screened + self.rejected
    }
}

impl fmt::Display for BatchSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "summary: {} input rows: {} vendors screened, {} rejected; {} with hits (match or review), {} with cleared hits only, {} clear",
            self.rows(),
            self.screened,
            self.rejected,
            self.flagged,
            self.cleared_only,
            self.screened - self.flagged - self.cleared_only
        )?;
        if !self.by_list.is_empty() {
            let by: Vec<String> = self
                .by_list
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            write!(f, "; flagged by list: {}", by.join(", "))?;
        }
        Ok(())
    }
}
