//! Steps 1 to 6 of the pipeline: characters to untagged tokens.
//!
//! Invisible characters are deleted, NFKC applied, look-alike letters of
//! other scripts folded, diacritics stripped, other scripts transliterated,
//! case folded; punctuation separates words, and separators are remembered
//! (a dot after a letter, a hyphen, an underscore, parentheses) for the steps
//! that need them.

use super::han::is_han;
use super::spelled;
use super::tables::RUSSIAN_LATIN;
use super::{Normalizer, StepKind, Steps};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What stands between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// The token is the first.
    Start,
    /// Spaces or punctuation other than the below.
    Space,
    /// A single dot ("A.I.C.").
    Dot,
    /// A single hyphen or underscore ("H-i-k", "H_u_a").
    Joiner,
    /// Nothing: a change of script inside a word (Chinese after Latin).
    None,
}

/// A token before tagging.
#[derive(Debug, Clone)]
pub(super) struct RawToken {
    pub text: String,
    /// The compare form as written, when a later step replaced `text`.
    pub unexpanded: Option<String>,
    pub span: Range<usize>,
    /// Set for tokens whose kind is already known (Chinese segments).
    pub kind: Option<super::TokenKind>,
    /// What separates it from the previous token.
    pub sep: Sep,
    /// Inside parentheses or brackets.
    pub paren: bool,
    /// The legal form a short first word is too, left a word of the name
    /// as likely its acronym ([`super::Token::legal_reading`]).
    pub legal_alt: Option<String>,
}

impl RawToken {
    pub fn new(text: String, span: Range<usize>) -> RawToken {
        RawToken {
            text,
            unexpanded: None,
            span,
            kind: None,
            sep: Sep::Space,
            paren: false,
            legal_alt: None,
        }
    }
}

/// A character of the working text with the byte span of its source.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ch {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// Characters that separate words and are remembered as such.
const DOT: char = '.';
const JOIN: char = '-';
const OPEN: char = '(';
const CLOSE: char = ')';

impl Normalizer {
    /// Steps 1 to 6: characters to untagged tokens, with `rec` told of every
    /// step that changed something.
    pub(super) fn raw_tokens(&self, text: &str, mut steps: Option<&mut Steps>) -> Vec<RawToken> {
        let mut rec = |kind: StepKind, detail: String| {
            if let Some(s) = steps.as_deref_mut() {
                s.push(kind, detail);
            }
        };
        let mut chars = invisible_and_nfkc(text, &mut rec);
        self.fold_confusables(text, &mut chars, &mut rec);
        lower_l_in_capitals(text, &mut chars, &mut rec);
        let out = self.to_compare_chars(text, chars, &mut rec);
        let tokens = self.split_words(text, &out, &mut rec);
        let tokens = spelled::join_initials(text, tokens, &mut rec);
        spelled::join_spelled_letters(text, tokens, &mut rec)
    }

    /// Step 3: look-alike letters of other scripts are read as the Latin
    /// letters they imitate inside a word of Latin and look-alike letters
    /// only, when the word has a Latin letter or the name other Latin words
    /// (`Huаwei`, `НUАWЕІ` beside `Technologies`). A word of a name written
    /// in another script is transliterated instead (`ООО Газпром`).
    fn fold_confusables(
        &self,
        text: &str,
        chars: &mut [Ch],
        rec: &mut dyn FnMut(StepKind, String),
    ) {
        let words: Vec<(Range<usize>, usize, usize, usize)> = word_ranges(chars)
            .into_iter()
            .map(|range| {
                let (mut latin, mut foldable, mut other) = (0, 0, 0);
                for ch in &chars[range.clone()] {
                    if is_latin_letter(ch.c) {
                        latin += 1;
                    } else if self.confusables.contains_key(&ch.c) {
                        foldable += 1;
                    } else if ch.c.is_alphabetic() {
                        other += 1;
                    }
                }
                (range, latin, foldable, other)
            })
            .collect();
        let latin_context = words.iter().any(|w| w.1 > 0 && w.2 == 0 && w.3 == 0);
        for (range, latin, foldable, other) in words {
            if foldable == 0 || other > 0 || (latin == 0 && !latin_context) {
                continue;
            }
            let word = &text[chars[range.start].start..chars[range.end - 1].end];
            let mut folded = Vec::new();
            let mut script = "non-Latin";
            for ch in &mut chars[range.clone()] {
                if let Some(&l) = self.confusables.get(&ch.c) {
                    script = script_name(ch.c);
                    folded.push((ch.c, l));
                    ch.c = l;
                }
            }
            let to: String = chars[range].iter().map(|c| c.c).collect();
            let detail = match folded.as_slice() {
                [(from, to)] => format!(
                    "folded {script} '{from}' to '{to}' in '{word}' (look-alike letter: possible evasion)"
                ),
                _ => format!(
                    "read '{word}' as '{to}': {} look-alike {script} letters (possible evasion)",
                    folded.len()
                ),
            };
            rec(StepKind::FoldedConfusable, detail);
        }
    }

