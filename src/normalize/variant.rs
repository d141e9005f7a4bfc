//! Second compare forms of a word, for spellings that differ in letters but
//! not in what they say:
//!
//! - the *stem* of an organisation word (`technologies`, `technology` →
//!   `technolog`; `industrial`, `industries` → `industri`), from the Snowball
//!   English stemmer;
//! - the *variant key* of a word: digits standing for letters inside it read
//!   as letters (`hikv1sion`, `d4hua`, `zt3`: a possible evasion), and the
//!   spellings transliteration varies folded (`c`/`q` → `k`, `ph` → `f`,
//!   final `ce` → `s`, `y` → `i`, `w` → `v`, `z` → `s`, double letters once,
//!   final `e` dropped, an initial `l` before a consonant read as `i`):
//!   `Kapital` / `Capital`, `Finans` / `Finance`, `Telekom` / `Telecom`.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The stem of a word (Snowball English).
///
/// ```
/// use vendor_screen::normalize::stem;
/// assert_eq!(stem("technologies"), stem("technology"));
/// assert_eq!(stem("industrial"), stem("industries"));
/// assert_ne!(stem("electronics"), stem("electric"));
/// ```
pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// The letter a digit stands for inside a word.
fn digit_letter(d: u8) -> Option<u8> {
    Some(match d {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'7' => b't',
        b'8' => b'b',
        _ => return None,
    })
}

/// Reads the digits of a word of letters and digits as the letters they
/// stand for, when it has at least two letters, does not start with a digit
/// and every digit stands for a letter: `hikv1sion` → `hikvision`,
/// `zt3` → `zte`; `3m`, `f16`, `b2b` are left alone.
///
/// ```
/// use vendor_screen::normalize::digits_as_letters;
/// assert_eq!(digits_as_letters("d4hua").as_deref(), Some("dahua"));
/// assert_eq!(digits_as_letters("3m"), None);
/// assert_eq!(digits_as_letters("2024"), None);
/// ```
pub fn digits_as_letters(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if letters < 2 || b.len() < 3 || !b[0].is_ascii_alphabetic() || letters == b.len() {
        return None;
    }
    b.iter()
        .map(|&c| {
            if c.is_ascii_digit() {
                digit_letter(c).map(char::from)
            } else {
                Some(char::from(c))
            }
        })
        .collect()
}

/// An initial `l` before a consonant is a capital `I` typed or read as a
/// lower-case `L` (`lndustry`, `lntelligent`).
pub(crate) fn initial_l_as_i(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (b.len() >= 4
        && b[0] == b'l'
        && !matches!(b[1], b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l'))
    .then(|| format!("i{}", &text[1..]))
}

/// The variant key of a word (see the module documentation), or `None` when
/// it is the word itself or the word is too short to vary.
///
/// ```
/// use vendor_screen::normalize::variant_key;
/// let key = |w: &str| variant_key(w).unwrap_or_else(|| w.to_string());
/// assert_eq!(key("kapital"), key("capital"));
/// assert_eq!(key("finans"), key("finance"));
/// assert_eq!(key("hikv1sion"), key("hikvision"));
/// assert_eq!(key("zt3"), "zte");
/// assert_ne!(key("dover"), key("rover"));
/// ```
pub fn variant_key(text: &str) -> Option<String> {
    let letters = digits_as_letters(text);
    let word = letters.as_deref().unwrap_or(text);
    if !word.bytes().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // Spelling variants of short words are other words, or other acronyms
    // ("CRRC" / "CRCC").
    if word.len() < 5 {
        return letters;
    }
    let word = initial_l_as_i(word).unwrap_or_else(|| word.to_string());
    let word = match word.strip_suffix("ce") {
        Some(stem) => format!("{stem}s"),
        None => word,
    };
    let b = word.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = match (b[i], b.get(i + 1)) {
            (b'p', Some(b'h')) => {
                i += 1;
                b'f'
            }
            (b'c', Some(b'k')) => {
                i += 1;
                b'k'
            }
            (b'c' | b'q', _) => b'k',
            (b'y', _) => b'i',
            (b'w', _) => b'v',
            (b'z', _) => b's',
            (c, _) => c,
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
        i += 1;
    }
    if out.len() > 3 && out.last() == Some(&b'e') {
        out.pop();
    }
    let key = String::from_utf8(out).ok()?;
    (key != text).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_inflections_of_organisation_words() {
        for (a, b) in [
            ("technologies", "technology"),
            ("technological", "technology"),
            ("industrial", "industry"),
            ("industries", "industry"),
            ("electronics", "electronic"),
            ("services", "service"),
            ("communications", "communication"),
            ("manufacturing", "manufacturer"),
            ("holdings", "holding"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn variant_keys() {
        let key = |w: &str| variant_key(w).unwrap_or_else(|| w.to_string());
        for (a, b, why) in [
            ("kapital", "capital", "transliteration k/c"),
            ("telekom", "telecom", "transliteration k/c"),
            ("finans", "finance", "final -ce"),
            ("hytera", "hitera", "y/i"),
            ("hikv1sion", "hikvision", "digit for a letter"),
            ("d4hua", "dahua", "digit for a letter"),
            ("lndustry", "industry", "lower-case L for a capital I"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}: {why}");
        }
        for (a, b, why) in [
            ("dahua", "dahau", "a transposition is a typo, not a variant"),
            ("lloyd", "iioyd", "double l is not a look-alike"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}: {why}");
        }
    }
}
