//! Matching a query against the listed names: normalise and weigh the listed
//! names once and index them; per query, align it with the index's candidates
//! (or, as the reference, with every name).

mod cores;
mod long;

use crate::explain::{Explanation, NameExplained};
use crate::index::NameIndex;
use crate::normalize::{Normalizer, StepKind};
use crate::score::{LongQuery, Prepared, Weights, align, align_long};
use std::ops::Range;

/// The index finds every name that can score above this; below it (a caller
/// asking for weak hits), every name is scored. A listed name none of whose
/// distinctive words pair with the query (or, without one, two of whose
/// words are left out) shares no rare word with it, which caps its score at
/// 0.64 ([`crate::score::evidence`]); the index looks names up by those
/// words.
pub(crate) const INDEX_MIN_THRESHOLD: f64 = 0.65;

/// A listed name to prepare: its text, the entity it names (names of an
/// entity come together, its primary name first) and whether a vendor named
/// after it may be a member of its group (an organisation, on a list that
/// reaches beyond the entities it names).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListedName<'a> {
    pub text: &'a str,
    pub entity: usize,
    pub groups: bool,
    /// The list names the entity as a group: it reaches the entity's
    /// subsidiaries and affiliates (§889, the FCC Covered List), whose
    /// names lead with the group's brand, however short ("ZTE").
    pub affiliates: bool,
    /// The entity is a vessel or an aircraft ([`Prepared::craft`]).
    pub craft: bool,
    /// The entity is a person ([`Prepared::person`]).
    pub person: bool,
}

/// The compare forms of a name's words but legal forms.
fn content_words(n: &crate::normalize::Normalized) -> Vec<String> {
    n.tokens
        .iter()
        .filter(|t| t.kind != crate::normalize::TokenKind::LegalForm && !t.optional)
        .map(|t| t.text.clone())
        .collect()
}

/// A primary name's words: its content words, and every word as written
/// (legal forms too: the C of SMIC is its Corporation).
struct Primary {
    entity: usize,
    content: Vec<String>,
    written: Vec<String>,
}

impl Primary {
    fn of(entity: usize, n: &crate::normalize::Normalized) -> Primary {
        Primary {
            entity,
            content: content_words(n),
            written: n
                .tokens
                .iter()
                .filter(|t| !t.optional)
                .map(|t| t.unexpanded_text().to_string())
                .collect(),
        }
    }

    /// Whether a bare alias (one word and nothing else) names the entity's
    /// group: the primary name holds that word or is its acronym, one or two
    /// letters a word ("Kamaz" of Kamaz Publicly Traded Company, "AVIC" of
    /// Aviation Industry Corporation of China, "SMIC" of Semiconductor
    /// Manufacturing International Corporation; not "BANCORP" of Banco
    /// Corporativo, a word of its own that many banks' names hold).
    fn endorses(&self, p: &Prepared) -> bool {
        let words = content_words(&p.name);
        let [word] = words.as_slice() else {
            return false;
        };
        self.content.len() > 1
            && (self.content.contains(word)
                || (word.len() >= 3
                    && crate::normalize::built_from_beginnings(
                        word.as_bytes(),
                        self.written.iter().map(String::as_str),
                        2,
                    )))
    }
}

/// The names of each entity, by entity index (names of an entity come
/// together; an entity without names has an empty range).
fn entity_ranges(listed: &[ListedName<'_>]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (i, l) in listed.iter().enumerate() {
        if ranges.len() <= l.entity {
            ranges.resize(l.entity + 1, i..i);
        }
        if ranges[l.entity].is_empty() {
            ranges[l.entity] = i..i;
        }
        ranges[l.entity].end = i + 1;
    }
    ranges
}

/// A listed name that matched a query.
#[derive(Debug, Clone)]
pub(crate) struct NameMatch {
    /// Index of the listed name.
    pub name: usize,
    /// Similarity in [0, 1].
    pub score: f64,
    /// Why.
    pub explanation: Explanation,
}

/// All listed names, normalised and weighed once.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    normalizer: Normalizer,
    weights: Weights,
    names: Vec<Prepared>,
    index: NameIndex,
}

