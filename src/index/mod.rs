//! Candidate generation over all listed names, so that a query is scored
//! against a few names instead of all of them, without ever missing a name
//! that brute-force scoring would report at a threshold above
//! the matcher's index minimum (0.65).
//!
//! # Why no hit is missed
//! Above that threshold a listed name is reported only if one of its
//! distinctive words or numbers is paired, or, when it has none, if at most
//! one of its words is left out ([`crate::score::evidence`]: while the names
//! share no rare word, an unpaired distinctive word caps the score at 0.6,
//! two generic words or places of the listed name left out at 0.64); a
//! group member pairs its core, which holds those words. So each listed name
//! is indexed under its *anchors* (its distinctive words and numbers, those
//! in parentheses aside unless it has no other; else its two rarest words),
//! each under every form a pair rule reads:
//! - the word as compared, as written, its variant key and its stem, and
//!   a distinctive word's consonants (transliterations with other vowels);
//! - its tail after the first letter (first-letter typos, 5 letters or more);
//! - each concatenation of two or three adjacent words that includes it
//!   (the listed side of a split word), and the whole of a run of numbers.
//!
//! A query looks up each of its words, and each concatenation of two or three
//! adjacent words, in the same forms: exactly, within the scorer's typo
//! allowance (a distinctive word's variant key too, against the listed
//! words and their variant keys: a transliteration and a slip at once), and
//! as contractions (a short word against longer organisation words; an
//! organisation word against the listed words of four letters or more that
//! contract it, in listed names of three words or more: "SHPG" for
//! "Shipping"). Fuzzy keys are
//! bucketed by first letter and length, each with two letter masks (letters
//! present, letters present twice) that rule most keys out before an edit
//! distance is computed. The candidates are then scored exactly as brute force
//! would score them.
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

mod build;
mod hash;
mod sketch;

use crate::normalize::{
    Normalized, Token, TokenKind, consonant_key_into, digits_as_letters_with_l, variant_key,
};
use crate::score::candidates::{initials_and, run_parts};
use crate::score::cut::{head, written_key};
use crate::score::{allowed_edits, is_subsequence, osa_within};
pub(crate) use hash::{FxMap, hash};
pub(crate) use sketch::Sketch;

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
    by_hash: FxMap<u64, u32>,
    collided: FxMap<String, u32>,
    /// All key texts end to end; key `k` ends at `key_end[k]`.
    arena: String,
    key_end: Vec<usize>,
    /// The names of key `k` are `postings[posting_start[k]..posting_start[k + 1]]`.
    posting_start: Vec<usize>,
    postings: Vec<u32>,
    /// Keys that are single words, by first letter and length.
    words: FxMap<(u8, u8), Bucket>,
    /// Keys that are concatenations of listed words, by first letter and length.
    concatenations: FxMap<(u8, u8), Bucket>,
    /// Listed words' variant keys, by first letter and length: a query
    /// word's text or variant key a typo apart pairs with them.
    variants: FxMap<(u8, u8), Bucket>,
    /// Organisation-word keys by first letter (the long side of a contraction).
    generic_by_first: FxMap<u8, Vec<u32>>,
    /// Keys a list may write as contractions, by the hash of each
    /// organisation word they contract ("shpg" under "shipping"): the
    /// vendor's word is the long side.
    listed_contractions: FxMap<u64, Vec<u32>>,
    /// Names long enough to be cut at a field width, by the hash of their
    /// written key's head ([`crate::score::cut::head`]): a vendor's name
    /// that is one of them cut has the same head.
    cut_heads: FxMap<u64, Vec<u32>>,
    names: usize,
    /// By first byte, which key lengths there are ([`length_bit`]): most
    /// strings looked up exactly are ruled out before they are hashed.
    lengths_by_first: Vec<u64>,
}

/// A length's bit in [`NameIndex::lengths_by_first`] (63 for 63 and longer).
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Longest key length bucketed for fuzzy lookups; longer keys share a bucket.
const MAX_BUCKET_LEN: usize = 40;

/// Shortest word that takes a typo ([`crate::score::words`]: four letters
/// against five, one of them dropped).
const MIN_TYPO_WORD: usize = 4;

