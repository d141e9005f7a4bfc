//! Names cut at a field width. Vendor masters keep a name in a field of
//! fixed length and drop what does not fit, often inside a word: the real
//! FPDS vendor names have 39 names of exactly 80 characters and one of 81,
//! 54 of 60 and 28 of 59 ("... HOTEL & CONFERENCE CENTE"), and SAP's vendor
//! name field holds 35. A vendor's name that is the beginning of a listed
//! name, as written (case, spacing and punctuation aside), and long enough
//! to have been cut by such a field, is that name cut: the words after the
//! cut are not counted against it, whatever they are.
//!
//! A name written another way before the cut (a contraction, a legal form
//! written out, a typo, words run together) reads as cut when its words all
//! pair with the listed name's, one of its distinctive words or numbers
//! among them, the listed words left out all come after the last paired
//! one, and the vendor's name ends there or with the beginning of the word
//! the cut went through: those words cost nothing, and the score
//! is no higher than the same share kept as written gives.
//!
//! ```
//! use vendor_screen::normalize::Normalizer;
//! use vendor_screen::score::{Prepared, Rule, Weights, align};
//! let n = Normalizer::new();
//! let w = Weights::default();
//! let p = |s: &str| Prepared::new(n.normalize(s), &w);
//! let listed = p("NATIONAL COMMITTEE FOR THE LIBERATION AND PROTECTION OF ALBANIAN LANDS");
//! let a = align(&p("NATIONAL COMMITTEE FOR THE LIBERATI"), &listed, 0.0).expect("aligned");
//! assert!(a.score >= 0.85, "{}", a.score);
//! assert!(a.evidence.iter().any(|e| e.rule == Rule::Cut));
//! // Too short to have been cut by a field: weighed as any other name.
//! let short = align(&p("NATIONAL COMMITTEE"), &listed, 0.0);
//! assert!(short.is_none_or(|a| a.score < 0.85));
//! ```

use super::evidence::{Evidence, Rule};
use super::weights::Prepared;
use super::{Leftover, Pair, Side};
use crate::normalize::TokenKind;

/// Fewest characters of a vendor's written key ([`written_key`]) that a
/// field cut them at: narrower fields are rare, and a shorter beginning
/// of a listed name is too little of it.
pub const MIN_CUT_CHARS: usize = 30;

/// Score of a cut name: `CUT_BASE + CUT_SPAN × share` of the listed name's
/// written key the vendor's keeps, from 0.87 (little kept) to 0.99.
pub(crate) const CUT_BASE: f64 = 0.87;
pub(crate) const CUT_SPAN: f64 = 0.12;

/// A name as written, for telling a cut: letters and digits lower-cased,
/// apostrophes left out (they join what they stand between), `&` and `+`
/// the word "and", anything else one space between words. For ASCII text,
/// the words the re-screen sieve reads, joined by spaces.
///
/// ```
/// use vendor_screen::score::cut::written_key;
/// assert_eq!(written_key("  O'Neil & Sons, CO.,  LT"), "oneil and sons co lt");
/// ```
pub fn written_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let word = |out: &mut String, gap: &mut bool, s: &str| {
        if *gap && !out.is_empty() {
            out.push(' ');
        }
        *gap = false;
        out.push_str(s);
    };
    for c in text.chars() {
        match c {
            '\'' | '`' | '\u{2019}' => {}
            c if c.is_whitespace() => gap = true,
            c if c.is_control() => {}
            '&' | '+' => {
                gap = true;
                word(&mut out, &mut gap, "and");
                gap = true;
            }
            c if c.is_alphanumeric() => {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    word(&mut out, &mut gap, l.encode_utf8(&mut buf));
                }
            }
            _ => gap = true,
        }
    }
    out
}

/// The first [`MIN_CUT_CHARS`] characters of a written key long enough to
/// be a cut: what the index files listed names under, and looks a vendor's
/// name up by.
pub(crate) fn head(key: &str) -> Option<&str> {
    let end = key.char_indices().nth(MIN_CUT_CHARS).map(|(i, _)| i);
    match end {
        Some(end) => Some(&key[..end]),
        None if key.chars().count() == MIN_CUT_CHARS => Some(key),
        None => None,
    }
}

/// What a cut keeping `k` of a name's `n` characters scores:
/// `CUT_BASE + CUT_SPAN × share`.
fn share_score(k: usize, n: usize) -> f64 {
    let share = if n > 0 {
        (k as f64 / n as f64).min(1.0)
    } else {
        0.0
    };
    CUT_BASE + CUT_SPAN * share
}

/// What a cut keeping as much of the listed name as `q` has characters
/// scores ([`share_score`] of the written keys).
pub(crate) fn kept_score(q: &Prepared, l: &Prepared) -> f64 {
    share_score(q.written.chars().count(), l.written.chars().count())
}

