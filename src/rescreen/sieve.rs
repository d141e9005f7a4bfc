//! A sieve before the screener of the touched entities: from a vendor
//! name's raw text, without normalising it, whether the name can be a
//! candidate of that screener's index at all. Normalising is most of what
//! screening a name against a few entities costs, and almost no vendor name
//! shares a word with the few entities a change touches.
//!
//! The sieve never says no where the index would find a candidate. A name
//! the index finds has a token, a token's written form, or two or three
//! adjacent tokens' written forms run together, that a key of the index is
//! (exactly, within the typo allowance, or as a contraction), or a token
//! whose variant key, stem, tail key or (a word that may be distinctive)
//! vowel key a key is ([`NameIndex::candidates`]).
//! For ASCII text, what those are can be bounded without normalising:
//!
//! - the normaliser splits ASCII text into *words* ([`split_ascii`]: runs of
//!   letters and digits, lower-cased, a lower-case `l` in a word in capitals
//!   read as `i`; apostrophes and control characters
//!   deleted; `&` and `+` the word `and`; anything else separates), and every
//!   token is written as one word or several adjacent ones (dotted initials
//!   and letters spelled out are joined, legal forms and places of several
//!   words are one token). So every written form above is adjacent words run
//!   together: the sieve looks each such run up as a query word (the widest
//!   lookup), as long as a key can be near it, and two initials joined by
//!   `and` run together without it ("B & M" as `bm`, as the scorer merges
//!   them);
//! - a token's text is what was written (one word; single letters joined;
//!   for a name made only of legal forms, its last token holds the last
//!   words), unless a step replaced it (`Normalizer::replacements`: a legal
//!   form's or a place's compare form, an abbreviation's expansion, "and"
//!   for Spanish "y" between two initials). The sieve takes the variant
//!   key, stem, tail and vowel keys of each word,
//!   of each run of single letters and of each run of last words (vowel
//!   keys only of words); looks up what a
//!   look-alike read could make of a word, and the organisation word a
//!   misspelt word may be read as; and tries every replacement text
//!   once, when it is built: one that finds a key makes any name holding its
//!   trigger pass (an abbreviation, whole; a phrase's words run together,
//!   or, as a phrase of several words is read through one misspelt word,
//!   any of its words; for two legal forms merged into one, what triggers
//!   the first);
//! - a name long enough to be a listed name cut at a field width
//!   ([`crate::score::cut`]) is looked up by its beginning, its words
//!   joined by spaces, as the index files listed names;
//! - a name with other names written into it ("X DBA Y",
//!   [`crate::screen::trade_names`]) is sieved name by name too, as the
//!   screener screens each;
//! - names the sieve does not model pass: text that is not ASCII, a word the
//!   number step may read as digits (`forty-four` is kept as `forty`, `13th`
//!   as `13`), an abbreviation the look-alike step reads again, a word a
//!   vendor's name may run together with a legal form, "Group" or a leading
//!   organisation word (`Normalizer::normalize_query` reads it apart), a vendor with
//!   identifiers. At a threshold at or below the index's minimum every
//!   listed name is scored, and there is no sieve.
//!
//! A token has a stem only when it is an organisation word, a word of a
//! finite list ([`crate::normalize::Normalizer::generic_words`]): the sieve
//! stems that list once and lets through the words whose stem is a key,
//! and those a listed word contracts (the index looks an organisation word
//! up by the listed words that contract it: "SHPG" of "Shipping").

use crate::index::{
    FxMap, NameIndex, Scratch as IndexScratch, Sketch, hash, join_masks, letter_masks,
};
use crate::matcher::INDEX_MIN_THRESHOLD;
use crate::normalize::{
    Normalizer, Trigger, look_alike_candidates, lower_l_reads_as_i, number_words, reads_as_number,
    stem, variant_key, variant_key_into,
};
use crate::score::candidates::is_initial;
use crate::screen::trade_names::names_in;
use crate::screen::{Owner, Screener, Vendor};

/// The longest run of single letters whose joinings the sieve enumerates;
/// a name with a longer one passes.
const MAX_LETTER_RUN: usize = 16;

/// What the sieve knows of one screener. See the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct Sieve {
    /// Tokens that make a name pass, with why: abbreviations whose expansion
    /// finds a key, organisation words whose stem is a key, words the sieve
    /// does not model.
    tokens: FxMap<String, &'static str>,
    /// Adjacent words that, run together, make a name pass: phrases whose
    /// compare form finds a key.
    runs: FxMap<String, ()>,
    /// Which lengths `runs` has.
    run_lengths: Vec<bool>,
    /// Hashes of what a legal form can begin with, and of their beginnings.
    legal_starts: FxMap<u64, ()>,
    /// The same of the second words of legal forms of several words (whose
    /// first word may be misspelt).
    legal_seconds: FxMap<u64, ()>,
    /// The shapes of the index's keys.
    sketch: Sketch,
    /// How long a run of words can be and still be near a key.
    longest: usize,
    /// The longest of `runs`.
    longest_run: usize,
    /// The screener's normaliser, to tell a word it may read as words run
    /// together ([`Normalizer::may_read_apart`]).
    normalizer: Normalizer,
}

