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
//!    form) or 0 (the name's own acronym in parentheses). The alignment's
//!    score is the contributed share of the total.
//! 4. **Evidence** ([`evidence`]): factors for names that share no rare word
//!    but leave words unpaired, places that differ, numbers that differ.
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
//!
//! Three rules reject a pair outright, unless the vendor's name is the
//! listed name cut: a listed name whose distinctive words all have three
//! letters or fewer ("MA LI") matches only a vendor name with no other
//! distinctive word ("AGS MALI-SARL"); a listed name of one word and
//! nothing else ("GATO") matches only a vendor name whose other words are
//! places and legal forms (or, when it names a group, "AVIC", a vendor
//! named after the group, by containment); and an initialism counts only when another
//! distinctive word or number of the names agrees ("CETC 13" / "China
//! Electronics Technology Group Corporation 13th Research Institute").
//!
//! The score is symmetric (swapping the two names gives the same score),
//! except for initialisms, read only in the vendor's name, group
//! membership, read only in the vendor's name against a listed
//! organisation, and cuts, read only in the vendor's name.
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

mod candidates;
pub mod containment;
pub mod cut;
mod edits;
pub mod evidence;
mod long;
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
    MIN_CONFIRMING_WORDS, MIN_LISTED_CONTRACTION_LEN, allowed_edits, contracts,
};

use crate::normalize::TokenKind;
use candidates::{Candidate, candidates};
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
        .fold(0.0, |sum, (t, w)| sum + w * leftover_factor(t))
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
    let (qt, lt) = (&q.name.tokens, &l.name.tokens);
    // Names that share only legal forms share nothing, nor does a legal
    // form paired with a word the other name holds as written ("Limited
    // XYZ" and "Ltd-CETC Machinery": "limited" alone would score nothing).
    let legal = |ids: &[usize], t: &[crate::normalize::Token]| {
        ids.iter().all(|&i| t[i].kind == TokenKind::LegalForm)
    };
    if cut.is_none()
        && pairs
            .iter()
            .all(|p| legal(&p.query, qt) || legal(&p.listed, lt))
    {
        return None;
    }
    let mut leftovers = leftovers(q, l, &pairs);
    // A name cut after other changes: the listed words after the cut (and
    // the beginning of the word it went through) are not counted.
    let tail = cut
        .is_none()
        .then(|| cut::tail(q, l, &pairs, &leftovers))
        .flatten();
    let mut taken = Vec::new();
    if let Some((ids, _)) = &tail {
        for &i in ids.iter().rev() {
            let mut x = leftovers.remove(i);
            x.cost = 0.0;
            taken.push(x);
        }
    }
    let shorter = evidence::shorter_form(q, l, &pairs, &mut leftovers);
    let total = pair_total + leftovers.iter().map(|x| x.cost).sum::<f64>();
    // A rule that rejects the pair leaves only the cut to score it.
    let verdict = rejected(q, l, &pairs, &leftovers);
    if verdict.is_none() && cut.is_none() {
        return None;
    }
    let mut evidence = evidence::weigh(q, l, &pairs, &leftovers);
    evidence.extend(shorter);
    let base = if total > 0.0 { matched / total } else { 0.0 };
    let name_score = evidence
        .iter()
        .fold(base, |s, e| s * e.factor)
        .clamp(0.0, 1.0);
    // A cut name is the listed name itself, not a member of its group.
    let containment = (verdict.is_some() && cut.is_none() && tail.is_none())
        .then(|| containment::check(q, l, &pairs, &leftovers, name_score))
        .flatten();
    let says_more = verdict.unwrap_or(true);
    let mut score = match &containment {
        Some(c) if says_more => c.score,
        Some(c) => c.score.max(name_score),
        None if says_more => 0.0,
        None => name_score,
    };
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

