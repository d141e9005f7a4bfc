//! How alike two words are: each kind of likeness is a rule of its own, and a
//! pair takes the best rule that applies.
//!
//! | rule | similarity | when |
//! | --- | --- | --- |
//! | exact | 1.0 | same compare form (legal forms and places compare canonically) |
//! | inflection | 0.97 | organisation words with the same stem (`technologies` / `technology`) |
//! | spelling variant | 0.93 | same variant key (`Kapital` / `Capital`, `Finans` / `Finance`) |
//! | digits for letters | 0.90 | same key once digits are read as letters (`Hikv1sion`, `ZT3`, `Ningb0`; a `1` as `i` or as `l`: `Channe1`; a place's own variant key too: `Y4ntai` / `Yantai`), or a number written as a word read so (`Sev3n` / `Seven`): a possible evasion |
//! | typo | 1 − 0.1 per edit, 1 − 0.9/length under 9 letters (0.6/length for two letters swapped, 0.8/length for a letter the vendor leaves out inside the listed word, not of a doubled pair: `Maun` / `Marun`) | same first letter, shorter word 5 letters or more (4 when a letter of a five-letter word is dropped; 7 when the listed name has one word, unless two letters are swapped), one edit up to 7 letters, two from 8 |
//! | first letter | 0.85 | words of 6 letters or more (7 when the listed name has one word; 5 for a listed organisation word or legal form, `Froup` / `Group`, or in a listed name of three words or more, legal forms aside, whose other words confirm it: `Armed Forces General Taff`) differing only in the first letter, substituted, dropped or added (`Sencora` / `Cencora`) |
//! | contraction | 0.88 | a vendor's word, as written, that is an organisation word's beginning (`Electro`, `Techn`) or keeps its first letter and at most 60% of its letters in order (`Avn`, `Mfg`, `Natl`, `Pwr`, `Comm` for commercial), and is not a common word itself; a listed word so, of four letters or more, in a listed name of three words or more (`SHPG` for the vendor's `Shipping`) |
//! | vowels | 0.88 | distinctive words of 4 letters or more with the same first letter (as written; "gh" and "q" alike: `Ghods` / `Qods`) and consonants ([`crate::normalize::consonant_key`]; three of them, or two in words of five letters), one vowel changed or added to a run of vowels (two edits from 8 letters or between four consonants: `Sanubar` / `Senobar`): transliterations (`Misr` / `Masr`, `Quds` / `Qods`, `Souran` / `Soran`); or two consonants and one sound written with two vowels (`Nour` / `Noor`, `Puya` / `Pooya`); against a one-word listed name, only one sound written with as many letters either way (`Nour` / `Noor`, not `Ares` / `Aries`), unless the words have 8 letters and 5 consonants (`Hezbollah` / `HIZBALLAH`, not `Energous` / `ENERGIES`) or 12 letters |
//! | misspelt legal form | as a typo or first letter | a word one typo from a legal form as written (`Compny`, `Groip`, `Vompany`) |
//! | misspelt number word | as a typo | a word one typo from a number written as a word (`Secind` / `Second`) |
//!
//! Legal forms pair with each other only when identical; numbers only when
//! identical, when one is a word with digits for letters (of a word, or of
//! a number written as a word), or when a number written as a word is
//! misspelt.
//!
//! The rules of more than a few lines have files of their own: typos and
//! first letters (`typo.rs`), vowels (`vowels.rs`), numbers and digits
//! (`numbers.rs`), contractions (`contraction.rs`).

mod contraction;
mod numbers;
#[cfg(test)]
mod tests;
mod typo;
mod vowels;

use contraction::contraction;
pub(crate) use contraction::{contracts, marked_contraction};
use numbers::{digits_for_letters, misspelt_number_word, number_word_with_digits};
use typo::{first_letter, first_letter_bytes, typo, typo_bytes};
pub(crate) use vowels::MIN_VOWELS_LEN;
use vowels::vowels;

use crate::normalize::{Token, TokenKind, is_ordinal};
use serde::{Deserialize, Serialize};

/// How two sides of a pair are alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum PairKind {
    /// Identical compare forms.
    Exact,
    /// Organisation words with the same stem.
    Inflection,
    /// Spellings of the same word: transliteration variants, or digits
    /// standing for letters (`digits`: a possible evasion).
    Variant {
        /// Whether digits stood for letters.
        digits: bool,
    },
    /// Equal up to `edits` typos.
    Typo {
        /// Number of edits (insertion, deletion, substitution, transposition).
        edits: usize,
    },
    /// Long words that differ only in their first letter.
    FirstLetter,
    /// A contraction of an organisation word.
    Contraction,
    /// Words split on one side and merged on the other.
    Merged,
    /// An initialism of the other side's words.
    Initialism,
    /// A short first word that is also a legal form, read as the form the
    /// other name has ([`crate::normalize::Token::legal_reading`]).
    AsLegalForm,
}

