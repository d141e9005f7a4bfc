//! Scoring two normalised names: a token-order-insensitive weighted alignment
//! in which every token of both names is accounted for exactly once, either in
//! a pair or as a leftover.
//!
//! # How a score is made
//! - Each token has a weight: a distinctive token `1 + idf` (idf in [0, 1],
//!   learned from the loaded lists by [`Weights`], so rare words weigh up to
//!   2), a number 1, a generic word or a place 0.3, a legal form 0.05.
//! - Token pairs: identical (1.0); with the same first letter, one typo in a
//!   word of 5 to 7 letters or two
//!   in a longer one (insertion, deletion, substitution, transposition:
//!   1 − 0.1 per edit, 1 − 0.8/length per edit under eight letters, so that
//!   "Tesla" / "Tesa" alone stays under the threshold); a split or merged word (`hik vision` / `hikvision`,
//!   exact, or with a typo when nine letters or more without a legal form); an initialism spelling all of the other name's words
//!   but legal forms and places, one of them at least an organisation word
//!   (`cetc` / `china electronics technology group corporation`: 0.9, three
//!   letters 0.87), when the acronym is the vendor's (a listed acronym stands
//!   only for itself); a truncated generic
//!   word (`srvc` / `services`, 0.85). Words of four letters or fewer (often
//!   acronyms: `CETC` is not `CCTC`) and numbers pair only when identical.
//! - The alignment is greedy, most similar pair first (a word with its
//!   identical twin as written before a merge, then the heavier), each token
//!   used once.
//! - A paired token contributes `similarity × weight` of `weight`; a leftover
//!   contributes nothing of `cost`: its weight times 1 (distinctive word,
//!   number), 0.5 (generic word, place) or 0.1 (legal form). The score is the
//!   contributed share of the total, in [0, 1].
//! - Numbers left over on both sides disagree (`CETC 13` / `CETC 14`): the
//!   score is halved.
//! - A listed name whose distinctive words all have three letters or fewer
//!   ("MA LI") matches only a vendor name with no other distinctive word
//!   ("AGS MALI-SARL").
//! - An initialism counts only when another distinctive word or number of
//!   the names agrees ("CETC 13" / "China Electronics Technology Group
//!   Corporation 13th Research Institute"); a lone acronym matches the
//!   acronyms the lists carry as aliases, not every name it could spell.
//! - Names that differ in more than legal forms must share a distinctive word
//!   that is rare among real company names ([`Weights::rarity`], from a table
//!   of vendor-name words): the score is cut by up to 12% as that evidence
//!   falls short of one rare word, by up to 24% when the listed name also has
//!   a place the vendor's lacks ("General Cutting Tools" is not "Iran Cutting
//!   Tools").
//! - If no distinctive word or number pairs (the names share only generic
//!   words, places and legal forms), every token of both names but legal
//!   forms must pair at 0.9 or better, else the score is 0: "China Technology
//!   Group" does not match every Chinese technology group. A name of legal
//!   forms only matches nothing.
//!
//! The score is symmetric (swapping the two names gives the same score),
//! except for initialisms, which are read only in the vendor's name.
//!
//! ```
//! use vendor_screen::normalize::Normalizer;
//! use vendor_screen::score::{Prepared, Weights, align};
//!
//! let n = Normalizer::new();
//! let w = Weights::default();
//! let q = Prepared::new(n.normalize("Hik Vision USA Inc"), &w);
//! let l = Prepared::new(n.normalize("Hikvision"), &w);
//! let a = align(&q, &l, 0.0).expect("aligned");
//! assert!(a.score > 0.9, "{}", a.score);
//! ```

