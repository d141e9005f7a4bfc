//! Candidate pairs of two names, before the alignment chooses among them:
//! word against word ([`super::words`]), split or merged words (two or three
//! consecutive words of one name against one of the other), and initialisms
//! (a vendor's acronym against the listed words it spells).

use super::Prepared;
use super::words::{Context, PairKind, allowed_edits, is_swap, typo_similarity, word_sim};
use crate::normalize::{Token, TokenKind};

/// Consecutive tokens `start..end` of a name: every pair the scorer makes
/// joins one token, or a run of consecutive tokens, of each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn one(i: usize) -> Span {
        Span {
            start: i,
            end: i + 1,
        }
    }
    /// Tokens `first..=last`.
    pub fn run(first: usize, last: usize) -> Span {
        Span {
            start: first,
            end: last + 1,
        }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A candidate pair before the greedy choice (token spans: no allocation per pair).
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub query: Span,
    pub listed: Span,
    pub sim: f64,
    pub weight: f64,
    pub kind: PairKind,
    /// The same word as written on both sides (not only after expanding an
    /// abbreviation): such pairs are taken first, so a name always aligns
    /// with itself word for word.
    pub twin: bool,
}

/// Every candidate pair of query `q` and listed name `l`.
pub(crate) fn candidates(q: &Prepared, l: &Prepared) -> Vec<Candidate> {
    let (qt, lt) = (&q.name.tokens, &l.name.tokens);
    let ctx = Context {
        listed_single: lt.iter().filter(|t| t.kind != TokenKind::LegalForm).count() == 1,
    };
    let mut out = Vec::new();
    for (i, a) in qt.iter().enumerate() {
        for (j, b) in lt.iter().enumerate() {
            if let Some((sim, kind)) = word_sim(a, b, ctx) {
                out.push(Candidate {
                    query: Span::one(i),
                    listed: Span::one(j),
                    sim,
                    weight: q.weights[i] + l.weights[j],
                    kind,
                    twin: kind == PairKind::Exact && a.unexpanded == b.unexpanded,
                });
            }
        }
    }
    merges(q, l, false, &mut out);
    merges(l, q, true, &mut out);
    // A vendor's acronym may stand for the listed words ("CETC"); a listed
    // acronym stands only for itself: lists are full of them, and "ATS" is not
    // "All Traffic Solutions", nor "CTG" "China Technology Group".
    initialisms(q, l, &mut out);
    out
}

/// Split and merged words: 2 or 3 consecutive tokens of `a` against one of
/// `b`, exactly or, when no legal form is part of it, within the typo
/// allowance of a word of the same length.
fn merges(a: &Prepared, b: &Prepared, swapped: bool, out: &mut Vec<Candidate>) {
    let at = &a.name.tokens;
    let mut joined = String::new();
    for i in 0..at.len() {
        joined.clear();
        joined.push_str(at[i].unexpanded_text());
        let mut weight = a.weights[i];
        for end in i + 1..at.len().min(i + 3) {
            joined.push_str(at[end].unexpanded_text());
            weight += a.weights[end];
            let all_numbers = at[i..=end].iter().all(|t| t.kind == TokenKind::Number);
            // A typo too only in words of letters ("eagle 2" is not "eagles").
            let typo_ok = at[i..=end]
                .iter()
                .all(|t| !matches!(t.kind, TokenKind::LegalForm | TokenKind::Number));
            for (j, t) in b.name.tokens.iter().enumerate() {
                let other = t.unexpanded_text();
                let typo_ok =
                    typo_ok && !matches!(t.kind, TokenKind::LegalForm | TokenKind::Number);
                let Some(sim) = merged_sim(&joined, other, all_numbers, typo_ok) else {
                    continue;
                };
                out.push(merged(
                    Span::run(i, end),
                    j,
                    swapped,
                    sim,
                    weight + b.weights[j],
                ));
            }
        }
    }
    respaced_numbers(a, b, swapped, out);
}

/// A merge candidate: tokens `ids` of one name run together against token
/// `j` of the other; `swapped` when `ids` are the listed name's.
fn merged(ids: Span, j: usize, swapped: bool, sim: f64, weight: f64) -> Candidate {
    let (query, listed) = if swapped {
        (Span::one(j), ids)
    } else {
        (ids, Span::one(j))
    };
    Candidate {
        query,
        listed,
        sim,
        weight,
        kind: PairKind::Merged,
        twin: false,
    }
}