/// Shortest words of a first-letter typo, and the marker of their tail keys.
const MIN_FIRST_LETTER: usize = 5;
const TAIL: char = '#';

fn bucket_of(s: &str) -> (u8, u8) {
    (s.as_bytes()[0], s.len().min(MAX_BUCKET_LEN) as u8)
}

/// What the tail keys of a word of a first-letter typo are made of: the
/// word less its first letter (`#encora` for both `sencora` and `cencora`),
/// and the whole word (`#ahedan` for `ahedan`, whose first letter `zahedan`
/// has and it lacks). A tail key is [`TAIL`] and one of these.
fn tail_bodies(s: &str) -> [Option<&str>; 2] {
    let tail = (s.len() >= MIN_FIRST_LETTER - 1 && s.is_char_boundary(1)).then(|| &s[1..]);
    let whole = (s.len() + 1 >= MIN_FIRST_LETTER).then_some(s);
    [tail, whole]
}

/// The marker of vowel keys: a distinctive word's first letter as written
/// (`q` for a first "gh", as the vowel rule reads "Ghods" / "Qods") and its
/// consonants ([`crate::normalize::consonant_key`]), under which its
/// transliterations with other vowels are found ("Misr" / "Masr").
const VOWELS: char = '%';

/// The vowel key of a word long enough for the vowel rule
/// ([`crate::score::words`]), written into `key`: whether it has one.
fn vowel_key_into(s: &str, key: &mut String) -> bool {
    key.clear();
    let Some(&first) = s.as_bytes().first() else {
        return false;
    };
    key.push(VOWELS);
    key.push(if s.starts_with("gh") {
        'q'
    } else {
        char::from(first)
    });
    s.len() >= crate::score::words::MIN_VOWELS_LEN && consonant_key_into(s, key)
}

/// [`vowel_key_into`], allocated.
fn vowel_key(s: &str) -> Option<String> {
    let mut key = String::new();
    vowel_key_into(s, &mut key).then_some(key)
}

/// The tail keys of a word (see [`tail_bodies`]).
fn tail_keys(s: &str) -> [Option<String>; 2] {
    tail_bodies(s).map(|b| b.map(|b| format!("{TAIL}{b}")))
}

/// What one lookup needs besides the index, kept between lookups so that
/// they do not allocate.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    keys: Vec<u32>,
    text: String,
}

/// The stem key of an organisation word (plain: a distinctive word that is
/// another's stem pairs with it too).
fn stem_key(t: &Token) -> Option<&str> {
    t.stem.as_deref()
}

impl NameIndex {
    /// The text of key `k`.
    fn key(&self, k: u32) -> &str {
        let k = k as usize;
        let start = if k == 0 { 0 } else { self.key_end[k - 1] };
        &self.arena[start..self.key_end[k]]
    }