use crate::normalize::{Normalized, Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Token weights learned from the loaded lists (inverse document frequency).
///
/// ```
/// use vendor_screen::normalize::Normalizer;
/// use vendor_screen::score::Weights;
/// let n = Normalizer::new();
/// let names: Vec<_> = ["Huawei Technologies", "Hikvision Technologies", "Dahua Technologies"]
///     .iter().map(|s| n.normalize(s)).collect();
/// let w = Weights::from_names(names.iter());
/// let t = |s: &str| n.normalize(s).tokens.remove(0);
/// assert!(w.weight(&t("Huawei")) > w.weight(&t("Technologies")));
/// ```
#[derive(Debug, Clone)]
pub struct Weights {
    df: HashMap<String, u32>,
    names: u32,
    background: HashMap<String, u32>,
    background_names: u32,
}

impl Default for Weights {
    /// No listed names yet (every word rare in the lists); the embedded
    /// background table of real vendor-name words.
    fn default() -> Self {
        let mut background = HashMap::new();
        let mut background_names = 1;
        for line in BACKGROUND_TSV.lines().filter(|l| !l.starts_with('#')) {
            if let Some((w, n)) = line.split_once('\t') {
                let n: u32 = n.trim().parse().unwrap_or(0);
                if w == "names" {
                    background_names = n.max(1);
                } else {
                    background.insert(w.to_string(), n);
                }
            }
        }
        Weights {
            df: HashMap::new(),
            names: 0,
            background,
            background_names,
        }
    }
}

/// How many real vendor names contain each word (see `tools/gen_background.py`).
const BACKGROUND_TSV: &str = include_str!("../data/background_words.tsv");

/// Weight of a token of each non-distinctive kind.
const GENERIC_WEIGHT: f64 = 0.3;
const PLACE_WEIGHT: f64 = 0.3;
const LEGAL_WEIGHT: f64 = 0.05;
const NUMBER_WEIGHT: f64 = 1.0;
/// Similarity of an initialism pair (four letters or more; three letters: 0.87).
const INITIALISM_SIM: f64 = 0.9;
const SHORT_INITIALISM_SIM: f64 = 0.87;
/// Similarity of a truncated generic word.
const TRUNCATION_SIM: f64 = 0.85;
/// Minimum similarity of every pair when a name has no distinctive token.
const STRICT_SIM: f64 = 0.9;
/// Rarity of shared distinctive words that a partial match needs, and the
/// largest cut when it has none.
const EVIDENCE_NEEDED: f64 = 1.0;
const EVIDENCE_PENALTY: f64 = 0.12;

impl Weights {
    /// Learns document frequencies from listed names.
    pub fn from_names<'a>(names: impl Iterator<Item = &'a Normalized>) -> Weights {
        let mut w = Weights::default();
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut count = 0;
        for n in names {
            count += 1;
            let mut seen: Vec<&str> = n.tokens.iter().map(|t| t.text.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            for t in seen {
                *df.entry(t.to_string()).or_default() += 1;
            }
        }
        w.df = df;
        w.names = count;
        w
    }

    /// How rare a word is among real company names, in [0, 1]: 1 for a word
    /// no vendor name has ("hikvision"), lower for common ones ("tools"),
    /// raised to the fourth power so that common words count for little.
    ///
    /// ```
    /// let w = vendor_screen::score::Weights::default();
    /// assert!(w.rarity("hikvision") > 0.99);
    /// assert!(w.rarity("solutions") < 0.1);
    /// ```
    pub fn rarity(&self, text: &str) -> f64 {
        let df = f64::from(self.background.get(text).copied().unwrap_or(0));
        let n = f64::from(self.background_names.max(2));
        let r = (((n / (df + 1.0)).ln()) / n.ln()).clamp(0.0, 1.0);
        r.powi(4)
    }

    /// The weight of a token.
    pub fn weight(&self, t: &Token) -> f64 {
        match t.kind {
            TokenKind::LegalForm => LEGAL_WEIGHT,
            TokenKind::Generic => GENERIC_WEIGHT,
            TokenKind::Place => PLACE_WEIGHT,
            TokenKind::Number => NUMBER_WEIGHT,
            TokenKind::Distinctive => 1.0 + self.idf(&t.text),
        }
    }

    /// Normalised inverse document frequency in [0, 1]: 1 for a token no
    /// listed name has, lower the more names share it.
    pub fn idf(&self, text: &str) -> f64 {
        let df = f64::from(self.df.get(text).copied().unwrap_or(0).max(1));
        let n = f64::from(self.names.max(2));
        ((n / df).ln() / n.ln()).clamp(0.0, 1.0)
    }
}

/// A normalised name with its token weights, prepared once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prepared {
    /// The normalised name.
    pub name: Normalized,
    /// One weight per token.
    pub weights: Vec<f64>,
    /// One background rarity per token ([`Weights::rarity`]).
    pub rarity: Vec<f64>,
}