/// Buffers kept between names.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    words: String,
    ends: Vec<usize>,
    masks: Vec<(u64, u64)>,
    tokens: Vec<(usize, usize)>,
    variant: String,
    index: IndexScratch,
    /// The words joined by spaces: a name's written key.
    joined: String,
}

impl Sieve {
    /// The sieve of a screener's index, or `None` where a sieve cannot
    /// stand in for screening (see the module documentation).
    pub(crate) fn new(screener: &Screener) -> Option<Sieve> {
        if screener.threshold() <= INDEX_MIN_THRESHOLD {
            return None;
        }
        let index = screener.matcher().index();
        let normalizer = screener.normalizer();
        let mut tokens: FxMap<String, &'static str> = FxMap::default();
        let mut runs = FxMap::default();
        let mut scratch = IndexScratch::default();
        for r in normalizer.replacements() {
            let stemmed = stem(&r.text);
            let variant = variant_key(&r.text);
            // A replacement with a digit would be a number, whose text a run
            // of numbers joins: always the trigger's.
            let number = r.text.bytes().any(|b| b.is_ascii_digit());
            if !number
                && !index.finds_word(&r.text, &mut scratch)
                && !index.finds_listed_contraction(&r.text)
                // A replacement is a legal form, place or organisation
                // word: never distinctive, it pairs by no vowel key.
                && !index.finds_forms(
                    &r.text,
                    variant.as_deref(),
                    Some(&stemmed),
                    false,
                    &mut scratch,
                )
            {
                continue;
            }
            match r.trigger {
                Trigger::Token(t) => {
                    tokens.insert(t, "an abbreviation whose expansion finds a key");
                }
                Trigger::Run(run) => {
                    runs.insert(run, ());
                }
            }
        }
        // Only an organisation word has a stem: those whose stem is a key.
        // Only one is looked up by the listed words that contract it.
        for w in normalizer.generic_words() {
            if index.is_key(&stem(&w)) {
                tokens.insert(w, "an organisation word whose stem is a key");
            } else if index.finds_listed_contraction(&w) {
                tokens.insert(w, "an organisation word a listed word contracts");
            }
        }
        for w in normalizer
            .abbreviations_read_twice()
            .into_iter()
            .chain(number_words())
        {
            tokens.insert(w.to_string(), "a word the sieve does not model");
        }
        let longest_run = runs.keys().map(String::len).max().unwrap_or(0);
        let mut run_lengths = vec![false; longest_run + 1];
        for r in runs.keys() {
            run_lengths[r.len()] = true;
        }
        let prefixes = |words: Vec<String>| {
            let mut hashes = FxMap::default();
            for w in words {
                for end in (1..=w.len()).filter(|&e| w.is_char_boundary(e)) {
                    hashes.insert(hash(&w[..end]), ());
                }
            }
            hashes
        };
        let legal_starts = prefixes(normalizer.legal_form_starts());
        let legal_seconds = prefixes(normalizer.legal_form_seconds());
        Some(Sieve {
            tokens,
            runs,
            run_lengths,
            legal_starts,
            legal_seconds,
            sketch: index.sketch(),
            longest: index.longest_key() + 2,
            longest_run,
            normalizer: normalizer.clone(),
        })
    }

    /// Whether screening the vendor against the sieve's screener can find
    /// a hit: `false` only when no name of it can be a candidate of the
    /// index and it has no identifier.
    pub(crate) fn may_hit(
        &self,
        index: &NameIndex,
        vendor: &Vendor,
        scratch: &mut Scratch,
    ) -> bool {
        fn owners(sieve: &Sieve, index: &NameIndex, o: &[Owner], scratch: &mut Scratch) -> bool {
            o.iter().any(|o| {
                sieve.name_may_hit(index, &o.name, scratch)
                    || owners(sieve, index, &o.owners, scratch)
            })
        }
        !vendor.identifiers.is_empty()
            || self.name_may_hit(index, &vendor.name, scratch)
            || vendor
                .aliases
                .iter()
                .any(|a| self.name_may_hit(index, a, scratch))
            || std::iter::once(&vendor.name)
                .chain(&vendor.aliases)
                .flat_map(|n| names_in(n))
                .any(|part| self.name_may_hit(index, &part, scratch))
            || owners(self, index, &vendor.owners, scratch)
    }

