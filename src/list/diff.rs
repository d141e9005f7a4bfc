//! What changed between two versions of a list: entities added, removed and
//! changed (names, aliases, former names, periods, relations, programs,
//! countries, citation), per list. No I/O: give it the loaded lists.
//!
//! ```
//! use vendor_screen::list::{DesignationList, Entity, ListMeta, diff::diff};
//! let old = vec![DesignationList {
//!     meta: ListMeta::new("l", "L"),
//!     entities: vec![Entity::new("1", "Alpha Co.", "n1"), Entity::new("2", "Beta Co.", "n1")],
//! }];
//! let mut new = old.clone();
//! new[0].entities.remove(1);
//! new[0].entities[0].aliases.push("Alpha".into());
//! new[0].entities.push(Entity::new("3", "Gamma Co.", "n2"));
//! let d = diff(&old, &new);
//! let l = &d.lists[0];
//! assert_eq!((l.added.len(), l.removed.len(), l.changed.len()), (1, 1, 1));
//! assert_eq!(l.changed[0].changes[0].added, ["Alpha"]);
//! assert!(d.to_string().contains("+ 3 Gamma Co."));
//! ```

use super::{DesignationList, Entity};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

/// An entity, briefly: id and primary name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityRef {
    /// The entity id.
    pub id: String,
    /// Its primary name.
    pub name: String,
}

/// One field of an entity that changed: what was added and removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field (`name`, `aliases`, `periods`, `relations`, ...).
    pub field: String,
    /// Values in the new version only.
    pub added: Vec<String>,
    /// Values in the old version only.
    pub removed: Vec<String>,
}

/// An entity in both versions that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityChange {
    /// The entity id.
    pub id: String,
    /// Its primary name in the new version.
    pub name: String,
    /// What changed, field by field.
    pub changes: Vec<FieldChange>,
}

/// The differences in one list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListDiff {
    /// The list id.
    pub list: String,
    /// Whether the list is in the old version, the new one, or both.
    pub presence: Presence,
    /// Entities in the new version only.
    pub added: Vec<EntityRef>,
    /// Entities in the old version only.
    pub removed: Vec<EntityRef>,
    /// Entities in both that differ.
    pub changed: Vec<EntityChange>,
    /// Entities in both.
    pub unchanged: usize,
}

/// Which versions hold a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// In both versions.
    Both,
    /// In the new version only.
    New,
    /// In the old version only.
    Old,
}

/// The differences between two versions of a set of lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Per list id, in the order of the new version, then lists only in
    /// the old one.
    pub lists: Vec<ListDiff>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.lists.iter().all(|l| {
            l.presence == Presence::Both
                && l.added.is_empty()
                && l.removed.is_empty()
                && l.changed.is_empty()
        })
    }

    /// Ids of every entity added or changed in the new version, per list id
    /// (what a re-screen must look at again), and of every entity removed.
    pub fn touched(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for l in &self.lists {
            for e in &l.added {
                out.push((l.list.clone(), e.id.clone()));
            }
            for e in &l.removed {
                out.push((l.list.clone(), e.id.clone()));
            }
            for e in &l.changed {
                out.push((l.list.clone(), e.id.clone()));
            }
        }
        out
    }
}

/// Compares two versions: entities are the same when their list id and
/// entity id are.
pub fn diff(old: &[DesignationList], new: &[DesignationList]) -> Diff {
    let old_by_id: HashMap<&str, &DesignationList> =
        old.iter().map(|l| (l.meta.id.as_str(), l)).collect();
    let new_ids: BTreeSet<&str> = new.iter().map(|l| l.meta.id.as_str()).collect();
    let mut lists = Vec::new();
    for n in new {
        let o = old_by_id.get(n.meta.id.as_str()).copied();
        lists.push(list_diff(o, Some(n)));
    }
    for o in old {
        if !new_ids.contains(o.meta.id.as_str()) {
            lists.push(list_diff(Some(o), None));
        }
    }
    Diff { lists }
}

fn list_diff(old: Option<&DesignationList>, new: Option<&DesignationList>) -> ListDiff {
    let empty: Vec<Entity> = Vec::new();
    let (o, n) = (
        old.map_or(&empty, |l| &l.entities),
        new.map_or(&empty, |l| &l.entities),
    );
    let id = new.or(old).map_or(String::new(), |l| l.meta.id.clone());
    let presence = match (old, new) {
        (Some(_), Some(_)) => Presence::Both,
        (None, _) => Presence::New,
        (_, None) => Presence::Old,
    };
    let o_by: HashMap<&str, &Entity> = o.iter().map(|e| (e.id.as_str(), e)).collect();
    let n_by: HashMap<&str, &Entity> = n.iter().map(|e| (e.id.as_str(), e)).collect();
    let r = |e: &Entity| EntityRef {
        id: e.id.clone(),
        name: e.name.clone(),
    };
    let mut d = ListDiff {
        list: id,
        presence,
        added: n
            .iter()
            .filter(|e| !o_by.contains_key(e.id.as_str()))
            .map(r)
            .collect(),
        removed: o
            .iter()
            .filter(|e| !n_by.contains_key(e.id.as_str()))
            .map(r)
            .collect(),
        changed: Vec::new(),
        unchanged: 0,
    };
    for e in n {
        let Some(before) = o_by.get(e.id.as_str()) else {
            continue;
        };
        let changes = entity_changes(before, e);
        if changes.is_empty() {
            d.unchanged += 1;
        } else {
            d.changed.push(EntityChange {
                id: e.id.clone(),
                name: e.name.clone(),
                changes,
            });
        }
    }
    d
}

