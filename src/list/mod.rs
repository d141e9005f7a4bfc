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

mod date;
mod entity;
mod merge;
mod meta;
mod rows;

pub mod check;
pub mod csl;
pub mod diff;
pub mod dod1260h;
pub mod dpl;
pub mod fcc;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod load;
pub mod manifest;
pub mod mieu;
pub mod ndaa889;
pub mod ofac;
pub mod report;
pub mod toml;
pub mod untyped;

pub use date::Date;
pub use entity::{
    Entity, EntityKind, Identifier, NameKind, NotInForce, OriginalName, Period, Relation,
    RelationKind,
};
pub use meta::{
    AsOfBasis, Category, Companion, ListMeta, NAMED_ONLY_PROGRAMS, Reach, SourceFile, sha256_hex,
};
pub use report::{CompanionReport, ImportReport, Imported, ProseCounts, Rejection, Truncation};
pub use rows::{FAR_FUTURE_YEAR, LoadOptions};

use serde::{Deserialize, Serialize};

/// One designation list: metadata and entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignationList {
    /// What the list is.
    pub meta: ListMeta,
    /// Who is on it.
    pub entities: Vec<Entity>,
}

impl DesignationList {
    /// What listing `entity` reaches: the list's reach, or only the entity
    /// itself when every program it is listed under is one the 50 Percent
    /// Rule does not apply to ([`Reach::for_entry`]). OFAC's consolidated
    /// (non-SDN) file mixes such entries (NS-CMIC) with others (SSI).
    ///
    /// ```
    /// use vendor_screen::list::Reach;
    /// let lists = vendor_screen::lists::bundled()?;
    /// let cmic = lists.iter().find(|l| l.meta.id == "ofac-ns-cmic").expect("bundled");
    /// assert_eq!(cmic.reach_of(&cmic.entities[0]), Reach::NamedOnly);
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn reach_of(&self, entity: &Entity) -> Reach {
        self.meta.reach.for_entry(&entity.programs)
    }
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
