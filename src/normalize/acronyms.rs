//! Step 7c: a name's own acronym, in parentheses or at either end of the
//! name, is optional: one writer adds it, another leaves it out.

use super::tables::CONNECTIVES;
use super::tag::Tagging;
use super::{StepKind, Steps, TokenKind};

/// A word in parentheses that is the name's own acronym (`Chengdu GaStone
/// Technology Co., Ltd. (CGTC)`), a word or number the name already has, or
/// a place (`(HK)`) is optional: a vendor may write it or leave it out. An
/// acronym is made of the beginnings of the name's words in order
/// (`SUPARCO`: Space and Upper Atmosphere Research Commission), or, in a
/// name written in mixed case, is any word written in capitals (`FSB`).
pub(super) fn parenthetical_acronyms(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let outside: Vec<String> = toks
        .iter()
        .filter(|t| !t.raw.paren)
        .map(|t| t.raw.text.clone())
        .collect();
    let mixed_case = toks
        .iter()
        .filter(|t| !t.raw.paren)
        .any(|t| text[t.raw.span.clone()].chars().any(char::is_lowercase));
    for t in toks.iter_mut().filter(|t| t.raw.paren) {
        // A place in parentheses qualifies the name ("Huawei Technologies
        // (Shenzhen)", "ECOM International (HK)").
        if t.raw.kind == Some(TokenKind::Place) && !outside.is_empty() {
            t.make_optional(text, "in parentheses says where", steps);
            continue;
        }
        if t.raw.kind.is_some() || outside.is_empty() {
            continue;
        }
        let word = t.raw.text.as_str();
        let written = &text[t.raw.span.clone()];
        let letters = word.bytes().all(|b| b.is_ascii_alphabetic());
        let acronym = letters
            && (2..=12).contains(&word.len())
            && (built_from_initials(word.as_bytes(), &outside)
                || (mixed_case && written.chars().all(|c| !c.is_lowercase())));
        let repeated = outside.iter().any(|o| o == word);
        if acronym || repeated {
            t.optional = true;
            let what = if repeated {
                "a word the name already has"
            } else {
                "the name's own acronym"
            };
            steps.push(
                StepKind::Optional,
                format!("'{written}' in parentheses is {what}: optional"),
            );
        }
    }
}

/// A word before or after the rest of the name that is its acronym, made
/// of the initials of the other words in order ("AIG - Armament Industries
/// Group", "Institute of Applied Physics IAP") is optional, as it is in
/// parentheses: one writer adds it, another leaves it out. Three letters
/// at least, one for each word it stands for but one at most (connectives
/// aside): "ACE" is no acronym of a name of ten words.
pub(super) fn edge_acronyms(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let body = |toks: &[Tagging]| {
        let mut at = (0..toks.len()).filter(|&i| !toks[i].raw.paren);
        at.next()
            .map(|first| (first, at.next_back().unwrap_or(first)))
    };
    let Some((first, last)) = body(toks) else {
        return;
    };
    for edge in [first, last] {
        if !is_edge_acronym(toks, edge) {
            continue;
        }
        toks[edge].make_optional(text, "is the name's own acronym", steps);
    }
}

/// Whether token `edge` is the acronym of the other words outside
/// parentheses ([`edge_acronyms`]).
fn is_edge_acronym(toks: &[Tagging], edge: usize) -> bool {
    let t = &toks[edge];
    let word = t.raw.text.as_bytes();
    if t.optional
        || t.raw.kind.is_some()
        || word.len() < 3
        || !word.iter().all(u8::is_ascii_alphabetic)
    {
        return false;
    }
    let others = || {
        toks.iter()
            .enumerate()
            .filter(move |&(i, x)| i != edge && !x.raw.paren)
            .map(|(_, x)| x.raw.text.as_str())
    };
    let content = others().filter(|w| !CONNECTIVES.contains(w)).count();
    word.len() + 1 >= content && built_from_beginnings(word, others(), 1)
}

/// Whether `acronym` is made of non-empty beginnings of `words`, in order,
/// some words skipped (`cetc`: China Electronics Technology \[Group\] Corp).
pub(crate) fn built_from_initials(acronym: &[u8], words: &[String]) -> bool {
    built_from_beginnings(acronym, words.iter().map(String::as_str), usize::MAX)
}

/// [`built_from_initials`] taking at most `most` letters of each word:
/// with 2, an acronym (`avic`: AViation Industry Corporation of China), not
/// a word made of syllables (`bancorp`: BANCO CORPorativo).
pub(crate) fn built_from_beginnings<'a>(
    acronym: &[u8],
    words: impl IntoIterator<Item = &'a str>,
    most: usize,
) -> bool {
    // reach[i]: the first i letters are built from words before the current one.
    let mut reach = vec![false; acronym.len() + 1];
    reach[0] = true;
    for w in words {
        let w = w.as_bytes();
        for i in (0..acronym.len()).rev() {
            if !reach[i] {
                continue;
            }
            let common = acronym[i..]
                .iter()
                .zip(w)
                .take_while(|(a, b)| a == b)
                .count()
                .min(most);
            for k in 1..=common {
                reach[i + k] = true;
            }
        }
        if reach[acronym.len()] {
            return true;
        }
    }
    false
}