/// The rules that reject a pair outright: `None` when one does, else
/// whether a bare listed name is said more of (it then matches only by
/// containment).
fn rejected(q: &Prepared, l: &Prepared, pairs: &[Pair], leftovers: &[Leftover]) -> Option<bool> {
    let (qt, lt) = (&q.name.tokens, &l.name.tokens);
    // A listed name whose distinctive words are all short ("ABC LLC", "MA LI")
    // matches only a vendor name with no other distinctive word ("AGS MALI").
    let mut distinctive = lt
        .iter()
        .filter(|t| t.kind == TokenKind::Distinctive)
        .peekable();
    let short_listed = distinctive.peek().is_some() && distinctive.all(|t| t.text.len() <= 3);
    let short_said_more = short_listed
        && leftovers.iter().any(|x| {
            x.side == Side::Query
                && !qt[x.token].optional
                && matches!(qt[x.token].kind, TokenKind::Distinctive | TokenKind::Number)
        });
    // ...unless the list names it as a group ("ZTE"), or the members the
    // list names for it carry its short core ("VTB" of VTB Leasing and VTB
    // Factoring, linked to VTB Bank PJSC): then only as a member, by
    // containment ("ZTE Kangxun Telecom", "VTB Capital").
    let group_brand = l.cores().any(|c| c.named_group || c.members_carrying > 0);
    if short_said_more && !group_brand {
        return None;
    }
    // A listed name of one word and nothing else ("GATO", "CTG") is all
    // identity: it matches a vendor name whose other words are places and
    // legal forms ("GATO S.A.", "CTG USA"), not one that says more ("Air
    // Gato Enterprises", "CTG Consulting").
    // A bare name that names a group ("AVIC" of Aviation Industry
    // Corporation of China) still finds the group's members by containment
    // ("AVIC Heavy Machinery"), and only so.
    let bare = lt.iter().filter(|t| !t.optional).count() == 1;
    let says_more = bare
        && leftovers.iter().any(|x| {
            x.side == Side::Query
                && !qt[x.token].optional
                && matches!(
                    qt[x.token].kind,
                    TokenKind::Distinctive | TokenKind::Number | TokenKind::Generic
                )
        });
    if says_more && l.cores().next().is_none() {
        return None;
    }
    // An acronym read as the listed words needs another word to agree.
    let corroborated = pairs.iter().any(|p| {
        p.kind != PairKind::Initialism
            && p.listed
                .iter()
                .any(|&j| matches!(lt[j].kind, TokenKind::Distinctive | TokenKind::Number))
    });
    if pairs.iter().any(|p| p.kind == PairKind::Initialism) && !corroborated {
        return None;
    }
    Some(says_more || short_said_more)
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

/// An upper bound of the name score from the candidates: each token at its
/// best similarity, leftovers at their cost, the best subset chosen.
/// `query_cost`: [`leftover_total`] of the query, so that a long query's
/// words in no candidate are not visited one by one.
///
/// A pair may weigh less than its words ("Sgma" / "Sigma" weighs as the
/// commoner spelling twice, [`candidates()`]), and a pair less alike than
/// the score weighing less raises the score: each token weighs anywhere
/// from its lightest share in a candidate to its own weight, and the bound
/// is the highest over those ([`best_ratio`]), or any figure of `enough`
/// or more: the cut-off, which is all the bound is compared with.
fn upper_bound(
    q: &Prepared,
    l: &Prepared,
    cands: &[Candidate],
    query_cost: f64,
    enough: f64,
) -> f64 {
    // Per token of each side: best similarity and lightest share of a
    // candidate's weight (the token's own weight when none is lighter).
    let mut best_q: Vec<(usize, f64, f64)> = Vec::new();
    let mut best_l: Vec<(f64, f64)> = l.weights.iter().map(|&w| (0.0, w)).collect();
    for c in cands {
        let natural: f64 = q.weights[c.query.range()].iter().sum::<f64>()
            + l.weights[c.listed.range()].iter().sum::<f64>();
        let scale = if natural > 0.0 {
            (c.weight / natural).min(1.0)
        } else {
            1.0
        };
        best_q.extend(c.query.range().map(|i| (i, c.sim, q.weights[i] * scale)));
        for j in c.listed.range() {
            let b = &mut best_l[j];
            *b = (b.0.max(c.sim), b.1.min(l.weights[j] * scale));
        }
    }
    best_q.sort_by_key(|&(i, _, _)| i);
    best_q.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 = kept.1.max(next.1);
            kept.2 = kept.2.min(next.2);
        }
        same
    });
    // Start with everything left over, then pair tokens in order of benefit.
    let mut items: Vec<Item> = Vec::new();
    let mut den = query_cost;
    for &(i, best, light) in &best_q {
        if best > 0.0 {
            let cost = q.weights[i] * leftover_factor(&q.name.tokens[i]);
            items.push(Item {
                best,
                weight: q.weights[i],
                light,
                cost,
            });
        }
    }
    for (j, t) in l.name.tokens.iter().enumerate() {
        // The least a leftover can cost (a shorter form halves a listed
        // distinctive word's cost).
        let share = if t.kind == TokenKind::Distinctive {
            evidence::SHORTER_FORM_SHARE
        } else {
            1.0
        };
        let cost = l.weights[j] * leftover_factor(t) * share;
        den += cost;
        let (best, light) = best_l[j];
        if best > 0.0 {
            items.push(Item {
                best,
                weight: l.weights[j],
                light,
                cost,
            });
        }
    }
    items.sort_by(|a, b| b.best.total_cmp(&a.best));
    best_ratio(&items, den, enough)
}

