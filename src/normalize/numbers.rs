//! Numbers written several ways are one number: `13th` and `13`, `First` and
//! `1st`, `Forty-Four` and `44`, `III` and `3` (Roman numerals of 2 to 20
//! after the first word). An ordinal and a cardinal word of the same value
//! stay apart ([`is_ordinal`]): "First Class" is not "One Class".

use super::chars::{RawToken, Sep};
use super::{StepKind, Steps};

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const ORDINAL_UNITS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINAL_TENS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];
/// Roman numerals of 2 to 20 with their values, less those that are as often
/// letters or given names (`v`, `x`, `vi`, `ix`, `xi`: "Zhang Xi").
const ROMAN: [(&str, u32); 14] = [
    ("ii", 2),
    ("iii", 3),
    ("iv", 4),
    ("vii", 7),
    ("viii", 8),
    ("xii", 12),
    ("xiii", 13),
    ("xiv", 14),
    ("xv", 15),
    ("xvi", 16),
    ("xvii", 17),
    ("xviii", 18),
    ("xix", 19),
    ("xx", 20),
];

/// The value of a number word below 20 or a multiple of ten below 100.
fn word_value(w: &str) -> Option<(u32, bool)> {
    if let Some(i) = UNITS.iter().position(|&u| u == w) {
        return Some((i as u32, false));
    }
    if let Some(i) = ORDINAL_UNITS.iter().position(|&u| u == w) {
        return Some((i as u32, false));
    }
    let tens = |table: &[&str; 8]| table.iter().position(|&u| u == w);
    tens(&TENS)
        .or_else(|| tens(&ORDINAL_TENS))
        .map(|i| (20 + 10 * i as u32, true))
}

/// `13th` → `13`.
fn ordinal_digits(t: &str) -> Option<String> {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[digits.len()..];
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th"))
    .then(|| digits.to_string())
}

/// Whether a number as written is an ordinal (`First`, `13th`: true) or a
/// cardinal (`One`, `Forty`, `III`: false); `None` for digits alone, which
/// stand for either ("CETC 13" is its 13th Research Institute). "First
/// Class" is not "One Class".
pub(crate) fn is_ordinal(written: &str) -> Option<bool> {
    if ordinal_digits(written).is_some()
        || ORDINAL_UNITS.contains(&written)
        || ORDINAL_TENS.contains(&written)
    {
        Some(true)
    } else if UNITS.contains(&written)
        || TENS.contains(&written)
        || ROMAN.iter().any(|(r, _)| *r == written)
    {
        Some(false)
    } else {
        None
    }
}

/// Whether the number step may read a token written so as a number (a
/// number word, an ordinal, a Roman numeral): its text is then digits.
pub(crate) fn reads_as_number(t: &str) -> bool {
    word_value(t).is_some() || ordinal_digits(t).is_some() || ROMAN.iter().any(|(r, _)| *r == t)
}

/// The words [`reads_as_number`] reads, but ordinals written with digits
/// (`13th`, which begin with a digit).
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    UNITS
        .iter()
        .chain(&ORDINAL_UNITS)
        .chain(&TENS)
        .chain(&ORDINAL_TENS)
        .copied()
        .chain(ROMAN.iter().map(|(r, _)| *r))
}

/// Rewrites number words, ordinals and Roman numerals as digits, recording
/// what it read.
pub(super) fn read_numbers(text: &str, tokens: Vec<RawToken>, steps: &mut Steps) -> Vec<RawToken> {
    let mut out: Vec<RawToken> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind.is_some() {
            out.push(t.clone());
            i += 1;
            continue;
        }
        if let Some(digits) = ordinal_digits(&t.text) {
            let mut t = t.clone();
            // Kept as written: an ordinal is no cardinal ([`is_ordinal`]).
            t.unexpanded = Some(std::mem::replace(&mut t.text, digits));
            out.push(t);
            i += 1;
            continue;
        }
        if let Some((value, tens)) = word_value(&t.text) {
            let mut n = t.clone();
            let mut value = value;
            // "forty-four", "forty four"
            if tens {
                if let Some(next) = tokens.get(i + 1) {
                    if let Some((unit, false)) = word_value(&next.text) {
                        if (1..10).contains(&unit) && matches!(next.sep, Sep::Joiner | Sep::Space) {
                            value += unit;
                            n.span.end = next.span.end;
                            i += 1;
                        }
                    }
                }
            }
            n.unexpanded = Some(std::mem::replace(&mut n.text, value.to_string()));
            steps.push(
                StepKind::Number,
                format!("read '{}' as the number {value}", &text[n.span.clone()]),
            );
            out.push(n);
            i += 1;
            continue;
        }
        if let Some(&(_, value)) = ROMAN.iter().find(|(r, _)| *r == t.text).filter(|_| i > 0) {
            let mut n = t.clone();
            n.unexpanded = Some(std::mem::replace(&mut n.text, value.to_string()));
            steps.push(
                StepKind::Number,
                format!("read Roman numeral '{}' as {value}", &text[n.span.clone()]),
            );
            out.push(n);
            i += 1;
            continue;
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::normalize::Normalizer;

    /// A token begins with a digit, or is one of `number_words`, when the
    /// number step reads it.
    #[test]
    fn number_words_are_what_the_number_step_reads() {
        let words: Vec<&str> = super::number_words().collect();
        assert!(words.iter().all(|w| super::reads_as_number(w)));
        for w in ["one", "forty", "ninetieth", "xiv", "13th", "2nd"] {
            assert!(super::reads_as_number(w), "{w}");
        }
        let names = std::fs::read_to_string("../shared/data/vendors/fpds-vendor-names.txt")
            .expect("the real vendor names");
        for w in names.split(|c: char| !c.is_ascii_alphanumeric()) {
            let w = w.to_ascii_lowercase();
            if super::reads_as_number(&w) {
                assert!(
                    w.starts_with(|c: char| c.is_ascii_digit()) || words.contains(&w.as_str()),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn numbers_written_as_words_ordinals_and_numerals() {
        let n = Normalizer::new();
        let text = |s: &str| n.normalize(s).text();
        assert_eq!(text("CETC 13th Institute"), "cetc 13 institute");
        assert_eq!(text("First Bank"), text("1st Bank"));
        assert_eq!(text("Forty-Four Holdings LLC"), text("44 Holdings LLC"));
        assert_eq!(text("Forty Four Holdings"), text("44 Holdings"));
        assert_eq!(text("Fund III"), text("Fund 3"));
        assert_eq!(text("Louis XIV"), "louis 14");
        assert_eq!(
            text("Vision Systems"),
            "vision systems",
            "a word, not a numeral"
        );
        assert_eq!(text("III Systems"), "iii systems", "first word: not read");
        assert_eq!(text("Zhang Xi"), "zhang xi", "a given name, not 11");
    }
}
