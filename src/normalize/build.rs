//! Building the normaliser's lookup tables, once: legal forms from the
//! embedded table (with their run-together and shortened spellings),
//! places and their adjectives, Chinese words, abbreviations and
//! look-alike letters.

use super::chars::RawToken;
use super::phrases::PhraseTable;
use super::tables::{
    ABBREVIATIONS, CONFUSABLES, COUNTRIES, DEMONYMS, HAN_WORDS, HanKind, LEGAL_ANYWHERE,
    LEGAL_FORMS_TSV, LEGAL_SYNONYMS, PLACE_SYNONYMS, PLACES, TRANSLATIONS,
};
use super::{Normalizer, TokenKind, glued, is_han, tag};
use std::collections::{HashMap, HashSet};

impl Normalizer {
    /// Builds the tables.
    pub(super) fn build() -> Normalizer {
        let mut n = Normalizer {
            legal: PhraseTable::default(),
            legal_run_together: HashMap::new(),
            legal_words: HashSet::new(),
            legal_pairs: HashSet::new(),
            glue_edges: glued::GlueEdges::default(),
            places: PhraseTable::default(),
            generic: tag::generic_table(),
            abbreviations: ABBREVIATIONS.iter().chain(TRANSLATIONS).copied().collect(),
            confusables: CONFUSABLES.iter().copied().collect(),
            han: HashMap::new(),
            han_max: 0,
        };
        let synonyms: HashMap<&str, &str> = PLACE_SYNONYMS
            .iter()
            .flat_map(|(c, spellings)| spellings.iter().map(move |s| (*s, *c)))
            .collect();
        for place in COUNTRIES.iter().chain(PLACES) {
            let compare = synonyms
                .get(place)
                .map_or_else(|| place.replace(' ', ""), |c| (*c).to_string());
            // A place of several words reads as itself run together too:
            // its compare form ("caymanislands") normalises to itself.
            if place.contains(' ') && !compare.contains(' ') {
                n.places
                    .insert(vec![compare.clone()], compare.clone(), false);
            }
            n.places.insert(
                place.split(' ').map(str::to_string).collect(),
                compare,
                false,
            );
        }
        for &(country, adjectives) in DEMONYMS {
            for adjective in adjectives {
                n.places
                    .insert(vec![(*adjective).to_string()], country.to_string(), false);
            }
        }
        // Before the legal-form table: its Chinese spellings all read "co",
        // where the Chinese words say "co ltd" and "group co ltd".
        n.build_han();
        n.build_legal_forms();
        n.glue_edges = n.build_glue_edges();
        n
    }

    /// The Chinese words, once the places are known: a place reads as the
    /// one token its English name gives ("香港" as "Hong Kong", `hongkong`;
    /// "美国" as "USA", `us`).
    fn build_han(&mut self) {
        for &(han, compare, kind) in HAN_WORDS {
            let words: Vec<String> = compare.split(' ').map(str::to_string).collect();
            let (words, kind) = match kind {
                HanKind::Legal => (words, Some(TokenKind::LegalForm)),
                HanKind::Generic => (words, Some(TokenKind::Generic)),
                HanKind::Word => (words, None),
                HanKind::Place => {
                    let raw: Vec<RawToken> = words
                        .iter()
                        .map(|w| RawToken::new(w.clone(), 0..0))
                        .collect();
                    let place = match self.places.longest_at(&raw, 0) {
                        Some((len, c)) if len == raw.len() => vec![c.to_string()],
                        _ => words,
                    };
                    (place, Some(TokenKind::Place))
                }
            };
            self.insert_han(han, words, kind);
        }
    }

