//! Reading a clearance file.

use super::{Clearance, ClearancePath, Located};
use crate::error::{Error, Result};
use crate::list::Date;
use crate::records::{Record, Records, RecordsError, detect_delimiter};
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
    let col = columns(&header, file)?;
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
        let clearance = clearance_of(&r, &col, file)?;
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

/// The columns of the header row, by name (lower case, a byte-order mark
/// aside): the required ones, and `path`, each once.
fn columns(header: &Record, file: &str) -> Result<HashMap<String, usize>> {
    let err = |field: &str, msg: String| Error::invalid(file, Some(header.line), field, msg);
    let mut col: HashMap<String, usize> = HashMap::new();
    for (i, h) in header.fields.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        if !REQUIRED.contains(&h.as_str()) && h != "path" {
            return Err(err(
                &h,
                format!("unknown column (expected {}, path)", REQUIRED.join(", ")),
            ));
        }
        if col.insert(h.clone(), i).is_some() {
            return Err(err(&h, "column given twice".into()));
        }
    }
    if let Some(missing) = REQUIRED.iter().find(|c| !col.contains_key(**c)) {
        return Err(err(missing, "required column missing".into()));
    }
    Ok(col)
}

/// The clearance a row gives: every required field filled, the date and
/// the path read.
fn clearance_of(r: &Record, col: &HashMap<String, usize>, file: &str) -> Result<Clearance> {
    let err = |field: &str, msg: String| Error::invalid(file, Some(r.line), field, msg);
    let get = |c: &str| col.get(c).map_or("", |&i| r.fields[i].trim());
    for c in REQUIRED {
        if get(c).is_empty() {
            let why = match c {
                "reason" => "a clearance needs a reason",
                "reviewer" => "a clearance needs the reviewer who decided",
                "date" => "a clearance needs the date it was decided",
                _ => "required",
            };
            return Err(err(c, format!("empty: {why}")));
        }
    }
    let date: Date = get("date").parse().map_err(|e: String| err("date", e))?;
    let path: ClearancePath = get("path").parse().map_err(|e| err("path", e))?;
    Ok(Clearance {
        vendor: get("vendor").to_string(),
        list: get("list").to_string(),
        entity_id: get("entity_id").to_string(),
        path,
        reason: get("reason").to_string(),
        reviewer: get("reviewer").to_string(),
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a clearances file is wrong: its line and field.
    fn fault(csv: &str) -> (Option<usize>, String, String) {
        match read_clearances(csv.as_bytes(), "cleared.csv") {
            Err(Error::Invalid {
                file,
                line,
                field,
                message,
            }) => {
                assert_eq!(file, "cleared.csv");
                (line, field, message)
            }
            other => panic!("{csv:?}: {other:?}"),
        }
    }

    const HEADER: &str = "vendor,list,entity_id,reason,reviewer,date\n";

    #[test]
    fn a_bad_clearances_file_is_an_error_naming_line_and_field() {
        let at = |csv: &str| {
            let (line, field, _) = fault(csv);
            (line, field)
        };
        assert_eq!(
            at("vendor,list,entity_id,reason,reviewer,date,x\n"),
            (Some(1), "x".into())
        );
        assert_eq!(
            at("vendor,list,entity_id,reason,reviewer\n"),
            (Some(1), "date".into())
        );
        assert_eq!(
            at("vendor,list,list,entity_id,reason,reviewer,date\n"),
            (Some(1), "list".into())
        );
        let row = |r: &str| format!("{HEADER}v1,ndaa-889,huawei,ok,alice,2026-11-01\n{r}\n");
        assert_eq!(
            at(&row("v2,ndaa-889,zte,,alice,2026-11-01")),
            (Some(3), "reason".into())
        );
        assert_eq!(
            at(&row("v2,ndaa-889,zte,ok,alice,2026-13-01")),
            (Some(3), "date".into())
        );
        assert_eq!(at(&row("v2,ndaa-889,zte,ok,alice")), (Some(3), "-".into()));
        let (line, field, message) = fault(&row("v1,ndaa-889,huawei,again,bob,2026-11-02"));
        assert_eq!((line, field.as_str()), (Some(3), "-"));
        assert!(message.contains("line 2"), "{message}");
    }

    #[test]
    fn a_good_row_is_read_with_its_line() {
        let read = read_clearances(
            format!("{HEADER}v1,ndaa-889,huawei,not the company,alice,2026-11-01\n").as_bytes(),
            "cleared.csv",
        )
        .expect("reads");
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].line, 2);
        assert_eq!(read[0].clearance.reviewer, "alice");
        assert_eq!(
            read[0].clearance.date,
            Date::new(2026, 11, 1).expect("date")
        );
    }
}
