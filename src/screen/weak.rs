//! OFAC's weak aliases ([`crate::list::Entity::weak_aliases`]) hit only a
//! vendor's name that is the alias word for word. OFAC marks nicknames, noms
//! de guerre and common acronyms as weak because they "may generate a large
//! volume of false hits", and does not expect them to be screened for (FAQ
//! 122 and 124): "PPL" of Petropars Ltd. is not PPL Corp, nor "FOX" of a
//! person Fox Corp. A vendor writing the alias itself still hits, so every
//! name of a list finds its own entity. So does a vendor named after a
//! group's brand that the members the lists name for the group carry ("TMK
//! Oil Field Services" of PJSC Pipe Metallurgical Company, a.k.a. 'TMK',
//! whose listed members are TMK companies): the lists' own entries are the
//! other information that confirms it. The same holds for a weak alias that
//! is the initialism of one of its entity's other names ("EDBI" of Export
//! Development Bank of Iran), which counts as any alias, and for a vendor's
//! name that is the alias as written, cut by a field of fixed width.

use super::NameRef;
use crate::explain::Explanation;
use crate::list::NameKind;
use crate::matcher::Matcher;
use crate::normalize::{CONNECTIVES, Normalized, TokenKind};
use crate::score::Rule;

/// The words of a normalised name, in order of their text: two names are
/// word for word the same when these are equal (legal forms included, so
/// "PPL Corp" is not "PPL"; the order of the words aside).
pub(super) fn words(name: &Normalized) -> Vec<String> {
    let mut words: Vec<String> = name.tokens.iter().map(|t| t.text.clone()).collect();
    words.sort_unstable();
    words
}

/// The most letters of an initialism.
const MAX_INITIALS: usize = 8;

/// Whether a weak alias's hit stands whatever the vendor's other words:
/// a group member's, by a core the members the lists name for the entity
/// carry ([`crate::score::Core::members_carrying`]), or the alias cut by a
/// field width.
pub(super) fn stands(e: &Explanation) -> bool {
    e.containment
        .as_ref()
        .is_some_and(|c| c.members_carrying > 0)
        || e.evidence.iter().any(|x| x.rule == Rule::Cut)
}

/// Marks each weak alias as hitting only word for word, with its words,
/// but for one that is the initialism of another name of its entity, which
/// hits like any alias; reads the names as the matcher prepared them.
/// `names` holds each entity's names next to each other, in the matcher's
/// order.
pub(super) fn mark_word_for_word(names: &mut [NameRef], matcher: &Matcher) {
    let mut start = 0;
    while start < names.len() {
        let entity = (names[start].list, names[start].entity);
        let end = names[start..]
            .iter()
            .position(|n| (n.list, n.entity) != entity)
            .map_or(names.len(), |k| start + k);
        for i in start..end {
            if names[i].kind == NameKind::WeakAlias {
                let others = (start..end)
                    .filter(|&j| names[j].kind != NameKind::WeakAlias)
                    .map(|j| matcher.normalized(j));
                let alias = matcher.normalized(i);
                names[i].word_for_word =
                    (!initialism_of_a_name(alias, others)).then(|| words(alias));
            }
        }
        start = end;
    }
}

/// Whether `alias` is the initialism of one of `others`: the first letters
/// of its words in order, where a legal form or a connective may be left
/// out ("AEOI" of Atomic Energy Organization of Iran, "SHIG" of Shahid
/// Hemmat Industrial Group, "CETC" of China Electronics Technology Group
/// Corporation, "PJSC MMK" of Publichnoe Aktsionernoe Obschestvo
/// Magnitogorskiy Metallurgicheskiy Kombinat).
fn initialism_of_a_name<'a>(
    alias: &Normalized,
    mut others: impl Iterator<Item = &'a Normalized>,
) -> bool {
    let mut words = alias
        .tokens
        .iter()
        .filter(|t| t.kind != TokenKind::LegalForm);
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    let letters = word.text.as_bytes();
    // An initialism has a few letters; more would make the search below
    // long for nothing.
    if !(2..=MAX_INITIALS).contains(&letters.len()) || !letters.iter().all(u8::is_ascii_alphabetic)
    {
        return false;
    }
    others.any(|name| {
        let words: Vec<(u8, bool)> = name
            .tokens
            .iter()
            .filter_map(|t| {
                let optional =
                    t.kind == TokenKind::LegalForm || CONNECTIVES.contains(&t.text.as_str());
                t.text.bytes().next().map(|b| (b, optional))
            })
            .collect();
        initials(letters, &words)
    })
}

/// Whether `letters` are the first letters of `words` (first letter, may
/// be left out), each word used once, in order.
fn initials(letters: &[u8], words: &[(u8, bool)]) -> bool {
    match (letters, words) {
        ([], rest) => rest.iter().all(|&(_, optional)| optional),
        (_, []) => false,
        ([l, more @ ..], [(w, optional), rest @ ..]) => {
            (l == w && initials(more, rest)) || (*optional && initials(letters, rest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{initialism_of_a_name, words};
    use crate::normalize::Normalizer;

    #[test]
    fn the_same_words_and_nothing_more() {
        let n = Normalizer::new();
        let same = |a: &str, b: &str| words(&n.normalize(a)) == words(&n.normalize(b));
        assert!(same("PPL", "ppl"));
        assert!(same("VMC LLC", "VMC, L.L.C."));
        assert!(same("NORTH STAR", "North  Star"));
        assert!(!same("PPL Corp", "PPL"), "a legal form added");
        assert!(!same("Orion Group Holdings", "ORION"));
        assert!(
            !same("NORTH STARS", "NORTH STAR"),
            "an inflection is another word"
        );
    }

    #[test]
    fn an_initialism_of_another_name_is_confirmed() {
        let n = Normalizer::new();
        let confirmed = |alias: &str, name: &str| {
            let name = n.normalize(name);
            initialism_of_a_name(&n.normalize(alias), std::iter::once(&name))
        };
        assert!(confirmed("EDBI", "EXPORT DEVELOPMENT BANK OF IRAN"));
        assert!(confirmed("SHIG", "SHAHID HEMMAT INDUSTRIAL GROUP"));
        assert!(confirmed(
            "CETC",
            "CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION"
        ));
        assert!(confirmed("BOI", "BANK OF IRAN"));
        assert!(confirmed("BI", "BANK OF IRAN"));
        assert!(
            !confirmed("BIR", "BANK OF IRAN"),
            "every word's letter, in order"
        );
        assert!(confirmed(
            "PJSC MMK",
            "PUBLICHNOE AKTSIONERNOE OBSCHESTVO MAGNITOGORSKIY METALLURGICHESKIY KOMBINAT"
        ));
        assert!(!confirmed("PPL", "PETROPARS LTD."), "not its initials");
        assert!(!confirmed("ORION", "GARCIA ARBOLEDA, Edward"));
        assert!(!confirmed("ARMACO", "SHAHID HEMMAT INDUSTRIAL GROUP"));
        // A letter inside a word is no initial.
        assert!(!confirmed("BNC", "BANCO CUBA"));
    }
}