/// A field of an entity, as comparable text values.
type FieldText = fn(&Entity) -> Vec<String>;

/// Field-by-field differences of one entity (values compared as text).
pub fn entity_changes(old: &Entity, new: &Entity) -> Vec<FieldChange> {
    let fields: [(&str, FieldText); 11] = [
        ("name", |e| vec![e.name.clone()]),
        ("aliases", |e| e.aliases.clone()),
        ("weak_aliases", |e| e.weak_aliases.clone()),
        ("former_names", |e| e.former_names.clone()),
        ("original_names", |e| {
            e.original_names.iter().map(|o| o.name.clone()).collect()
        }),
        ("kind", |e| vec![format!("{:?}", e.kind).to_lowercase()]),
        ("countries", |e| e.countries.clone()),
        ("programs", |e| e.programs.clone()),
        ("periods", |e| {
            e.periods
                .iter()
                .map(|p| {
                    let date =
                        |d: Option<super::Date>| d.map_or("…".to_string(), |d| d.to_string());
                    let mut s = format!("{} to {}", date(p.start), date(p.end));
                    if let Some(c) = &p.citation {
                        s.push_str(&format!(" ({c})"));
                    }
                    s
                })
                .collect()
        }),
        ("relations", |e| {
            e.relations
                .iter()
                .map(|r| {
                    let share = r.share.map_or(String::new(), |s| format!(" {s}%"));
                    format!("{:?} {}{share}", r.kind, r.name).to_lowercase()
                })
                .collect()
        }),
        ("citation", |e| vec![e.citation.clone()]),
    ];
    let mut out = Vec::new();
    for (field, get) in fields {
        let (a, b) = (get(old), get(new));
        let added: Vec<String> = b.iter().filter(|x| !a.contains(x)).cloned().collect();
        let removed: Vec<String> = a.iter().filter(|x| !b.contains(x)).cloned().collect();
        if !added.is_empty() || !removed.is_empty() {
            out.push(FieldChange {
                field: field.to_string(),
                added,
                removed,
            });
        }
    }
    out
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for l in &self.lists {
            let presence = match l.presence {
                Presence::Both => "",
                Presence::New => " (new list)",
                Presence::Old => " (list gone)",
            };
            writeln!(
                f,
                "{}{presence}: {} added, {} removed, {} changed, {} unchanged",
                l.list,
                l.added.len(),
                l.removed.len(),
                l.changed.len(),
                l.unchanged
            )?;
            for e in &l.added {
                writeln!(f, "  + {} {}", e.id, e.name)?;
            }
            for e in &l.removed {
                writeln!(f, "  - {} {}", e.id, e.name)?;
            }
            for e in &l.changed {
                writeln!(f, "  ~ {} {}", e.id, e.name)?;
                for c in &e.changes {
                    for a in &c.added {
                        writeln!(f, "      {} + {a}", c.field)?;
                    }
                    for r in &c.removed {
                        writeln!(f, "      {} - {r}", c.field)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// The entities of `new` that a change touches: those added or changed
/// (per `diff`), with every entity of the same list related to one of them
/// (a relation to it, or from it, by id or by name), so a screener built
/// over them finds every hit the change can make, relation hits included.
/// Lists keep their metadata; lists with nothing touched are left out.
///
/// ```
/// use vendor_screen::list::{DesignationList, Entity, ListMeta, diff::{diff, touched_lists}};
/// let old = vec![DesignationList { meta: ListMeta::new("l", "L"), entities: vec![Entity::new("1", "Alpha Co.", "n")] }];
/// let mut new = old.clone();
/// new[0].entities.push(Entity::new("2", "Beta Co.", "n"));
/// let delta = touched_lists(&new, &diff(&old, &new));
/// assert_eq!(delta[0].entities.len(), 1);
/// assert_eq!(delta[0].entities[0].id, "2");
/// ```
pub fn touched_lists(new: &[DesignationList], diff: &Diff) -> Vec<DesignationList> {
    let mut out = Vec::new();
    for list in new {
        let Some(d) = diff.lists.iter().find(|d| d.list == list.meta.id) else {
            continue;
        };
        let mut ids: BTreeSet<&str> = d
            .added
            .iter()
            .map(|e| e.id.as_str())
            .chain(d.changed.iter().map(|e| e.id.as_str()))
            .collect();
        if ids.is_empty() {
            continue;
        }
        // Removed entities' names, so relations to them by name count too.
        let removed: BTreeSet<&str> = d.removed.iter().map(|e| e.id.as_str()).collect();
        let names: BTreeSet<String> = list
            .entities
            .iter()
            .filter(|e| ids.contains(e.id.as_str()))
            .map(|e| e.name.to_lowercase())
            .collect();
        let touched = |e: &Entity, ids: &BTreeSet<&str>| {
            e.relations.iter().any(|r| {
                r.target
                    .as_deref()
                    .is_some_and(|t| ids.contains(t) || removed.contains(t))
                    || names.contains(&r.name.to_lowercase())
            })
        };
        // Entities pointing at a touched one, and those a touched one points at.
        let mut more: Vec<&str> = Vec::new();
        for e in &list.entities {
            if touched(e, &ids) {
                more.push(&e.id);
            }
            if ids.contains(e.id.as_str()) {
                for r in &e.relations {
                    if let Some(t) = &r.target {
                        more.push(t);
                    }
                }
            }
        }
        ids.extend(more);
        out.push(DesignationList {
            meta: list.meta.clone(),
            entities: list
                .entities
                .iter()
                .filter(|e| ids.contains(e.id.as_str()))
                .cloned()
                .collect(),
        });
    }
    out
}
