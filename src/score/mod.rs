//! Scoring two normalised names: a token-order-insensitive weighted alignment
//! in which every token of both names is accounted for exactly once, either in
//! a pair or as a leftover, then weighed by a few rules of evidence.
//!
//! # How a score is made
//! 1. **Weights** ([`weights`]): a distinctive word weighs 0.6 to 2.0 by how
//!    rare it is among real company names (never by the lists loaded), a
//!    number 1, a generic word or a place 0.3, a legal form 0.05.
//! 2. **Candidate pairs** ([`words`], and split or merged words): word against word
//!    (exact, inflection, spelling variant, digits for letters, typo, first
//!    letter, contraction), split or merged words, and a vendor's initialism
//!    of the listed words.
//! 3. **Alignment**: greedy, most similar pair first (a word with its
//!    identical twin as written before a merge, then the heavier), each token
//!    used once. A pair weighs its two words' weights (a word misspelt on
//!    one side, by typo, first letter or spelling, twice the commoner of
//!    the two: the typo is no rare name) and contributes `similarity ×
//!    weight` of `weight`; a
//!    leftover contributes nothing of its cost: its weight times 1
//!    (distinctive word, number), 0.5 (generic word, place), 0.1 (legal
//!    form) or 0 (the name's own acronym in parentheses; a branch's
//!    qualifier or a place only the vendor's name has, "International",
//!    "USA", when the names share a rare word). The alignment's
//!    score is the contributed share of the total.
//! 4. **Evidence** ([`evidence`]): factors for names that share no rare word
//!    but leave words unpaired, places that differ, numbers that differ,
//!    organisation words that differ.
//! 5. **Group members** ([`containment`]): a vendor's name made of a listed
//!    organisation's core and words of its own scores by the core's rarity,
//!    and says so.
//! 6. **Cut names** ([`cut`]): a vendor's name that is the beginning of a
//!    listed name as written, thirty characters or more, is that name cut
//!    by a field of fixed width; it scores by how much of the name it keeps
//!    (0.87 to 0.99), whatever the words after the cut, and is no group
//!    member. Written another way before the cut, its words must pair with
//!    the listed name's beginning; the words after the cut then cost
//!    nothing.
//! 7. **A person's middle names** ([`person`]): against a listed person's
//!    name written surname first, a vendor's name of the surname and the
//!    first given name ("Vladimir Putin" for "PUTIN, Vladimir
//!    Vladimirovich") leaves out middle names and patronymics at a quarter
//!    of one's weight, together.
//!
//! Three rules reject a pair outright, unless the vendor's name is the
//! listed name cut: a listed name whose distinctive words all have three
//! letters or fewer ("MA LI") matches only a vendor name with no other
//! distinctive word ("AGS MALI-SARL"); a listed name of one word and
//! nothing else ("GATO") matches only a vendor name whose other words are
//! places and legal forms, or a branch's qualifiers ("Global", "Trading")
//! when the word is rare among company names ("MODABER GLOBAL", not
//! "PEARL INTERNATIONAL") (or, when it names a group, "AVIC", a vendor
//! named after the group, by containment); and an initialism counts only when another
//! distinctive word or number of the names agrees ("CETC 13" / "China
//! Electronics Technology Group Corporation 13th Research Institute").
//!
//! The score is symmetric (swapping the two names gives the same score),
//! except for initialisms, read only in the vendor's name, group
//! membership, read only in the vendor's name against a listed
//! organisation, cuts, read only in the vendor's name, and a person's
//! middle names, read only in the listed name.
//!
//! ```
//! use vendor_screen::normalize::Normalizer;
//! use vendor_screen::score::{Prepared, Weights, align};
//!
//! let n = Normalizer::new();
//! let w = Weights::default();
//! let q = Prepared::new(n.normalize("Hik Vision USA Inc"), &w);
//! let l = Prepared::new(n.normalize("Hikvision"), &w);
//! let a = align(&q, &l, 0.0).expect("aligned");
//! assert!(a.score > 0.9, "{}", a.score);
//! ```

