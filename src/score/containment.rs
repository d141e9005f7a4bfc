//! Members of a listed group: a vendor whose name is the core of a listed
//! organisation's name (its distinctive words; for a name without one, its
//! words less legal forms and words like "Group") with words of its own
//! around it: `Huawei Marine Networks` (Huawei Technologies), `China Mobile
//! Online Services` (China Mobile Limited), `CRRC Zhuzhou Locomotive` (CRRC
//! Corporation). Lists such as §889 and the FCC Covered List reach the
//! subsidiaries and affiliates such names often belong to, so the screener
//! reports them for review, with the core named. A place counts as a word
//! of the vendor's own only where the names do not already score as the
//! listed company's branch: "Hikvision USA" is Hikvision, "Sistema Asia" a
//! company of Sistema Public Joint Stock Financial Corporation's group.
//!
//! A vendor's name that is the core alone is one too: the group's own name
//! or the listed company's without its other words ("HALEEL LTD" for
//! HALEEL COMMODITIES L.L.C., "BAHMAN GROUP" for BAHMAN DIESEL CO.,
//! "TOCHMASH" for JOINT STOCK COMPANY VLADIMIR PRODUCTION AMALGAMATION
//! TOCHMASH), which scores low as a name for the words it leaves out.
//! Against a listed name that is the core alone (the alias "Hikvision")
//! it leaves nothing out: it is that name, and scores as one ("Hikv1sion",
//! a digit for a letter, is a match, not a possible member), as it does
//! with a place of its own ("Hikv1sion USA").
//!
//! How much it counts depends on how rare the core is among real company
//! names ([`crate::background::Background::phrase_rarity`]), as the listed
//! name writes it and as the vendor does: the score is `0.7 + 0.25 ×
//! rarity`, so a core no company name has ("Hikvision", "CRRC") scores 0.95
//! and a word found in a few company names ("Panda", "Wagner", "Antares")
//! stays below the default threshold. A core of one ordinary Spanish,
//! Portuguese or French word ("Cristal", "Estrella"), which the American
//! company names the rarity comes from lack, counts as an ordinary English
//! word unless the list vouches for it as the group's brand
//! ([`Containment::ordinary_word`]).

use super::words::PairKind;
use super::{Leftover, Pair, Prepared, Side};
use crate::background::Background;
use crate::normalize::{CONNECTIVES, TokenKind};
use serde::{Deserialize, Serialize};

/// Score of a containment: base and span over the core's rarity.
pub(crate) const CONTAINMENT_BASE: f64 = 0.7;
pub(crate) const CONTAINMENT_SPAN: f64 = 0.25;
/// Fewest letters of a core (a short acronym inside a name is no evidence)...
pub(crate) const MIN_CORE_LETTERS: usize = 4;
/// ...unless the entity's other names repeat it: the brand the group goes
/// by ("VTB" of VTB Bank PJSC and Bank VTB OAO).
pub(crate) const MIN_REPEATED_CORE_LETTERS: usize = 3;

/// A vendor's name containing the core of a listed organisation's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Containment {
    /// The core of the listed name, as written there.
    pub core: String,
    /// The vendor's own words around it, as written; none when the
    /// vendor's name is the core alone ("HALEEL LTD" for HALEEL
    /// COMMODITIES L.L.C.): the group's own name, or the listed company's
    /// name without its other words.
    pub extra: Vec<String>,
    /// How rare the core is among real company names, in [0, 1].
    pub rarity: f64,
    /// The score it gives.
    pub score: f64,
    /// How many members the lists name for the entity carry the core, when
    /// that is why a short core counts ([`super::Core::members_carrying`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub members_carrying: usize,
    /// Whether the core is one ordinary word of another language that
    /// nothing else vouches for as a brand, so it counts as an ordinary
    /// English word would, however rare the vendor table finds it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ordinary_word: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Pairs that say the vendor's name has the core's word: the same word, its
/// inflection, digits written for its letters, or the same letters split or
/// merged. A typo or another spelling is not enough: a misspelt listed word
/// looks rare ("Electonics"), and a transliteration of a common word is
/// common ("Kristall").
fn strong(p: &Pair) -> bool {
    match p.kind {
        PairKind::Exact | PairKind::Inflection | PairKind::Variant { digits: true } => true,
        PairKind::Merged => p.similarity >= 1.0,
        _ => false,
    }
}

/// Whether a pair merges a function word of the vendor's name into a word
/// of the core ("In And Out Transmission" holds no "Inand", "Knowledge as
/// a Service" no "Aservice", "Law Firm A" no "Firma"): words written apart
/// that a connective joins are two words, and glued they make a word no
/// company name has, which would count as the rarest of cores.
fn glues_a_connective(q: &Prepared, p: &Pair) -> bool {
    p.kind == PairKind::Merged
        && p.query
            .iter()
            .any(|&i| CONNECTIVES.contains(&q.name.tokens[i].text.as_str()))
}

