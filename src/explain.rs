//! Explanations of hits: a serde structure built from what scoring computed
//! (never by scoring again), and a readable rendering.
//!
//! ```
//! use vendor_screen::normalize::Normalizer;
//! use vendor_screen::score::{Prepared, Weights, align};
//! use vendor_screen::explain::Explanation;
//!
//! let n = Normalizer::new();
//! let w = Weights::default();
//! let q = Prepared::new(n.normalize("Hik Vision USA Inc"), &w);
//! let l = Prepared::new(n.normalize("Hikvision"), &w);
//! let a = align(&q, &l, 0.0).unwrap();
//! let e = Explanation::new(&q, &l, &a, 0.85);
//! let text = e.to_string();
//! assert!(text.contains("split/merged"), "{text}");
//! assert!(text.contains("legal form 'Inc': weighs little"), "{text}");
//! ```

use crate::normalize::{Normalized, Step, TokenKind};
use crate::score::{Alignment, Containment, Evidence, PairKind, Prepared, Side};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One name as written, normalised, and the steps that changed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameExplained {
    /// As written.
    pub written: String,
    /// Compare forms of its tokens.
    pub normalized: String,
    /// Normalisation steps that changed something.
    pub steps: Vec<Step>,
}

impl NameExplained {
    pub(crate) fn new(n: &Normalized) -> NameExplained {
        NameExplained {
            written: n.original.clone(),
            normalized: n.text(),
            steps: n.steps.clone(),
        }
    }
}

/// One pair of the alignment, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairExplained {
    /// The query's tokens, as written.
    pub query: String,
    /// The listed name's tokens, as written.
    pub listed: String,
    /// Their similarity.
    pub similarity: f64,
    /// Their weight.
    pub weight: f64,
    /// How they are alike.
    pub kind: PairKind,
}

/// A leftover token, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeftoverExplained {
    /// Which name it is from.
    pub side: Side,
    /// The token as written.
    pub token: String,
    /// Its kind.
    pub kind: TokenKind,
    /// What it cost.
    pub cost: f64,
}

/// Why a listed name matched a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The query.
    pub query: NameExplained,
    /// The listed name.
    pub listed: NameExplained,
    /// Token pairs, best first.
    pub pairs: Vec<PairExplained>,
    /// Tokens left unpaired.
    pub leftovers: Vec<LeftoverExplained>,
    /// Weighted similarity of the pairs.
    pub matched: f64,
    /// Total weight (pairs plus leftover costs).
    pub total: f64,
    /// The rules of evidence that weighed in.
    pub evidence: Vec<Evidence>,
    /// The query contains the core of a listed organisation's name with
    /// words of its own: a possible member of its group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containment: Option<Containment>,
    /// The score.
    pub score: f64,
    /// The threshold it was compared with.
    pub threshold: f64,
    /// The list's rule that decided the hit's status, when relevant.
    pub rule: Option<String>,
    /// What the vendor's country said, when it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

fn span_text(n: &Normalized, ids: &[usize]) -> String {
    // One token (every leftover, thousands in a long name's explanation):
    // its text, without the lists below.
    if let [i] = ids {
        return n.original[n.tokens[*i].span.clone()].to_string();
    }
    let written: Vec<&str> = ids
        .iter()
        .map(|&i| &n.original[n.tokens[i].span.clone()])
        .collect();
    let mut dedup: Vec<&str> = Vec::new();
    for w in written {
        if dedup.last() != Some(&w) {
            dedup.push(w);
        }
    }
    dedup.join(" ")
}

impl Explanation {
    /// Builds the explanation of an alignment of `q` and `l`.
    pub fn new(q: &Prepared, l: &Prepared, a: &Alignment, threshold: f64) -> Explanation {
        Explanation::with_query(NameExplained::new(&q.name), q, l, a, threshold)
    }

    /// [`Explanation::new`] with the query's side explained already (once
    /// for all the listed names it matches: a long name's is long).
    pub(crate) fn with_query(
        query: NameExplained,
        q: &Prepared,
        l: &Prepared,
        a: &Alignment,
        threshold: f64,
    ) -> Explanation {
        Explanation {
            query,
            listed: NameExplained::new(&l.name),
            pairs: a
                .pairs
                .iter()
                .map(|p| PairExplained {
                    query: span_text(&q.name, &p.query),
                    listed: span_text(&l.name, &p.listed),
                    similarity: p.similarity,
                    weight: p.weight,
                    kind: p.kind,
                })
                .collect(),
            leftovers: a
                .leftovers
                .iter()
                .map(|x| {
                    let n = match x.side {
                        Side::Query => &q.name,
                        Side::Listed => &l.name,
                    };
                    LeftoverExplained {
                        side: x.side,
                        token: span_text(n, &[x.token]),
                        kind: n.tokens[x.token].kind,
                        cost: x.cost,
                    }
                })
                .collect(),
            matched: a.matched,
            total: a.total,
            evidence: a.evidence.clone(),
            containment: a.containment.clone(),
            score: a.score,
            threshold,
            rule: None,
            country: None,
        }
    }

