//! The listed parties an entity leads to through its list's own relations.

use crate::list::{DesignationList, EntityKind, Relation, RelationKind};
use std::collections::HashMap;

/// A listed party an entity leads to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    /// Index of the other entity in the same list.
    pub target: usize,
    /// What the other entity is to this one (`parent`, `parent, 51%`, `affiliate`).
    pub link: String,
    /// The document stating the link.
    pub citation: Option<String>,
}

/// For each entity of a list, the listed parties that own it and the
/// listed organisations affiliated with it: its own `parent`/`affiliate` relations, other
/// entities' `subsidiary` relations pointing at it and their `affiliate`
/// relations pointing at it by id, each leading to the
/// other entity by id or by name ([`Targets`]: OFAC's `Linked To: STARS
/// GROUP HOLDING` and the Consolidated Screening List's relations name the
/// other party only). An affiliation between a company and a person, a
/// vessel or an aircraft ("Linked To: AMHAZ, Kamel Mohamad", a tanker
/// linked to its operator) makes neither an affiliate company, so it leads
/// nowhere here; ownership does, whoever the owner is (a person owning 51%
/// of a company is its listed parent).
pub(crate) fn related_parties(list: &DesignationList) -> Vec<Vec<Link>> {
    let targets = Targets::new(list);
    let organisation = |i: usize| list.entities[i].kind == EntityKind::Organization;
    let mut out = vec![Vec::new(); list.entities.len()];
    for (i, e) in list.entities.iter().enumerate() {
        for r in &e.relations {
            let Some(t) = targets.resolve(r) else {
                continue;
            };
            let affiliated = r.kind == RelationKind::Affiliate;
            if t == i || (affiliated && !(organisation(i) && organisation(t))) {
                continue;
            }
            let share = r.share.map(|s| format!(", {s}%")).unwrap_or_default();
            let link = |target: usize, link: String| Link {
                target,
                link,
                citation: r.citation.clone(),
            };
            match r.kind {
                RelationKind::Parent => out[i].push(link(t, format!("parent{share}"))),
                RelationKind::Affiliate => {
                    out[i].push(link(t, "affiliate".to_string()));
                    // A link the list draws between two entries by id goes
                    // both ways; one an entry states of itself by name
                    // only up, to the party it names: 130 entries are
                    // "Linked To: NATIONAL IRANIAN TANKER COMPANY", which
                    // are no finding of a vendor that matched the company
                    // itself.
                    if r.target.is_some() {
                        out[t].push(link(i, "affiliate".to_string()));
                    }
                }
                RelationKind::Subsidiary => out[t].push(link(i, format!("parent{share}"))),
            }
        }
    }
    for v in &mut out {
        v.sort_by(|a, b| a.target.cmp(&b.target).then_with(|| a.link.cmp(&b.link)));
        v.dedup_by(|a, b| a.target == b.target);
    }
    out
}

/// The entities of a list a relation can lead to: by the id it gives, or,
/// where the source names the other party only, by one of the entity's
/// names written the same way (case, spacing and a closing full stop
/// aside; the first entity of the list so named).
struct Targets<'a> {
    by_id: HashMap<&'a str, usize>,
    by_name: HashMap<String, usize>,
}

impl<'a> Targets<'a> {
    fn new(list: &'a DesignationList) -> Self {
        let mut by_id = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, e) in list.entities.iter().enumerate() {
            by_id.insert(e.id.as_str(), i);
            for (_, n) in e.names() {
                by_name.entry(name_key(n)).or_insert(i);
            }
        }
        Targets { by_id, by_name }
    }

    /// The entity `r` leads to: by its id when it gives one (none when the
    /// list lacks it), else by its name.
    fn resolve(&self, r: &Relation) -> Option<usize> {
        match r.target.as_deref() {
            Some(t) => self.by_id.get(t).copied(),
            None => self.by_name.get(&name_key(&r.name)).copied(),
        }
    }
}

/// A name as relations are matched to it: its words, lower case, without
/// a closing full stop (OFAC's remarks end `Linked To: PERSIAN GULF
/// PETROCHEMICAL INDUSTRY CO.` with the sentence, and the importer reads
/// the name without it).
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

