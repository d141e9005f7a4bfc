//! Explanations of hits: a serde structure and a readable rendering.

use serde::Serialize;
use std::fmt;

/// Why a listed name matched a query.
///
/// ```
/// use vendor_screen::explain::Explanation;
/// let e = Explanation::exact("ZTE Corp", "ZTE Corporation", "zte", "zte");
/// assert!(e.to_string().contains("score 1.000"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The query as written.
    pub query: String,
    /// The listed name as written.
    pub listed_name: String,
    /// The query after normalisation.
    pub query_normalized: String,
    /// The listed name after normalisation.
    pub listed_normalized: String,
    /// The final score.
    pub score: f64,
    /// The threshold it was compared with.
    pub threshold: f64,
    /// The list's reach rule that decided the status, when relevant.
    pub rule: Option<String>,
}

impl Explanation {
    /// An explanation of an exact match of normalised forms.
    pub fn exact(query: &str, listed: &str, qn: &str, ln: &str) -> Explanation {
        Explanation {
            query: query.to_string(),
            listed_name: listed.to_string(),
            query_normalized: qn.to_string(),
            listed_normalized: ln.to_string(),
            score: 1.0,
            threshold: 0.0,
            rule: None,
        }
    }

    /// The same explanation, compared with `threshold`.
    pub(crate) fn with_threshold(mut self, threshold: f64) -> Explanation {
        self.threshold = threshold;
        self
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "query   {:?} -> {:?}", self.query, self.query_normalized)?;
        writeln!(
            f,
            "listed  {:?} -> {:?}",
            self.listed_name, self.listed_normalized
        )?;
        write!(
            f,
            "score {:.3} (threshold {:.3})",
            self.score, self.threshold
        )?;
        if let Some(rule) = &self.rule {
            write!(f, "\nrule: {rule}")?;
        }
        Ok(())
    }
}
