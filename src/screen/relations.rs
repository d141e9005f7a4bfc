//! The listed parties an entity leads to through its list's own relations.

use crate::list::{DesignationList, RelationKind};
use std::collections::HashMap;

/// A listed party an entity leads to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    /// Index of the other entity in the same list.
    pub target: usize,
    /// What the other entity is to this one (`parent`, `parent, 51%`, `affiliate`).
    pub link: String,
    /// The document stating the link.
    pub citation: Option<String>,
}

/// For each entity of a list, the listed parties that own it or are
/// affiliated with it: its own `parent`/`affiliate` relations, and other
/// entities' `subsidiary` relations pointing at it.
pub(crate) fn related_parties(list: &DesignationList) -> Vec<Vec<Link>> {
    let index: HashMap<&str, usize> = list
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut out = vec![Vec::new(); list.entities.len()];
    for (i, e) in list.entities.iter().enumerate() {
        for r in &e.relations {
            let Some(&t) = r.target.as_deref().and_then(|t| index.get(t)) else {
                continue;
            };
            if t == i {
                continue;
            }
            let share = r.share.map(|s| format!(", {s}%")).unwrap_or_default();
            let link = |target: usize, link: String| Link {
                target,
                link,
                citation: r.citation.clone(),
            };
            match r.kind {
                RelationKind::Parent => out[i].push(link(t, format!("parent{share}"))),
                RelationKind::Affiliate => {
                    out[i].push(link(t, "affiliate".to_string()));
                    out[t].push(link(i, "affiliate".to_string()));
                }
                RelationKind::Subsidiary => out[t].push(link(i, format!("parent{share}"))),
            }
        }
    }
    for v in &mut out {
        v.sort_by(|a, b| a.target.cmp(&b.target).then_with(|| a.link.cmp(&b.link)));
        v.dedup_by(|a, b| a.target == b.target);
    }
    out
}
