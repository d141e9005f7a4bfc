//! vendor-screen tells procurement software whether a vendor, or any company
//! that owns it, is on a US government designation list, and explains why.
//!
//! ```text
//! list files ──load──▶ DesignationList ──ScreenerBuilder::build──▶ Screener
//! Vendor (name, aliases, owners) ──Screener::screen──▶ Report { hits, explanations }
//! ```
//!
//! Around the core, everything a screening run needs is library API:
//! [`sources`] (which lists, their age), [`vendor_file`] (vendor masters,
//! every row accounted for), [`limits`] (bounded cost), [`clearance`]
//! (reviewed false positives, applied exactly), [`findings`] (one per real
//! entity), [`output`] (the JSON line, CSV rows, human pages) and [`error`]
//! (messages safe to print).
//!
//! # Example
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//!
//! let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let report = screener.screen(&Vendor::new("ZTE Corporation"), Date::new(2026, 11, 22).unwrap());
//! let lists_hit: Vec<&str> = report.hits.iter().map(|h| h.list.as_str()).collect();
//! assert!(lists_hit.contains(&"ndaa-889") && lists_hit.contains(&"fcc-covered"));
//! # Ok::<(), vendor_screen::Error>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod background;
pub mod clearance;
mod clock;
pub mod error;
pub mod explain;
pub mod findings;
pub mod index;
pub mod limits;
pub mod list;
pub mod lists;
mod matcher;
pub mod normalize;
pub mod output;
pub mod records;
pub mod rescreen;
pub mod score;
pub mod screen;
pub mod sources;
pub mod vendor_file;

pub use clearance::{Clearance, ClearanceSet};
pub use error::{Error, Result};
pub use findings::Finding;
pub use screen::{
    DEFAULT_THRESHOLD, Hit, IdentifierHit, IdentifierKind, ListUsed, Owner, Report, Screener,
    ScreenerBuilder, Status, Vendor, VendorIdentifier, Via,
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod thread_safety {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_sync_and_unwind_safe() {
        assert_all::<crate::Screener>();
        assert_all::<crate::ScreenerBuilder>();
        assert_all::<crate::Report>();
        assert_all::<crate::Hit>();
        assert_all::<crate::Vendor>();
        assert_all::<crate::Finding>();
        assert_all::<crate::ClearanceSet>();
        assert_all::<crate::list::DesignationList>();
        // io::Error is not UnwindSafe, so the error type is only Send + Sync.
        assert_send_sync::<crate::Error>();
    }
}
