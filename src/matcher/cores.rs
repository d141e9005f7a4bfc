//! How a listed name's core is marked from its entity's other names and
//! from the members the lists name for the entity: a core several of the
//! entity's names have, or its members carry, is the brand the group's
//! companies go by ([`crate::score::Core`]).

use super::ListedName;
use crate::score::Prepared;
use std::ops::Range;

/// How many of an entity's names must have the same core for it to be the
/// brand the group goes by ([`crate::score::Core::repeated`]): VTB Bank PJSC,
/// Bank VTB OAO, JSC VTB Bank, VTB Bank PAO. Measured on the group members
/// of `examples/evaluate` against the real vendor names: counting short
/// cores of two names found 71 more of 917 members for 37 more of 64,200
/// vendor names hitting every shared list; of four names, 63 more for 4.
const REPEATED_CORE_NAMES: usize = 4;

/// Marks each core that enough names of the same entity have
/// ([`REPEATED_CORE_NAMES`]).
pub(super) fn mark_repeated(names: &mut [Prepared], ranges: &[Range<usize>]) {
    for range in ranges {
        let start = range.start;
        let keys: Vec<Option<String>> = names[range.clone()].iter().map(|p| p.core_key()).collect();
        for (i, key) in keys.iter().enumerate() {
            let Some(key) = key else { continue };
            let others = keys
                .iter()
                .enumerate()
                .filter(|&(j, k)| j != i && k.as_ref() == Some(key))
                .count();
            if let Some(core) = names[start + i].core.as_mut() {
                core.repeated = others + 1 >= REPEATED_CORE_NAMES;
            }
        }
    }
}

/// How many of the members a list names for an entity must carry its
/// core (or a part of it) for it to be the brand the group goes by
/// ([`crate::score::Core::members_carrying`]): VTB FACTORING LTD, VTB LEASING JOINT
/// STOCK COMPANY, ... "Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY".
const MEMBERS_CARRYING_CORE: usize = 3;

/// Marks each core, and gives each bare alias its core, when enough
/// members the lists name for its entity carry it in one of their names,
/// its words next to each other ([`MEMBERS_CARRYING_CORE`]); where they
/// carry a part of it only, gives the name that part as its brand
/// ([`Prepared::brand`]). Marks too each core one member or more carries,
/// however few ([`crate::score::Core::carried_by_member`]). Only names that
/// may name a group ([`ListedName::groups`]: an organisation's, on a list
/// reaching beyond the entities it names) count.
pub(super) fn mark_members_carry(
    names: &mut [Prepared],
    listed: &[ListedName<'_>],
    ranges: &[Range<usize>],
    members: &[Vec<usize>],
) {
    if members.iter().all(Vec::is_empty) {
        return;
    }
    for (entity, range) in ranges.iter().enumerate() {
        let Some(members) = members.get(entity).filter(|m| !m.is_empty()) else {
            continue;
        };
        for i in range.clone().filter(|&i| listed[i].groups) {
            // The name's core, or for a bare alias nothing else vouched for
            // as the group's name ("VEB" of State Corporation Bank for
            // Development and Foreign Economic Affairs Vnesheconombank), the
            // core it would have.
            let Some(core) = names[i]
                .core
                .clone()
                .or_else(|| crate::score::Core::of(&names[i].name))
            else {
                continue;
            };
            let (carried, whole) = members_carry(&names[i].name, &core, members, ranges, names);
            if whole > 0 {
                if let Some(c) = names[i].core.as_mut() {
                    c.carried_by_member = true;
                }
            }
            match carried {
                Carried::Whole(c) => names[i].core = Some(c),
                Carried::Part(c) => names[i].brand = Some(c),
                Carried::Neither => {}
            }
        }
    }
}

/// What of a name's core the members the lists name for its entity carry.
enum Carried {
    /// The whole core, marked with how many carry it.
    Whole(crate::score::Core),
    /// A part of it: a brand of its own ([`Prepared::brand`]).
    Part(crate::score::Core),
    Neither,
}

/// What of a name's core the members carry: the whole core, or else the
/// run of its words most members carry ("Shahid" of Shahid Hemmat
/// Industrial Group, whose members are Shahid Nuri, Shahid Kalhor and
/// Shahid Movahed Industries), if at least [`MEMBERS_CARRYING_CORE`] do and
/// the run is rare among company names itself: members of a ministry share
/// "Iranian", of a tanker company "Tanker", without it naming them. Also
/// how many members carry the whole core, however few.
fn members_carry(
    name: &crate::normalize::Normalized,
    core: &crate::score::Core,
    members: &[usize],
    ranges: &[Range<usize>],
    names: &[Prepared],
) -> (Carried, usize) {
    let carrying = |ids: &[usize]| {
        let words: Vec<String> = ids.iter().map(|&j| name.tokens[j].text.clone()).collect();
        members
            .iter()
            .filter(|&&m| {
                ranges.get(m).is_some_and(|r| {
                    names[r.clone()]
                        .iter()
                        .any(|p| holds_words(&p.name, &words))
                })
            })
            .count()
    };
    let whole = carrying(&core.tokens);
    if whole >= MEMBERS_CARRYING_CORE {
        let c = crate::score::Core {
            members_carrying: whole,
            carried_by_member: true,
            ..core.clone()
        };
        return (Carried::Whole(c), whole);
    }
    if members.len() < MEMBERS_CARRYING_CORE {
        return (Carried::Neither, whole);
    }
    let bg = crate::background::Background::get();
    let written = |run: &[usize]| -> Vec<&str> {
        run.iter()
            .map(|&j| name.tokens[j].unexpanded_text())
            .collect()
    };
    let n = core.tokens.len();
    let mut best: Option<(usize, &[usize])> = None;
    for len in (1..n).rev() {
        for run in core.tokens.windows(len) {
            let letters: usize = run.iter().map(|&j| name.tokens[j].text.len()).sum();
            let distinctive = run
                .iter()
                .any(|&j| name.tokens[j].kind == crate::normalize::TokenKind::Distinctive);
            if letters < crate::score::containment::MIN_CORE_LETTERS || !distinctive {
                continue;
            }
            if bg.phrase_rarity(&written(run)) < crate::score::weights::CORE_RARITY {
                continue;
            }
            let c = carrying(run);
            if c >= MEMBERS_CARRYING_CORE && best.is_none_or(|(b, _)| c > b) {
                best = Some((c, run));
            }
        }
    }
    let carried = match best {
        // The members vouch for the brand wherever a name holds it: it
        // need not lead ("Quds Razavi Mines" holds "Razavi" of Astan Quds
        // Razavi), as a bare primary name's core must.
        Some((c, run)) => Carried::Part(crate::score::Core {
            tokens: run.to_vec(),
            rarity: bg.phrase_rarity(&written(run)),
            letters: run.iter().map(|&j| name.tokens[j].text.len()).sum(),
            members_carrying: c,
            leading: false,
            carried_by_member: true,
            ..core.clone()
        }),
        None => Carried::Neither,
    };
    (carried, whole)
}

/// Whether a name's words (optional ones aside) hold `words` next to each other.
fn holds_words(n: &crate::normalize::Normalized, words: &[String]) -> bool {
    let texts: Vec<&str> = n
        .tokens
        .iter()
        .filter(|t| !t.optional)
        .map(|t| t.text.as_str())
        .collect();
    !words.is_empty()
        && texts
            .windows(words.len())
            .any(|w| w.iter().zip(words).all(|(a, b)| *a == b.as_str()))
}
