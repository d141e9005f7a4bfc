//! Reading a clearance file.

use super::{Clearance, ClearancePath, Located};
use crate::error::{Error, Result};
use crate::list::Date;
use crate::records::{Records, RecordsError, detect_delimiter};
use std::collections::HashMap;

const REQUIRED: [&str; 6] = ["vendor", "list", "entity_id", "reason", "reviewer", "date"];

/// Reads a clearance file: CSV (`,`, `;` or tab) with header
/// `vendor,list,entity_id,reason,reviewer,date` and optionally `path`, in
/// any order. Any malformed row is an error naming its line and field: a
/// clearance file is a reviewed record, not data to screen around.
///
/// ```
/// use vendor_screen::clearance::read_clearances;
/// let bad = "vendor,list,entity_id,reason,reviewer,date\nv1,ndaa-889,zte,,alice,2026-01-01\n";
/// let err = read_clearances(bad.as_bytes(), "c.csv").unwrap_err();
/// assert_eq!(err.to_string(), "c.csv:2: field `reason`: empty: a clearance needs a reason");
/// ```
pub fn read_clearances(data: &[u8], file: &str) -> Result<Vec<Located>> {
    let mut records = Records::new(data, detect_delimiter(data));
    let err = |line: usize, field: &str, msg: String| Error::invalid(file, Some(line), field, msg);
    let next = |r: &mut Records<&[u8]>| {
        r.next_record().map_err(|e| match e {
            RecordsError::UnclosedQuote { line } => err(line, "-", e.to_string()),
            RecordsError::Io(e) => Error::Io {
                path: file.into(),
                source: e,
            },
        })
    };
    let header = next(&mut records)?
        .ok_or_else(|| err(1, "-", "empty file: a header row is needed".into()))?;
    let mut col: HashMap<String, usize> = HashMap::new();
    for (i, h) in header.fields.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        if !REQUIRED.contains(&h.as_str()) && h != "path" {
            return Err(err(
                header.line,
                &h,
                format!("unknown column (expected {}, path)", REQUIRED.join(", ")),
            ));
        }
        if col.insert(h.clone(), i).is_some() {
            return Err(err(header.line, &h, "column given twice".into()));
        }
    }
    if let Some(missing) = REQUIRED.iter().find(|c| !col.contains_key(**c)) {
        return Err(err(header.line, missing, "required column missing".into()));
    }
    let mut out: Vec<Located> = Vec::new();
    let mut first: HashMap<(String, String, String, ClearancePath), usize> = HashMap::new();
    while let Some(r) = next(&mut records)? {
        if let Some(p) = &r.problem {
            return Err(err(r.line, "-", p.clone()));
        }
        if r.fields.len() != header.fields.len() {
            return Err(err(
                r.line,
                "-",
                format!(
                    "{} fields where the header has {}",
                    r.fields.len(),
                    header.fields.len()
                ),
            ));
        }
        let get = |c: &str| col.get(c).map_or("", |&i| r.fields[i].trim());
        for c in REQUIRED {
            if get(c).is_empty() {
                let why = match c {
                    "reason" => "a clearance needs a reason",
                    "reviewer" => "a clearance needs the reviewer who decided",
                    "date" => "a clearance needs the date it was decided",
                    _ => "required",
                };
                return Err(err(r.line, c, format!("empty: {why}")));
            }
        }
        let date: Date = get("date")
            .parse()
            .map_err(|e: String| err(r.line, "date", e))?;
        let path: ClearancePath = get("path").parse().map_err(|e| err(r.line, "path", e))?;
        let clearance = Clearance {
            vendor: get("vendor").to_string(),
            list: get("list").to_string(),
            entity_id: get("entity_id").to_string(),
            path,
            reason: get("reason").to_string(),
            reviewer: get("reviewer").to_string(),
            date,
        };
        let key = (
            clearance.vendor.clone(),
            clearance.list.clone(),
            clearance.entity_id.clone(),
            clearance.path.clone(),
        );
        if let Some(l) = first.insert(key, r.line) {
            return Err(err(
                r.line,
                "-",
                format!("the same vendor, list, entity and path as line {l}"),
            ));
        }
        out.push(Located {
            clearance,
            file: file.to_string(),
            line: r.line,
        });
    }
    Ok(out)
}
