//! Compound variations: real organisation names of the lists, varied one,
//! two and three ways at once as vendor masters write them; names without a
//! distinctive word as their own group, with the whole-word changes that
//! make them another name as negatives.

use super::cases::Case;
use super::variants::{self, COMBOS, Context, Kind, Rng};
use super::words;
use std::collections::{BTreeMap, HashSet};
use vendor_screen::list::{DesignationList, EntityKind};

/// A listed organisation name to vary.
#[derive(Debug, Clone)]
pub struct Source {
    /// List id.
    pub list: String,
    /// Entity id.
    pub entity: String,
    /// The entity's primary name, as imported.
    pub name: String,
    /// All the entity's names (for the peers).
    pub names: Vec<String>,
}

/// Organisation names of the lists with the given ids: entities typed as
/// organisations, and for files that do not type their rows (BIS, State,
/// the DPL: every row reads as an organisation) only names that carry a
/// legal form or an organisation word. One source per distinct name.
pub fn organisations(lists: &[DesignationList], ids: &[&str]) -> Vec<Source> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for l in lists.iter().filter(|l| ids.contains(&l.meta.id.as_str())) {
        let untyped = !l.meta.authority.contains("Treasury")
            && !l.meta.id.starts_with("ndaa")
            && !l.meta.id.starts_with("fcc")
            && !l.meta.id.starts_with("dod");
        for e in &l.entities {
            if e.kind != EntityKind::Organization {
                continue;
            }
            if untyped && !looks_organisational(&e.name) {
                continue;
            }
            if !seen.insert(e.name.to_lowercase()) {
                continue;
            }
            out.push(Source {
                list: l.meta.id.clone(),
                entity: e.id.clone(),
                name: e.name.clone(),
                names: e.names().map(|(_, n)| n.to_string()).collect(),
            });
        }
    }
    out
}

/// Whether a name carries a legal form or an organisation word.
pub fn looks_organisational(name: &str) -> bool {
    let legal = words_of_legal_forms();
    name.split_whitespace().any(|w| {
        let k = words::key(w);
        (k.len() > 1 && legal.contains(&k)) || words::ORG_WORDS.contains(&k.as_str())
    })
}

fn words_of_legal_forms() -> HashSet<String> {
    words::LEGAL_FORMS
        .iter()
        .flat_map(|c| c.iter())
        .flat_map(|f| f.split_whitespace())
        .map(words::key)
        .filter(|k| k.len() > 1)
        .collect()
}

fn label(kinds: &[Kind]) -> String {
    let mut ks = kinds.to_vec();
    ks.sort();
    ks.iter().map(|k| k.name()).collect::<Vec<_>>().join(" + ")
}

/// A case of `s`'s entity, screened as `query`, counted in `rows`.
pub fn case(s: &Source, query: String, rows: Vec<String>, negative: bool) -> Case {
    Case {
        rows,
        query,
        source: s.name.clone(),
        list: s.list.clone(),
        entity: s.entity.clone(),
        expected_names: s.names.clone(),
        member: false,
        negative,
    }
}

/// Random sets of `n` distinct kinds out of `from`.
fn random_kinds(from: &[Kind], n: usize, rng: &mut Rng) -> Vec<Kind> {
    let mut pool = from.to_vec();
    let mut out = Vec::new();
    while out.len() < n && !pool.is_empty() {
        out.push(pool.remove(rng.below(pool.len())));
    }
    out
}

/// Row for all cases of two or three kinds at once.
pub const COMPOUND: &str = "all compound (2-3 kinds at once)";
/// Row for contractions, alone or combined.
pub const CONTRACTIONS: &str = "contraction (alone or combined)";
/// Row for legal-form variants, alone or combined.
pub const LEGAL: &str = "legal-form variant (alone or combined)";
/// Row for the negatives of names without a distinctive word.
pub const OTHER_NAME: &str = "another name: a whole word dropped or swapped";

