//! Whether a list reaches a vendor: the status of a hit and the rule behind
//! it, in words a reviewer can paste into a case file.
//!
//! Two questions, in order: is the entry in force on the as-of date
//! ([`listing_state`]), and does the list's rule reach the vendor along the
//! hit's path ([`decide`])?

use crate::list::{Date, Entity, NotInForce, Reach};
use crate::score::Containment;
use crate::screen::report::{Status, Via};

/// Where an entry stands on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListingState {
    /// In force (since `from` when the list gives a start date).
    InForce { from: Option<Date> },
    /// Listed only from `from`, after the as-of date.
    NotYetListed { from: Date },
    /// Ended (removed, expired) on `on`, on or before the as-of date.
    Ended { from: Option<Date>, on: Date },
}

/// Where `entity`'s listing stands on `as_of`, from all its periods.
pub(crate) fn listing_state(entity: &Entity, as_of: Date) -> ListingState {
    match entity.why_not_in_force(as_of) {
        Some(NotInForce::NotYetListed { from }) => ListingState::NotYetListed { from },
        Some(NotInForce::Ended { on }) => {
            // The start of the period that ended then.
            let from = entity
                .periods
                .iter()
                .filter(|p| p.end == Some(on))
                .filter_map(|p| p.start)
                .max();
            ListingState::Ended { from, on }
        }
        None => {
            // The latest start among the periods in force.
            let from = entity
                .periods
                .iter()
                .filter(|p| p.in_force(as_of))
                .filter_map(|p| p.start)
                .max();
            ListingState::InForce { from }
        }
    }
}

/// The status and rule of an entry not in force, or `None` when it is.
///
/// ```text
/// dod-1260h: listed from 2025-01-07, after the as-of date 2024-06-01: not yet listed
/// dod-1260h: listed from 2024-01-31, ended 2026-02-17, before the as-of date 2026-03-01
/// ```
pub(crate) fn not_in_force(
    list: &str,
    state: ListingState,
    as_of: Date,
) -> Option<(Status, String)> {
    match state {
        ListingState::InForce { .. } => None,
        ListingState::NotYetListed { from } => Some((
            Status::NotYetListed,
            format!("{list}: listed from {from}, after the as-of date {as_of}: not yet listed"),
        )),
        ListingState::Ended { from, on } => {
            let from = from
                .map(|f| format!("listed from {f}, "))
                .unwrap_or_default();
            Some((
                Status::Expired,
                format!("{list}: {from}ended {on}, on or before the as-of date {as_of}: expired"),
            ))
        }
    }
}

/// The listing, in words, for a rule: `listed from 2019-08-13` or `listed`.
pub(crate) fn listed_words(state: ListingState) -> String {
    match state {
        ListingState::InForce { from: Some(f) } => format!("listed from {f}"),
        _ => "listed".to_string(),
    }
}

/// What is known of the ownership along an owner's hit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ownership {
    /// A direct owner: the shares of every direct owner matching an
    /// in-force entity of this list (each owner once).
    Direct(Vec<Option<f64>>),
    /// An owner further up: the shares along the chain, from the vendor up.
    Chain(Vec<Option<f64>>),
}

fn share_text(s: Option<f64>) -> String {
    s.map_or("unknown".to_string(), |v| format!("{v}%"))
}

/// The status of a hit on an in-force entry, and the rule that decided it.
///
/// `reach` is the list's, `via` the hit's path, `ownership` what is known of
/// the shares when the path is an owner, `state` the entry's listing state,
/// `containment` what the name holds of the listed name when it only
/// contains its core (then [`group_member`] caps the status).
pub(crate) fn decide(
    list: &str,
    reach: Reach,
    via: &Via,
    ownership: Option<&Ownership>,
    state: ListingState,
    containment: Option<&Containment>,
) -> (Status, String) {
    let listed = listed_words(state);
    let rule = reach.rule();
    let whose = via.whose_name();
    // Built only where said: a long name's words of its own are thousands.
    let named = || match containment {
        None => format!("{whose} matches a listed name"),
        Some(c) => format!("{whose} {}", contains_words(c)),
    };
    match via {
        Via::SelfName | Via::Alias { .. } => {
            (Status::Match, format!("{list}: {listed}; {}", named()))
        }
        Via::Relation {
            entity_name, link, ..
        } => {
            let what = relation_words(link);
            let which = match containment {
                None => format!("which {whose} matched"),
                Some(c) => format!("of which {whose} {}", contains_words(c)),
            };
            let how = format!("{list}: {listed}; it is {what} \"{entity_name}\", {which}");
            match reach {
                Reach::SubsidiariesAndAffiliates => (Status::Match, format!("{how}; {rule}")),
                Reach::NamedWithListedParents => (
                    Status::Match,
                    format!("{how}; {rule}: the list names it with the matched entity"),
                ),
                Reach::Owned50Percent => (
                    Status::Review,
                    format!("{how}; {rule}: the list states no ownership share, so review"),
                ),
                Reach::NamedOnly => (
                    Status::OutOfReach,
                    format!("{how}; {rule}: a related party is not reached"),
                ),
            }
        }
        Via::Parent { level, .. } => {
            let how = format!("{list}: {listed}; {}", named());
            match reach {
                Reach::SubsidiariesAndAffiliates => (
                    Status::Match,
                    format!("{how}; {rule}: the vendor is owned by it (level {level})"),
                ),
                Reach::NamedWithListedParents => (
                    Status::Review,
                    format!(
                        "{how}; {rule}: the vendor itself is not named, so review whether the listing covers it"
                    ),
                ),
                Reach::NamedOnly => (
                    Status::OutOfReach,
                    format!("{how}; {rule}: an owner's listing does not reach the vendor"),
                ),
                Reach::Owned50Percent => fifty_percent(&how, ownership),
            }
        }
    }
}