    /// Steps 4 to 6: diacritics, transliteration, case; punctuation becomes a
    /// space, a dot, a joiner or a parenthesis.
    fn to_compare_chars(
        &self,
        text: &str,
        chars: Vec<Ch>,
        rec: &mut dyn FnMut(StepKind, String),
    ) -> Vec<Ch> {
        let mut out: Vec<Ch> = Vec::with_capacity(chars.len());
        let mut translit_run: Option<(usize, usize, String)> = None;
        let flush = |run: &mut Option<(usize, usize, String)>,
                     rec: &mut dyn FnMut(StepKind, String)| {
            if let Some((s, e, to)) = run.take() {
                let from = &text[s..e];
                rec(
                    StepKind::Transliterated,
                    format!(
                        "transliterated {} '{}' to '{}'",
                        script_name(from.chars().next().unwrap_or(' ')),
                        from,
                        to
                    ),
                );
            }
        };
        for ch in chars {
            let c = ch.c;
            if c.is_ascii_alphanumeric() {
                flush(&mut translit_run, rec);
                out.push(Ch {
                    c: c.to_ascii_lowercase(),
                    ..ch
                });
            } else if is_han(c) {
                flush(&mut translit_run, rec);
                out.push(ch);
            } else if matches!(
                c,
                '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{02BC}'
            ) {
                // Apostrophes join: Xi'an, O'Brien.
            } else if c == '&' || c == '+' {
                flush(&mut translit_run, rec);
                for a in [' ', 'a', 'n', 'd', ' '] {
                    out.push(Ch { c: a, ..ch });
                }
            } else if c == '.' {
                flush(&mut translit_run, rec);
                out.push(Ch { c: DOT, ..ch });
            } else if matches!(c, '-' | '_' | '\u{2010}' | '\u{2011}') {
                flush(&mut translit_run, rec);
                out.push(Ch { c: JOIN, ..ch });
            } else if matches!(c, '(' | '[' | '{') {
                flush(&mut translit_run, rec);
                out.push(Ch { c: OPEN, ..ch });
            } else if matches!(c, ')' | ']' | '}') {
                flush(&mut translit_run, rec);
                out.push(Ch { c: CLOSE, ..ch });
            } else if c.is_alphanumeric() || is_combining_mark(c) {
                self.transliterate(ch, &mut out, &mut translit_run, rec);
            } else {
                flush(&mut translit_run, rec);
                out.push(Ch { c: ' ', ..ch });
            }
        }
        flush(&mut translit_run, rec);
        out
    }

    /// Strips a character's diacritics and transliterates what is left.
    fn transliterate(
        &self,
        ch: Ch,
        out: &mut Vec<Ch>,
        run: &mut Option<(usize, usize, String)>,
        rec: &mut dyn FnMut(StepKind, String),
    ) {
        // Before the diacritics go: й and ё are letters of their own.
        if let Some(latin) = russian_latin(ch.c) {
            push_transliterated(latin, ch, out, run);
            return;
        }
        let mut base = String::new();
        let mut stripped = false;
        for d in std::iter::once(ch.c).nfd() {
            if is_combining_mark(d) {
                stripped = true;
            } else {
                base.push(d);
            }
        }
        if stripped && !base.is_empty() {
            rec(
                StepKind::StrippedDiacritic,
                format!("stripped diacritic: '{}' to '{base}'", ch.c),
            );
        }
        for b in base.chars() {
            if b.is_ascii_alphanumeric() {
                out.push(Ch {
                    c: b.to_ascii_lowercase(),
                    ..ch
                });
                continue;
            }
            let latin = deunicode::deunicode_char(b).unwrap_or("");
            push_transliterated(latin, ch, out, run);
        }
    }

