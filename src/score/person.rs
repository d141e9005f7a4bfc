//! A listed person's name, written surname first ("PUTIN, Vladimir
//! Vladimirovich", "AL-ASSAD, Bashar Hafez") or, on the Denied Persons
//! List, first name first ("AARON ABRAHAM VILLA"): the lists give a person's
//! middle names and patronymic, while a vendor master writes the surname
//! and the first given name ("Vladimir Putin"). Given names after the first
//! that the vendor leaves out cost, together, a quarter of the weight of one
//! and are no evidence against the names' being one, when the vendor's name
//! pairs the surname and the first given name and has no word of its own.
//!
//! ```
//! use vendor_screen::normalize::Normalizer;
//! use vendor_screen::score::{Prepared, Weights, align};
//! let n = Normalizer::new();
//! let w = Weights::default();
//! let listed = Prepared::new(n.normalize("PUTIN, Vladimir Vladimirovich"), &w).person();
//! let short = align(&Prepared::new(n.normalize("Vladimir Putin"), &w), &listed, 0.0);
//! assert!(short.expect("aligned").score >= 0.85);
//! // Another first name is another person.
//! let other = align(&Prepared::new(n.normalize("Sergei Putin"), &w), &listed, 0.0);
//! assert!(other.map_or(0.0, |a| a.score) < 0.85);
//! ```

use super::evidence::{Evidence, Rule, quoted};
use super::{Leftover, Pair, Prepared, Side};
use crate::normalize::{Normalized, TokenKind};
use serde::Serialize;

/// Share of their cost that a listed person's given names after the first
/// keep when the vendor leaves them out, divided among them.
pub(crate) const MIDDLE_NAME_SHARE: f64 = 0.25;

/// The parts of a listed person's name written "SURNAME, Given Middle".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonName {
    /// The surname's tokens (before the comma).
    pub surname: Vec<usize>,
    /// The first given name's token.
    pub first_given: usize,
    /// The given names after the first: middle names, patronymics.
    pub middle: Vec<usize>,
}

impl PersonName {
    /// The parts of `name`: written surname, comma, given names, with words
    /// on both sides; or, without a comma, first name first ("AARON
    /// ABRAHAM VILLA", as the Denied Persons List writes people): the last
    /// word the surname.
    pub fn of(name: &Normalized) -> Option<PersonName> {
        // A person has no legal form: a word read as one is a name
        // ("Sa'd" reads as the legal form S.A.D.).
        let words: Vec<usize> = name
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.optional)
            .map(|(i, _)| i)
            .collect();
        let Some(comma) = name.original.find(',') else {
            let (&surname, given) = words.split_last()?;
            let (&first_given, middle) = given.split_first()?;
            return Some(PersonName {
                surname: vec![surname],
                first_given,
                middle: middle.to_vec(),
            });
        };
        let (surname, given): (Vec<usize>, Vec<usize>) = words
            .into_iter()
            .partition(|&i| name.tokens[i].span.start < comma);
        let (&first_given, middle) = given.split_first()?;
        (!surname.is_empty()).then(|| PersonName {
            surname,
            first_given,
            middle: middle.to_vec(),
        })
    }
}

/// The listed person's middle names the vendor's name leaves out, when the
/// rule applies: the vendor's name pairs the first given name and a word
/// of the surname, has no word of its own, and leaves out nothing else of
/// the listed name. Empty otherwise.
pub(crate) fn left_out(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &[Leftover],
) -> Vec<usize> {
    let Some(p) = &l.person else {
        return Vec::new();
    };
    let paired = |j: usize| pairs.iter().any(|pr| pr.listed.contains(&j));
    if p.middle.is_empty() || !paired(p.first_given) || !p.surname.iter().any(|&j| paired(j)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for x in leftovers {
        let t = match x.side {
            Side::Query => &q.name.tokens[x.token],
            Side::Listed => &l.name.tokens[x.token],
        };
        if t.optional || t.kind == TokenKind::LegalForm {
            continue;
        }
        if x.side == Side::Listed && p.middle.contains(&x.token) {
            out.push(x.token);
        } else {
            // A word of the vendor's own, or a surname's word left out.
            return Vec::new();
        }
    }
    out
}

/// Rule [`Rule::MiddleNames`], before the score is taken: the middle names
/// [`left_out`] found (`out`) cost [`MIDDLE_NAME_SHARE`] of their weight,
/// divided among them.
pub(crate) fn middle_names(
    l: &Prepared,
    out: &[usize],
    leftovers: &mut [Leftover],
) -> Option<Evidence> {
    if out.is_empty() {
        return None;
    }
    // Together, however many: "Ben Belkassem Ben Mohamed" is one
    // patronymic chain, left out as one.
    let share = MIDDLE_NAME_SHARE / out.len() as f64;
    for x in leftovers.iter_mut() {
        if x.side == Side::Listed && out.contains(&x.token) {
            x.cost *= share;
        }
    }
    Some(Evidence {
        rule: Rule::MiddleNames,
        factor: 1.0,
        detail: format!(
            "the vendor's name is the listed person's surname and first given name: {} left out (middle names, patronymic) cost a quarter together",
            quoted(l, out.iter().copied())
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;

    #[test]
    fn a_name_written_surname_first_is_read_in_parts() {
        let n = Normalizer::new();
        // (name, surname's words, first given name, middle names), as token
        // indexes of the normalised name.
        for (name, surname, first, middle) in [
            ("PUTIN, Vladimir Vladimirovich", vec![0], 1, vec![2]),
            // "AL" is an article: no word of the surname to pair.
            ("AL-ASSAD, Bashar", vec![1], 2, vec![]),
            ("EL HADI, Mustapha Nasri Ben", vec![0, 1], 2, vec![3, 4]),
        ] {
            let p = PersonName::of(&n.normalize(name)).expect(name);
            assert_eq!(p.surname, surname, "{name}");
            assert_eq!(p.first_given, first, "{name}");
            assert_eq!(p.middle, middle, "{name}");
        }
        // "Sa'd" reads as a legal form; in a person's name it is a name.
        let p = PersonName::of(&n.normalize("AL-SHARIF, Sa'd Abdullah Hussein")).expect("parts");
        assert_eq!((p.first_given, p.middle.len()), (2, 2));
        // First name first: the last word is the surname.
        let p = PersonName::of(&n.normalize("AARON ABRAHAM VILLA")).expect("parts");
        assert_eq!((p.surname, p.first_given, p.middle), (vec![2], 0, vec![1]));
        for name in ["PUTIN", "PUTIN,", ", Vladimir"] {
            assert!(PersonName::of(&n.normalize(name)).is_none(), "{name}");
        }
    }
}
