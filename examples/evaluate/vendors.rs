//! False positives: every real vendor name of `../shared/data/vendors` (FPDS
//! federal contract vendors; SEC issuers, reported separately as held out),
//! screened against a set of lists. Almost none is listed, so a hit is a
//! false positive until checked by hand (the top pairs are printed for
//! that); the names checked to be listed parties or companies of their
//! groups are in `listed_vendors.tsv`, and their hits are counted apart.

use super::sources::DATA;
use serde::Serialize;
use vendor_screen::list::Date;
use vendor_screen::{Screener, Vendor};

/// The vendor files: (file, short label).
pub const FILES: [(&str, &str); 2] = [
    ("fpds-vendor-names.txt", "fpds"),
    ("sec-company-names.txt", "sec"),
];

/// One real vendor name.
#[derive(Debug, Clone)]
pub struct VendorName {
    /// `fpds` or `sec`.
    pub file: &'static str,
    /// The name as the file writes it.
    pub name: String,
}

/// Every vendor name, FPDS first, then SEC; blank lines skipped.
pub fn names() -> Result<Vec<VendorName>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for (f, label) in FILES {
        let text = std::fs::read_to_string(format!("{DATA}/vendors/{f}"))?;
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| VendorName {
                    file: label,
                    name: l.to_string(),
                }),
        );
    }
    Ok(out)
}

/// A vendor's best hit.
#[derive(Debug, Clone, Serialize)]
pub struct Top {
    /// Its score.
    pub score: f64,
    /// The list.
    pub list: String,
    /// The entity id.
    pub entity_id: String,
    /// The listed name that matched.
    pub matched_name: String,
}

/// Each vendor's best hit at the screener's threshold (any status).
pub fn top_hits(screener: &Screener, vendors: &[VendorName], as_of: Date) -> Vec<Option<Top>> {
    let queries: Vec<Vendor> = vendors
        .iter()
        .map(|v| Vendor::new(v.name.as_str()))
        .collect();
    screener
        .screen_batch(&queries, as_of)
        .into_iter()
        .map(|r| {
            r.hits.into_iter().next().map(|h| Top {
                score: h.score,
                list: h.list,
                entity_id: h.entity_id,
                matched_name: h.matched_name,
            })
        })
        .collect()
}

/// A vendor name checked by hand as naming a listed party or a company of
/// its group (`listed_vendors.tsv`): a hit on that entity is no false
/// positive.
#[derive(Debug, Clone)]
pub struct Listed {
    /// `fpds` or `sec`.
    pub file: String,
    /// The vendor name as the file writes it.
    pub vendor: String,
    /// The list id.
    pub list: String,
    /// The entity id.
    pub entity: String,
}

const LISTED: &str = include_str!("listed_vendors.tsv");

/// The checked vendor names of `listed_vendors.tsv`, each of which must be
/// one of `vendors`: a row the vendor files no longer hold is an error, not
/// a row silently unused.
pub fn listed(vendors: &[VendorName]) -> Result<Vec<Listed>, String> {
    let mut out = Vec::new();
    for (i, line) in LISTED.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [file, vendor, list, entity, _why] = f.as_slice() else {
            return Err(format!(
                "listed_vendors.tsv line {}: {} fields, expected 5 (file, vendor, list, entity, why)",
                i + 1,
                f.len()
            ));
        };
        if !vendors.iter().any(|v| v.file == *file && v.name == *vendor) {
            return Err(format!(
                "listed_vendors.tsv line {}: no {file} vendor name {vendor:?}",
                i + 1
            ));
        }
        out.push(Listed {
            file: file.to_string(),
            vendor: vendor.to_string(),
            list: list.to_string(),
            entity: entity.to_string(),
        });
    }
    Ok(out)
}

/// Whether the hit `top` of vendor `v` is on an entity `v` was checked to
/// name.
pub fn is_listed(listed: &[Listed], v: &VendorName, top: &Top) -> bool {
    listed.iter().any(|l| {
        l.file == v.file && l.vendor == v.name && l.list == top.list && l.entity == top.entity_id
    })
}

/// Vendors flagged at a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flagged {
    /// Vendors with a hit.
    pub hit: usize,
    /// Of them, hits on the entity the vendor was checked to name.
    pub listed: usize,
    /// Vendors screened.
    pub n: usize,
}

impl Flagged {
    /// Hits that are false positives: all but the checked ones.
    pub fn false_hits(&self) -> usize {
        self.hit - self.listed
    }
}

/// How many of the vendors (of `file`, or all when `None`) have a hit at `t`
/// or above, how many of those hit the entity they were checked to name,
/// and how many vendors there are.
pub fn flagged(
    vendors: &[VendorName],
    tops: &[Option<Top>],
    listed: &[Listed],
    file: Option<&str>,
    t: f64,
) -> Flagged {
    let mut out = Flagged {
        hit: 0,
        listed: 0,
        n: 0,
    };
    for (v, top) in vendors.iter().zip(tops) {
        if file.is_some_and(|f| f != v.file) {
            continue;
        }
        out.n += 1;
        if let Some(x) = top.as_ref().filter(|x| x.score >= t) {
            out.hit += 1;
            if is_listed(listed, v, x) {
                out.listed += 1;
            }
        }
    }
    out
}

/// The lowest threshold at which at most `share` of the vendors (FPDS and SEC
/// together) hit anything; `floor` when even the screener's own threshold
/// flags fewer.
pub fn threshold_for_share(tops: &[Option<Top>], share: f64, floor: f64) -> f64 {
    let mut scores: Vec<f64> = tops.iter().flatten().map(|t| t.score).collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    let allowed = (share * tops.len() as f64).floor() as usize;
    match scores.get(allowed) {
        // Just above the first score that would exceed the allowance.
        Some(&s) => (s + 1e-9).min(1.0 + 1e-9),
        None => floor,
    }
}

/// The `n` highest-scoring vendor hits at `t` or above: (vendor file, vendor
/// name, hit), best first.
pub fn worst<'a>(
    vendors: &'a [VendorName],
    tops: &'a [Option<Top>],
    t: f64,
    n: usize,
) -> Vec<(&'a VendorName, &'a Top)> {
    let mut all: Vec<(&VendorName, &Top)> = vendors
        .iter()
        .zip(tops)
        .filter_map(|(v, t)| t.as_ref().map(|t| (v, t)))
        .filter(|(_, x)| x.score >= t)
        .collect();
    all.sort_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then(a.0.name.cmp(&b.0.name))
    });
    all.truncate(n);
    all
}

/// The header of the `--vendor-hits` file.
pub const HITS_HEADER: &str = "lists\tfile\tscore\tvendor\tlist\tentity\tmatched name\n";

/// Appends the vendor hits `hits` against `lists` to the `--vendor-hits`
/// file, one tab-separated line each.
pub fn append_hits(
    path: &std::path::Path,
    lists: &str,
    hits: &[(&VendorName, &Top)],
) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().append(true).open(path)?;
    for (v, t) in hits {
        writeln!(
            f,
            "{lists}\t{}\t{:.3}\t{}\t{}\t{}\t{}",
            v.file, t.score, v.name, t.list, t.entity_id, t.matched_name
        )?;
    }
    Ok(())
}
