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

#[test]
fn a_listed_name_without_its_legal_form_hits_its_entity() {
    let n = Normalizer::new();
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
                let Some(query) = without_legal_form(&n, name) else {
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
    println!(
        "{} of {cases} names without their legal form miss",
        misses.len()
    );
    assert!(cases > 6_000, "only {cases} names end in a legal form");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
