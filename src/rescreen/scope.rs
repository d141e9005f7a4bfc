//! Which entities a small screener holds: a subset of the lists, and the
//! members the lists name for its entities, whose names vouch for a
//! group's brand ([`crate::score::Core::members_carrying`]).

use super::EntityKey;
use crate::list::DesignationList;
use crate::screen::members_named;
use std::collections::{HashMap, HashSet};

/// The members each list names for its entities, by the entities' keys
/// (entities without members left out).
pub(super) fn members_of(lists: &[DesignationList]) -> HashMap<EntityKey, Vec<EntityKey>> {
    let mut out = HashMap::new();
    for list in lists {
        let key = |i: usize| (list.meta.id.clone(), list.entities[i].id.clone());
        for (g, ms) in members_named(list).into_iter().enumerate() {
            if !ms.is_empty() {
                out.insert(key(g), ms.into_iter().map(key).collect());
            }
        }
    }
    out
}

/// `keep` and the members the lists name for its entities: a group's
/// cores depend on its members' names, so a screener over some entities
/// holds their members too, to weigh them as a screener over every list
/// does.
pub(super) fn with_members(
    mut keep: HashSet<EntityKey>,
    members: &HashMap<EntityKey, Vec<EntityKey>>,
) -> HashSet<EntityKey> {
    let more: Vec<EntityKey> = keep
        .iter()
        .filter_map(|k| members.get(k))
        .flatten()
        .cloned()
        .collect();
    keep.extend(more);
    keep
}

/// The lists with only the entities `keep` holds.
pub(super) fn subset(lists: &[DesignationList], keep: &HashSet<EntityKey>) -> Vec<DesignationList> {
    lists
        .iter()
        .map(|l| DesignationList {
            meta: l.meta.clone(),
            entities: l
                .entities
                .iter()
                .filter(|e| keep.contains(&(l.meta.id.clone(), e.id.clone())))
                .cloned()
                .collect(),
        })
        .collect()
}
