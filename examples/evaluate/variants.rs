//! Variations of real list names as vendor masters write them, one at a
//! time or two and three at once. Each kind is a small function over the
//! name's words (`kinds.rs`); the vocabulary is `words.rs`. Deterministic
//! for a seed.

use super::words::{self, CONTRACTIONS, LEGAL_FORMS};
use std::collections::HashMap;

/// A small deterministic random number generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// One element of `xs`.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> Option<&'a T> {
        (!xs.is_empty()).then(|| &xs[self.below(xs.len())])
    }
}

/// A kind of variation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A legal form written another way (Co., Ltd. / Company Limited, Corp / Corporation, OOO / LLC).
    LegalSwapped,
    /// The legal form left out.
    LegalDropped,
    /// A legal form added where the list has none.
    LegalAdded,
    /// One organisation word contracted as vendor masters do (Technology / Tech, Manufacturing / Mfg).
    Contraction,
    /// One typo (substitution, deletion, doubled letter, swapped neighbours), not in the first letter.
    Typo,
    /// A typo in the first letter.
    TypoFirst,
    /// One long word split in two.
    Split,
    /// Two neighbouring words written as one.
    Merge,
    /// A leading legal form moved to the end, or the first word moved behind the others.
    Order,
    /// A generic or place word left out (Group, International, Beijing).
    GenericDropped,
    /// A qualifier added (USA, International, (Hong Kong), Trading).
    Qualifier,
    /// Punctuation removed.
    Punctuation,
    /// Upper case (or title case for an upper-case name).
    Case,
    /// One letter typed as a Cyrillic or Greek look-alike.
    Lookalike,
    /// A whole word typed in look-alike letters.
    LookalikeWord,
    /// A digit typed for a letter inside a word (Hikv1sion).
    Digits,
    /// A word's letters spaced out with hyphens (H-i-k-v-i-s-i-o-n).
    Spaced,
    /// Full-width letters.
    FullWidth,
}

impl Kind {
    /// Every kind, in the order they are applied.
    pub const ALL: [Kind; 18] = [
        Kind::LegalSwapped,
        Kind::LegalDropped,
        Kind::LegalAdded,
        Kind::GenericDropped,
        Kind::Qualifier,
        Kind::Order,
        Kind::Contraction,
        Kind::Split,
        Kind::Merge,
        Kind::Typo,
        Kind::TypoFirst,
        Kind::Punctuation,
        Kind::Case,
        Kind::Lookalike,
        Kind::LookalikeWord,
        Kind::Digits,
        Kind::Spaced,
        Kind::FullWidth,
    ];

    /// Kinds that ordinary vendor-master spelling combines freely.
    pub const EVERYDAY: [Kind; 12] = [
        Kind::LegalSwapped,
        Kind::LegalDropped,
        Kind::LegalAdded,
        Kind::GenericDropped,
        Kind::Qualifier,
        Kind::Order,
        Kind::Contraction,
        Kind::Split,
        Kind::Merge,
        Kind::Typo,
        Kind::Punctuation,
        Kind::Case,
    ];

    /// Kinds that keep a name without a distinctive word the same name
    /// (issue 11, rule 3: never the loss or swap of a whole word).
    pub const SAME_NAME: [Kind; 10] = [
        Kind::LegalSwapped,
        Kind::LegalDropped,
        Kind::Contraction,
        Kind::Split,
        Kind::Merge,
        Kind::Typo,
        Kind::Punctuation,
        Kind::Case,
        Kind::Lookalike,
        Kind::FullWidth,
    ];

    /// The kind's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::LegalSwapped => "legal form swapped",
            Kind::LegalDropped => "legal form dropped",
            Kind::LegalAdded => "legal form added",
            Kind::Contraction => "contraction",
            Kind::Typo => "typo",
            Kind::TypoFirst => "typo in first letter",
            Kind::Split => "split word",
            Kind::Merge => "merged words",
            Kind::Order => "word order",
            Kind::GenericDropped => "generic/place word dropped",
            Kind::Qualifier => "qualifier added",
            Kind::Punctuation => "punctuation removed",
            Kind::Case => "case",
            Kind::Lookalike => "look-alike letter",
            Kind::LookalikeWord => "look-alike word",
            Kind::Digits => "digit for a letter",
            Kind::Spaced => "spaced letters",
            Kind::FullWidth => "full-width",
        }
    }
}

/// Combinations vendor masters produce, named in the brief and the issue.
pub const COMBOS: &[&[Kind]] = &[
    &[Kind::Case, Kind::Contraction, Kind::LegalSwapped],
    &[Kind::Typo, Kind::Order, Kind::Qualifier],
    &[Kind::LegalDropped, Kind::Split],
    &[Kind::Case, Kind::LegalSwapped],
    &[Kind::Contraction, Kind::LegalDropped],
    &[Kind::Typo, Kind::LegalSwapped],
    &[Kind::Punctuation, Kind::Case, Kind::Contraction],
    &[Kind::Merge, Kind::LegalSwapped],
    &[Kind::Typo, Kind::GenericDropped, Kind::Case],
    &[Kind::Order, Kind::LegalSwapped],
    &[Kind::Contraction, Kind::Typo],
    &[Kind::FullWidth, Kind::LegalSwapped],
    &[Kind::Lookalike, Kind::Case],
    &[Kind::Digits, Kind::LegalDropped],
];

