//! Name normalisation: a fixed pipeline that turns a name into tagged tokens
//! and records every step that changed something, so an explanation can show it.
//!
//! The steps, in order:
//! 1. delete invisible format characters (zero-width spaces and joiners, BOM,
//!    soft hyphen, bidirectional marks) and C1 control characters (mojibake for
//!    lost apostrophes);
//! 2. NFKC (full-width letters, ligatures);
//! 3. fold look-alike letters of other scripts inside a mostly-Latin word
//!    (a Cyrillic `а` in `Huаwei`: recorded as a possible evasion); a word
//!    that is mostly Cyrillic or Greek is left for step 5;
//! 4. strip diacritics;
//! 5. transliterate other scripts to Latin (Cyrillic, Greek, ...); Chinese
//!    characters are segmented first (legal forms such as `股份有限公司`,
//!    places and generic words found inside unspaced names), the rest becomes
//!    pinyin;
//! 6. case fold; `&` becomes `and`; apostrophes join (`Xi'an` → `xian`);
//!    dotted initials join (`A.I.C.` → `aic`); other punctuation separates;
//! 7. tag tokens: legal form (table derived from opensanctions/rigour,
//!    longest phrase wins), abbreviation expanded (`tech` → `technology`),
//!    place, generic word, number, or distinctive.
//!
//! Tokens are tagged, never deleted, and keep their byte span in the original.
//!
//! ```
//! use vendor_screen::normalize::{Normalizer, TokenKind};
//!
//! let n = Normalizer::new();
//! let name = n.normalize("HANGZHOU HIKVISION DIGITAL TECH CO LTD");
//! assert_eq!(name.text(), "hangzhou hikvision digital technology co ltd");
//! let kinds: Vec<TokenKind> = name.tokens.iter().map(|t| t.kind).collect();
//! use TokenKind::*;
//! assert_eq!(kinds, [Place, Distinctive, Generic, Generic, LegalForm, LegalForm]);
//! assert_eq!(&name.original[name.tokens[1].span.clone()], "HIKVISION");
//! ```

mod tables;

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use tables::{ABBREVIATIONS, CONFUSABLES, GENERIC, HAN_WORDS, HanKind, LEGAL_FORMS_TSV, PLACES};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What a token is, which decides how much it weighs in a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A legal form ("Co., Ltd.", "GmbH", "ООО", "股份有限公司"): weighs almost nothing.
    LegalForm,
    /// A generic organisation word ("technology", "group", "trading").
    Generic,
    /// A place ("Hangzhou", "USA", "China").
    Place,
    /// A number (compared strictly).
    Number,
    /// Anything else: the words that say who the company is.
    Distinctive,
}

/// One token of a normalised name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Token {
    /// The compare form: lower-case ASCII letters and digits.
    pub text: String,
    /// What the token is.
    pub kind: TokenKind,
    /// Byte range of the token in the original text.
    pub span: Range<usize>,
    /// The compare form before an abbreviation was expanded (`tech` for
    /// `technology`), used to find split and merged words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unexpanded: Option<String>,
}

impl Token {
    /// The compare form as written, before any abbreviation was expanded:
    /// what split and merged words are joined from.
    pub(crate) fn unexpanded_text(&self) -> &str {
        self.unexpanded.as_deref().unwrap_or(&self.text)
    }
}

/// What a normalisation step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// An invisible or control character was deleted.
    RemovedInvisible,
    /// NFKC changed a character (full-width, ligature).
    Nfkc,
    /// A look-alike letter of another script was folded to Latin.
    FoldedConfusable,
    /// A diacritic was stripped.
    StrippedDiacritic,
    /// A word of another script was transliterated.
    Transliterated,
    /// An unspaced Chinese name was segmented.
    Segmented,
    /// Dotted initials were joined.
    JoinedInitials,
    /// A legal form was recognised (and is ignored in comparisons).
    LegalForm,
    /// An abbreviation was expanded.
    Expanded,
}

