//! Exact matches of a vendor's identifiers with those the lists carry.

use super::reach::{listed_words, listing_state, not_in_force};
use super::{IdentifierHit, Screener, Status, Vendor};
use crate::list::Date;

impl Screener {
    /// Exact identifier matches, one per (list, entity).
    pub(super) fn identifier_hits(&self, vendor: &Vendor, as_of: Date) -> Vec<IdentifierHit> {
        let mut out: Vec<IdentifierHit> = Vec::new();
        for vi in &vendor.identifiers {
            let key = vi.compare_form();
            for &(li, ei, ii) in self.identifiers.get(&key).into_iter().flatten() {
                let list = &self.lists[li];
                let entity = &list.entities[ei];
                let listed = &entity.identifiers[ii];
                if !vi.kind.accepts(&listed.kind) {
                    continue;
                }
                if out
                    .iter()
                    .any(|h| h.list == list.meta.id && h.entity_id == entity.id)
                {
                    continue;
                }
                let state = listing_state(entity, as_of);
                let compared = format!(
                    "the vendor's {} {} equals the listed {} {}",
                    vi.kind,
                    crate::error::shorten(&vi.value, 60),
                    listed.kind,
                    listed.value
                );
                let (status, rule) = match not_in_force(&list.meta.id, state, as_of) {
                    Some((s, r)) => (s, format!("{r}; {compared}")),
                    None => (
                        Status::Match,
                        format!("{}: {}; {compared}", list.meta.id, listed_words(state)),
                    ),
                };
                out.push(IdentifierHit {
                    list: list.meta.id.clone(),
                    entity_id: entity.id.clone(),
                    entity_name: entity.name.clone(),
                    vendor_identifier: vi.clone(),
                    listed_kind: listed.kind.clone(),
                    listed_value: listed.value.clone(),
                    status,
                    rule,
                    legal_basis: list.meta.legal_basis.clone(),
                    citation: entity.citation.clone(),
                    cleared: None,
                });
            }
        }
        out
    }
}
