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

/// Every name to screen for a vendor: its own, its aliases, its owners at
/// every level, then the names written into its own name or an alias
/// ([`names_in`]); names that cannot be screened (see [`crate::limits`])
/// are left out. Written names come after every given name, so they never
/// take a given name's place under [`MAX_NAMES`], and are at most as many
/// again.
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
    let mut owners = Vec::new();
    for (i, o) in vendor.owners.iter().enumerate() {
        collect_owners(o, 1, i, &mut Vec::new(), &mut owners);
    }
    for q in owners {
        push(q);
    }
    // Names written into one field ("X DBA Y"): each is one of the
    // vendor's own names, screened as an alias it wrote there.
    let given: Vec<&String> = std::iter::once(&vendor.name)
        .chain(&vendor.aliases)
        .collect();
    let written = given
        .iter()
        .flat_map(|n| names_in(n))
        .filter(|part| !given.contains(&part) && check_name(part).is_ok())
        .take(MAX_NAMES);
    for part in written {
        queries.push(Query {
            text: part.clone(),
            via: Via::Alias { name: part },
            chain: Vec::new(),
            direct_owner: None,
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A name with names written into it never pushes an owner out: the
    /// written names come last, at most [`MAX_NAMES`] of them.
    #[test]
    fn written_names_come_after_every_given_name_and_are_bounded() {
        let aliases = (0..MAX_NAMES - 2).map(|i| format!("ALIAS {i}"));
        let mut v = Vendor::new("ACME SUPPLY INC DBA ZTE USA").with_owner(Owner::new("HOLDING CO"));
        v.aliases.extend(aliases);
        assert!(v.validate().is_ok());
        let q = queries(&v);
        assert_eq!(q.len(), MAX_NAMES + 2);
        assert!(
            q.iter()
                .any(|q| matches!(&q.via, Via::Parent { name, .. } if name == "HOLDING CO"))
        );
        assert_eq!(q[MAX_NAMES].text, "ACME SUPPLY INC");
        assert_eq!(q[MAX_NAMES + 1].text, "ZTE USA");

        let many: Vec<String> = (0..3 * MAX_NAMES).map(|i| format!("W{i}")).collect();
        let v = Vendor::new(many.join(" DBA "));
        assert_eq!(queries(&v).len(), 1 + MAX_NAMES);
    }
}