/// The highest score a containment of one of `l`'s cores could give, if
/// every core word has a candidate pair.
pub(crate) fn bound(l: &Prepared, paired: impl Fn(usize) -> bool) -> f64 {
    l.cores()
        .filter(|c| long_enough(c) && c.tokens.iter().all(|&j| paired(j)))
        .map(|c| CONTAINMENT_BASE + CONTAINMENT_SPAN * c.rarity)
        .fold(0.0, f64::max)
}

/// Whether a core is long enough to name a group: four letters, or three
/// when the entity's other names repeat it or the list names the entity as
/// a group (then only leading the vendor's name).
fn long_enough(c: &super::Core) -> bool {
    c.letters >= MIN_CORE_LETTERS
        || ((c.repeated || c.named_group || c.members_carrying > 0)
            && c.letters >= MIN_REPEATED_CORE_LETTERS)
}

/// Whether the core must lead the vendor's name: a bare primary name
/// ([`super::Core::leading`]), or a short core counted only because the
/// list names its entity as a group.
fn must_lead(c: &super::Core) -> bool {
    c.leading
        || (c.named_group && !c.repeated && c.members_carrying == 0 && c.letters < MIN_CORE_LETTERS)
}

/// The highest score a containment of one of `l`'s cores could give once
/// the names are aligned: its core paired as [`check`] requires, whatever
/// the vendor's other words (0 when it is not).
pub(crate) fn reach(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> f64 {
    l.cores()
        .filter(|c| long_enough(c) && core_span(q, c, pairs).is_some())
        .map(|c| CONTAINMENT_BASE + CONTAINMENT_SPAN * c.rarity)
        .fold(0.0, f64::max)
}

/// Where the core is in the vendor's name, first and last token: every
/// core word paired strongly, in the core's order, next to each other in
/// the vendor's name (legal forms aside): "China United
/// Telecommunications" does not contain "China Telecom".
fn core_span(q: &Prepared, core: &super::Core, pairs: &[Pair]) -> Option<(usize, usize)> {
    let mut last: Option<usize> = None;
    let mut first_core = None;
    for &j in &core.tokens {
        let p = pairs
            .iter()
            .find(|p| p.listed.contains(&j) && strong(p) && !glues_a_connective(q, p))?;
        let (first, end) = (*p.query.first()?, *p.query.last()?);
        if let Some(prev) = last {
            let between = q.name.tokens.get(prev + 1..first)?;
            if between.iter().any(|t| t.kind != TokenKind::LegalForm) {
                return None;
            }
        }
        first_core.get_or_insert(first);
        last = Some(end);
    }
    Some((first_core?, last?))
}

/// Whether the vendor's name begins at token `first` (places, legal forms,
/// a branch's qualifiers and optional words before it aside), as a core
/// marked [`super::Core::leading`] must: a group's companies named after a
/// bare name lead with it ("URALVAGONZAVOD TRADING", "GLOBAL MODABER", as
/// "MODABER GLOBAL"); a bare name inside another name is a word of that
/// name ("AIR GATO ENTERPRISES").
fn leads(q: &Prepared, first: usize) -> bool {
    q.name.tokens[..first].iter().all(|t| {
        t.optional
            || matches!(t.kind, TokenKind::LegalForm | TokenKind::Place)
            || super::evidence::is_branch_qualifier(t)
    })
}

/// Whether the aligned names are a containment of one of `l`'s cores in
/// `q`: the one that scores highest. `name_score` is what the names score
/// as names: a vendor's name that is a core and a place is a containment
/// only where it scores higher.
pub(crate) fn check(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &[Leftover],
    name_score: f64,
) -> Option<Containment> {
    let best = l
        .cores()
        .filter_map(|c| check_core(q, l, c, pairs, leftovers, name_score))
        .max_by(|a, b| a.score.total_cmp(&b.score))?;
    // Read only where a core is contained, not for every candidate.
    (!person_shaped(q)).then_some(best)
}

/// Whether the vendor's name is a person's, as vendor masters file one: a
/// surname, a comma (FPDS writes it as two spaces) and a given name,
/// distinctive words, with a middle initial or not ("GOETZ, CHRISTINA
/// M.", "KRON  GLORIA"); the surname may open with a particle ("DU BOIS,
/// CATHARINE", "VAN DYKE  JOHN"); or a given name, a middle initial and a
/// surname ("MICHAEL S BOLAND", "SHARON R. SHAHID"). A person is no member
/// of a group, whatever word of a group's name the surname is.
fn person_shaped(q: &Prepared) -> bool {
    let text = q.name.original.trim();
    let Some((surname, given)) = text.split_once(", ").or_else(|| text.split_once("  ")) else {
        return initial_between_names(q);
    };
    let word = name_word;
    let surname: Vec<&str> = surname.split_whitespace().collect();
    let particle = match surname.as_slice() {
        [one] if word(one) => false,
        [first, last]
            if word(last) && SURNAME_PARTICLES.contains(&first.to_lowercase().as_str()) =>
        {
            true
        }
        _ => return false,
    };
    let given: Vec<&str> = given.split_whitespace().collect();
    if !matches!(given.len(), 1 | 2) || !given.iter().all(|w| word(w.trim_end_matches('.'))) {
        return false;
    }
    // The words past the particle: the surname and given name, then a
    // middle initial, a letter of its own whatever its kind.
    let toks: Vec<_> = q.name.tokens.iter().filter(|t| !t.optional).collect();
    let toks = &toks[usize::from(particle).min(toks.len())..];
    let named = |(k, t): (usize, &&crate::normalize::Token)| {
        t.kind == TokenKind::Distinctive || (k == 2 && t.text.len() == 1)
    };
    (2..=3).contains(&toks.len()) && toks.iter().enumerate().all(named)
}

/// Whether the vendor's name is a given name, a middle initial and a
/// surname, as written first name first ("MARKUS A HEALEY", "SHARON R.
/// SHAHID"): three words, the middle one a single letter, the others
/// words of letters, neither a legal form, a place, a number nor an
/// organisation word ("Michael" is common among company names, not an
/// organisation word). A company's name rarely puts a letter of its own
/// between two names, and one with an organisation word ("ALI M TRADING")
/// is not read so.
fn initial_between_names(q: &Prepared) -> bool {
    let words: Vec<&str> = q.name.original.split_whitespace().collect();
    let [first, middle, last] = words.as_slice() else {
        return false;
    };
    let middle = middle.trim_end_matches('.');
    let toks: Vec<_> = q.name.tokens.iter().filter(|t| !t.optional).collect();
    let name = |t: &crate::normalize::Token| {
        matches!(t.kind, TokenKind::Distinctive | TokenKind::Generic)
            && !crate::normalize::is_organisation_word(&t.text)
    };
    middle.chars().count() == 1
        && middle.chars().all(char::is_alphabetic)
        && name_word(first)
        && name_word(last)
        && toks.len() == 3
        && name(toks[0])
        && name(toks[2])
}

/// Whether a written word can be a word of a person's name: letters, a
/// hyphen or an apostrophe ("O'NEIL", "JEAN-PIERRE").
fn name_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Words a surname may open with ("Du Bois", "Van Dyke", "De La Rosa" is
/// one particle too many).
const SURNAME_PARTICLES: &[&str] = &[
    "de", "du", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "st", "mac",
    "mc", "ter", "ten", "dos", "das",
];

/// The most a core counts for when it is one ordinary word of Spanish,
/// Portuguese or French ([`Background::is_foreign_word`]: "Cristal",
/// "Estrella", "Maison") that nothing but its own listed name vouches for
/// as a group's brand (no other names repeating it, no member the lists
/// name carrying it, no list naming the entity as a group): the rarity of
/// an ordinary English word ([`crate::background::ENGLISH_WORD_DF`]). The
/// vendor table's American company names lack such words, yet they are as
/// common in company names as "Crystal" or "Star". `None` for any other
/// core.
fn ordinary_word_rarity(l: &Prepared, core: &super::Core) -> Option<f64> {
    let bg = Background::get();
    match core.tokens[..] {
        [j] if !(core.repeated || core.carried_by_member || core.named_group)
            && bg.is_foreign_word(l.name.tokens[j].unexpanded_text()) =>
        {
            Some(
                bg.specificity_of_df(crate::background::ENGLISH_WORD_DF)
                    .powi(4),
            )
        }
        _ => None,
    }
}

/// Whether the vendor's name, with no word of its own, is `core` alone:
/// the group's own name, or the listed name without its other words
/// ("HALEEL LTD", "BAHMAN GROUP", "TOCHMASH"): the vendor's words pair
/// with the core only, and leave nothing but legal forms. Where the core
/// stands in the listed name does not matter: a brand ends a name as often
/// as it opens one ("... PRODUCTION AMALGAMATION TOCHMASH").
fn names_the_core_alone(
    q: &Prepared,
    l: &Prepared,
    core: &super::Core,
    pairs: &[Pair],
    leftovers: &[Leftover],
) -> bool {
    only_legal_forms_left(q, leftovers) && pairs_only_core(l, core, pairs)
}

/// Whether the listed name is its core alone, legal forms aside (the
/// alias "Hikvision"): a vendor's name with no word of its own against it,
/// or with places only (a branch's), is that name, spelt as the vendor
/// spells it, and scores as a name does, however strongly its words pair
/// ("Hikv1sion", "Hikv1sion USA" are Hikvision written with a digit, a
/// match, not a possible member of its group).
fn is_core_alone(l: &Prepared, core: &super::Core) -> bool {
    l.name
        .tokens
        .iter()
        .enumerate()
        .all(|(j, t)| t.optional || t.kind == TokenKind::LegalForm || core.tokens.contains(&j))
}

/// Whether the vendor's words the alignment leaves unpaired are legal forms
/// and words like "Group" only: not a place, even one in parentheses
/// ("Bank of China (Hong Kong)" is no name of the core of "Bank of China
/// (Singapore)").
fn only_legal_forms_left(q: &Prepared, leftovers: &[Leftover]) -> bool {
    leftovers.iter().filter(|x| x.side == Side::Query).all(|x| {
        q.name
            .tokens
            .get(x.token)
            .is_some_and(|t| t.kind == TokenKind::LegalForm)
    })
}

/// Whether the vendor's words pair with the core's words and legal forms
/// only: "PETROCHINA" pairs with "PETRO CHINA" of "PETRO CHINA PARS CO.",
/// more than its core "PETRO", so it is no name of the core alone.
fn pairs_only_core(l: &Prepared, core: &super::Core, pairs: &[Pair]) -> bool {
    pairs.iter().all(|p| {
        p.listed.iter().all(|j| core.tokens.contains(j))
            || p.listed
                .iter()
                .all(|&j| l.name.tokens[j].kind == TokenKind::LegalForm)
    })
}

/// Whether the aligned names are a containment of `core`, one of `l`'s cores, in `q`.
fn check_core(
    q: &Prepared,
    l: &Prepared,
    core: &super::Core,
    pairs: &[Pair],
    leftovers: &[Leftover],
    name_score: f64,
) -> Option<Containment> {
    if !long_enough(core) {
        return None;
    }
    let (first_core, last_core) = core_span(q, core, pairs)?;
    if must_lead(core) && !leads(q, first_core) {
        return None;
    }
    // Words of its own. A place alone is one only where the name does not
    // already say the vendor is the listed company's branch ("Hikvision
    // USA"): a group's company abroad named with the group's core and a
    // place ("Sistema Asia" of Sistema Public Joint Stock Financial
    // Corporation), which the listed name's other words keep from scoring
    // as a name.
    let own = |x: &&Leftover, place: bool| {
        let Some(t) = q.name.tokens.get(x.token).filter(|_| x.side == Side::Query) else {
            return false;
        };
        !t.optional
            && match t.kind {
                TokenKind::Generic | TokenKind::Distinctive | TokenKind::Number => true,
                TokenKind::Place => place,
                TokenKind::LegalForm => false,
            }
    };
    let places_only = !leftovers.iter().any(|x| own(&x, false));
    let extra: Vec<String> = leftovers
        .iter()
        .filter(|x| own(x, places_only))
        .map(|x| q.name.original[q.name.tokens[x.token].span.clone()].to_string())
        .collect();
    let bare = extra.is_empty();
    if (bare || places_only) && is_core_alone(l, core) {
        return None;
    }
    if bare && !names_the_core_alone(q, l, core, pairs, leftovers) {
        return None;
    }
    let written: Vec<&str> = core
        .tokens
        .iter()
        .map(|&j| &l.name.original[l.name.tokens[j].span.clone()])
        .collect();
    // The core as the vendor writes it must be as rare: "Active" is not
    // "Aktiv", "Medical" not "Medic".
    let vendor_words: Vec<&str> = q.name.tokens[first_core..=last_core]
        .iter()
        .filter(|t| t.kind != TokenKind::LegalForm)
        .map(|t| t.unexpanded_text())
        .collect();
    let rarity = core
        .rarity
        .min(Background::get().phrase_rarity(&vendor_words));
    let ordinary = ordinary_word_rarity(l, core).filter(|&r| r < rarity);
    let rarity = ordinary.unwrap_or(rarity);
    let score = CONTAINMENT_BASE + CONTAINMENT_SPAN * rarity;
    if (places_only || bare) && name_score >= score {
        return None;
    }
    Some(Containment {
        core: written.join(" "),
        extra,
        rarity,
        score,
        members_carrying: core.members_carrying,
        ordinary_word: ordinary.is_some(),
    })
}