    /// The id of the key `s`, if it is one.
    fn key_id(&self, s: &str) -> Option<u32> {
        let first = usize::from(*s.as_bytes().first()?);
        if self
            .lengths_by_first
            .get(first)
            .is_none_or(|&lengths| lengths & length_bit(s.len()) == 0)
        {
            return None;
        }
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

    /// Names that may score above the index minimum against `query`,
    /// sorted, each once.
    pub fn candidates(&self, query: &Normalized) -> Vec<usize> {
        let mut keys: Vec<u32> = Vec::new();
        let mut tail = String::new();
        let toks = &query.tokens;
        for (i, t) in toks.iter().enumerate() {
            // Against the listed variant keys only as a distinctive word:
            // the word the pair rules take a typo of keys for.
            self.lookup_in(&t.text, true, t.kind == TokenKind::Distinctive, &mut keys);
            // As read and as written (a Russian or Persian word read as the
            // English one).
            if t.kind == TokenKind::Generic {
                for form in std::iter::once(&t.text).chain(&t.unexpanded) {
                    if let Some(ks) = self.listed_contractions.get(&hash(form)) {
                        keys.extend(ks);
                    }
                }
            }
            if let Some(raw) = &t.unexpanded {
                self.lookup_in(raw, true, false, &mut keys);
            }
            self.other_forms(
                &t.text,
                t.variant.as_deref(),
                stem_key(t),
                t.kind == TokenKind::Distinctive,
                &mut tail,
                &mut keys,
            );
            // Digits for letters with a `1` read as `l` (`channe1`): the
            // pair rule reads both.
            if t.kind == TokenKind::Number && t.variant.is_some() {
                if let Some(read) = digits_as_letters_with_l(&t.text) {
                    self.lookup_in(&read, true, false, &mut keys);
                    self.other_forms(
                        &read,
                        variant_key(&read).as_deref(),
                        None,
                        false,
                        &mut tail,
                        &mut keys,
                    );
                }
            }
            let mut joined = t.unexpanded_text().to_string();
            for next in toks.iter().skip(i + 1).take(2) {
                joined.push_str(next.unexpanded_text());
                self.lookup(&joined, false, &mut keys);
            }
            // Two initials and the "&" between them, run together without
            // it ("G&G" as "gg").
            if let Some(run) = toks.get(i..i + 3).filter(|r| initials_and(r)) {
                let joined: String = run_parts(run).collect();
                self.lookup(&joined, false, &mut keys);
            }
            // A run of numbers, whole.
            if t.kind == TokenKind::Number {
                let run: Vec<&Token> = toks[i..]
                    .iter()
                    .take_while(|x| x.kind == TokenKind::Number)
                    .collect();
                if run.len() >= 4 {
                    let joined: String = run.iter().map(|x| x.text.as_str()).collect();
                    self.lookup(&joined, false, &mut keys);
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let mut names: Vec<usize> = keys
            .iter()
            .flat_map(|&k| self.postings(k).iter().map(|&n| n as usize))
            .collect();
        names.extend(
            self.cut_candidates(&written_key(&query.original))
                .iter()
                .map(|&n| n as usize),
        );
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The names a vendor's name with this written key
    /// ([`crate::score::cut::written_key`]) may be a cut of: those with the
    /// same head (none when the key is too short to be a cut).
    pub(crate) fn cut_candidates(&self, key: &str) -> &[u32] {
        head(key)
            .and_then(|h| self.cut_heads.get(&hash(h)))
            .map_or(&[], Vec::as_slice)
    }

    fn exact(&self, s: &str, out: &mut Vec<u32>) {
        if let Some(k) = self.key_id(s) {
            out.push(k);
        }
    }

    /// Keys a token's other forms find: its variant key exactly or within
    /// the typo allowance, its stem and the tail keys of its text exactly
    /// (`tail` holds each tail key in turn).
    fn other_forms(
        &self,
        text: &str,
        variant: Option<&str>,
        stem: Option<&str>,
        vowels: bool,
        tail: &mut String,
        out: &mut Vec<u32>,
    ) {
        // A distinctive word's variant key within the typo allowance too,
        // as the pair rules take a typo of two words' variant keys
        // ("Kapitol" / "Capital"): against the listed words and their
        // variant keys only, the rule pairing two words.
        if let Some(v) = variant {
            self.exact(v, out);
            if vowels && v.len() + 1 >= crate::score::MIN_VARIANT_TYPO_LEN {
                self.typos(v, &[&self.words, &self.variants], out);
            }
        }
        if let Some(s) = stem {
            self.exact(s, out);
        }
        // Only a distinctive word pairs by its vowels.
        if vowels && vowel_key_into(text, tail) {
            self.exact(tail, out);
        }
        for body in tail_bodies(text).into_iter().flatten() {
            tail.clear();
            tail.push(TAIL);
            tail.push_str(body);
            self.exact(tail, out);
        }
    }

    /// Whether a token written `text`, with that variant key and stem, finds
    /// a key by them: its variant key exactly or within the typo allowance,
    /// its stem or tail keys exactly, and its
    /// vowel keys when it may be a distinctive word (`vowels`), as
    /// [`NameIndex::candidates`] looks each token up besides as a word.
    pub(crate) fn finds_forms(
        &self,
        text: &str,
        variant: Option<&str>,
        stem: Option<&str>,
        vowels: bool,
        scratch: &mut Scratch,
    ) -> bool {
        scratch.keys.clear();
        self.other_forms(
            text,
            variant,
            stem,
            vowels,
            &mut scratch.text,
            &mut scratch.keys,
        );
        !scratch.keys.is_empty()
    }

    /// Whether `s`, looked up as a word of a query, finds a key: exactly,
    /// within the typo allowance, or as a contraction.
    pub(crate) fn finds_word(&self, s: &str, scratch: &mut Scratch) -> bool {
        scratch.keys.clear();
        self.lookup(s, true, &mut scratch.keys);
        !scratch.keys.is_empty()
    }

    /// Whether listed words contract the organisation word `s` ("shpg" of
    /// "shipping"), which a query's word written so finds.
    pub(crate) fn finds_listed_contraction(&self, s: &str) -> bool {
        self.listed_contractions.contains_key(&hash(s))
    }

    /// Whether `s` is a key.
    pub(crate) fn is_key(&self, s: &str) -> bool {
        self.key_id(s).is_some()
    }

    /// The length of the longest key.
    pub(crate) fn longest_key(&self) -> usize {
        let mut start = 0;
        let mut longest = 0;
        for &end in &self.key_end {
            longest = longest.max(end - start);
            start = end;
        }
        longest
    }

    /// Keys that `s` may pair with: exact, within the typo allowance, or as a
    /// contraction. `single`: `s` is a word of the query (it may pair with a
    /// listed word or concatenation); otherwise it is a concatenation of the
    /// query's words (it may pair only with a listed word).
    fn lookup(&self, s: &str, single: bool, out: &mut Vec<u32>) {
        self.lookup_in(s, single, true, out);
    }

    /// [`NameIndex::lookup`], a word of the query against the listed
    /// variant keys too only where `variants` says so.
    fn lookup_in(&self, s: &str, single: bool, variants: bool, out: &mut Vec<u32>) {
        if s.is_empty() {
            return;
        }
        self.exact(s, out);
        if single && variants {
            self.typos(s, &[&self.words, &self.concatenations, &self.variants], out);
        } else if single {
            self.typos(s, &[&self.words, &self.concatenations], out);
        } else {
            self.typos(s, &[&self.words], out);
        }
        if single && s.len() >= 3 {
            self.contractions(s, out);
        }
    }

    /// Keys of `buckets` within the typo allowance of `s`: the same first
    /// letter, lengths within the allowance.
    fn typos(&self, s: &str, buckets: &[&FxMap<(u8, u8), Bucket>], out: &mut Vec<u32>) {
        let Some(&first) = s.as_bytes().first() else {
            return;
        };
        let len = s.len();
        let reach = allowed_edits(len + 2).min(2);
        if reach == 0 || len + reach < MIN_TYPO_WORD {
            return;
        }
        let (once, twice) = letter_masks(s);
        let lo = len
            .saturating_sub(reach)
            .clamp(MIN_TYPO_WORD, MAX_BUCKET_LEN);
        let hi = (len + reach).min(MAX_BUCKET_LEN);
        for map in buckets {
            for l in lo..=hi {
                if let Some(bucket) = map.get(&(first, l as u8)) {
                    self.scan(bucket, s, once, twice, out);
                }
            }
        }
    }

    /// Contractions: `s`, a word of the query, short against longer
    /// organisation-word keys.
    fn contractions(&self, s: &str, out: &mut Vec<u32>) {
        let Some(generic) = self.generic_by_first.get(&s.as_bytes()[0]) else {
            return;
        };
        for &k in generic {
            let key = self.key(k);
            if key.len() >= s.len() + 2 && is_subsequence(s, key) {
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

/// The [`letter_masks`] of two strings run together, from theirs.
pub(crate) fn join_masks(
    (once_a, twice_a): (u64, u64),
    (once_b, twice_b): (u64, u64),
) -> (u64, u64) {
    (once_a | once_b, twice_a | twice_b | (once_a & once_b))
}

/// Which letters and digits occur in `s` (bit 63: any other byte), and which
/// occur twice or more.
pub(crate) fn letter_masks(s: &str) -> (u64, u64) {
    s.bytes().fold((0u64, 0u64), |(once, twice), b| {
        let bit = match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 1 << 63,
        };
        (once | bit, twice | (once & bit))
    })
}