impl Prepared {
    /// Weighs a normalised name's tokens.
    pub fn new(name: Normalized, weights: &Weights) -> Prepared {
        let rarity = name
            .tokens
            .iter()
            .map(|t| weights.rarity(&t.text))
            .collect();
        let weights = name.tokens.iter().map(|t| weights.weight(t)).collect();
        Prepared {
            name,
            weights,
            rarity,
        }
    }
}

/// How two sides of a pair are alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairKind {
    /// Identical compare forms.
    Exact,
    /// Equal up to `edits` typos.
    Typo {
        /// Number of edits (insertion, deletion, substitution, transposition).
        edits: usize,
    },
    /// Words split on one side and merged on the other.
    Merged,
    /// An initialism of the other side's words.
    Initialism,
    /// A truncated or abbreviated generic word.
    Truncation,
}

/// A pair of the alignment: tokens of the query and of the listed name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Indexes of the query's tokens.
    pub query: Vec<usize>,
    /// Indexes of the listed name's tokens.
    pub listed: Vec<usize>,
    /// Similarity in [0, 1].
    pub similarity: f64,
    /// Weight of the pair (sum of its tokens' weights).
    pub weight: f64,
    /// How they are alike.
    pub kind: PairKind,
}

/// Which name a leftover token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The vendor's name.
    Query,
    /// The listed name.
    Listed,
}

/// A token left unpaired, with what it cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leftover {
    /// Which name.
    pub side: Side,
    /// Index of the token in that name.
    pub token: usize,
    /// Its cost (added to the total only).
    pub cost: f64,
}

/// The alignment of two names and the score it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// Pairs, best gain first.
    pub pairs: Vec<Pair>,
    /// Tokens of either name left unpaired.
    pub leftovers: Vec<Leftover>,
    /// Sum of similarity × weight over pairs.
    pub matched: f64,
    /// Sum of pair weights and leftover costs.
    pub total: f64,
    /// Penalties applied, in words.
    pub penalties: Vec<String>,
    /// The final score in [0, 1].
    pub score: f64,
}

/// Leftover cost factor of each kind.
fn leftover_factor(kind: TokenKind) -> f64 {
    match kind {
        TokenKind::LegalForm => 0.1,
        TokenKind::Generic | TokenKind::Place => 0.5,
        TokenKind::Number | TokenKind::Distinctive => 1.0,
    }
}

/// Typos allowed in a word of `len` letters.
pub(crate) fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Similarity of two words `edits` typos apart, the longer of `len` letters:
/// 0.1 less per edit, more in words of under eight letters, where one edit is
/// a larger share of the word and often makes another real word ("Tesla" /
/// "Tesa", "Linde" / "Linda"): 0.84 at five letters, 0.87 at six, 0.89 at
/// seven. A short word's typo alone no longer reaches the default threshold.
fn typo_similarity(edits: usize, len: usize) -> f64 {
    let per_edit = (0.8 / len.max(1) as f64).max(0.1);
    (1.0 - per_edit * edits as f64).max(0.0)
}