/// What the generator knows beyond the name: the contractions seen in real
/// vendor names, and how often each word occurs among them.
pub struct Context {
    /// word (lower case) -> contractions seen in the vendor files.
    pub(super) contractions: HashMap<String, Vec<&'static str>>,
    /// word (lower case) -> number of vendor names holding it.
    vendor_words: HashMap<String, usize>,
}

/// A word occurring in at least this many real vendor names is common, not
/// distinctive.
pub const COMMON: usize = 25;

impl Context {
    /// Built from the real vendor names: contractions are used only if seen there.
    pub fn new(vendors: &[super::vendors::VendorName]) -> Context {
        let mut vendor_words: HashMap<String, usize> = HashMap::new();
        for v in vendors {
            let mut seen: Vec<String> = v
                .name
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            seen.sort();
            seen.dedup();
            for w in seen {
                *vendor_words.entry(w).or_default() += 1;
            }
        }
        let mut contractions: HashMap<String, Vec<&'static str>> = HashMap::new();
        for (c, full) in CONTRACTIONS {
            if vendor_words.get(&c.to_lowercase()).copied().unwrap_or(0) == 0 {
                continue;
            }
            for w in *full {
                contractions.entry(w.to_lowercase()).or_default().push(c);
            }
        }
        Context {
            contractions,
            vendor_words,
        }
    }

    /// Whether `w` is a distinctive word: not a legal form, place,
    /// organisation word or connective, not a number, and in fewer than
    /// [`COMMON`] real vendor names.
    pub fn distinctive(&self, w: &str) -> bool {
        let k = words::key(w);
        !k.is_empty()
            && !k.chars().all(|c| c.is_ascii_digit())
            && !ordinal(&k)
            && !words::is_place(&k)
            && !words::is_org_word(&k)
            && !legal_word(&k)
            && self.vendor_words.get(&k).copied().unwrap_or(0) < COMMON
    }

    /// Whether the name has no distinctive word (a name like "China
    /// Electronics Technology Group Corporation").
    pub fn without_distinctive(&self, name: &str) -> bool {
        let ws = parse(name);
        ws.iter()
            .any(|w| !w.legal && !words::key(&w.text).is_empty())
            && !ws
                .iter()
                .filter(|w| !w.legal)
                .flat_map(|w| w.text.split(['-', '/']))
                .any(|w| self.distinctive(w))
    }
}

