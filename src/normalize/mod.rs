//! Name normalisation: a fixed pipeline that turns a name into tagged tokens
//! and records every step that changed something, so an explanation can show it.
//!
//! The steps, in order:
//! 1. delete invisible format characters (zero-width spaces and joiners, BOM,
//!    soft hyphen, bidirectional marks) and C1 control characters (mojibake for
//!    lost apostrophes);
//! 2. NFKC (full-width letters, ligatures);
//! 3. fold look-alike letters of other scripts inside a word of Latin and
//!    look-alike letters (`Huаwei`, `НUАWЕІ` beside Latin words: recorded as a
//!    possible evasion); a name written in another script is left for step 5;
//! 4. strip diacritics;
//! 5. transliterate other scripts to Latin (Cyrillic, Greek, ...); Chinese
//!    characters are segmented first (legal forms such as `股份有限公司`,
//!    places and words found inside unspaced names, read as the English the
//!    companies' English names write for them: `中国移动通信` is "China
//!    Mobile Communications", each word tagged as written in Latin; places
//!    the tables know are read through their pinyin where a registered name
//!    puts them, first: `江西`, Jiangxi), the rest becomes pinyin;
//! 6. case fold; `&` becomes `and`; apostrophes join (`Xi'an` → `xian`);
//!    dotted initials join (`A.I.C.` → `aic`), and so do letters spelled out
//!    one by one (`H-i-k-v-i-s-i-o-n`), but for Spanish "y" between two
//!    initials (`A Y S` → `a and s`); other punctuation separates; numbers
//!    written as words, ordinals and Roman numerals become digits; in a
//!    vendor's name ([`Normalizer::normalize_query`]), first, a word no real
//!    company name has that is words run together with a legal form,
//!    "Group" or a leading organisation word is read as its words
//!    (`ARTEKSLIMITED` → `arteks limited`, `GroupHesai`, `TradingCNOOC`;
//!    see `glued`);
//! 7. tag tokens ([`tag`](self) sub-steps): legal forms (table derived from
//!    opensanctions/rigour, longest phrase wins, one token with its compare
//!    form: `Company Limited` and `Co., Ltd.` are both `coltd`), places (one
//!    token: `United States` is `us`), words like "Group" that weigh like
//!    legal forms, abbreviations expanded (`tech` → `technology`), unknown
//!    words that read as common ones with a look-alike read right
//!    (`lndustry`), unknown words one typo from an organisation word beside
//!    another word of the name (`Tradinng`), the name's own acronym in
//!    parentheses or before or after the rest of it (optional), and
//!    kinds: number, generic (an organisation word: in the table or common
//!    among real company names, see [`crate::background`]) or distinctive.
//!    Each token also gets its stem (organisation words) and its variant key
//!    ([`variant_key`]).
//!
//! Tokens are tagged, never deleted, and keep their byte span in the original.
//!
//! ```
//! use vendor_screen::normalize::{Normalizer, TokenKind};
//!
//! let n = Normalizer::new();
//! let name = n.normalize("HANGZHOU HIKVISION DIGITAL TECH CO LTD");
//! assert_eq!(name.text(), "hangzhou hikvision digital technology coltd");
//! let kinds: Vec<TokenKind> = name.tokens.iter().map(|t| t.kind).collect();
//! use TokenKind::*;
//! assert_eq!(kinds, [Place, Distinctive, Generic, Generic, LegalForm]);
//! assert_eq!(&name.original[name.tokens[1].span.clone()], "HIKVISION");
//! ```

mod acronyms;
mod build;
mod chars;
mod edgar;
pub(crate) use chars::lower_l_reads_as_i;
mod glued;
mod han;
mod legal;
mod numbers;
mod optional;
mod phrases;
mod replaced;
mod spelled;
mod tables;
mod tag;
mod variant;

pub(crate) use acronyms::built_from_beginnings;
pub(crate) use han::is_han;
pub(crate) use numbers::{is_ordinal, number_words, reads_as_number};
pub(crate) use replaced::{Trigger, look_alike_candidates};
pub(crate) use tables::{BODY_WORDS, BRANCH_QUALIFIERS, CONNECTIVES, FORM_WORDS};
pub(crate) use tag::is_organisation_word;
pub(crate) use variant::{consonant_bytes, consonant_key_into, is_vowel, variant_key_into};
pub use variant::{consonant_key, digits_as_letters, digits_as_letters_with_l, stem, variant_key};

use phrases::PhraseTable;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;
use tables::COUNTRIES;
use unicode_normalization::UnicodeNormalization;

/// What a token is, which decides how much it weighs in a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A legal form ("Co., Ltd.", "GmbH", "ООО", "股份有限公司") or a word
    /// like "Group" that says what kind of organisation it is: weighs almost
    /// nothing.
    LegalForm,
    /// A generic organisation word ("technology", "trading", "aviation").
    Generic,
    /// A place ("Hangzhou", "USA", "China").
    Place,
    /// A number (compared strictly).
    Number,
    /// Anything else: the words that say who the company is.
    Distinctive,
}