    /// Whether a name can be a candidate of the index.
    pub(crate) fn name_may_hit(
        &self,
        index: &NameIndex,
        name: &str,
        scratch: &mut Scratch,
    ) -> bool {
        self.why(index, name, scratch).is_some()
    }

    /// Why a name can be a candidate of the index, or `None` when it
    /// cannot.
    pub(crate) fn why(
        &self,
        index: &NameIndex,
        name: &str,
        scratch: &mut Scratch,
    ) -> Option<&'static str> {
        if !split_ascii(name, &mut scratch.words, &mut scratch.ends) {
            return Some("not ASCII");
        }
        if !token_spans(&scratch.ends, &scratch.words, &mut scratch.tokens) {
            return Some("a long run of single letters");
        }
        self.tokens_find(index, scratch)
            .or_else(|| self.last_words_find(index, scratch))
            .or_else(|| self.runs_find(index, scratch))
            .or_else(|| {
                cut_of_a_listed_name(index, scratch).then_some("the beginning of a listed name")
            })
    }

    /// What a token can be, looked up: a word or a run of single letters,
    /// as written, by its variant key, stem and tail keys, and as a
    /// look-alike may be read.
    fn tokens_find(&self, index: &NameIndex, scratch: &mut Scratch) -> Option<&'static str> {
        let Scratch {
            words,
            tokens,
            variant,
            index: lookup,
            ..
        } = scratch;
        for &(a, b) in tokens.iter() {
            let t = &words[a..b];
            if let Some(why) = self.tokens.get(t) {
                return Some(why);
            }
            if t.as_bytes()[0].is_ascii_digit() && reads_as_number(t) {
                return Some("a word the sieve does not model");
            }
            // Its pieces are tokens no word of the name is: not modelled.
            if self.normalizer.may_read_apart(t) {
                return Some("a word the normaliser may read as words run together");
            }
            let v = variant_key_into(t, variant).then_some(variant.as_str());
            if index.finds_forms(t, v, None, true, lookup) {
                return Some("a token's variant key or tail key");
            }
            // A word the normaliser may read as another: the other word,
            // its variant key and stem.
            let mut finds_read = |read: &str| {
                let v = variant_key(read);
                let s = stem(read);
                index.finds_word(read, lookup)
                    || index.finds_forms(read, v.as_deref(), Some(&s), true, lookup)
            };
            if look_alike_candidates(t).any(|read| finds_read(&read)) {
                return Some("a look-alike read");
            }
            if self
                .normalizer
                .misspelt_read(t)
                .is_some_and(&mut finds_read)
            {
                return Some("a misspelt organisation word read");
            }
        }
        None
    }

    /// The last token of a name made only of legal forms is its last words
    /// as written: their variant key and tail keys, looked up. Such a name
    /// begins with what a legal form begins with, or with a single letter
    /// (spelled out), or with a misspelt first word of a phrase followed by
    /// its second.
    fn last_words_find(&self, index: &NameIndex, scratch: &mut Scratch) -> Option<&'static str> {
        let Scratch {
            words,
            ends,
            variant,
            index: lookup,
            ..
        } = scratch;
        let (&first, &last) = (ends.first()?, ends.last()?);
        let second = ends.get(1).map(|&end| &words[first..end]);
        if !(first == 1
            || self.legal_starts.contains_key(&hash(&words[..first]))
            || second.is_some_and(|w| self.legal_seconds.contains_key(&hash(w))))
        {
            return None;
        }
        for i in 0..ends.len() - 1 {
            let start = if i == 0 { 0 } else { ends[i - 1] };
            let t = &words[start..last];
            let v = variant_key_into(t, variant).then_some(variant.as_str());
            // Legal forms: no vowel keys.
            if index.finds_forms(t, v, None, false, lookup) {
                return Some("the last words' variant key or tail key");
            }
        }
        None
    }

    /// Adjacent words run together: each run as a word of a query (its
    /// shape first), and as a phrase's words.
    fn runs_find(&self, index: &NameIndex, scratch: &mut Scratch) -> Option<&'static str> {
        let Scratch {
            words,
            ends,
            masks,
            index: lookup,
            ..
        } = scratch;
        masks.clear();
        let start = |i: usize| if i == 0 { 0 } else { ends[i - 1] };
        // Two initials and the "and" between them run together without it
        // ([`crate::score::candidates::initials_and`]: "B & M" as "bm").
        let word = |i: usize| &words[start(i)..ends[i]];
        for i in 2..ends.len() {
            if word(i - 1) == "and" && is_initial(word(i - 2)) && is_initial(word(i)) {
                let joined = format!("{}{}", word(i - 2), word(i));
                if index.finds_word(&joined, lookup) {
                    return Some("two initials run together without their '&' find a key");
                }
            }
        }
        masks.extend((0..ends.len()).map(|i| letter_masks(&words[start(i)..ends[i]])));
        let reach = self.longest.max(self.longest_run);
        for i in 0..ends.len() {
            let first = words.as_bytes()[start(i)];
            let mut run_masks = (0, 0);
            for j in i..ends.len() {
                let (a, b) = (start(i), ends[j]);
                if b - a > reach {
                    break;
                }
                run_masks = join_masks(run_masks, masks[j]);
                if b - a <= self.longest
                    && self.sketch.may_find_word(first, b - a, run_masks)
                    && index.finds_word(&words[a..b], lookup)
                {
                    return Some("words run together find a key");
                }
                if self.run_lengths.get(b - a) == Some(&true)
                    && self.runs.contains_key(&words[a..b])
                {
                    return Some("a phrase whose compare form finds a key");
                }
            }
        }
        None
    }
}

