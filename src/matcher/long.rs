//! Long queries: a bound on what a listed name can score against a query of
//! many words, computed without aligning them, so that the cost of a name of
//! thousands of words grows with its length and not with its length times
//! its candidates.
//!
//! Each listed word pairs with at most three consecutive query words (a
//! merge), or with a run of number words re-spaced ("11 420 2 1"), so at
//! most `max(3, longest number run) × n` of the query's words are paired
//! against a listed name of `n` words and the rest are left over. The name score is at
//! most `P / (P + C)`, where `P` is the listed name's weight plus the heaviest
//! `3n` query words' and `C` the cost of the cheapest words beyond them. A
//! group member needs every word of the listed core in the query (as it is
//! written, its stem, its variant key, or two or three query words run
//! together), and scores at most the containment score of its core.
//!
//! The listed names the bound lets through grow with the query too (more
//! words, more of them contain a listed core's), so each is aligned by
//! [`crate::score::align_long`]: only with the query words that could pair
//! with one of its own, looked up rather than scanned, for the same result
//! as the full alignment.

use crate::normalize::TokenKind;
use crate::score::Prepared;
use crate::score::containment::{CONTAINMENT_BASE, CONTAINMENT_SPAN};
use std::collections::HashSet;

/// Queries of at least this many words are bounded before alignment.
pub(crate) const LONG_QUERY: usize = 24;

/// What a long query can give any listed name, prepared once.
pub(crate) struct QueryBound {
    /// Query word weights, heaviest first, as prefix sums.
    heavy: Vec<f64>,
    /// Query leftover costs, cheapest first, as prefix sums.
    cheap: Vec<f64>,
    /// Every form in which a listed word could be paired strongly.
    forms: HashSet<String>,
    /// Query words one listed word can pair with at most.
    span: usize,
    /// The query's written key, for a name cut at a field width.
    written: String,
}

fn prefix_sums(mut v: Vec<f64>) -> Vec<f64> {
    let mut acc = 0.0;
    let mut out = Vec::with_capacity(v.len() + 1);
    out.push(0.0);
    for x in v.drain(..) {
        acc += x;
        out.push(acc);
    }
    out
}

impl QueryBound {
    pub fn new(q: &Prepared) -> QueryBound {
        let toks = &q.name.tokens;
        let mut heavy = q.weights.clone();
        heavy.sort_by(|a, b| b.total_cmp(a));
        let mut cheap: Vec<f64> = toks
            .iter()
            .zip(&q.weights)
            .map(|(t, w)| w * crate::score::weights::query_leftover_factor(t))
            .collect();
        cheap.sort_by(f64::total_cmp);
        let mut forms = HashSet::new();
        for (i, t) in toks.iter().enumerate() {
            forms.insert(t.text.clone());
            forms.insert(t.unexpanded_text().to_string());
            forms.extend(t.stem.clone());
            forms.extend(t.variant.clone());
            let mut joined = t.unexpanded_text().to_string();
            for next in toks.iter().skip(i + 1).take(2) {
                joined.push_str(next.unexpanded_text());
                forms.insert(joined.clone());
            }
        }
        let mut run = 0;
        let mut longest_run = 0;
        for t in toks {
            run = if t.kind == TokenKind::Number {
                run + 1
            } else {
                0
            };
            longest_run = longest_run.max(run);
        }
        QueryBound {
            heavy: prefix_sums(heavy),
            cheap: prefix_sums(cheap),
            forms,
            span: longest_run.max(3),
            written: q.written.clone(),
        }
    }

    /// An upper bound of the score of `l` against the query.
    pub fn bound(&self, l: &Prepared) -> f64 {
        let n = self.heavy.len() - 1;
        let paired = (self.span * l.name.tokens.len()).min(n);
        let p = l.weights.iter().sum::<f64>() + self.heavy[paired];
        let c = self.cheap[n - paired];
        let name = if p + c > 0.0 { p / (p + c) } else { 0.0 };
        let group = l
            .cores()
            .filter(|c| c.tokens.iter().all(|&j| self.could_pair(l, j)))
            .map(|c| CONTAINMENT_BASE + CONTAINMENT_SPAN * c.rarity)
            .fold(0.0, f64::max);
        // A name cut at a field width scores at most CUT_BASE + CUT_SPAN.
        let cut = if crate::score::cut::begins(&self.written, &l.written) {
            crate::score::cut::CUT_BASE + crate::score::cut::CUT_SPAN
        } else {
            0.0
        };
        name.max(group).max(cut)
    }

