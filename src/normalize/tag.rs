//! Step 7 of the pipeline: tokens are tagged (legal form, place, generic
//! word, number, distinctive word), never deleted. Each sub-step is a small
//! function, in the order [`Normalizer::tag`] runs them; legal forms are
//! read in [`super::legal`], a name's own acronyms in [`super::acronyms`],
//! the words a name may leave out in [`super::optional`].

use super::chars::RawToken;
use super::phrases::misspelt_word;
use super::tables::{
    CONNECTIVES, FORM_WORD_SPELLINGS, FORM_WORDS, GENERIC, GENERIC_FOREIGN, TRANSLATIONS,
};
use super::variant::{stem, variant_key};
use super::{Normalizer, StepKind, Steps, Token, TokenKind};
use crate::background::{Background, GENERIC_DF};

/// Shortest organisation word read as misspelt (but for "Group" and the
/// like, [`FORM_WORDS`]), and shortest written word
/// ([`Normalizer::misspelt_words`]: "Grop").
const MIN_MISSPELT_LEN: usize = 6;
const MIN_MISSPELT_WRITTEN: usize = 4;

/// The English organisation word of six letters or more, or the word like
/// "Group", that a word of four letters or more the vendor table does not
/// hold misspells by one typo, if exactly one: what
/// [`Normalizer::misspelt_words`] may read it as (it reads it so only
/// beside another word of the name, and never an organisation word).
/// Only English words: the other languages' table holds words that names
/// are one letter from ("Sazgan" / "sazman").
pub(crate) fn misspelt_organisation_word(word: &str) -> Option<&'static str> {
    let bytes = word.as_bytes();
    if bytes.len() < MIN_MISSPELT_WRITTEN || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let table = organisation_words_by_shape();
    let mut found = (bytes.len() - 1..=bytes.len() + 1)
        .filter_map(|len| table.get(shape(bytes[0], len)))
        .flatten()
        .copied()
        .filter(|w| misspelt_word(word, w));
    let one = found.next()?;
    // The vendor table last: most words misspell nothing.
    (found.all(|w| w == one) && Background::get().df(word) == 0).then_some(one)
}

/// Longest organisation word [`organisation_words_by_shape`] files.
const MAX_SHAPE_LEN: usize = 32;

/// Where words of a first letter and a length are filed.
fn shape(first: u8, len: usize) -> usize {
    usize::from(first) * MAX_SHAPE_LEN + len.min(MAX_SHAPE_LEN - 1)
}

/// [`GENERIC`]'s words of [`MIN_MISSPELT_LEN`] letters or more and the
/// words like "Group" ([`FORM_WORDS`]), by first letter and length (a
/// misspelling keeps the first and is one letter longer or shorter at
/// most): a few words to compare a written word with, found without
/// hashing.
fn organisation_words_by_shape() -> &'static [Vec<&'static str>] {
    static WORDS: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut t = vec![Vec::new(); 256 * MAX_SHAPE_LEN];
        let long = GENERIC.iter().filter(|w| w.len() >= MIN_MISSPELT_LEN);
        for w in long.chain(FORM_WORDS).copied() {
            if let Some(&b) = w.as_bytes().first() {
                t[shape(b, w.len())].push(w);
            }
        }
        t
    })
}

/// A token being tagged.
pub(super) struct Tagging {
    pub(super) raw: RawToken,
    pub(super) optional: bool,
}

impl Tagging {
    /// Marks the token optional, saying why in the steps: "'AL' is the
    /// Arabic article: optional".
    pub(super) fn make_optional(&mut self, text: &str, why: &str, steps: &mut Steps) {
        self.optional = true;
        steps.push(
            StepKind::Optional,
            format!("'{}' {why}: optional", &text[self.raw.span.clone()]),
        );
    }
}

