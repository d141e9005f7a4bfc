//! The sieve never sieves out a name the index finds: on every real vendor
//! name, on the touched entities' names varied as vendor masters vary them,
//! and on random text made of their words, the example's change of 100
//! entities to the real CSL extract and the bundled lists.

#[path = "../../examples/evaluate/perturb.rs"]
#[allow(dead_code)]
mod perturb;

use super::*;
use crate::list::{LoadOptions, Period, load::load_path_with};
use crate::rescreen::Rescreener;
use proptest::prelude::*;
use std::sync::OnceLock;

/// The example's change: 30 SDN entities removed, 15 Entity List entities
/// ended and 15 given an alias, 40 entities of OFAC's non-SDN list added.
fn change_100() -> (
    Vec<crate::list::DesignationList>,
    Vec<crate::list::DesignationList>,
) {
    let load = |file: &str, options: &LoadOptions| {
        load_path_with(format!("../shared/data/{file}").as_ref(), None, options)
            .expect("the real list files")
            .lists
    };
    let mut old = load(
        "csl/consolidated-2023-11-partial.csv",
        &LoadOptions::partial(),
    );
    old.extend(crate::lists::bundled().expect("bundled lists"));
    let mut new = old.clone();
    let list = |new: &mut Vec<crate::list::DesignationList>, id: &str| {
        new.iter()
            .position(|l| l.meta.id == id)
            .expect("a CSL list")
    };
    let sdn = list(&mut new, "csl-sdn");
    let mut i = 0;
    new[sdn].entities.retain(|_| {
        i += 1;
        !(i % 50 == 0 && i <= 1500)
    });
    let el = list(&mut new, "csl-el");
    for (k, e) in new[el].entities.iter_mut().step_by(29).take(30).enumerate() {
        if k < 15 {
            e.periods = vec![Period::new(None, "2023-10-01".parse().ok())];
        } else {
            e.aliases.push(format!("{} International", e.name));
        }
    }
    let cons = load("ofac-non-sdn/cons_prim.csv", &LoadOptions::default());
    for e in cons[0].entities.iter().step_by(11).take(40) {
        let mut e = e.clone();
        e.id = format!("new-{}", e.id);
        new[sdn].entities.push(e);
    }
    (old, new)
}

/// The Rescreener of the example's change, with its delta and sieve.
fn rescreener() -> &'static Rescreener {
    static R: OnceLock<Rescreener> = OnceLock::new();
    R.get_or_init(|| {
        let (old, new) = change_100();
        let day = "2023-12-01".parse().expect("a date");
        Rescreener::new(&old, new, day, day, None).expect("builds")
    })
}

fn delta() -> (&'static Screener, &'static Sieve) {
    let d = rescreener()
        .delta
        .as_ref()
        .expect("the change touches entities");
    (&d.screener, d.sieve.as_ref().expect("a sieve"))
}

/// `None` when the sieve lets the name through or the index does not find
/// it; else what went wrong.
fn sieved_out(name: &str, scratch: &mut Scratch) -> Option<String> {
    let (screener, sieve) = delta();
    let index = screener.matcher().index();
    if sieve.name_may_hit(index, name, scratch) {
        return None;
    }
    let found = index_finds(screener, name);
    (!found.is_empty()).then(|| {
        let names: Vec<&str> = found.iter().map(|&i| screener.matcher().name(i)).collect();
        format!("{name:?} was sieved out, but the index finds {names:?}")
    })
}

/// The listed names the index finds for a vendor's name, in either of
/// the matcher's readings: words run together read apart, and as written.
fn index_finds(screener: &Screener, name: &str) -> Vec<usize> {
    let index = screener.matcher().index();
    let n = screener.normalizer();
    let mut found = index.candidates(&n.normalize_query(name));
    found.extend(index.candidates(&n.normalize(name)));
    found.sort_unstable();
    found.dedup();
    found
}

/// The names of the entities the change touches.
fn touched_names() -> Vec<String> {
    let (screener, _) = delta();
    screener
        .lists()
        .iter()
        .flat_map(|l| &l.entities)
        .flat_map(|e| e.names().map(|(_, n)| n.to_string()))
        .collect()
}

#[test]
fn every_real_vendor_name_the_index_finds_passes() {
    let names = std::fs::read_to_string("../shared/data/vendors/fpds-vendor-names.txt")
        .expect("the real vendor names");
    let (screener, sieve) = delta();
    let index = screener.matcher().index();
    let mut scratch = Scratch::default();
    let (mut found, mut passed, mut wrong) = (0, 0, Vec::new());
    for name in names.lines() {
        found += usize::from(!index_finds(screener, name).is_empty());
        passed += usize::from(sieve.name_may_hit(index, name, &mut scratch));
        wrong.extend(sieved_out(name, &mut scratch));
    }
    assert!(
        wrong.is_empty(),
        "{} names: {:#?}",
        wrong.len(),
        &wrong[..wrong.len().min(20)]
    );
    // What it is for: most names never normalised. (Today 5,527 of 57,044
    // names are candidates and 7,624 pass; 4,711 and 6,344 before a
    // variant key took typos, when the bound was an eighth.)
    assert!(found > 1000 && passed >= found, "{found} {passed}");
    assert!(
        passed * 7 < names.lines().count(),
        "{found} found, {passed} pass"
    );
}

