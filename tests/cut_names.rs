//! Names cut at a field width (`vendor_screen::score::cut`): vendor masters
//! keep a name in a field of fixed length (SAP's holds 35 characters; the
//! real FPDS names show cuts at 60 and 80) and drop the rest, often inside a
//! word. Every organisation name of the real OFAC SDN file cut there must
//! find its entity; a beginning too short to be a field's, one that changes
//! a word before the cut, or one holding only legal forms must not count as
//! a cut.

use vendor_screen::list::Date;
use vendor_screen::list::load::load_path;
use vendor_screen::list::{EntityKind, NameKind};
use vendor_screen::normalize::{Normalizer, TokenKind};
use vendor_screen::score::{Prepared, Rule, Weights, align};
use vendor_screen::{DEFAULT_THRESHOLD, Screener, ScreenerBuilder, Status, Vendor};

const SDN: &str = "../shared/data/ofac-sdn/2024-05-03/sdn.csv";

/// A name cut after `width` characters, the separator the cut leaves
/// dropped.
fn cut(name: &str, width: usize) -> Option<String> {
    (name.chars().count() > width).then(|| {
        let head: String = name.chars().take(width).collect();
        head.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    })
}

fn sdn_screener() -> (Screener, Vec<(String, String)>) {
    let lists = load_path(SDN.as_ref(), None)
        .expect("the real SDN file")
        .lists;
    let names = lists
        .iter()
        .flat_map(|l| &l.entities)
        .filter(|e| e.kind == EntityKind::Organization)
        .flat_map(|e| e.names().map(|(_, n)| (e.id.clone(), n.to_string())))
        .collect();
    let screener = ScreenerBuilder::new().lists(lists).build().expect("builds");
    (screener, names)
}

/// Whether a name holds a word that is not a legal form (a cut that kept
/// only "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO" names nothing).
fn says_something(n: &Normalizer, name: &str) -> bool {
    n.normalize(name)
        .tokens
        .iter()
        .any(|t| t.kind != TokenKind::LegalForm)
}

