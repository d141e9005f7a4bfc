//! A record's `name` and `alt_names` fields read into the entity's names:
//! its primary name, aliases, former names, related entities and notes.

use super::{ParsedName, clean_alias, collapse_spaces, split_commas, split_prose};
use crate::list::{ProseCounts, RelationKind};

/// The names read out of a record's `name` and `alt_names` fields.
#[derive(Debug, Default, PartialEq)]
pub(in crate::list::csl) struct NameReading {
    pub(in crate::list::csl) primary: String,
    pub(in crate::list::csl) aliases: Vec<String>,
    pub(in crate::list::csl) former: Vec<String>,
    pub(in crate::list::csl) relations: Vec<(RelationKind, String)>,
    /// Reach clauses and parenthesised remarks, kept as notes.
    pub(in crate::list::csl) notes: Vec<String>,
    pub(in crate::list::csl) counts: ProseCounts,
}

impl NameReading {
    fn add(&mut self, name: &str, former: bool) {
        let name = collapse_spaces(name);
        if name.is_empty() || name == self.primary {
            return;
        }
        let target = if former {
            &mut self.former
        } else {
            &mut self.aliases
        };
        if !target.contains(&name) {
            target.push(name);
        }
    }

    fn absorb(&mut self, p: ParsedName) {
        self.counts.parenthetical_aliases += p.acronyms;
        self.counts.aka += p.aka;
        self.counts.former += p.former.len();
        self.counts.reach_notes += p.reach.len();
        self.counts.related += p.relations.len();
        for r in p.reach {
            if !self.notes.contains(&r) {
                self.notes.push(r);
            }
        }
        for r in p.relations {
            if !self.relations.contains(&r) {
                self.relations.push(r);
            }
        }
        self.add(&p.primary, false);
        self.add(&p.written, false);
        for a in p.aliases {
            self.add(&a, false);
        }
        for f in p.former {
            self.add(&f, true);
        }
    }
}

/// Reads a record's names. Treasury names and aliases are names as given;
/// State and BIS ones are prose, read for aliases (a parenthesised acronym
/// is an alias, and the name as written with it stays a name too), former
/// names, reach notes and related entities. `alt_names` pieces are split on
/// `;` (with or without a space), and Nonproliferation pieces on commas too.
/// Every name as the file writes it (the `name` field, each `alt_names`
/// piece) stays a name of the entity, so a vendor copying it finds it.
pub(in crate::list::csl) fn read_names(
    name: &str,
    alt_names: &str,
    treasury: bool,
    comma_joined: bool,
) -> NameReading {
    let mut r = NameReading::default();
    let parsed = if treasury {
        ParsedName::plain(name)
    } else {
        split_prose(name)
    };
    r.primary = parsed.primary.clone();
    r.absorb(parsed);
    r.add(name, false);
    r.counts.tight_separators += alt_names
        .match_indices(';')
        .filter(|(i, _)| !alt_names[i + 1..].starts_with(' '))
        .count();
    for piece in alt_names
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        let squeezed = collapse_spaces(piece);
        if squeezed.starts_with('(') && squeezed.ends_with(')') {
            // "(all of preceding located in or near Mianyang, Sichuan
            // Province)": a remark on the names, not a name.
            r.notes.push(squeezed);
            continue;
        }
        if squeezed.to_ascii_lowercase().starts_with("and ") {
            r.counts.and_fragments += 1;
        }
        let parts = if comma_joined {
            split_commas(&squeezed)
        } else {
            vec![squeezed.clone()]
        };
        for part in parts {
            let p = if treasury {
                ParsedName::plain(&clean_alias(&part))
            } else {
                split_prose(&part)
            };
            r.absorb(p);
        }
        r.add(&squeezed, false);
    }
    r
}
