//! What an OFAC entry's remarks say of it: weak aliases (`a.k.a.`),
//! former names (`f.k.a.`), its links to other parties (`Linked To:`), and
//! its listing date (`Listing Date (CMIC)`).

use crate::list::report::ImportReport;
use crate::list::{Date, Entity, LoadOptions, Period, Relation, RelationKind};

/// Reads an entry's remarks (at `line` of the primary file) for its weak
/// aliases, former names, relations and listing date, counted in the
/// report; a listing date `options` finds implausible is noted and left out.
pub(super) fn read_entry_remarks(
    e: &mut Entity,
    line: usize,
    options: &LoadOptions,
    report: &mut ImportReport,
) {
    if let Some(remarks) = e.notes.clone() {
        report.prose.weak_aliases += read_remarks(&remarks, e);
    }
    for p in &mut e.periods {
        if let Some(why) = p.start.and_then(|d| options.implausible(d)) {
            report.notes.push(crate::list::Rejection {
                file: report.file.clone(),
                line,
                field: "Remarks".to_string(),
                reason: format!("Listing Date (CMIC) {why}"),
            });
            p.start = None;
        }
    }
}

/// The quote that closes a quoted name in the remarks: one followed by the
/// end, `;`, `.` or `,`. Names hold apostrophes of their own ("a.k.a. 'ABU
/// 'ABDALLAH'", "a.k.a. ''FOOPIE''", "a.k.a. 'P'U LI'").
fn closing_quote(after: &str) -> Option<usize> {
    after.char_indices().find_map(|(i, c)| {
        let next = after[i + c.len_utf8()..].chars().next();
        (c == '\'' && i > 0 && matches!(next, None | Some(';' | '.' | ','))).then_some(i)
    })
}

/// Weak aliases, former names and links stated in the remarks; returns how
/// many weak aliases it added.
fn read_remarks(remarks: &str, e: &mut Entity) -> usize {
    let mut weak = 0;
    for (marker, former) in [("a.k.a. '", false), ("n.k.a. '", false), ("f.k.a. '", true)] {
        let mut rest = remarks;
        while let Some(i) = rest.find(marker) {
            let after = &rest[i + marker.len()..];
            let Some(end) = closing_quote(after) else {
                break;
            };
            let name = after[..end].trim().to_string();
            let known = name.is_empty() || name == e.name || e.aliases.contains(&name);
            let list = if former {
                &mut e.former_names
            } else {
                &mut e.weak_aliases
            };
            if !known && !list.contains(&name) {
                list.push(name);
                weak += usize::from(!former);
            }
            rest = &after[end..];
        }
    }
    for (marker, kind) in [
        ("Linked To: ", RelationKind::Affiliate),
        ("Subsidiary Of: ", RelationKind::Parent),
        ("Owned or Controlled By: ", RelationKind::Parent),
    ] {
        let mut rest = remarks;
        while let Some(i) = rest.find(marker) {
            let after = &rest[i + marker.len()..];
            let end = after.find(';').unwrap_or(after.len());
            let name = after[..end].trim().trim_end_matches('.').trim().to_string();
            if !name.is_empty() && !e.relations.iter().any(|r| r.name == name) {
                e.relations.push(Relation {
                    kind,
                    target: None,
                    name,
                    share: None,
                    citation: Some(format!("OFAC entry {} remarks", e.id)),
                });
            }
            rest = &after[end..];
        }
    }
    for (marker, start) in [("Listing Date (CMIC) ", true)] {
        if let Some(i) = remarks.find(marker) {
            let d = &remarks[i + marker.len()..];
            if let Some(date) = d.get(..11).and_then(ofac_date) {
                if start {
                    e.add_period(Period {
                        start: Some(date),
                        end: None,
                        citation: Some(format!(
                            "OFAC entry {} remarks: {marker}{}",
                            e.id,
                            &d[..11]
                        )),
                        action: None,
                    });
                }
            }
        }
    }
    weak
}

/// "03 Jun 2021" to a date.
fn ofac_date(s: &str) -> Option<Date> {
    let mut p = s.split(' ');
    let day: u8 = p.next()?.parse().ok()?;
    let month = match p.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: u16 = p.next()?.get(..4)?.parse().ok()?;
    Date::new(year, month, day)
}

pub(super) fn latest_remark_date(entities: &[Entity]) -> Option<Date> {
    entities.iter().filter_map(Entity::first_start).max()
}