/// Whether the written key `kept` is the beginning of the written key
/// `whole`, shorter than it (before the length a cut needs is checked).
pub(crate) fn begins(kept: &str, whole: &str) -> bool {
    kept.len() < whole.len() && whole.starts_with(kept)
}

/// The score of `q` as `l` cut as written, when it is one: the bound the
/// scorer prunes by, without the line of explanation [`check`] writes.
pub(crate) fn score(q: &Prepared, l: &Prepared) -> Option<f64> {
    (begins(&q.written, &l.written) && head(&q.written).is_some()).then(|| kept_score(q, l))
}

/// The cut rule's reading of a vendor's name `q` against a listed name `l`:
/// its score and its line of explanation, when `q` is `l` cut.
pub(crate) fn check(q: &Prepared, l: &Prepared) -> Option<(f64, Evidence)> {
    let (kept, whole) = (&q.written, &l.written);
    if !begins(kept, whole) {
        return None;
    }
    head(kept)?;
    let (k, n) = (kept.chars().count(), whole.chars().count());
    let score = share_score(k, n);
    let inside = whole[kept.len()..].chars().next().is_some_and(|c| c != ' ');
    let place = if inside {
        "inside a word"
    } else {
        "after a word"
    };
    Some((
        score,
        Evidence {
            rule: Rule::Cut,
            factor: 1.0,
            detail: format!(
                "the name screened is the listed name cut after {k} of its {n} characters ({place}), as a field of fixed width cuts names: the rest is not counted; score {score:.2}"
            ),
        },
    ))
}

/// Most words of a vendor's name read as a cut after other changes
/// ([`tail`]): fewer than the long path's queries have, so both paths
/// read the same names.
pub(crate) const MAX_TAIL_QUERY_WORDS: usize = 16;

/// Whether `q` is short enough in words and long enough in characters to
/// be read as a name cut after other changes.
pub(crate) fn tail_may_apply(q: &Prepared) -> bool {
    q.written.len() >= MIN_CUT_CHARS && q.name.tokens.len() <= MAX_TAIL_QUERY_WORDS
}

/// Whether a query's token can be left out of a cut's reading: a legal form
/// or an optional word.
fn free(t: &crate::normalize::Token) -> bool {
    t.optional || t.kind == TokenKind::LegalForm
}

/// Whether the alignment can read `q` as `l` cut after other changes
/// ([`tail`]) at all, from the candidate pairs: `q` is long enough, every
/// word of it but its last is in a candidate, and one of `l`'s distinctive
/// words or numbers is. That reading's score is then at most
/// [`kept_score`].
pub(crate) fn tail_possible(
    q: &Prepared,
    l: &Prepared,
    in_query: impl Fn(usize) -> bool,
    in_listed: impl Fn(usize) -> bool,
) -> bool {
    let qt = &q.name.tokens;
    if !tail_may_apply(q) {
        return false;
    }
    let last = qt.iter().rposition(|t| !t.optional);
    qt.iter()
        .enumerate()
        .all(|(i, t)| free(t) || Some(i) == last || in_query(i))
        && l.name
            .tokens
            .iter()
            .enumerate()
            .any(|(j, t)| anchor(t) && in_listed(j))
}

/// A listed word the index files its name under ([`crate::index`]): a
/// distinctive word or number outside parentheses.
fn anchor(t: &crate::normalize::Token) -> bool {
    !t.optional && matches!(t.kind, TokenKind::Distinctive | TokenKind::Number)
}