/// One recorded step, with a readable detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// What kind of step.
    pub kind: StepKind,
    /// What it did, e.g. `folded Cyrillic 'а' to 'a' in 'Huаwei' (look-alike letter)`.
    pub detail: String,
}

/// A normalised name: the original, its tokens and the steps that changed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Normalized {
    /// The name as written.
    pub original: String,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Steps that changed something, in pipeline order.
    pub steps: Vec<Step>,
}

impl Normalized {
    /// The compare forms of all tokens, joined by single spaces.
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// assert_eq!(n.normalize("Ｈｕａｗｅｉ  Technologies Co., Ltd.").text(), "huawei technologies co ltd");
    /// ```
    pub fn text(&self) -> String {
        let mut out = String::new();
        for t in &self.tokens {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t.text);
        }
        out
    }

    /// Whether any token is distinctive (a name of legal forms and generic
    /// words only has none, and matches nothing on its own).
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// assert!(!n.normalize("China Technology Group Co., Ltd.").has_distinctive());
    /// assert!(n.normalize("Hytera Communications").has_distinctive());
    /// ```
    pub fn has_distinctive(&self) -> bool {
        self.tokens
            .iter()
            .any(|t| matches!(t.kind, TokenKind::Distinctive | TokenKind::Number))
    }
}

/// Token phrases (legal forms, places), longest match first.
#[derive(Debug, Clone, Default)]
struct PhraseTable {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl PhraseTable {
    fn insert(&mut self, words: Vec<String>) {
        if let Some(first) = words.first() {
            let entry = self.by_first.entry(first.clone()).or_default();
            if !entry.contains(&words) {
                entry.push(words);
                entry.sort_by_key(|w| std::cmp::Reverse(w.len()));
            }
        }
    }

    /// Length in tokens of the longest phrase starting at `tokens[i]`.
    fn longest_at(&self, tokens: &[RawToken], i: usize) -> usize {
        let Some(cands) = self.by_first.get(&tokens[i].text) else {
            return 0;
        };
        for phrase in cands {
            let end = i + phrase.len();
            if end <= tokens.len()
                && tokens[i..end]
                    .iter()
                    .zip(phrase)
                    .all(|(t, p)| t.text == *p && t.kind.is_none())
            {
                return phrase.len();
            }
        }
        0
    }
}

/// The normaliser: its tables are built once (parsing the embedded legal-form
/// table) and then used for every name. It does no I/O.
///
/// ```
/// let n = vendor_screen::normalize::Normalizer::new();
/// let name = n.normalize("Hu\u{0430}wei\u{200B} Technologies");
/// assert_eq!(name.text(), "huawei technologies");
/// assert!(name.steps.iter().any(|s| s.detail.contains("Cyrillic")));
/// assert!(name.steps.iter().any(|s| s.detail.contains("zero-width space")));
/// ```
#[derive(Debug, Clone)]
pub struct Normalizer {
    legal: PhraseTable,
    places: PhraseTable,
    generic: HashSet<&'static str>,
    abbreviations: HashMap<&'static str, &'static str>,
    confusables: HashMap<char, char>,
    han: HashMap<String, (Vec<&'static str>, TokenKind)>,
    han_max: usize,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

/// A token before tagging.
#[derive(Debug, Clone)]
struct RawToken {
    text: String,
    unexpanded: Option<String>,
    span: Range<usize>,
    /// Set for tokens whose kind is already known (Chinese segments).
    kind: Option<TokenKind>,
    /// Whether the previous token is joined to this one by a dot only.
    dot_before: bool,
}

/// A word of three letters or fewer joined by a hyphen to the next or the
/// previous word: part of a code ("YK-ATC", an aircraft registration;
/// "EP-VIP"), not a legal form, even when its letters spell one. Read on the
/// characters as normalised (invisible ones skipped, NFKC), so that a
/// full-width or zero-width spelling reads the same.
fn hyphenated_code(text: &str, t: &RawToken) -> bool {
    /// Whether the visible characters of `side`, nearest first, start with
    /// a hyphen and then a letter or digit, each read in its NFKC form.
    fn hyphen_then_word(side: impl Iterator<Item = char>) -> bool {
        let mut side = side
            .filter(|&c| invisible(c).is_none())
            .map(|c| std::iter::once(c).nfkc().collect::<String>());
        side.next().is_some_and(|c| c == "-")
            && side
                .next()
                .is_some_and(|c| c.chars().all(char::is_alphanumeric))
    }
    t.text.len() <= 3
        && (hyphen_then_word(text[t.span.end..].chars())
            || hyphen_then_word(text[..t.span.start].chars().rev()))
}

/// A character of the working text with the byte span of its source.
#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    start: usize,
    end: usize,
}

impl Normalizer {
    /// Builds the tables.
    pub fn new() -> Normalizer {
        let mut n = Normalizer {
            legal: PhraseTable::default(),
            places: PhraseTable::default(),
            generic: GENERIC.iter().copied().collect(),
            abbreviations: ABBREVIATIONS.iter().copied().collect(),
            confusables: CONFUSABLES.iter().copied().collect(),
            han: HashMap::new(),
            han_max: 0,
        };
        for &(han, compare, kind) in HAN_WORDS {
            let kind = match kind {
                HanKind::Legal => TokenKind::LegalForm,
                HanKind::Generic => TokenKind::Generic,
                HanKind::Place => TokenKind::Place,
            };
            n.insert_han(han, compare.split(' ').collect(), kind);
        }
        for line in LEGAL_FORMS_TSV.lines() {
            let Some((_, alias)) = line.split_once('\t') else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            if alias.chars().any(is_han) {
                if alias.chars().all(is_han) {
                    n.insert_han(alias, vec!["co"], TokenKind::LegalForm);
                }
                continue;
            }
            let words: Vec<String> = n
                .raw_tokens(alias, None)
                .into_iter()
                .map(|t| t.text)
                .collect();
            if !words.is_empty() && words.iter().all(|w| !w.chars().any(|c| c.is_ascii_digit())) {
                n.legal.insert(words);
            }
        }
        for place in PLACES {
            n.places
                .insert(place.split(' ').map(str::to_string).collect());
        }
        n
    }

