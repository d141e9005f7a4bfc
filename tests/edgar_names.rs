//! EDGAR closes a company's conformed name with a note after a slash:
//! where it is incorporated or how it is registered ("8X8 INC /DE/",
//! "AAK AB/ADR", "KEYCORP /NEW/", "Troops, Inc. /Cayman Islands/"); 396 of
//! the 7,156 SEC names of `../shared/data/vendors` end so, and vendor
//! masters fed from EDGAR keep it. Every organisation name of the OFAC SDN
//! (2024), non-SDN, DPL and CSL (2023) files that ends in a legal form, as
//! EDGAR names end, written with one of the notes the SEC names really
//! have (taken in turn), hits its own entity at the default threshold. Not
//! a sample; each miss is printed.

use support::own_entity::all_hit_their_entity;
use vendor_screen::normalize::{Normalizer, TokenKind};

mod support;

const FILES: &[&str] = &[
    "ofac-sdn/2024-05-03/sdn.csv",
    "ofac-non-sdn/cons_prim.csv",
    "bis-dpl/dpl.txt",
    "csl/consolidated-2023-11-partial.csv",
];

/// The notes the SEC names end with, as written from the slash on
/// ("/DE/", " / ADR/", "/Cayman Islands/"), each once: one or two words
/// of two letters or more after the last slash (not the "S" of "A/S"),
/// not a word of the name before it ("ATS Corp /ATS").
fn edgar_notes() -> Vec<String> {
    let text = std::fs::read_to_string("../shared/data/vendors/sec-company-names.txt")
        .expect("the SEC names are beside the crate");
    let mut notes: Vec<String> = Vec::new();
    for name in text.lines() {
        let body = name.trim_end_matches(['/', ' ']);
        let Some(slash) = body.rfind('/') else {
            continue;
        };
        let words: Vec<&str> = body[slash + 1..].split_whitespace().collect();
        let is_note = (1..=2).contains(&words.len())
            && words
                .iter()
                .all(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic()));
        let start = body[..slash].trim_end().len();
        let note = &name[start..];
        let repeats = words.iter().any(|w| {
            body[..slash]
                .split_whitespace()
                .any(|b| b.eq_ignore_ascii_case(w))
        });
        if is_note && !repeats && start > 0 && !notes.iter().any(|n| n == note) {
            notes.push(note.to_string());
        }
    }
    notes
}

#[test]
fn a_listed_name_with_edgars_note_hits_its_entity() {
    let n = Normalizer::new();
    let notes = edgar_notes();
    assert!(notes.len() > 40, "only {} notes: {notes:?}", notes.len());
    let turn = std::cell::Cell::new(0usize);
    all_hit_their_entity(
        FILES,
        |name| {
            let norm = n.normalize(name);
            let ends_in_form = norm
                .tokens
                .last()
                .is_some_and(|t| t.kind == TokenKind::LegalForm);
            let own_words = norm.tokens.iter().any(|t| t.kind != TokenKind::LegalForm);
            if !ends_in_form || !own_words {
                return None;
            }
            let note = &notes[turn.get() % notes.len()];
            turn.set(turn.get() + 1);
            Some(format!("{}{note}", name.trim_end()))
        },
        "ending in a legal form, written with EDGAR's note,",
        6_000,
    );
}
