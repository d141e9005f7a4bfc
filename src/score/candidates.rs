//! Candidate pairs of two names, before the alignment chooses among them:
//! word against word ([`super::words`]), split or merged words (two or three
//! consecutive words of one name against one of the other), and initialisms
//! (a vendor's acronym against the listed words it spells).

use super::Prepared;
use super::words::{
    Context, PairKind, allowed_edits, is_swap, marked_contraction, typo_similarity, word_sim,
};
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
#[derive(Debug, Clone, PartialEq)]
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

/// The query's words and runs of words that candidate pairs are looked for
/// among: all of them, or, for a long query, those that could pair with
/// one of the listed name's words (`long::words::QueryWords`). Each list is
/// in the order the loops over all of them visit it, so both give the
/// same candidates in the same order when the lists hold every word and
/// run that pairs.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Among<'a> {
    /// Every word and run.
    All,
    /// Only these: single words, runs of two or three words, and runs of
    /// numbers re-spaced ([`number_runs`]), each sorted.
    Only {
        words: &'a [usize],
        runs: &'a [Span],
        numbers: &'a [Span],
    },
}

impl<'a> Among<'a> {
    /// The query's words, in order (`n`: the query's length).
    fn words(self, n: usize) -> impl Iterator<Item = usize> + Clone + 'a {
        let (all, only): (usize, &[usize]) = match self {
            Among::All => (n, &[]),
            Among::Only { words, .. } => (0, words),
        };
        (0..all).chain(only.iter().copied())
    }

    /// The query's runs of two or three words, in order.
    fn runs(self, n: usize) -> impl Iterator<Item = Span> + 'a {
        let (all, only): (usize, &[Span]) = match self {
            Among::All => (n, &[]),
            Among::Only { runs, .. } => (0, runs),
        };
        all_runs(all).chain(only.iter().copied())
    }
}

/// Every run of two or three consecutive tokens of a name of `n` tokens,
/// by first token, then length.
pub(crate) fn all_runs(n: usize) -> impl Iterator<Item = Span> + Clone {
    (0..n).flat_map(move |i| (i + 1..n.min(i + 3)).map(move |end| Span::run(i, end)))
}

/// The weight of a pair of two words: both words' weights, but a word
/// misspelt on one side weighs as its spelling on the other, the commoner
/// of the two: a typo makes a word no company name has ("Wuhaan",
/// "Brikers"), which would weigh as the rarest of words.
fn pair_weight(a: f64, b: f64, kind: PairKind) -> f64 {
    match kind {
        PairKind::Typo { .. } | PairKind::FirstLetter | PairKind::Variant { digits: false } => {
            2.0 * a.min(b)
        }
        // A legal form on one side: it weighs as a legal form.
        PairKind::AsLegalForm => 2.0 * a.min(b),
        _ => a + b,
    }
}

/// Every candidate pair of query `q` and listed name `l`.
pub(crate) fn candidates(q: &Prepared, l: &Prepared) -> Vec<Candidate> {
    candidates_among(q, l, Among::All)
}

/// The candidate pairs of query `q` and listed name `l` that join the
/// query's words and runs `among`.
pub(crate) fn candidates_among(q: &Prepared, l: &Prepared, among: Among) -> Vec<Candidate> {
    let (qt, lt) = (&q.name.tokens, &l.name.tokens);
    let content = lt.iter().filter(|t| t.kind != TokenKind::LegalForm).count();
    let ctx = Context {
        listed_single: content == 1,
        listed_long: content >= super::words::MIN_CONFIRMING_WORDS,
    };
    let mut out = Vec::new();
    for i in among.words(qt.len()) {
        let a = &qt[i];
        for (j, b) in lt.iter().enumerate() {
            // A listed abbreviation ("Man."), asked only of a vendor's
            // organisation word against a listed word of the name's own.
            let marked = || {
                a.kind == TokenKind::Generic
                    && b.kind == TokenKind::Distinctive
                    && l.name.abbreviated(j)
            };
            let sim = word_sim(a, b, ctx)
                .or_else(|| marked().then(|| marked_contraction(b, a)).flatten());
            if let Some((sim, kind)) = sim {
                out.push(Candidate {
                    query: Span::one(i),
                    listed: Span::one(j),
                    sim,
                    weight: pair_weight(q.weights[i], l.weights[j], kind),
                    kind,
                    twin: kind == PairKind::Exact && a.unexpanded == b.unexpanded,
                });
            }
        }
    }
    let every_listed = 0..lt.len();
    merges(
        q,
        l,
        false,
        among.runs(qt.len()),
        every_listed.clone(),
        &mut out,
    );
    let (all, only): (&[Token], &[Span]) = match among {
        Among::All => (qt, &[]),
        Among::Only { numbers, .. } => (&[], numbers),
    };
    let query_numbers = number_runs(all).chain(only.iter().copied());
    respaced_numbers(q, l, false, query_numbers, every_listed, &mut out);
    let query_words = among.words(qt.len());
    merges(
        l,
        q,
        true,
        all_runs(lt.len()),
        query_words.clone(),
        &mut out,
    );
    respaced_numbers(l, q, true, number_runs(lt), query_words.clone(), &mut out);
    // A vendor's acronym may stand for the listed words ("CETC"); a listed
    // acronym stands only for itself: lists are full of them, and "ATS" is not
    // "All Traffic Solutions", nor "CTG" "China Technology Group".
    initialisms(q, l, query_words, &mut out);
    out
}