/// The spans in `words` of what can be a token written as it is: each
/// word, and each run of adjacent single letters (joined as initials or as
/// letters spelled out). `false` when a run is too long to enumerate.
fn token_spans(ends: &[usize], words: &str, tokens: &mut Vec<(usize, usize)>) -> bool {
    let start = |i: usize| if i == 0 { 0 } else { ends[i - 1] };
    let letter =
        |i: usize| ends[i] - start(i) == 1 && words.as_bytes()[start(i)].is_ascii_alphabetic();
    tokens.clear();
    tokens.extend((0..ends.len()).map(|i| (start(i), ends[i])));
    let mut i = 0;
    while i < ends.len() {
        let mut j = i;
        while j < ends.len() && letter(j) {
            j += 1;
        }
        if j - i > MAX_LETTER_RUN {
            return false;
        }
        for a in i..j {
            tokens.extend(ends[a + 1..j].iter().map(|&end| (start(a), end)));
        }
        i = j.max(i + 1);
    }
    true
}

/// Whether the words of `scratch` (run together, with their ends) make the
/// written key of a listed name cut at a field width
/// ([`crate::score::cut::written_key`]: for ASCII text, these words joined
/// by spaces) by the index's heads.
fn cut_of_a_listed_name(index: &NameIndex, scratch: &mut Scratch) -> bool {
    let Scratch {
        words,
        ends,
        joined: text,
        ..
    } = scratch;
    if words.len() < crate::score::cut::MIN_CUT_CHARS.saturating_sub(ends.len()) {
        return false;
    }
    text.clear();
    let mut start = 0;
    for &end in ends.iter() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&words[start..end]);
        start = end;
    }
    !index.cut_candidates(text).is_empty()
}

/// Splits ASCII text into words as the normaliser does (steps 1 to 6 on
/// ASCII): runs of letters and digits, lower-cased (a lower-case `l` in a
/// word in capitals as `i`: `HlKVlSlON`); apostrophes and control
/// characters deleted (they join what they stand between); `&` and `+` the
/// word `and`; any other character separates. `words` gets the words run
/// together, `ends` the end of each in it. `false` when `text` is not ASCII.
fn split_ascii(text: &str, words: &mut String, ends: &mut Vec<usize>) -> bool {
    words.clear();
    ends.clear();
    if !text.is_ascii() {
        return false;
    }
    let close = |words: &mut String, ends: &mut Vec<usize>| {
        if ends.last().copied().unwrap_or(0) < words.len() {
            ends.push(words.len());
        }
    };
    let bytes = text.as_bytes();
    // Control characters the normaliser deletes first: they join a word,
    // where an apostrophe, deleted later, ends one for the look-alike step.
    let deleted = |b: u8| matches!(b, 0x00..=0x08 | 0x0E..=0x1F | 0x7F);
    let in_word = |b: u8| b.is_ascii_alphanumeric() || deleted(b);
    // Whether the word under way reads each lower-case `l` as `i`
    // (`HlKVlSlON`; [`crate::normalize::lower_l_reads_as_i`]).
    let mut l_as_i = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_word(b) && (i == 0 || !in_word(bytes[i - 1])) {
            let word = bytes[i..].iter().take_while(|&&c| in_word(c));
            l_as_i = lower_l_reads_as_i(word.map(|&c| char::from(c)));
        }
        match b {
            b'l' if l_as_i => words.push('i'),
            b'a'..=b'z' | b'0'..=b'9' => words.push(char::from(b)),
            b'A'..=b'Z' => words.push(char::from(b.to_ascii_lowercase())),
            b'\'' | b'`' => {}
            b if deleted(b) => {}
            b'&' | b'+' => {
                close(words, ends);
                words.push_str("and");
                close(words, ends);
            }
            _ => close(words, ends),
        }
    }
    close(words, ends);
    true
}

#[cfg(test)]
#[path = "sieve_tests.rs"]
mod tests;
