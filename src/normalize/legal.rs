//! Step 7a: legal forms among a name's tokens, longest phrase first, each
//! one token with its compare form (`Company Limited`, `Co., Ltd.` →
//! `coltd`): as the table writes them, misspelt, run together, and the
//! short forms that end a name ([`LAST_WORD_LEGAL`]).

use super::chars::RawToken;
use super::tables::LAST_WORD_LEGAL;
use super::{Normalizer, StepKind, Steps, TokenKind};
use unicode_normalization::UnicodeNormalization;

/// The last word of a name of two words or more is a legal form when it is
/// one of the short ones the legal-form table leaves out
/// ([`LAST_WORD_LEGAL`]: "Russian Cargo Oy").
pub(super) fn last_word_legal_form(text: &str, raw: &mut [RawToken], steps: &mut Steps) {
    // EDGAR's note after a slash closes a name after its last word ("SET
    // PETROCHEMICALS OY/PA").
    let end = super::edgar::note(text, raw.iter()).map_or(raw.len(), |n| n.start);
    let [before @ .., last] = &mut raw[..end] else {
        return;
    };
    // After legal forms alone ("OOO AS") it is the name's own word; after
    // the name's words and a form word, a form too ("John Holland Group
    // Pty").
    if last.kind.is_some()
        || before.iter().all(|t| t.kind == Some(TokenKind::LegalForm))
        || !LAST_WORD_LEGAL.contains(&last.text.as_str())
    {
        return;
    }
    last.kind = Some(TokenKind::LegalForm);
    steps.push(
        StepKind::LegalForm,
        format!(
            "legal form '{}' (last in the name): weighs little",
            text[last.span.clone()].trim()
        ),
    );
}

/// Most tokens a legal form written with its initials apart covers
/// ([`Normalizer::run_together_legal_form`]): "S A P I DE C V", "S DE R L
/// DE C V" have seven.
const MAX_SPACED_LEGAL_TOKENS: usize = 8;

/// Most words of a legal form a field may have cut through
/// ([`Normalizer::cut_legal_form`]).
const MAX_CUT_LEGAL_WORDS: usize = 6;

/// A word of three letters or fewer joined by a hyphen to another word:
/// part of a code ("YK-ATC", an aircraft registration; "EP-VIP"; Rostec's
/// "RT-Construction"), not a legal form, even when its letters spell one.
/// Only a legal form of three letters that opens or ends the name (`edge`),
/// joined to a word of four letters or more, or that closes a hyphenated
/// run after such a word wherever the run stands ("Acme-Ltd Trading"), is
/// the name's legal form written with a hyphen ("JSC-UNITED-INSTRUMENT-
/// MANUFACTURING-CORPORATION", "Acme-Ltd"). Read on the characters as normalised
/// (invisible ones skipped, NFKC), so that a full-width or zero-width
/// spelling reads the same.
///
/// A legal form after a word of the name and before its last word, joined
/// to that word and to nothing else, is a legal form too when the word has
/// three letters: the registry's code the SDN list writes after it ("STAR
/// SHIP MANAGEMENT LTD-BZE", "SILVER BRIDGE SHIPPING CO-HKG"), which
/// `optional::registry_codes` makes optional.
fn hyphenated_code(text: &str, t: &RawToken, edge: bool, before_last: bool) -> bool {
    /// Whether the visible characters of `side`, nearest first, start with
    /// a hyphen and then a letter or digit, and how many letters follow
    /// the hyphen before anything else (up to four). Each character is read
    /// in its NFKC form.
    fn hyphen_then_word(side: impl Iterator<Item = char>) -> Option<usize> {
        let mut side = side
            .filter(|&c| !super::chars::is_invisible(c))
            .flat_map(|c| std::iter::once(c).nfkc().collect::<Vec<char>>());
        if side.next() != Some('-') {
            return None;
        }
        let word: Vec<char> = side.take_while(|c| c.is_alphanumeric()).take(4).collect();
        let letters = word.iter().all(|c| c.is_alphabetic());
        (!word.is_empty()).then_some(if letters { word.len() } else { 0 })
    }
    if t.text.len() > 3 {
        return false;
    }
    let joined = [
        hyphen_then_word(text[t.span.end..].chars()),
        hyphen_then_word(text[..t.span.start].chars().rev()),
    ];
    let long_word = |w: &Option<usize>| w.is_some_and(|n| n >= 4);
    // Closing a hyphenated run after a long word, it is that word's legal
    // form wherever the run stands: "Sberbank-LLC Trading" reads as
    // "Sberbank-LLC" does, so a word added after the name does not turn
    // its legal form into a code.
    let closes_run = joined[0].is_none() && long_word(&joined[1]);
    let form = t.text.len() == 3 && ((edge && joined.iter().any(long_word)) || closes_run);
    let registry = before_last && joined[1].is_none() && joined[0] == Some(3);
    joined.iter().any(Option::is_some) && !form && !registry
}

