//! The vowels rule: two transliterations of one name that differ only in
//! their vowels.

use super::{Context, PairKind};
use crate::normalize::{Token, TokenKind, consonant_bytes};
use crate::score::edits::osa_within;

/// Similarity of two spellings of a name that differ only in vowels.
pub(crate) const VOWELS_SIM: f64 = 0.88;

/// Shortest words (the shorter of the two) whose vowels may differ.
pub(crate) const MIN_VOWELS_LEN: usize = 4;

/// Shortest words (the shorter of the two) whose vowels may differ in
/// three places, and in a listed name of that one word: two
/// transliterations of a long name (the Ukrainian "Chornomornaftogaz" and
/// the Russian "Chernomorneftegaz") differ in a vowel each syllable, and
/// so many consonants in the same order make no other name.
pub(crate) const LONG_VOWELS_LEN: usize = 12;

/// Shortest words, and fewest consonants in them (a leading vowel aside),
/// whose vowels may differ in two places against a listed name of that
/// one word: so many consonants in the same order make no other word
/// ("Hezbollah" / "HIZBALLAH", not "Energous" / "ENERGIES").
pub(crate) const LONE_WORD_LEN: usize = 8;
pub(crate) const LONE_WORD_CONSONANTS: usize = 5;

/// Two transliterations of one name that differ only in their vowels
/// ("Misr" / "Masr", "Quds" / "Qods", "Pouya" / "Pooya", "Mujahidin" /
/// "Mujahideen"): distinctive words with the same first letter and the same
/// consonants ([`crate::normalize::consonant_key`]).
pub(super) fn vowels(a: &Token, b: &Token, ctx: Context) -> Option<(f64, PairKind)> {
    let distinctive = |t: &Token| t.kind == TokenKind::Distinctive;
    if !distinctive(a) || !distinctive(b) {
        return None;
    }
    let (x, y) = (a.text.len(), b.text.len());
    let (ra, rb) = after_first_sound(a.text.as_bytes(), b.text.as_bytes())?;
    if x.min(y) < MIN_VOWELS_LEN || x.abs_diff(y) > 1 {
        return None;
    }
    // Compared without allocating: this runs for every pair of words.
    if !consonant_bytes(&a.text)?.eq(consonant_bytes(&b.text)?) {
        return None;
    }
    let consonants = consonant_bytes(&a.text)?.filter(|&c| c != b'*').count();
    // A vowel changed, not the word rewritten ("Stream" / "Storm"); in
    // eight letters or more, or between four consonants or more, two
    // edits ("Mujahidin" / "Mujahideen", "Sanubar" / "Senobar"); in twelve
    // letters or more, three ([`LONG_VOWELS_LEN`]). With the same consonants, a letter more is a vowel added to a run of vowels
    // ("Souran" / "Soran", "Pooya" / "Puya"), never a vowel where the
    // other word has none ("Tesl" / "Tesla" differ in consonants).
    let long = x.min(y) >= LONG_VOWELS_LEN;
    // Long enough to say which name it is alone, as a listed name of one
    // word must be.
    let alone = long || (x.min(y) >= LONE_WORD_LEN && true_consonants(a) >= LONE_WORD_CONSONANTS);
    let edits = if long {
        3
    } else if x.max(y) >= 8 || consonants >= 4 {
        2
    } else {
        1
    };
    // Three consonants at least, or two in words of five letters: fewer
    // make other words ("Aura" / "Aero", "Mina" / "Mona")... unless the
    // words differ inside a run of two vowels, as transliterations write
    // one sound ("Nour" / "Noor", "Niru" / "Niroo").
    // One sound written two ways ("u" / "oo") may take two edits.
    let enough = consonants >= 3 || (consonants == 2 && x.min(y) >= 5);
    let edited = || osa_within(ra, rb, edits).is_some();
    // A listed name of one word has nothing else to say which name it is:
    // only one sound written with two vowels and as many letters either
    // way ("Nour" / "Noor"), not a vowel added ("Aries" / "Ares", "Daniel"
    // / "Danel"), unless the word is long enough to say it alone.
    let one_sound =
        || consonants >= 2 && (!ctx.listed_single || x == y) && differ_in_a_vowel_pair(ra, rb);
    (((!ctx.listed_single || alone) && enough && edited()) || one_sound())
        .then_some((VOWELS_SIM, PairKind::Variant { digits: false }))
}

/// The words after their first sound, when it is one: the same first
/// letter (as written), or "gh" and "q", as transliterations of Persian and
/// Arabic write one letter ("Ghods" / "Qods", the IRGC's Qods Force and
/// Ghods Aviation Industries, an alias of Qods Aviation Industries).
fn after_first_sound<'a>(a: &'a [u8], b: &'a [u8]) -> Option<(&'a [u8], &'a [u8])> {
    let gh_q = |x: &'a [u8], y: &'a [u8]| {
        (x.starts_with(b"gh") && y.first() == Some(&b'q')).then(|| (&x[2..], &y[1..]))
    };
    match (a.first(), b.first()) {
        (Some(p), Some(q)) if p == q => Some((a, b)),
        _ => gh_q(a, b).or_else(|| gh_q(b, a).map(|(y, x)| (x, y))),
    }
}

/// The consonants of a word, a leading vowel aside ([`consonant_bytes`]
/// keeps one: "Energous" has four, not five).
fn true_consonants(t: &Token) -> usize {
    consonant_bytes(&t.text).map_or(0, |b| {
        b.filter(|&c| c != b'*' && !crate::normalize::is_vowel(c))
            .count()
    })
}

/// Whether two words differ only inside one run of vowels, written two
/// ways for one sound, two vowels or more in one of them (`ou` / `oo` /
/// `u` / `o`, `ee` / `ie` / `i` / `e`, `aa` / `a`): not one vowel for
/// another (`Mina` / `Mona`) nor another pair (`ia` / `io`).
pub(super) fn differ_in_a_vowel_pair(a: &[u8], b: &[u8]) -> bool {
    let vowel = |c: &u8| crate::normalize::is_vowel(*c);
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    // The run of vowels holding the differing letters, in one word (no
    // allocation: this may run for a pair of words of every candidate).
    let run = |w: &[u8]| -> Option<std::ops::Range<usize>> {
        let (start, end) = (prefix, w.len() - suffix);
        if !w[start..end].iter().all(vowel) {
            return None;
        }
        let before = w[..start].iter().rev().take_while(|c| vowel(c)).count();
        let after = w[end..].iter().take_while(|c| vowel(c)).count();
        Some(start - before..end + after)
    };
    // The sound a run of vowels stands for, where transliterations vary.
    let sound = |r: &[u8]| match r {
        b"o" | b"u" | b"oo" | b"ou" | b"uu" => Some(b'u'),
        b"e" | b"i" | b"ee" | b"ie" | b"ii" => Some(b'i'),
        b"a" | b"aa" => Some(b'a'),
        _ => None,
    };
    match (run(a), run(b)) {
        (Some(x), Some(y)) => {
            let (x, y) = (&a[x], &b[y]);
            x.len().max(y.len()) >= 2 && sound(x).is_some() && sound(x) == sound(y)
        }
        _ => false,
    }
}