fn ordinal(k: &str) -> bool {
    let digits = k.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&k[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// Whether `k` (a key) is a word of some legal form.
pub fn legal_word(k: &str) -> bool {
    LEGAL_FORMS
        .iter()
        .flat_map(|c| c.iter())
        .flat_map(|f| f.split_whitespace())
        .any(|w| words::key(w) == k)
}

#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) text: String,
    /// Part of the legal form (class index).
    pub(super) legal: bool,
    /// Already changed by an earlier kind.
    pub(super) touched: bool,
}

/// Where a name's legal form is: (class, first word, word count).
pub(super) fn legal_span(ws: &[Word]) -> Option<(usize, usize, usize)> {
    let keys: Vec<String> = ws.iter().map(|w| words::key(&w.text)).collect();
    let mut best: Option<(usize, usize, usize)> = None;
    for (ci, class) in LEGAL_FORMS.iter().enumerate() {
        for form in *class {
            let fk: Vec<String> = form.split_whitespace().map(words::key).collect();
            let n = fk.len();
            if n >= keys.len() {
                continue;
            }
            let at_end = keys[keys.len() - n..] == fk[..];
            let at_start = keys[..n] == fk[..];
            for (hit, start) in [(at_end, keys.len() - n), (at_start, 0)] {
                if hit && best.is_none_or(|b| n > b.2) {
                    best = Some((ci, start, n));
                }
            }
        }
    }
    best
}

fn parse(name: &str) -> Vec<Word> {
    let mut ws: Vec<Word> = name
        .split_whitespace()
        .map(|w| Word {
            text: w.to_string(),
            legal: false,
            touched: false,
        })
        .collect();
    if let Some((_, start, n)) = legal_span(&ws) {
        for w in &mut ws[start..start + n] {
            w.legal = true;
        }
    }
    ws
}

pub(super) fn render(ws: &[Word]) -> String {
    ws.iter()
        .map(|w| w.text.as_str())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn upper_name(ws: &[Word]) -> bool {
    !ws.iter().any(|w| w.text.chars().any(char::is_lowercase))
}

/// `text` in the case style of the name (upper-case names stay upper case).
pub(super) fn styled(text: &str, upper: bool) -> String {
    if upper {
        text.to_uppercase()
    } else {
        text.to_string()
    }
}

/// Indices of words a kind may change: not legal, not yet changed, letters only.
pub(super) fn free_words(ws: &[Word], min_len: usize) -> Vec<usize> {
    (0..ws.len())
        .filter(|&i| {
            let w = &ws[i];
            !w.legal
                && !w.touched
                && w.text.chars().count() >= min_len
                && w.text.chars().all(char::is_alphabetic)
        })
        .collect()
}

/// The name with `kinds` applied (in [`Kind::ALL`] order), or `None` when
/// one of them does not apply to it or nothing changed.
pub fn apply(name: &str, kinds: &[Kind], rng: &mut Rng, cx: &Context) -> Option<String> {
    let mut ws = parse(name);
    let mut kinds = kinds.to_vec();
    kinds.sort();
    kinds.dedup();
    for k in Kind::ALL {
        if kinds.contains(&k) && !one(&mut ws, k, rng, cx) {
            return None;
        }
    }
    let out = render(&ws);
    (!out.trim().is_empty() && out != name.split_whitespace().collect::<Vec<_>>().join(" "))
        .then_some(out)
}

/// Applies one kind ([`super::kinds`]); `false` when it does not apply.
fn one(ws: &mut Vec<Word>, kind: Kind, rng: &mut Rng, cx: &Context) -> bool {
    use super::kinds;
    let upper = upper_name(ws);
    match kind {
        Kind::LegalSwapped => kinds::legal_swapped(ws, rng, upper),
        Kind::LegalDropped => kinds::legal_dropped(ws),
        Kind::LegalAdded => kinds::legal_added(ws, rng, upper),
        Kind::Contraction => kinds::contraction(ws, rng, cx),
        Kind::Typo => kinds::typo_in_a_word(ws, rng, false),
        Kind::TypoFirst => kinds::typo_in_a_word(ws, rng, true),
        Kind::Split => kinds::split(ws, rng),
        Kind::Merge => kinds::merge(ws, rng),
        Kind::Order => kinds::order(ws),
        Kind::GenericDropped => kinds::generic_dropped(ws, rng, cx),
        Kind::Qualifier => kinds::qualifier(ws, rng, upper),
        Kind::Punctuation => kinds::punctuation(ws),
        Kind::Case => kinds::case(ws, upper),
        Kind::Lookalike | Kind::LookalikeWord | Kind::Digits | Kind::Spaced => {
            kinds::evasion(ws, kind, rng, cx)
        }
        Kind::FullWidth => kinds::full_width(ws),
    }
}

/// The words of the place of two words ("Hong Kong") that word `i` is part
/// of, else `i` alone: a vendor moves or drops such a place whole.
pub(super) fn place_unit(ws: &[Word], i: usize) -> std::ops::Range<usize> {
    let phrase =
        |a: usize| a + 1 < ws.len() && words::is_place_phrase(&ws[a].text, &ws[a + 1].text);
    if i > 0 && phrase(i - 1) {
        i - 1..i + 1
    } else if phrase(i) {
        i..i + 2
    } else {
        i..i + 1
    }
}

/// Drops connectives left at either end of the name's words, legal form
/// aside ("Center for X" less "Center" is "X", not "for X").
pub(super) fn trim_connectives(ws: &mut Vec<Word>) {
    let stop = |w: &Word| !w.legal && words::STOP_WORDS.contains(&words::key(&w.text).as_str());
    while ws.first().is_some_and(stop) {
        ws.remove(0);
    }
    let end = ws.iter().rposition(|w| !w.legal).map_or(0, |i| i + 1);
    let mut k = end;
    while k > 0 && stop(&ws[k - 1]) {
        k -= 1;
    }
    ws.drain(k..end);
}

/// Whole-word changes that make a name without a distinctive word another
/// name ("China Technology Group Corporation" is not CETC): one
/// organisation or place word dropped, or swapped for another.
pub fn other_name(name: &str, rng: &mut Rng) -> Option<String> {
    let mut ws = parse(name);
    let options: Vec<usize> = (0..ws.len())
        .filter(|&i| {
            let k = words::key(&ws[i].text);
            !ws[i].legal
                && !legal_word(&k)
                && !matches!(k.as_str(), "group" | "holding" | "holdings")
                && (words::ORG_WORDS.contains(&k.as_str()) || words::is_place(&k))
        })
        .collect();
    let content = ws
        .iter()
        .filter(|w| !w.legal && !words::STOP_WORDS.contains(&words::key(&w.text).as_str()))
        .count();
    let &i = rng.pick(&options)?;
    let unit = place_unit(&ws, i);
    if rng.below(2) == 0 && content >= 2 + unit.len() {
        ws.drain(unit);
        trim_connectives(&mut ws);
    } else {
        let k = words::key(&ws[i].text);
        let swaps = [
            "Technology",
            "Electronics",
            "Industry",
            "Science",
            "Energy",
            "Machinery",
            "Trading",
            "Shipping",
            "Aviation",
            "Materials",
            "Chemical",
            "Information",
        ];
        let options: Vec<&str> = swaps
            .iter()
            .copied()
            .filter(|s| words::key(s) != k && !name.to_lowercase().contains(&s.to_lowercase()))
            .collect();
        let s = rng.pick(&options)?;
        ws[i].text = styled(s, upper_name(&ws));
    }
    Some(render(&ws))
}
