//! A listed company behind a trading name: a vendor master's name field
//! holding "LEGAL NAME DBA TRADE NAME" (or T/A, A/K/A, F/K/A) is screened as
//! each of its names, so a listed name on either side of the marker hits its
//! entity as it would alone.

use vendor_screen::list::{Date, EntityKind};
use vendor_screen::{ScreenerBuilder, Vendor, Via};

#[test]
fn every_bundled_organisation_name_is_found_on_either_side_of_a_marker() {
    let lists = vendor_screen::lists::bundled().expect("bundled lists");
    let s = ScreenerBuilder::new()
        .lists(lists.clone())
        .build()
        .expect("builds");
    let as_of = Date::new(2026, 11, 26).expect("date");
    let mut failures = Vec::new();
    let mut n = 0;
    for l in &lists {
        for e in l
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organization)
        {
            for written in [
                format!("ACME SUPPLY INC DBA {}", e.name),
                format!("{} D/B/A ACME SUPPLY", e.name),
                format!("ACME SUPPLY LLC (F/K/A {})", e.name),
            ] {
                n += 1;
                let report = s.screen(&Vendor::new(written.as_str()), as_of);
                let found = report.hits.iter().any(|h| {
                    h.list == l.meta.id
                        && h.entity_id == e.id
                        && h.score >= 0.99
                        && matches!(&h.via, Via::Alias { name } if *name == e.name)
                });
                if !found {
                    failures.push(written);
                }
            }
        }
    }
    assert!(n > 300, "{n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n}: {failures:#?}",
        failures.len()
    );
}
