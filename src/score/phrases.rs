//! Phrases two names share word for word: each word of "Central Research
//! ... Automation and Hydraulics" is common among company names, the run
//! they make is not. A run of organisation words and places paired one by
//! one in the same order on both sides counts as evidence of identity as
//! rare as the phrase ([`crate::background::Background::phrase_rarity`]),
//! beside the rarity of its words ([`super::evidence`]).

use super::{Pair, Prepared};
use crate::background::Background;
use crate::normalize::{CONNECTIVES, TokenKind};

/// How rare the phrases are that the names share word for word
/// ([`shared_phrases`]), summed.
pub(super) fn phrase_evidence(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> f64 {
    shared_phrases(q, l, pairs).iter().map(|(_, r)| r).sum()
}

/// The shared phrases rare among company names, quoted and joined ("" when
/// there is none), for the explanation.
pub(super) fn rare_phrases(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> String {
    shared_phrases(q, l, pairs)
        .into_iter()
        .filter(|(_, r)| *r >= crate::score::weights::CORE_RARITY)
        .map(|(run, _)| {
            let (Some(&a), Some(&b)) = (run.first(), run.last()) else {
                return String::new();
            };
            let span = l.name.tokens[a].span.start..l.name.tokens[b].span.end;
            format!("'{}'", l.name.original.get(span).unwrap_or_default())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The phrases the names share word for word: runs of organisation words
/// and places, two or more (connectives aside), paired one by one in the
/// same order on both sides ("Central Research ... Automation and
/// Hydraulics"), each with its rarity among company names
/// ([`Background::phrase_rarity`]) and its listed tokens. Each word of such
/// a run is common; the run may not be.
fn shared_phrases(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> Vec<(Vec<usize>, f64)> {
    if pairs.len() < 2 {
        return Vec::new();
    }
    let connective = |p: &Prepared, j: usize| CONNECTIVES.contains(&p.name.tokens[j].text.as_str());
    let common = |p: &Prepared, j: usize| {
        matches!(p.name.tokens[j].kind, TokenKind::Generic | TokenKind::Place) && !connective(p, j)
    };
    let mut joined: Vec<(usize, usize)> = pairs
        .iter()
        .filter(|p| p.similarity >= 0.85)
        .filter_map(|p| match (p.query.as_slice(), p.listed.as_slice()) {
            (&[a], &[b]) if common(q, a) && common(l, b) => Some((a, b)),
            _ => None,
        })
        .collect();
    joined.sort_unstable_by_key(|&(_, b)| b);
    // The next word after `j` that is no connective.
    let next = |p: &Prepared, j: usize| (j + 1..p.name.tokens.len()).find(|&k| !connective(p, k));
    let bg = Background::get();
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut flush = |run: &mut Vec<usize>| {
        if run.len() >= 2 {
            let words: Vec<&str> = run
                .iter()
                .map(|&j| l.name.tokens[j].unexpanded_text())
                .collect();
            out.push((std::mem::take(run), bg.phrase_rarity(&words)));
        }
        run.clear();
    };
    for (i, &(a, b)) in joined.iter().enumerate() {
        let follows = i > 0 && {
            let (pa, pb) = joined[i - 1];
            next(q, pa) == Some(a) && next(l, pb) == Some(b)
        };
        if !follows {
            flush(&mut run);
        }
        run.push(b);
    }
    flush(&mut run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;
    use crate::score::{Weights, align};

    /// [`phrase_evidence`] of the best alignment of a vendor's name and a
    /// listed name.
    fn phrase(vendor: &str, listed: &str) -> f64 {
        let (n, w) = (Normalizer::new(), Weights::default());
        let q = Prepared::new(n.normalize(vendor), &w);
        let l = Prepared::new(n.normalize(listed), &w).organisation();
        let a = align(&q, &l, 0.0).expect("an alignment");
        phrase_evidence(&q, &l, &a.pairs)
    }

    #[test]
    fn a_run_of_common_words_in_order_is_a_rare_phrase() {
        // (vendor, listed, whether the shared run is evidence)
        let table = [
            // OFAC SDN names with a word left out: the runs around it are
            // phrases no real company name has.
            (
                "JSC CENTRAL RESEARCH OF AUTOMATION AND HYDRAULICS",
                "JSC CENTRAL RESEARCH INSTITUTE OF AUTOMATION AND HYDRAULICS",
                true,
            ),
            (
                "CENTRAL BANK OF THE DEMOCRATIC REPUBLIC OF KOREA",
                "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
                true,
            ),
            // A phrase many real company names have ("Financial Services").
            (
                "SKYLIGHT FINANCIAL SERVICES",
                "AFRICADA FINANCIAL SERVICES BUREAU CHANGE",
                false,
            ),
            // The same words in another order are no shared phrase.
            ("SECURITY FEDERAL CORP", "FEDERAL SECURITY SERVICE", false),
            // One common word shared is no phrase.
            ("CENTRAL TRADING", "CENTRAL BANK", false),
        ];
        for (vendor, listed, rare) in table {
            let e = phrase(vendor, listed);
            assert_eq!(e >= CORE_PHRASE, rare, "{vendor} / {listed}: {e}");
        }
    }

    /// Evidence at least this high is a rare phrase's.
    const CORE_PHRASE: f64 = crate::score::weights::CORE_RARITY;
}
