//! Merging two records of one entity without losing anything.

use super::Entity;

/// What [`Entity::absorb`] added, as an import note says it: "nothing
/// new", or its items joined.
pub(crate) fn added_in_words(added: &[String]) -> String {
    if added.is_empty() {
        "nothing new".to_string()
    } else {
        added.join(", ")
    }
}

fn push_new<T: PartialEq>(into: &mut Vec<T>, items: Vec<T>, added: &mut usize) {
    for item in items {
        if !into.contains(&item) {
            into.push(item);
            *added += 1;
        }
    }
}

impl Entity {
    /// Merges another record of the same entity into this one, keeping every
    /// name (a different primary name becomes an alias), period, citation,
    /// program, address, identifier, relation and note. Returns what was
    /// added, in words (empty when the record added nothing).
    ///
    /// ```
    /// use vendor_screen::list::{Entity, Period};
    /// let mut a = Entity::new("1", "Example Co.", "84 FR 1");
    /// let mut b = Entity::new("1", "Example Company", "85 FR 2");
    /// b.periods.push(Period::new("2020-01-01".parse().ok(), None));
    /// let added = a.absorb(b);
    /// assert_eq!(a.aliases, ["Example Company"]);
    /// assert_eq!(a.citation, "84 FR 1; 85 FR 2");
    /// assert_eq!(a.periods.len(), 1);
    /// assert!(added.contains(&"name `Example Company` as an alias".to_string()));
    /// ```
    pub fn absorb(&mut self, other: Entity) -> Vec<String> {
        let mut said = Vec::new();
        if other.name != self.name
            && !self.aliases.contains(&other.name)
            && !self.former_names.contains(&other.name)
        {
            said.push(format!("name `{}` as an alias", other.name));
            self.aliases.push(other.name);
        }
        let mut count = |what: &str, n: usize| {
            if n > 0 {
                said.push(format!("{n} {what}"));
            }
        };
        let mut n = 0;
        let aliases: Vec<String> = other
            .aliases
            .into_iter()
            .filter(|a| *a != self.name)
            .collect();
        push_new(&mut self.aliases, aliases, &mut n);
        count("alias(es)", n);
        let mut n = 0;
        push_new(&mut self.weak_aliases, other.weak_aliases, &mut n);
        count("weak alias(es)", n);
        let mut n = 0;
        push_new(&mut self.former_names, other.former_names, &mut n);
        count("former name(s)", n);
        let mut n = 0;
        push_new(&mut self.original_names, other.original_names, &mut n);
        count("original-script name(s)", n);
        let mut n = 0;
        push_new(&mut self.periods, other.periods, &mut n);
        count("period(s)", n);
        let mut n = 0;
        push_new(&mut self.addresses, other.addresses, &mut n);
        count("address(es)", n);
        let mut n = 0;
        push_new(&mut self.countries, other.countries, &mut n);
        count("country(ies)", n);
        let mut n = 0;
        push_new(&mut self.identifiers, other.identifiers, &mut n);
        count("identifier(s)", n);
        let mut n = 0;
        push_new(&mut self.programs, other.programs, &mut n);
        count("program(s)", n);
        let mut n = 0;
        push_new(&mut self.relations, other.relations, &mut n);
        count("relation(s)", n);
        let known: Vec<&str> = self.citation.split("; ").collect();
        let new: Vec<&str> = other
            .citation
            .split("; ")
            .filter(|c| !c.is_empty() && !known.contains(c))
            .collect();
        if !new.is_empty() {
            said.push(format!("citation `{}`", new.join("; ")));
            self.citation = format!("{}; {}", self.citation, new.join("; "));
        }
        if let Some(note) = other.notes {
            match &mut self.notes {
                Some(mine) if mine.contains(note.as_str()) => {}
                Some(mine) => {
                    mine.push_str(" | ");
                    mine.push_str(&note);
                    said.push("a note".to_string());
                }
                None => {
                    self.notes = Some(note);
                    said.push("a note".to_string());
                }
            }
        }
        said
    }
}
