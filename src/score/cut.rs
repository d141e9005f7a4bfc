//! Names cut at a field width. Vendor masters keep a name in a field of
//! fixed length and drop what does not fit, often inside a word: the real
//! FPDS vendor names have 39 names of exactly 80 characters and one of 81,
//! 54 of 60 and 28 of 59 ("... HOTEL & CONFERENCE CENTE"), and SAP's vendor
//! name field holds 35. A vendor's name that is the beginning of a listed
//! name, as written (case, spacing and punctuation aside), and long enough
//! to have been cut by such a field, is that name cut: the words after the
//! cut are not counted against it, whatever they are.
//!
//! ```
//! use vendor_screen::normalize::Normalizer;
//! use vendor_screen::score::{Prepared, Rule, Weights, align};
//! let n = Normalizer::new();
//! let w = Weights::default();
//! let p = |s: &str| Prepared::new(n.normalize(s), &w);
//! let listed = p("NATIONAL COMMITTEE FOR THE LIBERATION AND PROTECTION OF ALBANIAN LANDS");
//! let a = align(&p("NATIONAL COMMITTEE FOR THE LIBERATI"), &listed, 0.0).expect("aligned");
//! assert!(a.score >= 0.85, "{}", a.score);
//! assert!(a.evidence.iter().any(|e| e.rule == Rule::Cut));
//! // Too short to have been cut by a field: weighed as any other name.
//! let short = align(&p("NATIONAL COMMITTEE"), &listed, 0.0);
//! assert!(short.is_none_or(|a| a.score < 0.85));
//! ```

use super::evidence::{Evidence, Rule};
use super::weights::Prepared;

/// Fewest characters of a vendor's written key ([`written_key`]) that a
/// field cut them at: narrower fields are rare, and a shorter beginning
/// of a listed name is too little of it.
pub const MIN_CUT_CHARS: usize = 30;

/// Score of a cut name: `CUT_BASE + CUT_SPAN × share` of the listed name's
/// written key the vendor's keeps, from 0.87 (little kept) to 0.99.
pub(crate) const CUT_BASE: f64 = 0.87;
pub(crate) const CUT_SPAN: f64 = 0.12;

/// A name as written, for telling a cut: letters and digits lower-cased,
/// apostrophes left out (they join what they stand between), `&` and `+`
/// the word "and", anything else one space between words. For ASCII text,
/// the words the re-screen sieve reads, joined by spaces.
///
/// ```
/// use vendor_screen::score::cut::written_key;
/// assert_eq!(written_key("  O'Neil & Sons, CO.,  LT"), "oneil and sons co lt");
/// ```
pub fn written_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let word = |out: &mut String, gap: &mut bool, s: &str| {
        if *gap && !out.is_empty() {
            out.push(' ');
        }
        *gap = false;
        out.push_str(s);
    };
    for c in text.chars() {
        match c {
            '\'' | '`' | '\u{2019}' => {}
            c if c.is_whitespace() => gap = true,
            c if c.is_control() => {}
            '&' | '+' => {
                gap = true;
                word(&mut out, &mut gap, "and");
                gap = true;
            }
            c if c.is_alphanumeric() => {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    word(&mut out, &mut gap, l.encode_utf8(&mut buf));
                }
            }
            _ => gap = true,
        }
    }
    out
}

/// The first [`MIN_CUT_CHARS`] characters of a written key long enough to
/// be a cut: what the index files listed names under, and looks a vendor's
/// name up by.
pub(crate) fn head(key: &str) -> Option<&str> {
    let end = key.char_indices().nth(MIN_CUT_CHARS).map(|(i, _)| i);
    match end {
        Some(end) => Some(&key[..end]),
        None if key.chars().count() == MIN_CUT_CHARS => Some(key),
        None => None,
    }
}

/// The cut rule's reading of a vendor's name `q` against a listed name `l`:
/// its score and its line of explanation, when `q` is `l` cut.
pub(crate) fn check(q: &Prepared, l: &Prepared) -> Option<(f64, Evidence)> {
    let (kept, whole) = (&q.written, &l.written);
    if kept.len() >= whole.len() || !whole.starts_with(kept.as_str()) {
        return None;
    }
    head(kept)?;
    let (k, n) = (kept.chars().count(), whole.chars().count());
    let share = k as f64 / n as f64;
    let score = CUT_BASE + CUT_SPAN * share;
    let inside = whole[kept.len()..].chars().next().is_some_and(|c| c != ' ');
    let place = if inside {
        "inside a word"
    } else {
        "after a word"
    };
    Some((
        score,
        Evidence {
            rule: Rule::Cut,
            factor: 1.0,
            detail: format!(
                "the name screened is the listed name cut after {k} of its {n} characters ({place}), as a field of fixed width cuts names: the rest is not counted; score {score:.2}"
            ),
        },
    ))
}
