//! How common words are among real company names, from tables embedded in the
//! crate and independent of the lists loaded, so that a vendor's score against
//! an entity never changes because another list was loaded.
//!
//! - `data/background_words.tsv`: in how many of 57,044 real FPDS vendor names
//!   each word occurs (words of 4 names or more);
//! - `data/background_bigrams.tsv`: the same for pairs of adjacent words;
//! - `data/english_words.txt`: English words and common proper nouns (SCOWL,
//!   via Debian's wamerican and wbritish) the vendor table lacks. Ordinary
//!   words ("panda", "dover"), in either spelling ("harbor", "harbour"), are
//!   common in company names even where the vendor names happen not to show
//!   it, so they count as seen in a few names.
//! - `data/foreign_words.txt`: ordinary words of Spanish, Portuguese and
//!   French (the stems of the hunspell dictionaries Debian ships, MPL; the
//!   notices are kept in the file) that the other tables lack. The American
//!   vendor names rarely have them, yet "Cristal", "Estrella" or "Maison"
//!   are as common in company names elsewhere as "Crystal" or "Star". Only
//!   a group member's core of one such word consults it
//!   ([`crate::score::containment`]): elsewhere the matcher weighs words by
//!   the vendor table alone, since the lists' own names are full of such
//!   words and they still tell entities apart.
//!
//! A word's *specificity* is `ln(N / (df + 1)) / ln(N)`, in [0, 1]: 1 for a word
//! no real company name has ("hikvision"), about 0.55 for "aviation" (136
//! names), 0.3 for "co". Its *rarity*, the specificity to the fourth power,
//! says how much a shared word is evidence of identity.
//!
//! ```
//! let b = vendor_screen::background::Background::get();
//! assert!(b.specificity("hikvision") > 0.99);
//! assert!(b.specificity("solutions") < 0.35);
//! assert!(b.rarity("panda") < 0.5, "an English word");
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

const WORDS_TSV: &str = include_str!("../data/background_words.tsv");
const BIGRAMS_TSV: &str = include_str!("../data/background_bigrams.tsv");
const ENGLISH: &str = include_str!("../data/english_words.txt");
const FOREIGN: &str = include_str!("../data/foreign_words.txt");

/// How many real company names an English word missing from the vendor
/// table is taken to occur in.
pub const ENGLISH_WORD_DF: u32 = 8;

/// A word is an organisation word (generic) when at least this many of the
/// real vendor names contain it ("aviation", "security", "marine").
pub const GENERIC_DF: u32 = 100;

/// The embedded background tables, parsed once.
#[derive(Debug)]
pub struct Background {
    words: HashMap<&'static str, u32>,
    bigrams: HashMap<&'static str, u32>,
    english: Vec<&'static str>,
    /// The foreign words' lines, sorted, searched as they are embedded.
    foreign: &'static str,
    names: u32,
}

fn parse_tsv(text: &'static str) -> (HashMap<&'static str, u32>, u32) {
    let mut map = HashMap::new();
    let mut names = 1;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some((w, n)) = line.split_once('\t') {
            let n: u32 = n.trim().parse().unwrap_or(0);
            if w == "names" {
                names = n.max(1);
            } else {
                map.insert(w, n);
            }
        }
    }
    (map, names)
}

/// The words of a word list, one a line (`#` starts a comment line),
/// sorted for binary search.
fn word_list(text: &'static str) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    words.sort_unstable();
    words
}

