//! Limits on what one vendor may ask of the screener, so that the cost of
//! screening any input is bounded.
//!
//! A name is screened only when it has a letter or a digit and is at most
//! [`MAX_NAME_CHARS`] characters and [`MAX_NAME_TOKENS`] tokens long; a
//! vendor has at most [`MAX_NAMES`] names in all (its own, aliases, owners).
//! The limits admit any real company name many times over (the longest name
//! on every list in `../shared/data` has under 400 characters) while a
//! one-megabyte name is rejected after one pass over its bytes.
//!
//! Tokens are counted as the normaliser will see them: a run of letters or
//! digits is one token, and so is each Chinese, Japanese or Korean character
//! (each is transliterated to a syllable of its own).
//!
//! Below the limits, the time to screen a name grows linearly with its
//! length: a long name is paired with a listed name only through the words
//! that could pair with the listed name's own, looked up rather than
//! scanned; the time per KB of real vendor words stays about the same from
//! 1 KB to the 2,048-word limit (`cargo bench --bench screen --
//! name_length`; the README has the figures). Each hit costs in proportion
//! to the name's length too: its explanation lists the name's words.
//!
//! ```
//! use vendor_screen::limits::{check_name, NameProblem, MAX_NAME_CHARS};
//! assert_eq!(check_name("Hikvision"), Ok(()));
//! assert_eq!(check_name(" \0\0 "), Err(NameProblem::Empty));
//! assert_eq!(check_name("---"), Err(NameProblem::NoLetterOrDigit));
//! let long = "a".repeat(MAX_NAME_CHARS + 1);
//! assert_eq!(check_name(&long), Err(NameProblem::TooLong { chars: MAX_NAME_CHARS + 1 }));
//! ```

use std::fmt;

/// The longest name screened, in characters (16 KiB).
pub const MAX_NAME_CHARS: usize = 16_384;

/// The most tokens a screened name may have.
pub const MAX_NAME_TOKENS: usize = 2_048;

/// The most names one vendor may carry: its own, its aliases and every owner
/// at every level.
pub const MAX_NAMES: usize = 256;

/// Why a name cannot be screened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameProblem {
    /// Nothing but white space, control or invisible characters.
    Empty,
    /// Characters, but no letter or digit ("---", "&").
    NoLetterOrDigit,
    /// Longer than [`MAX_NAME_CHARS`].
    TooLong {
        /// Its length in characters (counted up to where it was stopped).
        chars: usize,
    },
    /// More tokens than [`MAX_NAME_TOKENS`].
    TooManyTokens {
        /// Its tokens.
        tokens: usize,
    },
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::Empty => write!(f, "empty name"),
            NameProblem::NoLetterOrDigit => write!(f, "the name has no letter or digit"),
            NameProblem::TooLong { chars } => write!(
                f,
                "the name is {chars} characters long, over the limit of {MAX_NAME_CHARS}"
            ),
            NameProblem::TooManyTokens { tokens } => write!(
                f,
                "the name has {tokens} words, over the limit of {MAX_NAME_TOKENS}"
            ),
        }
    }
}

/// Whether `c` is a Chinese, Japanese or Korean character, which the
/// normaliser turns into a token of its own.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}' // CJK Extension A
        | '\u{4e00}'..='\u{9fff}' // CJK Unified Ideographs
        | '\u{ac00}'..='\u{d7af}' // Hangul syllables
        | '\u{f900}'..='\u{faff}' // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{3134f}')
}

/// Checks one name against the limits, in one pass that stops as soon as a
/// limit is passed.
///
/// ```
/// use vendor_screen::limits::{check_name, NameProblem};
/// assert_eq!(check_name("杭州海康威视数字技术股份有限公司"), Ok(()));
/// let many = "a ".repeat(3000);
/// assert!(matches!(check_name(&many), Err(NameProblem::TooManyTokens { .. })));
/// ```
pub fn check_name(name: &str) -> Result<(), NameProblem> {
    // A character is at most 4 bytes: a longer byte string is too long for sure.
    if name.len() > 4 * MAX_NAME_CHARS {
        return Err(NameProblem::TooLong {
            chars: name.chars().take(MAX_NAME_CHARS * 4).count(),
        });
    }
    let (mut chars, mut tokens, mut in_word) = (0usize, 0usize, false);
    let mut printable = false;
    for c in name.chars() {
        chars += 1;
        if c.is_alphanumeric() {
            if is_cjk(c) {
                tokens += 1;
                in_word = false;
            } else if !in_word {
                tokens += 1;
                in_word = true;
            }
        } else {
            in_word = false;
            if !c.is_whitespace() && !c.is_control() && !is_invisible(c) {
                printable = true;
            }
        }
    }
    if chars > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong { chars });
    }
    if tokens > MAX_NAME_TOKENS {
        return Err(NameProblem::TooManyTokens { tokens });
    }
    match (tokens, printable) {
        (0, false) => Err(NameProblem::Empty),
        (0, true) => Err(NameProblem::NoLetterOrDigit),
        _ => Ok(()),
    }
}

/// Format characters the normaliser deletes (zero-width spaces and joiners,
/// BOM, soft hyphen, bidirectional marks).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ten_kilobyte_name_is_admitted_and_a_megabyte_rejected_quickly() {
        let word = "Hikvision ";
        let ten_kb = word.repeat(1024);
        assert_eq!(check_name(&ten_kb), Ok(()));
        let mb = "x".repeat(1 << 20);
        let t = std::time::Instant::now();
        assert!(matches!(check_name(&mb), Err(NameProblem::TooLong { .. })));
        assert!(t.elapsed().as_millis() < 10);
    }

    #[test]
    fn limits_are_exact() {
        assert_eq!(check_name(&"a".repeat(MAX_NAME_CHARS)), Ok(()));
        let tokens = "a ".repeat(MAX_NAME_TOKENS);
        assert_eq!(check_name(tokens.trim_end()), Ok(()));
        assert_eq!(
            check_name(&"a ".repeat(MAX_NAME_TOKENS + 1)),
            Err(NameProblem::TooManyTokens {
                tokens: MAX_NAME_TOKENS + 1
            })
        );
        assert_eq!(check_name("\u{200b}\u{feff}"), Err(NameProblem::Empty));
        assert_eq!(check_name(""), Err(NameProblem::Empty));
    }
}