mod bound;
pub(crate) mod candidates;
pub mod containment;
pub mod cut;
mod edits;
pub mod evidence;
mod long;
pub mod person;
pub(crate) mod rejected;
pub mod weights;
pub mod words;

pub use containment::Containment;
pub(crate) use edits::is_subsequence;
pub use edits::osa_within;
pub use evidence::{Evidence, Rule};
pub(crate) use long::{LongQuery, align_long};
pub use weights::{Core, Prepared, Weights};
pub use words::PairKind;
pub(crate) use words::{
    MIN_CONFIRMING_WORDS, MIN_LISTED_CONTRACTION_LEN, MIN_VARIANT_TYPO_LEN, allowed_edits,
    contracts,
};

use crate::normalize::TokenKind;
use bound::upper_bound;
use candidates::{Candidate, candidates};
use rejected::rejected;
use serde::{Deserialize, Serialize};
use weights::leftover_factor;

/// A pair of the alignment: tokens of the query and of the listed name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Indexes of the query's tokens.
    pub query: Vec<usize>,
    /// Indexes of the listed name's tokens.
    pub listed: Vec<usize>,
    /// Similarity in [0, 1].
    pub similarity: f64,
    /// Weight of the pair (sum of its tokens' weights).
    pub weight: f64,
    /// How they are alike.
    pub kind: PairKind,
}

/// Which name a leftover token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The vendor's name (or the alias or owner's name screened).
    Query,
    /// The listed name.
    Listed,
}

/// A token left unpaired, with what it cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leftover {
    /// Which name.
    pub side: Side,
    /// Index of the token in that name.
    pub token: usize,
    /// Its cost (added to the total only).
    pub cost: f64,
}

/// The alignment of two names and the score it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// Pairs, best first.
    pub pairs: Vec<Pair>,
    /// Tokens of either name left unpaired.
    pub leftovers: Vec<Leftover>,
    /// Sum of similarity × weight over pairs.
    pub matched: f64,
    /// Sum of pair weights and leftover costs.
    pub total: f64,
    /// The rules of evidence that weighed in.
    pub evidence: Vec<Evidence>,
    /// The name score: `matched / total` times every evidence factor.
    pub name_score: f64,
    /// Set when the vendor's name is a listed organisation's core with
    /// words of its own: a possible member of its group.
    pub containment: Option<Containment>,
    /// The final score in [0, 1]: the name score, or the containment's or
    /// a cut name's ([`cut`], in `evidence`) when higher.
    pub score: f64,
}

/// Aligns two prepared names and scores them. Returns `None` when the score
/// cannot reach `cutoff` (the bound is checked before the greedy alignment)
/// or is 0.
///
/// ```
/// use vendor_screen::normalize::Normalizer;
/// use vendor_screen::score::{Prepared, Weights, align};
/// let n = Normalizer::new();
/// let w = Weights::default();
/// let p = |s: &str| Prepared::new(n.normalize(s), &w);
/// let a = align(&p("Huawei Technologies Company"), &p("HUAWEI TECHNOLOGIES CO., LTD."), 0.0).unwrap();
/// assert!((a.score - 1.0).abs() < 0.01, "{}", a.score);
/// assert!(align(&p("CETC 13"), &p("CETC 14"), 0.5).is_none());
/// ```
pub fn align(q: &Prepared, l: &Prepared, cutoff: f64) -> Option<Alignment> {
    if !has_content(q) || !has_content(l) {
        return None;
    }
    let cands = candidates(q, l);
    let cut = cut::check(q, l);
    let (pairs, matched, pair_total) = pair_up(q, l, cands, leftover_total(q), cutoff, &cut)?;
    finish(q, l, pairs, matched, pair_total, cutoff, cut)
}

/// Whether a name has a word that is not a legal form.
fn has_content(p: &Prepared) -> bool {
    p.name.tokens.iter().any(|t| t.kind != TokenKind::LegalForm)
}

/// What a name's tokens cost, all left over: the query's share of
/// [`upper_bound`]'s total, summed in token order.
pub(crate) fn leftover_total(p: &Prepared) -> f64 {
    p.name
        .tokens
        .iter()
        .zip(&p.weights)
        .fold(0.0, |sum, (t, w)| {
            sum + w * weights::query_leftover_factor(t)
        })
}

