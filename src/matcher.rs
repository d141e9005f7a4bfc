//! Stop-gap name matching: exact equality of simply normalised names.
//!
//! Replaced by the token-alignment scorer of the matching-engine issue.

use crate::explain::Explanation;
use crate::normalize::simple_key;
use std::collections::HashMap;

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

/// All listed names, prepared once.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    keys: Vec<String>,
    texts: Vec<String>,
    by_key: HashMap<String, Vec<usize>>,
}

impl Matcher {
    pub fn new<'a>(names: impl Iterator<Item = &'a str>) -> Matcher {
        let texts: Vec<String> = names.map(str::to_string).collect();
        let keys: Vec<String> = texts.iter().map(|t| simple_key(t)).collect();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            if !k.is_empty() {
                by_key.entry(k.clone()).or_default().push(i);
            }
        }
        Matcher {
            keys,
            texts,
            by_key,
        }
    }

    pub fn find(&self, query: &str, threshold: f64) -> Vec<NameMatch> {
        let key = simple_key(query);
        if threshold > 1.0 {
            return Vec::new();
        }
        self.by_key
            .get(&key)
            .map(|idx| {
                idx.iter()
                    .map(|&i| NameMatch {
                        name: i,
                        score: 1.0,
                        explanation: Explanation::exact(query, &self.texts[i], &key, &self.keys[i]),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}