/// For each entity of a list, the entities the list names as its members:
/// those whose `parent` or `affiliate` relation leads to it, and those its
/// own `subsidiary` relations lead to. A relation leads to an entity by its
/// id, or, where the source names the other party only by name (OFAC's
/// `Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY`), by one of the
/// entity's names written the same way (case and spacing aside).
pub(crate) fn members_named(list: &DesignationList) -> Vec<Vec<usize>> {
    let targets = Targets::new(list);
    let mut out = vec![Vec::new(); list.entities.len()];
    for (i, e) in list.entities.iter().enumerate() {
        for r in &e.relations {
            let Some(other) = targets.resolve(r).filter(|&o| o != i) else {
                continue;
            };
            let (group, member) = match r.kind {
                RelationKind::Parent | RelationKind::Affiliate => (other, i),
                RelationKind::Subsidiary => (i, other),
            };
            out[group].push(member);
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{members_named, related_parties};
    use crate::list::DesignationList;
    use crate::list::toml::parse_list;

    /// A list reaching entities owned 50% or more, of `entities` (TOML).
    fn groups(entities: &str) -> DesignationList {
        let header = r#"
[list]
id = "g"
name = "Groups"
authority = "tests"
legal_basis = "none"
effect = "none"
source_urls = []
as_of = "2026-11-01"
reach = "owned_50_percent"
"#;
        parse_list(&format!("{header}{entities}"), "groups.toml").expect("parses")
    }

    /// Members by a `parent` or `affiliate` relation written by id or by
    /// name (case and spacing aside), and by the group's own `subsidiary`
    /// relation; a relation naming an entity the list lacks leads nowhere.
    #[test]
    fn members_are_found_by_id_by_name_and_from_either_side() {
        let list = groups(
            r#"
[[entity]]
id = "bank"
name = "VTB BANK PUBLIC JOINT STOCK COMPANY"
citation = "tests"
[[entity.relations]]
kind = "subsidiary"
target = "leasing"
name = "VTB LEASING JOINT STOCK COMPANY"

[[entity]]
id = "factoring"
name = "VTB FACTORING LTD"
citation = "tests"
[[entity.relations]]
kind = "affiliate"
name = "vtb bank  public joint stock company"

[[entity]]
id = "leasing"
name = "VTB LEASING JOINT STOCK COMPANY"
citation = "tests"

[[entity]]
id = "georgia"
name = "VTB BANK GEORGIA JOINT STOCK COMPANY"
citation = "tests"
[[entity.relations]]
kind = "parent"
target = "bank"
name = "VTB BANK PUBLIC JOINT STOCK COMPANY"
[[entity.relations]]
kind = "parent"
name = "NOT LISTED HERE"
"#,
        );
        let members = members_named(&list);
        assert_eq!(members, vec![vec![1, 2, 3], vec![], vec![], vec![]]);
    }

    /// A group whose name ends with a full stop is found from a relation
    /// that names it without one, as OFAC's importer reads `Linked To:
    /// PERSIAN GULF PETROCHEMICAL INDUSTRY CO.` at the end of a remark.
    #[test]
    fn a_closing_full_stop_does_not_hide_a_group() {
        let list = groups(
            r#"
[[entity]]
id = "group"
name = "PERSIAN GULF PETROCHEMICAL INDUSTRY CO."
citation = "tests"

[[entity]]
id = "member"
name = "NOURI PETROCHEMICAL COMPANY"
citation = "tests"
[[entity.relations]]
kind = "affiliate"
name = "PERSIAN GULF PETROCHEMICAL INDUSTRY CO"
"#,
        );
        assert_eq!(members_named(&list), vec![vec![1], vec![]]);
    }

    /// The links of each entity, as (target, link).
    fn links(list: &DesignationList) -> Vec<Vec<(usize, String)>> {
        related_parties(list)
            .into_iter()
            .map(|v| v.into_iter().map(|l| (l.target, l.link)).collect())
            .collect()
    }

    /// A relation naming the other party only, as OFAC's `Linked To:` and
    /// the Consolidated Screening List's relations do, leads to the listed
    /// organisation of that name (case, spacing and full stop aside), up
    /// only: the party the entry names is no finding of a vendor matching
    /// the party itself. A relation by id goes both ways, as before.
    #[test]
    fn a_relation_by_name_leads_up_to_the_party_it_names() {
        let list = groups(
            r#"
[[entity]]
id = "17039"
name = "STARS GROUP HOLDING"
citation = "tests"

[[entity]]
id = "17042"
name = "STARS COMMUNICATIONS LTD"
citation = "tests"
[[entity.relations]]
kind = "affiliate"
name = "Stars Group  Holding."

[[entity]]
id = "mast"
name = "STARS MAST COMPANY"
citation = "tests"
[[entity.relations]]
kind = "affiliate"
target = "17039"
name = "STARS GROUP HOLDING"
"#,
        );
        assert_eq!(
            links(&list),
            vec![
                vec![(2, "affiliate".to_string())],
                vec![(0, "affiliate".to_string())],
                vec![(0, "affiliate".to_string())],
            ]
        );
    }

    /// A company linked to a person or a vessel is neither's affiliate
    /// company: OFAC writes `Linked To: AMHAZ, Kamel Mohamad` of a company
    /// and `Linked To: BONYAD SHIPPING AGENCIES COMPANY` of a ship, and
    /// neither link leads anywhere; a person owning a company is its
    /// parent all the same. The members the list names still include them.
    #[test]
    fn links_to_people_and_ships_lead_nowhere() {
        let list = groups(
            r#"
[[entity]]
id = "person"
name = "AMHAZ, Kamel Mohamad"
kind = "individual"
citation = "tests"

[[entity]]
id = "company"
name = "STARS COMMUNICATIONS LTD"
citation = "tests"
[[entity.relations]]
kind = "affiliate"
name = "AMHAZ, Kamel Mohamad"

[[entity]]
id = "ship"
name = "BOSCO GILAN"
kind = "vessel"
citation = "tests"
[[entity.relations]]
kind = "affiliate"
name = "STARS COMMUNICATIONS LTD"

[[entity]]
id = "owned"
name = "AMHAZ TRADING SARL"
citation = "tests"
[[entity.relations]]
kind = "parent"
target = "person"
name = "AMHAZ, Kamel Mohamad"
share = 51
"#,
        );
        assert_eq!(
            links(&list),
            vec![vec![], vec![], vec![], vec![(0, "parent, 51%".to_string())]]
        );
        assert_eq!(
            members_named(&list),
            vec![vec![1, 3], vec![2], vec![], vec![]]
        );
    }
}