#[test]
fn every_organisation_name_cut_at_a_field_width_finds_its_entity() {
    let (s, names) = sdn_screener();
    let n = Normalizer::new();
    let as_of = Date::new(2026, 11, 22).expect("date");
    let (mut tried, mut failed) = (0, Vec::new());
    for (i, (id, name)) in names.iter().enumerate() {
        for width in [35, 60, 80] {
            let Some(query) = cut(name, width).filter(|q| says_something(&n, q)) else {
                continue;
            };
            tried += 1;
            let v = Vendor::new(query.as_str());
            let hit = |r: vendor_screen::Report| {
                r.hits
                    .into_iter()
                    .find(|h| &h.entity_id == id)
                    .map(|h| (h.score, h.status))
            };
            let found = hit(s.screen(&v, as_of));
            // The index finds what scoring every name finds (every 25th).
            if i % 25 == 0 {
                assert_eq!(found, hit(s.screen_brute_force(&v, as_of)), "{query}");
            }
            match found {
                Some((score, Status::Match)) if score >= DEFAULT_THRESHOLD => {}
                other => failed.push(format!("{query:?} for {name:?}: {other:?}")),
            }
        }
    }
    assert!(tried > 2500, "{tried}");
    assert!(
        failed.is_empty(),
        "{} of {tried}:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// A Russian company's name as a vendor master writes it: the legal form
/// the SDN file abbreviates ("BALTIC SHIPYARD JSC") written out in
/// transliterated Russian, and the field of 35 characters cutting through
/// it ("BALTIC SHIPYARD AKTSIONERNOE OBSHCH"). Every such name of the real
/// SDN file whose cut keeps two words of the legal form, the last one cut
/// inside, finds its entity.
#[test]
fn a_legal_form_written_out_and_cut_by_the_field_finds_its_entity() {
    let (s, _) = sdn_screener();
    // Weak aliases hit only a vendor's name that is one word for word.
    let names: Vec<(String, String)> = load_path(SDN.as_ref(), None)
        .expect("the real SDN file")
        .lists
        .iter()
        .flat_map(|l| &l.entities)
        .filter(|e| e.kind == EntityKind::Organization)
        .flat_map(|e| {
            e.names()
                .filter(|(k, _)| *k != NameKind::WeakAlias)
                .map(|(_, n)| (e.id.clone(), n.to_string()))
        })
        .collect();
    let as_of = Date::new(2026, 11, 22).expect("date");
    let written_out = [
        (" LLC", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU"),
        (" JSC", "AKTSIONERNOE OBSHCHESTVO"),
        (" PJSC", "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO"),
    ];
    let (mut tried, mut failed) = (0, Vec::new());
    for (id, name) in &names {
        for (abbreviation, long) in written_out {
            let Some(stem) = name
                .strip_suffix(abbreviation)
                .map(|s| s.trim_end_matches([',', ' ']))
            else {
                continue;
            };
            let full = format!("{stem} {long}");
            let Some(query) = cut(&full, 35) else {
                continue;
            };
            // Two words of the legal form kept, the last cut inside.
            let kept = query.get(stem.len()..).unwrap_or("").trim();
            let words: Vec<&str> = kept.split(' ').collect();
            let inside = words
                .last()
                .is_some_and(|w| !long.split(' ').any(|l| l == *w));
            if words.len() < 2 || !inside {
                continue;
            }
            tried += 1;
            let found = s
                .screen(&Vendor::new(query.as_str()), as_of)
                .hits
                .into_iter()
                .any(|h| &h.entity_id == id && h.score >= DEFAULT_THRESHOLD);
            if !found {
                failed.push(format!("{query:?} for {name:?}"));
            }
        }
    }
    assert!(tried >= 10, "{tried}");
    assert!(
        failed.is_empty(),
        "{} of {tried}:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

fn aligned(query: &str, listed: &str) -> Option<vendor_screen::score::Alignment> {
    let (n, w) = (Normalizer::new(), Weights::default());
    let p = |s: &str| Prepared::new(n.normalize(s), &w);
    align(&p(query), &p(listed), 0.0)
}

fn is_cut(query: &str, listed: &str) -> bool {
    aligned(query, listed).is_some_and(|a| a.evidence.iter().any(|e| e.rule == Rule::Cut))
}

#[test]
fn only_a_long_unchanged_beginning_is_a_cut() {
    let listed = "NATIONAL COMMITTEE FOR THE LIBERATION AND PROTECTION OF ALBANIAN LANDS";
    assert!(is_cut("National Committee for the Liberati", listed));
    assert!(
        is_cut("NATIONAL COMMITTEE, FOR THE  LIBERATION AND", listed),
        "case, spacing and punctuation aside"
    );
    assert!(
        is_cut("NATIONAL COMMITTEE FOR THE LIB", listed),
        "30 characters"
    );
    assert!(
        !is_cut("NATIONAL COMMITTEE FOR THE LI", listed),
        "29 characters"
    );
    assert!(
        !is_cut("NATIONAL COMMITTEE FOR THE", listed),
        "shorter than any field"
    );
    assert!(
        !is_cut("NATIONAL COMMITTEE FOR THE PROTECTI", listed),
        "a word changed before the cut"
    );
    assert!(!is_cut(listed, listed), "the whole name is no cut");
    assert!(
        !is_cut(listed, "NATIONAL COMMITTEE FOR THE LIBERATI"),
        "the listed name is not the vendor's cut"
    );
    let short = aligned("NATIONAL COMMITTEE FOR THE", listed);
    assert!(short.is_none_or(|a| a.score < DEFAULT_THRESHOLD));
}

#[test]
fn a_cut_that_kept_only_legal_forms_names_nothing() {
    let listed = "PUBLICHNOE AKTSIONERNOE OBSCHESTVO MAGNITOGORSKIY METALLURGICHESKIY KOMBINAT";
    assert!(aligned("PUBLICHNOE AKTSIONERNOE OBSCHESTVO", listed).is_none());
}

#[test]
fn a_cut_scores_by_how_much_it_keeps_and_says_where_it_was_cut() {
    let listed = "NATIONAL COMMITTEE FOR THE LIBERATION AND PROTECTION OF ALBANIAN LANDS";
    let less = aligned("NATIONAL COMMITTEE FOR THE LIBERATI", listed).expect("aligned");
    let more = aligned(
        "NATIONAL COMMITTEE FOR THE LIBERATION AND PROTECTION OF ALBA",
        listed,
    )
    .expect("aligned");
    assert!(less.score >= DEFAULT_THRESHOLD, "{}", less.score);
    assert!(more.score > less.score, "{} {}", more.score, less.score);
    let line = |a: &vendor_screen::score::Alignment| {
        a.evidence
            .iter()
            .find(|e| e.rule == Rule::Cut)
            .map(|e| e.detail.clone())
            .expect("a cut")
    };
    assert!(line(&less).contains("inside a word"), "{}", line(&less));
    let word = aligned("NATIONAL COMMITTEE FOR THE LIBERATION", listed).expect("aligned");
    assert!(line(&word).contains("after a word"), "{}", line(&word));
}

/// Real OFAC names written another way before the cut (a contraction, a
/// legal form written out, a typo, words run together) and cut at 35.
#[test]
fn a_name_changed_another_way_before_the_cut_reads_as_cut() {
    for (query, listed) in [
        (
            "HONG PANG LIVESTOCK DEV COMPANY LIM",
            "HONG PANG LIVESTOCK DEVELOPMENT COMPANY LIMITED",
        ),
        (
            "INVESTACAST PRECISION CASTINGS, LIM",
            "INVESTACAST PRECISION CASTINGS, LTD.",
        ),
        (
            "HONG PANG GEN TRADING COMPANY, LIMI",
            "HONG PANG GENERAL TRADING COMPANY, LIMITED",
        ),
        (
            "PETRA NAVIGATION & INTL TRADING CO. LT",
            "PETRA NAVIGATION & INTERNATIONAL TRADING CO. LTD.",
        ),
    ] {
        let a = aligned(query, listed).unwrap_or_else(|| panic!("{query}: not aligned"));
        assert!(a.score >= DEFAULT_THRESHOLD, "{query}: {}", a.score);
        assert!(
            a.score < 0.995,
            "{query}: a cut is no exact match: {}",
            a.score
        );
        assert!(is_cut(query, listed), "{query}: {:?}", a.evidence);
    }
}

/// Real vendor names that begin as a listed name does, but go on past
/// where it would have been cut.
#[test]
fn a_name_that_goes_on_past_the_cut_is_no_cut() {
    for (query, listed) in [
        (
            "UNIVERSAL LOGISTICS HOLDINGS INC",
            "Universal Logistics Systems GmbH",
        ),
        (
            "SPECTRUM INTERNATIONAL  INCORPORATED",
            "SPECTRUM INTERNATIONAL INVESTMENT HOLDING SAL",
        ),
        (
            "FIRST MEDIA  SOCIETATEA CU RASPUNDERE LIMITATA",
            "LIMITED LIABILITY COMPANY MEDIA 1 MANAGEMENT",
        ),
    ] {
        assert!(!is_cut(query, listed), "{query}");
        let a = aligned(query, listed);
        assert!(a.is_none_or(|a| a.score < DEFAULT_THRESHOLD), "{query}");
    }
    // Changed before the cut (a contraction) and without a distinctive
    // word: the index files such a name under its two rarest words, and
    // finds it only while at most one of them is left out, which a cut
    // need not respect; so the change is not read as a cut. Cut as
    // written, it is one (the index files it by its beginning too).
    let listed = "CHINA NATIONAL PRECISION MACHINERY IMPORT/EXPORT CORPORATION";
    assert!(is_cut("CHINA NATIONAL PRECISION MACHINERY IMPO", listed));
    assert!(!is_cut("CHINA NATL PRECISION MACHINERY IMPO", listed));
}