#[test]
fn touched_names_varied_as_vendor_masters_vary_them_pass() {
    let mut rng = perturb::Rng::new(14);
    let mut scratch = Scratch::default();
    let mut wrong = Vec::new();
    let mut tried = 0;
    for name in touched_names() {
        let mut variants = vec![name.clone()];
        for kind in perturb::KINDS {
            for _ in 0..3 {
                variants.extend(perturb::perturb(&name, kind, &mut rng));
            }
        }
        variants.extend(written_otherwise(&name));
        for v in variants {
            tried += 1;
            wrong.extend(sieved_out(&v, &mut scratch));
        }
    }
    assert!(tried > 2000, "{tried}");
    assert!(
        wrong.is_empty(),
        "{} names: {:#?}",
        wrong.len(),
        &wrong[..wrong.len().min(20)]
    );
}

/// A name written in the ways the normaliser reads as the same words: in
/// initials, spelled out, run together, with apostrophes, control
/// characters and `&` inside, legal forms alone, look-alike letters.
fn written_otherwise(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(|c| [c, '.'])
        .collect();
    let mut out = vec![
        format!("{initials} {}", words.last().copied().unwrap_or("")),
        words.concat(),
        words.join("-"),
        words.join("'"),
        words.join("\u{1}"),
        words.join(" & "),
        name.replace('o', "0").replace('e', "3"),
        name.replace(['I', 'i'], "l"),
        format!("{name} Co., Ltd."),
        format!("Co., Ltd. {name}"),
    ];
    // Cut at a field width, inside a word or after one.
    let chars = name.chars().count();
    out.extend(
        (30..chars)
            .step_by(7)
            .map(|w| name.chars().take(w).collect::<String>()),
    );
    if let Some(longest) = words.iter().max_by_key(|w| w.len()) {
        let spelled: Vec<String> = longest.chars().map(String::from).collect();
        out.push(name.replacen(longest, &spelled.join(" "), 1));
        out.push(name.replacen(longest, &spelled.join("."), 1));
        out.push(longest.to_string());
        out.push(format!("{longest} Limited Liability Company"));
    }
    out
}