    /// Tokens: ASCII runs and segmented Chinese runs, each with what
    /// separates it from the previous one and whether it is in parentheses.
    fn split_words(
        &self,
        text: &str,
        out: &[Ch],
        rec: &mut dyn FnMut(StepKind, String),
    ) -> Vec<RawToken> {
        let mut tokens: Vec<RawToken> = Vec::new();
        let mut i = 0;
        let mut seps = String::new();
        let mut depth = 0usize;
        while i < out.len() {
            let c = out[i].c;
            if matches!(c, ' ' | DOT | JOIN | OPEN | CLOSE) {
                match c {
                    OPEN => depth += 1,
                    CLOSE => depth = depth.saturating_sub(1),
                    _ => {}
                }
                seps.push(c);
                i += 1;
                continue;
            }
            let han = is_han(c);
            let mut j = i;
            while j < out.len()
                && !matches!(out[j].c, ' ' | DOT | JOIN | OPEN | CLOSE)
                && is_han(out[j].c) == han
            {
                j += 1;
            }
            let sep = if tokens.is_empty() {
                Sep::Start
            } else {
                match seps.as_str() {
                    "" => Sep::None,
                    "." => Sep::Dot,
                    "-" => Sep::Joiner,
                    _ => Sep::Space,
                }
            };
            if han {
                let segs = self.segment_han(&out[i..j]);
                let shown: Vec<&str> = segs.iter().map(|t| t.text.as_str()).collect();
                rec(
                    StepKind::Segmented,
                    format!(
                        "segmented Chinese '{}' into {}",
                        &text[out[i].start..out[j - 1].end],
                        shown.join(" | ")
                    ),
                );
                for (k, mut s) in segs.into_iter().enumerate() {
                    s.sep = if k == 0 { sep } else { Sep::None };
                    s.paren = depth > 0;
                    tokens.push(s);
                }
            } else {
                let mut t = RawToken::new(
                    out[i..j].iter().map(|ch| ch.c).collect(),
                    out[i].start..out[j - 1].end,
                );
                t.sep = sep;
                t.paren = depth > 0;
                tokens.push(t);
            }
            seps.clear();
            i = j;
        }
        tokens
    }
}

/// Step 3 too: a lower-case `l` in a word written in capitals is a capital
/// `I` typed or forged as its look-alike (`HlKVlSlON`, `COMMUNlCATlONS`):
/// a word of two capital Latin letters or more whose only lower-case
/// letters are `l` reads each as `I`. A word with another lower-case letter
/// is written in mixed case ("McDonald", "LLoyd") and stays as written.
fn lower_l_in_capitals(text: &str, chars: &mut [Ch], rec: &mut dyn FnMut(StepKind, String)) {
    for Range { start: i, end: j } in word_ranges(chars) {
        if lower_l_reads_as_i(chars[i..j].iter().map(|c| c.c)) {
            let written = &text[chars[i].start..chars[j - 1].end];
            for ch in &mut chars[i..j] {
                if ch.c == 'l' {
                    ch.c = 'I';
                }
            }
            let read: String = chars[i..j].iter().map(|c| c.c).collect();
            rec(
                StepKind::FoldedConfusable,
                format!(
                    "read '{written}' as '{read}': a lower-case l for a capital I in a word in capitals (look-alike letter: possible evasion)"
                ),
            );
        }
    }
}