/// One token of a normalised name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Token {
    /// The compare form: lower-case ASCII letters and digits.
    pub text: String,
    /// What the token is.
    pub kind: TokenKind,
    /// Byte range of the token in the original text.
    pub span: Range<usize>,
    /// The compare form as written, when a step replaced it (`tech` for
    /// `technology`, `companylimited` for the legal form `coltd`): what
    /// split and merged words are joined from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unexpanded: Option<String>,
    /// The stem of an organisation word, when it differs (`technolog`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stem: Option<String>,
    /// The variant key, when it differs ([`variant_key`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The name's own acronym (or a number it has) in parentheses: leaving
    /// it out costs nothing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// A short first word the legal-form table reads as a form, kept a
    /// word of the name as likely its acronym ("PMC Resources"): that
    /// form's compare text, which pairs with the form in a listed name that
    /// has it ("PMC Wagner" / "PRIVATE MILITARY COMPANY 'WAGNER'").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_reading: Option<String>,
}

/// Whether a place's compare form is a country's ([`COUNTRIES`], written
/// with spaces there: "north korea" compares as "northkorea").
fn is_country(compare: &str) -> bool {
    COUNTRIES
        .iter()
        .any(|c| c.bytes().filter(|&b| b != b' ').eq(compare.bytes()))
}

impl Token {
    /// Whether the token is a country ("China", "Russian"), not a city or
    /// province.
    pub fn is_country(&self) -> bool {
        self.kind == TokenKind::Place && is_country(&self.text)
    }

    /// The compare form as written, before any abbreviation was expanded:
    /// what split and merged words are joined from.
    pub(crate) fn unexpanded_text(&self) -> &str {
        self.unexpanded.as_deref().unwrap_or(&self.text)
    }

    /// The variant key, or the compare form.
    pub(crate) fn key(&self) -> &str {
        self.variant.as_deref().unwrap_or(&self.text)
    }

    /// The stem, or the compare form.
    pub(crate) fn stem_text(&self) -> &str {
        self.stem.as_deref().unwrap_or(&self.text)
    }
}

/// What a normalisation step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// An invisible or control character was deleted.
    RemovedInvisible,
    /// NFKC changed a character (full-width, ligature).
    Nfkc,
    /// A look-alike letter (of another script, or a digit or lower-case L) was read as the letter it imitates.
    FoldedConfusable,
    /// A diacritic was stripped.
    StrippedDiacritic,
    /// A word of another script was transliterated.
    Transliterated,
    /// An unspaced Chinese name was segmented.
    Segmented,
    /// Dotted initials were joined.
    JoinedInitials,
    /// Letters spelled out one by one were joined (or, "A Y S", two
    /// initials read with Spanish "y" as "and").
    JoinedLetters,
    /// Words run together with a legal form, "Group" or a leading
    /// organisation word were read apart (`ARTEKSLIMITED` → `arteks
    /// limited`).
    SplitWords,
    /// A number written as a word, an ordinal or a Roman numeral was read.
    Number,
    /// A legal form (or a word like "Group") was recognised: it weighs little.
    LegalForm,
    /// An abbreviation was expanded, or a transliterated Russian or Persian
    /// organisation word read as the English one.
    Expanded,
    /// An unknown word one typo from an organisation word was read as that
    /// word (`Tradinng` → `trading`).
    Misspelt,
    /// A word in parentheses was found optional.
    Optional,
}

/// One recorded step, with a readable detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// What kind of step.
    pub kind: StepKind,
    /// What it did, e.g. `folded Cyrillic 'а' to 'a' in 'Huаwei'`.
    pub detail: String,
}

/// A normalised name: the original, its tokens and the steps that changed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Normalized {
    /// The name as written.
    pub original: String,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Steps that changed something, in pipeline order.
    pub steps: Vec<Step>,
}

impl Normalized {
    /// The compare forms of all tokens, joined by single spaces.
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// assert_eq!(n.normalize("Ｈｕａｗｅｉ  Technologies Co., Ltd.").text(), "huawei technologies coltd");
    /// ```
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut prev_end: Option<usize> = None;
        for t in &self.tokens {
            if let Some(end) = prev_end {
                // A hyphen joining two words is kept ("yk-atc"): it decides
                // whether a short word is a legal form or part of a code, so
                // the compare text normalises to itself.
                let gap = self.original.get(end..t.span.start).unwrap_or(" ");
                let gap: String = gap
                    .chars()
                    .filter(|&c| !chars::is_invisible(c))
                    .nfkc()
                    .collect();
                out.push(if gap == "-" { '-' } else { ' ' });
            }
            out.push_str(&t.text);
            prev_end = Some(t.span.end);
        }
        out
    }

    /// Whether any token is distinctive (a name of legal forms and generic
    /// words only has none).
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// assert!(!n.normalize("China Technology Group Co., Ltd.").has_distinctive());
    /// assert!(n.normalize("Hytera Communications").has_distinctive());
    /// ```
    pub fn has_distinctive(&self) -> bool {
        self.tokens
            .iter()
            .any(|t| matches!(t.kind, TokenKind::Distinctive | TokenKind::Number))
    }

    /// Whether the name writes its distinctive word `j` as written, with a
    /// period after it and a space, a comma or the name's end next: an
    /// abbreviation ("Man. Co", "Nat."), not the initials of "S.A.R.L.".
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// let name = n.normalize("Fuhua Precision Man. Co");
    /// assert!(name.abbreviated(2));
    /// assert!(!name.abbreviated(1));
    /// ```
    pub fn abbreviated(&self, j: usize) -> bool {
        let Some(t) = self.tokens.get(j) else {
            return false;
        };
        let mut after = self.original.get(t.span.end..).unwrap_or("").chars();
        t.kind == TokenKind::Distinctive
            && t.span.len() == t.unexpanded_text().len()
            && after.next() == Some('.')
            && after.next().is_none_or(|c| c.is_whitespace() || c == ',')
    }
}

