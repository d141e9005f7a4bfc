//! Unspaced Chinese names: legal forms, places and generic words found by
//! longest dictionary match, places the Latin tables know through their
//! pinyin; the rest becomes distinctive pinyin tokens.

use super::chars::{Ch, RawToken};
use super::{Normalizer, TokenKind};

/// Whether `c` is a Chinese character (CJK unified ideographs and extensions).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Characters that follow a place's name to say what it is: city,
/// province, county, district, autonomous region ("深圳市", "江西省",
/// "广西壮族自治区" aside). Read as part of the place.
const PLACE_SUFFIXES: &[&str] = &["自治区", "市", "省", "县", "区"];

/// Most characters of a place's name read through its pinyin: "黑龙江".
const MAX_PLACE_CHARS: usize = 4;

/// The pinyin of Chinese characters, letters only, lower case ("江西" →
/// "jiangxi").
fn pinyin(run: &[Ch]) -> String {
    run.iter()
        .filter_map(|c| deunicode::deunicode_char(c.c))
        .flat_map(str::chars)
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Normalizer {
    /// Segments a run of Chinese characters: by longest dictionary match
    /// (legal forms, generic words, places), then places the Latin tables
    /// know read through their pinyin ("江西" is Jiangxi, "绵阳" Mianyang),
    /// each with the suffix saying it is a city or province; the rest become
    /// distinctive pinyin tokens.
    pub(super) fn segment_han(&self, run: &[Ch]) -> Vec<RawToken> {
        let mut out = Vec::new();
        let mut pending: Option<(usize, usize, String)> = None;
        let push_pending = |p: &mut Option<(usize, usize, String)>, out: &mut Vec<RawToken>| {
            if let Some((s, e, text)) = p.take() {
                if !text.is_empty() {
                    let mut t = RawToken::new(text, s..e);
                    t.kind = Some(TokenKind::Distinctive);
                    out.push(t);
                }
            }
        };
        let mut i = 0;
        while i < run.len() {
            // A place read through its pinyin begins the name or follows
            // another place, as Chinese registered names write them
            // ("黑龙江省哈尔滨市..."): inside a brand, two characters may
            // spell a city ("海能达通信" holds "达通", Datong).
            let place_may_start = pending.is_none()
                && out
                    .last()
                    .is_none_or(|t: &RawToken| t.kind == Some(TokenKind::Place));
            match self.han_word_at(run, i, place_may_start) {
                Some((len, words, kind)) => {
                    push_pending(&mut pending, &mut out);
                    // The suffix, unless it begins a word ("上海市场": the
                    // market, not the city).
                    let len = match place_suffix_at(run, i + len) {
                        n if n > 0
                            && kind == Some(TokenKind::Place)
                            && self.han_word_at(run, i + len, false).is_none() =>
                        {
                            len + n
                        }
                        _ => len,
                    };
                    let span = run[i].start..run[i + len - 1].end;
                    // A legal form is one token, as in Latin names ("coltd").
                    let texts = if kind == Some(TokenKind::LegalForm) {
                        vec![words.concat()]
                    } else {
                        words
                    };
                    for w in texts {
                        let mut t = RawToken::new(w, span.clone());
                        t.kind = kind;
                        out.push(t);
                    }
                    i += len;
                }
                None => {
                    let p = pending.get_or_insert((run[i].start, run[i].end, String::new()));
                    p.1 = run[i].end;
                    p.2.push_str(&pinyin(&run[i..=i]));
                    i += 1;
                }
            }
        }
        push_pending(&mut pending, &mut out);
        out
    }

    /// The word starting at `run[i]`: the longest dictionary entry, else,
    /// where `place` allows, the longest run of characters whose pinyin is a
    /// place of one word in the Latin tables (as its compare form). Its
    /// length in characters, its words and their kind (`None`: read as if
    /// written in Latin letters).
    fn han_word_at(
        &self,
        run: &[Ch],
        i: usize,
        place: bool,
    ) -> Option<(usize, Vec<String>, Option<TokenKind>)> {
        let rest = run.len() - i;
        for len in (2..=self.han_max.min(rest)).rev() {
            let word: String = run[i..i + len].iter().map(|c| c.c).collect();
            if let Some((words, kind)) = self.han.get(&word) {
                return Some((len, words.clone(), *kind));
            }
        }
        if !place {
            return None;
        }
        (2..=MAX_PLACE_CHARS.min(rest)).rev().find_map(|len| {
            let token = RawToken::new(pinyin(&run[i..i + len]), 0..0);
            match self.places.longest_at(std::slice::from_ref(&token), 0) {
                Some((1, compare)) => {
                    Some((len, vec![compare.to_string()], Some(TokenKind::Place)))
                }
                _ => None,
            }
        })
    }
}

/// Characters of a place suffix starting at `run[i]` ([`PLACE_SUFFIXES`]),
/// 0 when there is none.
fn place_suffix_at(run: &[Ch], i: usize) -> usize {
    let next: String = run.iter().skip(i).take(3).map(|c| c.c).collect();
    PLACE_SUFFIXES
        .iter()
        .find(|s| next.starts_with(**s))
        .map_or(0, |s| s.chars().count())
}
