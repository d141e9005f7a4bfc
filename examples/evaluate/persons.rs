//! Listed people as vendor masters write them. The lists write a person
//! surname first with every given name and patronymic ("PUTIN, Vladimir
//! Vladimirovich"); a vendor master files a sole proprietor as "Vladimir
//! Putin", "Vladimir Vladimirovich Putin" or, as FPDS does, "PUTIN,
//! VLADIMIR". Every individual of the lists whose primary name is written
//! "SURNAME, Given ...", each way: not a sample. Negatives: the surname
//! with another listed person's first name must not hit this person.

use super::cases::Case;
use vendor_screen::list::{DesignationList, EntityKind};

/// Row for every positive case.
pub const ALL: &str = "all persons";
/// Row for the negatives.
pub const OTHER: &str = "another first name (must not hit)";

/// The cases of every individual of the lists with the given ids (one
/// entity per primary name), skipping `skip`ped names (held out: those a
/// tuning list carries).
pub fn cases(lists: &[DesignationList], ids: &[&str], skip: &dyn Fn(&str) -> bool) -> Vec<Case> {
    let mut seen = std::collections::HashSet::new();
    let mut people = Vec::new();
    for l in lists.iter().filter(|l| ids.contains(&l.meta.id.as_str())) {
        for e in l
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Individual)
        {
            let Some((surname, given)) = e.name.split_once(", ") else {
                continue;
            };
            let given: Vec<&str> = given.split_whitespace().collect();
            let surname = surname.trim();
            if given.is_empty() || surname.is_empty() || skip(&e.name) {
                continue;
            }
            if seen.insert(e.name.to_lowercase()) {
                people.push((l, e, surname.to_string(), given.join(" "), given[0]));
            }
        }
    }
    let mut out = Vec::new();
    for (k, (l, e, surname, given, first)) in people.iter().enumerate() {
        let case = |query: String, row: &str, negative: bool| Case {
            rows: if negative {
                vec![OTHER.to_string()]
            } else {
                vec![ALL.to_string(), row.to_string()]
            },
            query,
            source: e.name.clone(),
            list: l.meta.id.clone(),
            entity: e.id.clone(),
            expected_names: e.names().map(|(_, n)| n.to_string()).collect(),
            member: false,
            negative,
        };
        out.push(case(
            format!("{given} {surname}"),
            "every given name, then the surname",
            false,
        ));
        if given != first {
            out.push(case(
                format!("{first} {surname}"),
                "first given name and surname (middle names left out)",
                false,
            ));
            out.push(case(
                format!("{}, {}", surname.to_uppercase(), first.to_uppercase()),
                "SURNAME, FIRST (as FPDS files a person)",
                false,
            ));
        }
        // The next person's first name that differs from this one's.
        let other = people[k + 1..]
            .iter()
            .chain(&people[..k])
            .map(|p| p.4)
            .find(|o| !o.eq_ignore_ascii_case(first) && o.len() > 2);
        if let Some(other) = other {
            out.push(case(format!("{other} {surname}"), OTHER, true));
        }
    }
    out
}