/// Similarity of two strings as words of kinds `ka`, `kb`.
fn word_sim(a: &str, b: &str, ka: TokenKind, kb: TokenKind) -> (f64, PairKind) {
    if a == b {
        return (1.0, PairKind::Exact);
    }
    if ka == TokenKind::Number || kb == TokenKind::Number {
        return (0.0, PairKind::Exact);
    }
    let (la, lb) = (a.len(), b.len());
    let allowed = allowed_edits(la.max(lb));
    // A first letter is rarely mistyped: a word with another first letter is
    // another word ("Aecom" is not "Mecom").
    if allowed > 0 && la.abs_diff(lb) <= allowed && a.as_bytes()[0] == b.as_bytes()[0] {
        if let Some(d) = osa_within(a.as_bytes(), b.as_bytes(), allowed) {
            return (typo_similarity(d, la.max(lb)), PairKind::Typo { edits: d });
        }
    }
    // A truncated generic word: "srvc" for "services", "comp" for "company".
    let (short, long, long_kind) = if la < lb { (a, b, kb) } else { (b, a, ka) };
    if short.len() >= 3
        && long_kind != TokenKind::Distinctive
        && short.as_bytes()[0] == long.as_bytes()[0]
        && is_subsequence(short, long)
    {
        return (TRUNCATION_SIM, PairKind::Truncation);
    }
    (0.0, PairKind::Exact)
}

/// Optimal string alignment distance (Damerau-Levenshtein restricted:
/// insertion, deletion, substitution, adjacent transposition) between two
/// byte strings, if it is at most `k`. Computes only the band of width
/// `2k + 1` around the diagonal, without allocating for words up to 63 bytes.
///
/// ```
/// use vendor_screen::score::osa_within;
/// assert_eq!(osa_within(b"hikvision", b"hikvsiion", 2), Some(1));
/// assert_eq!(osa_within(b"huawei", b"hauwei", 1), Some(1));
/// assert_eq!(osa_within(b"cetc", b"cctc", 0), None);
/// ```
pub fn osa_within(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    if n >= 63 || m >= 63 {
        let d = strsim::osa_distance(
            std::str::from_utf8(a).unwrap_or(""),
            std::str::from_utf8(b).unwrap_or(""),
        );
        return (d <= k).then_some(d);
    }
    const INF: usize = usize::MAX / 4;
    let mut rows = [[INF; 64]; 3];
    // rows[r % 3] is row i; row 0 is the distance from the empty prefix.
    for (j, cell) in rows[0].iter_mut().enumerate().take(m.min(k) + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur] = [INF; 64];
        let lo = i.saturating_sub(k);
        let hi = (i + k).min(m);
        if lo == 0 {
            rows[cur][0] = i;
        }
        let mut best = if lo == 0 { i } else { INF };
        for j in lo.max(1)..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j - 1] + cost)
                .min(rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            best = best.min(d);
        }
        if best > k {
            return None;
        }
    }
    let d = rows[n % 3][m];
    (d <= k).then_some(d)
}

pub(crate) fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.bytes();
    short.bytes().all(|c| it.any(|d| d == c))
}

/// Consecutive tokens `start..end` of a name: every pair the scorer makes
/// joins one token, or a run of consecutive tokens, of each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn one(i: usize) -> Span {
        Span {
            start: i,
            end: i + 1,
        }
    }
    /// Tokens `first..=last`.
    fn run(first: usize, last: usize) -> Span {
        Span {
            start: first,
            end: last + 1,
        }
    }
    fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A candidate pair before the greedy choice (token spans: no allocation per pair).
struct Candidate {
    query: Span,
    listed: Span,
    sim: f64,
    weight: f64,
    kind: PairKind,
    /// The same word as written on both sides (not only after expanding an
    /// abbreviation): such pairs are taken first, so a name always aligns
    /// with itself word for word.
    twin: bool,
}