/// Random text made of the touched names' words, legal forms, places,
/// abbreviations and number words, with random separators, case and typos.
fn text() -> impl Strategy<Value = String> {
    let words: Vec<String> = touched_names()
        .iter()
        .flat_map(|n| n.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .chain(
            [
                "Co", "Ltd", "Company", "Limited", "LLC", "L.L.C.", "Inc", "Corp", "Group",
                "Holdings", "SA", "de", "CV", "Intl", "Tech", "USA", "China", "Hong", "Kong",
                "United", "States", "III", "Forty", "Four", "13th", "One", "&", "and",
            ]
            .map(String::from),
        )
        .collect();
    let word = proptest::sample::select(words);
    let sep = proptest::sample::select(vec![
        " ", " ", " ", ".", "-", ", ", "'", "(", ")", "\u{1}", "",
    ]);
    let typo = (any::<u8>(), 0usize..12, 0u8..4);
    proptest::collection::vec((word, sep, any::<bool>(), proptest::option::of(typo)), 1..6)
        .prop_map(|parts| {
            let mut out = String::new();
            for (w, sep, upper, typo) in parts {
                let mut w: Vec<char> = if upper { w.to_uppercase() } else { w }.chars().collect();
                if let Some((c, at, how)) = typo {
                    let at = at.min(w.len());
                    let c = char::from(b'a' + c % 26);
                    match how {
                        0 => w.insert(at, c),
                        1 if at < w.len() => {
                            w.remove(at);
                        }
                        2 if at < w.len() => w[at] = c,
                        _ if at + 1 < w.len() => w.swap(at, at + 1),
                        _ => {}
                    }
                }
                out.extend(w);
                out.push_str(sep);
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn random_text_of_touched_words_the_index_finds_passes(name in text()) {
        let wrong = sieved_out(&name, &mut Scratch::default());
        prop_assert!(wrong.is_none(), "{}", wrong.unwrap_or_default());
    }
}

/// Every token of an ASCII name is written as adjacent words of
/// [`split_ascii`] run together, and its text is one word, a run of single
/// letters, a replacement, a look-alike read, a misspelt organisation word
/// read or (for a name of legal forms
/// only) the last words: what the sieve looks up. (A name with a word the
/// number step reads passes the sieve unlooked.)
#[test]
fn every_token_of_a_real_vendor_name_is_what_the_sieve_models() {
    let names = std::fs::read_to_string("../shared/data/vendors/fpds-vendor-names.txt")
        .expect("the real vendor names");
    let n = crate::normalize::Normalizer::new();
    let replaced: std::collections::HashSet<String> =
        n.replacements().into_iter().map(|r| r.text).collect();
    let (mut words, mut ends, mut spans) = (String::new(), Vec::new(), Vec::new());
    for name in names.lines() {
        if !split_ascii(name, &mut words, &mut ends) || !token_spans(&ends, &words, &mut spans) {
            continue;
        }
        // Names with a number word pass the sieve whatever their tokens.
        if spans.iter().any(|&(a, b)| reads_as_number(&words[a..b])) {
            continue;
        }
        let starts: Vec<usize> = std::iter::once(0).chain(ends.iter().copied()).collect();
        let (starts, ends) = (&starts, &ends);
        let runs: Vec<&str> = (0..ends.len())
            .flat_map(|i| (i..ends.len()).map(move |j| (starts[i], ends[j])))
            .map(|(a, b)| &words[a..b])
            .collect();
        let last: Vec<&str> = (0..ends.len()).map(|i| &words[starts[i]..]).collect();
        let spanned: Vec<&str> = spans.iter().map(|&(a, b)| &words[a..b]).collect();
        let normalized = n.normalize(name);
        for t in &normalized.tokens {
            let written = t.unexpanded_text();
            assert!(
                runs.contains(&written),
                "{name:?}: {written:?} is not adjacent words"
            );
            let text = t.text.as_str();
            let read = spanned.iter().any(|s| {
                look_alike_candidates(s).any(|r| r == text) || n.misspelt_read(s) == Some(text)
            });
            assert!(
                spanned.contains(&text) || replaced.contains(text) || read || last.contains(&text),
                "{name:?}: token {text:?}"
            );
        }
    }
}

#[test]
fn at_a_threshold_the_index_does_not_serve_there_is_no_sieve() {
    let s = crate::ScreenerBuilder::new()
        .lists(crate::lists::bundled().expect("bundled lists"))
        .threshold(0.6)
        .build()
        .expect("builds");
    assert!(Sieve::new(&s).is_none());
}

#[test]
fn words_are_split_as_the_normaliser_splits_ascii() {
    let (mut words, mut ends) = (String::new(), Vec::new());
    assert!(split_ascii(
        "Xi'an A.B.C. H&M Hik\u{1}vision (HK)",
        &mut words,
        &mut ends
    ));
    let starts = std::iter::once(0).chain(ends.iter().copied());
    let split: Vec<&str> = starts.zip(&ends).map(|(a, &b)| &words[a..b]).collect();
    assert_eq!(
        split,
        ["xian", "a", "b", "c", "h", "and", "m", "hikvision", "hk"]
    );
    assert!(!split_ascii("Huаwei", &mut words, &mut ends), "Cyrillic а");
}

/// A screener over one entity named `listed`.
fn screener_of(listed: &str) -> Screener {
    use crate::list::{DesignationList, Entity, ListMeta};
    let list = DesignationList {
        meta: ListMeta::new("test", "test"),
        entities: vec![Entity::new("x", listed, "test")],
    };
    crate::ScreenerBuilder::new()
        .list(list)
        .build()
        .expect("builds")
}

/// Why the sieve of `s` lets `name` through, checking first that the index
/// finds it (so the sieve must).
fn why_one_name(s: &Screener, name: &str) -> Option<&'static str> {
    let sieve = Sieve::new(s).expect("a sieve");
    let index = s.matcher().index();
    assert!(!index_finds(s, name).is_empty());
    sieve.why(index, name, &mut Scratch::default())
}

/// The last token of a name made only of legal forms is its words run
/// together (`LLC Company Limited`: `llc`, `companylimited`): its tail key
/// finds `Xompanylimited`, a first-letter typo, which no word of it and no
/// run of its words does.
#[test]
fn a_name_of_legal_forms_only_is_looked_up_as_its_last_words() {
    assert_eq!(
        why_one_name(&screener_of("Xompanylimited"), "LLC Company Limited"),
        Some("the last words' variant key or tail key")
    );
}

/// A word run together with a legal form is read apart
/// (`ARTEKSLIMITED`: `arteks`, `limited`), a token no word of the name is.
#[test]
fn a_word_run_together_with_a_legal_form_passes() {
    assert_eq!(
        why_one_name(
            &screener_of("Arteks Limited Company"),
            "ARTEKSLIMITED COMPANY"
        ),
        Some("a word the normaliser may read as words run together")
    );
}

/// `lndustry` is read as `industry` (a lower-case L for a capital I),
/// which is within a typo of `Indusrty`; its variant key reads the L as an
/// I too (`industri`), and since a variant key takes typos, that finds
/// `Indusrty`'s key first.
#[test]
fn a_lower_case_l_for_an_i_is_looked_up_by_the_variant_key() {
    assert_eq!(
        why_one_name(&screener_of("Indusrty"), "LNDUSTRY"),
        Some("a token's variant key or tail key")
    );
}

/// A legal form of several words read through one misspelt word is its
/// compare form (`Limitd Liability Company` is `llc`), which the one-word
/// name `LLC` is keyed by: the words run together are not the phrase's.
#[test]
fn a_legal_form_with_a_misspelt_word_is_triggered() {
    found_and_let_through(
        "LLC",
        &["Limitd Liability Company", "Limited Liabilty Company"],
    );
}

/// Each of `names` is found by the index of a screener of the one name
/// `listed`, and the sieve lets it through.
fn found_and_let_through(listed: &str, names: &[&str]) {
    let s = screener_of(listed);
    let sieve = Sieve::new(&s).expect("a sieve");
    let index = s.matcher().index();
    let mut scratch = Scratch::default();
    for name in names {
        assert!(!index_finds(&s, name).is_empty(), "{name}");
        assert!(sieve.name_may_hit(index, name, &mut scratch), "{name}");
    }
}

/// So is one read through a contracted word, a first-letter slip in a
/// long word or a digit for a letter (`Pulsar Sci and Production
/// Enterprise` holds `gnpp`, which the one-word name `GNPP` is keyed by).
#[test]
fn a_legal_form_with_a_contracted_or_slipped_word_is_triggered() {
    found_and_let_through(
        "GNPP",
        &[
            "Pulsar Sci and Production Enterprise",
            "Scientific and Production Enterprlse",
            "Scientific and Pr0duction Enterprise",
            "Scientific and Production Xnterprise",
        ],
    );
}

/// A name made only of legal forms whose first word is misspelt
/// (`Limiited Liability Company Company Limited`: `llc`,
/// `companylimited`) still has its last words
/// looked up as its last token.
#[test]
fn a_name_of_legal_forms_only_with_a_misspelt_first_word_is_looked_up() {
    assert_eq!(
        why_one_name(
            &screener_of("Xompanylimited"),
            "Limiited Liability Company Company Limited"
        ),
        Some("the last words' variant key or tail key")
    );
}

/// A vendor's name that is a listed name cut at a field width, inside the
/// only word the index files the name under (`Zheltuginskaya`), is found by
/// the beginning of the listed name: no word of it, nor a run of its words,
/// is a key.
#[test]
fn a_name_cut_at_a_field_width_is_looked_up_by_its_beginning() {
    let listed = "LIMITED LIABILITY COMPANY SCIENTIFIC AND PRODUCTION ENTERPRISE ZHELTUGINSKAYA";
    assert_eq!(
        why_one_name(
            &screener_of(listed),
            "LIMITED LIABILITY COMPANY SCIENTIFIC AND PRODUCTION ENTERPRISE ZHELT"
        ),
        Some("the beginning of a listed name")
    );
}

/// A listed name cut at a field width and written after DBA is the
/// beginning of one of the vendor's names, not of the field: the sieve
/// looks up each name written into the field, as the screener screens it.
#[test]
fn a_name_written_after_dba_is_sieved_on_its_own() {
    let listed = "LIMITED LIABILITY COMPANY SCIENTIFIC AND PRODUCTION ENTERPRISE ZHELTUGINSKAYA";
    let s = screener_of(listed);
    let vendor = Vendor::new(
        "ACME SUPPLY INC DBA LIMITED LIABILITY COMPANY SCIENTIFIC AND PRODUCTION ENTERPRISE ZHELT",
    );
    let today = crate::list::Date::new(2026, 11, 26).expect("a date");
    assert!(!s.screen(&vendor, today).hits.is_empty());
    let sieve = Sieve::new(&s).expect("a sieve");
    assert!(sieve.may_hit(s.matcher().index(), &vendor, &mut Scratch::default()));
}

/// A `1` is an `l` as often as an `i`: `HA1A1` is two edits from `HALAL`
/// read as written, with each `1` an `i` (`haiai`), or by its variant key,
/// which reads each `1` as an `i` too; the index looks it up with each `1`
/// an `l`, and so must the sieve. (`ME11AT` for `MELLAT`, the first
/// example, is found by its variant key since such a key takes typos:
/// `meiat`, a letter from `melat`.)
#[test]
fn digits_for_letters_are_looked_up_with_a_1_read_as_l() {
    assert_eq!(
        why_one_name(&screener_of("HALAL TRADING"), "HA1A1 TRADING"),
        Some("a look-alike read")
    );
}
