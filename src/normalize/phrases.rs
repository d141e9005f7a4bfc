//! Phrases of the legal-form and place tables, found among a name's raw
//! tokens: as written, with one word misspelt, or transliterated another
//! way.

use super::chars::RawToken;
use super::variant::transliteration_fold;
use std::collections::HashMap;

/// Token phrases (legal forms, places) with their compare form, longest
/// phrase first.
#[derive(Debug, Clone, Default)]
pub(super) struct PhraseTable {
    by_first: HashMap<String, Vec<Phrase>>,
    /// The first words of phrases of two words or more, by their second
    /// word: a phrase whose first word is misspelt has its second as
    /// written.
    by_second: HashMap<String, Vec<String>>,
    /// Phrases of two words or more with every word transliterated one way
    /// ([`transliteration_fold`]), by their first word so folded:
    /// "Obshestvo s Ogranichennoj Otvetstvennostyu" is the table's
    /// "Obshchestvo s Ogranichennoi Otvetstvennostyu".
    by_folded_first: HashMap<String, Vec<Phrase>>,
}

/// A phrase of the table.
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    compare: String,
    /// Found only at the end of a name: a legal form written with
    /// diacritics the name lacks (Estonian "MTÜ" is not "MTU Aero Engines").
    end_only: bool,
}

impl PhraseTable {
    pub fn insert(&mut self, words: Vec<String>, compare: String, end_only: bool) {
        if let Some(first) = words.first() {
            if let Some(second) = words.get(1) {
                let firsts = self.by_second.entry(second.clone()).or_default();
                if !firsts.contains(first) {
                    firsts.push(first.clone());
                }
            }
            if words.len() >= 2 {
                let folded: Vec<String> = words
                    .iter()
                    .map(|w| transliteration_fold(w).into_owned())
                    .collect();
                let entry = self.by_folded_first.entry(folded[0].clone()).or_default();
                add(entry, folded, compare.clone(), end_only);
            }
            let entry = self.by_first.entry(first.clone()).or_default();
            add(entry, words, compare, end_only);
        }
    }

    /// Whether a word alone is a phrase of the table ("usa", "ltd").
    pub(super) fn has_word(&self, word: &str) -> bool {
        self.one_word(word).next().is_some()
    }

    /// The compare form of a word that alone is a phrase of the table,
    /// found anywhere in a name ("corp": `corp`).
    pub(super) fn word_compare(&self, word: &str) -> Option<&str> {
        self.one_word(word)
            .find(|p| !p.end_only)
            .map(|p| p.compare.as_str())
    }

    /// The phrases of the table that are `word` alone.
    fn one_word(&self, word: &str) -> impl Iterator<Item = &Phrase> {
        self.by_first
            .get(word)
            .into_iter()
            .flatten()
            .filter(|p| p.words.len() == 1)
    }

    /// Whether `a b` are the first two words of a phrase, one of them
    /// misspelt or contracted, as [`PhraseTable::longest_misspelt_at`]
    /// reads them ([`one_word_misspelt`]).
    pub(super) fn first_two_with_a_typo(&self, a: &str, b: &str) -> bool {
        let misspelt_first = self
            .by_second
            .get(b)
            .is_some_and(|fs| fs.iter().any(|f| misspelt_or_contracted(a, f)));
        let misspelt_second = self.by_first.get(a).is_some_and(|ps| {
            ps.iter()
                .any(|p| p.words.get(1).is_some_and(|w| misspelt_or_contracted(b, w)))
        });
        misspelt_first || misspelt_second
    }

    /// Every phrase: its words and its compare form.
    pub fn phrases(&self) -> impl Iterator<Item = (&[String], &str)> {
        self.by_first
            .values()
            .flatten()
            .map(|p| (p.words.as_slice(), p.compare.as_str()))
    }

    /// The longest phrase starting at `tokens[i]` among untagged tokens: its
    /// length in tokens and its compare form.
    pub(super) fn longest_at(&self, tokens: &[RawToken], i: usize) -> Option<(usize, &str)> {
        self.longest_at_most(tokens, i, usize::MAX)
    }

    /// [`PhraseTable::longest_at`] among phrases of `max` tokens or fewer:
    /// the longest written as the table writes it or, of two words or
    /// more, transliterated another way; as written where both are as long.
    pub(super) fn longest_at_most(
        &self,
        tokens: &[RawToken],
        i: usize,
        max: usize,
    ) -> Option<(usize, &str)> {
        let as_written = self
            .by_first
            .get(&tokens[i].text)
            .and_then(|cands| first_found(cands, tokens, i, max, |t, w| t == w));
        let folded = self
            .by_folded_first
            .get(transliteration_fold(&tokens[i].text).as_ref())
            .and_then(|cands| {
                first_found(cands, tokens, i, max, |t, w| transliteration_fold(t) == w)
            });
        match (as_written, folded) {
            (Some(a), Some(f)) if f.0 > a.0 => Some(f),
            (a, f) => a.or(f),
        }
    }

