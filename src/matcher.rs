//! Matching a query against every listed name: normalise and weigh the
//! listed names once, then align the query with each of them.

use crate::explain::Explanation;
use crate::normalize::Normalizer;
use crate::score::{Prepared, Weights, align};

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
}

impl Matcher {
    pub fn new<'a>(names: impl Iterator<Item = &'a str>) -> Matcher {
        let normalizer = Normalizer::new();
        let normalized: Vec<_> = names.map(|n| normalizer.normalize(n)).collect();
        let weights = Weights::from_names(normalized.iter());
        let names = normalized
            .into_iter()
            .map(|n| Prepared::new(n, &weights))
            .collect();
        Matcher {
            normalizer,
            weights,
            names,
        }
    }

    /// Prepares a query: normalised and weighed once for all candidates.
    pub fn prepare(&self, query: &str) -> Prepared {
        Prepared::new(self.normalizer.normalize(query), &self.weights)
    }

    /// Every listed name scoring at least `threshold` against `query`.
    pub fn find(&self, query: &str, threshold: f64) -> Vec<NameMatch> {
        let q = self.prepare(query);
        self.names
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let a = align(&q, l, threshold)?;
                Some(NameMatch {
                    name: i,
                    score: a.score,
                    explanation: Explanation::new(&q, l, &a, threshold),
                })
            })
            .collect()
    }
}
