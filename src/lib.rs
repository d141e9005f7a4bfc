//! vendor-screen tells procurement software whether a vendor, or any company
//! that owns it, is on a US government designation list, and explains why.
//!
//! ```text
//! list files ──load──▶ DesignationList ──ScreenerBuilder::build──▶ Screener
//! Vendor (name, aliases, owners) ──Screener::screen──▶ Report { hits, explanations }
//! ```
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

pub mod error;
pub mod explain;
pub mod index;
pub mod list;
pub mod lists;
mod matcher;
pub mod normalize;
pub mod rescreen;
pub mod score;
pub mod screen;

pub use error::{Error, Result};
pub use screen::{
    Clearance, DEFAULT_THRESHOLD, Hit, ListUsed, Owner, Report, Screener, ScreenerBuilder, Status,
    Vendor, Via,
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
        assert_all::<crate::list::DesignationList>();
        // io::Error is not UnwindSafe, so the error type is only Send + Sync.
        assert_send_sync::<crate::Error>();
    }
}
