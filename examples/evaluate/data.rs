//! Kept for `examples/job.rs` and `tests/index_recall.rs`; the evaluation
//! itself now uses `variants.rs` (compound variations, its own vocabulary).
//!
//! The earlier evaluation's data and measurements.

use super::perturb::{Rng, perturb};
use vendor_screen::list::{Date, DesignationList, EntityKind};
use vendor_screen::{Screener, Vendor};

/// Where the real data is, from the repository root.
pub const DATA: &str = "../shared/data";

/// The real CSL extract's lists.
pub fn csl_lists() -> Result<Vec<DesignationList>, Box<dyn std::error::Error>> {
    let csl = std::fs::read(format!("{DATA}/csl/consolidated-2023-11-partial.csv"))?;
    // The extract is cut off inside its last record: load the rest.
    let partial = vendor_screen::list::LoadOptions::partial();
    let name = "consolidated-2023-11-partial.csv";
    Ok(vendor_screen::list::csl::parse_with(&csl, name, &partial)?.lists)
}

/// Every official list in `../shared/data` (the CSL extract, the 2024 SDN
/// list, the non-SDN consolidated list, the Denied Persons List) with the
/// bundled lists: the widest screening a user would run.
pub fn all_official_lists() -> Result<Vec<DesignationList>, Box<dyn std::error::Error>> {
    let mut lists = csl_lists()?;
    for f in [
        "ofac-sdn/2024-05-03/sdn.csv",
        "ofac-non-sdn/cons_prim.csv",
        "bis-dpl/dpl.txt",
    ] {
        let path = format!("{DATA}/{f}");
        lists.extend(vendor_screen::list::load::load_path(path.as_ref(), None)?.lists);
    }
    lists.extend(vendor_screen::lists::bundled()?);
    Ok(lists)
}

/// Real vendor names with their file (FPDS, then SEC), or every `step`-th.
/// The background word table is built from the FPDS file only, so the SEC
/// names are held out.
pub fn vendor_names(
    step: usize,
) -> Result<Vec<(&'static str, String)>, Box<dyn std::error::Error>> {
    let mut vendors = Vec::new();
    for f in ["fpds-vendor-names.txt", "sec-company-names.txt"] {
        let text = std::fs::read_to_string(format!("{DATA}/vendors/{f}"))?;
        vendors.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| (f, l.to_string())),
        );
    }
    Ok(vendors.into_iter().step_by(step.max(1)).collect())
}

/// Organisation names of the extract: Treasury rows typed `Entity`, and
/// BIS/State rows whose name carries a legal form or an organisation word.
pub fn organisation_names(lists: &[DesignationList]) -> Vec<(String, String, String)> {
    let n = vendor_screen::normalize::Normalizer::new();
    let mut out = Vec::new();
    for l in lists {
        for e in &l.entities {
            if e.kind != EntityKind::Organization
                || l.meta.id == "csl-dpl"
                || l.meta.id == "csl-plc"
            {
                continue;
            }
            let treasury = l.meta.authority.contains("Treasury");
            let org_word = n.normalize(&e.name).tokens.iter().any(|t| {
                matches!(
                    t.kind,
                    vendor_screen::normalize::TokenKind::LegalForm
                        | vendor_screen::normalize::TokenKind::Generic
                ) && t.text.len() > 3
            });
            // A name without a distinctive word (only generic words, places and
            // legal forms) is matched only whole, by design: not a variant test.
            if (treasury || org_word) && n.normalize(&e.name).has_distinctive() {
                out.push((l.meta.id.clone(), e.id.clone(), e.name.clone()));
            }
        }
    }
    out
}

/// Variants of one kind: how many were tried, how many hit their entity, the misses.
pub fn detect(
    screener: &Screener,
    names: &[(String, String, String)],
    kind: &str,
    per_kind: usize,
    rng: &mut Rng,
    as_of: Date,
) -> (usize, usize, Vec<(String, String)>) {
    let (mut tried, mut found) = (0, 0);
    let mut misses = Vec::new();
    let start = rng.below(names.len());
    for k in 0..names.len() {
        if tried >= per_kind {
            break;
        }
        let (list, id, name) = &names[(start + k * 7919) % names.len()];
        let Some(variant) = perturb(name, kind, rng) else {
            continue;
        };
        tried += 1;
        let report = screener.screen(&Vendor::new(variant.as_str()), as_of);
        if report
            .hits
            .iter()
            .any(|h| &h.list == list && &h.entity_id == id)
        {
            found += 1;
        } else {
            misses.push((name.clone(), variant));
        }
    }
    (tried, found, misses)
}
