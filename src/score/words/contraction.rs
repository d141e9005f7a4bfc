//! The contraction rule: a vendor's word that keeps an organisation word's
//! first letter and some of its letters in order.

use super::{
    CONTRACTION_SHARE, CONTRACTION_SIM, LONG_CONTRACTED_LEN, LONG_CONTRACTION_SHARE,
    MIN_CONTRACTED_LEN, MIN_CONTRACTION_LEN, PairKind,
};
use crate::background::Background;
use crate::normalize::{Token, TokenKind};
use crate::score::edits::is_subsequence;

/// Whether `s` is the beginning of `l` and then consonants of the rest of
/// it in order, as contractions are written: "Natl" (Nat-ional), "Mfg",
/// "Hldgs", "Assn", "Avn", "Devt". Letters picked at random from a word keep
/// its vowels too: "Irai" is no contraction of "Information", "Ace" none of
/// "Advanced", "Sur" none of "Security". `s` is a subsequence of `l` with
/// its first letter.
pub(super) fn skeleton(s: &str, l: &str) -> bool {
    let common = s.bytes().zip(l.bytes()).take_while(|(a, b)| a == b).count();
    s.as_bytes()[common..]
        .iter()
        .all(|&c| !crate::normalize::is_vowel(c))
}

/// Whether the letters of `s` make it a contraction of `l`: a truncation
/// keeps the word's beginning ("Electro", "Techn"); a contraction drops
/// letters inside it too, and keeps fewer. The rule's test of the letters
/// alone, which the index reads too ([`crate::index`]).
pub(crate) fn contracts(s: &str, l: &str) -> bool {
    let truncation = l.starts_with(s) && s.len() + 2 <= l.len();
    let share = if l.len() >= LONG_CONTRACTED_LEN {
        LONG_CONTRACTION_SHARE
    } else {
        CONTRACTION_SHARE
    };
    s.len() >= MIN_CONTRACTION_LEN
        && l.len() >= MIN_CONTRACTED_LEN
        && (truncation || (s.len() as f64 <= share * l.len() as f64 && skeleton(s, l)))
        && s.as_bytes()[0] == l.as_bytes()[0]
        && is_subsequence(s, l)
}

/// The listed word `short`, written with a period after it ("Man.",
/// "Nat.", "Org."), a contraction of the vendor's organisation word `long`
/// ("Manufacturing", "National", "Organization"): the period says the
/// list abbreviated it, so it need not be four letters, in a long name,
/// nor a word no company name writes of its own, as a listed
/// contraction without one must ([`contraction`]: "SES" is no
/// contraction of "Systems", "Man" a word of its own). "Fuhua Precision
/// Man. Co" and "Shanghai Aerospace Equip. Man." (the CSL's), "ISLAMIC
/// REPUBLIC OF IRAN BROADCASTING ORG." (the SDN's).
pub(crate) fn marked_contraction(short: &Token, long: &Token) -> Option<(f64, PairKind)> {
    (long.kind == TokenKind::Generic
        && short.kind == TokenKind::Distinctive
        && contracts(short.unexpanded_text(), &long.text))
    .then_some((CONTRACTION_SIM, PairKind::Contraction))
}

/// The word `short` a contraction of the organisation word `long`: the
/// vendor's word of a listed one, or, in a long listed name only, a listed
/// word of four letters or more of the vendor's ("SHPG" of "Shipping"; a
/// short one a list writes stands for itself: "SES" is no contraction of
/// "Systems").
pub(super) fn contraction(short: &Token, long: &Token) -> Option<(f64, PairKind)> {
    if long.kind != TokenKind::Generic
        || !matches!(short.kind, TokenKind::Distinctive | TokenKind::Generic)
    {
        return None;
    }
    // As written: an abbreviation the normaliser expanded one way may
    // contract another word ("Comm": communications or commercial).
    let s = short.unexpanded_text();
    let l = long.text.as_str();
    // The long word as the name writes it too: a Russian or Persian word
    // read as the English one ("STROI" of "Stroitelnaya", read
    // "construction").
    if !contracts(s, l) && !long.unexpanded.as_deref().is_some_and(|w| contracts(s, w)) {
        return None;
    }
    // A common word of its own is not a contraction ("art" is not
    // "architects"), unless the abbreviation table reads it as one ("Tech"
    // is Technology, and Technical too).
    let bg = Background::get();
    let (ds, dl) = (bg.df(s), bg.df(l));
    (short.unexpanded.is_some() || ds == 0 || 2 * ds < dl)
        .then_some((CONTRACTION_SIM, PairKind::Contraction))
}