/// A word list less its leading comment lines.
fn without_comments(text: &'static str) -> &'static str {
    let mut rest = text;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest
}

/// Whether `word` is one of the lines of `text`, which are sorted: a
/// binary search over the text as embedded, so that the 137,000 words of
/// the foreign table cost nothing to load.
fn sorted_lines_contain(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    // `lo` and `hi` are always at the start of a line.
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        match text[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

impl Background {
    /// The tables, parsed on first use.
    pub fn get() -> &'static Background {
        static TABLES: OnceLock<Background> = OnceLock::new();
        TABLES.get_or_init(|| {
            let (words, names) = parse_tsv(WORDS_TSV);
            let (bigrams, _) = parse_tsv(BIGRAMS_TSV);
            let english = word_list(ENGLISH);
            Background {
                words,
                bigrams,
                english,
                foreign: without_comments(FOREIGN),
                names,
            }
        })
    }

    /// Number of real vendor names the tables count.
    pub fn names(&self) -> u32 {
        self.names
    }

    /// In how many real company names the word occurs (an estimate for English
    /// words the vendor table lacks, 0 for unknown words).
    ///
    /// ```
    /// let b = vendor_screen::background::Background::get();
    /// assert!(b.df("services") > 1000);
    /// assert_eq!(b.df("hikvision"), 0);
    /// // An inflection of an inflection of an English word: "save".
    /// assert!(b.df("savings") > 0);
    /// // British spelling.
    /// assert!(b.df("harbour") > 0);
    /// ```
    pub fn df(&self, word: &str) -> u32 {
        if let Some(&n) = self.words.get(word) {
            return n;
        }
        // An inflected form counts as its base form ("engines": "engine").
        // Only one ending: the organisation words are the vendor table's
        // common words and their inflections of one ending
        // (`Normalizer::generic_words`, which the rescreen sieve
        // enumerates).
        let bases = base_forms(word);
        if let Some(n) = bases.iter().find_map(|b| self.words.get(b.as_str())) {
            return *n;
        }
        // The English table keeps base forms only: an inflection of an
        // inflection is English too ("savings": "saving", "save").
        let english = |w: &str| self.english.binary_search(&w).is_ok();
        let english_base = || {
            bases
                .iter()
                .any(|b| english(b) || base_forms(b).iter().any(|bb| english(bb)))
        };
        if word.len() >= 3 && (english(word) || english_base()) {
            return ENGLISH_WORD_DF;
        }
        0
    }

    /// Whether a word, or its form without a plural ending, is an ordinary
    /// word of Spanish, Portuguese or French that the vendor and English
    /// tables do not already count as common (`data/foreign_words.txt`).
    ///
    /// ```
    /// let b = vendor_screen::background::Background::get();
    /// assert!(b.is_foreign_word("cristal"));
    /// assert!(b.is_foreign_word("estrellas"), "a plural");
    /// assert!(b.is_foreign_word("maison"));
    /// assert!(!b.is_foreign_word("hikvision"));
    /// // Proper nouns are not ordinary words.
    /// assert!(!b.is_foreign_word("venezuela"));
    /// ```
    pub fn is_foreign_word(&self, word: &str) -> bool {
        let known = |w: &str| sorted_lines_contain(self.foreign, w);
        known(word) || base_forms(word).iter().any(|b| known(b))
    }

    /// The words of the vendor table that occur in at least `df` names.
    pub(crate) fn words_in_at_least(&self, df: u32) -> impl Iterator<Item = &'static str> {
        self.words
            .iter()
            .filter(move |&(_, &n)| n >= df)
            .map(|(&w, _)| w)
    }

    /// In how many real company names the adjacent words `a b` occur; `None`
    /// when the table does not say (it keeps pairs of common words only).
    pub fn bigram_df(&self, a: &str, b: &str) -> Option<u32> {
        self.bigrams.get(format!("{a} {b}").as_str()).copied()
    }

    /// Specificity of a document frequency, in [0, 1].
    pub fn specificity_of_df(&self, df: u32) -> f64 {
        let n = f64::from(self.names.max(2));
        ((n / (f64::from(df) + 1.0)).ln() / n.ln()).clamp(0.0, 1.0)
    }

    /// Specificity of a word in [0, 1]: 1 for a word no real company name has.
    pub fn specificity(&self, word: &str) -> f64 {
        self.specificity_of_df(self.df(word))
    }

    /// Rarity of a word in [0, 1]: specificity to the fourth power, so that a
    /// word found in a handful of names already counts for half.
    pub fn rarity(&self, word: &str) -> f64 {
        self.specificity(word).powi(4)
    }

    /// Rarity of a phrase of words: at least that of its rarest word, and of
    /// its rarest pair of adjacent words (a pair the table lacks is taken to
    /// occur in 2 names, the most it can).
    ///
    /// ```
    /// let b = vendor_screen::background::Background::get();
    /// assert!(b.phrase_rarity(&["china", "mobile"]) > 0.6);
    /// assert!(b.phrase_rarity(&["general", "dynamics"]) < 0.5);
    /// ```
    pub fn phrase_rarity(&self, words: &[&str]) -> f64 {
        let mut best = words.iter().map(|w| self.rarity(w)).fold(0.0, f64::max);
        for pair in words.windows(2) {
            // Pairs of common words in 3 names or more are in the table:
            // absent means 2 at most.
            let df = self.bigram_df(pair[0], pair[1]).unwrap_or(2);
            best = best.max(self.specificity_of_df(df).powi(4));
        }
        best
    }
}

/// The forms of a word without a plural or verb ending, three letters or
/// more: `industries` → `industry`, `engines` → `engine`, `engin`.
fn base_forms(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (suffix, replace) in INFLECTIONS {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 3 && !stem.ends_with('s') {
                out.push(format!("{stem}{replace}"));
            }
        }
    }
    out
}

/// The inflections [`base_forms`] reads back: a suffix, and what replaces it
/// in the base form.
const INFLECTIONS: [(&str, &str); 7] = [
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
];

/// Every word whose [`base_forms`] include `base`.
pub(crate) fn inflections(base: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (suffix, replace) in INFLECTIONS {
        if let Some(stem) = base.strip_suffix(replace) {
            if stem.len() >= 3 && !stem.ends_with('s') {
                out.push(format!("{stem}{suffix}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search reads the embedded text as sorted lines of lower-case
    /// ASCII letters: every word is found, and nothing between two words.
    #[test]
    fn the_foreign_table_is_searched_as_embedded() {
        let body = without_comments(FOREIGN);
        let words: Vec<&str> = body.lines().collect();
        assert!(words.len() > 100_000, "{}", words.len());
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        for w in &words {
            assert!(
                w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{w:?}"
            );
            assert!(sorted_lines_contain(body, w), "{w:?}");
            let between = format!("{w}a");
            assert_eq!(
                sorted_lines_contain(body, &between),
                words.binary_search(&between.as_str()).is_ok(),
                "{between:?}"
            );
        }
        for absent in ["", "a", "zzzzzzzz", "hikvision", "aaaa"] {
            assert_eq!(
                sorted_lines_contain(body, absent),
                words.contains(&absent),
                "{absent:?}"
            );
        }
        assert!(sorted_lines_contain("one\nthree\ntwo", "two"));
        assert!(!sorted_lines_contain("", "x"));
    }
}
