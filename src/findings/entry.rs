//! One finding from the items the linking rule joined: a listing per
//! (list, entity), the most serious first, and the hit that decides the
//! finding's status, score and path.

use super::{Context, Finding, FindingKind, Item, Listing};
use crate::clearance::ClearancePath;
use crate::screen::report::Hit;
use crate::screen::{Status, Via};

/// Listings the most serious first, then by score and list.
fn listing_order(a: &Listing, b: &Listing) -> std::cmp::Ordering {
    b.status
        .severity()
        .cmp(&a.status.severity())
        .then_with(|| b.score.unwrap_or(1.0).total_cmp(&a.score.unwrap_or(1.0)))
        .then_with(|| a.list.cmp(&b.list))
}

pub(super) fn finding(
    ctx: &Context<'_>,
    items: &[Item<'_>],
    members: &[usize],
    linked_by: Vec<String>,
) -> Finding {
    let mut listings: Vec<(Listing, Option<&Hit>)> = members
        .iter()
        .map(|&m| (listing(ctx, &items[m]), items[m].hit))
        .collect();
    listings.sort_by(|(a, _), (b, _)| listing_order(a, b));
    let identifier = listings.iter().any(|(l, _)| l.identifier.is_some());
    // The listing that decides the status speaks for the finding: a match
    // at 0.90 on an alias ("Hikv1sion" ~ "Hikvision") is not headed by a
    // review's 0.95 on another list's name.
    let best_hit = listings
        .iter()
        .filter_map(|(_, h)| *h)
        .max_by(|a, b| decides(a, b));
    let matched_names = matched_names(listings.iter().filter_map(|(_, h)| *h).collect());
    let listings: Vec<Listing> = listings.into_iter().map(|(l, _)| l).collect();
    Finding {
        kind: if identifier {
            FindingKind::Identifier
        } else {
            FindingKind::Name
        },
        entity_name: listings[0].entity_name.clone(),
        status: listings[0].status,
        score: if identifier {
            1.0
        } else {
            best_hit.map_or(1.0, |h| h.score)
        },
        via: best_hit.map_or(Via::SelfName, |h| h.via.clone()),
        matched_names,
        listings,
        linked_by,
        relations: Vec::new(),
    }
}

/// The listing an item gives: its list, entity, status (the more serious
/// of its name's and identifier's), the rule deciding it and the paths
/// a clearance may name.
fn listing(ctx: &Context<'_>, it: &Item<'_>) -> Listing {
    let meta = &ctx.lists[it.list].meta;
    let status = [it.hit.map(|h| h.status), it.id_hit.map(|h| h.status)]
        .into_iter()
        .flatten()
        .max_by_key(|s| s.severity())
        .unwrap_or(Status::Match);
    let rule = match (it.hit, it.id_hit) {
        (_, Some(ih)) if ih.status.severity() >= it.hit.map_or(0, |h| h.status.severity()) => {
            ih.rule.clone()
        }
        (Some(h), _) => h.explanation.rule.clone().unwrap_or_default(),
        (None, Some(ih)) => ih.rule.clone(),
        (None, None) => String::new(),
    };
    Listing {
        list: meta.id.clone(),
        list_name: meta.name.clone(),
        entity_id: it.entity.id.clone(),
        entity_name: it.entity.name.clone(),
        status,
        legal_basis: meta.legal_basis.clone(),
        citation: it.entity.citation.clone(),
        matched_name: it.hit.map(|h| h.matched_name.clone()),
        score: it.hit.map(|h| h.score),
        identifier: it
            .id_hit
            .map(|h| format!("{} {}", h.vendor_identifier.kind, h.listed_value)),
        rule,
        paths: it
            .hit
            .map(|h| ClearancePath::of(&h.via))
            .into_iter()
            .chain(
                it.id_hit
                    .map(|h| ClearancePath::Identifier(h.vendor_identifier.kind)),
            )
            .collect(),
    }
}

/// Which of two hits decides a finding's status: the more serious status,
/// then the higher score, then the shorter path.
fn decides(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    a.status
        .severity()
        .cmp(&b.status.severity())
        .then_with(|| a.score.total_cmp(&b.score))
        .then_with(|| b.via.depth().cmp(&a.via.depth()))
}

/// The names the hits matched, each once, the deciding hit's first.
fn matched_names(mut hits: Vec<&Hit>) -> Vec<String> {
    hits.sort_by(|a, b| decides(b, a));
    let mut names: Vec<String> = Vec::new();
    for h in hits {
        if !names.contains(&h.matched_name) {
            names.push(h.matched_name.clone());
        }
    }
    names
}
