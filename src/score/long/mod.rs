//! Aligning a long query (a name of hundreds or thousands of words) with a
//! listed name at a cost that grows with the listed name, not the query.
//!
//! [`align`](super::align) pairs every query word with every listed word:
//! `O(query words × listed words)` per listed name, and the listed names
//! to align grow with the query too. [`align_long`] gives the same
//! result in two steps:
//!
//! 1. **Candidates among the words that could pair.** The query's words
//!    are indexed once ([`QueryWords`]) by what each pair rule compares;
//!    a listed name looks up the query words and runs its own words could
//!    pair with, and candidate pairs are made among those only, in the
//!    same order as among all words. Every other query word is left over,
//!    and the bound before the greedy alignment takes their cost from the
//!    query's total ([`super::leftover_total`]), summed once.
//! 2. **A bound after the greedy alignment.** Before visiting every
//!    leftover (which the full score does, and an explanation lists), the
//!    score is bounded from the pairs and the query's total: the name
//!    score is at most the matched weight over the pairs' weight and the
//!    leftovers' cost (evidence only lowers it), the cost of the listed
//!    distinctive words left out at least halved (a shorter form); a
//!    containment at most its core's score when the core is paired in
//!    place ([`super::containment::reach`]). A listed name whose bound is
//!    under the cut-off is dropped; one that reaches it is scored in full.
//!
//! The first step gives exactly the candidates of the full alignment, so
//! the pairs are the same; the second drops only names whose full score is
//! under the cut-off. Both are tested on real names against
//! [`align`](super::align) (the `tests` module).

mod words;

#[cfg(test)]
mod tests;

pub(crate) use words::QueryWords;

use super::candidates::{Among, candidates_among};
use super::evidence::SHORTER_FORM_SHARE;
use super::weights::leftover_factor;
use super::{Alignment, Pair, Prepared, containment, finish, has_content, pair_up};
use crate::normalize::TokenKind;

/// Relative slack of the bound after the greedy alignment: the query's
/// leftover cost is its total less the paired words' cost, a difference of
/// sums in another order than the full score's, so it and the total are
/// taken this much lower (far beyond the rounding of 2,048 terms, about
/// 1e-13), and the bound stays above the score however they round.
const SLACK: f64 = 1e-9;

/// A long query, prepared once for all listed names: its words indexed and
/// what they all cost left over.
pub(crate) struct LongQuery<'q> {
    q: &'q Prepared,
    words: QueryWords<'q>,
    cost: f64,
    content: bool,
}

impl<'q> LongQuery<'q> {
    /// Indexes query `q`.
    pub fn new(q: &'q Prepared) -> LongQuery<'q> {
        LongQuery {
            q,
            words: QueryWords::new(&q.name.tokens),
            cost: super::leftover_total(q),
            content: has_content(q),
        }
    }
}

/// The same as [`align`](super::align)`(q, l, cutoff)` for the query of
/// `long`, at a cost that grows with `l`'s words and hits.
pub(crate) fn align_long(long: &LongQuery, l: &Prepared, cutoff: f64) -> Option<Alignment> {
    let q = long.q;
    if !long.content || !has_content(l) {
        return None;
    }
    let found = long.words.among(&l.name);
    let among = Among::Only {
        words: &found.words,
        runs: &found.runs,
        numbers: &long.words.numbers,
    };
    let cands = candidates_among(q, l, among);
    let cut = super::cut::check(q, l);
    let (pairs, matched, pair_total) = pair_up(q, l, cands, long.cost, cutoff, &cut)?;
    if reach(long, l, &pairs, matched, pair_total) < cutoff {
        return None;
    }
    finish(q, l, pairs, matched, pair_total, cutoff, cut)
}

/// An upper bound of the score [`finish`] gives the pairs, without
/// visiting the query's leftovers: the largest of the name score without
/// evidence (leftovers at their least cost), the containment's reach and a
/// cut name's score.
fn reach(long: &LongQuery, l: &Prepared, pairs: &[Pair], matched: f64, pair_total: f64) -> f64 {
    let q = long.q;
    let paired: f64 = pairs
        .iter()
        .flat_map(|p| &p.query)
        .map(|&i| q.weights[i] * super::weights::query_leftover_factor(&q.name.tokens[i]))
        .sum();
    let query_left = (long.cost - paired - SLACK * long.cost).max(0.0);
    let mut used = vec![false; l.name.tokens.len()];
    pairs
        .iter()
        .flat_map(|p| &p.listed)
        .for_each(|&j| used[j] = true);
    let listed_left: f64 = l
        .name
        .tokens
        .iter()
        .zip(&l.weights)
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|((t, w), _)| {
            let share = if t.kind == TokenKind::Distinctive {
                SHORTER_FORM_SHARE
            } else {
                1.0
            };
            w * leftover_factor(t) * share
        })
        .sum();
    let total = (pair_total + query_left + listed_left) * (1.0 - SLACK);
    let name = if total > 0.0 {
        matched / total
    } else {
        f64::INFINITY
    };
    let cut = super::cut::score(q, l).unwrap_or(0.0);
    // A name cut after other changes scores at most its cap.
    let tail = if super::cut::tail_may_apply(q) {
        super::cut::kept_score(q, l)
    } else {
        0.0
    };
    name.max(containment::reach(q, l, pairs)).max(cut).max(tail)
}