/// Whether a word's letters are two capitals or more and, lower-case,
/// only `l`, each of which [`lower_l_in_capitals`] reads as `I` (and the
/// rescreen sieve, which splits words without normalising them).
pub(crate) fn lower_l_reads_as_i(word: impl Iterator<Item = char>) -> bool {
    let (mut capitals, mut ls, mut other) = (0, 0, 0);
    for c in word {
        if c.is_ascii_uppercase() {
            capitals += 1;
        } else if c == 'l' {
            ls += 1;
        } else if c.is_lowercase() {
            other += 1;
        }
    }
    capitals >= 2 && ls > 0 && other == 0
}

/// The words of `chars`: its runs of word characters.
fn word_ranges(chars: &[Ch]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_word_char(chars[i].c) {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

/// Steps 1 and 2: invisible characters deleted, NFKC.
fn invisible_and_nfkc(text: &str, rec: &mut dyn FnMut(StepKind, String)) -> Vec<Ch> {
    let mut chars: Vec<Ch> = Vec::with_capacity(text.len());
    let mut nfkc_run: Option<(usize, usize, String)> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if let Some(what) = invisible(c) {
            rec(
                StepKind::RemovedInvisible,
                format!("removed {what} (U+{:04X})", c as u32),
            );
            continue;
        }
        let start_len = chars.len();
        chars.extend(std::iter::once(c).nfkc().map(|n| Ch {
            c: n,
            start: i,
            end,
        }));
        let changed = chars.len() - start_len != 1 || chars[start_len].c != c;
        if changed {
            let run = nfkc_run.get_or_insert((i, end, String::new()));
            run.1 = end;
            run.2.extend(chars[start_len..].iter().map(|ch| ch.c));
        } else if let Some((s, e, to)) = nfkc_run.take() {
            rec(StepKind::Nfkc, format!("NFKC: '{}' to '{to}'", &text[s..e]));
        }
    }
    if let Some((s, e, to)) = nfkc_run.take() {
        rec(StepKind::Nfkc, format!("NFKC: '{}' to '{to}'", &text[s..e]));
    }
    chars
}

/// Describes an invisible character to delete, or `None`.
fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{FEFF}' => "byte order mark",
        '\u{00AD}' => "soft hyphen",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible operator",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "bidirectional mark"
        }
        '\u{034F}' => "combining grapheme joiner",
        '\u{180E}' => "Mongolian vowel separator",
        '\u{0080}'..='\u{009F}' => "C1 control character",
        '\u{0000}'..='\u{0008}' | '\u{000E}'..='\u{001F}' | '\u{007F}' => "control character",
        _ => return None,
    })
}

/// Whether `c` is a character the normaliser deletes as invisible.
pub(super) fn is_invisible(c: char) -> bool {
    invisible(c).is_some()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
}

fn script_name(c: char) -> &'static str {
    match c {
        '\u{0400}'..='\u{052F}' => "Cyrillic",
        '\u{0370}'..='\u{03FF}' => "Greek",
        '\u{0590}'..='\u{05FF}' => "Hebrew",
        '\u{0600}'..='\u{06FF}' => "Arabic",
        '\u{3040}'..='\u{30FF}' => "Japanese",
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => "Korean",
        _ => "non-Latin",
    }
}

/// Pushes the Latin letters and spaces of a transliterated character and
/// records them in the run the explanation reports.
fn push_transliterated(
    latin: &str,
    ch: Ch,
    out: &mut Vec<Ch>,
    run: &mut Option<(usize, usize, String)>,
) {
    let r = run.get_or_insert((ch.start, ch.end, String::new()));
    r.1 = ch.end;
    for l in latin.chars() {
        let l = l.to_ascii_lowercase();
        if l.is_ascii_alphanumeric() {
            r.2.push(l);
            out.push(Ch { c: l, ..ch });
        } else if l == ' ' {
            out.push(Ch { c: ' ', ..ch });
        }
    }
}

/// A Russian letter in Latin as the lists romanise it ([`RUSSIAN_LATIN`]),
/// either case.
fn russian_latin(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next()?;
    RUSSIAN_LATIN
        .iter()
        .find(|(r, _)| *r == lower)
        .map(|(_, latin)| *latin)
}
