//! The links an official file states between its own entries lead a hit
//! one level up. On the real 2024 SDN file, OFAC names the other party of a
//! `Linked To:` remark by name only ("STARS COMMUNICATIONS LTD ... Linked
//! To: STARS GROUP HOLDING."); a vendor matching the entry is told that the
//! party it names is listed too, as the bundled lists' relations by id
//! already did. Before, such links were read and then never followed. The
//! link leads up only, to organisations: a vendor matching NATIONAL
//! IRANIAN TANKER COMPANY is not handed the 130 entries linked to it, and
//! a company's link to a person is no affiliate company.

mod support;

use support::screen_after_sdn_2024 as screen;
use support::sdn_2024_screener;
use vendor_screen::{Hit, Report, Status, Via};

/// The vendor's hits reached through a listed entry's link.
fn linked(r: &Report) -> Vec<&Hit> {
    r.hits
        .iter()
        .filter(|h| matches!(h.via, Via::Relation { .. }))
        .collect()
}

/// (a real SDN entry's name, its `ent_num`, the organisation its remarks
/// link it to, that organisation's `ent_num`).
const LINKED: [(&str, &str, &str, &str); 3] = [
    (
        "STARS COMMUNICATIONS LTD",
        "17042",
        "STARS GROUP HOLDING",
        "17039",
    ),
    (
        "BONYAD SHIPPING AGENCIES COMPANY",
        "30391",
        "ISLAMIC REVOLUTION MOSTAZAFAN FOUNDATION",
        "30346",
    ),
    ("MEHR EQTESAD BANK", "25018", "BONYAD TAAVON BASIJ", "25017"),
];

#[test]
fn a_vendor_matching_a_linked_entry_is_told_of_the_listed_party_it_names() {
    let s = sdn_2024_screener(0.85);
    for (name, id, party, party_id) in LINKED {
        let r = screen(&s, name);
        let hit = linked(&r)
            .into_iter()
            .find(|h| h.entity_id == party_id)
            .unwrap_or_else(|| panic!("{name}: no hit on {party} through its link: {r:#?}"));
        assert_eq!(hit.entity_name, party, "{name}");
        match &hit.via {
            Via::Relation {
                entity_id, link, ..
            } => {
                assert_eq!(entity_id, id, "{name}: the entry matched");
                assert_eq!(link, "affiliate", "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
        // OFAC's 50 percent rule: the file states no share, so review.
        let rule = hit.explanation.rule.as_deref().unwrap_or_default();
        assert_eq!(hit.status, Status::Review, "{name}: {rule}");
        assert!(rule.contains(name), "{name}: {rule}");
    }
}

/// A link leads to the parties the matched entry names, not back from
/// the party to every entry naming it, nor to a person.
#[test]
fn links_lead_up_to_organisations_only() {
    let s = sdn_2024_screener(0.85);
    // 130 entries of the file are "Linked To: NATIONAL IRANIAN TANKER
    // COMPANY"; the company's own remarks name one party.
    let r = screen(&s, "NATIONAL IRANIAN TANKER COMPANY");
    let named: Vec<&str> = linked(&r).iter().map(|h| h.entity_name.as_str()).collect();
    assert!(
        named.len() <= 2,
        "a vendor matching the company is handed the entries linked to it: {named:?}"
    );
    // STARS COMMUNICATIONS LTD is also "Linked To: AMHAZ, Kamel Mohamad".
    let r = screen(&s, "STARS COMMUNICATIONS LTD");
    let people: Vec<&str> = linked(&r)
        .iter()
        .map(|h| h.entity_name.as_str())
        .filter(|n| n.contains(','))
        .collect();
    assert!(people.is_empty(), "linked people: {people:?}");
}