    /// The same explanation with the list rule that decided the status.
    pub fn with_rule(mut self, rule: impl Into<String>) -> Explanation {
        self.rule = Some(rule.into());
        self
    }

    /// Renders the explanation, calling the query's side `label` ("vendor",
    /// "its alias", "its owner at level 1").
    ///
    /// ```
    /// # use vendor_screen::normalize::Normalizer;
    /// # use vendor_screen::score::{Prepared, Weights, align};
    /// # use vendor_screen::explain::Explanation;
    /// # let n = Normalizer::new();
    /// # let w = Weights::default();
    /// # let q = Prepared::new(n.normalize("Hikvision"), &w);
    /// # let a = align(&q, &q, 0.0).unwrap();
    /// let e = Explanation::new(&q, &q, &a, 0.85);
    /// assert!(e.render("its owner at level 1").starts_with("its owner at level 1 \"Hikvision\""));
    /// ```
    pub fn render(&self, label: &str) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write(&mut out, label);
        out
    }

    fn write(&self, f: &mut impl fmt::Write, label: &str) -> fmt::Result {
        for (label, n) in [(label, &self.query), ("listed name", &self.listed)] {
            writeln!(f, "{label} {:?} reads {:?}", n.written, n.normalized)?;
            for s in &n.steps {
                writeln!(f, "  - {}", s.detail)?;
            }
        }
        writeln!(f, "paired:")?;
        for p in &self.pairs {
            writeln!(
                f,
                "  {:?} ~ {:?}: {} (similarity {:.2})",
                p.query,
                p.listed,
                kind_word(p.kind),
                p.similarity
            )?;
        }
        if !self.leftovers.is_empty() {
            writeln!(f, "unpaired:")?;
            for x in &self.leftovers {
                let side = match x.side {
                    Side::Query => "in the name screened",
                    Side::Listed => "in the listed name",
                };
                writeln!(
                    f,
                    "  {:?} ({}, {side}): costs {:.2} of the total weight",
                    x.token,
                    token_kind_word(x.kind),
                    x.cost
                )?;
            }
        }
        for e in &self.evidence {
            writeln!(f, "evidence: {}", e.detail)?;
        }
        if let Some(c) = &self.containment {
            if c.extra.is_empty() {
                write!(
                    f,
                    "group member? the name screened is the listed name's core, {:?}, with no word of its own: the group's name or a shorter form of the listed name",
                    c.core
                )?;
            } else {
                write!(
                    f,
                    "group member? the name screened contains {:?}, the core of the listed name, with words of its own ({})",
                    c.core,
                    c.extra.join(", ")
                )?;
            }
            write!(
                f,
                "; the core is {} among real company names: score {:.2}",
                rarity_word(c.rarity),
                c.score
            )?;
            if c.members_carrying > 0 {
                write!(
                    f,
                    "; {} entries the list links to it carry {:?} too (the brand its companies go by)",
                    c.members_carrying, c.core
                )?;
            }
            if c.ordinary_word {
                write!(
                    f,
                    "; {:?} is an ordinary Spanish, Portuguese or French word nothing else on the list vouches for as a brand, so it counts as an ordinary English word",
                    c.core
                )?;
            }
            writeln!(f)?;
        }
        write!(
            f,
            "score {:.3}: paired words carry {:.2} of the names' total weight {:.2} (threshold {:.3})",
            self.score, self.matched, self.total, self.threshold
        )?;
        if let Some(country) = &self.country {
            write!(f, "\ncountry: {country}")?;
        }
        if let Some(rule) = &self.rule {
            write!(f, "\nrule: {rule}")?;
        }
        Ok(())
    }
}

fn rarity_word(r: f64) -> &'static str {
    match r {
        r if r >= 0.9 => "unknown",
        r if r >= 0.5 => "rare",
        r if r >= 0.2 => "uncommon",
        _ => "common",
    }
}

fn kind_word(k: PairKind) -> String {
    match k {
        PairKind::Exact => "same word".into(),
        PairKind::Inflection => "same word, another ending".into(),
        PairKind::Variant { digits: false } => "spelling variant".into(),
        PairKind::Variant { digits: true } => {
            "digits written for letters (possible evasion)".into()
        }
        PairKind::Typo { edits } => format!("{edits} typo(s)"),
        PairKind::FirstLetter => "first letter differs".into(),
        PairKind::Contraction => "contraction".into(),
        PairKind::Merged => "split/merged words".into(),
        PairKind::Initialism => "initialism".into(),
        PairKind::AsLegalForm => "read as the legal form".into(),
    }
}

fn token_kind_word(k: TokenKind) -> &'static str {
    match k {
        TokenKind::LegalForm => "legal form",
        TokenKind::Generic => "generic word",
        TokenKind::Place => "place",
        TokenKind::Number => "number",
        TokenKind::Distinctive => "distinctive word",
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, "vendor")
    }
}
