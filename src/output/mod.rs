//! What a screening run writes: the JSON line ([`ScreenLine`], the contract
//! the CLI and the HTTP service share), CSV rows ([`csv`]), the human
//! report and explanation pages ([`human`]) and the batch summary
//! ([`summary`]).
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//! use vendor_screen::output::ScreenLine;
//! let screener = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let vendor = Vendor::new("ZTE Corp").with_id("v1");
//! let report = screener.screen(&vendor, Date::new(2026, 11, 22).unwrap());
//! let line = ScreenLine::new(&vendor, report, &screener);
//! let json = serde_json::to_string(&line)?;
//! assert!(json.starts_with(r#"{"version":""#));
//! let back: ScreenLine = serde_json::from_str(&json)?;
//! assert_eq!(back, line);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod csv;
pub mod human;
pub mod summary;
pub mod writer;

use crate::screen::{Owner, Report, Screener, Vendor, VendorIdentifier};
use serde::{Deserialize, Serialize};

/// The crate's version, recorded in every JSON line.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The `input` object of a JSON line: the vendor as it was screened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputEcho {
    /// The caller's id.
    pub id: Option<String>,
    /// The name.
    pub name: String,
    /// Its aliases.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The owners' names along the first ownership chain, nearest first.
    #[serde(default)]
    pub parents: Vec<String>,
    /// The country.
    pub country: Option<String>,
    /// Its identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<VendorIdentifier>,
    /// Every owner, with shares and their own owners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<Owner>,
}

impl InputEcho {
    /// The echo of a vendor.
    pub fn of(vendor: &Vendor) -> InputEcho {
        InputEcho {
            id: vendor.id.clone(),
            name: vendor.name.clone(),
            aliases: vendor.aliases.clone(),
            parents: vendor
                .parent_chain()
                .iter()
                .map(|o| o.name.clone())
                .collect(),
            country: vendor.country.clone(),
            identifiers: vendor.identifiers.clone(),
            owners: vendor.owners.clone(),
        }
    }

    /// The vendor it echoes.
    pub fn vendor(&self) -> Vendor {
        Vendor {
            id: self.id.clone(),
            name: self.name.clone(),
            aliases: self.aliases.clone(),
            country: self.country.clone(),
            identifiers: self.identifiers.clone(),
            owners: self.owners.clone(),
        }
    }
}

/// One JSON line: one vendor's screening with the run that produced it
/// (tool version, threshold, as-of date, the lists with their dates).
/// The fields of DESIGN.md's contract (`input`, `hits`, ...) keep their
/// shape; `version`, `threshold`, `findings`, `identifier_hits` are added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenLine {
    /// The crate version that screened.
    pub version: String,
    /// The reporting threshold.
    pub threshold: f64,
    /// The vendor.
    pub input: InputEcho,
    /// The report: `as_of`, `lists`, `hits`, `identifier_hits`, `findings`.
    #[serde(flatten)]
    pub report: Report,
}

impl ScreenLine {
    /// The line for `vendor`'s `report` from `screener`.
    pub fn new(vendor: &Vendor, report: Report, screener: &Screener) -> ScreenLine {
        ScreenLine {
            version: VERSION.to_string(),
            threshold: screener.threshold(),
            input: InputEcho::of(vendor),
            report,
        }
    }
}