/// A cut name's score and line of explanation ([`cut::check`]).
type CutReading = Option<(f64, Evidence)>;

/// The greedy alignment of the candidates (pairs, matched weight, pairs'
/// weight), unless the bound shows the score cannot reach `cutoff`.
/// `query_cost`: [`leftover_total`] of the query.
fn pair_up(
    q: &Prepared,
    l: &Prepared,
    cands: Vec<Candidate>,
    query_cost: f64,
    cutoff: f64,
    cut: &CutReading,
) -> Option<(Vec<Pair>, f64, f64)> {
    let in_listed = |j: usize| cands.iter().any(|c| c.listed.range().contains(&j));
    let in_query = |i: usize| cands.iter().any(|c| c.query.range().contains(&i));
    let reach = upper_bound(q, l, &cands, query_cost, cutoff)
        .max(containment::bound(l, in_listed))
        .max(cut.as_ref().map_or(0.0, |c| c.0));
    // A name cut after other changes leaves the listed words after the cut
    // uncounted: its score is bounded only by its cap.
    let reach = if reach < cutoff && cut::tail_possible(q, l, in_query, in_listed) {
        reach.max(cut::kept_score(q, l))
    } else {
        reach
    };
    if reach < cutoff || reach <= 0.0 {
        return None;
    }
    Some(greedy(cands))
}

/// Scores the greedy alignment: leftovers, the rules that reject a pair
/// outright, evidence and containment; a cut name ([`cut`]) scores at
/// least its cut's score, whatever those say.
fn finish(
    q: &Prepared,
    l: &Prepared,
    pairs: Vec<Pair>,
    matched: f64,
    pair_total: f64,
    cutoff: f64,
    cut: CutReading,
) -> Option<Alignment> {
    if cut.is_none() && only_legal_forms_paired(q, l, &pairs) {
        return None;
    }
    let mut leftovers = leftovers(q, l, &pairs);
    // A name cut after other changes: the listed words after the cut (and
    // the beginning of the word it went through) are not counted.
    let tail = cut
        .is_none()
        .then(|| cut::tail(q, l, &pairs, &leftovers))
        .flatten();
    let taken = tail
        .as_ref()
        .map_or_else(Vec::new, |(ids, _)| take_free(&mut leftovers, ids));
    // A person's middle names left out are weighed by their own rule, not
    // again as a shorter form of the name.
    // Found once, for the rule's costs and for the evidence it frees.
    let middle_out = person::left_out(q, l, &pairs, &leftovers);
    let middle = person::middle_names(l, &middle_out, &mut leftovers);
    let shorter = middle
        .is_none()
        .then(|| evidence::shorter_form(q, l, &pairs, &mut leftovers))
        .flatten();
    let qualifiers = evidence::branch_qualifiers(q, l, &pairs, &mut leftovers);
    let total = pair_total + leftovers.iter().map(|x| x.cost).sum::<f64>();
    // A rule that rejects the pair leaves only the cut to score it.
    let verdict = rejected(q, l, &pairs, &leftovers);
    if verdict.is_none() && cut.is_none() {
        return None;
    }
    let mut evidence = evidence::weigh(q, l, &pairs, &leftovers, &middle_out);
    evidence.extend(middle);
    evidence.extend(shorter);
    evidence.extend(qualifiers);
    let base = if total > 0.0 { matched / total } else { 0.0 };
    let name_score = evidence
        .iter()
        .fold(base, |s, e| s * e.factor)
        .clamp(0.0, 1.0);
    // A cut name is the listed name itself, not a member of its group.
    let containment = (verdict.is_some() && cut.is_none() && tail.is_none())
        .then(|| containment::check(q, l, &pairs, &leftovers, name_score))
        .flatten();
    let mut score = name_or_member(verdict, containment.as_ref(), name_score);
    if let Some((cut_score, line)) = cut {
        score = score.max(cut_score);
        evidence.push(line);
    }
    if let Some((_, line)) = tail {
        // No more than the same share of the name kept as written gives.
        score = score.min(cut::kept_score(q, l));
        evidence.push(line);
        leftovers.extend(taken);
    }
    if score <= 0.0 || score < cutoff {
        return None;
    }
    Some(Alignment {
        pairs,
        leftovers,
        matched,
        total,
        evidence,
        name_score,
        containment,
        score,
    })
}