impl Normalizer {
    /// Legal forms, longest phrase first, each one token with its compare
    /// form (`Company Limited`, `Co., Ltd.` → `coltd`), also when written
    /// run together (`CoLtd`, `S.A. DEC.V.`). EDGAR's note after a slash
    /// closes the name after its legal form ([`super::edgar`]: "Taghtiran
    /// P.J.S/PA/") and is read apart, where the name read whole has no
    /// legal form running into it ("S.E.N./CA" is no "S. en C.A.") and
    /// the note is set apart as [`super::optional`] asks.
    pub(super) fn legal_forms(
        &self,
        text: &str,
        raw: Vec<RawToken>,
        steps: &mut Steps,
    ) -> Vec<RawToken> {
        let read = |raw: Vec<RawToken>, steps: &mut Steps| {
            let out = self.legal_forms_once(text, raw, steps);
            self.legal_forms_read_again(text, out)
        };
        let Some(note) = super::edgar::note(text, raw.iter()) else {
            return read(raw, steps);
        };
        let at = raw[note.start].span.start;
        let whole = read(raw.clone(), &mut Steps::default());
        let runs_into = whole.iter().any(|t| t.span.start < at && t.span.end > at);
        let mut head = raw;
        let tail = head.split_off(note.start);
        let spaced = head
            .last()
            .is_some_and(|t| super::edgar::spaced(text, t.span.end, at));
        let mut trial = Steps::default();
        let mut apart = read(head.clone(), &mut trial);
        let legal_last = apart
            .last()
            .is_some_and(|t| t.kind == Some(TokenKind::LegalForm));
        if runs_into || !(note.depositary || spaced || legal_last) {
            head.extend(tail);
            return read(head, steps);
        }
        steps.append(trial);
        apart.extend(tail);
        apart
    }

    /// A legal form that a field of fixed width cut through at the end of a
    /// name long enough to have been cut ([`crate::score::cut`]): "BALTIC
    /// SHIPYARD AKTSIONERNOE OBSHCH" is Baltic Shipyard JSC in a field of
    /// 35 characters, "AL KABIRU TRADING OBSHCHESTVO S OGR" Al Kabiru
    /// Trading LLC. The words of the name before it stay its words; the
    /// cut legal form is one token ([`PhraseTable::cut_at`]).
    ///
    /// [`PhraseTable::cut_at`]: super::phrases::PhraseTable::cut_at
    pub(super) fn cut_legal_form(&self, text: &str, raw: &mut Vec<RawToken>, steps: &mut Steps) {
        use crate::score::cut::{MIN_CUT_CHARS, written_key};
        // A word of the name's own and two of the legal form at least.
        let n = raw.len();
        if n < 3 || written_key(text).chars().count() < MIN_CUT_CHARS {
            return;
        }
        let first = n.saturating_sub(MAX_CUT_LEGAL_WORDS).max(1);
        for i in first..n {
            let own_word = raw[..i]
                .iter()
                .any(|t| t.kind != Some(TokenKind::LegalForm));
            let Some(compare) = own_word.then(|| self.legal.cut_at(raw, i)).flatten() else {
                continue;
            };
            let span = raw[i].span.start..raw[n - 1].span.end;
            let written: String = raw[i..]
                .iter()
                .map(|t| t.unexpanded.as_deref().unwrap_or(&t.text))
                .collect();
            let mut t = raw[i].clone();
            t.span = span.clone();
            t.kind = Some(TokenKind::LegalForm);
            t.unexpanded = (written != compare).then_some(written);
            t.text = compare.to_string();
            raw.truncate(i);
            raw.push(t);
            steps.push(
                StepKind::LegalForm,
                format!(
                    "legal form '{}' cut by a field at the name's end: weighs little",
                    text[span].trim()
                ),
            );
            return;
        }
    }