    fn insert_han(&mut self, han: &str, compare: Vec<&'static str>, kind: TokenKind) {
        self.han_max = self.han_max.max(han.chars().count());
        self.han.entry(han.to_string()).or_insert((compare, kind));
    }

    /// Normalises a name.
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// let name = n.normalize("杭州海康威视数字技术股份有限公司");
    /// assert_eq!(name.text(), "hangzhou haikangweishi digital technology co ltd");
    /// ```
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut steps = Steps::default();
        let raw = self.raw_tokens(text, Some(&mut steps));
        let tokens = self.tag(text, raw, &mut steps);
        Normalized {
            original: text.to_string(),
            tokens,
            steps: steps.0,
        }
    }

    /// Steps 1 to 6: characters to untagged tokens.
    fn raw_tokens(&self, text: &str, mut steps: Option<&mut Steps>) -> Vec<RawToken> {
        let mut rec = |kind: StepKind, detail: String| {
            if let Some(s) = steps.as_deref_mut() {
                s.push(kind, detail);
            }
        };

        // 1-2: invisible characters, NFKC.
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

        // 3: look-alike letters inside mostly-Latin words.
        let mut i = 0;
        while i < chars.len() {
            if !is_word_char(chars[i].c) {
                i += 1;
                continue;
            }
            let mut j = i;
            let (mut latin, mut foldable, mut other) = (0, 0, 0);
            while j < chars.len() && is_word_char(chars[j].c) {
                let c = chars[j].c;
                if is_latin_letter(c) {
                    latin += 1;
                } else if self.confusables.contains_key(&c) {
                    foldable += 1;
                } else if c.is_alphabetic() {
                    other += 1;
                }
                j += 1;
            }
            if foldable > 0 && latin > 0 && other == 0 && latin >= foldable {
                let word: String = text[chars[i].start..chars[j - 1].end].to_string();
                for ch in &mut chars[i..j] {
                    if let Some(&l) = self.confusables.get(&ch.c) {
                        rec(
                            StepKind::FoldedConfusable,
                            format!(
                                "folded {} '{}' to '{}' in '{}' (look-alike letter: possible evasion)",
                                script_name(ch.c),
                                ch.c,
                                l,
                                word
                            ),
                        );
                        ch.c = l;
                    }
                }
            }
            i = j;
        }

        // 4-6: diacritics, transliteration, case, punctuation.
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
                flush(&mut translit_run, &mut rec);
                out.push(Ch {
                    c: c.to_ascii_lowercase(),
                    ..ch
                });
            } else if is_han(c) {
                flush(&mut translit_run, &mut rec);
                out.push(ch);
            } else if matches!(
                c,
                '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{02BC}'
            ) {
                // Apostrophes join: Xi'an, O'Brien.
            } else if c == '&' || c == '+' {
                flush(&mut translit_run, &mut rec);
                for a in [' ', 'a', 'n', 'd', ' '] {
                    out.push(Ch { c: a, ..ch });
                }
            } else if c == '.' {
                flush(&mut translit_run, &mut rec);
                out.push(Ch { c: '.', ..ch });
            } else if c.is_alphanumeric() || is_combining_mark(c) {
                let mut base = String::new();
                let mut stripped = false;
                for d in std::iter::once(c).nfd() {
                    if is_combining_mark(d) {
                        stripped = true;
                    } else {
                        base.push(d);
                    }
                }
                if stripped && !base.is_empty() {
                    rec(
                        StepKind::StrippedDiacritic,
                        format!("stripped diacritic: '{c}' to '{base}'"),
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
                    let run = translit_run.get_or_insert((ch.start, ch.end, String::new()));
                    run.1 = ch.end;
                    for l in latin.chars() {
                        let l = l.to_ascii_lowercase();
                        if l.is_ascii_alphanumeric() {
                            run.2.push(l);
                            out.push(Ch { c: l, ..ch });
                        } else if l == ' ' {
                            out.push(Ch { c: ' ', ..ch });
                        }
                    }
                }
            } else {
                flush(&mut translit_run, &mut rec);
                out.push(Ch { c: ' ', ..ch });
            }
        }
        flush(&mut translit_run, &mut rec);

