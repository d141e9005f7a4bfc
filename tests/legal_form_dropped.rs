//! A vendor leaves the legal form out: every organisation name of the OFAC
//! SDN (2024), OFAC non-SDN, BIS DPL and CSL (2023) files that ends in a
//! legal form the normaliser reads, with that form dropped as the file
//! writes it ("AVIANDINA" for "AVIANDINA S.A.C.", "GRANATURA" for
//! "GRANATURA, S. DE P.R. DE R.L. DE C.V."), hits its own entity at the
//! default threshold. Not a sample; each miss is printed. A form the table
//! lacks is read as the name's own word and so never counted here: the
//! must-match rows of `tests/matching.rs` hold such forms found in the
//! lists (S. de R.L., S.A.C., SASU, CC, K.K.). OFAC's weak aliases are left
//! out: they hit only a vendor's name that is one word for word
//! (`tests/weak_aliases.rs`).
//!
//! A vendor leaves out the last word of a legal form, the kind of body it
//! names: "AVANGARD JOINT STOCK" for AVANGARD JOINT STOCK BANK, "LIMITED
//! LIABILITY NETWORKING COMPANY IRKUT" for THE LIMITED LIABILITY COMPANY
//! NETWORKING COMPANY IRKUT. Every such name of the same files, its form's
//! last word dropped as written, hits its own entity.

use support::own_entity::all_hit_their_entity;
use vendor_screen::normalize::{Normalizer, TokenKind};

mod support;

/// The files whose names are varied.
const FILES: &[&str] = &[
    "ofac-sdn/2024-05-03/sdn.csv",
    "ofac-non-sdn/cons_prim.csv",
    "bis-dpl/dpl.txt",
    "csl/consolidated-2023-11-partial.csv",
];

/// The name with its last token, a legal form, cut off as written, and the
/// punctuation before it ("GRANATURA, S. DE P.R. ..." -> "GRANATURA").
fn without_legal_form(n: &Normalizer, name: &str) -> Option<String> {
    let norm = n.normalize(name);
    let last = norm.tokens.last()?;
    let own_words = norm
        .tokens
        .iter()
        .any(|t| t.kind != TokenKind::LegalForm && !t.optional);
    if last.kind != TokenKind::LegalForm || !own_words {
        return None;
    }
    let rest = name[..last.span.start]
        .trim_end_matches(|c: char| c.is_whitespace() || ",.-;(".contains(c));
    (!rest.is_empty()).then(|| rest.to_string())
}

#[test]
fn a_listed_name_without_its_legal_form_hits_its_entity() {
    let n = Normalizer::new();
    all_hit_their_entity(
        FILES,
        |name| without_legal_form(&n, name),
        "without their legal form",
        6_000,
    );
}

/// The name with the last word of each "Joint Stock Company", "Joint Stock
/// Bank", "Limited Liability Company" or "Public Limited Company" it
/// writes left out, as a vendor master may ("AVANGARD JOINT STOCK"), or
/// `None` when it writes none.
fn without_last_legal_word(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let upper: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_uppercase()
        })
        .collect();
    let mut keep = vec![true; words.len()];
    for i in 2..words.len() {
        let before = (upper[i - 2].as_str(), upper[i - 1].as_str());
        let form = matches!(
            before,
            ("JOINT", "STOCK") | ("LIMITED", "LIABILITY") | ("PUBLIC", "LIMITED")
        );
        // The head word as written, punctuation aside ("COMPANY," keeps
        // its comma on the word before).
        if form && matches!(upper[i].as_str(), "COMPANY" | "BANK") && words[i - 1] == upper[i - 1] {
            keep[i] = false;
        }
    }
    if keep.iter().all(|&k| k) {
        return None;
    }
    let kept: Vec<&str> = words
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(w, _)| *w)
        .collect();
    Some(kept.join(" "))
}

#[test]
fn a_listed_name_without_its_legal_forms_last_word_hits_its_entity() {
    all_hit_their_entity(
        FILES,
        without_last_legal_word,
        "without their legal form's last word",
        1_000,
    );
}
