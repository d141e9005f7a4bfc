//! A long query's words indexed by what each pair rule compares, so that
//! the words a listed name could pair with are looked up, not scanned.
//!
//! | rule ([`crate::score::words`], [`crate::score::candidates()`]) | what the two sides share | looked up by |
//! | --- | --- | --- |
//! | exact | compare form | compare form |
//! | inflection | stem | stem |
//! | spelling variant, digits for letters | variant key | variant key |
//! | typo | first letter, lengths at most [`MAX_EDITS`] apart | first letter and length |
//! | spelling variant and typo | the variant keys' first letter, their lengths at most [`MAX_EDITS`] apart | the variant key's first letter and length |
//! | misspelt legal form | the same, as written | first letter and length, as written |
//! | first letter | the form less its first letter (substituted), or one form the other less its first letter (added, dropped); a legal form as written | tail, compare form, both as written too |
//! | contraction | first letter; the vendor's word shorter, its letters among the listed word's | first letter and length, as written, then letters |
//! | listed contraction | first letter; the listed word shorter (four letters or more, or any marked by a period after it), its letters among the vendor's organisation word's | first letter, then letters |
//! | split or merged | first letter, lengths at most [`MAX_EDITS`] apart | first letter and length, as written (runs of the query too) |
//! | re-spaced numbers | the listed run's digits are a query word | compare form; the query's own runs are few and all tried |
//! | initialism | the vendor's word's first two letters are a listed word's initial and that of a word the initialism may come to next | first two letters |
//!
//! A lookup may find words that do not pair (the rules then say so); it
//! never misses one that does: the equivalence tests in
//! `super::tests` hold the candidates of the words found to those of
//! every word, on real names.

use crate::normalize::{Normalized, Token, TokenKind};
use crate::score::candidates::{Span, all_runs, initials_and, number_runs, run_parts, skippable};
use crate::score::words::{MIN_CONTRACTED_LEN, MIN_CONTRACTION_LEN, MIN_LISTED_CONTRACTION_LEN};
use std::collections::HashMap;

/// The most edits a typo rule allows ([`crate::score::allowed_edits`]):
/// two words whose lengths differ by more are no typo of each other.
pub(crate) const MAX_EDITS: usize = 2;

/// Query words (by index) under a key.
type Postings<K> = HashMap<K, Vec<usize>>;

/// Query words or runs by first letter and length, each with its letters
/// ([`letters`]).
type Shapes<T> = HashMap<(u8, usize), Vec<(T, u64)>>;

/// A long query's words, indexed once for all listed names.
#[derive(Debug, Default)]
pub(crate) struct QueryWords<'q> {
    /// By compare form, variant key, stem and tail (the compare form less
    /// its first letter).
    text: Postings<&'q str>,
    key: Postings<&'q str>,
    stem: Postings<&'q str>,
    tail: Postings<&'q str>,
    /// By first letter and length of the compare form, with its letters.
    by_length: Shapes<usize>,
    /// By first letter and length as written, with its letters.
    written: Shapes<usize>,
    /// By first letter and length of the variant key, with its letters.
    keys: Shapes<usize>,
    /// Runs of two or three words, by first letter and length as written
    /// run together, with their letters.
    runs: Shapes<Span>,
    /// Organisation words, by first letter, with their letters: what a
    /// listed contraction may stand for.
    organisation: HashMap<u8, Vec<(usize, u64)>>,
    /// Words that may be initialisms (3 to 6 letters), by first two letters.
    acronyms: Postings<(u8, u8)>,
    /// Runs of numbers read whole ([`number_runs`]).
    pub numbers: Vec<Span>,
}

/// The query's words and runs that may pair with a listed name's, sorted.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Found {
    pub words: Vec<usize>,
    pub runs: Vec<Span>,
}

/// Bytes present in `s` (a bit for each byte value modulo 64): the
/// letters of a subsequence are among those of the word, and an edit
/// (a letter substituted, added, dropped or swapped) changes at most two
/// bits.
fn letters(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| m | 1 << (b & 63))
}

