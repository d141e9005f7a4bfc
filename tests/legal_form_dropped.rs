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

use vendor_screen::list::{Date, EntityKind, LoadOptions, NameKind, load};
use vendor_screen::normalize::{Normalizer, TokenKind};
use vendor_screen::{DEFAULT_THRESHOLD, ScreenerBuilder, Vendor};

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

/// Screens every organisation name of [`FILES`] (weak aliases aside) as
/// `vary` writes it, where it writes it otherwise, against its own file:
/// how many were screened, and each that missed its own entity at the
/// default threshold.
fn misses_when_written(vary: impl Fn(&str) -> Option<String>) -> (usize, Vec<String>) {
    let as_of = Date::new(2026, 11, 22).unwrap();
    let (mut cases, mut misses) = (0, Vec::new());
    for f in FILES {
        let path = format!("../shared/data/{f}");
        let loaded = load::load_path_with(path.as_ref(), None, &LoadOptions::partial())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let screener = ScreenerBuilder::new()
            .lists(loaded.lists.clone())
            .build()
            .expect("builds");
        for e in loaded.lists.iter().flat_map(|l| &l.entities) {
            if e.kind == EntityKind::Individual {
                continue;
            }
            for (kind, name) in e.names() {
                if kind == NameKind::WeakAlias {
                    continue;
                }
                let Some(query) = vary(name) else {
                    continue;
                };
                cases += 1;
                let report = screener.screen(&Vendor::new(query.as_str()), as_of);
                let own = report.hits.iter().find(|h| h.entity_id == e.id);
                if own.is_none_or(|h| h.score < DEFAULT_THRESHOLD) {
                    misses.push(format!(
                        "{f}: {query:?} ~ {name:?}: {:?}",
                        own.map(|h| h.score)
                    ));
                }
            }
        }
    }
    (cases, misses)
}

#[test]
fn a_listed_name_without_its_legal_form_hits_its_entity() {
    let n = Normalizer::new();
    let (cases, misses) = misses_when_written(|name| without_legal_form(&n, name));
    println!(
        "{} of {cases} names without their legal form miss",
        misses.len()
    );
    assert!(cases > 6_000, "only {cases} names end in a legal form");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
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
    let (cases, misses) = misses_when_written(without_last_legal_word);
    println!(
        "{} of {cases} names without their legal form's last word miss",
        misses.len()
    );
    assert!(cases > 1_000, "only {cases} names write such a legal form");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