        // Tokens: ASCII runs, and segmented Chinese runs. `dot_before` says
        // that the token follows the previous one after a lone dot ("A.I.C.").
        let mut tokens: Vec<RawToken> = Vec::new();
        let mut i = 0;
        let mut sep = String::new();
        while i < out.len() {
            let c = out[i].c;
            if c == '.' || c == ' ' {
                sep.push(c);
                i += 1;
                continue;
            }
            let han = is_han(c);
            let mut j = i;
            while j < out.len() && out[j].c != ' ' && out[j].c != '.' && is_han(out[j].c) == han {
                j += 1;
            }
            if han {
                let segs = self.segment_han(&out[i..j]);
                if let Some(s) = steps.as_deref_mut() {
                    let shown: Vec<String> = segs.iter().map(|t| t.text.clone()).collect();
                    s.push(
                        StepKind::Segmented,
                        format!(
                            "segmented Chinese '{}' into {}",
                            &text[out[i].start..out[j - 1].end],
                            shown.join(" | ")
                        ),
                    );
                }
                tokens.extend(segs);
            } else {
                tokens.push(RawToken {
                    text: out[i..j].iter().map(|ch| ch.c).collect(),
                    unexpanded: None,
                    span: out[i].start..out[j - 1].end,
                    kind: None,
                    dot_before: sep == "." && !tokens.is_empty(),
                });
            }
            sep.clear();
            i = j;
        }

