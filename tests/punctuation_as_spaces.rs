//! Vendor masters that turn punctuation into spaces write a legal form's
//! dotted initials apart: "FUNERALES OASIS S A DE C V" for FUNERALES
//! OASIS, S.A. DE C.V., "AKA INTEGRAL SERVICES S DE R L DE C V". Every
//! organisation name of the OFAC SDN (2024), non-SDN, DPL and CSL (2023)
//! files ending in a legal form written with periods, its periods and
//! commas written as spaces, hits its own entity at the default threshold.
//! Not a sample; each miss is printed. 22 of 1,521 missed before the
//! initials were read apart; one still does, for another rule (below).
//!
//! Such vendor masters drop the "&" between initials too ("GG
//! INTERNACIONAL SAS" for G&G INTERNACIONAL S.A.S.): every organisation
//! name of the same files with two initials joined by "&", written without
//! it, hits its own entity. 20 of 26 missed before the initials were run
//! together without their "&"; one still does (below).

use support::own_entity::all_hit_but_known;
use vendor_screen::normalize::{Normalizer, TokenKind};

mod support;

const FILES: &[&str] = &[
    "ofac-sdn/2024-05-03/sdn.csv",
    "ofac-non-sdn/cons_prim.csv",
    "bis-dpl/dpl.txt",
    "csl/consolidated-2023-11-partial.csv",
];

/// The name with its periods and commas written as spaces (runs of spaces
/// as one), when its last token is a legal form written with a period.
fn punctuation_as_spaces(n: &Normalizer, name: &str) -> Option<String> {
    let norm = n.normalize(name);
    let last = norm.tokens.last()?;
    let own_words = norm.tokens.iter().any(|t| t.kind != TokenKind::LegalForm);
    let dotted = name.get(last.span.clone())?.contains('.');
    if last.kind != TokenKind::LegalForm || !own_words || !dotted {
        return None;
    }
    let spaced: String = name
        .chars()
        .map(|c| if c == '.' || c == ',' { ' ' } else { c })
        .collect();
    Some(spaced.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Known misses, each for a rule of its own: a single letter ending the
/// name's own words ("TITLE I", a Roman numeral) runs into the initials
/// after it, three letters spelled out ("I S A" reads `isa`), and the
/// legal form is lost.
const KNOWN: &[&str] = &["CORPORATIVO TITLE I S A DE C V"];

#[test]
fn a_legal_form_with_its_initials_written_apart_hits_its_entity() {
    let n = Normalizer::new();
    all_hit_but_known(
        FILES,
        |name| punctuation_as_spaces(&n, name),
        "ending in a dotted legal form, written with spaces for punctuation,",
        1_000,
        KNOWN,
    );
}

/// The name with each pair of initials joined by "&" ("G&G", "J & E",
/// "AT&T") written without it ("GG", "JE", "ATT"), as vendor masters that
/// keep no special characters write it; `None` when it has none.
fn ampersand_dropped(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let initials =
        |w: &str| (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_alphabetic());
    let mut out: Vec<String> = Vec::new();
    let mut changed = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // "G&G" in one word, or "J & E" in three.
        if let Some((a, b)) = w
            .split_once('&')
            .filter(|(a, b)| initials(a) && initials(b))
        {
            out.push(format!("{a}{b}"));
            changed = true;
            i += 1;
        } else if i + 2 < words.len()
            && words[i + 1] == "&"
            && initials(w)
            && initials(words[i + 2].trim_end_matches([',', '.']))
        {
            out.push(format!("{w}{}", words[i + 2]));
            changed = true;
            i += 3;
        } else {
            out.push(w.to_string());
            i += 1;
        }
    }
    changed.then(|| out.join(" "))
}

#[test]
fn initials_joined_by_an_ampersand_written_without_it_hit_their_entity() {
    all_hit_but_known(
        FILES,
        ampersand_dropped,
        "with initials joined by '&', written without it,",
        20,
        KNOWN_AMPERSAND,
    );
}

/// Known misses: the CSL's "W&M Engineering, the Wintrade Company, and the
/// Winman Company" (held out, not tuned on) scores 0.831, the alignment
/// pairing the vendor's second "and" with the listed "&" before the merge
/// of the initials can take it.
const KNOWN_AMPERSAND: &[&str] = &["WM Engineering, the Wintrade Company, and the Winman Company"];