/// Typos allowed in a word of `len` letters.
pub(crate) fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Similarity of a pair of each rule.
pub(crate) const INFLECTION_SIM: f64 = 0.97;
pub(crate) const VARIANT_SIM: f64 = 0.93;
pub(crate) const DIGITS_SIM: f64 = 0.9;
pub(crate) const FIRST_LETTER_SIM: f64 = 0.85;
pub(crate) const CONTRACTION_SIM: f64 = 0.88;

/// Shortest word that takes a typo; when the listed name has a single word,
/// the word is all it has and must be longer ("COMPAC" is not "COMAC",
/// "Warner" not "Warnel"), except for a slip inside the word: a letter
/// the vendor dropped from a listed word of that length ("Meafon" for
/// "Megafon") or changed in one a letter shorter ("Plasna" for "Plasma";
/// see [`typo_bytes`]).
pub(crate) const MIN_TYPO_LEN: usize = 5;
pub(crate) const MIN_SINGLE_TYPO_LEN: usize = 7;
/// Shortest words whose first letter may differ (the longer of the two);
/// when the listed name has a single word, longer still.
pub(crate) const MIN_FIRST_LETTER_LEN: usize = 6;
pub(crate) const MIN_SINGLE_FIRST_LETTER_LEN: usize = 7;
/// Shortest contraction, shortest word contracted, and the largest share
/// of the word a contraction keeps ("Pwr" for "Power", not "Inet" for
/// "Invest", nor "Glbl" for "Global").
pub(crate) const MIN_CONTRACTION_LEN: usize = 3;
pub(crate) const MIN_CONTRACTED_LEN: usize = 5;
pub(crate) const CONTRACTION_SHARE: f64 = 0.6;
/// The share a contraction of a word of [`LONG_CONTRACTED_LEN`] letters or
/// more may keep: a long word's contraction keeps more of it ("Shipbldg"
/// for "Shipbuilding", "Electrs" for "Electronics", "Prods" for
/// "Products"), which 0.6 left out. Measured with `examples/evaluate`: no
/// case and no vendor name hit moved (0.7 for every word found three
/// cases more, "GIMNASIO BODY AND HLTH", and read "Glbl" as "Global").
pub(crate) const LONG_CONTRACTION_SHARE: f64 = 0.7;
pub(crate) const LONG_CONTRACTED_LEN: usize = 8;
/// Shortest contraction a list writes that pairs with a vendor's whole word
/// ("SHPG"; "AVN" in a listed name stands for itself).
pub(crate) const MIN_LISTED_CONTRACTION_LEN: usize = 4;

/// Similarity of two words `edits` typos apart, the longer of `len` letters:
/// 0.1 less per edit, more in words of under nine letters, where one edit is
/// a larger share of the word and often makes another real word ("Tesla" /
/// "Tesa", "Aeris" / "Abris"): 0.82 at five letters, 0.85 at six, 0.87 at
/// seven. Two letters swapped ("Dahau" / "Dahua") make another word less
/// often and cost less: 0.88 at five letters, 0.9 at six.
pub(crate) fn typo_similarity(edits: usize, len: usize, swapped: bool) -> f64 {
    edit_similarity(if swapped { 0.6 } else { 0.9 }, edits, len)
}

/// [`typo_similarity`] of one letter left out inside a word of `len`
/// letters ([`typo::dropped_inside`]): 0.84 at five letters, 0.87 at six,
/// 0.89 at seven.
pub(crate) fn slip_similarity(len: usize) -> f64 {
    edit_similarity(SLIP_PER_LETTER, 1, len)
}

/// Similarity of two words `edits` slips apart, each costing `per_letter`
/// spread over the `len` letters of the longer word, 0.1 at least.
fn edit_similarity(per_letter: f64, edits: usize, len: usize) -> f64 {
    let per_edit = (per_letter / len.max(1) as f64).max(0.1);
    (1.0 - per_edit * edits as f64).max(0.0)
}

/// What a letter left out inside a word costs, spread over its letters
/// ([`slip_similarity`]).
pub(crate) const SLIP_PER_LETTER: f64 = 0.8;

/// Whether two words one edit apart differ by two adjacent letters swapped.
pub(crate) fn is_swap(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    // The first letters that differ, swapped, and the rest alike (without
    // a table of differences: this runs on every pair of words of equal
    // length the typo rules try).
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
        return false;
    };
    i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
}

/// What the pair rules need to know of the listed name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    /// The listed name has a single word that is not a legal form.
    pub listed_single: bool,
    /// The listed name has [`MIN_CONFIRMING_WORDS`] words or more that are
    /// not legal forms: its other words confirm a slip in one of them.
    pub listed_long: bool,
}

/// Words of a listed name (legal forms aside) from which a slip in the
/// first letter of a five-letter word pairs ("Armed Forces General Taff",
/// "Caribbean Each Park"): the name's other words say which name it is.
pub(crate) const MIN_CONFIRMING_WORDS: usize = 3;

