//! Unspaced Chinese names: legal forms, places and generic words found by
//! longest dictionary match; the rest becomes distinctive pinyin tokens.

use super::chars::{Ch, RawToken};
use super::{Normalizer, TokenKind};

/// Whether `c` is a Chinese character (CJK unified ideographs and extensions).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

impl Normalizer {
    /// Segments a run of Chinese characters by longest dictionary match; the
    /// rest become distinctive pinyin tokens.
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
                    let span = run[i].start..run[i + len - 1].end;
                    // A legal form is one token, as in Latin names ("coltd").
                    let texts = if *kind == TokenKind::LegalForm {
                        vec![words.concat()]
                    } else {
                        words.iter().map(|w| (*w).to_string()).collect()
                    };
                    for w in texts {
                        let mut t = RawToken::new(w, span.clone());
                        t.kind = Some(*kind);
                        out.push(t);
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
}