    /// Whether listed word `j` of `l` could pair strongly with the query:
    /// as it is, by stem or variant key, against query words run together,
    /// or run together with its neighbours against a query word.
    fn could_pair(&self, l: &Prepared, j: usize) -> bool {
        let toks = &l.name.tokens;
        let t = &toks[j];
        if t.kind == TokenKind::LegalForm
            || [
                Some(t.text.as_str()),
                Some(t.unexpanded_text()),
                t.stem.as_deref(),
                t.variant.as_deref(),
            ]
            .into_iter()
            .flatten()
            .any(|f| self.forms.contains(f))
        {
            return true;
        }
        (j.saturating_sub(2)..=j).any(|start| {
            (start + 1..(start + 3).min(toks.len())).any(|end| {
                end >= j
                    && self.forms.contains(
                        &toks[start..=end]
                            .iter()
                            .map(|t| t.unexpanded_text())
                            .collect::<String>(),
                    )
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{ListedName, Matcher};
    use crate::score::align;

    /// Long queries made of real vendor names run together, with listed
    /// names, re-spaced numbers and merged words inside them.
    fn long_queries(listed: &[String]) -> Vec<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/vendors/fpds-vendor-names.txt"
        );
        let vendors: Vec<String> = std::fs::read_to_string(path)
            .map(|t| t.lines().take(3000).map(str::to_string).collect())
            .unwrap_or_default();
        let mut out: Vec<String> = vendors.chunks(8).map(|c| c.join(" ")).collect();
        for (i, name) in listed.iter().enumerate().step_by(3) {
            let around = vendors.get(i % vendors.len().max(1)..).unwrap_or_default();
            let filler: Vec<&str> = around
                .iter()
                .take(6)
                .flat_map(|v| v.split_whitespace())
                .collect();
            let half = filler.len() / 2;
            out.push(format!(
                "{} {name} {}",
                filler[..half].join(" "),
                filler[half..].join(" ")
            ));
            out.push(format!(
                "{} {} 1 1 4 2 0 2 1",
                name.replace(' ', ""),
                filler.join(" ")
            ));
        }
        out
    }

    /// A matcher of `texts`, each an organisation's only name, no list
    /// naming members.
    fn organisations(texts: &[String]) -> Matcher {
        Matcher::new(
            texts.iter().enumerate().map(|(i, t)| ListedName {
                text: t,
                entity: i,
                groups: true,
                affiliates: false,
                craft: false,
                person: false,
            }),
            &[],
        )
    }

    /// The bound is never below the score alignment gives, for every
    /// listed name of the bundled lists against every long query: a listed
    /// name the bound skips could not have hit.
    #[test]
    fn the_bound_is_never_below_the_score() {
        let lists = crate::lists::bundled().expect("bundled lists");
        let mut texts = Vec::new();
        for list in &lists {
            for e in &list.entities {
                texts.push(e.name.clone());
                texts.extend(e.aliases.iter().cloned());
            }
        }
        let m = organisations(&texts);
        let queries = long_queries(&texts);
        assert!(queries.len() > 300, "{}", queries.len());
        let mut checked = 0;
        for query in &queries {
            let q = m.prepare(query);
            if q.name.tokens.len() < LONG_QUERY {
                continue;
            }
            let b = QueryBound::new(&q);
            for l in &m.names {
                if let Some(a) = align(&q, l, 0.0) {
                    let bound = b.bound(l);
                    assert!(
                        bound + 1e-9 >= a.score,
                        "bound {bound} < score {} of {:?} in {query:?}",
                        a.score,
                        l.name.original
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// Split in halves, the long names of the CSL make long queries whose
    /// words all pair, two query words to a listed word: the bound must
    /// allow for merges.
    #[test]
    fn the_bound_allows_for_split_words() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/csl/consolidated-2023-11-partial.csv"
        );
        let Ok(imported) = crate::list::load::load_path_with(
            std::path::Path::new(path),
            None,
            &crate::list::LoadOptions::partial(),
        ) else {
            panic!("{path} loads");
        };
        let texts: Vec<String> = imported
            .lists
            .iter()
            .flat_map(|l| &l.entities)
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .filter(|n| n.split_whitespace().filter(|w| w.len() >= 6).count() >= 8)
            .cloned()
            .collect();
        let m = organisations(&texts);
        let mut checked = 0;
        for (i, text) in texts.iter().enumerate() {
            let split: Vec<String> = text
                .split_whitespace()
                .map(|w| match w.char_indices().nth(3) {
                    Some((at, _)) if w.len() >= 6 && w.is_ascii() => {
                        format!("{} {}", &w[..at], &w[at..])
                    }
                    _ => w.to_string(),
                })
                .collect();
            let q = m.prepare(&split.join(" "));
            if q.name.tokens.len() < LONG_QUERY {
                continue;
            }
            let l = &m.names[i];
            if let Some(a) = align(&q, l, 0.0) {
                let bound = QueryBound::new(&q).bound(l);
                assert!(
                    bound + 1e-9 >= a.score,
                    "{bound} < {} for {text:?}",
                    a.score
                );
                checked += 1;
            }
        }
        assert!(checked > 20, "{checked}");
    }
}