/// Aligns two prepared names and scores them. Returns `None` when the score
/// cannot reach `cutoff` (the bound is checked before the greedy alignment)
/// or is 0.
///
/// ```
/// use vendor_screen::normalize::Normalizer;
/// use vendor_screen::score::{Prepared, Weights, align};
/// let n = Normalizer::new();
/// let w = Weights::default();
/// let p = |s: &str| Prepared::new(n.normalize(s), &w);
/// let a = align(&p("Huawei Technologies Company"), &p("HUAWEI TECHNOLOGIES CO., LTD."), 0.0).unwrap();
/// assert!((a.score - 1.0).abs() < 0.01, "{}", a.score);
/// assert!(align(&p("CETC 13"), &p("CETC 14"), 0.5).is_none());
/// ```
pub fn align(q: &Prepared, l: &Prepared, cutoff: f64) -> Option<Alignment> {
    let qt = &q.name.tokens;
    let lt = &l.name.tokens;
    if !qt.iter().any(|t| t.kind != TokenKind::LegalForm)
        || !lt.iter().any(|t| t.kind != TokenKind::LegalForm)
    {
        return None;
    }
    // A listed name whose distinctive words are all short ("ABC LLC", "MA LI")
    // matches only a vendor name with no other distinctive word ("AGS MALI").
    let short_listed = lt
        .iter()
        .filter(|t| t.kind == TokenKind::Distinctive)
        .all(|t| t.text.len() <= 3);

    let mut cands = Vec::new();
    for (i, a) in qt.iter().enumerate() {
        for (j, b) in lt.iter().enumerate() {
            let (sim, kind) = word_sim(&a.text, &b.text, a.kind, b.kind);
            if sim > 0.0 {
                cands.push(Candidate {
                    query: Span::one(i),
                    listed: Span::one(j),
                    sim,
                    weight: q.weights[i] + l.weights[j],
                    kind,
                    twin: kind == PairKind::Exact && a.unexpanded == b.unexpanded,
                });
            }
        }
    }
    merges(q, l, false, &mut cands);
    merges(l, q, true, &mut cands);
    // A vendor's acronym may stand for the listed words ("CETC"); a listed
    // acronym stands only for itself: lists are full of them, and "ATS" is not
    // "All Traffic Solutions", nor "CTG" "China Technology Group".
    initialisms(q, l, &mut cands);

    if upper_bound(q, l, &cands) < cutoff {
        return None;
    }

    // Greedy: most similar first, a word with its identical twin before a
    // merge (but a merge before an expanded abbreviation: "Techn ology" is
    // "technology", not "technology" and a stray "ology"), then the heavier;
    // ties by position so the result is deterministic.
    cands.sort_by(|a, b| {
        b.sim
            .total_cmp(&a.sim)
            .then_with(|| b.twin.cmp(&a.twin))
            .then_with(|| b.weight.total_cmp(&a.weight))
            .then_with(|| a.query.cmp(&b.query))
            .then_with(|| a.listed.cmp(&b.listed))
    });
    let mut q_used = vec![false; qt.len()];
    let mut l_used = vec![false; lt.len()];
    let mut pairs = Vec::new();
    let (mut matched, mut total) = (0.0, 0.0);
    for c in cands {
        if q_used[c.query.range()].iter().any(|&u| u) || l_used[c.listed.range()].iter().any(|&u| u)
        {
            continue;
        }
        q_used[c.query.range()].fill(true);
        l_used[c.listed.range()].fill(true);
        matched += c.sim * c.weight;
        total += c.weight;
        pairs.push(Pair {
            query: c.query.range().collect(),
            listed: c.listed.range().collect(),
            similarity: c.sim,
            weight: c.weight,
            kind: c.kind,
        });
    }
    let mut leftovers = Vec::new();
    for (side, used, p) in [(Side::Query, &q_used, q), (Side::Listed, &l_used, l)] {
        for (i, t) in p.name.tokens.iter().enumerate() {
            if !used[i] {
                let cost = p.weights[i] * leftover_factor(t.kind);
                total += cost;
                leftovers.push(Leftover {
                    side,
                    token: i,
                    cost,
                });
            }
        }
    }
    let left_kind = |side: Side, kind: TokenKind| {
        leftovers.iter().any(|x| {
            x.side == side
                && match side {
                    Side::Query => qt[x.token].kind == kind,
                    Side::Listed => lt[x.token].kind == kind,
                }
        })
    };
    if short_listed
        && leftovers.iter().any(|x| {
            x.side == Side::Query
                && matches!(qt[x.token].kind, TokenKind::Distinctive | TokenKind::Number)
        })
    {
        return None;
    }
    // Without a shared distinctive word or number, only the same name will do:
    // every word but legal forms paired, and closely.
    // (A truncation is read only for generic words, so it never counts here.)
    let distinctive_pair = pairs.iter().any(|p| {
        p.kind != PairKind::Truncation
            && p.listed
                .iter()
                .any(|&j| matches!(lt[j].kind, TokenKind::Distinctive | TokenKind::Number))
    });
    let unpaired_words = leftovers.iter().any(|x| match x.side {
        Side::Query => qt[x.token].kind != TokenKind::LegalForm,
        Side::Listed => lt[x.token].kind != TokenKind::LegalForm,
    });
    if !distinctive_pair && (unpaired_words || pairs.iter().any(|p| p.similarity < STRICT_SIM)) {
        return None;
    }
    let mut score = if total > 0.0 { matched / total } else { 0.0 };
    let mut penalties = Vec::new();
    // An acronym read as the listed words needs another word to agree.
    let corroborated = pairs.iter().any(|p| {
        p.kind != PairKind::Initialism
            && p.listed
                .iter()
                .any(|&j| matches!(lt[j].kind, TokenKind::Distinctive | TokenKind::Number))
    });
    if pairs.iter().any(|p| p.kind == PairKind::Initialism) && !corroborated {
        return None;
    }
    // Names that differ in more than legal forms must share a word that is rare
    // among real company names; common words ("Cutting Tools") are weak evidence.
    if unpaired_words {
        // Each pair's rarest distinctive word, on either side; a number counts half.
        let evidence: f64 = pairs
            .iter()
            .map(|p| {
                let side = |ids: &[usize], p: &Prepared| {
                    ids.iter()
                        .map(|&j| match p.name.tokens[j].kind {
                            TokenKind::Distinctive => p.rarity[j],
                            TokenKind::Number => 0.5,
                            _ => 0.0,
                        })
                        .fold(0.0, f64::max)
                };
                p.similarity * side(&p.query, q).max(side(&p.listed, l))
            })
            .sum();
        if evidence < EVIDENCE_NEEDED {
            // A place that only the listed name has ("Iran Cutting Tools")
            // identifies it when its other words are common.
            let listed_place = leftovers
                .iter()
                .any(|x| x.side == Side::Listed && lt[x.token].kind == TokenKind::Place);
            let cut = if listed_place {
                2.0 * EVIDENCE_PENALTY
            } else {
                EVIDENCE_PENALTY
            };
            let factor = 1.0 - cut * (1.0 - evidence / EVIDENCE_NEEDED);
            score *= factor;
            penalties.push(format!(
                "shared distinctive words are common in company names (evidence {evidence:.2} of {EVIDENCE_NEEDED:.2}): score x {factor:.2}"
            ));
        }
    }
    if left_kind(Side::Query, TokenKind::Number) && left_kind(Side::Listed, TokenKind::Number) {
        score *= 0.5;
        penalties.push("numbers differ: score halved".to_string());
    }
    let score = score.clamp(0.0, 1.0);
    if score <= 0.0 || score < cutoff {
        return None;
    }
    Some(Alignment {
        pairs,
        leftovers,
        matched,
        total,
        penalties,
        score,
    })
}