/// The relation, from the hit's entity's point of view, in words.
pub(crate) fn relation_words(link: &str) -> String {
    if let Some(share) = link.strip_prefix("parent, ") {
        format!("listed as the {share} parent of")
    } else if link == "parent" {
        "listed as the parent of".to_string()
    } else if link == "affiliate" {
        "listed as an affiliate of".to_string()
    } else {
        format!("listed as the {link} of")
    }
}

/// OFAC 50 Percent Rule for an owner's hit.
fn fifty_percent(how: &str, ownership: Option<&Ownership>) -> (Status, String) {
    let rule = "OFAC 50 Percent Rule";
    match ownership {
        Some(Ownership::Direct(owners)) => {
            let known: f64 = owners.iter().flatten().sum();
            let unknown = owners.iter().filter(|s| s.is_none()).count();
            let shares = owners.iter().map(|s| share_text(*s)).collect::<Vec<_>>();
            let held = if owners.len() > 1 {
                format!(
                    "listed direct owners hold {} = {known}%",
                    shares.join(" + ")
                )
            } else {
                format!("the listed direct owner holds {}", shares.join(""))
            };
            if known >= 50.0 {
                (
                    Status::Match,
                    format!(
                        "{how}; {rule}: {held}, which is 50% or more: the rule reaches the vendor"
                    ),
                )
            } else if unknown > 0 {
                (
                    Status::Review,
                    format!(
                        "{how}; {rule}: {held}; a share is unknown, so review whether it reaches 50%"
                    ),
                )
            } else {
                (
                    Status::OutOfReach,
                    format!("{how}; {rule}: {held}, under 50%: the rule does not reach the vendor"),
                )
            }
        }
        Some(Ownership::Chain(chain)) => {
            let shares = chain
                .iter()
                .map(|s| share_text(*s))
                .collect::<Vec<_>>()
                .join(" of ");
            if chain.iter().any(|s| s.is_some_and(|v| v < 50.0)) {
                (
                    Status::OutOfReach,
                    format!(
                        "{how}; {rule}: the ownership chain ({shares}) has a link under 50%: not reached"
                    ),
                )
            } else if chain.iter().all(Option::is_some) {
                (
                    Status::Match,
                    format!(
                        "{how}; {rule}: every link of the ownership chain ({shares}) is 50% or more: the rule reaches the vendor"
                    ),
                )
            } else {
                (
                    Status::Review,
                    format!(
                        "{how}; {rule}: the ownership chain ({shares}) has an unknown share, so review"
                    ),
                )
            }
        }
        None => (
            Status::Review,
            format!("{how}; {rule}: ownership unknown, so review"),
        ),
    }
}

/// What a name that only contains a listed organisation's core holds of
/// it, in words.
fn contains_words(containment: &Containment) -> String {
    // Quoted and joined in one string: a long name has thousands.
    let mut own = String::new();
    for (k, w) in containment.extra.iter().enumerate() {
        own.push_str(if k == 0 { "\"" } else { ", \"" });
        own.push_str(w);
        own.push('"');
    }
    if own.is_empty() {
        format!(
            "is the listed name's core, \"{}\", with no word of its own: the group's name or a shorter form of the listed name",
            containment.core
        )
    } else {
        format!(
            "only contains \"{}\", the core of the listed name, with words of its own ({own}): a possible member of its group",
            containment.core
        )
    }
}

/// A hit through a name that only contains a listed organisation's core
/// with words of its own ([`Containment`]: "Huawei Marine Networks" against
/// Huawei Technologies) is a possible member of its group: at most
/// `review`, the list's reach said in the rule ([`decide`] has said what
/// the name contains).
pub(crate) fn group_member(
    reach: Reach,
    via: &Via,
    (status, rule): (Status, String),
) -> (Status, String) {
    // Whose name holds the core: the vendor's or an owner's.
    let who = match via {
        Via::Parent { .. } => "the owner",
        _ => "the vendor",
    };
    let reaches = match reach {
        Reach::SubsidiariesAndAffiliates => {
            format!("the list reaches subsidiaries and affiliates: review whether {who} is one")
        }
        Reach::Owned50Percent => format!(
            "the list reaches entities owned 50% or more by listed parties: review {who}'s owners"
        ),
        Reach::NamedWithListedParents | Reach::NamedOnly => {
            format!("the list reaches the entities it names: review whether {who} is this one")
        }
    };
    let status = if status == Status::Match {
        Status::Review
    } else {
        status
    };
    (status, format!("{rule}; {reaches}"))
}