/// The best rule pairing query word `a` with listed word `b`, if any.
pub(crate) fn word_sim(a: &Token, b: &Token, ctx: Context) -> Option<(f64, PairKind)> {
    use TokenKind::*;
    if a.text == b.text {
        // An ordinal is no cardinal of the same value: "First Class" is
        // not "One Class" (digits alone stand for either).
        let ordinal = |t: &Token| t.unexpanded.as_deref().and_then(is_ordinal);
        if a.kind == Number && b.kind == Number {
            if let (Some(x), Some(y)) = (ordinal(a), ordinal(b)) {
                if x != y {
                    return None;
                }
            }
        }
        return Some((1.0, PairKind::Exact));
    }
    let as_form = |x: &Token, form: &Token| {
        form.kind == LegalForm && x.legal_reading.as_deref() == Some(form.text.as_str())
    };
    if as_form(a, b) || as_form(b, a) {
        return Some((1.0, PairKind::AsLegalForm));
    }
    if a.kind == LegalForm && b.kind == LegalForm || (a.kind == Place && b.kind == Place) {
        return None;
    }
    if a.kind == LegalForm || b.kind == LegalForm {
        return misspelt_legal_form(a, b, ctx);
    }
    if a.kind == Number || b.kind == Number {
        return digits_for_letters(a, b)
            .or_else(|| misspelt_number_word(a, b, ctx))
            .or_else(|| number_word_with_digits(a, b));
    }
    [
        inflection(a, b),
        variant(a, b),
        variant_typo(a, b, ctx),
        vowels(a, b, ctx),
        typo(a, b, ctx),
        first_letter(a, b, ctx),
        // The only word of a listed name is all it has: a vendor's short
        // word is an acronym of its own ("ITT" is not "Instrument", "GEE"
        // not "Green"), as a typo in it would make another word.
        contraction(a, b).filter(|_| !ctx.listed_single),
        // A list writes contractions too ("KOREA SAMMA SHPG CO" beside
        // "KOREA SAMMA SHIPPING CO"): one of four letters or more, beside
        // words of the name that confirm it.
        contraction(b, a)
            .filter(|_| ctx.listed_long && b.unexpanded_text().len() >= MIN_LISTED_CONTRACTION_LEN),
    ]
    .into_iter()
    .flatten()
    .max_by(|x, y| x.0.total_cmp(&y.0))
}

/// A legal form (or a word like "Group") misspelt on the other side, which
/// the normaliser then read as a word of its own ("Compny", "Groip"): a typo
/// of the legal form as written.
fn misspelt_legal_form(a: &Token, b: &Token, ctx: Context) -> Option<(f64, PairKind)> {
    if a.kind == TokenKind::Number || b.kind == TokenKind::Number {
        return None;
    }
    let (x, y) = (
        a.unexpanded_text().as_bytes(),
        b.unexpanded_text().as_bytes(),
    );
    typo_bytes(x, y, ctx).or_else(|| first_letter_bytes(x, y, MIN_TYPO_LEN))
}

/// Organisation words with the same stem.
fn inflection(a: &Token, b: &Token) -> Option<(f64, PairKind)> {
    let generic = a.kind == TokenKind::Generic || b.kind == TokenKind::Generic;
    (generic && a.stem_text() == b.stem_text()).then_some((INFLECTION_SIM, PairKind::Inflection))
}

/// Shortest variant keys (the shorter of the two) a typo apart that pair
/// ([`variant_typo`]): "Mobi" is no slip of "Mobile" (key "mobil"). Keys
/// of four letters found one OFAC alias more (of 7,343), and the index,
/// which must then look them up, made a batch of real vendor names 16%
/// slower.
pub(crate) const MIN_VARIANT_TYPO_LEN: usize = 5;

/// Variant keys a typo apart ("Novokuybyshev" / "Novokuibyshevsk",
/// "Suprim" / "Supreme"): a transliteration and a slip at once, in a
/// vendor's distinctive word (an organisation word or a place is read from
/// a table, and its other spellings are the table's), keys of
/// [`MIN_VARIANT_TYPO_LEN`] letters or more.
fn variant_typo(a: &Token, b: &Token, ctx: Context) -> Option<(f64, PairKind)> {
    if a.kind != TokenKind::Distinctive || (a.variant.is_none() && b.variant.is_none()) {
        return None;
    }
    let (x, y) = (a.key().as_bytes(), b.key().as_bytes());
    if x.len().min(y.len()) < MIN_VARIANT_TYPO_LEN {
        return None;
    }
    let (sim, kind) = typo::typo_bytes(x, y, ctx)?;
    Some((sim * VARIANT_SIM, kind))
}

/// The same variant key (transliteration, look-alikes).
fn variant(a: &Token, b: &Token) -> Option<(f64, PairKind)> {
    (a.text.len().min(b.text.len()) >= 5 && a.key() == b.key())
        .then_some((VARIANT_SIM, PairKind::Variant { digits: false }))
}
