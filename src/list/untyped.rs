//! Who a row of a list that does not say is: the Denied Persons List and
//! the CSL's ITAR debarred parties name people (four in five of their rows)
//! and companies in one column without a type. A person's name there is
//! written first name first ("AARON ABRAHAM VILLA"), a company's with a
//! legal form or an organisation word ("AIR FREIGHT LTD", "ADVANCED WEB
//! SERVICES"). The CSL's other untyped sources (Entity List, Unverified
//! List, MEU, nonproliferation) list companies mostly, often named in words
//! no table knows ("Skymount Drones", "Atlas Sanatgaran"), and stay
//! organisations.

use super::EntityKind;
use crate::normalize::{Normalizer, TokenKind};
use std::sync::OnceLock;

/// The CSL sources (the start of their `source`) whose untyped rows are
/// read by [`kind_of`].
pub const LISTS_OF_PEOPLE: [&str; 2] = ["Denied Persons List", "ITAR Debarred"];

/// The kind of an untyped row's name: a person's when it is two to four
/// words, none a legal form, place or number as the normaliser reads them,
/// the last (the surname) a distinctive word (given names may be ordinary
/// words: "JOHN JAMES PETERSON"), and no comma; an organisation's
/// otherwise ("ADVANCED WEB SERVICES" ends with an organisation word). A
/// person may be read as an organisation ("HERNANDEZ, JR.", "KIM SONG
/// II"), and a company named in distinctive words alone, with no legal
/// form, as a person: on the two lists read so, such names are few.
///
/// ```
/// use vendor_screen::list::EntityKind;
/// use vendor_screen::list::untyped::kind_of;
/// assert_eq!(kind_of("AARON ABRAHAM VILLA"), EntityKind::Individual);
/// assert_eq!(kind_of("JOHN JAMES PETERSON"), EntityKind::Individual);
/// assert_eq!(kind_of("AIR FREIGHT LTD"), EntityKind::Organization);
/// assert_eq!(kind_of("ADVANCED WEB SERVICES"), EntityKind::Organization);
/// assert_eq!(kind_of("HIKVISION"), EntityKind::Organization);
/// ```
pub fn kind_of(name: &str) -> EntityKind {
    if name.contains(',') || name.chars().any(|c| c.is_ascii_digit()) {
        return EntityKind::Organization;
    }
    // One normaliser for every row: `Normalizer::new` copies its tables
    // (about 0.4 ms), a thousand times over for the DPL and the CSL.
    static NORMALIZER: OnceLock<Normalizer> = OnceLock::new();
    let n = NORMALIZER.get_or_init(Normalizer::new).normalize(name);
    let words: Vec<_> = n.tokens.iter().filter(|t| !t.optional).collect();
    let named =
        |t: Option<&&crate::normalize::Token>| t.is_some_and(|t| t.kind == TokenKind::Distinctive);
    let person = (2..=4).contains(&words.len())
        && named(words.last())
        && words.iter().all(|t| {
            !matches!(
                t.kind,
                TokenKind::LegalForm | TokenKind::Place | TokenKind::Number
            )
        });
    if person {
        EntityKind::Individual
    } else {
        EntityKind::Organization
    }
}