/// Whether every pair pairs a legal form: names that share only legal
/// forms share nothing, nor does a legal form paired with a word the other
/// name holds as written ("Limited XYZ" and "Ltd-CETC Machinery":
/// "limited" alone would score nothing).
fn only_legal_forms_paired(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> bool {
    let legal = |ids: &[usize], t: &[crate::normalize::Token]| {
        ids.iter().all(|&i| t[i].kind == TokenKind::LegalForm)
    };
    pairs
        .iter()
        .all(|p| legal(&p.query, &q.name.tokens) || legal(&p.listed, &l.name.tokens))
}

/// The leftovers at `ids` (ascending) taken out of `leftovers`, costing
/// nothing: the words a cut took.
fn take_free(leftovers: &mut Vec<Leftover>, ids: &[usize]) -> Vec<Leftover> {
    ids.iter()
        .rev()
        .map(|&i| {
            let mut x = leftovers.remove(i);
            x.cost = 0.0;
            x
        })
        .collect()
}

/// The score of a pair of names from the rules' verdict ([`rejected`]:
/// `None` when a rule rejects the names, `Some(true)` when the listed name
/// is bare; either way only a containment scores), the containment found
/// and the name's own score.
fn name_or_member(
    verdict: Option<bool>,
    containment: Option<&Containment>,
    name_score: f64,
) -> f64 {
    let says_more = verdict.unwrap_or(true);
    match containment {
        Some(c) if says_more => c.score,
        Some(c) => c.score.max(name_score),
        None if says_more => 0.0,
        None => name_score,
    }
}

/// Greedy alignment: most similar first, a word with its identical twin
/// before a merge (but a merge before an expanded abbreviation: "Techn ology"
/// is "technology", not "technology" and a stray "ology"), then the heavier;
/// ties by position so the result is deterministic. Returns the pairs, the
/// matched weight and the pairs' total weight.
fn greedy(mut cands: Vec<Candidate>) -> (Vec<Pair>, f64, f64) {
    cands.sort_by(|a, b| {
        b.sim
            .total_cmp(&a.sim)
            .then_with(|| b.twin.cmp(&a.twin))
            .then_with(|| b.weight.total_cmp(&a.weight))
            .then_with(|| a.query.cmp(&b.query))
            .then_with(|| a.listed.cmp(&b.listed))
    });
    let q_len = cands.iter().map(|c| c.query.end).max().unwrap_or(0);
    let l_len = cands.iter().map(|c| c.listed.end).max().unwrap_or(0);
    let mut q_used = vec![false; q_len];
    let mut l_used = vec![false; l_len];
    let mut pairs = Vec::new();
    let (mut matched, mut total) = (0.0, 0.0);
    for c in cands {
        if q_used[c.query.range()].iter().any(|&u| u) || l_used[c.listed.range()].iter().any(|&u| u)
        {
            continue;
        }
        q_used[c.query.range()].fill(true);
        l_used[c.listed.range()].fill(true);
        matched += c.sim * c.weight;
        total += c.weight;
        pairs.push(Pair {
            query: c.query.range().collect(),
            listed: c.listed.range().collect(),
            similarity: c.sim,
            weight: c.weight,
            kind: c.kind,
        });
    }
    (pairs, matched, total)
}

/// Every token of either name that no pair holds, with its cost.
fn leftovers(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> Vec<Leftover> {
    let mut out = Vec::new();
    for (side, p) in [(Side::Query, q), (Side::Listed, l)] {
        let mut used = vec![false; p.name.tokens.len()];
        for pair in pairs {
            let ids = match side {
                Side::Query => &pair.query,
                Side::Listed => &pair.listed,
            };
            ids.iter().for_each(|&i| used[i] = true);
        }
        for (i, t) in p.name.tokens.iter().enumerate() {
            if !used[i] {
                out.push(Leftover {
                    side,
                    token: i,
                    cost: p.weights[i] * leftover_factor(t),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
