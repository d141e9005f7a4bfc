//! Group members: real subsidiary and affiliate names, from the bundled
//! lists' relations (with the members' aliases) and the OFAC and CSL files'
//! `Linked To:`, `Subsidiary Of:` and `Owned or Controlled By:` entries (and
//! the relations the CSL importer reads from Entity List prose), screened
//! against their file's lists with the member's own entry removed (and any
//! name of the group's entry equal to the member's name), so only the group
//! can be found. Found: a hit on the group's entity whose status counts
//! (match or review).

use super::cases::Case;
use super::sources::ListFile;
use super::variants::{self, Context};
use super::words;
use std::collections::{HashMap, HashSet};
use vendor_screen::list::{Date, DesignationList, EntityKind, Reach};

/// A member: an entry of the file, or a name the file gives only in a
/// relation of its group's entry ("Affiliated Entity: X").
#[derive(Debug, Clone, PartialEq)]
enum Member {
    Entry((usize, usize)),
    Named(String),
}

/// A member and its group, by (list index, entity index) in a file's lists.
#[derive(Debug, Clone)]
struct Pair {
    /// The member's entry, or its name when the file names it only in a relation.
    member: Member,
    group: (usize, usize),
    link: &'static str,
}

fn squeeze(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches('.')
        .to_string()
}