/// A token of [`upper_bound`]: its best similarity, its own weight, the
/// lightest it may weigh in a pair, and its cost left over.
struct Item {
    best: f64,
    weight: f64,
    light: f64,
    cost: f64,
}

/// The highest score `items` (most alike first) can make, starting from
/// `den` with every token left over. The score is highest with the tokens
/// more alike than it at their full weight and those less alike at their
/// lightest: a split in similarity order, tried at each token that may
/// weigh less (few: typos), until one reaches `enough`.
fn best_ratio(items: &[Item], den: f64, enough: f64) -> f64 {
    let splits = items.iter().filter(|x| x.light < x.weight).count();
    let mut out = 0.0f64;
    // Every token at its own weight first, as most bounds need no more;
    // the other splits only while the bound is under `enough`.
    for split in std::iter::once(splits).chain(0..splits) {
        let (mut num, mut den, mut light_seen) = (0.0, den, 0);
        for x in items {
            let w = if x.light < x.weight {
                light_seen += 1;
                if light_seen <= split {
                    x.weight
                } else {
                    x.light
                }
            } else {
                x.weight
            };
            let (n2, d2) = (num + x.best * w, den + w - x.cost);
            if d2 > 0.0 && (den <= 0.0 || n2 / d2 >= num / den) {
                num = n2;
                den = d2;
            }
        }
        out = out.max(if den > 0.0 { (num / den).min(1.0) } else { 0.0 });
        if out >= enough {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;

    fn score(a: &str, b: &str) -> f64 {
        let n = Normalizer::new();
        let w = Weights::default();
        let pa = Prepared::new(n.normalize(a), &w);
        let pb = Prepared::new(n.normalize(b), &w).organisation();
        align(&pa, &pb, 0.0).map_or(0.0, |x| x.score)
    }

    /// Found by `tests/properties.rs::an_unrelated_word_never_raises_a_score`:
    /// "limited" alone has nothing but a legal form and scores 0, so an
    /// unrelated word beside it must not make its legal form count against
    /// a listed name that writes "Ltd" as a word of its own.
    #[test]
    fn a_legal_form_paired_with_a_word_shares_nothing() {
        let listed = "ltd-cetc & and & machinery";
        assert_eq!(score("limited", listed), 0.0);
        assert_eq!(score("limited jxxzj", listed), 0.0);
    }

    #[test]
    fn initialisms_and_merges() {
        assert!(
            score(
                "CETC 13",
                "China Electronics Technology Group Corporation 13th Research Institute"
            ) >= 0.85
        );
        assert!(
            score(
                "CETC 14",
                "China Electronics Technology Group Corporation 13th Research Institute"
            ) < 0.5,
            "numbers differ"
        );
        assert!(
            score("ZTE", "Zhongxing Telecommunication Equipment Corporation") < 0.85,
            "a lone acronym needs a second agreeing word"
        );
        assert!(
            score("Zhongxing Telecommunication Equipment Corporation", "ZTE") < 0.85,
            "listed acronyms stand for themselves"
        );
        assert!(score("JSC ARGUMENT", "JSCARGUMENT") >= 0.9);
        assert!(score("1142021 corp", "11 420 2 1 corp") >= 0.9);
    }

    #[test]
    fn group_members_score_by_their_core() {
        let a = |q: &str, l: &str| {
            let n = Normalizer::new();
            let w = Weights::default();
            align(
                &Prepared::new(n.normalize(q), &w),
                &Prepared::new(n.normalize(l), &w).organisation(),
                0.0,
            )
        };
        let member = a(
            "Huawei Marine Networks Co., Ltd.",
            "Huawei Technologies Co., Ltd.",
        )
        .expect("aligned");
        let c = member.containment.expect("a group member");
        assert_eq!(c.core, "Huawei");
        assert_eq!(c.extra, ["Marine", "Networks"]);
        assert!(member.score >= 0.9);
        let mobile = a(
            "China Mobile Online Services Co., Ltd.",
            "China Mobile Limited",
        )
        .expect("aligned");
        assert_eq!(
            mobile.containment.map(|c| c.core).as_deref(),
            Some("China Mobile")
        );
        assert!(mobile.score >= 0.85, "{}", mobile.score);
        let panda = a("Panda Express Inc", "Panda Corporation");
        assert!(panda.is_none_or(|x| x.score < 0.85), "a common word");
        let same = a("Huawei Technologies USA", "Huawei Technologies Co., Ltd.").expect("aligned");
        assert!(
            same.containment.is_none(),
            "a branch scoring as the name is no member"
        );
    }

    /// A word misspelt on one side weighs in its pair as its spelling on
    /// the other: the typo makes a word no company name has, not a rare
    /// name ("Wuhaan" is the place Wuhan).
    #[test]
    fn a_misspelt_word_weighs_as_its_spelling() {
        let n = Normalizer::new();
        let w = Weights::default();
        let q = Prepared::new(n.normalize("Wuhaan Sensor Technology"), &w);
        let l = Prepared::new(n.normalize("Wuhan Sensor Technology"), &w);
        let a = align(&q, &l, 0.0).expect("aligned");
        let typo = a
            .pairs
            .iter()
            .find(|p| matches!(p.kind, PairKind::Typo { .. }))
            .expect("a typo pair");
        let (i, j) = (typo.query[0], typo.listed[0]);
        assert!(q.weights[i] > l.weights[j], "the misspelling looks rarer");
        assert!((typo.weight - 2.0 * l.weights[j]).abs() < 1e-9, "{typo:?}");
        let b = align(&l, &q, 0.0).expect("aligned");
        assert!((a.score - b.score).abs() < 1e-9, "symmetric");
    }

    /// A branch's qualifier only the vendor's name has ("Global",
    /// "International", "Trading") costs nothing after a name ("Volga
    /// Group Global" is a branch of Volga Group), half what another
    /// organisation word costs after common words only ("Technical
    /// Services Global" may be another company), and in full when all the
    /// names share is an acronym and its legal form ("ABS Global" is not
    /// "ABS Corporation").
    #[test]
    fn a_branch_qualifier_costs_nothing_after_a_name_half_after_common_words() {
        let weak = |q: &str, l: &str| {
            let n = Normalizer::new();
            let w = Weights::default();
            let a = align(
                &Prepared::new(n.normalize(q), &w),
                &Prepared::new(n.normalize(l), &w).organisation(),
                0.0,
            )
            .expect("aligned");
            a.evidence
                .iter()
                .find(|e| e.rule == Rule::WeakEvidence)
                .map_or(1.0, |e| e.factor)
        };
        let branch = weak("Volga Group Global", "Volga Group");
        let other = weak("Volga Group Services", "Volga Group");
        assert!(other < 1.0, "a word of its own needs evidence");
        assert!((branch - 1.0).abs() < 1e-9, "{branch}");
        let common = weak("Technical Services Global", "Technical Services");
        let common_other = weak("Technical Services Partners", "Technical Services");
        assert!(common < 1.0, "a name of common words still needs evidence");
        assert!(
            (1.0 - common - (1.0 - common_other) / 2.0).abs() < 1e-9,
            "{common} / {common_other}"
        );
        let acronym = weak("ABS Global, Inc.", "ABS Corporation");
        let acronym_other = weak("ABS Services, Inc.", "ABS Corporation");
        assert!(
            (acronym - acronym_other).abs() < 1e-9,
            "{acronym} / {acronym_other}"
        );
    }
}
