//! A group member's core of one ordinary Spanish, Portuguese or French word
//! counts as an ordinary English word would, on the real 2024 SDN file:
//! "Cristal Autoworks, Inc" (a real FPDS vendor) is no company of Grupo
//! Cristal Corona's, though the American vendor names that weigh words
//! lack "Cristal". A core the list vouches for as a group's brand (a member
//! linked to the entity carrying it) or a word of no dictionary still
//! counts by its rarity.

mod support;

use vendor_screen::list::Date;
use vendor_screen::score::Containment;
use vendor_screen::{Hit, Report, Screener, Vendor};

fn screener() -> Screener {
    support::sdn_2024_screener(0.75)
}

fn screen(s: &Screener, name: &str) -> Report {
    let as_of: Date = "2024-05-04".parse().expect("date");
    s.screen(&Vendor::new(name), as_of)
}

/// The vendor's hit on `entity` (at the screener's threshold 0.75), which
/// must be a group member's, and its containment.
fn member_hit(s: &Screener, vendor: &str, entity: &str) -> (Hit, Containment) {
    let r = screen(s, vendor);
    let h = r
        .hits
        .iter()
        .find(|h| h.entity_id == entity)
        .unwrap_or_else(|| panic!("{vendor} must hit {entity}: {:?}", r.hits));
    let c = h
        .explanation
        .containment
        .clone()
        .unwrap_or_else(|| panic!("{vendor} on {entity}: a containment"));
    (h.clone(), c)
}

#[test]
fn an_ordinary_word_of_another_language_is_no_group_brand() {
    let s = screener();
    // (real FPDS vendor name, entity whose one-word core it contains).
    for (vendor, entity, core) in [
        ("CRISTAL AUTOWORKS, INC", "12190", "CRISTAL"),
        ("ETALON CLEANING SRL", "45751", "ETALON"),
    ] {
        let (h, c) = member_hit(&s, vendor, entity);
        assert_eq!(c.core, core);
        assert!(c.ordinary_word, "{vendor}: {c:?}");
        assert!(h.score < 0.85, "{vendor} scores {} on {entity}", h.score);
        assert!(
            h.explanation.to_string().contains("ordinary Spanish"),
            "the explanation says why: {}",
            h.explanation
        );
    }
}

#[test]
fn a_vouched_or_unknown_core_still_counts() {
    let s = screener();
    // ZENIT is a Spanish word, but entries linked to Bank Zenit carry it:
    // the list shows it is the brand the group's companies go by.
    let (h, c) = member_hit(&s, "ZENIT CONSULTING OOO", "40801");
    assert!(c.members_carrying >= 3 && !c.ordinary_word, "{c:?}");
    assert!(h.score >= 0.85, "{}", h.score);
    // One member is enough: SISTEMA ASIA PTE LTD is linked to Sistema.
    let (h, c) = member_hit(&s, "SISTEMA GLOBAL VENTURES LTD", "45613");
    assert!(!c.ordinary_word, "{c:?}");
    assert!(h.score >= 0.85, "{}", h.score);
    // A place's name is in no dictionary's list of ordinary words.
    let (h, c) = member_hit(&s, "ALABUGA LOGISTICS LLC", "45708");
    assert!(!c.ordinary_word, "{c:?}");
    assert!(h.score >= 0.85, "{}", h.score);
}
