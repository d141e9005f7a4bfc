//! What the tagging steps write in place of what a name has, and what a
//! name must hold for them to write it: for a caller that must know every
//! text a token of a name can have without normalising the name
//! ([`crate::rescreen`]'s sieve).
//!
//! A token of ASCII text is written as the name has it (a word, or dotted
//! initials or letters spelled out joined, or words run together) except
//! where a step replaces it: a legal form's or a place's compare form, an
//! abbreviation's expansion, Spanish "y" between initials read as "and", an
//! unknown word read as an organisation word
//! (`lndustry`), or a number read from words (`forty-four`, `III`, `13th`).
//! What was written is kept as the token's `unexpanded` text, except by
//! the number step (an ordinal keeps no written form; `forty-four` keeps
//! `forty`) and by a look-alike read of an abbreviation's expansion.

use super::Normalizer;
use super::tables::FORM_WORDS;
use super::variant::{digits_as_letters, digits_as_letters_with_l, initial_l_as_i};
use std::collections::{HashMap, HashSet};

/// What a name must hold for a step to write a [`Replacement`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Trigger {
    /// This token, whole (an abbreviation).
    Token(String),
    /// Adjacent words that, run together, are this (a phrase's words, a
    /// legal form written run together).
    Run(String),
}

/// What triggers each replacement text.
type Triggers = HashMap<String, HashSet<Trigger>>;

/// A text a tagging step writes in place of what a name has.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Replacement {
    /// The token's text once replaced.
    pub text: String,
    /// What the name must hold.
    pub trigger: Trigger,
}

impl Normalizer {
    /// Every text the legal-form, place, abbreviation and Spanish-"y" steps
    /// can write in place of what a name has, once per trigger. (Look-alike
    /// reads are [`look_alike_candidates`]; numbers,
    /// [`super::reads_as_number`].)
    pub(crate) fn replacements(&self) -> Vec<Replacement> {
        let mut legal = Triggers::new();
        for (words, compare) in self.legal.phrases() {
            let triggers = legal.entry(compare.to_string()).or_default();
            triggers.insert(Trigger::Run(words.concat()));
            // Read through one misspelt word (the phrase table's
            // `longest_misspelt_at`), a phrase of several words keeps the
            // others as written: the name holds one of its words.
            if words.len() > 1 {
                triggers.extend(words.iter().map(|w| Trigger::Token(w.clone())));
            }
        }
        for (run, compare) in &self.legal_run_together {
            let triggers = legal.entry(compare.clone()).or_default();
            triggers.insert(Trigger::Run(run.clone()));
        }
        self.merged_legal_forms(&mut legal);
        let mut places = Triggers::new();
        for (words, compare) in self.places.phrases() {
            let triggers = places.entry(compare.to_string()).or_default();
            triggers.insert(Trigger::Run(words.concat()));
        }
        let mut out: Vec<Replacement> = legal
            .into_iter()
            .chain(places)
            .flat_map(|(text, triggers)| {
                triggers.into_iter().map(move |trigger| Replacement {
                    text: text.clone(),
                    trigger,
                })
            })
            .collect();
        // "A Y S": Spanish "y" between two initials ([`super::spelled`]).
        out.push(Replacement {
            text: super::spelled::SPANISH_AND.to_string(),
            trigger: Trigger::Token("y".to_string()),
        });
        for (&short, &long) in &self.abbreviations {
            out.push(Replacement {
                text: long.to_string(),
                trigger: Trigger::Token(short.to_string()),
            });
        }
        out
    }

    /// Two legal forms side by side whose compare forms run together are a
    /// legal form written run together (or a legal form and a word after it)
    /// merge into it
    /// ([`Normalizer::merge_adjacent_legal_forms`]): a name holds the first of
    /// them, so what triggers the first triggers the merged one too.
    /// `legal`: what triggers each compare form, extended in place.
    fn merged_legal_forms(&self, legal: &mut Triggers) {
        let mut firsts: Vec<(String, String)> = Vec::new();
        for (run, merged) in &self.legal_run_together {
            for cut in (1..run.len()).filter(|&c| run.is_char_boundary(c)) {
                let (a, b) = run.split_at(cut);
                // ...and so does a legal form written otherwise than
                // compared with the word after it its compare form runs into.
                let word = b.bytes().all(|c| c.is_ascii_alphabetic());
                if legal.contains_key(a) && (legal.contains_key(b) || word) {
                    firsts.push((merged.clone(), a.to_string()));
                }
            }
        }
        // Merged forms merge again: to a fixed point.
        loop {
            let mut grew = false;
            for (merged, first) in &firsts {
                let add: Vec<Trigger> = legal.get(first).into_iter().flatten().cloned().collect();
                let to = legal.entry(merged.clone()).or_default();
                for trigger in add {
                    grew |= to.insert(trigger);
                }
            }
            if !grew {
                break;
            }
        }
    }

    /// What a legal form can begin with as written: the first word of a
    /// legal-form phrase, a legal form written run together, a word like
    /// "Group", an abbreviation of one. A token that is a legal form begins
    /// one of these (`l` of `L.L.C.` begins `llc`).
    pub(crate) fn legal_form_starts(&self) -> Vec<String> {
        let firsts = self.legal.phrases().filter_map(|(w, _)| w.first().cloned());
        let forms = FORM_WORDS.iter().map(|w| w.to_string());
        let abbreviated = self
            .abbreviations
            .iter()
            .filter(|(_, long)| FORM_WORDS.contains(long))
            .map(|(short, _)| short.to_string());
        firsts
            .chain(self.legal_run_together.keys().cloned())
            .chain(forms)
            .chain(abbreviated)
            .collect()
    }

    /// The second words of legal-form phrases of several words: a name whose
    /// first word misspells a phrase's first word has the second as written.
    pub(crate) fn legal_form_seconds(&self) -> Vec<String> {
        self.legal
            .phrases()
            .filter_map(|(w, _)| w.get(1).cloned())
            .collect()
    }

    /// Abbreviations whose expansion the look-alike step reads again: such a
    /// token keeps the expansion, not what was written, as its `unexpanded`
    /// text.
    pub(crate) fn abbreviations_read_twice(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self
            .abbreviations
            .iter()
            .filter(|(_, long)| self.look_alike_read(long).is_some())
            .map(|(&short, _)| short)
            .collect();
        out.sort_unstable();
        out
    }
}

/// What the look-alike step may read a token as, in order, each made only
/// when asked for: the word with an initial `l` read as `i`, and with
/// digits read as letters (a `1` as `i`, then as `l`). (The step reads the
/// first that is an organisation word, when the token is not one.)
pub(crate) fn look_alike_candidates(word: &str) -> impl Iterator<Item = String> + '_ {
    const READS: [fn(&str) -> Option<String>; 3] =
        [initial_l_as_i, digits_as_letters, digits_as_letters_with_l];
    READS.into_iter().filter_map(move |read| read(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_places_and_abbreviations_are_replacements() {
        let n = Normalizer::new();
        let r = n.replacements();
        let has = |text: &str, trigger: Trigger| {
            r.contains(&Replacement {
                text: text.into(),
                trigger,
            })
        };
        assert!(has("coltd", Trigger::Run("companylimited".into())));
        assert!(has("coltd", Trigger::Run("coltd".into())));
        assert!(has("us", Trigger::Run("unitedstates".into())));
        assert!(has("technology", Trigger::Token("tech".into())));
        assert!(n.abbreviations_read_twice().is_empty());
    }
}