/// Whether words of letters `a` and `b` may be [`MAX_EDITS`] edits apart.
fn near(a: u64, b: u64) -> bool {
    (a ^ b).count_ones() as usize <= 2 * MAX_EDITS
}

/// A first letter and length, the keys of the fuzzy lookups.
fn shape(s: &str) -> Option<(u8, usize)> {
    s.as_bytes().first().map(|&b| (b, s.len()))
}

impl<'q> QueryWords<'q> {
    /// Indexes the query's tokens.
    pub fn new(toks: &'q [Token]) -> QueryWords<'q> {
        let mut w = QueryWords::default();
        for (i, t) in toks.iter().enumerate() {
            w.text.entry(t.text.as_str()).or_default().push(i);
            w.key.entry(t.key()).or_default().push(i);
            w.stem.entry(t.stem_text()).or_default().push(i);
            if let Some(tail) = t.text.get(1..) {
                w.tail.entry(tail).or_default().push(i);
            }
            // As written too: a misspelt legal form is compared as written
            // ("Kimited" / "Limited").
            let written = t.unexpanded_text();
            if written != t.text {
                w.text.entry(written).or_default().push(i);
                if let Some(tail) = written.get(1..) {
                    w.tail.entry(tail).or_default().push(i);
                }
            }
            if let Some(s) = shape(&t.text) {
                w.by_length
                    .entry(s)
                    .or_default()
                    .push((i, letters(&t.text)));
            }
            let written = t.unexpanded_text();
            if let Some(s) = shape(written) {
                w.written.entry(s).or_default().push((i, letters(written)));
            }
            if let Some(s) = shape(t.key()) {
                w.keys.entry(s).or_default().push((i, letters(t.key())));
            }
            // As read and as written (a Russian or Persian word read as the
            // English one).
            if t.kind == TokenKind::Generic {
                let forms = [
                    Some(t.text.as_str()),
                    (written != t.text).then_some(written),
                ];
                for form in forms.into_iter().flatten() {
                    if let Some(&first) = form.as_bytes().first() {
                        w.organisation
                            .entry(first)
                            .or_default()
                            .push((i, letters(form)));
                    }
                }
            }
            let b = t.text.as_bytes();
            if (3..=6).contains(&b.len())
                && t.kind != TokenKind::Number
                && b.iter().all(u8::is_ascii_alphabetic)
            {
                w.acronyms.entry((b[0], b[1])).or_default().push(i);
            }
        }
        for run in all_runs(toks.len()) {
            let parts = || run_parts(&toks[run.range()]);
            let len = parts().map(str::len).sum();
            let mask = parts().fold(0, |m, p| m | letters(p));
            if let Some(&first) = parts().find_map(|p| p.as_bytes().first()) {
                w.runs.entry((first, len)).or_default().push((run, mask));
            }
        }
        w.numbers = number_runs(toks).collect();
        w
    }

    /// The query's words and runs that may pair with the listed name's
    /// tokens.
    pub fn among(&self, listed: &Normalized) -> Found {
        let lt = &listed.tokens[..];
        let mut found = Found::default();
        for (j, b) in lt.iter().enumerate() {
            self.word(b, listed.abbreviated(j), &mut found.words);
            // Listed words run together against a query word.
            let mut joined = b.unexpanded_text().to_string();
            for next in lt.iter().take(j + 3).skip(j + 1) {
                joined.push_str(next.unexpanded_text());
                self.near_written(&joined, &mut found.words);
            }
            if let Some(run) = lt.get(j..j + 3).filter(|r| initials_and(r)) {
                let joined: String = run_parts(run).collect();
                self.near_written(&joined, &mut found.words);
            }
            // Query words run together against this one.
            lookup_near(&self.runs, b.unexpanded_text(), &mut found.runs);
        }
        for run in number_runs(lt) {
            let digits: String = lt[run.range()].iter().map(|t| t.text.as_str()).collect();
            extend(&self.text, digits.as_str(), &mut found.words);
        }
        self.initialisms(lt, &mut found.words);
        found.words.sort_unstable();
        found.words.dedup();
        found.runs.sort_unstable();
        found.runs.dedup();
        found
    }

    /// Query words that listed word `b` may pair with, word for word;
    /// `marked`: the list marks it as an abbreviation
    /// ([`Normalized::abbreviated`]).
    fn word(&self, b: &Token, marked: bool, out: &mut Vec<usize>) {
        let text = b.text.as_str();
        extend(&self.text, text, out);
        extend(&self.key, b.key(), out);
        extend(&self.stem, b.stem_text(), out);
        // The word as read and as written (a misspelt legal form; a
        // Russian or Persian word read as the English one).
        let written = b.unexpanded_text();
        let forms = [Some(text), (written != text).then_some(written)];
        // First letter substituted, added to the query's word, dropped.
        for form in forms.into_iter().flatten() {
            if let Some(tail) = form.get(1..) {
                extend(&self.tail, tail, out);
                extend(&self.text, tail, out);
            }
            extend(&self.tail, form, out);
        }
        lookup_near(&self.by_length, text, out);
        lookup_near(&self.keys, b.key(), out);
        self.near_written(written, out);
        // The query's contractions of an organisation word, as read and as
        // written.
        for form in forms.into_iter().flatten() {
            if let (TokenKind::Generic, Some((first, len))) = (b.kind, shape(form)) {
                if len >= MIN_CONTRACTED_LEN {
                    let mask = letters(form);
                    for l in MIN_CONTRACTION_LEN..len {
                        let words = self.written.get(&(first, l)).into_iter().flatten();
                        out.extend(words.filter(|(_, m)| m & !mask == 0).map(|&(i, _)| i));
                    }
                }
            }
        }
        // The query's organisation words a listed contraction may stand
        // for ("SHPG" for "Shipping", "Man." for "Manufacturing").
        if let (Some(&first), true) = (
            written.as_bytes().first(),
            written.len() >= MIN_LISTED_CONTRACTION_LEN || marked,
        ) {
            let mask = letters(written);
            let words = self.organisation.get(&first).into_iter().flatten();
            out.extend(words.filter(|(_, m)| mask & !m == 0).map(|&(i, _)| i));
        }
    }

    /// Query words that, as written, may be a typo of `s`.
    fn near_written(&self, s: &str, out: &mut Vec<usize>) {
        lookup_near(&self.written, s, out);
    }

    /// Query words that may be initialisms of listed words: their first
    /// letter a listed word's initial, their second the initial of a word
    /// that the initialism may come to next (the next word, or one after
    /// words it may skip).
    fn initialisms(&self, lt: &[Token], out: &mut Vec<usize>) {
        for (start, t) in lt.iter().enumerate() {
            let Some(&first) = t.text.as_bytes().first() else {
                continue;
            };
            let mut skipped_other = false;
            for next in &lt[start + 1..] {
                if let (true, Some(&second)) =
                    (next.kind != TokenKind::Number, next.text.as_bytes().first())
                {
                    extend(&self.acronyms, &(first, second), out);
                }
                if skippable(next) {
                    continue;
                }
                if !skipped_other
                    && !matches!(next.kind, TokenKind::Distinctive | TokenKind::Number)
                {
                    skipped_other = true;
                    continue;
                }
                break;
            }
        }
    }
}

/// Appends the entries of `shapes` that may be a typo of `s` (or `s`
/// itself): the same first letter, a length within [`MAX_EDITS`], letters
/// [`near`].
fn lookup_near<T: Copy>(shapes: &Shapes<T>, s: &str, out: &mut Vec<T>) {
    let Some((first, len)) = shape(s) else {
        return;
    };
    let mask = letters(s);
    for l in len.saturating_sub(MAX_EDITS)..=len + MAX_EDITS {
        let entries = shapes.get(&(first, l)).into_iter().flatten();
        out.extend(entries.filter(|(_, m)| near(*m, mask)).map(|&(x, _)| x));
    }
}

/// Appends the words under `key`.
fn extend<K, Q>(map: &HashMap<K, Vec<usize>>, key: &Q, out: &mut Vec<usize>)
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
{
    if let Some(words) = map.get(key) {
        out.extend_from_slice(words);
    }
}