        // Dotted initials: "a.i.c." is one token.
        let mut joined: Vec<RawToken> = Vec::with_capacity(tokens.len());
        let mut joined_any: Vec<bool> = Vec::with_capacity(tokens.len());
        for t in tokens {
            let single = |x: &RawToken| {
                x.kind.is_none() && x.text.len() == 1 && x.text.as_bytes()[0].is_ascii_alphabetic()
            };
            let join = single(&t)
                && t.dot_before
                && joined
                    .last()
                    .is_some_and(|p| single(p) || joined_any.last() == Some(&true));
            match joined.last_mut() {
                Some(prev) if join => {
                    prev.text.push_str(&t.text);
                    prev.span.end = t.span.end;
                    if let Some(last) = joined_any.last_mut() {
                        *last = true;
                    }
                }
                _ => {
                    joined.push(t);
                    joined_any.push(false);
                }
            }
        }
        if let Some(s) = steps {
            for (t, &was_joined) in joined.iter().zip(&joined_any) {
                if was_joined {
                    let orig = &text[t.span.clone()];
                    s.push(
                        StepKind::JoinedInitials,
                        format!("joined initials '{orig}' to '{}'", t.text),
                    );
                }
            }
        }
        // Ordinals: "13th" is the number 13.
        for t in &mut joined {
            if let Some(digits) = ordinal_digits(&t.text) {
                t.text = digits;
            }
        }
        joined
    }

    /// Segments a run of Chinese characters by longest dictionary match; the
    /// rest become distinctive pinyin tokens.
    fn segment_han(&self, run: &[Ch]) -> Vec<RawToken> {
        let mut out = Vec::new();
        let mut pending: Option<(usize, usize, String)> = None;
        let push_pending = |p: &mut Option<(usize, usize, String)>, out: &mut Vec<RawToken>| {
            if let Some((s, e, text)) = p.take() {
                if !text.is_empty() {
                    out.push(RawToken {
                        text,
                        unexpanded: None,
                        span: s..e,
                        kind: Some(TokenKind::Distinctive),
                        dot_before: false,
                    });
                }
            }
        };
        let mut i = 0;
        while i < run.len() {
            let mut matched = None;
            for len in (2..=self.han_max.min(run.len() - i)).rev() {
                let word: String = run[i..i + len].iter().map(|c| c.c).collect();
                if let Some(entry) = self.han.get(&word) {
                    matched = Some((len, entry));
                    break;
                }
            }
            match matched {
                Some((len, (words, kind))) => {
                    push_pending(&mut pending, &mut out);
                    for w in words {
                        out.push(RawToken {
                            text: (*w).to_string(),
                            unexpanded: None,
                            span: run[i].start..run[i + len - 1].end,
                            kind: Some(*kind),
                            dot_before: false,
                        });
                    }
                    i += len;
                }
                None => {
                    let p = pending.get_or_insert((run[i].start, run[i].end, String::new()));
                    p.1 = run[i].end;
                    let pinyin = deunicode::deunicode_char(run[i].c).unwrap_or("");
                    p.2.extend(
                        pinyin
                            .chars()
                            .filter(char::is_ascii_alphanumeric)
                            .map(|c| c.to_ascii_lowercase()),
                    );
                    i += 1;
                }
            }
        }
        push_pending(&mut pending, &mut out);
        out
    }

    /// Step 7: legal forms, abbreviations, places, generic words, numbers.
    fn tag(&self, text: &str, mut raw: Vec<RawToken>, steps: &mut Steps) -> Vec<Token> {
        // Legal forms: longest phrase first.
        let mut i = 0;
        while i < raw.len() {
            let len = self.legal.longest_at(&raw, i);
            if len == 0 || (len == 1 && hyphenated_code(text, &raw[i])) {
                i += 1;
                continue;
            }
            let mut span = raw[i].span.start..raw[i + len - 1].span.end;
            if text[span.end..].starts_with('.') {
                span.end += 1;
            }
            steps.push(
                StepKind::LegalForm,
                format!("legal form '{}' ignored", text[span].trim()),
            );
            for t in &mut raw[i..i + len] {
                t.kind = Some(TokenKind::LegalForm);
            }
            i += len;
        }
        for t in raw.iter_mut().filter(|t| t.kind.is_none()) {
            if let Some(long) = self.abbreviations.get(t.text.as_str()) {
                steps.push(
                    StepKind::Expanded,
                    format!("expanded '{}' to '{}'", &text[t.span.clone()], long),
                );
                t.unexpanded = Some(std::mem::replace(&mut t.text, (*long).to_string()));
            }
        }
        let mut i = 0;
        while i < raw.len() {
            let len = self.places.longest_at(&raw, i);
            for t in &mut raw[i..i + len] {
                t.kind = Some(TokenKind::Place);
            }
            i += len.max(1);
        }
        raw.into_iter()
            .map(|t| {
                let kind = t.kind.unwrap_or_else(|| {
                    if t.text.bytes().any(|b| b.is_ascii_digit()) {
                        TokenKind::Number
                    } else if self.generic.contains(t.text.as_str()) {
                        TokenKind::Generic
                    } else {
                        TokenKind::Distinctive
                    }
                });
                Token {
                    text: t.text,
                    kind,
                    span: t.span,
                    unexpanded: t.unexpanded,
                }
            })
            .collect()
    }
}

