//! Candidate generation over all listed names, so that a query is scored
//! against a few names instead of all of them, without ever missing a name
//! that brute-force scoring would report.
//!
//! # Why no hit is missed
//! Every pair the scorer can make ([`crate::score`]) joins strings with the
//! same first letter: identical words, typos (same first letter required),
//! truncations, split or merged words (compared as concatenations), and
//! initialisms (which must be corroborated by another pair). A listed name
//! scores above zero only if one of its distinctive words or numbers is paired,
//! or, when it has none, if all its words are, including its rarest one. So
//! each listed name is indexed under its keys:
//! - each distinctive word and number;
//! - each concatenation of two or three adjacent words that includes one of
//!   them (the listed side of a split word), and the whole of a run of numbers;
//! - for a name with no distinctive word or number, its rarest word (and its
//!   concatenations).
//!
//! A query looks up each of its words, and each concatenation of two or three
//! adjacent words, against the keys: exactly, within the scorer's typo
//! allowance, and as truncations. Typos are read the way the scorer reads
//! them: a query word against listed words and (nine letters or more)
//! listed concatenations, a query concatenation of nine letters or more
//! against listed words only. Fuzzy keys are bucketed by first letter and
//! length, each with two letter masks (letters present, letters present
//! twice) that rule most keys out before an edit distance is computed.
//! The candidates are then scored exactly as brute force would score them.
//!
//! ```
//! use vendor_screen::normalize::Normalizer;
//! use vendor_screen::index::NameIndex;
//! let n = Normalizer::new();
//! let names: Vec<_> = ["Hikvision", "Huawei Technologies", "Dahua Technology"]
//!     .iter().map(|s| n.normalize(s)).collect();
//! let index = NameIndex::build(&names);
//! let q = n.normalize("Hik Vision USA");
//! assert_eq!(index.candidates(&q), vec![0]);
//! ```

use crate::normalize::{Normalized, Token, TokenKind};
use crate::score::{allowed_edits, is_subsequence, osa_within};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hasher;

/// A key in a fuzzy bucket: its letter masks beside its id, so that a scan
/// reads one contiguous array and rarely touches the key's text.
#[derive(Debug, Clone, Copy)]
struct BucketEntry {
    /// Letters and digits present in the key.
    once: u64,
    /// Letters and digits present twice or more.
    twice: u64,
    key: u32,
}

/// Keys of one first letter and length.
type Bucket = Vec<BucketEntry>;

/// The inverted index of listed names by key.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    /// Key ids by a 64-bit hash of their text; the rare text whose hash is
    /// taken by another key is in `collided`.
    by_hash: HashMap<u64, u32>,
    collided: HashMap<String, u32>,
    /// All key texts end to end; key `k` ends at `key_end[k]`.
    arena: String,
    key_end: Vec<usize>,
    /// Whether a key is a non-distinctive word (the long side of a truncation).
    key_generic: Vec<bool>,
    /// The names of key `k` are `postings[posting_start[k]..posting_start[k + 1]]`.
    posting_start: Vec<usize>,
    postings: Vec<u32>,
    /// Keys that are single words, by first letter and length.
    words: HashMap<(u8, u8), Bucket>,
    /// Keys that are concatenations of listed words, by first letter and length.
    concatenations: HashMap<(u8, u8), Bucket>,
    /// Non-distinctive keys by first letter (truncations pair only those).
    generic_by_first: HashMap<u8, Vec<u32>>,
    names: usize,
}

/// Longest key length bucketed for fuzzy lookups; longer keys share a bucket.
const MAX_BUCKET_LEN: usize = 40;

/// Shortest word that takes a typo against some other word: one edit is
/// allowed from five letters on, and lengths may differ by one.
const MIN_TYPO_WORD: usize = 4;

/// Shortest merged word that takes a typo (see the scorer's merge rule).
const MIN_TYPO_MERGE: usize = 9;

fn bucket_of(s: &str) -> (u8, u8) {
    (s.as_bytes()[0], s.len().min(MAX_BUCKET_LEN) as u8)
}