/// Cases for names with a distinctive word: every kind alone, the named
/// combinations, two random pairs and a random triple of everyday kinds per
/// name; at most `per_row` cases per row (a deterministic sample).
pub fn with_distinctive(sources: &[Source], cx: &Context, per_row: usize, seed: u64) -> Vec<Case> {
    let mut rng = Rng::new(seed);
    let mut buckets: BTreeMap<String, Vec<Case>> = BTreeMap::new();
    let mut order = Vec::new();
    let mut push = |row: String, c: Case, order: &mut Vec<String>| {
        if !buckets.contains_key(&row) {
            order.push(row.clone());
        }
        buckets.entry(row).or_default().push(c);
    };
    for s in sources.iter().filter(|s| !cx.without_distinctive(&s.name)) {
        for k in Kind::ALL {
            if let Some(v) = variants::apply(&s.name, &[k], &mut rng, cx) {
                push(
                    k.name().to_string(),
                    case(s, v, vec![k.name().to_string()], false),
                    &mut order,
                );
            }
        }
        let mut combos: Vec<(String, Vec<Kind>)> =
            COMBOS.iter().map(|c| (label(c), c.to_vec())).collect();
        for _ in 0..2 {
            combos.push((
                "random pair of everyday kinds".to_string(),
                random_kinds(&Kind::EVERYDAY, 2, &mut rng),
            ));
        }
        combos.push((
            "random triple of everyday kinds".to_string(),
            random_kinds(&Kind::EVERYDAY, 3, &mut rng),
        ));
        for (row, kinds) in combos {
            if let Some(v) = variants::apply(&s.name, &kinds, &mut rng, cx) {
                let rows = vec![row.clone(), COMPOUND.to_string()];
                push(row, case(s, v, rows, false), &mut order);
            }
        }
    }
    let mut out = Vec::new();
    for row in order {
        let mut cases = buckets.remove(&row).unwrap_or_default();
        sample(&mut cases, per_row, &mut rng);
        out.extend(cases);
    }
    out
}

/// Cases for names without a distinctive word: the kinds that keep the same
/// name, alone and combined, with rows for the targets (compound,
/// contraction, legal-form variants), and the negatives: one whole word
/// dropped or swapped. At most `per_row` cases per kind or combination.
pub fn without_distinctive(
    sources: &[Source],
    cx: &Context,
    per_row: usize,
    seed: u64,
) -> Vec<Case> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let same = &Kind::SAME_NAME;
    let combos: Vec<&[Kind]> = COMBOS
        .iter()
        .copied()
        .filter(|c| c.iter().all(|k| same.contains(k)))
        .collect();
    for s in sources.iter().filter(|s| cx.without_distinctive(&s.name)) {
        let mut tries: Vec<(String, Vec<Kind>)> = same
            .iter()
            .map(|k| (k.name().to_string(), vec![*k]))
            .collect();
        tries.extend(combos.iter().map(|c| (label(c), c.to_vec())));
        for n in [2, 2, 3, 3] {
            let row = if n == 2 {
                "random pair"
            } else {
                "random triple"
            };
            tries.push((
                format!("{row} of these kinds"),
                random_kinds(same, n, &mut rng),
            ));
        }
        // Every name gets a contraction and a legal-form variant combined
        // with another kind where it can.
        for c in [
            vec![Kind::Contraction, Kind::Case],
            vec![Kind::LegalSwapped, Kind::Typo],
        ] {
            tries.push((label(&c), c));
        }
        for (row, kinds) in tries {
            let Some(v) = variants::apply(&s.name, &kinds, &mut rng, cx) else {
                continue;
            };
            let mut rows = vec![row];
            if kinds.len() > 1 {
                rows.push(COMPOUND.to_string());
            }
            if kinds.contains(&Kind::Contraction) {
                rows.push(CONTRACTIONS.to_string());
            }
            if kinds.contains(&Kind::LegalSwapped) || kinds.contains(&Kind::LegalDropped) {
                rows.push(LEGAL.to_string());
            }
            out.push(case(s, v, rows, false));
        }
        for _ in 0..2 {
            if let Some(v) = variants::other_name(&s.name, &mut rng) {
                out.push(case(s, v, vec![OTHER_NAME.to_string()], true));
            }
        }
    }
    let mut buckets: BTreeMap<String, Vec<Case>> = BTreeMap::new();
    let mut order = Vec::new();
    for c in out {
        let row = c.rows[0].clone();
        if !buckets.contains_key(&row) {
            order.push(row.clone());
        }
        buckets.entry(row).or_default().push(c);
    }
    let mut out = Vec::new();
    for row in order {
        let mut cases = buckets.remove(&row).unwrap_or_default();
        sample(&mut cases, per_row, &mut rng);
        out.extend(cases);
    }
    out
}

/// Keeps a deterministic sample of at most `n` cases.
fn sample(cases: &mut Vec<Case>, n: usize, rng: &mut Rng) {
    for i in (1..cases.len()).rev() {
        let j = rng.below(i + 1);
        cases.swap(i, j);
    }
    cases.truncate(n);
}
