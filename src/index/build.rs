//! Building the index: each listed name's anchors and the keys they are
//! looked up by.

use super::hash::{FxMap, hash};
use super::{
    Bucket, BucketEntry, MIN_TYPO_WORD, NameIndex, bucket_of, length_bit, letter_masks, stem_key,
    tail_keys, vowel_key,
};
use crate::normalize::{Normalized, Token, TokenKind};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// How a key is looked up besides exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A listed word: typos, contractions.
    Word,
    /// A concatenation of listed words: typos.
    Concatenation,
    /// A listed word's variant key: typos of a query word's text or
    /// variant key.
    Variant,
    /// Looked up exactly only (stem and tail keys).
    Exact,
}

impl NameIndex {
    /// Indexes normalised listed names (the index of a name is its position).
    pub fn build(names: &[Normalized]) -> NameIndex {
        Self::build_with(names, &crate::normalize::Normalizer::new())
    }

    /// [`NameIndex::build`] with the normaliser that normalised `names`,
    /// whose organisation words the listed contractions are filed under.
    pub(crate) fn build_with(
        names: &[Normalized],
        normalizer: &crate::normalize::Normalizer,
    ) -> NameIndex {
        let mut df: HashMap<&str, u32> = HashMap::new();
        for n in names {
            for t in &n.tokens {
                *df.entry(t.text.as_str()).or_default() += 1;
            }
        }
        let mut b = Builder {
            index: NameIndex {
                names: names.len(),
                ..NameIndex::default()
            },
            ..Builder::default()
        };
        for (id, n) in names.iter().enumerate() {
            let id = id as u32;
            let toks = &n.tokens;
            // A listed name of three words or more may write an
            // organisation word contracted ("KOREA SAMMA SHPG CO").
            let long = toks
                .iter()
                .filter(|t| t.kind != TokenKind::LegalForm)
                .count()
                >= crate::score::MIN_CONFIRMING_WORDS;
            for a in anchors(toks, &df) {
                b.anchor(toks, a, id);
                // Or any, marked as an abbreviation by its period ("Man.").
                if long || n.abbreviated(a) {
                    b.maybe_contraction(&toks[a], n.abbreviated(a));
                }
            }
            b.number_runs(toks, id);
            // A vendor writing only the name's acronym ("CPMIEC").
            for acr in crate::score::candidates::initialisms_of(
                toks,
                crate::score::rejected::LONG_ACRONYM..=crate::score::candidates::MAX_INITIALISM,
            ) {
                b.add(&acr, id, Role::Exact, false);
            }
            if let Some(h) = crate::score::cut::head(&crate::score::cut::written_key(&n.original)) {
                b.index.cut_heads.entry(hash(h)).or_default().push(id);
            }
        }
        b.listed_contractions(normalizer);
        b.finish()
    }
}

/// The tokens a name is indexed under: its distinctive words and numbers
/// outside parentheses; else all of them; else its two rarest words (one of
/// them left out costs at most a fifth of the score, both far more).
fn anchors(toks: &[Token], df: &HashMap<&str, u32>) -> Vec<usize> {
    let strong = |t: &Token| matches!(t.kind, TokenKind::Distinctive | TokenKind::Number);
    let plain: Vec<usize> = (0..toks.len())
        .filter(|&i| strong(&toks[i]) && !toks[i].optional)
        .collect();
    if !plain.is_empty() {
        return plain;
    }
    let any: Vec<usize> = (0..toks.len()).filter(|&i| strong(&toks[i])).collect();
    let mut words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind != TokenKind::LegalForm && !toks[i].optional)
        .collect();
    words.sort_by_key(|&i| (df.get(toks[i].text.as_str()).copied().unwrap_or(0), i));
    any.into_iter().chain(words.into_iter().take(2)).collect()
}

/// An index being built, with what only building needs.
#[derive(Default)]
struct Builder {
    index: NameIndex,
    /// (key, name) pairs, sorted into postings at the end.
    pairs: Vec<(u32, u32)>,
    /// Whether a key is already in `words` / `concatenations` /
    /// `variants` / `generic_by_first`.
    in_words: Vec<bool>,
    in_concatenations: Vec<bool>,
    in_variants: Vec<bool>,
    in_generic: Vec<bool>,
    /// Keys of anchors a list may write as contractions, each once
    /// ([`Builder::maybe_contraction`]).
    contraction_keys: Vec<u32>,
    in_contractions: Vec<bool>,
}

impl Builder {
    /// Indexes name `id` under anchor `a` in every form a pair rule reads.
    fn anchor(&mut self, toks: &[Token], a: usize, id: u32) {
        let t = &toks[a];
        let generic = t.kind == TokenKind::Generic;
        self.add(&t.text, id, Role::Word, generic);
        if let Some(raw) = &t.unexpanded {
            self.add(raw, id, Role::Word, generic);
        }
        let [tail, whole] = tail_keys(&t.text);
        let vowels = (t.kind == TokenKind::Distinctive)
            .then(|| vowel_key(&t.text))
            .flatten();
        // Its variant key takes typos too: a transliteration and a slip
        // pair through the keys ("Kapitol" / "Capital").
        if let Some(v) = &t.variant {
            let role = if v.len() >= crate::score::MIN_VARIANT_TYPO_LEN {
                Role::Variant
            } else {
                Role::Exact
            };
            self.add(v, id, role, false);
        }
        for key in [stem_key(t).map(str::to_string), tail, whole, vowels]
            .into_iter()
            .flatten()
        {
            self.add(&key, id, Role::Exact, false);
        }
        // Concatenations of 2 or 3 adjacent words that include it.
        for start in a.saturating_sub(2)..=a {
            for end in (start + 1).max(a)..(start + 3).min(toks.len()) {
                if start == end {
                    continue;
                }
                let joined: String =
                    crate::score::candidates::run_parts(&toks[start..=end]).collect();
                self.add(&joined, id, Role::Concatenation, false);
            }
        }
    }