/// A vendor's name that is a listed name cut after other changes (a legal
/// form written another way, a contraction, a typo): every word of it is
/// paired with the listed name's words but its last, which may be the
/// beginning of a listed word the cut went through; a distinctive word or
/// number of the listed name is among the paired ones; and every listed
/// word left out (legal forms aside) comes after the last paired one. The
/// words after the cut then cost nothing. Returns the leftovers (indexes
/// into `leftovers`) that the cut took, and the line of explanation; `None`
/// when the names do not read so, or nothing was cut.
pub(crate) fn tail(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &[Leftover],
) -> Option<(Vec<usize>, Evidence)> {
    let (qt, lt) = (&q.name.tokens, &l.name.tokens);
    if !tail_may_apply(q) || q.written.chars().count() < MIN_CUT_CHARS {
        return None;
    }
    let last_paired = pairs.iter().flat_map(|p| p.listed.iter().copied()).max()?;
    if !pairs
        .iter()
        .flat_map(|p| &p.listed)
        .any(|&j| anchor(&lt[j]))
    {
        return None;
    }
    let last_word = qt.iter().rposition(|t| !t.optional);
    let last_query_paired = pairs.iter().flat_map(|p| p.query.iter().copied()).max()?;
    let AfterTheCut {
        taken: mut cut,
        word: cut_word,
    } = after_the_cut(q, l, leftovers, last_paired, last_word)?;
    if let Some((i, token)) = cut_word {
        let part = written_key(&q.name.original[qt[token].span.clone()]);
        let begins = |j: usize| {
            let t = &lt[j];
            j > last_paired
                && (begins_a_word(&part, &written_key(&l.name.original[t.span.clone()]))
                    || (t.kind == TokenKind::LegalForm && begins_a_legal_form(&part)))
        };
        if part.is_empty() || !cut.iter().any(|&c| begins(leftovers[c].token)) {
            return None;
        }
        cut.push(i);
    }
    // The vendor's name ends where the listed name was cut: after its last
    // paired word, or with the beginning of the word the cut went through
    // ("Universal Logistics Holdings Inc" is no cut of "Universal Logistics
    // Systems GmbH").
    if cut_word.is_none() && last_word.is_some_and(|w| w > last_query_paired) {
        return None;
    }
    // Something was cut: a word of the listed name, or the beginning of
    // one was kept (of a legal form too: "Company Lim").
    if cut_word.is_none()
        && !cut
            .iter()
            .any(|&c| leftovers[c].side == Side::Listed && !free(&lt[leftovers[c].token]))
    {
        return None;
    }
    cut.sort_unstable();
    let evidence = cut_evidence(q, l, leftovers, &cut, last_paired);
    Some((cut, evidence))
}

/// What a cut takes of the leftovers.
struct AfterTheCut {
    /// The listed words after the cut (indexes into the leftovers).
    taken: Vec<usize>,
    /// The vendor's last word, left as the beginning of one of them: its
    /// index into the leftovers and its token.
    word: Option<(usize, usize)>,
}

/// The leftovers a cut after listed word `last_paired` takes: the listed
/// words after it, and the vendor's last word (`last_word`), which may be
/// the beginning of one of them. `None` when any other word is left,
/// weighing more than a legal form or connective does.
fn after_the_cut(
    q: &Prepared,
    l: &Prepared,
    leftovers: &[Leftover],
    last_paired: usize,
    last_word: Option<usize>,
) -> Option<AfterTheCut> {
    let mut cut = Vec::new();
    let mut cut_word = None;
    for (i, x) in leftovers.iter().enumerate() {
        match x.side {
            Side::Query => {
                if free(&q.name.tokens[x.token]) {
                    continue;
                }
                // Only the last word may be left, as the beginning of a
                // listed word after the last paired one.
                if Some(x.token) != last_word || cut_word.is_some() {
                    return None;
                }
                cut_word = Some((i, x.token));
            }
            Side::Listed => {
                if x.token > last_paired {
                    cut.push(i);
                } else if !free(&l.name.tokens[x.token]) {
                    return None;
                }
            }
        }
    }
    Some(AfterTheCut {
        taken: cut,
        word: cut_word,
    })
}

/// The line of explanation of a cut after listed word `last_paired`, naming
/// the listed words it took (`cut`, indexes into `leftovers`).
fn cut_evidence(
    q: &Prepared,
    l: &Prepared,
    leftovers: &[Leftover],
    cut: &[usize],
    last_paired: usize,
) -> Evidence {
    let lt = &l.name.tokens;
    let words: Vec<String> = cut
        .iter()
        .filter(|&&c| leftovers[c].side == Side::Listed)
        .map(|&c| {
            format!(
                "'{}'",
                &l.name.original[lt[leftovers[c].token].span.clone()]
            )
        })
        .collect();
    Evidence {
        rule: Rule::Cut,
        factor: 1.0,
        detail: format!(
            "the name screened reads as the listed name cut after '{}', as a field of fixed width cuts names: {} after it not counted; score at most {:.2}",
            &l.name.original[lt[last_paired].span.clone()],
            words.join(", "),
            kept_score(q, l)
        ),
    }
}

/// Whether `part` is the beginning, shorter than the word, of a word of
/// `written` (a written key).
fn begins_a_word(part: &str, written: &str) -> bool {
    written
        .split(' ')
        .any(|w| w.len() > part.len() && w.starts_with(part))
}

/// Whether `part` is the beginning of a word a legal form is written with
/// ("LIM" of "Limited", "INCORPORAT" of "Incorporated", "V" of "Joint
/// Venture"): a listed name's "Ltd." cut after the vendor wrote it out.
fn begins_a_legal_form(part: &str) -> bool {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let n = crate::normalize::Normalizer::new();
        let mut w: Vec<String> = n
            .legal_form_starts()
            .into_iter()
            .chain(n.legal_form_seconds())
            .flat_map(|f| {
                written_key(&f)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    });
    let from = words.partition_point(|w| w.as_str() < part);
    words[from..]
        .iter()
        .take_while(|w| w.starts_with(part))
        .any(|w| w.len() > part.len())
}