/// Split and merged words: 2 or 3 consecutive tokens of `a` against one of `b`.
fn merges(a: &Prepared, b: &Prepared, swapped: bool, out: &mut Vec<Candidate>) {
    let at = &a.name.tokens;
    let mut joined = String::new();
    for i in 0..at.len() {
        joined.clear();
        joined.push_str(at[i].unexpanded_text());
        let mut weight = a.weights[i];
        for end in i + 1..at.len().min(i + 3) {
            joined.push_str(at[end].unexpanded_text());
            weight += a.weights[end];
            let all_numbers = at[i..=end].iter().all(|t| t.kind == TokenKind::Number);
            for (j, t) in b.name.tokens.iter().enumerate() {
                let other = t.unexpanded_text();
                if other.len() + 2 < joined.len() || other.as_bytes()[0] != joined.as_bytes()[0] {
                    continue;
                }
                let kind = if all_numbers {
                    TokenKind::Number
                } else {
                    TokenKind::Distinctive
                };
                let (sim, how) = word_sim(&joined, other, kind, t.kind);
                // A merge with a typo as well needs a long word and no legal
                // form in it ("cyber inc" is not "cyberinn").
                let typo_ok = joined.len() >= 9
                    && at[i..=end].iter().all(|t| t.kind != TokenKind::LegalForm)
                    && t.kind != TokenKind::LegalForm;
                if sim > 0.0
                    && (how == PairKind::Exact || (typo_ok && matches!(how, PairKind::Typo { .. })))
                {
                    let ids = Span::run(i, end);
                    let (query, listed) = if swapped {
                        (Span::one(j), ids)
                    } else {
                        (ids, Span::one(j))
                    };
                    out.push(Candidate {
                        query,
                        listed,
                        sim,
                        weight: weight + b.weights[j],
                        kind: PairKind::Merged,
                        twin: false,
                    });
                }
            }
        }
    }
    // Numbers re-spaced across more than three tokens: "11 420 2 1" / "1142021".
    let mut i = 0;
    while i < at.len() {
        let mut end = i;
        while end + 1 < at.len() && at[end + 1].kind == TokenKind::Number {
            end += 1;
        }
        if at[i].kind == TokenKind::Number && end >= i + 3 {
            joined.clear();
            at[i..=end].iter().for_each(|t| joined.push_str(&t.text));
            for (j, t) in b.name.tokens.iter().enumerate() {
                if t.text == joined {
                    let ids = Span::run(i, end);
                    let weight = a.weights[ids.range()].iter().sum::<f64>() + b.weights[j];
                    let (query, listed) = if swapped {
                        (Span::one(j), ids)
                    } else {
                        (ids, Span::one(j))
                    };
                    out.push(Candidate {
                        query,
                        listed,
                        sim: 1.0,
                        weight,
                        kind: PairKind::Merged,
                        twin: false,
                    });
                }
            }
        }
        i = end + 1;
    }
}

