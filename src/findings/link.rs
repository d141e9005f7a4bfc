//! The linking rule: which hits of a report are one real entity (see the
//! module documentation of [`crate::findings`]).

use super::Item;
use crate::list::{DesignationList, Entity, EntityKind, ListMeta};
use crate::normalize::{FORM_WORDS, Normalized, TokenKind};
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

/// Strength of a link through a primary name without a distinctive word
/// ("China State Shipbuilding Corporation Limited" on the 1260H list and
/// on NS-CMIC): it links only to the same primary name of an entry whose
/// countries, where both say them, agree ([`generic_key_words`]).
const GENERIC_PRIMARY: u8 = 3;

/// The key of an entity's primary name (`primary`) or alias, normalised:
/// its words but legal forms, for a name with a distinctive word, or a
/// primary name of two words or more without one (strength
/// [`GENERIC_PRIMARY`]). The screener computes them once, from the names
/// it prepared for matching.
pub(crate) fn name_key(kind: EntityKind, primary: bool, n: &Normalized) -> Option<Key> {
    let (strength, words) = match (n.has_distinctive(), primary) {
        (true, true) => (1, distinctive_key_words(n)),
        (true, false) => (2, distinctive_key_words(n)),
        (false, true) => (GENERIC_PRIMARY, generic_key_words(n)),
        (false, false) => return None,
    };
    if strength == GENERIC_PRIMARY && words.len() < 2 {
        return None;
    }
    let text = words.join(" ");
    Some(Key {
        key: format!("name:{kind:?}:{text}"),
        strength,
        // Said as written: the compare form reads oddly ("huawei
        // investment and" of "Huawei Investment & Holding Co., Ltd.").
        words: format!("the name \"{}\" (legal forms aside)", n.original.trim()),
    })
}

/// The words a name with a distinctive word is keyed by: all but its
/// legal forms and words like "Group", in their compare form.
fn distinctive_key_words(n: &Normalized) -> Vec<&str> {
    n.tokens
        .iter()
        .filter(|t| t.kind != TokenKind::LegalForm)
        .map(|t| t.text.as_str())
        .collect()
}

/// The words a name without a distinctive word is keyed by: its words as
/// written, "Group" and "Holding" among them, legal forms aside. Such names
/// tell a parent from its listed company only by those words ("China
/// United Network Communications Group Co., Ltd." and "China United Network
/// Communications Co., Ltd."; "China Telecommunications Corporation" and
/// "China Telecom Corporation Limited"), so none is left out or expanded.
fn generic_key_words(n: &Normalized) -> Vec<&str> {
    n.tokens
        .iter()
        .filter(|t| t.kind != TokenKind::LegalForm || FORM_WORDS.contains(&t.text.as_str()))
        .map(|t| t.unexpanded_text())
        .collect()
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
    let countries_agree = |a: usize, b: usize| {
        let (x, y) = (&items[a].entity.countries, &items[b].entity.countries);
        x.is_empty() || y.is_empty() || x.iter().any(|c| y.contains(c))
    };
    let linking = |a: &(usize, u8, String), b: &(usize, u8, String)| match (a.1, b.1) {
        (GENERIC_PRIMARY, GENERIC_PRIMARY) => countries_agree(a.0, b.0),
        (GENERIC_PRIMARY, _) | (_, GENERIC_PRIMARY) => false,
        (x, y) => x.min(y) < 2,
    };
    for holders in by_key.values() {
        for (x, a) in holders.iter().enumerate() {
            for b in &holders[x + 1..] {
                if a.0 != b.0 && linking(a, b) {
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
