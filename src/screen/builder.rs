//! Building a [`Screener`]: lists checked, every listed name prepared and
//! indexed, the lookups a report needs made once.

use super::relations::{self, related_parties};
use super::{DEFAULT_THRESHOLD, NameRef, Screener, vendor};
use crate::error::{Error, Result};
use crate::list::DesignationList;
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
        let mut list_index = HashMap::new();
        for (i, l) in self.lists.iter().enumerate() {
            if let Some(j) = list_index.insert(l.meta.id.clone(), i) {
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
        let mut names = Vec::new();
        let mut identifiers: HashMap<String, Vec<(usize, usize, usize)>> = HashMap::new();
        for (li, list) in self.lists.iter().enumerate() {
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
        // A vendor named after a listed organisation may be a member of its
        // group, which matters where the list reaches beyond the entities
        // it names (subsidiaries, affiliates, owned entities, listed parents).
        let texts = self
            .lists
            .iter()
            .flat_map(|l| l.entities.iter().map(move |e| (l.meta.reach, e)))
            .enumerate()
            .flat_map(|(entity, (reach, e))| {
                let groups = e.kind == crate::list::EntityKind::Organization
                    && reach != crate::list::Reach::NamedOnly;
                let affiliates = groups && reach == crate::list::Reach::SubsidiariesAndAffiliates;
                let craft = matches!(
                    e.kind,
                    crate::list::EntityKind::Vessel | crate::list::EntityKind::Aircraft
                );
                e.names().map(move |(_, text)| ListedName {
                    text,
                    entity,
                    groups,
                    affiliates,
                    craft,
                })
            });
        // The members each entity's list names, by entity across the lists:
        // a short core they carry is the group's brand.
        let mut members: Vec<Vec<usize>> = Vec::new();
        for l in &self.lists {
            let offset = members.len();
            members.extend(
                relations::members_named(l)
                    .into_iter()
                    .map(|m| m.into_iter().map(|i| i + offset).collect()),
            );
        }
        let matcher = Matcher::new(texts, &members);
        super::weak::mark_word_for_word(&mut names, &matcher);
        let mut name_keys: Vec<Vec<Vec<_>>> = self
            .lists
            .iter()
            .map(|l| vec![Vec::new(); l.entities.len()])
            .collect();
        for (i, n) in names.iter().enumerate() {
            let primary = match n.kind {
                crate::list::NameKind::Primary => true,
                crate::list::NameKind::Alias => false,
                crate::list::NameKind::Former
                | crate::list::NameKind::Original
                | crate::list::NameKind::WeakAlias => continue,
            };
            let kind = self.lists[n.list].entities[n.entity].kind;
            name_keys[n.list][n.entity].extend(crate::findings::link::name_key(
                kind,
                primary,
                matcher.normalized(i),
            ));
        }
        let related = self.lists.iter().map(related_parties).collect();
        let entity_index = self
            .lists
            .iter()
            .map(|l| {
                l.entities
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.id.clone(), i))
                    .collect()
            })
            .collect();
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