    /// Keeps an anchor of a listed name of three words or more that may be
    /// a contraction the list writes: four letters or more as written, or
    /// any the list marks as an abbreviation (`marked`:
    /// [`crate::normalize::Normalized::abbreviated`]).
    fn maybe_contraction(&mut self, t: &Token, marked: bool) {
        let written = t.unexpanded_text();
        if !matches!(t.kind, TokenKind::Distinctive | TokenKind::Generic)
            || (written.len() < crate::score::MIN_LISTED_CONTRACTION_LEN && !marked)
        {
            return;
        }
        if let Some(k) = self.index.key_id(written) {
            if !self.in_contractions[k as usize] {
                self.in_contractions[k as usize] = true;
                self.contraction_keys.push(k);
            }
        }
    }

    /// Files each kept anchor under the organisation words it contracts
    /// ([`crate::score::contracts`]; "shpg" under "shipping"): a vendor
    /// writing the word whole looks it up by the word.
    fn listed_contractions(&mut self, normalizer: &crate::normalize::Normalizer) {
        if self.contraction_keys.is_empty() {
            return;
        }
        let mut by_first: FxMap<u8, Vec<String>> = FxMap::default();
        for w in normalizer.generic_words() {
            if let Some(&first) = w.as_bytes().first() {
                by_first.entry(first).or_default().push(w);
            }
        }
        let mut filed: FxMap<u64, Vec<u32>> = FxMap::default();
        for &k in &self.contraction_keys {
            let key = self.index.key(k);
            let Some(words) = by_first.get(&key.as_bytes()[0]) else {
                continue;
            };
            for w in words.iter().filter(|w| crate::score::contracts(key, w)) {
                filed.entry(hash(w)).or_default().push(k);
            }
        }
        self.index.listed_contractions = filed;
    }

    /// Runs of numbers, whole: "11 420 2 1".
    fn number_runs(&mut self, toks: &[Token], id: u32) {
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
                self.add(&joined, id, Role::Concatenation, false);
            }
            i = end + 1;
        }
    }

    fn add(&mut self, key: &str, name: u32, role: Role, generic: bool) {
        if key.is_empty() {
            return;
        }
        let k = self.key_id_or_insert(key);
        let ku = k as usize;
        let index = &mut self.index;
        // The same text may be a word of one name and a concatenation of
        // another: bucket it for each role it plays.
        let bucketed = match role {
            Role::Word => Some((&mut self.in_words[ku], &mut index.words)),
            Role::Concatenation => {
                Some((&mut self.in_concatenations[ku], &mut index.concatenations))
            }
            Role::Variant => Some((&mut self.in_variants[ku], &mut index.variants)),
            Role::Exact => None,
        };
        if let Some((flag, buckets)) = bucketed {
            if !*flag && key.len() >= MIN_TYPO_WORD {
                *flag = true;
                push_bucket(buckets, key, k);
            }
        }
        let first = key.as_bytes()[0];
        if role == Role::Word && generic && !self.in_generic[ku] {
            self.in_generic[ku] = true;
            index.generic_by_first.entry(first).or_default().push(k);
        }
        self.pairs.push((k, name));
    }

    fn key_id_or_insert(&mut self, key: &str) -> u32 {
        if let Some(k) = self.index.key_id(key) {
            return k;
        }
        let index = &mut self.index;
        let k = index.key_end.len() as u32;
        match index.by_hash.entry(hash(key)) {
            Entry::Vacant(v) => {
                v.insert(k);
            }
            Entry::Occupied(_) => {
                index.collided.insert(key.to_string(), k);
            }
        }
        if let Some(&first) = key.as_bytes().first() {
            if index.lengths_by_first.is_empty() {
                index.lengths_by_first = vec![0; 256];
            }
            index.lengths_by_first[usize::from(first)] |= length_bit(key.len());
        }
        index.arena.push_str(key);
        index.key_end.push(index.arena.len());
        self.in_words.push(false);
        self.in_concatenations.push(false);
        self.in_variants.push(false);
        self.in_generic.push(false);
        self.in_contractions.push(false);
        k
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
        for b in index
            .words
            .values_mut()
            .chain(index.concatenations.values_mut())
            .chain(index.variants.values_mut())
        {
            b.shrink_to_fit();
        }
        index
    }
}

fn push_bucket(buckets: &mut FxMap<(u8, u8), Bucket>, key: &str, k: u32) {
    let (once, twice) = letter_masks(key);
    buckets
        .entry(bucket_of(key))
        .or_default()
        .push(BucketEntry {
            once,
            twice,
            key: k,
        });
}