impl Normalizer {
    /// Step 7: tags the tokens of a name.
    pub(super) fn tag(&self, text: &str, raw: Vec<RawToken>, steps: &mut Steps) -> Vec<Token> {
        let single = raw.len() == 1;
        let mut raw = self.legal_forms(text, raw, steps);
        self.cut_legal_form(text, &mut raw, steps);
        let mut raw = self.places(text, raw);
        self.form_words(text, &mut raw, steps);
        super::legal::last_word_legal_form(text, &mut raw, steps);
        self.abbreviations(text, &mut raw, steps);
        self.look_alike_words(text, &mut raw, steps);
        self.misspelt_words(text, &mut raw, steps);
        let mut toks: Vec<Tagging> = raw
            .into_iter()
            .map(|raw| Tagging {
                raw,
                optional: false,
            })
            .collect();
        super::acronyms::parenthetical_acronyms(text, &mut toks, steps);
        super::acronyms::edge_acronyms(text, &mut toks, steps);
        super::optional::words_a_name_may_leave_out(text, &mut toks, steps);
        let mut tokens: Vec<Token> = toks.into_iter().map(|t| self.finish(t)).collect();
        let all_legal = tokens.iter().all(|t| t.kind == TokenKind::LegalForm);
        if all_legal && (single || tokens.len() > 1) {
            // "KHK", "PAT", "OOO MTU", "LLC MBB": a name is more than legal
            // forms; its last word is the name.
            let Some(t) = tokens.last_mut() else {
                return tokens;
            };
            steps.push(
                StepKind::LegalForm,
                format!(
                    "'{}' is all the name has besides legal forms: read as a name",
                    &text[t.span.clone()]
                ),
            );
            if let Some(written) = t.unexpanded.take() {
                t.text = written;
            }
            t.kind = TokenKind::Distinctive;
            t.variant = variant_key(&t.text);
        }
        tokens
    }

