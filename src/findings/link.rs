//! The linking rule: which hits of a report are one real entity (see the
//! module documentation of [`crate::findings`]).

use super::Item;
use crate::list::{DesignationList, Entity, EntityKind, ListMeta};
use crate::normalize::{Normalized, TokenKind};
use crate::screen::vendor::compare_form;
use std::collections::HashMap;

/// Union-find over items, smallest index as root.
pub(super) struct UnionFind(pub(super) Vec<usize>);

impl UnionFind {
    pub(super) fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    pub(super) fn union(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
        a != b
    }
}

/// Whether an identifier kind is one that names one party (not a date, a
/// ticker, a web site or a remark).
fn identifying(kind: &str) -> bool {
    let k = kind.to_ascii_lowercase();
    ![
        "date",
        "ticker",
        "website",
        "web site",
        "email",
        "e-mail",
        "phone",
        "fax",
        "directive",
        "sanction",
        "gender",
        "type",
        "issuer",
        "nationality",
        "established",
        "information",
        "title",
        "vessel",
        "tonnage",
        "flag",
        "call sign",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// A link key of an entity: what it is, how strong, and in words.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    key: String,
    /// 0 for an identifier, 1 for a primary name, 2 for an alias (links
    /// only to a primary name).
    strength: u8,
    words: String,
}

/// The identifier keys of an entity.
fn identifier_keys(entity: &Entity) -> Vec<Key> {
    let mut out = Vec::new();
    for i in &entity.identifiers {
        let v = compare_form(&i.value);
        if identifying(&i.kind) && v.len() >= 6 && v.bytes().any(|b| b.is_ascii_digit()) {
            out.push(Key {
                key: format!("id:{v}"),
                strength: 0,
                words: format!("the identifier {} {}", i.kind, i.value),
            });
        }
    }
    out
}

/// OFAC numbers its entries once across all its lists (`ent_num`), and
/// every format that carries its entries keeps that number as the entry's
/// id: the SDN and consolidated files, the CSL's `_id` and
/// `entity_number` for Treasury rows, the bundled NS-CMIC list. An entry of
/// a list OFAC issues is keyed by it.
fn publisher_key(list: &ListMeta, entity: &Entity) -> Option<Key> {
    let ofac = list.authority.contains("Office of Foreign Assets Control");
    let number = !entity.id.is_empty() && entity.id.bytes().all(|b| b.is_ascii_digit());
    (ofac && number).then(|| Key {
        key: format!("ofac:{}", entity.id),
        strength: 0,
        words: format!("OFAC's entry number {}", entity.id),
    })
}

/// The key of an entity's primary name (`primary`) or alias, normalised:
/// its words but legal forms, for a name with a distinctive word. The
/// screener computes them once, from the names it prepared for matching.
pub(crate) fn name_key(kind: EntityKind, primary: bool, n: &Normalized) -> Option<Key> {
    if !n.has_distinctive() {
        return None;
    }
    let words: Vec<&str> = n
        .tokens
        .iter()
        .filter(|t| t.kind != TokenKind::LegalForm)
        .map(|t| t.text.as_str())
        .collect();
    let text = words.join(" ");
    Some(Key {
        key: format!("name:{kind:?}:{text}"),
        strength: if primary { 1 } else { 2 },
        // Said as written: the compare form reads oddly ("huawei
        // investment and" of "Huawei Investment & Holding Co., Ltd.").
        words: format!("the name \"{}\" (legal forms aside)", n.original.trim()),
    })
}

/// Items holding one key: (item, strength, words).
type Holders = Vec<(usize, u8, String)>;

/// A link between two items: (item, item, strength, words).
type Edge = (usize, usize, u8, String);

/// The links between items: pairs of the same path class sharing a key,
/// identifiers (and OFAC's entry numbers) first; a name links only when it
/// is one side's primary name.
/// `name_keys` are each list's entities' name keys ([`name_key`]).
pub(super) fn links(
    items: &[Item<'_>],
    lists: &[DesignationList],
    name_keys: &[Vec<Vec<Key>>],
) -> Vec<Edge> {
    if items.len() < 2 {
        return Vec::new();
    }
    let ids: Vec<Vec<Key>> = items
        .iter()
        .map(|it| {
            let mut keys = identifier_keys(it.entity);
            keys.extend(publisher_key(&lists[it.list].meta, it.entity));
            keys
        })
        .collect();
    let mut by_key: HashMap<(&str, &str), Holders> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let names = &name_keys[item.list][item.index];
        for k in ids[i].iter().chain(names) {
            by_key
                .entry((item.class.as_str(), k.key.as_str()))
                .or_default()
                .push((i, k.strength, k.words.clone()));
        }
    }
    let mut edges: Vec<Edge> = Vec::new();
    for holders in by_key.values() {
        for (x, a) in holders.iter().enumerate() {
            for b in &holders[x + 1..] {
                if a.0 != b.0 && a.1.min(b.1) < 2 {
                    edges.push((a.0.min(b.0), a.0.max(b.0), a.1.max(b.1), a.2.clone()));
                }
            }
        }
    }
    // The strongest link of each pair, identifiers first, in item order.
    edges.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    edges.sort_by_key(|e| (e.2, e.0, e.1));
    edges
}