/// Words that an initialism may skip.
fn skippable(t: &Token) -> bool {
    matches!(t.text.as_str(), "of" | "and" | "the" | "for" | "de")
}

/// Initialisms: a vendor token of `a` (3 to 6 letters) spelled by the
/// initials of consecutive tokens of the listed name `b` that make up all of
/// `b` but its legal forms and places, which may skip "of", "and", ... and one more
/// inner non-distinctive word ("CETC": China Electronics Technology [Group]
/// Corporation).
fn initialisms(a: &Prepared, b: &Prepared, out: &mut Vec<Candidate>) {
    let bt = &b.name.tokens;
    for (i, t) in a.name.tokens.iter().enumerate() {
        let acr = t.text.as_bytes();
        if !(3..=6).contains(&acr.len())
            || t.kind == TokenKind::Number
            || !acr.iter().all(u8::is_ascii_alphabetic)
        {
            continue;
        }
        for start in 0..bt.len() {
            if bt[start].text.as_bytes()[0] != acr[0] {
                continue;
            }
            let mut k = 0;
            let mut skipped_other = false;
            // The initialism's words are start..j.
            let mut j = start;
            while j < bt.len() && k < acr.len() {
                let tok = &bt[j];
                if tok.text.as_bytes()[0] == acr[k] && tok.kind != TokenKind::Number {
                    k += 1;
                } else if skippable(tok) && j > start {
                    // "of", "and", ...: inside the run, spelling nothing.
                } else if !skipped_other
                    && j > start
                    && tok.kind != TokenKind::Distinctive
                    && tok.kind != TokenKind::Number
                {
                    skipped_other = true;
                } else {
                    break;
                }
                j += 1;
            }
            let ids = Span { start, end: j };
            // The initialism spells every distinctive word of the name.
            let whole = bt
                .iter()
                .enumerate()
                .all(|(x, t)| ids.range().contains(&x) || t.kind != TokenKind::Distinctive);
            // Initials of personal names are no company's acronym.
            let org_word = bt[ids.range()]
                .iter()
                .any(|t| t.kind != TokenKind::Distinctive);
            if k == acr.len() && j - start >= 3 && whole && org_word {
                let weight = a.weights[i] + b.weights[ids.range()].iter().sum::<f64>();
                out.push(Candidate {
                    query: Span::one(i),
                    listed: ids,
                    sim: if acr.len() >= 4 {
                        INITIALISM_SIM
                    } else {
                        SHORT_INITIALISM_SIM
                    },
                    weight,
                    kind: PairKind::Initialism,
                    twin: false,
                });
            }
        }
    }
}