impl NameIndex {
    /// Indexes normalised listed names (the index of a name is its position).
    pub fn build(names: &[Normalized]) -> NameIndex {
        let mut df: HashMap<&str, u32> = HashMap::new();
        for n in names {
            for t in &n.tokens {
                *df.entry(t.text.as_str()).or_default() += 1;
            }
        }
        let mut index = Builder {
            index: NameIndex {
                names: names.len(),
                ..NameIndex::default()
            },
            ..Builder::default()
        };
        for (id, n) in names.iter().enumerate() {
            let toks = &n.tokens;
            let strong = |t: &Token| matches!(t.kind, TokenKind::Distinctive | TokenKind::Number);
            let anchors: Vec<usize> = if toks.iter().any(strong) {
                (0..toks.len()).filter(|&i| strong(&toks[i])).collect()
            } else {
                toks.iter()
                    .enumerate()
                    .filter(|(_, t)| t.kind != TokenKind::LegalForm)
                    .min_by_key(|(i, t)| (df.get(t.text.as_str()).copied().unwrap_or(0), *i))
                    .map(|(i, _)| vec![i])
                    .unwrap_or_default()
            };
            for &a in &anchors {
                let generic = toks[a].kind != TokenKind::Distinctive;
                index.add(&toks[a].text, id as u32, generic, false);
                if let Some(raw) = &toks[a].unexpanded {
                    index.add(raw, id as u32, generic, false);
                }
                // Concatenations of 2 or 3 adjacent words that include it.
                for start in a.saturating_sub(2)..=a {
                    for end in (start + 1).max(a)..(start + 3).min(toks.len()) {
                        if start == end {
                            continue;
                        }
                        let joined: String = toks[start..=end]
                            .iter()
                            .map(Token::unexpanded_text)
                            .collect();
                        index.add(&joined, id as u32, false, true);
                    }
                }
            }
            // Runs of numbers, whole: "11 420 2 1".
            let mut i = 0;
            while i < toks.len() {
                let mut end = i;
                while end + 1 < toks.len()
                    && toks[i].kind == TokenKind::Number
                    && toks[end + 1].kind == TokenKind::Number
                {
                    end += 1;
                }
                if end >= i + 3 {
                    let joined: String = toks[i..=end].iter().map(|t| t.text.as_str()).collect();
                    index.add(&joined, id as u32, false, true);
                }
                i = end + 1;
            }
        }
        index.finish()
    }

    /// The text of key `k`.
    fn key(&self, k: u32) -> &str {
        let k = k as usize;
        let start = if k == 0 { 0 } else { self.key_end[k - 1] };
        &self.arena[start..self.key_end[k]]
    }

    /// The id of the key `s`, if it is one.
    fn key_id(&self, s: &str) -> Option<u32> {
        match self.by_hash.get(&hash(s)) {
            Some(&k) if self.key(k) == s => Some(k),
            Some(_) => self.collided.get(s).copied(),
            None => None,
        }
    }

    /// The names indexed under key `k`.
    fn postings(&self, k: u32) -> &[u32] {
        let k = k as usize;
        &self.postings[self.posting_start[k]..self.posting_start[k + 1]]
    }

    /// Number of indexed names.
    pub fn len(&self) -> usize {
        self.names
    }

    /// Whether no name is indexed.
    pub fn is_empty(&self) -> bool {
        self.names == 0
    }