    /// The legal-form phrases of the embedded table, each with its compare
    /// form (its words run together, synonyms made one).
    fn build_legal_forms(&mut self) {
        let synonyms: HashMap<&str, &str> = LEGAL_SYNONYMS.iter().copied().collect();
        let mut shortened = Vec::new();
        let mut latin_words = HashSet::new();
        let mut transliterated = Vec::new();
        // First: the table's own spellings of these words ("cía") are then
        // the same phrase, found anywhere.
        for &(word, compare) in LEGAL_ANYWHERE {
            self.legal_words.insert(word.to_string());
            self.add_legal_phrase(vec![word.to_string()], compare.to_string(), false);
        }
        for line in LEGAL_FORMS_TSV.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((compare, alias)) = line.split_once('\t') else {
                continue;
            };
            if alias.chars().any(is_han) {
                if alias.chars().all(is_han) {
                    self.insert_han(alias, vec!["co".to_string()], Some(TokenKind::LegalForm));
                }
                continue;
            }
            let words: Vec<String> = self
                .raw_tokens(alias, None)
                .into_iter()
                .map(|t| t.text)
                .collect();
            if words.is_empty() || words.iter().any(|w| w.bytes().any(|c| c.is_ascii_digit())) {
                continue;
            }
            let compare: String = self
                .raw_tokens(compare, None)
                .into_iter()
                .map(|t| t.text)
                .collect();
            let compare = if compare.is_empty() {
                words.concat()
            } else {
                compare
            };
            let compare = synonyms
                .get(compare.as_str())
                .map_or(compare.clone(), |c| (*c).to_string());
            let run_together = words.concat();
            if words.len() > 1 && run_together.len() >= 4 {
                self.legal_run_together
                    .entry(run_together)
                    .or_insert_with(|| compare.clone());
            }
            // Latin letters with diacritics (not other scripts): such a
            // form is found only ending a name when, without them, it may
            // be a word or initials of a name ("MTÜ" is not "MTU Aero
            // Engines"; "A.ö.R."). A form of several words, one of four
            // letters or more, is no name's words ("Anonim Şirketi",
            // "Društvo s ograničenom odgovornošću"): a vendor writes it
            // anywhere, or misspelt, as the forms without diacritics.
            let diacritics = alias
                .chars()
                .any(|c| ('\u{00C0}'..='\u{024F}').contains(&c))
                && (words.len() == 1 || words.iter().all(|w| w.len() <= 3));
            self.legal_words.extend(words.iter().cloned());
            if let [word] = &words[..] {
                let latin = alias.chars().all(|c| c <= '\u{024F}');
                let cyrillic = alias
                    .chars()
                    .any(|c| ('\u{0400}'..='\u{052F}').contains(&c));
                if latin {
                    latin_words.insert(word.clone());
                } else if !cyrillic && word.len() <= MAX_TRANSLITERATED_END_ONLY {
                    transliterated.push((words, compare));
                    continue;
                }
            }
            let short = shortened_words(&words);
            let mixed: Vec<Vec<String>> = std::iter::once(&words)
                .chain(&short)
                .filter_map(|w| russian_qualifier(w))
                .collect();
            for variant in short.into_iter().chain(mixed) {
                shortened.push((variant, compare.clone(), diacritics));
            }
            self.add_legal_phrase(words, compare, diacritics);
        }
        // A short form written only in a script other than Latin or
        // Cyrillic reads, transliterated, as a syllable of a Latin name
        // (Korean "(유)", "㈜": "Hong Yu Trading", "Ju Feng Trading"): only
        // at the end of a name, unless the table writes it in Latin letters
        // too. Lists write Cyrillic forms in Latin letters ("VTB BANKA AD
        // BEOGRAD", "OOO VO TPE", "SVIAZ-BANK AKB PAO"): they stay where
        // they are, though some are syllables too ("НУО": "Jin Xin Nuo").
        for (words, compare) in transliterated {
            let end_only = !latin_words.contains(&words[0]);
            self.add_legal_phrase(words, compare, end_only);
        }
        // After the table's own phrases, which win where they spell one.
        for (words, compare, diacritics) in shortened {
            self.add_legal_phrase(words, compare, diacritics);
        }
    }

    /// One legal-form phrase, with its pairs of adjacent words; `end_only`:
    /// found only ending a name.
    fn add_legal_phrase(&mut self, words: Vec<String>, compare: String, end_only: bool) {
        self.legal_pairs
            .extend(words.windows(2).map(|w| format!("{} {}", w[0], w[1])));
        self.legal.insert(words, compare, end_only);
    }

    /// One Chinese word and the words it reads as; `kind` `None`: English
    /// words the Latin tables read as written in Latin letters.
    fn insert_han(&mut self, han: &str, compare: Vec<String>, kind: Option<TokenKind>) {
        self.han_max = self.han_max.max(han.chars().count());
        self.han.entry(han.to_string()).or_insert((compare, kind));
    }
}

/// Longest legal form, in letters, of one word written only in a script
/// other than Latin or Cyrillic that is read only at the end of a name
/// ([`Normalizer`]'s legal forms): three letters transliterated make
/// syllables of Latin names ("Yu", "Ju"); longer ones do not.
const MAX_TRANSLITERATED_END_ONLY: usize = 3;

/// The Russian words for how a joint-stock company's shares are held,
/// as the lists transliterate them, and the English words they translate.
const RUSSIAN_QUALIFIERS: &[(&str, &str)] = &[
    ("public", "publichnoe"),
    ("open", "otkrytoe"),
    ("closed", "zakrytoe"),
];

/// An English legal-form phrase of three words or more opening with how
/// its shares are held, that word written in Russian as the lists do:
/// "PUBLICHNOYE JOINT-STOCK COMPANY BM BANK" (an alias of BM BANK PUBLIC
/// JOINT STOCK COMPANY in the non-SDN file), "PUBLICHNOYE JOINT-STOCK
/// COMPANY BANK VVB" (the 2021 SDN file), for the table's "Public
/// Joint-Stock Company". The table has these forms all in English or all
/// in Russian; the lists mix them. Inflected endings ("Publichnoye") are
/// one word with these as the phrase table compares them
/// ([`super::variant::transliteration_fold`]).
fn russian_qualifier(words: &[String]) -> Option<Vec<String>> {
    let (first, rest) = words.split_first()?;
    let russian = RUSSIAN_QUALIFIERS
        .iter()
        .find(|(english, _)| english == first)?
        .1;
    (rest.len() >= 2).then(|| {
        std::iter::once(russian.to_string())
            .chain(rest.iter().cloned())
            .collect()
    })
}

/// A legal-form phrase of three words or more with words vendors
/// abbreviate, written abbreviated: "Private Military Co" for the table's
/// "Private Military Company", "Ltd Liability Co" (as real vendor names
/// write it) for "Limited Liability Company", as "Co" is "Company" and
/// "Ltd" is "Limited" alone. Every choice of those words to abbreviate,
/// one or more.
fn shortened_words(words: &[String]) -> Vec<Vec<String>> {
    const SHORT: &[(&str, &str)] = &[
        ("company", "co"),
        ("corporation", "corp"),
        ("limited", "ltd"),
        ("incorporated", "inc"),
    ];
    if words.len() < 3 {
        return Vec::new();
    }
    let short = |w: &String| SHORT.iter().find(|(long, _)| long == w).map(|&(_, s)| s);
    let at: Vec<usize> = (0..words.len())
        .filter(|&i| short(&words[i]).is_some())
        .collect();
    (1u32..1 << at.len())
        .map(|mask| {
            let mut out = words.to_vec();
            for (bit, &i) in at.iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    if let Some(s) = short(&words[i]) {
                        out[i] = s.to_string();
                    }
                }
            }
            out
        })
        .collect()
}