/// Split and merged words: runs of 2 or 3 consecutive tokens of `a`
/// against tokens `b_words` of `b`, exactly or, when no legal form is part
/// of it, within the typo allowance of a word of the same length.
fn merges(
    a: &Prepared,
    b: &Prepared,
    swapped: bool,
    runs: impl Iterator<Item = Span>,
    b_words: impl Iterator<Item = usize> + Clone,
    out: &mut Vec<Candidate>,
) {
    let at = &a.name.tokens;
    let mut joined = String::new();
    for run in runs {
        joined.clear();
        // Summed word by word, as the run grows (the same sums as ever).
        let mut weight = a.weights[run.start];
        for w in &a.weights[run.start + 1..run.end] {
            weight += w;
        }
        run_parts(&at[run.range()]).for_each(|p| joined.push_str(p));
        let ids = &at[run.range()];
        let all_numbers = ids.iter().all(|t| t.kind == TokenKind::Number);
        // A typo too only in words of letters ("eagle 2" is not "eagles").
        let typo_ok = ids
            .iter()
            .all(|t| !matches!(t.kind, TokenKind::LegalForm | TokenKind::Number));
        for j in b_words.clone() {
            let t = &b.name.tokens[j];
            let other = t.unexpanded_text();
            let typo_ok = typo_ok && !matches!(t.kind, TokenKind::LegalForm | TokenKind::Number);
            let Some(sim) = merged_sim(&joined, other, all_numbers, typo_ok) else {
                continue;
            };
            out.push(merged(run, j, swapped, sim, weight + b.weights[j]));
        }
    }
}

/// Whether a run of three tokens is two initials joined by "&" or "and"
/// ("G&G", "AT&T", "I & S"): run together, the "&" goes, as vendor masters
/// that drop it write them ("GG INTERNACIONAL SAS" for G&G INTERNACIONAL
/// S.A.S., "SC TRADE" for S&C TRADE).
pub(crate) fn initials_and(run: &[Token]) -> bool {
    matches!(run, [x, and, y] if and.text == "and" && is_initial(&x.text) && is_initial(&y.text))
}

/// Whether a word is an initial as [`initials_and`] reads one: one or two
/// letters ("G", "AT" of AT&T).
pub(crate) fn is_initial(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_alphabetic())
}

/// The written parts of a run of tokens as split and merged words read
/// them: each token as written, but the "and" between two initials
/// ([`initials_and`]). The scorer, the index and the long-query path run
/// words together so alike.
pub(crate) fn run_parts(run: &[Token]) -> impl Iterator<Item = &str> {
    let skip = initials_and(run);
    run.iter()
        .filter(move |t| !(skip && t.text == "and"))
        .map(Token::unexpanded_text)
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

/// The runs of numbers that [`respaced_numbers`] reads whole: four number
/// tokens or more. The scan steps from a token over the numbers after it,
/// so a run that follows a word is stepped over with that word: only a run
/// the name opens with is read.
pub(crate) fn number_runs(at: &[Token]) -> impl Iterator<Item = Span> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < at.len() {
            let mut end = i;
            while end + 1 < at.len() && at[end + 1].kind == TokenKind::Number {
                end += 1;
            }
            let run = (at[i].kind == TokenKind::Number && end >= i + 3).then(|| Span::run(i, end));
            i = end + 1;
            if run.is_some() {
                return run;
            }
        }
        None
    })
}

/// Numbers re-spaced across more than three tokens: "11 420 2 1" /
/// "1142021": runs `runs` of `a` ([`number_runs`]) against tokens
/// `b_words` of `b`.
fn respaced_numbers(
    a: &Prepared,
    b: &Prepared,
    swapped: bool,
    runs: impl Iterator<Item = Span>,
    b_words: impl Iterator<Item = usize> + Clone,
    out: &mut Vec<Candidate>,
) {
    let at = &a.name.tokens;
    let mut joined = String::new();
    for ids in runs {
        joined.clear();
        at[ids.range()]
            .iter()
            .for_each(|t| joined.push_str(&t.text));
        for j in b_words.clone() {
            if b.name.tokens[j].text == joined {
                let weight = a.weights[ids.range()].iter().sum::<f64>() + b.weights[j];
                out.push(merged(ids, j, swapped, 1.0, weight));
            }
        }
    }
}