    /// One reading of [`Normalizer::legal_forms`].
    fn legal_forms_once(&self, text: &str, raw: Vec<RawToken>, steps: &mut Steps) -> Vec<RawToken> {
        let mut out: Vec<RawToken> = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            // Before the last word, after a word of the name ("OOO
            // 'STG-EKO'" is a name of two words).
            let before_last = i + 2 == raw.len()
                && out
                    .iter()
                    .any(|t: &RawToken| t.kind != Some(TokenKind::LegalForm));
            let Some(reading) = self.legal_form_at(text, &raw, i, before_last) else {
                let mut t = raw[i].clone();
                if i == 0 {
                    t.legal_alt = self.short_first_form(&raw);
                }
                out.push(t);
                i += 1;
                continue;
            };
            let LegalReading { len, compare, note } = reading;
            let mut span = raw[i].span.start..raw[i + len - 1].span.end;
            let written: String = raw[i..i + len].iter().map(|t| t.text.as_str()).collect();
            let mut t = raw[i].clone();
            t.span = span.clone();
            t.kind = Some(TokenKind::LegalForm);
            t.unexpanded = (written != compare).then_some(written);
            t.text = compare;
            out.push(t);
            if text[span.end..].starts_with('.') {
                span.end += 1;
            }
            steps.push(
                StepKind::LegalForm,
                format!("legal form '{}'{note}: weighs little", text[span].trim()),
            );
            i += len;
        }
        self.merge_adjacent_legal_forms(out)
    }

    /// The legal form a short first word of a longer name is, which
    /// [`Normalizer::legal_form_at`] leaves a word of the name: three
    /// letters or fewer first are as likely an acronym of the name's own
    /// ("PMC Resources"), and a listed name with the form says which
    /// ("PMC Wagner" / "PRIVATE MILITARY COMPANY 'WAGNER'").
    fn short_first_form(&self, raw: &[RawToken]) -> Option<String> {
        let word = raw.first()?.text.as_str();
        if !acronym_first(raw, 0) || super::tables::NOT_LEGAL_ALONE.contains(&word) {
            return None;
        }
        self.legal
            .longest_at_most(raw, 0, 1)
            .map(|(_, compare)| compare.to_string())
    }

    /// The legal form starting at `raw[i]`, if any: the longest phrase of
    /// the table written there, as written or with one word misspelt, or
    /// without its last word, or run together. `before_last`: the token
    /// before the name's last word, after a word of the name.
    fn legal_form_at(
        &self,
        text: &str,
        raw: &[RawToken],
        i: usize,
        before_last: bool,
    ) -> Option<LegalReading> {
        let edge = i == 0 || i + 1 == raw.len();
        let phrase_at = |max: usize| {
            self.legal
                .longest_at_most(raw, i, max)
                .filter(|&(len, _)| {
                    len > 1
                        || !(hyphenated_code(text, &raw[i], edge, before_last)
                            || super::tables::NOT_LEGAL_ALONE.contains(&raw[i].text.as_str())
                            || acronym_first(raw, i))
                })
                .map(|(len, c)| (len, c.to_string()))
        };
        let phrase = phrase_at(usize::MAX);
        // Another reading, where it covers more than `than`.
        let longer = |other: Option<(usize, &str)>, than: &Option<(usize, String)>| {
            other
                .filter(|o| than.as_ref().is_none_or(|p| o.0 > p.0))
                .map(|(len, c)| (len, c.to_string()))
        };
        // A phrase with one word misspelt.
        let misspelt = longer(self.legal.longest_misspelt_at(raw, i), &phrase);
        let phrase = misspelt.clone().or(phrase);
        // A form whose last word the name leaves out ("Avangard Joint
        // Stock", "Limited Liability" before a word of the name, not
        // "Limited").
        let head_left_out = longer(self.legal.head_left_out_at(raw, i), &phrase);
        let phrase = head_left_out.clone().or(phrase);
        let run_together = self.run_together_legal_form(raw, i);
        // The one covering more tokens: "S.A. DEC.V." is one legal form.
        let mut found = match (phrase, run_together) {
            (Some(p), Some(r)) => Some(if r.0 > p.0 { r } else { p }),
            (p, r) => p.or(r),
        };
        // A longer legal form starting inside this one and running past
        // it is the one written, where the words before it are a legal
        // form of their own: "Company, Limited Liability Company" is
        // `co` and `llc`, not "Company Limited" and "Liability Company".
        if let Some(len) = found.as_ref().map(|p| p.0).filter(|&len| len >= 2) {
            let overlapping = (i + 1..i + len).find(|&j| {
                self.legal
                    .longest_at(raw, j)
                    .is_some_and(|(lj, _)| lj >= 2 && j + lj > i + len)
            });
            let read_misspelt = misspelt.as_ref().is_some_and(|m| m.0 == len);
            match overlapping.map(|j| phrase_at(j - i)) {
                Some(Some(shorter)) => found = Some(shorter),
                // Read through a misspelt word, it takes a word of the
                // longer form: the words before that form stay words
                // ("Compan Limited Liability Company" is "Compan" and
                // `llc`).
                Some(None) if read_misspelt => found = None,
                _ => {}
            }
        }
        let digits = found
            .is_none()
            .then(|| self.legal_form_with_digits(&raw[i]))
            .flatten();
        let (len, compare) = found.or(digits.clone())?;
        let note = if digits.is_some() {
            " (a digit for a letter)"
        } else if misspelt.as_ref().is_some_and(|m| m.0 == len) {
            " (one word misspelt)"
        } else if head_left_out.as_ref().is_some_and(|h| h.0 == len) {
            " (its last word left out)"
        } else {
            ""
        };
        Some(LegalReading { len, compare, note })
    }

    /// A legal form of one word of two letters or more written with a
    /// digit for a letter it looks like (`C0RP`, `L1MITED`, "C0., LTD":
    /// [`super::digits_as_letters`], a `1` read as `i` or `l`), or of two
    /// letters, the second a zero (`C0`). A word another digit makes a
    /// legal form of two letters ("S4", a model's name) stays as written.
    fn legal_form_with_digits(&self, t: &RawToken) -> Option<(usize, String)> {
        let w = t.text.as_str();
        if t.kind.is_some() || !w.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let two = match w.as_bytes() {
            [a, b'0'] if a.is_ascii_alphabetic() => Some(format!("{}o", char::from(*a))),
            _ => None,
        };
        let read = [
            two,
            super::digits_as_letters(w),
            super::digits_as_letters_with_l(w),
        ];
        read.into_iter().flatten().find_map(|r| {
            (r.len() >= 2 && !super::tables::NOT_LEGAL_ALONE.contains(&r.as_str()))
                .then(|| self.legal.word_compare(&r))
                .flatten()
                .map(|c| (1, c.to_string()))
        })
    }

    /// The legal forms as the normalised text read again finds them: a
    /// legal form written otherwise than compared ("LtdCo" is `ltd`) may
    /// complete a longer one with the words before it ("C o LtdCo" read
    /// again is "c o ltd", the legal form `coltd`; the `normalize` fuzz
    /// body's finding). Such legal forms are read as their compare forms
    /// once more, and a longer legal form found so is kept.
    fn legal_forms_read_again(&self, text: &str, raw: Vec<RawToken>) -> Vec<RawToken> {
        let rewritten =
            |t: &RawToken| t.kind == Some(TokenKind::LegalForm) && t.unexpanded.is_some();
        // Only where a rewritten legal form and a word beside it are two
        // adjacent words of a legal form, or with words beside it runs
        // together into one (`c o ltd`: `coltd`), can a longer one be
        // found: most names ("Acme Co., Ltd.") are read once.
        let adjacent = |a: &RawToken, b: &RawToken| {
            (rewritten(a) || rewritten(b))
                && (self.legal_pairs.contains(&format!("{} {}", a.text, b.text))
                    || self.legal.first_two_with_a_typo(&a.text, &b.text))
        };
        let mut joined = String::new();
        let mut runs_together = |i: usize| {
            let free = |t: &RawToken| t.kind.is_none() || rewritten(t);
            (i.saturating_sub(3)..=i).any(|a| {
                (i.max(a + 1)..raw.len().min(a + 4)).any(|b| {
                    if !raw[a..=b].iter().all(free) {
                        return false;
                    }
                    joined.clear();
                    raw[a..=b].iter().for_each(|t| joined.push_str(&t.text));
                    self.legal_run_together.contains_key(&joined)
                })
            })
        };
        let again_finds_more = raw.windows(2).any(|w| adjacent(&w[0], &w[1]))
            || (0..raw.len()).any(|i| rewritten(&raw[i]) && runs_together(i));
        if !again_finds_more {
            return raw;
        }
        let again: Vec<RawToken> = raw
            .iter()
            .map(|t| {
                let mut t = t.clone();
                if rewritten(&t) {
                    t.kind = None;
                    t.unexpanded = None;
                }
                t
            })
            .collect();
        let mut read = self.legal_forms_once(text, again, &mut Steps::default());
        if read.len() >= raw.len() {
            return raw;
        }
        // Each keeps its words as written.
        for t in read
            .iter_mut()
            .filter(|t| t.kind == Some(TokenKind::LegalForm))
        {
            let written: String = raw
                .iter()
                .filter(|r| t.span.start <= r.span.start && r.span.end <= t.span.end)
                .map(|r| r.unexpanded.as_deref().unwrap_or(&r.text))
                .collect();
            t.unexpanded = (written != t.text).then_some(written);
        }
        read
    }

    /// Two legal forms side by side that together are one ("Co" and the
    /// "Ltd" of "LtdCo" in `Co LtdCo`) become one, as they would when the
    /// normalised text is read again: normalising is a fixed point (found
    /// by the `normalize` fuzz target). So does a legal form written
    /// otherwise than compared and a word after it that its compare form
    /// runs into ("AO O": "jsc" and "o" read again are "jsco", JSCo; found
    /// by `tests/properties.rs`).
    fn merge_adjacent_legal_forms(&self, raw: Vec<RawToken>) -> Vec<RawToken> {
        let mut out: Vec<RawToken> = Vec::with_capacity(raw.len());
        for t in raw {
            let merged = out
                .last()
                .filter(|prev| {
                    prev.kind == Some(TokenKind::LegalForm)
                        && (t.kind == Some(TokenKind::LegalForm)
                            || (prev.unexpanded.is_some()
                                && t.kind.is_none()
                                && t.text.bytes().all(|b| b.is_ascii_alphabetic())))
                })
                .and_then(|prev| {
                    self.legal_run_together
                        .get(&format!("{}{}", prev.text, t.text))
                        .cloned()
                });
            match (merged, out.last_mut()) {
                (Some(compare), Some(prev)) => {
                    prev.span = prev.span.start..t.span.end;
                    let written = [prev, &t]
                        .map(|x| x.unexpanded.as_deref().unwrap_or(&x.text).to_string())
                        .concat();
                    prev.unexpanded = (written != compare).then_some(written);
                    prev.text = compare;
                }
                _ => out.push(t),
            }
        }
        out
    }

    /// A legal form of several words written as fewer tokens: `coltd`,
    /// `sa dec v`; or as more, its initials written apart where the table
    /// writes them with periods, as vendor masters that turn punctuation
    /// into spaces do: "S A DE C V", "S DE R L DE C V" (of the OFAC SDN
    /// file's 210 names ending "S.A. DE C.V.", 42 so written scored under
    /// the default threshold against themselves). Past four tokens, only
    /// words of one or two letters ([`MAX_SPACED_LEGAL_TOKENS`]).
    fn run_together_legal_form(&self, raw: &[RawToken], i: usize) -> Option<(usize, String)> {
        let mut joined = String::new();
        let mut best = None;
        for (k, t) in raw[i..].iter().take(MAX_SPACED_LEGAL_TOKENS).enumerate() {
            if t.kind.is_some() || !t.text.bytes().all(|b| b.is_ascii_alphabetic()) {
                break;
            }
            if k >= 4 && t.text.len() > 2 {
                break;
            }
            joined.push_str(&t.text);
            if joined.len() >= 4 {
                if let Some(compare) = self.legal_run_together.get(&joined) {
                    best = Some((k + 1, compare.clone()));
                }
            }
        }
        best
    }
}

/// Whether `raw[i]` is a short word opening a name of two words or more,
/// which a legal form of [`super::tables::PREFIX_LEGAL`] only is there: as
/// likely the name's own acronym ("JP Logistics", "PMC Resources").
fn acronym_first(raw: &[RawToken], i: usize) -> bool {
    let word = raw[i].text.as_str();
    i == 0 && raw.len() > 1 && word.len() <= 3 && !super::tables::PREFIX_LEGAL.contains(&word)
}

/// A legal form read at a token ([`Normalizer::legal_form_at`]): how many
/// tokens it covers, its compare form, and how it was read, for the
/// explanation ("", " (one word misspelt)", " (its last word left out)").
struct LegalReading {
    len: usize,
    compare: String,
    note: &'static str,
}
