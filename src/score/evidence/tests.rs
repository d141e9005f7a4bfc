use super::*;
use crate::normalize::Normalizer;
use crate::score::{Prepared, Weights, align};

/// The organisation-words rule's factor for a vendor's name against a
/// listed organisation's name (1 when it does not weigh in).
fn organisation_words_factor(q: &str, l: &str) -> f64 {
    let n = Normalizer::new();
    let w = Weights::default();
    align(
        &Prepared::new(n.normalize(q), &w),
        &Prepared::new(n.normalize(l), &w).organisation(),
        0.0,
    )
    .expect("aligned")
    .evidence
    .iter()
    .find(|e| e.rule == Rule::OrganisationWordsDiffer)
    .map_or(1.0, |e| e.factor)
}

#[test]
fn organisation_words_that_differ_name_another_line_of_business() {
    let cut = ORGANISATION_WORDS_FACTOR;
    for (vendor, listed, factor) in [
        // Real FPDS and SEC names against real SDN names: a rare word
        // shared, another line of business on each side.
        (
            "RISING TIDE TECHNOLOGY GROUP, INC",
            "RISING TIDE SHIPPING CORP.",
            cut,
        ),
        ("Sino Green Land Corp.", "SINO MACHINERY CO., LTD.", cut),
        ("MILLENIUM CONSTRUCTION LLC", "MILENYUM SHIPPING", cut),
        // Words on one side only: a shorter or a longer form of the name.
        ("MONSOON LTD", "MONSOON SHIPPING LTD", 1.0),
        (
            "RISING TIDE SHIPPING GROUP",
            "RISING TIDE SHIPPING CORP.",
            1.0,
        ),
        // A branch's qualifier is no line of business ("Global", "Trading").
        ("MIDCO GLOBAL INC", "MIDCO FINANCE S.A.", 1.0),
        // Words that say what kind of body a name is stand for each other
        // among a listed name's aliases (SDN aliases of one entry each).
        (
            "ISLAMIC RESISTANCE SUPPORT ASSOCIATION",
            "ISLAMIC RESISTANCE SUPPORT ORGANIZATION",
            1.0,
        ),
        ("AKHMAD KADYROV FUND", "AKHMAT KADYROV FOUNDATION", 1.0),
        ("ANSAR BANK", "ANSAR INSTITUTE", 1.0),
        // A letter is a connective or an initial, not a word of business
        // (SDN aliases of one entry).
        ("LASHKAR E-TOIBA", "LASHKAR-I-TAIBA", 1.0),
    ] {
        assert_eq!(
            organisation_words_factor(vendor, listed),
            factor,
            "{vendor} ~ {listed}"
        );
    }
}