    /// Names that may score above zero against `query`, sorted, each once.
    pub fn candidates(&self, query: &Normalized) -> Vec<usize> {
        let mut keys: Vec<u32> = Vec::new();
        let toks = &query.tokens;
        for (i, t) in toks.iter().enumerate() {
            let single_generic = t.kind != TokenKind::Distinctive;
            self.lookup(&t.text, single_generic, true, &mut keys);
            if let Some(raw) = &t.unexpanded {
                self.lookup(raw, single_generic, true, &mut keys);
            }
            let mut joined = t.unexpanded_text().to_string();
            for next in toks.iter().skip(i + 1).take(2) {
                joined.push_str(next.unexpanded_text());
                self.lookup(&joined, false, false, &mut keys);
            }
            // A run of numbers, whole.
            if t.kind == TokenKind::Number {
                let run: Vec<&Token> = toks[i..]
                    .iter()
                    .take_while(|x| x.kind == TokenKind::Number)
                    .collect();
                if run.len() >= 4 {
                    let joined: String = run.iter().map(|x| x.text.as_str()).collect();
                    self.lookup(&joined, false, false, &mut keys);
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let mut names: Vec<usize> = keys
            .iter()
            .flat_map(|&k| self.postings(k).iter().map(|&n| n as usize))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Keys that `s` may pair with: exact, within the typo allowance, or as a
    /// truncation. `single`: `s` is a word of the query (it may pair with a
    /// listed word or concatenation); otherwise it is a concatenation of the
    /// query's words (it may pair only with a listed word).
    fn lookup(&self, s: &str, s_generic: bool, single: bool, out: &mut Vec<u32>) {
        if s.is_empty() {
            return;
        }
        if let Some(k) = self.key_id(s) {
            out.push(k);
        }
        let first = s.as_bytes()[0];
        let len = s.len();
        let (once, twice) = letter_masks(s);
        // Typos: same first letter, lengths within the allowance. A merged
        // word takes a typo only when it is long (see the scorer), whichever
        // side it is on.
        let reach = allowed_edits(len + 2).min(2);
        if reach > 0 && (single || len >= MIN_TYPO_MERGE) {
            let scan = |buckets: &HashMap<(u8, u8), Bucket>, out: &mut Vec<u32>| {
                let lo = len.saturating_sub(reach).clamp(1, MAX_BUCKET_LEN);
                let hi = (len + reach).min(MAX_BUCKET_LEN);
                for l in lo..=hi {
                    let Some(bucket) = buckets.get(&(first, l as u8)) else {
                        continue;
                    };
                    self.scan(bucket, s, once, twice, out);
                }
            };
            scan(&self.words, out);
            if single && len + reach >= MIN_TYPO_MERGE {
                scan(&self.concatenations, out);
            }
        }
        if !single || len < 3 {
            return;
        }
        // Truncations: a short word for a long one, between words that are not
        // distinctive (the only keys they can matter for).
        let Some(generic) = self.generic_by_first.get(&first) else {
            return;
        };
        for &k in generic {
            let key = self.key(k);
            let hit = if key.len() > len {
                is_subsequence(s, key)
            } else {
                s_generic && key.len() >= 3 && key.len() < len && is_subsequence(key, s)
            };
            if hit {
                out.push(k);
            }
        }
    }

    /// The keys of `bucket` within the scorer's typo allowance of `s`.
    fn scan(&self, bucket: &[BucketEntry], s: &str, once: u64, twice: u64, out: &mut Vec<u32>) {
        let len = s.len();
        for e in bucket {
            // An edit changes at most two letters' counts by one each: at most
            // two bits of the "once" and "twice" masks together.
            let differ = (once ^ e.once).count_ones() + (twice ^ e.twice).count_ones();
            if differ > 4 {
                continue;
            }
            let key = self.key(e.key);
            let allowed = allowed_edits(len.max(key.len()));
            if allowed > 0
                && differ as usize <= 2 * allowed
                && osa_within(s.as_bytes(), key.as_bytes(), allowed).is_some()
            {
                out.push(e.key);
            }
        }
    }
}

/// An index being built, with what only building needs.
#[derive(Default)]
struct Builder {
    index: NameIndex,
    /// (key, name) pairs, sorted into postings at the end.
    pairs: Vec<(u32, u32)>,
    /// Whether a key is already in `words` / `concatenations`.
    in_words: Vec<bool>,
    in_concatenations: Vec<bool>,
}

impl Builder {
    fn add(&mut self, key: &str, name: u32, generic: bool, concatenation: bool) {
        if key.is_empty() {
            return;
        }
        let index = &mut self.index;
        let k = match index.key_id(key) {
            Some(k) => k,
            None => {
                let k = index.key_end.len() as u32;
                match index.by_hash.entry(hash(key)) {
                    Entry::Vacant(v) => {
                        v.insert(k);
                    }
                    Entry::Occupied(_) => {
                        index.collided.insert(key.to_string(), k);
                    }
                }
                index.arena.push_str(key);
                index.key_end.push(index.arena.len());
                index.key_generic.push(false);
                self.in_words.push(false);
                self.in_concatenations.push(false);
                k
            }
        };
        let ku = k as usize;
        // The same text may be a word of one name and a concatenation of
        // another: bucket it for each role it plays.
        let (flag, bucketed, min_len) = if concatenation {
            (
                &mut self.in_concatenations[ku],
                &mut index.concatenations,
                MIN_TYPO_MERGE,
            )
        } else {
            (&mut self.in_words[ku], &mut index.words, MIN_TYPO_WORD)
        };
        if !*flag && key.len() >= min_len {
            *flag = true;
            let (once, twice) = letter_masks(key);
            bucketed
                .entry(bucket_of(key))
                .or_default()
                .push(BucketEntry {
                    once,
                    twice,
                    key: k,
                });
        }
        if generic && !index.key_generic[ku] {
            index.key_generic[ku] = true;
            index
                .generic_by_first
                .entry(key.as_bytes()[0])
                .or_default()
                .push(k);
        }
        self.pairs.push((k, name));
    }

    /// Sorts the (key, name) pairs into postings.
    fn finish(mut self) -> NameIndex {
        self.pairs.sort_unstable();
        self.pairs.dedup();
        let mut index = self.index;
        let keys = index.key_end.len();
        index.posting_start = Vec::with_capacity(keys + 1);
        index.postings = Vec::with_capacity(self.pairs.len());
        let mut pairs = self.pairs.iter().peekable();
        for k in 0..keys as u32 {
            index.posting_start.push(index.postings.len());
            while let Some(&&(key, name)) = pairs.peek() {
                if key != k {
                    break;
                }
                index.postings.push(name);
                pairs.next();
            }
        }
        index.posting_start.push(index.postings.len());
        index.arena.shrink_to_fit();
        index.key_end.shrink_to_fit();
        index.key_generic.shrink_to_fit();
        for b in index
            .words
            .values_mut()
            .chain(index.concatenations.values_mut())
        {
            b.shrink_to_fit();
        }
        index
    }
}

/// A fixed 64-bit hash of a key's text (SipHash with fixed keys).
fn hash(s: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    h.write(s.as_bytes());
    h.finish()
}

/// Which letters and digits occur in `s` (bit 63: any other byte), and which
/// occur twice or more.
fn letter_masks(s: &str) -> (u64, u64) {
    s.bytes().fold((0u64, 0u64), |(once, twice), b| {
        let bit = match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 1 << 63,
        };
        (once | bit, twice | (once & bit))
    })
}
