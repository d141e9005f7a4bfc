//! Part of step 6 of the pipeline: letters written one by one read as
//! the word they spell. Dotted initials are one token (`A.I.C.` → `aic`),
//! letters spelled out with hyphens, underscores or spaces between them
//! are the word (`H-i-k-v-i-s-i-o-n`), but for Spanish "y" between two
//! initials (`A Y S` → `a and s`).

use super::StepKind;
use super::chars::{RawToken, Sep};

fn single_letter(t: &RawToken) -> bool {
    t.kind.is_none() && t.text.len() == 1 && t.text.as_bytes()[0].is_ascii_alphabetic()
}

/// Dotted initials are one token: "A.I.C." is `aic`.
pub(super) fn join_initials(
    text: &str,
    tokens: Vec<RawToken>,
    rec: &mut dyn FnMut(StepKind, String),
) -> Vec<RawToken> {
    let mut joined: Vec<RawToken> = Vec::with_capacity(tokens.len());
    let mut joined_any: Vec<bool> = Vec::with_capacity(tokens.len());
    for t in tokens {
        let join = single_letter(&t)
            && t.sep == Sep::Dot
            && joined
                .last()
                .is_some_and(|p| single_letter(p) || joined_any.last() == Some(&true));
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
    for (t, &was_joined) in joined.iter().zip(&joined_any) {
        if was_joined {
            rec(
                StepKind::JoinedInitials,
                format!(
                    "joined initials '{}' to '{}'",
                    &text[t.span.clone()],
                    t.text
                ),
            );
        }
    }
    joined
}

/// Three or more single letters in a row, spaced or joined by hyphens or
/// underscores, are one word spelled out: `H-i-k-v-i-s-i-o-n`, `Z T E`;
/// but three spaced letters whose middle one is "y" are two initials and
/// Spanish "and" ([`spanish_and`]).
pub(super) fn join_spelled_letters(
    text: &str,
    tokens: Vec<RawToken>,
    rec: &mut dyn FnMut(StepKind, String),
) -> Vec<RawToken> {
    let mut out: Vec<RawToken> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    // Any single letter, transliterated ones too: the compare text of a name
    // must normalise to itself.
    let letter = |t: &RawToken| {
        matches!(t.kind, None | Some(super::TokenKind::Distinctive))
            && t.text.len() == 1
            && t.text.as_bytes()[0].is_ascii_alphabetic()
    };
    while i < tokens.len() {
        let mut j = i + 1;
        while j < tokens.len()
            && letter(&tokens[j - 1])
            && letter(&tokens[j])
            && matches!(tokens[j].sep, Sep::Space | Sep::Joiner | Sep::None)
        {
            j += 1;
        }
        if j - i == 3 && spanish_and(&tokens[i..j]) {
            // "A Y S": two initials and Spanish "y", as "A & S" writes them.
            let mut and = tokens[i + 1].clone();
            and.unexpanded = Some(std::mem::replace(&mut and.text, SPANISH_AND.to_string()));
            and.kind = None;
            rec(
                StepKind::JoinedLetters,
                format!(
                    "'{}' between two initials read as 'and'",
                    &text[and.span.clone()]
                ),
            );
            out.extend([tokens[i].clone(), and, tokens[i + 2].clone()]);
            i = j;
        } else if j - i >= 3 {
            let mut t = tokens[i].clone();
            for x in &tokens[i + 1..j] {
                t.text.push_str(&x.text);
            }
            t.span.end = tokens[j - 1].span.end;
            let written = &text[t.span.clone()];
            let evasion = if j - i >= 5 {
                " (possible evasion)"
            } else {
                ""
            };
            rec(
                StepKind::JoinedLetters,
                format!(
                    "joined letters spelled out '{written}' to '{}'{evasion}",
                    t.text
                ),
            );
            out.push(t);
            i = j;
        } else {
            out.push(tokens[i].clone());
            i += 1;
        }
    }
    out
}

/// What [`spanish_and`] reads the "y" between two initials as.
pub(crate) const SPANISH_AND: &str = "and";

/// Whether three single letters written apart are two initials joined by
/// Spanish "y" ("A Y S CARRIER INTERNACIONAL, S.A. DE C.V.", "G Y G
/// INTERNACIONAL S.A.S.", names OFAC also writes "A & S", "G&G"): the
/// middle one is "y", each written apart with a space, none of them "y"
/// too.
fn spanish_and(three: &[RawToken]) -> bool {
    let is_y = |t: &RawToken| t.text == "y";
    three.len() == 3
        && is_y(&three[1])
        && !is_y(&three[0])
        && !is_y(&three[2])
        && three[1..].iter().all(|t| t.sep == Sep::Space)
}
