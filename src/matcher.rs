//! Matching a query against the listed names: normalise and weigh the listed
//! names once and index them; per query, align it with the index's candidates
//! (or, as the reference, with every name).

use crate::explain::Explanation;
use crate::index::NameIndex;
use crate::normalize::Normalizer;
use crate::score::{Prepared, Weights, align};

/// The index finds every name that can score above this; below it (a caller
/// asking for weak hits), every name is scored. A listed name none of whose
/// distinctive words (or, without one, not all of whose words) pair with the
/// query has a word left unpaired while the names share no rare word, which
/// caps its score at 0.6 ([`crate::score::evidence`]); the index looks such
/// names up by those words.
pub(crate) const INDEX_MIN_THRESHOLD: f64 = 0.6;

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
    /// Prepares listed names, each with whether it is an organisation's (a
    /// vendor named after an organisation may be a member of its group).
    pub fn new<'a>(names: impl Iterator<Item = (&'a str, bool)>) -> Matcher {
        let normalizer = Normalizer::new();
        let weights = Weights::default();
        let (normalized, organisation): (Vec<_>, Vec<bool>) =
            names.map(|(n, org)| (normalizer.normalize(n), org)).unzip();
        let index = NameIndex::build(&normalized);
        let names = normalized
            .into_iter()
            .zip(organisation)
            .map(|(n, org)| {
                let p = Prepared::new(n, &weights);
                if org { p.organisation() } else { p }
            })
            .collect();
        Matcher {
            normalizer,
            weights,
            names,
            index,
        }
    }

    /// Listed name `i` as written.
    pub fn name(&self, i: usize) -> &str {
        &self.names[i].name.original
    }

    /// Prepares a query: normalised and weighed once for all candidates.
    pub fn prepare(&self, query: &str) -> Prepared {
        Prepared::new(self.normalizer.normalize(query), &self.weights)
    }

    /// Every listed name scoring at least `threshold` against `query`, from
    /// the index's candidates.
    pub fn find(&self, query: &str, threshold: f64) -> Vec<NameMatch> {
        if threshold <= INDEX_MIN_THRESHOLD {
            return self.find_brute_force(query, threshold);
        }
        let q = self.prepare(query);
        let candidates = self.index.candidates(&q.name);
        self.score_all(&q, candidates.into_iter(), threshold)
    }

    /// The same as [`Matcher::find`], scoring every listed name: the
    /// reference the index is tested against.
    pub fn find_brute_force(&self, query: &str, threshold: f64) -> Vec<NameMatch> {
        let q = self.prepare(query);
        self.score_all(&q, 0..self.names.len(), threshold)
    }

    fn score_all(
        &self,
        q: &Prepared,
        names: impl Iterator<Item = usize>,
        threshold: f64,
    ) -> Vec<NameMatch> {
        names
            .filter_map(|i| {
                let l = &self.names[i];
                let a = align(q, l, threshold)?;
                Some(NameMatch {
                    name: i,
                    score: a.score,
                    explanation: Explanation::new(q, l, &a, threshold),
                })
            })
            .collect()
    }
}