    /// Places, longest phrase first, each one token with its compare form
    /// (`United States of America`, `U.S.A.` → `us`).
    fn places(&self, text: &str, raw: Vec<RawToken>) -> Vec<RawToken> {
        let _ = text;
        let mut out: Vec<RawToken> = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            match self.places.longest_at(&raw, i) {
                Some((len, compare)) => {
                    let mut t = raw[i].clone();
                    t.span = raw[i].span.start..raw[i + len - 1].span.end;
                    let written: String = raw[i..i + len].iter().map(|t| t.text.as_str()).collect();
                    t.unexpanded = (written != compare).then_some(written);
                    t.text = compare.to_string();
                    t.kind = Some(TokenKind::Place);
                    out.push(t);
                    i += len;
                }
                None => {
                    out.push(raw[i].clone());
                    i += 1;
                }
            }
        }
        out
    }

    /// Words such as "Group" and "Holdings" weigh like legal forms.
    fn form_words(&self, text: &str, raw: &mut [RawToken], steps: &mut Steps) {
        for t in raw.iter_mut() {
            let untagged_or_generic = matches!(t.kind, None | Some(TokenKind::Generic));
            if !untagged_or_generic {
                continue;
            }
            if let Some(&(_, english)) = FORM_WORD_SPELLINGS.iter().find(|(w, _)| *w == t.text) {
                t.unexpanded = Some(std::mem::replace(&mut t.text, english.to_string()));
            }
            if FORM_WORDS.contains(&t.text.as_str()) {
                t.kind = Some(TokenKind::LegalForm);
                steps.push(
                    StepKind::LegalForm,
                    format!(
                        "'{}' says what kind of organisation it is: weighs little",
                        &text[t.span.clone()]
                    ),
                );
            }
        }
    }

    /// Abbreviations of the table are expanded (`tech` → `technology`). A
    /// word read as a preposition ("de": "of") joins two parts of a name,
    /// so it is one only between words: last, it is something else ("INC
    /// /DE/", a state of incorporation).
    fn abbreviations(&self, text: &str, raw: &mut [RawToken], steps: &mut Steps) {
        let last = raw.len().saturating_sub(1);
        for (i, t) in raw.iter_mut().enumerate().filter(|(_, t)| t.kind.is_none()) {
            if let Some(long) = self.abbreviations.get(t.text.as_str()) {
                if i == last && CONNECTIVES.contains(long) {
                    continue;
                }
                let written = &text[t.span.clone()];
                let detail = if TRANSLATIONS.iter().any(|(w, _)| *w == t.text) {
                    format!("read '{written}' as the English '{long}'")
                } else {
                    format!("expanded '{written}' to '{long}'")
                };
                steps.push(StepKind::Expanded, detail);
                t.unexpanded = Some(std::mem::replace(&mut t.text, (*long).to_string()));
                if FORM_WORDS.contains(long) {
                    t.kind = Some(TokenKind::LegalForm);
                }
            }
        }
    }

    /// An unknown word that reads as a common organisation word once a
    /// look-alike is read as the letter it imitates: `lndustry` (a lower-case
    /// L for a capital I), `techn0logy`.
    fn look_alike_words(&self, text: &str, raw: &mut [RawToken], steps: &mut Steps) {
        for t in raw.iter_mut().filter(|t| t.kind.is_none()) {
            if let Some(read) = self.look_alike_read(&t.text) {
                steps.push(
                    StepKind::FoldedConfusable,
                    format!(
                        "read '{}' as '{read}' (look-alike letters or digits)",
                        &text[t.span.clone()]
                    ),
                );
                if FORM_WORDS.contains(&read.as_str()) {
                    t.kind = Some(TokenKind::LegalForm);
                }
                t.unexpanded = Some(std::mem::replace(&mut t.text, read));
            }
        }
    }

    /// An unknown word one typo from a single word of the (English) table
    /// of organisation words, six letters or more, or from "Group" and the
    /// like, with the same first letter, is read as that word: `Tradinng`,
    /// `Intrenational`, `Devleopment`, `Grop`.
    /// It weighs as the word it misspells, not as a rare name. "Unknown":
    /// the vendor table does not hold it (fewer than four of its real
    /// company names write it), so a brand written like a misspelling in
    /// four names or more stays a name; so does a name's only word that is
    /// no organisation word.
    fn misspelt_words(&self, text: &str, raw: &mut [RawToken], steps: &mut Steps) {
        // Most names misspell nothing: only then is each word weighed.
        if !raw
            .iter()
            .any(|t| t.kind.is_none() && misspelt_organisation_word(&t.text).is_some())
        {
            return;
        }
        // Words the name's identity may rest on (untagged, no organisation
        // word), each with the word it may misspell.
        // A legal form or a place, which the text read again would replace
        // ("Company" is read as `co`, and beside another legal form as one
        // with it), is no reading: normalising stays a fixed point
        // (proptest's finding: "COMPANYa.ALTD"). An abbreviation is read as
        // what it stands for, as the text read again would be.
        let readings: Vec<Option<Option<&'static str>>> = raw
            .iter()
            .map(|t| {
                (t.kind.is_none() && !self.is_generic(&t.text)).then(|| self.misspelt_read(&t.text))
            })
            .collect();
        // The only such word is the name as written ("Incorporated
        // Electonics Systems", "Shaanxi Aircaft Industry"), not a slip.
        if !readings.contains(&Some(None)) {
            return;
        }
        for (t, reading) in raw.iter_mut().zip(readings) {
            let Some(Some(read)) = reading else {
                continue;
            };
            steps.push(
                StepKind::Misspelt,
                format!(
                    "read '{}' as '{read}' (one typo from an organisation word)",
                    &text[t.span.clone()]
                ),
            );
            t.unexpanded = Some(std::mem::replace(&mut t.text, read.to_string()));
            if FORM_WORDS.contains(&read) {
                t.kind = Some(TokenKind::LegalForm);
            }
        }
    }

    /// What [`Normalizer::misspelt_words`] may read an unknown word as
    /// ([`misspelt_organisation_word`]): never a legal form or a place, and
    /// an abbreviation as what it stands for.
    pub(crate) fn misspelt_read(&self, word: &str) -> Option<&'static str> {
        misspelt_organisation_word(word)
            .filter(|w| !self.places.has_word(w) && !self.legal.has_word(w))
            .map(|w| self.abbreviations.get(w).copied().unwrap_or(w))
    }

    /// Whether a word alone is one a later reading replaces: a place, a
    /// legal form or an abbreviation.
    pub(super) fn replaced_when_read(&self, w: &str) -> bool {
        self.places.has_word(w) || self.legal.has_word(w) || self.abbreviations.contains_key(w)
    }

    /// The organisation word an unknown word reads as once a look-alike is
    /// read as the letter it imitates, if any ([`Normalizer::look_alike_words`]).
    pub(super) fn look_alike_read(&self, word: &str) -> Option<String> {
        if self.is_generic(word) || Background::get().df(word) > 0 {
            return None;
        }
        // Not a number word: "On3" read as "One" would be read as the
        // number 1 when its text is normalised again; nor a place, a legal
        // form or an abbreviation, which the text read again would replace
        // ("US4" read as "USA" is the place "us").
        super::replaced::look_alike_candidates(word).find(|w| {
            (self.is_generic(w) || FORM_WORDS.contains(&w.as_str()))
                && !super::reads_as_number(w)
                && !self.replaced_when_read(w)
        })
    }

    /// Whether a word is an organisation word: in the table of generic words,
    /// or common among real company names.
    pub(crate) fn is_generic(&self, w: &str) -> bool {
        self.generic.contains(w) || Background::get().df(w) >= GENERIC_DF
    }

    /// Every word [`Normalizer::is_generic`] may accept (and more): the
    /// table's, the vendor table's common words, and every inflection of
    /// these that [`Background::df`] reads as its base form; and the
    /// Russian and Persian words read as English organisation words
    /// ([`TRANSLATIONS`]), which such a token was written as.
    pub(crate) fn generic_words(&self) -> Vec<String> {
        let common = Background::get().words_in_at_least(GENERIC_DF);
        let mut out: Vec<String> = self
            .generic
            .iter()
            .copied()
            .chain(TRANSLATIONS.iter().map(|&(russian, _)| russian))
            .chain(common)
            .map(String::from)
            .collect();
        let inflected: Vec<String> = common_bases(&out);
        out.extend(inflected);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The token's kind, stem and variant key.
    fn finish(&self, t: Tagging) -> Token {
        let raw = t.raw;
        let kind = raw.kind.unwrap_or_else(|| {
            if raw.text.bytes().any(|b| b.is_ascii_digit()) {
                TokenKind::Number
            } else if self.is_generic(&raw.text) {
                TokenKind::Generic
            } else {
                TokenKind::Distinctive
            }
        });
        let stem = (kind == TokenKind::Generic)
            .then(|| stem(&raw.text))
            .filter(|s| *s != raw.text);
        let variant = match kind {
            TokenKind::Distinctive | TokenKind::Generic | TokenKind::Number => {
                variant_key(&raw.text)
            }
            TokenKind::LegalForm | TokenKind::Place => None,
        };
        Token {
            text: raw.text,
            kind,
            span: raw.span,
            unexpanded: raw.unexpanded,
            stem,
            variant,
            optional: t.optional,
            legal_reading: raw.legal_alt,
        }
    }
}

/// The inflections of `words` that [`Background::df`] reads as them.
fn common_bases(words: &[String]) -> Vec<String> {
    words
        .iter()
        .flat_map(|w| crate::background::inflections(w))
        .collect()
}

/// The table of generic words, for [`Normalizer::new`].
pub(super) fn generic_table() -> std::collections::HashSet<&'static str> {
    GENERIC.iter().chain(GENERIC_FOREIGN).copied().collect()
}

/// Whether a compare-form word is an organisation word of the tables
/// ([`GENERIC`], its spellings in other languages, words like "Group"),
/// not merely a word common among company names ("Michael", which the
/// vendor table makes generic too).
pub(crate) fn is_organisation_word(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut t = generic_table();
            t.extend(FORM_WORDS);
            t
        })
        .contains(w)
}