/// A name's words as the evaluation keys them (apostrophes kept).
fn word_keys(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(words::key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// The words of a group's name, as the evaluation keys them, that the
/// crate reads as legal forms ("SASU", "EAD", "Pty"): the evaluation's own
/// table lacks some, and a legal form two names share is not the group's
/// name ("ROSEHILL DRC SASU" does not carry WOODFORD ENTERPRISES LIMITED
/// SASU's).
fn legal_form_keys(name: &str) -> HashSet<String> {
    static NORMALIZER: std::sync::OnceLock<vendor_screen::normalize::Normalizer> =
        std::sync::OnceLock::new();
    let n = NORMALIZER
        .get_or_init(vendor_screen::normalize::Normalizer::new)
        .normalize(name);
    n.tokens
        .iter()
        .filter(|t| t.kind == vendor_screen::normalize::TokenKind::LegalForm)
        .filter_map(|t| n.original.get(t.span.clone()))
        .flat_map(word_keys)
        .collect()
}

/// The distinctive words of a group's name (`Context::distinctive`, legal
/// forms as the crate reads them aside).
fn distinctive_words(g: &str, cx: &Context) -> Vec<String> {
    let legal = legal_form_keys(g);
    word_keys(g)
        .into_iter()
        .filter(|w| cx.distinctive(w) && !legal.contains(w))
        .collect()
}

/// Whether a member's name holds every distinctive word of one of its
/// group's names (the core the issue defines: "Huawei Marine Networks" of
/// "Huawei Technologies", not "Shahid Kalhor Industries" of "Shahid Hemmat
/// Industrial Group"), or the first two words of a group name without a
/// distinctive word as [`carries_group_name`] reads them. A subset of the
/// names that carry their group's name, reported as its own row.
pub fn carries_whole_core(member: &str, group_names: &[String], cx: &Context) -> bool {
    let mine = word_keys(member);
    group_names.iter().any(|g| {
        let core = distinctive_words(g, cx);
        if core.is_empty() {
            return carries_group_name(member, std::slice::from_ref(g), cx);
        }
        core.iter().all(|w| mine.contains(w))
    })
}

/// Whether a member's name carries its group's name: it shares a
/// distinctive word with one of the group's names ([`distinctive_words`]:
/// not a place, organisation word, legal form or word common among real
/// vendor names), or, for a group name without a distinctive word, it
/// holds that name's first two words (legal forms and connectives aside)
/// one after the other ("China Mobile Online Services" for "China Mobile
/// Communications Group Co., Ltd.").
pub fn carries_group_name(member: &str, group_names: &[String], cx: &Context) -> bool {
    let mine = word_keys(member);
    group_names.iter().any(|g| {
        if distinctive_words(g, cx).iter().any(|w| mine.contains(w)) {
            return true;
        }
        let theirs = word_keys(g);
        if !cx.without_distinctive(g) {
            return false;
        }
        let core: Vec<&String> = theirs
            .iter()
            .filter(|w| !words::STOP_WORDS.contains(&w.as_str()) && !variants::legal_word(w))
            .take(2)
            .collect();
        core.len() == 2
            && mine
                .windows(2)
                .any(|p| &p[0] == core[0] && &p[1] == core[1])
    })
}

/// Member–group pairs of one file.
fn pairs(file: &ListFile) -> Vec<Pair> {
    let lists = &file.lists;
    // Organisation names -> entities, to resolve links written as names.
    let mut by_name: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut by_id: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
    // Names of the file's people: a person linked to a company is neither
    // its subsidiary nor an affiliate company.
    let mut people: HashSet<String> = HashSet::new();
    for (li, l) in lists.iter().enumerate() {
        for (ei, e) in l.entities.iter().enumerate() {
            by_id.insert((l.meta.id.as_str(), e.id.as_str()), (li, ei));
            if e.kind == EntityKind::Individual {
                people.extend(e.names().map(|(_, n)| squeeze(n)));
            }
            if e.kind == EntityKind::Organization {
                for (_, n) in e.names() {
                    by_name.entry(squeeze(n)).or_default().push((li, ei));
                }
            }
        }
    }
    let resolve = |li: usize, name: &str, target: Option<&str>| -> Option<(usize, usize)> {
        if let Some(t) = target {
            return by_id.get(&(lists[li].meta.id.as_str(), t)).copied();
        }
        let found = by_name.get(&squeeze(name))?;
        found
            .iter()
            .find(|(l, _)| *l == li)
            .or_else(|| found.first())
            .copied()
    };
    // Links per (list, entity): the importer's relations, and for raw
    // records the file's own `Linked To:` remarks.
    let mut out: Vec<Pair> = Vec::new();
    let mut push = |member: Member, group: (usize, usize), link: &'static str| {
        let organisation = match &member {
            Member::Entry(m) => {
                *m != group && lists[m.0].entities[m.1].kind == EntityKind::Organization
            }
            Member::Named(n) => !n.trim().is_empty() && !people.contains(&squeeze(n)),
        };
        if organisation
            && lists[group.0].entities[group.1].kind == EntityKind::Organization
            && !out.iter().any(|p| p.member == member && p.group == group)
        {
            out.push(Pair {
                member,
                group,
                link,
            });
        }
    };
    for (li, l) in lists.iter().enumerate() {
        for (ei, e) in l.entities.iter().enumerate() {
            for r in &e.relations {
                use vendor_screen::list::RelationKind::*;
                let me = Member::Entry((li, ei));
                // A relation naming the entry itself (the importer keeps the
                // related name among the entry's own names) names a member
                // that is not an entry of its own.
                let other = resolve(li, &r.name, r.target.as_deref()).filter(|o| *o != (li, ei));
                match (other, r.kind) {
                    (Some(other), Parent) => push(me, other, "subsidiary of"),
                    (Some(other), Affiliate) => push(me, other, "affiliate of"),
                    (Some(other), Subsidiary) => {
                        push(Member::Entry(other), (li, ei), "subsidiary of")
                    }
                    // Named only in this entry's relation: the name is the member.
                    (None, Affiliate) => {
                        push(Member::Named(r.name.clone()), (li, ei), "affiliate of")
                    }
                    (None, Subsidiary) => {
                        push(Member::Named(r.name.clone()), (li, ei), "subsidiary of")
                    }
                    (None, Parent) => {}
                }
            }
        }
    }
    for r in &file.records {
        let Some(member) = lists
            .iter()
            .enumerate()
            .find_map(|(li, l)| {
                by_id
                    .get(&(l.meta.id.as_str(), r.id.as_str()))
                    .filter(|m| m.0 == li)
            })
            .copied()
        else {
            continue;
        };
        for link in &r.links {
            if let Some(group) = resolve(member.0, &link.name, link.target.as_deref()) {
                let kind = match link.kind {
                    "subsidiary" => continue,
                    "parent" | "subsidiary of" | "owned by" => "subsidiary of",
                    _ => "affiliate of",
                };
                push(Member::Entry(member), group, kind);
            }
        }
    }
    out
}

/// A member's names: its entry's primary name and aliases, or the name the
/// relation gives.
fn member_names(file: &ListFile, member: &Member) -> Vec<String> {
    match member {
        Member::Entry(m) => {
            let e = &file.lists[m.0].entities[m.1];
            let mut seen = HashSet::new();
            std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .chain(e.weak_aliases.iter().cloned())
                .filter(|n| seen.insert(squeeze(n)))
                .collect()
        }
        Member::Named(n) => vec![n.clone()],
    }
}

/// Folds a group's members are dealt over: each fold removes about one in
/// eight of a group's members and keeps the rest listed.
const MEMBER_FOLDS: usize = 8;

/// One screening of a file with some members removed.
pub struct Fold {
    /// The file's lists less the fold's members (and the group names equal to theirs).
    pub lists: Vec<DesignationList>,
    /// The members' names as cases.
    pub cases: Vec<Case>,
}

/// The file's members in folds: no fold removes an entity that is another
/// member's group in the same fold. `source` names the file in the rows;
/// `carries_only` keeps only names that carry their group's name.
/// Returns the folds and the pairs left out ([`LeftOut`]).
pub fn folds(
    file: &ListFile,
    source: &str,
    as_of: Date,
    cx: &Context,
    carries_only: bool,
) -> (Vec<Fold>, LeftOut) {
    let mut all = pairs(file);
    if carries_only {
        all.retain(|p| {
            let group = &file.lists[p.group.0].entities[p.group.1];
            let group_names: Vec<String> = group.names().map(|(_, n)| n.to_string()).collect();
            member_names(file, &p.member)
                .iter()
                .any(|n| carries_group_name(n, &group_names, cx))
        });
    }
    let mut left_out = LeftOut::default();
    let mut assigned: Vec<Vec<Pair>> = Vec::new();
    // Members seen per group, to deal a group's members out over the folds.
    let mut dealt: HashMap<(usize, usize), usize> = HashMap::new();
    for p in all {
        let (list, group) = (
            &file.lists[p.group.0],
            &file.lists[p.group.0].entities[p.group.1],
        );
        if !group.in_force(as_of) {
            left_out.not_in_force += 1;
            continue;
        }
        if list.reach_of(group) == Reach::NamedOnly {
            left_out.named_only += 1;
            continue;
        }
        // A fold removes its members' entries: none may be another pair's
        // group in the same fold. (One member linked to several groups is
        // removed once for all of them.)
        let fits = |fold: &Vec<Pair>| {
            !fold
                .iter()
                .any(|q| q.member == Member::Entry(p.group) || Member::Entry(q.group) == p.member)
        };
        // A group's members are dealt out over the folds, so that most of
        // its listed siblings stay listed while one is screened: a vendor
        // is a subsidiary the list does not name, beside those it does.
        let seen = dealt.entry(p.group).or_insert(0);
        let start = *seen % MEMBER_FOLDS;
        *seen += 1;
        while assigned.len() < MEMBER_FOLDS {
            assigned.push(Vec::new());
        }
        let n = assigned.len();
        match (0..n)
            .map(|k| (start + k) % n)
            .find(|&k| fits(&assigned[k]))
        {
            Some(k) => assigned[k].push(p),
            None => assigned.push(vec![p]),
        }
    }
    assigned.retain(|f| !f.is_empty());
    let folds = assigned
        .into_iter()
        .map(|fold| {
            let mut lists = file.lists.clone();
            let mut cases = Vec::new();
            for p in &fold {
                let names = member_names(file, &p.member);
                let gl = &mut lists[p.group.0];
                let list_id = gl.meta.id.clone();
                let group = &mut gl.entities[p.group.1];
                let drop: HashSet<String> = names.iter().map(|n| squeeze(n)).collect();
                group.aliases.retain(|a| !drop.contains(&squeeze(a)));
                group.weak_aliases.retain(|a| !drop.contains(&squeeze(a)));
                group.former_names.retain(|a| !drop.contains(&squeeze(a)));
                if drop.contains(&squeeze(&group.name)) {
                    continue;
                }
                let group_names: Vec<String> = group.names().map(|(_, n)| n.to_string()).collect();
                for n in names {
                    let carries = carries_group_name(&n, &group_names, cx);
                    if carries_only && !carries {
                        continue;
                    }
                    let subset = if carries {
                        "carries its group's name"
                    } else {
                        "a name of its own"
                    };
                    let mut rows = vec![
                        format!("{source}: {subset}"),
                        format!("all: {subset}"),
                        format!("{}, {subset}", p.link),
                    ];
                    if carries && carries_whole_core(&n, &group_names, cx) {
                        rows.push(format!(
                            "{source}: holds every distinctive word of a group name"
                        ));
                        // First, so a miss prints under its most telling row.
                        rows.insert(
                            0,
                            "all: holds every distinctive word of a group name".to_string(),
                        );
                    }
                    cases.push(Case {
                        rows,
                        query: n,
                        source: group.name.clone(),
                        list: list_id.clone(),
                        entity: group.id.clone(),
                        expected_names: group_names.clone(),
                        member: true,
                        negative: false,
                    });
                }
            }
            let removed: HashSet<(usize, usize)> = fold
                .iter()
                .filter_map(|p| match p.member {
                    Member::Entry(m) => Some(m),
                    Member::Named(_) => None,
                })
                .collect();
            for (li, l) in lists.iter_mut().enumerate() {
                let mut ei = 0;
                l.entities.retain(|_| {
                    let keep = !removed.contains(&(li, ei));
                    ei += 1;
                    keep
                });
                // Links to a removed entry lead nowhere now.
                let ids: HashSet<String> = l.entities.iter().map(|e| e.id.clone()).collect();
                for e in &mut l.entities {
                    e.relations
                        .retain(|r| r.target.as_ref().is_none_or(|t| ids.contains(t)));
                }
            }
            Fold { lists, cases }
        })
        .collect();
    (folds, left_out)
}

/// Member–group pairs left out of the folds: the group's listing does not
/// reach the member, so no screen should report it through the group.
#[derive(Debug, Default, Clone, Copy)]
pub struct LeftOut {
    /// The group's listing is not in force on the screening date.
    pub not_in_force: usize,
    /// The group's listing reaches only the entity it names (a list or an
    /// entry of `Reach::NamedOnly`: an NS-CMIC listing, OFAC FAQ 857), so
    /// a company it owns is not covered until listed itself.
    pub named_only: usize,
}
