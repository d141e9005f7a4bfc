//! EDGAR's note closing a company's conformed name, after a slash: where
//! the company is incorporated or how it is registered ("8X8 INC /DE/",
//! "AAK AB/ADR", "KEYCORP /NEW/", "Troops, Inc. /Cayman Islands/"). 396 of
//! the 7,156 SEC names of `../shared/data/vendors` end so, and vendor
//! masters fed from EDGAR keep it. It says how the company files, not who
//! it is: the legal form before it is the name's last word
//! ([`super::legal::last_word_legal_form`]), and the note is optional
//! ([`super::optional`]).

use super::TokenKind;
use super::chars::RawToken;
use super::tables::{INCORPORATION_CODES, REGISTRATION_NOTES};

/// EDGAR's note closing a name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Note {
    /// Its first token.
    pub start: usize,
    /// Whether it is "ADR" or "ADS" alone: depositary receipts, noted
    /// after any word ("Hesai Group/ADR"), where a code must be set apart
    /// from the name ([`super::optional`]).
    pub depositary: bool,
}

/// The note closing `text`, whose tokens are `raw`: one or two tokens
/// after the last slash (a slash and spaces after them aside), each a code
/// of the tables or a place, with a token of the name before the slash.
/// "HUPP AEROSPACE/DEFENSE" has none: Defense is no code.
pub(super) fn note<'a>(
    text: &str,
    raw: impl ExactSizeIterator<Item = &'a RawToken> + Clone,
) -> Option<Note> {
    let body = text.trim_end_matches(|c: char| c == '/' || c.is_whitespace());
    let slash = body.rfind('/')?;
    let n = raw.len();
    let start = raw.clone().position(|t| t.span.start > slash)?;
    if start == 0 || n - start > 2 {
        return None;
    }
    let words = || raw.clone().skip(start);
    let depositary = n - start == 1 && words().any(|t| matches!(t.text.as_str(), "adr" | "ads"));
    let registered = words().all(|t| {
        let w = t.text.as_str();
        INCORPORATION_CODES.contains(&w)
            || REGISTRATION_NOTES.contains(&w)
            || t.kind == Some(TokenKind::Place)
    });
    (depositary || registered).then_some(Note { start, depositary })
}

/// Whether a space sets the note apart from the name, written between the
/// name's last token (ending at `name_end`) and the slash: "CORP /DE",
/// "Inc. /MD/"; not "INC/OH", nor "INC/ OH".
pub(super) fn spaced(text: &str, name_end: usize, note_start: usize) -> bool {
    text.get(name_end..note_start)
        .and_then(|gap| gap.split('/').next())
        .is_some_and(|before| before.contains(char::is_whitespace))
}
