//! Pair rules for numbers: digits standing for letters, and a number
//! written as a word, misspelt or with a digit for a letter.

use super::typo::typo_bytes;
use super::{Context, DIGITS_SIM, PairKind};
use crate::normalize::{
    Token, TokenKind, digits_as_letters, digits_as_letters_with_l, variant_key,
};

/// A number written as a word ("Second", "Eleventh") misspelt on the other
/// side, which the normaliser then read as a word ("Secind"): a typo of the
/// number as written. Two numbers pair only when identical.
pub(super) fn misspelt_number_word(a: &Token, b: &Token, ctx: Context) -> Option<(f64, PairKind)> {
    let (number, word) = if a.kind == TokenKind::Number {
        (a, b)
    } else {
        (b, a)
    };
    let written = spelt_number(number)?;
    if !matches!(word.kind, TokenKind::Distinctive | TokenKind::Generic) {
        return None;
    }
    typo_bytes(word.text.as_bytes(), written.as_bytes(), ctx)
}

/// The word a number token was written as ("seven" of 7), if it was
/// written as a word.
pub(super) fn spelt_number(t: &Token) -> Option<&str> {
    let w = t.unexpanded_text();
    (t.kind == TokenKind::Number && w != t.text && w.bytes().all(|c| c.is_ascii_alphabetic()))
        .then_some(w)
}

/// A number written as a word on one side and, on the other, the same
/// word with a digit for a letter ("E1even" / "Eleven", "F0rty"): the
/// normaliser reads the one as the number and the other as a word of
/// letters and digits, so neither the number nor the letters pair them.
pub(super) fn number_word_with_digits(a: &Token, b: &Token) -> Option<(f64, PairKind)> {
    let reads_as = |t: &Token, word: &str| {
        digits_as_letters(&t.text).as_deref() == Some(word)
            || digits_as_letters_with_l(&t.text).as_deref() == Some(word)
    };
    let found = match (spelt_number(a), spelt_number(b)) {
        (Some(w), None) => reads_as(b, w),
        (None, Some(w)) => reads_as(a, w),
        _ => false,
    };
    found.then_some((DIGITS_SIM, PairKind::Variant { digits: true }))
}

/// A word with digits standing for letters against a word of letters.
pub(super) fn digits_for_letters(a: &Token, b: &Token) -> Option<(f64, PairKind)> {
    let (number, word) = if a.kind == TokenKind::Number {
        (a, b)
    } else {
        (b, a)
    };
    // The word as compared, or as written where it compares as another
    // ("Belarusi4n" is "Belarusian", which compares as "Belarus").
    let written = word
        .unexpanded
        .as_deref()
        .map(|w| variant_key(w).unwrap_or_else(|| w.to_string()));
    // A place keeps no variant key of its own ("Yantai"), where the number
    // read as letters has one ("Y4ntai": "iantai").
    let is_word = |key: &str| {
        key == word.key()
            || written.as_deref() == Some(key)
            || variant_key(&word.text).as_deref() == Some(key)
    };
    let read_as_l = || {
        digits_as_letters_with_l(&number.text)
            .is_some_and(|read| is_word(&variant_key(&read).unwrap_or(read)))
    };
    (number.variant.is_some()
        && matches!(
            word.kind,
            TokenKind::Distinctive | TokenKind::Generic | TokenKind::Place
        )
        && (is_word(number.key()) || read_as_l()))
    .then_some((DIGITS_SIM, PairKind::Variant { digits: true }))
}
