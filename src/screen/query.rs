//! The names screened for one vendor: its own, its aliases, its owners.

use super::trade_names::names_in;
use super::{Owner, Vendor, Via};
use crate::limits::{MAX_NAMES, check_name};

/// One name screened for a vendor: its own, an alias, or an owner's.
#[derive(Debug, Clone)]
pub(super) struct Query {
    pub text: String,
    pub via: Via,
    /// Shares along the ownership chain, from the vendor up to this owner.
    pub chain: Vec<Option<f64>>,
    /// Which direct owner the chain starts at.
    pub direct_owner: Option<usize>,
}

/// Every name to screen for a vendor: its own, its aliases, the names
/// written into either ([`names_in`]), its owners at every level; names that cannot be screened (see [`crate::limits`]) are
/// left out.
pub(super) fn queries(vendor: &Vendor) -> Vec<Query> {
    let mut queries = Vec::new();
    let mut push = |q: Query| {
        if check_name(&q.text).is_ok() && queries.len() < MAX_NAMES {
            queries.push(q);
        }
    };
    push(Query {
        text: vendor.name.clone(),
        via: Via::SelfName,
        chain: Vec::new(),
        direct_owner: None,
    });
    for a in &vendor.aliases {
        push(Query {
            text: a.clone(),
            via: Via::Alias { name: a.clone() },
            chain: Vec::new(),
            direct_owner: None,
        });
    }
    // Names written into one field ("X DBA Y"): each is one of the
    // vendor's own names, screened as an alias it wrote there.
    let given: Vec<&String> = std::iter::once(&vendor.name)
        .chain(&vendor.aliases)
        .collect();
    for part in given.iter().flat_map(|n| names_in(n)) {
        if !given.iter().any(|g| **g == part) {
            push(Query {
                text: part.clone(),
                via: Via::Alias { name: part },
                chain: Vec::new(),
                direct_owner: None,
            });
        }
    }
    let mut owners = Vec::new();
    for (i, o) in vendor.owners.iter().enumerate() {
        collect_owners(o, 1, i, &mut Vec::new(), &mut owners);
    }
    for q in owners {
        push(q);
    }
    queries
}

fn collect_owners(
    o: &Owner,
    level: usize,
    direct: usize,
    chain: &mut Vec<Option<f64>>,
    out: &mut Vec<Query>,
) {
    if out.len() >= MAX_NAMES {
        return;
    }
    chain.push(o.share);
    out.push(Query {
        text: o.name.clone(),
        via: Via::Parent {
            level,
            name: o.name.clone(),
            share: o.share,
        },
        chain: chain.clone(),
        direct_owner: Some(direct),
    });
    for up in &o.owners {
        collect_owners(up, level + 1, direct, chain, out);
    }
    chain.pop();
}