    /// The phrase whose beginning `tokens[i..]` is, to the name's end, as a
    /// field cut through it: its compare form. Its first words as the table
    /// writes them (or transliterated another way), two or more, the last
    /// its beginning ("Aktsionernoe Obshch", "Obshchestvo s Ogr"), or three
    /// or more, whole ("Obshchestvo s Ogranichennoi"). One word is no cut:
    /// "Public", "Open" and "Federal" end names too, and a word's
    /// beginning ("Shar", "Avto", "Organiza") is as often a name's own word
    /// or the beginning of a listed name's word, which the cut rule reads
    /// ([`crate::score::cut`]). The longest phrase of those it may be;
    /// untagged tokens only, but for the last.
    pub(super) fn cut_at<'t>(&self, tokens: &'t [RawToken], i: usize) -> Option<&str> {
        let rest = tokens.get(i..).filter(|r| !r.is_empty())?;
        let (last, whole) = rest.split_last()?;
        // The cut word may spell a short legal form of its own ("Obshchestvo
        // s Og": OG, the Austrian partnership): read as written.
        let last_free = last.kind.is_none() || last.kind == Some(super::TokenKind::LegalForm);
        if whole.is_empty() || whole.iter().any(|t| t.kind.is_some()) || !last_free {
            return None;
        }
        let last_written = last.unexpanded.as_deref().unwrap_or(&last.text);
        let holds = |p: &Phrase, fold: bool| {
            let read = |t: &'t str| {
                if fold {
                    transliteration_fold(t)
                } else {
                    std::borrow::Cow::Borrowed(t)
                }
            };
            let next = p.words.get(whole.len()).map_or("", String::as_str);
            let last = read(last_written);
            // Cut between words, the name ends as the names of its kind
            // end ("Sociedad Civil" is one): three words say the cut.
            let cut = next.len() > last.len() || (rest.len() >= 3 && p.words.len() > rest.len());
            p.words.len() >= rest.len()
                && whole.iter().zip(&p.words).all(|(t, w)| read(&t.text) == *w)
                && next.starts_with(last.as_ref())
                && cut
        };
        let as_written = self.by_first.get(&rest[0].text).into_iter().flatten();
        let folded = self
            .by_folded_first
            .get(transliteration_fold(&rest[0].text).as_ref())
            .into_iter()
            .flatten();
        as_written
            .filter(|p| holds(p, false))
            .chain(folded.filter(|p| holds(p, true)))
            .find(|p| !p.end_only)
            .map(|p| p.compare.as_str())
    }

    /// The longest legal-form phrase whose words but the last `tokens`
    /// from `i` hold, as the table writes them, where that last word is
    /// the kind of body the form names ([`LEFT_OUT_HEADS`]: "Company",
    /// "Bank") and the words written say how its capital is held
    /// ([`CAPITAL_WORDS`]): "Avangard Joint Stock" for AVANGARD JOINT
    /// STOCK BANK, "Novopolotsk Limited Liability Interservice", "Joint
    /// Stock Commercial Novikombank". Two words at least; the words
    /// written without such a word ("Federal State", "Free Zone", "Civil
    /// Society", "Scientific Production") name other things too. Nor is
    /// a form after a word of the name whose last word comes a word later:
    /// "Sistema Public Joint Stock Financial Corporation" ends in one legal
    /// form the table lacks, not PJSC and a word of the name; opening the
    /// name, such a form is followed by the name ("Joint Stock Post Bank").
    pub(super) fn head_left_out_at(&self, tokens: &[RawToken], i: usize) -> Option<(usize, &str)> {
        let cands = self.by_first.get(&tokens[i].text)?;
        cands.iter().find_map(|p| {
            let (head, written) = p.words.split_last()?;
            let end = i + written.len();
            let head_a_word_later = i > 0
                && tokens
                    .get(end + 1)
                    .is_some_and(|t| LEFT_OUT_HEADS.contains(&t.text.as_str()));
            (written.len() >= 2
                && !p.end_only
                && !head_a_word_later
                && LEFT_OUT_HEADS.contains(&head.as_str())
                && written.iter().any(|w| CAPITAL_WORDS.contains(&w.as_str()))
                && end <= tokens.len()
                && tokens[i..end]
                    .iter()
                    .zip(written)
                    .all(|(t, w)| t.kind.is_none() && t.text == *w))
            .then_some((written.len(), p.compare.as_str()))
        })
    }

    /// The longest phrase of two words or more starting at `tokens[i]` with
    /// one of its words misspelt ([`misspelt_phrase_word`]) and the others
    /// exact: "Limited Liabilit Corporation", "Private Military Compamy",
    /// "Closed Joint-Stock Commpany", "Limitd Liability Company",
    /// "Aktsionernoe Lbschestvo", "Aktsionernoe Obschestv0".
    pub(super) fn longest_misspelt_at(
        &self,
        tokens: &[RawToken],
        i: usize,
    ) -> Option<(usize, &str)> {
        let first = &tokens[i].text;
        let exact = self.by_first.get(first).into_iter().flatten();
        let misspelt_first = (tokens.get(i + 1))
            .and_then(|second| self.by_second.get(&second.text))
            .into_iter()
            .flatten()
            .filter(|w| misspelt_or_contracted(first, w))
            .filter_map(|w| self.by_first.get(w))
            .flatten();
        // Not transliterated another way as well ("Aktsionernoye
        // Pbshchestvo"): a name holding none of the phrase's words as the
        // table writes them would pass no sieve of a rescreen
        // (`crate::rescreen`), which reads words as written.
        exact
            .chain(misspelt_first)
            .filter_map(|p| one_word_misspelt(p, tokens, i))
            .max_by_key(|&(len, _)| len)
    }
}

