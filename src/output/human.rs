//! The human report: one block per vendor listing its findings, the
//! vendor's own first, each with the lists it is on and its listed
//! relations; and with `--explain`, a page per finding that a reviewer can
//! paste into a case file.
//!
//! All text that comes from input files (vendor names, listed names) is
//! printed with control characters escaped.
//!
//! ```
//! use vendor_screen::{ScreenerBuilder, Vendor, lists, list::Date};
//! use vendor_screen::output::human::write_report;
//! let s = ScreenerBuilder::new().lists(lists::bundled()?).build()?;
//! let v = Vendor::new("Hangzhou Hikvision Digital Technology Co., Ltd.");
//! let mut out = Vec::new();
//! write_report(&mut out, &v, &s.screen(&v, Date::new(2026, 11, 22).unwrap()))?;
//! let text = String::from_utf8(out)?;
//! assert!(text.lines().count() <= 10, "{text}");
//! assert!(text.contains("listed parent: China Electronics Technology Group Corporation"), "{text}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::error::{escape_controls, shorten};
use crate::findings::{Finding, FindingKind, Listing};
use crate::screen::{Hit, Report, Vendor, Via};
use std::io::{self, Write};

/// The vendor as a report heads it: `v1 "Acme"` or `"Acme"`.
fn vendor_label(v: &Vendor) -> String {
    match &v.id {
        Some(id) => format!("{} \"{}\"", shorten(id, 40), shorten(&v.name, 120)),
        None => format!("\"{}\"", shorten(&v.name, 120)),
    }
}

/// How the vendor reached a finding, in a few words.
fn reached(f: &Finding) -> String {
    if f.kind == FindingKind::Identifier {
        let id = f
            .listings
            .iter()
            .find_map(|l| l.identifier.clone())
            .unwrap_or_default();
        return format!("the vendor's {id}");
    }
    f.via.whose_name()
}

/// What a relation finding is to the finding it is nested in.
fn relation_label(f: &Finding) -> String {
    match &f.via {
        Via::Relation { link, .. } if link.starts_with("parent") => "listed parent".to_string(),
        Via::Relation { link, .. } if link == "affiliate" => "listed affiliate".to_string(),
        Via::Relation { link, .. } => format!("listed {link}"),
        _ => "related".to_string(),
    }
}