/// Most letters of a vendor's word read as an initialism.
pub(crate) const MAX_INITIALISM: usize = 6;

/// Similarity of an initialism pair (four letters or more; three letters: 0.87).
pub(crate) const INITIALISM_SIM: f64 = 0.9;
pub(crate) const SHORT_INITIALISM_SIM: f64 = 0.87;

/// Words that an initialism may skip.
pub(crate) fn skippable(t: &Token) -> bool {
    matches!(t.text.as_str(), "of" | "and" | "the" | "for" | "de")
}

/// The listed tokens `bt` from `start` that the letters `acr` spell as an
/// initialism ([`initialisms`]): each letter a word's initial, "of", "and",
/// ... and one more inner word that is not distinctive skipped, three
/// words or more, every distinctive word of the name among them and an
/// organisation word too (initials of personal names are no company's
/// acronym). Read greedily: a word whose initial is the next letter spells
/// it.
pub(crate) fn initialism_at(acr: &[u8], bt: &[Token], start: usize) -> Option<Span> {
    if bt.get(start)?.text.as_bytes().first() != acr.first() {
        return None;
    }
    let mut k = 0;
    let mut skipped_other = false;
    // The initialism's words are start..j.
    let mut j = start;
    while j < bt.len() && k < acr.len() {
        let tok = &bt[j];
        if tok.text.as_bytes().first() == Some(&acr[k]) && tok.kind != TokenKind::Number {
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
    let org_word = bt[ids.range()]
        .iter()
        .any(|t| t.kind != TokenKind::Distinctive);
    (k == acr.len() && j - start >= 3 && whole && org_word).then_some(ids)
}

/// Every initialism of `len` letters a listed name's tokens spell
/// ([`initialism_at`]), lower case: what the index files the name under,
/// so that a vendor writing only the acronym finds it.
pub(crate) fn initialisms_of(bt: &[Token], len: std::ops::RangeInclusive<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut acr: Vec<u8> = Vec::new();
    for start in 0..bt.len() {
        let Some(&first) = bt[start].text.as_bytes().first() else {
            continue;
        };
        if !first.is_ascii_alphabetic() || bt[start].kind == TokenKind::Number {
            continue;
        }
        acr.clear();
        acr.push(first);
        spell_on(bt, start, start + 1, false, &len, &mut acr, &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`initialisms_of`]'s walk: every way on from word `j`, each kept that
/// [`initialism_at`] reads from `start`.
fn spell_on(
    bt: &[Token],
    start: usize,
    j: usize,
    skipped_other: bool,
    len: &std::ops::RangeInclusive<usize>,
    acr: &mut Vec<u8>,
    out: &mut Vec<String>,
) {
    if len.contains(&acr.len()) && initialism_at(acr, bt, start).is_some() {
        out.push(acr.iter().map(|&b| char::from(b)).collect());
    }
    if acr.len() >= *len.end() || j >= bt.len() {
        return;
    }
    let tok = &bt[j];
    if let Some(&c) = tok.text.as_bytes().first() {
        if c.is_ascii_alphabetic() && tok.kind != TokenKind::Number {
            acr.push(c);
            spell_on(bt, start, j + 1, skipped_other, len, acr, out);
            acr.pop();
        }
    }
    if skippable(tok) {
        spell_on(bt, start, j + 1, skipped_other, len, acr, out);
    } else if !skipped_other && tok.kind != TokenKind::Distinctive && tok.kind != TokenKind::Number
    {
        spell_on(bt, start, j + 1, true, len, acr, out);
    }
}

/// Initialisms: a vendor token of `a` among `a_words` (3 to 6 letters) spelled by the
/// initials of consecutive tokens of the listed name `b` that make up all of
/// `b`'s distinctive words, which may skip "of", "and", ... and one more
/// inner word that is not distinctive ("CETC": China Electronics Technology
/// \[Group\] Corporation).
fn initialisms(
    a: &Prepared,
    b: &Prepared,
    a_words: impl Iterator<Item = usize>,
    out: &mut Vec<Candidate>,
) {
    let bt = &b.name.tokens;
    for i in a_words {
        let t = &a.name.tokens[i];
        let acr = t.text.as_bytes();
        if !(3..=MAX_INITIALISM).contains(&acr.len())
            || t.kind == TokenKind::Number
            || !acr.iter().all(u8::is_ascii_alphabetic)
        {
            continue;
        }
        for start in 0..bt.len() {
            let Some(ids) = initialism_at(acr, bt, start) else {
                continue;
            };
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
