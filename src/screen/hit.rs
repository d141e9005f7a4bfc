//! A raw match made a hit: its status from the entry's dates, the list's
//! reach and what is known of ownership; the vendor's country as a small
//! nudge; the numbers rounded as reported. Hits on one entity are ranked.

use super::query::Query;
use super::reach::{Ownership, decide, group_member, listing_state, not_in_force};
use super::report::round3;
use super::{Hit, RawHit, Screener, Vendor, Via};
use crate::explain::Explanation;
use crate::list::Date;

impl Screener {
    /// A raw match made a hit: status, rule, country nudge, rounding.
    pub(super) fn hit(
        &self,
        h: &RawHit,
        vendor: &Vendor,
        queries: &[Query],
        raw: &[RawHit],
        as_of: Date,
    ) -> Hit {
        let list = &self.lists[h.list];
        let entity = &list.entities[h.entity];
        let state = listing_state(entity, as_of);
        let reach = list.reach_of(entity);
        let (status, rule) = not_in_force(&list.meta.id, state, as_of).unwrap_or_else(|| {
            let ownership = self.ownership(h, queries, raw, as_of);
            let containment = h.explanation.containment.as_ref();
            let decided = decide(
                &list.meta.id,
                reach,
                &h.via,
                ownership.as_ref(),
                state,
                containment,
            );
            match containment {
                Some(_) => group_member(reach, &h.via, decided),
                None => decided,
            }
        });
        let mut explanation = h.explanation.clone().with_rule(rule);
        let mut score = h.score;
        let own_name = matches!(h.via, Via::SelfName | Via::Alias { .. });
        if let (Some(country), true) = (&vendor.country, own_name) {
            let c = country.to_ascii_uppercase();
            if !entity.countries.is_empty() {
                let agrees = entity.countries.iter().any(|x| x.eq_ignore_ascii_case(&c));
                // A soft signal: a small nudge that never drops a hit below the threshold.
                let nudged = if agrees { score + 0.02 } else { score - 0.02 };
                score = nudged.clamp(self.threshold.min(score), 1.0);
                explanation.country = Some(format!(
                    "vendor country {c} {} the listed countries {}: score {:+.2}",
                    if agrees { "is among" } else { "is not among" },
                    entity.countries.join(", "),
                    score - h.score
                ));
            }
        }
        let score = round3(score);
        explanation.score = score;
        round_explanation(&mut explanation);
        Hit {
            list: list.meta.id.clone(),
            entity_id: entity.id.clone(),
            entity_name: entity.name.clone(),
            matched_name: self.matcher.name(h.name).to_string(),
            matched_name_kind: self.names[h.name].kind,
            score,
            via: h.via.clone(),
            status,
            legal_basis: list.meta.legal_basis.clone(),
            citation: entity.citation.clone(),
            cleared: None,
            explanation,
        }
    }

    /// What is known of the ownership along an owner's hit.
    fn ownership(
        &self,
        h: &RawHit,
        queries: &[Query],
        raw: &[RawHit],
        as_of: Date,
    ) -> Option<Ownership> {
        let q = &queries[h.query];
        match q.chain.len() {
            0 => None,
            1 => {
                // Direct owners matching an in-force entity of this list, each once.
                let mut owners: Vec<(usize, Option<f64>)> = Vec::new();
                for other in raw.iter().filter(|o| o.list == h.list) {
                    let oq = &queries[other.query];
                    let in_force = self.lists[other.list].entities[other.entity].in_force(as_of);
                    if let (true, 1, Some(d)) = (in_force, oq.chain.len(), oq.direct_owner) {
                        if !owners.iter().any(|(x, _)| *x == d) {
                            owners.push((d, oq.chain[0]));
                        }
                    }
                }
                Some(Ownership::Direct(
                    owners.into_iter().map(|(_, s)| s).collect(),
                ))
            }
            _ => Some(Ownership::Chain(q.chain.clone())),
        }
    }
}

/// Ordering of two hits on the same entity: the more serious status first,
/// then a path that matched the entity's own names before one through a
/// list's relation, whose score is another entry's (a vendor's name
/// containing HUAWEI of HUAWEI TECHNOLOGIES CO., LTD. says more of it than
/// the name of an entry linked to it, matched word for word; that entry is
/// a hit of its own, and its finding lists the link), then the higher
/// score, then the nearer path.
pub(super) fn rank(hit: &Hit) -> (u8, bool, u64, i64) {
    (
        hit.status.severity(),
        !matches!(hit.via, Via::Relation { .. }),
        (hit.score * 1e9) as u64,
        -(hit.via.depth() as i64),
    )
}

/// Rounds the numbers of an explanation to 3 decimals, as reported.
fn round_explanation(e: &mut Explanation) {
    for p in &mut e.pairs {
        p.similarity = round3(p.similarity);
        p.weight = round3(p.weight);
    }
    for x in &mut e.leftovers {
        x.cost = round3(x.cost);
    }
    for x in &mut e.evidence {
        x.factor = round3(x.factor);
    }
    if let Some(c) = &mut e.containment {
        c.rarity = round3(c.rarity);
        c.score = round3(c.score);
    }
    e.matched = round3(e.matched);
    e.total = round3(e.total);
    e.threshold = round3(e.threshold);
}