/// An upper bound of the score from the candidates: each token at its best
/// similarity, leftovers at their cost, the best subset chosen.
fn upper_bound(q: &Prepared, l: &Prepared, cands: &[Candidate]) -> f64 {
    let mut best_q = vec![0.0f64; q.weights.len()];
    let mut best_l = vec![0.0f64; l.weights.len()];
    for c in cands {
        best_q[c.query.range()]
            .iter_mut()
            .for_each(|b| *b = b.max(c.sim));
        best_l[c.listed.range()]
            .iter_mut()
            .for_each(|b| *b = b.max(c.sim));
    }
    // Start with everything left over, then pair tokens in order of benefit.
    let mut items: Vec<(f64, f64, f64)> = Vec::new(); // (best, weight, cost)
    let (mut num, mut den) = (0.0, 0.0);
    for (p, best) in [(q, &best_q), (l, &best_l)] {
        for (i, t) in p.name.tokens.iter().enumerate() {
            let cost = p.weights[i] * leftover_factor(t.kind);
            den += cost;
            if best[i] > 0.0 {
                items.push((best[i], p.weights[i], cost));
            }
        }
    }
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (best, w, cost) in items {
        let (n2, d2) = (num + best * w, den + w - cost);
        if d2 > 0.0 && (den <= 0.0 || n2 / d2 >= num / den) {
            num = n2;
            den = d2;
        }
    }
    if den > 0.0 { (num / den).min(1.0) } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;

    fn score(a: &str, b: &str) -> f64 {
        let n = Normalizer::new();
        let w = Weights::default();
        let pa = Prepared::new(n.normalize(a), &w);
        let pb = Prepared::new(n.normalize(b), &w);
        align(&pa, &pb, 0.0).map_or(0.0, |x| x.score)
    }

    #[test]
    fn word_similarity_rules() {
        use TokenKind::*;
        let six = word_sim("huawei", "huawel", Distinctive, Distinctive).0;
        assert!((six - (1.0 - 0.8 / 6.0)).abs() < 1e-9, "{six}");
        assert!(word_sim("tesla", "tesa", Distinctive, Distinctive).0 < 0.85);
        assert_eq!(
            word_sim("hikvision", "hikvsiion", Distinctive, Distinctive).0,
            0.9
        );
        assert_eq!(
            word_sim("zte", "ztr", Distinctive, Distinctive).0,
            0.0,
            "short: exact only"
        );
        assert_eq!(word_sim("13", "14", Number, Number).0, 0.0);
        assert_eq!(
            word_sim("srvc", "services", Distinctive, Generic).0,
            TRUNCATION_SIM
        );
    }

    #[test]
    fn initialisms_and_merges() {
        assert!(
            score(
                "CETC 13",
                "China Electronics Technology Group Corporation 13th Research Institute"
            ) >= 0.85
        );
        assert!(
            score(
                "CETC 14",
                "China Electronics Technology Group Corporation 13th Research Institute"
            ) < 0.5,
            "numbers differ"
        );
        assert!(
            score("ZTE", "Zhongxing Telecommunication Equipment Corporation") < 0.85,
            "a lone acronym needs a second agreeing word"
        );
        assert!(
            score("Zhongxing Telecommunication Equipment Corporation", "ZTE") < 0.85,
            "listed acronyms stand for themselves"
        );
        assert!(score("JSC ARGUMENT", "JSCARGUMENT") >= 0.9);
        assert!(score("1142021 corp", "11 420 2 1 corp") >= 0.9);
    }
}