/// Whether `tokens` from `i` hold phrase `p` of two words or more with one
/// word misspelt ([`misspelt_phrase_word`]), or, in a phrase of three
/// words or more, contracted, and the others as the phrase writes them:
/// its length and compare form.
fn one_word_misspelt<'a>(p: &'a Phrase, tokens: &[RawToken], i: usize) -> Option<(usize, &'a str)> {
    if p.words.len() < 2 || p.end_only {
        return None;
    }
    let toks = tokens.get(i..i + p.words.len())?;
    let mut typos = 0;
    for (t, w) in toks.iter().zip(&p.words) {
        if t.kind.is_some() {
            return None;
        }
        if t.text != *w {
            typos += 1;
            // In a phrase of three words or more, the others say which
            // phrase it is: a word may be contracted too ("Sci and
            // Production Enterprise", "Joint Stock Comm Bank", a field cut
            // through the name's legal form: "Bsf Capital Limited
            // Liability Compa"); but not the whole name, which is then the
            // beginning of a listed name cut at a field width, not a legal
            // form ("Obshchestvo s Ogranichennoi Otvetst", `score::cut`).
            // Its first letter may slip in a shorter word too: "Oint Stock
            // Company", "Joint Tock Company".
            let long = p.words.len() >= 3 && name_has_more(tokens, i, p.words.len());
            let contracted = long && crate::score::contracts(&t.text, w);
            let first_slipped = long && first_slip_in_phrase(&t.text, w);
            if typos > 1 || !(misspelt_phrase_word(&t.text, w) || contracted || first_slipped) {
                return None;
            }
        }
    }
    (typos == 1).then_some((p.words.len(), p.compare.as_str()))
}

/// Whether `written` may be the phrase word `word` as
/// [`one_word_misspelt`] reads a phrase's words: misspelt, or contracted
/// or with its first letter slipped (which it reads only in a phrase of
/// three words or more).
fn misspelt_or_contracted(written: &str, word: &str) -> bool {
    misspelt_phrase_word(written, word)
        || crate::score::contracts(written, word)
        || first_slip_in_phrase(written, word)
}

/// Shortest word of a phrase of three words or more whose first letter
/// may slip ([`one_word_misspelt`]).
const MIN_FIRST_SLIP_IN_LONG_PHRASE: usize = 5;

/// Whether `written` is the phrase word `word` with its first letter
/// changed, dropped or added, the word having
/// [`MIN_FIRST_SLIP_IN_LONG_PHRASE`] letters or more: read so only in a
/// phrase of three words or more, whose two others say which it is.
fn first_slip_in_phrase(written: &str, word: &str) -> bool {
    word.len() >= MIN_FIRST_SLIP_IN_LONG_PHRASE && first_slip(written, word)
}

/// Whether the name's `tokens` hold more than the `len` tokens from `i`.
fn name_has_more(tokens: &[RawToken], i: usize, len: usize) -> bool {
    i > 0 || i + len < tokens.len()
}

/// The last words of legal forms that a name may leave out
/// ([`PhraseTable::head_left_out_at`]): the kind of body the form names.
const LEFT_OUT_HEADS: &[&str] = &["company", "bank", "corporation", "co", "corp"];