/// `ndaa-889, fcc-covered` when every listing has the finding's status,
/// `ndaa-889 (match), dod-1260h (expired)` otherwise.
fn lists_text(f: &Finding) -> String {
    let same = f.listings.iter().all(|l| l.status == f.status);
    f.listings
        .iter()
        .map(|l| {
            if same {
                escape_controls(&l.list).into_owned()
            } else {
                format!("{} ({})", escape_controls(&l.list), l.status)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_relations(out: &mut impl Write, f: &Finding, indent: usize) -> io::Result<()> {
    for r in &f.relations {
        writeln!(
            out,
            "{:indent$}{}: {}, on {}: {}",
            "",
            relation_label(r),
            shorten(&r.entity_name, 120),
            lists_text(r),
            r.status
        )?;
        write_relations(out, r, indent + 2)?;
    }
    Ok(())
}

/// The short report of one vendor: a line for the vendor, then per finding
/// its status, name, path and score, the lists it is on, and its listed
/// relations.
pub fn write_report(out: &mut impl Write, vendor: &Vendor, report: &Report) -> io::Result<()> {
    let label = vendor_label(vendor);
    if report.findings.is_empty() {
        return writeln!(out, "{label}: no hits");
    }
    let verdict = if report.findings.iter().any(|f| f.counts()) {
        "flagged"
    } else {
        "nothing in force or in reach"
    };
    let n = report.findings.len();
    writeln!(
        out,
        "{label}: {n} finding{}, {verdict}",
        if n == 1 { "" } else { "s" }
    )?;
    for f in &report.findings {
        let matched = match f.matched_names.first() {
            Some(m) if m != &f.entity_name => format!(" as \"{}\"", shorten(m, 120)),
            _ => String::new(),
        };
        let score = match f.kind {
            FindingKind::Identifier => "identifier match".to_string(),
            FindingKind::Name => format!("score {:.3}", f.score),
        };
        writeln!(
            out,
            "  {:<14} {}{matched}: {}, {score}",
            f.status.as_str(),
            shorten(&f.entity_name, 120),
            reached(f)
        )?;
        writeln!(out, "{:17}on {}", "", lists_text(f))?;
        write_relations(out, f, 17)?;
    }
    Ok(())
}

/// The name-comparison explanation with each side named for what it is:
/// `vendor`, `vendor's alias`, `owner at level N`.
fn labelled_explanation(h: &Hit) -> String {
    let label = match &h.via {
        Via::SelfName | Via::Relation { alias: None, .. } => "vendor".to_string(),
        Via::Alias { .. } | Via::Relation { alias: Some(_), .. } => "vendor's alias".to_string(),
        Via::Parent { level, .. } => format!("owner at level {level}"),
    };
    // The name-level rendering is explain.rs's; only the side label is ours.
    h.explanation
        .render(&label)
        .lines()
        .filter(|l| !l.starts_with("rule: "))
        .map(|l| escape_controls(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_listing(out: &mut impl Write, i: usize, l: &Listing, pad: &str) -> io::Result<()> {
    writeln!(
        out,
        "{pad}{}. {} ({})",
        i + 1,
        l.list,
        escape_controls(&l.list_name)
    )?;
    writeln!(
        out,
        "{pad}   entity: {} [{}]",
        shorten(&l.entity_name, 200),
        escape_controls(&l.entity_id)
    )?;
    writeln!(
        out,
        "{pad}   status: {} ({})",
        l.status,
        escape_controls(&l.rule)
    )?;
    if let (Some(m), Some(s)) = (&l.matched_name, l.score) {
        writeln!(
            out,
            "{pad}   matched name: \"{}\", score {s:.3}",
            shorten(m, 200)
        )?;
    }
    if let Some(id) = &l.identifier {
        writeln!(out, "{pad}   identifier: {}", escape_controls(id))?;
    }
    writeln!(
        out,
        "{pad}   legal basis: {}",
        escape_controls(&l.legal_basis)
    )?;
    writeln!(out, "{pad}   citation: {}", escape_controls(&l.citation))
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_page(
    out: &mut impl Write,
    vendor: &Vendor,
    report: &Report,
    f: &Finding,
    title: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "== {title}: {} ({})",
        shorten(&f.entity_name, 200),
        f.status
    )?;
    writeln!(out, "vendor: {}", vendor_label(vendor))?;
    writeln!(
        out,
        "screened as of {}; reached through {}",
        report.as_of,
        reached(f)
    )?;
    writeln!(out, "listings:")?;
    for (i, l) in f.listings.iter().enumerate() {
        write_listing(out, i, l, "  ")?;
    }
    if !f.linked_by.is_empty() {
        writeln!(out, "one entity because:")?;
        for l in &f.linked_by {
            writeln!(out, "  - {}", escape_controls(l))?;
        }
    }
    let best = f.listings.iter().find_map(|l| {
        report
            .hits
            .iter()
            .find(|h| h.list == l.list && h.entity_id == l.entity_id)
    });
    if let Some(h) = best {
        writeln!(out, "how the names compare (on {}):", h.list)?;
        for line in labelled_explanation(h).lines() {
            writeln!(out, "  {line}")?;
        }
    }
    write_relation_pages(out, f)?;
    write_clearance_rows(out, vendor, report, f)
}

/// The finding's listed relations on its page, each with how the list
/// links it and its listings.
fn write_relation_pages(out: &mut impl Write, f: &Finding) -> io::Result<()> {
    for (i, r) in f.relations.iter().enumerate() {
        let what = match &r.via {
            Via::Relation {
                entity_name,
                link,
                citation,
                ..
            } => format!(
                "{} \"{}\"{}",
                crate::screen::relation_words(link),
                shorten(entity_name, 200),
                citation
                    .as_deref()
                    .map(|c| format!(" (stated in {})", escape_controls(c)))
                    .unwrap_or_default()
            ),
            _ => relation_label(r),
        };
        writeln!(
            out,
            "relation {}: {}, {what}",
            i + 1,
            shorten(&r.entity_name, 200)
        )?;
        for (j, l) in r.listings.iter().enumerate() {
            write_listing(out, j, l, "  ")?;
        }
    }
    Ok(())
}

/// The clearance rows a reviewer adds once the finding is reviewed: one
/// per listing and path, of the finding and its relations.
fn write_clearance_rows(
    out: &mut impl Write,
    vendor: &Vendor,
    report: &Report,
    f: &Finding,
) -> io::Result<()> {
    let key = vendor.id.as_deref().unwrap_or(&vendor.name);
    let rows: Vec<_> = all_findings(f)
        .into_iter()
        .flat_map(|g| g.clearances(key, "", "", report.as_of))
        .collect();
    if !rows.is_empty() {
        writeln!(
            out,
            "to clear after review, add to the clearance file (one row per listing and path):"
        )?;
        writeln!(out, "  vendor,list,entity_id,path,reason,reviewer,date")?;
        for c in rows {
            let row = [&c.vendor, &c.list, &c.entity_id, &c.path.to_string()]
                .iter()
                .map(|s| csv_field(s))
                .collect::<Vec<_>>()
                .join(",");
            writeln!(
                out,
                "  {},REASON,REVIEWER,YYYY-MM-DD",
                escape_controls(&row)
            )?;
        }
    }
    Ok(())
}

fn all_findings(f: &Finding) -> Vec<&Finding> {
    let mut out = vec![f];
    for r in &f.relations {
        out.extend(all_findings(r));
    }
    out
}

/// A page per finding: every listing with its status and rule, legal basis
/// and citation; why the listings are one entity; how the names compare;
/// the relations; and the clearance rows to add once reviewed.
pub fn write_explain(out: &mut impl Write, vendor: &Vendor, report: &Report) -> io::Result<()> {
    if report.findings.is_empty() {
        return writeln!(out, "{}: no hits", vendor_label(vendor));
    }
    let n = report.findings.len();
    for (i, f) in report.findings.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_page(out, vendor, report, f, &format!("finding {} of {n}", i + 1))?;
    }
    Ok(())
}
