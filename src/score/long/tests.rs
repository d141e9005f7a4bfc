//! The long path against the full alignment, on real names: CSL names
//! (`../shared/data/csl`) written into runs of real vendor names
//! (`../shared/data/vendors`) as vendor masters write them (merged, split,
//! misspelt, contracted, as initials, digits for letters, a legal form
//! misspelt, numbers re-spaced).

use super::{LongQuery, QueryWords, align_long, reach};
use crate::normalize::Normalizer;
use crate::score::candidates::{Among, candidates, candidates_among};
use crate::score::{PairKind, Prepared, Weights, align, allowed_edits};
use std::collections::BTreeMap;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

/// Every name (primary and aliases) of the CSL extract.
fn csl_names() -> Vec<String> {
    let path = format!("{DATA}/csl/consolidated-2023-11-partial.csv");
    let Ok(imported) = crate::list::load::load_path_with(
        std::path::Path::new(&path),
        None,
        &crate::list::LoadOptions::partial(),
    ) else {
        panic!("{path} loads");
    };
    imported
        .lists
        .iter()
        .flat_map(|l| &l.entities)
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .cloned()
        .collect()
}

/// Real vendor names, the first `n`.
fn vendor_names(n: usize) -> Vec<String> {
    let path = format!("{DATA}/vendors/fpds-vendor-names.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(n)
        .map(str::to_string)
        .collect()
}

/// Applies `f` to the words of `name` and joins them again.
fn each_word(name: &str, f: impl Fn(&str) -> String) -> String {
    name.split_whitespace().map(f).collect::<Vec<_>>().join(" ")
}

/// The ways a vendor master writes a listed name, one of each kind.
fn written_as(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let ascii = |w: &str| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_alphabetic());
    let mut out = vec![name.to_string()];
    // Merged: the first two words run together; all of them.
    if let [a, b, rest @ ..] = words.as_slice() {
        out.push(format!("{a}{b} {}", rest.join(" ")));
    }
    out.push(words.concat());
    // Split after the third letter.
    out.push(each_word(name, |w| match ascii(w) && w.len() >= 6 {
        true => format!("{} {}", &w[..3], &w[3..]),
        false => w.to_string(),
    }));
    // Letters swapped, dropped, the first replaced, the first dropped.
    out.push(each_word(name, |w| match ascii(w) {
        true => format!("{}{}{}{}", &w[..2], &w[3..4], &w[2..3], &w[4..]),
        false => w.to_string(),
    }));
    out.push(each_word(name, |w| match ascii(w) {
        true => format!("{}{}", &w[..3], &w[4..]),
        false => w.to_string(),
    }));
    out.push(each_word(name, |w| match ascii(w) && w.len() >= 6 {
        true => format!("K{}", &w[1..]),
        false => w.to_string(),
    }));
    out.push(each_word(name, |w| match ascii(w) && w.len() >= 6 {
        true => w[1..].to_string(),
        false => w.to_string(),
    }));
    // Contractions: long words cut to five letters, or to their consonants.
    out.push(each_word(name, |w| match ascii(w) && w.len() >= 7 {
        true => w[..5].to_string(),
        false => w.to_string(),
    }));
    out.push(each_word(name, |w| match ascii(w) && w.len() >= 7 {
        true => w
            .chars()
            .enumerate()
            .filter(|&(i, c)| i == 0 || !"aeiouAEIOU".contains(c))
            .map(|(_, c)| c)
            .take(4)
            .collect(),
        false => w.to_string(),
    }));
    // A shorter form: a word left out.
    if let [a, _, rest @ ..] = words.as_slice() {
        out.push(format!("{a} {}", rest.join(" ")));
    }
    // Initials, with a word of the name beside them.
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    out.push(format!(
        "{initials} {}",
        words.last().copied().unwrap_or_default()
    ));
    // Digits for letters; legal forms misspelt.
    out.push(name.replace(['o', 'O'], "0").replace(['i', 'I'], "1"));
    out.push(
        name.replace("Company", "Compny")
            .replace("COMPANY", "COMPNY")
            .replace("Limited", "Limted")
            .replace("LIMITED", "LIMTED")
            .replace("Corporation", "Corporaton")
            .replace("CORPORATION", "CORPORATON"),
    );
    out
}

/// Queries: each way of writing every `step`-th listed name, alone or
/// between real vendor names (some opening with a re-spaced number, some
/// with the number joined), with the listed names to check them against:
/// those around it in the list, and every `sample`-th.
fn queries(listed: &[String], step: usize, sample: usize) -> Vec<(String, Vec<usize>)> {
    let vendors = vendor_names(4000);
    let mut out = Vec::new();
    for (k, name) in listed.iter().enumerate().step_by(step) {
        let around: Vec<usize> = (k.saturating_sub(8)..(k + 8).min(listed.len()))
            .chain((k % sample..listed.len()).step_by(sample))
            .collect();
        for (m, w) in written_as(name).into_iter().enumerate() {
            let at = (k * 7 + m * 3) % (vendors.len() - 8);
            let before = vendors[at..at + 3].join(" ");
            let after = vendors[at + 3..at + 6].join(" ");
            let (opening, joined) = match m % 4 {
                0 => ("11 420 2 1 ", ""),
                2 => ("", " 1142021"),
                _ => ("", ""),
            };
            out.push((
                format!("{opening}{before} {w} {after}{joined}"),
                around.clone(),
            ));
            if (k + m) % 3 == 0 {
                out.push((w, around.clone()));
            }
        }
    }
    out
}

