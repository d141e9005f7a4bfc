//! Building a [`Screener`]: lists checked, every listed name prepared and
//! indexed, the lookups a report needs made once.

use super::relations::{self, related_parties};
use super::{DEFAULT_THRESHOLD, NameRef, Screener, vendor};
use crate::error::{Error, Result};
use crate::list::{DesignationList, EntityKind, NameKind, Reach};
use crate::matcher::{ListedName, Matcher};
use crate::normalize::Normalizer;
use std::collections::HashMap;

/// Collects lists and settings, then builds a [`Screener`].
///
/// ```
/// use vendor_screen::{ScreenerBuilder, lists};
/// let s = ScreenerBuilder::new().lists(lists::bundled()?).threshold(0.9).build()?;
/// assert_eq!(s.threshold(), 0.9);
/// assert!(ScreenerBuilder::new().threshold(1.5).build().is_err());
/// # Ok::<(), vendor_screen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ScreenerBuilder {
    lists: Vec<DesignationList>,
    threshold: f64,
}

impl Default for ScreenerBuilder {
    fn default() -> Self {
        ScreenerBuilder::new()
    }
}

impl ScreenerBuilder {
    /// An empty builder with the default threshold.
    pub fn new() -> ScreenerBuilder {
        ScreenerBuilder {
            lists: Vec::new(),
            threshold: DEFAULT_THRESHOLD,
        }
    }

    /// Adds one list.
    pub fn list(mut self, list: DesignationList) -> ScreenerBuilder {
        self.lists.push(list);
        self
    }

    /// Adds several lists.
    pub fn lists(mut self, lists: impl IntoIterator<Item = DesignationList>) -> ScreenerBuilder {
        self.lists.extend(lists);
        self
    }

    /// Sets the reporting threshold (0 to 1): a hit is reported when its
    /// score, as reported (three decimals), reaches it, so a screener built
    /// at a threshold reports exactly the hits a screener built lower
    /// reports at or above it.
    pub fn threshold(mut self, threshold: f64) -> ScreenerBuilder {
        self.threshold = threshold;
        self
    }

    /// Validates the settings and prepares every listed name for matching.
    pub fn build(self) -> Result<Screener> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::Argument {
                name: "threshold".into(),
                message: format!("{} is not between 0 and 1", self.threshold),
            });
        }
        let list_index = list_index(&self.lists)?;
        let (mut names, identifiers) = names_and_identifiers(&self.lists);
        let matcher = Matcher::new(listed_names(&self.lists), &members_named(&self.lists));
        super::weak::mark_word_for_word(&mut names, &matcher);
        let name_keys = name_keys(&self.lists, &names, &matcher);
        let related = self.lists.iter().map(related_parties).collect();
        let entity_index = entity_index(&self.lists);
        Ok(Screener {
            lists: self.lists,
            names,
            matcher,
            threshold: self.threshold,
            related,
            list_index,
            entity_index,
            identifiers,
            name_keys,
            normalizer: Normalizer::new(),
        })
    }
}

/// Each list's position by its id; an id loaded twice is an error.
fn list_index(lists: &[DesignationList]) -> Result<HashMap<String, usize>> {
    let mut index = HashMap::new();
    for (i, l) in lists.iter().enumerate() {
        if let Some(j) = index.insert(l.meta.id.clone(), i) {
            return Err(Error::Argument {
                name: "list".into(),
                message: format!(
                    "list id `{}` is loaded twice (lists {} and {})",
                    l.meta.id,
                    j + 1,
                    i + 1
                ),
            });
        }
    }
    Ok(index)
}

/// Where each identifier's compare form is listed: (list, entity,
/// identifier) positions.
type IdentifierIndex = HashMap<String, Vec<(usize, usize, usize)>>;

/// Every listed name, in the order the matcher indexes them, and the
/// listed identifiers by compare form.
fn names_and_identifiers(lists: &[DesignationList]) -> (Vec<NameRef>, IdentifierIndex) {
    let mut names = Vec::new();
    let mut identifiers: IdentifierIndex = HashMap::new();
    for (li, list) in lists.iter().enumerate() {
        for (ei, entity) in list.entities.iter().enumerate() {
            for (kind, _) in entity.names() {
                names.push(NameRef {
                    list: li,
                    entity: ei,
                    kind,
                    word_for_word: None,
                });
            }
            for (ii, id) in entity.identifiers.iter().enumerate() {
                let key = vendor::compare_form(&id.value);
                if !key.is_empty() {
                    identifiers.entry(key).or_default().push((li, ei, ii));
                }
            }
        }
    }
    (names, identifiers)
}

/// Every listed name as the matcher takes it. A vendor named after a listed
/// organisation may be a member of its group, which matters where the list
/// reaches beyond the entities it names (subsidiaries, affiliates, owned
/// entities, listed parents).
fn listed_names(lists: &[DesignationList]) -> impl Iterator<Item = ListedName<'_>> {
    lists
        .iter()
        .flat_map(|l| l.entities.iter().map(move |e| (l.reach_of(e), e)))
        .enumerate()
        .flat_map(|(entity, (reach, e))| {
            let groups = e.kind == EntityKind::Organization && reach != Reach::NamedOnly;
            let affiliates = groups && reach == Reach::SubsidiariesAndAffiliates;
            let craft = matches!(e.kind, EntityKind::Vessel | EntityKind::Aircraft);
            let person = e.kind == EntityKind::Individual;
            e.names().map(move |(_, text)| ListedName {
                text,
                entity,
                groups,
                affiliates,
                craft,
                person,
            })
        })
}

/// The members each entity's list names, by entity across the lists: a
/// short core they carry is the group's brand.
fn members_named(lists: &[DesignationList]) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = Vec::new();
    for l in lists {
        let offset = members.len();
        members.extend(
            relations::members_named(l)
                .into_iter()
                .map(|m| m.into_iter().map(|i| i + offset).collect()),
        );
    }
    members
}

/// The keys that link each entity's findings across list editions, from
/// its primary names and aliases.
fn name_keys(
    lists: &[DesignationList],
    names: &[NameRef],
    matcher: &Matcher,
) -> Vec<Vec<Vec<crate::findings::link::Key>>> {
    let mut keys: Vec<Vec<Vec<_>>> = lists
        .iter()
        .map(|l| vec![Vec::new(); l.entities.len()])
        .collect();
    for (i, n) in names.iter().enumerate() {
        let primary = match n.kind {
            NameKind::Primary => true,
            NameKind::Alias => false,
            NameKind::Former | NameKind::Original | NameKind::WeakAlias => continue,
        };
        let kind = lists[n.list].entities[n.entity].kind;
        keys[n.list][n.entity].extend(crate::findings::link::name_key(
            kind,
            primary,
            matcher.normalized(i),
        ));
    }
    keys
}

/// Each entity's position in its list by its id.
fn entity_index(lists: &[DesignationList]) -> Vec<HashMap<String, usize>> {
    lists
        .iter()
        .map(|l| {
            l.entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect()
        })
        .collect()
}