impl Matcher {
    /// Prepares listed names, each with the entity it names (its first name
    /// is its primary name) and whether it may name a group.
    /// `members[e]` are the entities the lists name as members of entity
    /// `e` (empty when none do, or shorter than the entities).
    pub fn new<'a>(names: impl Iterator<Item = ListedName<'a>>, members: &[Vec<usize>]) -> Matcher {
        let normalizer = Normalizer::new();
        let weights = Weights::default();
        let listed: Vec<ListedName<'a>> = names.collect();
        let normalized: Vec<_> = listed
            .iter()
            .map(|n| normalizer.normalize(n.text))
            .collect();
        let index = NameIndex::build_with(&normalized, &normalizer);
        let mut primary: Option<Primary> = None;
        let mut names = Vec::with_capacity(normalized.len());
        for (n, l) in normalized.into_iter().zip(&listed) {
            let first = primary.as_ref().is_none_or(|p| p.entity != l.entity);
            if first {
                primary = Some(Primary::of(l.entity, &n));
            }
            let mut p = Prepared::new(n, &weights);
            if l.craft {
                p = p.craft();
            }
            if l.person {
                p = p.person();
            }
            names.push(match (l.groups, &primary) {
                (false, _) => p,
                (true, _) if first => p.primary_organisation(),
                (true, Some(primary)) if primary.endorses(&p) => p.group_name(),
                (true, _) => p.organisation(),
            });
        }
        let ranges = entity_ranges(&listed);
        cores::mark_repeated(&mut names, &ranges);
        cores::mark_members_carry(&mut names, &listed, &ranges, members);
        for (p, _) in names.iter_mut().zip(&listed).filter(|(_, l)| l.affiliates) {
            for core in p.core.iter_mut().chain(p.brand.iter_mut()) {
                core.named_group = true;
            }
        }
        Matcher {
            normalizer,
            weights,
            names,
            index,
        }
    }

    /// The index of the listed names.
    pub(crate) fn index(&self) -> &NameIndex {
        &self.index
    }

    /// Listed name `i` as written.
    pub fn name(&self, i: usize) -> &str {
        &self.names[i].name.original
    }

    /// Listed name `i`, normalised.
    pub fn normalized(&self, i: usize) -> &crate::normalize::Normalized {
        &self.names[i].name
    }

    /// Prepares a query: normalised and weighed once for all candidates,
    /// words run together read apart ([`Normalizer::normalize_query`]).
    pub fn prepare(&self, query: &str) -> Prepared {
        Prepared::new(self.normalizer.normalize_query(query), &self.weights)
    }

    /// The readings of a query: read apart where it runs words together,
    /// and as written then too. A list may run the same words together
    /// ("EUROCOMPANY LTD."), and a vendor's typo in such a word ("Bitffingroup"
    /// for "Bitfingroup") meets it only whole: each listed name counts the
    /// better reading.
    fn readings(&self, query: &str) -> Vec<Prepared> {
        let apart = self.prepare(query);
        if !apart
            .name
            .steps
            .iter()
            .any(|s| s.kind == StepKind::SplitWords)
        {
            return vec![apart];
        }
        let whole = Prepared::new(self.normalizer.normalize(query), &self.weights);
        vec![apart, whole]
    }

    /// Every listed name scoring at least `threshold` against `query`, from
    /// the index's candidates.
    pub fn find(&self, query: &str, threshold: f64) -> Vec<NameMatch> {
        if threshold <= INDEX_MIN_THRESHOLD {
            return self.find_brute_force(query, threshold);
        }
        let readings = self.readings(query);
        best_per_name(readings.iter().map(|q| {
            let candidates = self.index.candidates(&q.name);
            self.score_all(q, candidates.into_iter(), threshold)
        }))
    }

    /// The same as [`Matcher::find`], scoring every listed name: the
    /// reference the index is tested against.
    pub fn find_brute_force(&self, query: &str, threshold: f64) -> Vec<NameMatch> {
        let readings = self.readings(query);
        best_per_name(
            readings
                .iter()
                .map(|q| self.score_all(q, 0..self.names.len(), threshold)),
        )
    }

    fn score_all(
        &self,
        q: &Prepared,
        names: impl Iterator<Item = usize>,
        threshold: f64,
    ) -> Vec<NameMatch> {
        let long = (q.name.tokens.len() >= long::LONG_QUERY)
            .then(|| (long::QueryBound::new(q), LongQuery::new(q)));
        let mut query: Option<NameExplained> = None;
        names
            .filter_map(|i| {
                let l = &self.names[i];
                let a = match &long {
                    Some((bound, _)) if bound.bound(l) < threshold => return None,
                    Some((_, long)) => align_long(long, l, threshold)?,
                    None => align(q, l, threshold)?,
                };
                Some(NameMatch {
                    name: i,
                    score: a.score,
                    explanation: Explanation::with_query(
                        query
                            .get_or_insert_with(|| NameExplained::new(&q.name))
                            .clone(),
                        q,
                        l,
                        &a,
                        threshold,
                    ),
                })
            })
            .collect()
    }
}

/// The matches of every reading of a query, the better one per listed
/// name, in the first reading's order (a second reading's own names after).
fn best_per_name(readings: impl Iterator<Item = Vec<NameMatch>>) -> Vec<NameMatch> {
    let mut out: Vec<NameMatch> = Vec::new();
    for (i, found) in readings.enumerate() {
        if i == 0 {
            out = found;
            continue;
        }
        for m in found {
            match out.iter_mut().find(|o| o.name == m.name) {
                Some(o) if o.score < m.score => *o = m,
                Some(_) => {}
                None => out.push(m),
            }
        }
    }
    out
}