/// Listed names as the matcher prepares them: organisations (every third a
/// group's name, whose bare alias keeps its core); some given numbers that
/// queries write re-spaced or joined.
fn prepare_listed(n: &Normalizer, w: &Weights, texts: &[String]) -> Vec<Prepared> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = match i % 50 {
                0 => format!("1142021 {t}"),
                1 => format!("1 1 4 2 0 2 1 {t}"),
                _ => t.clone(),
            };
            let p = Prepared::new(n.normalize(&text), w);
            if i % 3 == 0 {
                p.group_name()
            } else {
                p.organisation()
            }
        })
        .collect()
}

/// What a candidate shows of the rules: its kind, and for merges which
/// side is run together and whether numbers are re-spaced.
fn rule_of(c: &crate::score::candidates::Candidate) -> String {
    match c.kind {
        PairKind::Merged if c.query.end - c.query.start >= 4 => "respaced query".into(),
        PairKind::Merged if c.listed.end - c.listed.start >= 4 => "respaced listed".into(),
        PairKind::Merged if c.listed.end - c.listed.start >= 2 => "merged listed".into(),
        PairKind::Merged => "merged query".into(),
        PairKind::Typo { .. } => "typo".into(),
        PairKind::Variant { digits } => format!("variant digits={digits}"),
        k => format!("{k:?}"),
    }
}

#[test]
fn the_typo_rules_allow_at_most_max_edits() {
    assert!((0..1000).all(|len| allowed_edits(len) <= super::words::MAX_EDITS));
}

/// The words found give every candidate pair, in the same order, of every
/// listed name checked, and every rule shows up among them.
#[test]
fn the_words_found_give_the_same_candidates() {
    let (n, w) = (Normalizer::new(), Weights::default());
    let texts = csl_names();
    let listed = prepare_listed(&n, &w, &texts);
    let mut rules: BTreeMap<String, usize> = BTreeMap::new();
    let mut checked = 0;
    for (query, around) in queries(&texts, 17, 131) {
        let q = Prepared::new(n.normalize(&query), &w);
        let words = QueryWords::new(&q.name.tokens);
        for &j in &around {
            let l = &listed[j];
            let found = words.among(&l.name);
            let among = Among::Only {
                words: &found.words,
                runs: &found.runs,
                numbers: &words.numbers,
            };
            let full = candidates(&q, l);
            assert_eq!(
                candidates_among(&q, l, among),
                full,
                "{query:?} / {:?}",
                l.name.original
            );
            for c in &full {
                *rules.entry(rule_of(c)).or_default() += 1;
            }
            checked += 1;
        }
    }
    let expected = [
        "Exact",
        "Inflection",
        "variant digits=false",
        "variant digits=true",
        "typo",
        "FirstLetter",
        "Contraction",
        "merged query",
        "merged listed",
        "respaced query",
        "respaced listed",
        "Initialism",
    ];
    for rule in expected {
        assert!(
            rules.get(rule).is_some_and(|&c| c >= 3),
            "{rule}: {rules:?}"
        );
    }
    eprintln!("{checked} checked: {rules:?}");
    assert!(checked > 50_000, "{checked}");
}

/// The long path gives the full alignment's result (the same alignment, or
/// none) at every cut-off, and its bound after the greedy alignment is
/// never below the score.
#[test]
fn the_long_path_gives_the_same_alignments() {
    let (n, w) = (Normalizer::new(), Weights::default());
    let texts = csl_names();
    let listed = prepare_listed(&n, &w, &texts);
    let (mut aligned, mut hits) = (0, 0);
    for (query, around) in queries(&texts, 47, 211) {
        let q = Prepared::new(n.normalize(&query), &w);
        let long = LongQuery::new(&q);
        for &j in &around {
            let l = &listed[j];
            for cutoff in [0.0, 0.5, 0.65, 0.75, 0.85] {
                let full = align(&q, l, cutoff);
                assert_eq!(
                    align_long(&long, l, cutoff),
                    full,
                    "{query:?} / {:?} at {cutoff}",
                    l.name.original
                );
                hits += usize::from(cutoff == 0.85 && full.is_some());
                let Some(a) = full else { continue };
                let pair_total = a.pairs.iter().fold(0.0, |s, p| s + p.weight);
                let bound = reach(&long, l, &a.pairs, a.matched, pair_total);
                assert!(bound >= a.score, "{bound} < {} for {query:?}", a.score);
                aligned += 1;
            }
        }
    }
    eprintln!("{aligned} aligned, {hits} hits");
    assert!(
        aligned > 10_000 && hits > 300,
        "{aligned} aligned, {hits} hits"
    );
}

/// Long queries, over a thousand words of real vendor names with listed
/// names written into them every so often, against every CSL name: the
/// same results as the full alignment at the default threshold.
#[test]
fn long_queries_give_the_same_hits() {
    let (n, w) = (Normalizer::new(), Weights::default());
    let texts = csl_names();
    let listed = prepare_listed(&n, &w, &texts);
    let vendors = vendor_names(6000);
    let mut hits = 0;
    for (start, every) in [(0, 40), (3000, 25)] {
        let mut words = Vec::new();
        for (k, v) in vendors[start..start + 220].iter().enumerate() {
            words.push(v.clone());
            if k % 6 == 0 {
                let name = &texts[(k * every) % texts.len()];
                words.extend(written_as(name).into_iter().step_by(k % 5 + 1).take(2));
            }
        }
        let query = words.join(" ");
        let q = Prepared::new(n.normalize(&query), &w);
        assert!(q.name.tokens.len() > 1000, "{}", q.name.tokens.len());
        let long = LongQuery::new(&q);
        for l in &listed {
            let full = align(&q, l, 0.85);
            hits += usize::from(full.is_some());
            assert_eq!(align_long(&long, l, 0.85), full, "{:?}", l.name.original);
        }
    }
    assert!(hits >= 20, "{hits}");
}