/// Words of a legal form that say how a company's capital is held: the
/// words before a left-out last word must hold one to be read as the form
/// ([`PhraseTable::head_left_out_at`]).
const CAPITAL_WORDS: &[&str] = &["stock", "liability", "limited", "ltd"];

/// Adds a phrase to those starting with its first word, once, keeping the
/// longest first.
fn add(entry: &mut Vec<Phrase>, words: Vec<String>, compare: String, end_only: bool) {
    if !entry.iter().any(|p| p.words == words) {
        entry.push(Phrase {
            words,
            compare,
            end_only,
        });
        entry.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
}

/// The first of `cands` (longest first) that `tokens` from `i` hold, its
/// words untagged and equal to the phrase's by `same`: its length and
/// compare form.
fn first_found<'a>(
    cands: &'a [Phrase],
    tokens: &[RawToken],
    i: usize,
    max: usize,
    same: impl Fn(&str, &str) -> bool,
) -> Option<(usize, &'a str)> {
    cands.iter().filter(|p| p.words.len() <= max).find_map(|p| {
        let end = i + p.words.len();
        (end <= tokens.len()
            && (!p.end_only || end == tokens.len())
            && tokens[i..end]
                .iter()
                .zip(&p.words)
                .all(|(t, w)| t.kind.is_none() && same(&t.text, w)))
        .then_some((p.words.len(), p.compare.as_str()))
    })
}

/// Whether `written` is the legal-form word `word` misspelt by one typo
/// (insertion, deletion, substitution or two letters swapped), the word
/// having five letters or more and both the same first letter, as the typo
/// rule pairs words ([`crate::score`]).
pub(super) fn misspelt_word(written: &str, word: &str) -> bool {
    let (a, b) = (written.as_bytes(), word.as_bytes());
    b.len() >= 5
        && a.first() == b.first()
        && a.iter().all(u8::is_ascii_alphabetic)
        && one_edit_apart(a, b)
}

/// Shortest word of a phrase whose first letter may slip
/// ([`misspelt_phrase_word`]).
const MIN_FIRST_SLIP_LEN: usize = 7;

/// Whether `written` is the word `word` of a phrase of several words
/// misspelt: by one typo ([`misspelt_word`]); in its first letter,
/// changed, dropped or added, when the word has [`MIN_FIRST_SLIP_LEN`]
/// letters or more ("Lbschestvo", "Pbshchestvo" for "Obshchestvo", as the
/// scorer's first-letter rule pairs long words); or with a digit for the
/// letter it looks like ("Obschestv0", [`super::digits_as_letters`]). The
/// phrase's other words must be written as the table has them.
pub(super) fn misspelt_phrase_word(written: &str, word: &str) -> bool {
    if written.bytes().any(|b| b.is_ascii_digit()) {
        return super::digits_as_letters(written).is_some_and(|w| w == word);
    }
    misspelt_word(written, word) || (word.len() >= MIN_FIRST_SLIP_LEN && first_slip(written, word))
}

/// Whether two words of letters differ only in their first letter:
/// changed, dropped or added.
fn first_slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.is_empty() || b.is_empty() || !a.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    match a.len() as isize - b.len() as isize {
        0 => a[0] != b[0] && a[1..] == b[1..],
        1 => a[1..] == *b,
        -1 => *a == b[1..],
        _ => false,
    }
}

/// Whether two words are one edit apart (optimal string alignment
/// distance 1): a letter changed, added or dropped, or two adjacent
/// letters swapped. Linear, without a table: it runs on every word of
/// every name normalised.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let i = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if i == short.len() => false,
        0 => {
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        1 => short[i..] == long[i + 1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit_apart;
    use proptest::prelude::*;

    proptest! {
        /// The linear test agrees with the edit distance it stands for, on
        /// words of a small alphabet (so that edits often meet).
        #[test]
        fn one_edit_apart_is_an_osa_distance_of_one(a in "[abc]{0,8}", b in "[abc]{0,8}") {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            prop_assert_eq!(
                one_edit_apart(a, b),
                crate::score::osa_within(a, b, 1) == Some(1),
                "{:?} / {:?}", std::str::from_utf8(a), std::str::from_utf8(b)
            );
        }
    }

    #[test]
    fn one_edit_apart_reads_each_kind_of_edit() {
        let t = |a: &str, b: &str| one_edit_apart(a.as_bytes(), b.as_bytes());
        assert!(t("tradinng", "trading"), "a letter added");
        assert!(t("tradng", "trading"), "a letter dropped");
        assert!(t("trafing", "trading"), "a letter changed");
        assert!(t("tradnig", "trading"), "two letters swapped");
        assert!(!t("trading", "trading"), "the same word");
        assert!(!t("tardnig", "trading"), "two edits");
    }
}