/// The normaliser: its tables are built once (parsing the embedded legal-form
/// table) and then used for every name. It does no I/O.
///
/// ```
/// let n = vendor_screen::normalize::Normalizer::new();
/// let name = n.normalize("Hu\u{0430}wei\u{200B} Technologies");
/// assert_eq!(name.text(), "huawei technologies");
/// assert!(name.steps.iter().any(|s| s.detail.contains("Cyrillic")));
/// assert!(name.steps.iter().any(|s| s.detail.contains("zero-width space")));
/// ```
#[derive(Debug, Clone)]
pub struct Normalizer {
    legal: PhraseTable,
    /// Legal forms of several words by their letters run together
    /// (`coltd`, `sadecv`), with their compare form.
    legal_run_together: HashMap<String, String>,
    /// Every word of a legal form (`limited`, `obschestvo`).
    legal_words: HashSet<String>,
    /// Every two adjacent words of a legal form, joined by a space.
    legal_pairs: HashSet<String>,
    /// The first and the last three letters of the words that may split a
    /// vendor's word run together with them (see `glued`): a word that
    /// begins and ends otherwise is looked at no further.
    glue_edges: glued::GlueEdges,
    places: PhraseTable,
    generic: HashSet<&'static str>,
    abbreviations: HashMap<&'static str, &'static str>,
    confusables: HashMap<char, char>,
    han: HashMap<String, (Vec<String>, Option<TokenKind>)>,
    han_max: usize,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

impl Normalizer {
    /// The normaliser: its tables are built on first use (parsing the legal
    /// forms takes about 8 ms) and copied after (about 0.4 ms).
    pub fn new() -> Normalizer {
        static TABLES: OnceLock<Normalizer> = OnceLock::new();
        TABLES.get_or_init(Normalizer::build).clone()
    }

    /// Normalises a name.
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// let name = n.normalize("杭州海康威视数字技术股份有限公司");
    /// assert_eq!(name.text(), "hangzhou haikangweishi digital technology coltd");
    /// ```
    pub fn normalize(&self, text: &str) -> Normalized {
        self.normalize_as(text, false)
    }

    /// Normalises a vendor's name: as [`Normalizer::normalize`], and words
    /// run together with a legal form, "Group" or a leading organisation
    /// word are read apart (`ARTEKSLIMITED` → `arteks limited`,
    /// `TradingCNOOC` → `trading cnooc`). Listed names keep their words
    /// as the list writes them: a vendor's typo in a word the list runs
    /// together ("Antcoorp" for "Antcorp") still meets it whole.
    ///
    /// ```
    /// let n = vendor_screen::normalize::Normalizer::new();
    /// assert_eq!(n.normalize_query("Acme Widgetsltd").text(), "acme widgets ltd");
    /// assert_eq!(n.normalize("Acme Widgetsltd").text(), "acme widgetsltd");
    /// ```
    pub fn normalize_query(&self, text: &str) -> Normalized {
        self.normalize_as(text, true)
    }

    fn normalize_as(&self, text: &str, query: bool) -> Normalized {
        let mut steps = Steps::default();
        let raw = self.raw_tokens(text, Some(&mut steps));
        // Before numbers are read: a piece may be a number word ("Oneltd").
        let raw = if query {
            self.split_glued(text, raw, &mut steps)
        } else {
            raw
        };
        let raw = numbers::read_numbers(text, raw, &mut steps);
        let tokens = if raw.is_empty() {
            Vec::new()
        } else {
            self.tag(text, raw, &mut steps)
        };
        Normalized {
            original: text.to_string(),
            tokens,
            steps: steps.list,
        }
    }
}

/// Recorded steps, without repeating the same detail.
#[derive(Default)]
struct Steps {
    list: Vec<Step>,
    seen: HashSet<String>,
}

impl Steps {
    fn push(&mut self, kind: StepKind, detail: String) {
        if self.seen.insert(detail.clone()) {
            self.list.push(Step { kind, detail });
        }
    }

    /// Records the steps of a reading tried apart, once it is taken.
    fn append(&mut self, other: Steps) {
        for s in other.list {
            self.push(s.kind, s.detail);
        }
    }
}

#[cfg(test)]
mod tests;