/// Recorded steps, without repeating the same detail.
#[derive(Default)]
struct Steps(Vec<Step>);

impl Steps {
    fn push(&mut self, kind: StepKind, detail: String) {
        if !self.0.iter().any(|s| s.detail == detail) {
            self.0.push(Step { kind, detail });
        }
    }
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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
}

/// Whether `c` is a Chinese character (CJK unified ideographs and extensions).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
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

fn ordinal_digits(t: &str) -> Option<String> {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[digits.len()..];
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th"))
    .then(|| digits.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        Normalizer::new().normalize(s).text()
    }

    #[test]
    fn each_step_alone() {
        assert_eq!(text("Hik\u{200B}vision"), "hikvision", "invisible");
        assert_eq!(text("ＺＴＥ"), "zte", "nfkc");
        assert_eq!(text("Hu\u{0430}wei"), "huawei", "confusable");
        assert_eq!(text("Société Générale"), "societe generale", "diacritics");
        assert_eq!(text("Газпром"), "gazprom", "cyrillic");
        assert_eq!(
            text("Science & Technology"),
            "science and technology",
            "ampersand"
        );
        assert_eq!(text("Xi'an Research"), "xian research", "apostrophe");
        assert_eq!(text("A.I.C. SOGO"), "aic sogo", "initials");
        assert_eq!(text("CETC 13th Institute"), "cetc 13 institute", "ordinal");
        assert_eq!(
            text("Gui\u{0092}an New District"),
            "guian new district",
            "C1 mojibake"
        );
    }

    #[test]
    fn plain_latin_is_not_corrupted() {
        assert_eq!(
            text("Communications Cornerstone"),
            "communications cornerstone"
        );
        assert_eq!(text("Samsung"), "samsung");
    }

    #[test]
    fn mostly_cyrillic_words_are_transliterated_not_folded() {
        let n = Normalizer::new().normalize("ООО Газпром Телеком");
        assert_eq!(n.text(), "ooo gazprom telekom");
        assert_eq!(n.tokens[0].kind, TokenKind::LegalForm);
    }

    #[test]
    fn legal_forms_are_tagged_not_deleted() {
        let n = Normalizer::new().normalize("Siemens Aktiengesellschaft");
        assert_eq!(n.tokens.len(), 2);
        assert_eq!(n.tokens[1].kind, TokenKind::LegalForm);
        let n = Normalizer::new().normalize("FABERLIC EUROPE Sp. z o.o.");
        assert!(
            n.tokens[2..].iter().all(|t| t.kind == TokenKind::LegalForm),
            "{n:?}"
        );
        let n = Normalizer::new().normalize("Co., Ltd.");
        assert!(!n.has_distinctive());
    }

    #[test]
    fn unspaced_chinese_legal_forms_are_found() {
        let n = Normalizer::new().normalize("华为技术有限公司");
        assert_eq!(n.text(), "huawei technology co ltd");
        assert_eq!(n.tokens[0].kind, TokenKind::Distinctive);
        assert_eq!(&n.original[n.tokens[0].span.clone()], "华为");
    }
}