/// Similarity of words run together and a single word: exact, or within the
/// typo allowance when both are 7 letters or more (a split and a typo at
/// once need a longer word than a typo alone: "max ai" is not "maxali").
fn merged_sim(joined: &str, other: &str, numbers: bool, typo_ok: bool) -> Option<f64> {
    if other.len() + 2 < joined.len() || other.as_bytes().first() != joined.as_bytes().first() {
        return None;
    }
    if joined == other {
        return Some(1.0);
    }
    if numbers || !typo_ok || joined.len().min(other.len()) < MIN_MERGED_TYPO_LEN {
        return None;
    }
    let longer = joined.len().max(other.len());
    let (a, b) = (joined.as_bytes(), other.as_bytes());
    let d = super::edits::osa_within(a, b, allowed_edits(longer))?;
    Some(typo_similarity(d, longer, d == 1 && is_swap(a, b)))
}

/// Shortest split or merged word that takes a typo as well.
pub(crate) const MIN_MERGED_TYPO_LEN: usize = 7;

/// Numbers re-spaced across more than three tokens: "11 420 2 1" / "1142021".
fn respaced_numbers(a: &Prepared, b: &Prepared, swapped: bool, out: &mut Vec<Candidate>) {
    let at = &a.name.tokens;
    let mut joined = String::new();
    let mut i = 0;
    while i < at.len() {
        let mut end = i;
        while end + 1 < at.len() && at[end + 1].kind == TokenKind::Number {
            end += 1;
        }
        if at[i].kind == TokenKind::Number && end >= i + 3 {
            joined.clear();
            at[i..=end].iter().for_each(|t| joined.push_str(&t.text));
            for (j, t) in b.name.tokens.iter().enumerate() {
                if t.text == joined {
                    let ids = Span::run(i, end);
                    let weight = a.weights[ids.range()].iter().sum::<f64>() + b.weights[j];
                    out.push(merged(ids, j, swapped, 1.0, weight));
                }
            }
        }
        i = end + 1;
    }
}

/// Similarity of an initialism pair (four letters or more; three letters: 0.87).
pub(crate) const INITIALISM_SIM: f64 = 0.9;
pub(crate) const SHORT_INITIALISM_SIM: f64 = 0.87;

/// Words that an initialism may skip.
fn skippable(t: &Token) -> bool {
    matches!(t.text.as_str(), "of" | "and" | "the" | "for" | "de")
}

/// Initialisms: a vendor token of `a` (3 to 6 letters) spelled by the
/// initials of consecutive tokens of the listed name `b` that make up all of
/// `b`'s distinctive words, which may skip "of", "and", ... and one more
/// inner word that is not distinctive ("CETC": China Electronics Technology
/// [Group] Corporation).
fn initialisms(a: &Prepared, b: &Prepared, out: &mut Vec<Candidate>) {
    let bt = &b.name.tokens;
    for (i, t) in a.name.tokens.iter().enumerate() {
        let acr = t.text.as_bytes();
        if !(3..=6).contains(&acr.len())
            || t.kind == TokenKind::Number
            || !acr.iter().all(u8::is_ascii_alphabetic)
        {
            continue;
        }
        for start in 0..bt.len() {
            if bt[start].text.as_bytes()[0] != acr[0] {
                continue;
            }
            let mut k = 0;
            let mut skipped_other = false;
            // The initialism's words are start..j.
            let mut j = start;
            while j < bt.len() && k < acr.len() {
                let tok = &bt[j];
                if tok.text.as_bytes()[0] == acr[k] && tok.kind != TokenKind::Number {
                    k += 1;
                } else if skippable(tok) && j > start {
                    // "of", "and", ...: inside the run, spelling nothing.
                } else if !skipped_other
                    && j > start
                    && tok.kind != TokenKind::Distinctive
                    && tok.kind != TokenKind::Number
                {
                    skipped_other = true;
                } else {
                    break;
                }
                j += 1;
            }
            let ids = Span { start, end: j };
            // The initialism spells every distinctive word of the name.
            let whole = bt
                .iter()
                .enumerate()
                .all(|(x, t)| ids.range().contains(&x) || t.kind != TokenKind::Distinctive);
            // Initials of personal names are no company's acronym.
            let org_word = bt[ids.range()]
                .iter()
                .any(|t| t.kind != TokenKind::Distinctive);
            if k == acr.len() && j - start >= 3 && whole && org_word {
                let weight = a.weights[i] + b.weights[ids.range()].iter().sum::<f64>();
                out.push(Candidate {
                    query: Span::one(i),
                    listed: ids,
                    sim: if acr.len() >= 4 {
                        INITIALISM_SIM
                    } else {
                        SHORT_INITIALISM_SIM
                    },
                    weight,
                    kind: PairKind::Initialism,
                    twin: false,
                });
            }
        }
    }
}
