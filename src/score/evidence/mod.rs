//! Evidence weighed after the alignment, each kind in its own rule with its
//! own line in the explanation. A rule multiplies the score by a factor in
//! (0, 1]; the score is the alignment's share of matched weight times every
//! factor.
//!
//! - **weak evidence**: names that do not pair word for word must share a
//!   word that is rare among real company names. The shared evidence is the
//!   sum, over pairs, of how rare the words they join are (the commoner of
//!   the two spellings; a number counts half). While it falls short of one rare word, each word
//!   left unpaired on either side (legal forms and optional words aside)
//!   multiplies the score by `1 − 0.4 × (1 − evidence)`: 0.6 per unpaired word
//!   when the names share only common words ("Federal Security Service" is
//!   not "Security Federal Corp", "China Technology Group Corporation" is not
//!   CETC), nothing when they share a rare word ("Hikvision Europe"); half
//!   that for a generic word or place only the listed name has (the vendor
//!   wrote a shorter form: "Monsoon Ltd", "Monsoon Shipping Ltd"), and a
//!   fifth of that when the vendor's name has no word of its own, two of
//!   its words pair, and one of them is a distinctive word found in 11
//!   company names or fewer ("Iranian Oil Pipelines Co." for Iranian Oil
//!   Pipelines and Telecommunication Co.). A
//!   branch's qualifier only the vendor's name has costs nothing when the
//!   names share a distinctive word of four letters or more ("Volga Group
//!   *Global*"), half when they share only organisation words that long
//!   ("Technical Services *Global*"). A word
//!   of three letters or fewer counts half at most, however rare: it is
//!   anybody's acronym. A place only the vendor's name has is a branch's
//!   qualifier ("ZTE USA") and costs only its weight; so is a place only the
//!   listed name has when the names share another place (the vendor names
//!   the group of a branch abroad: "China Mobile International Ltd" for
//!   China Mobile International *USA* Inc.). A listed name's only place
//!   still counts: "Central Bank" is not the Central Bank of Iran.
//! - **places differ**: a place left unpaired on each side ("Central *Japan*
//!   Railway" / "*China* Railway Construction") multiplies it by
//!   `1 − 0.3 × (1 − evidence)`.
//! - **numbers differ**: a number left unpaired on each side ("CETC 13" /
//!   "CETC 14") halves it.
//! - **organisation words differ**: an organisation word left unpaired on
//!   each side, three letters or more, neither a branch's qualifier nor a
//!   word for the kind of body a name is ("Association", "Fund", "Plant":
//!   the lists write one for another among an entry's aliases), multiplies
//!   it by 0.9: "Rising Tide *Technology*" is another line of business
//!   than "Rising Tide *Shipping*", whatever the rare word they share. A
//!   vendor named after a listed organisation's core with words of its own
//!   is weighed as a possible member of its group instead
//!   ([`super::containment`]).
//! - **kind differs**: a vendor's name with a legal form left unpaired
//!   against a vessel's or an aircraft's name ("DOVER Corp" / the tanker
//!   DOVER): a company is neither, so the score is multiplied by 0.8, and a
//!   company named word for word as a ship falls below the default
//!   threshold. The kind is a signal, not a filter: "Dover" alone still
//!   scores as against any name, and a lower threshold still shows the
//!   company with this line.
//! - **branch qualifier** (before the score is taken): a branch's
//!   qualifier or a place only the vendor's name has ("Melytc
//!   *International* LLC" for LLC MELYTEC, "Melytc *USA* LLC") costs nothing
//!   in the alignment when the names share a rare word (and, for a place,
//!   the listed name leaves nothing but legal forms unpaired).
//! - **shorter form** (before the score is taken): a vendor's name whose
//!   every word is paired, a rare one among them, is a shorter form of the
//!   listed name ("Zheltuginskaya Company"): the listed distinctive words it
//!   leaves out ("Mining") cost half.

use super::{Leftover, Pair, PairKind, Prepared, Side};
use crate::background::Background;
use crate::normalize::{BRANCH_QUALIFIERS, CONNECTIVES};
use crate::normalize::{Token, TokenKind};
use serde::{Deserialize, Serialize};

mod costs;
mod factors;

pub(crate) use costs::{branch_qualifiers, shorter_form};
use factors::{
    kind_differs, numbers_differ, organisation_words_differ, places_differ, weak_evidence,
};

/// Shared evidence that counts as one rare word.
pub(crate) const EVIDENCE_NEEDED: f64 = 1.0;
/// Cut per unpaired word when the names share no rare word.
pub(crate) const UNPAIRED_CUT: f64 = 0.4;
/// Share of the cut for a generic word or place only the listed name has.
pub(crate) const DROPPED_GENERIC_SHARE: f64 = 0.5;
/// Share of the cut for a generic word or place only the listed name has
/// when the vendor writes a shorter form of the name
/// ([`shorter_form_of_a_name`]). Measured with `examples/evaluate` against
/// 0.5 (the share without the rule): compound variations 7,636 → 7,664 of
/// 7,868 (tuning) and 5,120 → 5,135 of 5,318 (held out), vendor names
/// hitting every shared list 592 → 595; 0.3 found 13 fewer, 0 one more for
/// one more vendor name hitting.
pub(crate) const SHORTER_GENERIC_SHARE: f64 = 0.1;
/// How rare a distinctive word the names share must be
/// ([`Background::rarity`]; 0.35 is a word in about 11 company names) for
/// [`SHORTER_GENERIC_SHARE`]. Without this bound, and counting any
/// distinctive word, the names without a distinctive word the evaluation
/// drops or swaps a whole word of hit 83 times in 500 instead of 50.
pub(crate) const SHORTER_GENERIC_RARITY: f64 = 0.35;
/// Cut when places differ and the names share no rare word.
pub(crate) const PLACES_CUT: f64 = 0.3;
/// Share of their cost that listed distinctive words left out of a shorter
/// form keep.
pub(crate) const SHORTER_FORM_SHARE: f64 = 0.5;
/// Factor when numbers differ.
pub(crate) const NUMBERS_FACTOR: f64 = 0.5;
/// Factor when organisation words differ ([`factors::organisation_words_differ`]).
pub(crate) const ORGANISATION_WORDS_FACTOR: f64 = 0.9;
/// Factor when a company's name meets a vessel's or an aircraft's
/// ([`kind_differs`]): below 0.85, so that a company's name that is a
/// ship's word for word with a legal form (0.997 to 0.999) falls below
/// the default threshold.
pub(crate) const KIND_FACTOR: f64 = 0.8;

/// Which rule weighed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The vendor writes a shorter form of the listed name: every word of
    /// its own is paired, a rare one among them, and the listed words left
    /// out cost half.
    ShorterForm,
    /// The names share no rare word and some words are unpaired.
    WeakEvidence,
    /// Each name has a place the other lacks.
    PlacesDiffer,
    /// Each name has a number the other lacks.
    NumbersDiffer,
    /// Each name has an organisation word the other lacks: another line
    /// of business.
    OrganisationWordsDiffer,
    /// The vendor's name has a company's legal form; the listed name is a
    /// vessel's or an aircraft's.
    KindDiffers,
    /// A branch's qualifier or a place only the vendor's name has
    /// ("International", "USA") costs nothing: the names share a rare word.
    BranchQualifier,
    /// The vendor's name is the listed name cut at a field width
    /// ([`super::cut`]): it scores by how much of the name it keeps.
    Cut,
    /// The vendor's name is a listed person's surname and first given
    /// name: the middle names it leaves out cost a quarter of one
    /// ([`super::person`]).
    MiddleNames,
}

/// One rule's effect on a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The rule.
    pub rule: Rule,
    /// What the score was multiplied by.
    pub factor: f64,
    /// The rule's reading of this pair of names, in words.
    pub detail: String,
}

/// The written words of tokens, quoted and joined.
pub(crate) fn quoted(p: &Prepared, ids: impl Iterator<Item = usize>) -> String {
    ids.map(|i| format!("'{}'", &p.name.original[p.name.tokens[i].span.clone()]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How rare a token is as evidence of identity: a distinctive word its
/// rarity, a word with digits for letters the rarity of the word it spells,
/// another number half, other kinds nothing.
fn token_evidence(p: &Prepared, j: usize, cap_short: bool) -> f64 {
    let t = &p.name.tokens[j];
    let rarity = match t.kind {
        TokenKind::Distinctive => p.rarity[j],
        TokenKind::Number => t
            .variant
            .as_deref()
            .map_or(0.5, |v| Background::get().rarity(v)),
        _ => 0.0,
    };
    // Two or three letters are anybody's acronym, whatever the vendor
    // table says: they count half at most.
    if cap_short && t.kind == TokenKind::Distinctive && t.text.len() <= SHORT_WORD {
        rarity.min(SHORT_WORD_EVIDENCE)
    } else {
        rarity
    }
}

/// Words this short count as [`SHORT_WORD_EVIDENCE`] at most.
pub(crate) const SHORT_WORD: usize = 3;
pub(crate) const SHORT_WORD_EVIDENCE: f64 = 0.5;

/// How rare the words a pair joins are: the rarest of each side, and of
/// the two sides the commoner, so that a common word paired with a rare-
/// looking spelling of it ("Alliance" / "Alyans", "Business" / "Bussines")
/// is common evidence.
pub(crate) fn pair_evidence(q: &Prepared, l: &Prepared, p: &Pair, cap_short: bool) -> f64 {
    let side = |ids: &[usize], x: &Prepared| {
        if let [_, _, ..] = ids {
            // Words split on this side: as rare as the word they make ("hik
            // vision") and as the phrase they are ("hi tech" is common).
            let parts: Vec<&str> = ids
                .iter()
                .map(|&j| x.name.tokens[j].unexpanded_text())
                .collect();
            let bg = Background::get();
            return bg.rarity(&parts.concat()).min(bg.phrase_rarity(&parts));
        }
        ids.iter()
            .map(|&j| token_evidence(x, j, cap_short))
            .fold(0.0, f64::max)
    };
    if p.kind == PairKind::Initialism {
        return side(&p.query, q);
    }
    side(&p.listed, l).min(side(&p.query, q))
}

/// How much the pairs show the names are the same: the sum of the pairs'
/// evidence ([`pair_evidence`]), pairs less alike than 0.85 in proportion.
pub(crate) fn shared_evidence(q: &Prepared, l: &Prepared, pairs: &[Pair], cap_short: bool) -> f64 {
    pairs
        .iter()
        .map(|p| (p.similarity / 0.85).min(1.0) * pair_evidence(q, l, p, cap_short))
        .sum()
}

/// The rules' factors for an alignment, in the order the explanation
/// gives them: weak evidence, places that differ, numbers that differ,
/// organisation words that differ, a company's legal form against a
/// craft's name. `middle`: a listed person's middle names left out
/// ([`super::person::left_out`]), which are no evidence against the names.
pub(crate) fn weigh(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &[Leftover],
    middle: &[usize],
) -> Vec<Evidence> {
    let shared = Shared::of(q, l, pairs);
    let left = Unpaired::of(q, l, leftovers, middle);
    let mut out = Vec::new();
    out.extend(weak_evidence(q, l, pairs, &left, &shared));
    out.extend(places_differ(&left, shared.shortfall(Side::Query)));
    out.extend(numbers_differ(&left));
    out.extend(organisation_words_differ(&left));
    out.extend(kind_differs(q, l, leftovers));
    out
}

/// How much the names' shared words show, up to [`EVIDENCE_NEEDED`]:
/// against words only the vendor's name has, a short acronym counts half
/// ("CTG Consulting" is not "CTG"); against words the vendor left out of
/// the listed name, in full ("GPB SA" is "GPB International SA").
struct Shared {
    /// Every pair's evidence in full.
    full: f64,
    /// Short words counting half ([`SHORT_WORD_EVIDENCE`]).
    capped: f64,
}

impl Shared {
    fn of(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> Shared {
        Shared {
            full: shared_evidence(q, l, pairs, false).min(EVIDENCE_NEEDED),
            capped: shared_evidence(q, l, pairs, true).min(EVIDENCE_NEEDED),
        }
    }

    /// How far the evidence falls short of [`EVIDENCE_NEEDED`], against
    /// the words `side` alone has.
    fn shortfall(&self, side: Side) -> f64 {
        match side {
            Side::Query => 1.0 - self.capped / EVIDENCE_NEEDED,
            Side::Listed => 1.0 - self.full / EVIDENCE_NEEDED,
        }
    }
}

/// The leftovers that say something of the names. Optional words cost
/// nothing, but a place stays a place: "Bank of China (Hong Kong)" is not
/// "Bank of China (Singapore)". An article or preposition names nothing:
/// "Central Bank of Iran" is "Central Bank of the Islamic Republic of
/// Iran". A connective of one letter ("e", "y") may be an initial
/// ("GT&E"). Legal forms are weighed by the alignment alone.
struct Unpaired<'a> {
    q: &'a Prepared,
    l: &'a Prepared,
    content: Vec<&'a Leftover>,
}

impl<'a> Unpaired<'a> {
    /// `middle`: a listed person's middle names left out, which say
    /// nothing against the names ([`super::person`]).
    fn of(
        q: &'a Prepared,
        l: &'a Prepared,
        leftovers: &'a [Leftover],
        middle: &[usize],
    ) -> Unpaired<'a> {
        let mut u = Unpaired {
            q,
            l,
            content: Vec::new(),
        };
        u.content = leftovers
            .iter()
            .filter(|x| {
                let t = u.token(x);
                !(x.side == Side::Listed && middle.contains(&x.token))
                    && t.kind != TokenKind::LegalForm
                    && (!t.optional || t.kind == TokenKind::Place)
                    && !(t.kind == TokenKind::Generic
                        && t.text.len() > 1
                        && CONNECTIVES.contains(&t.text.as_str()))
            })
            .collect();
        u
    }

    /// The token a leftover is.
    fn token(&self, x: &Leftover) -> &'a Token {
        match x.side {
            Side::Query => &self.q.name.tokens[x.token],
            Side::Listed => &self.l.name.tokens[x.token],
        }
    }

    /// The tokens of `kind` that `side` alone has.
    fn of_kind(&self, side: Side, kind: TokenKind) -> Vec<usize> {
        self.content
            .iter()
            .filter(|x| x.side == side && self.token(x).kind == kind)
            .map(|x| x.token)
            .collect()
    }

    /// Whether `side` alone has a token of `kind`.
    fn has(&self, side: Side, kind: TokenKind) -> bool {
        self.content
            .iter()
            .any(|x| x.side == side && self.token(x).kind == kind)
    }
}

/// Whether a token is a word a branch adds to its group's name
/// ([`BRANCH_QUALIFIERS`]: "International", "Global", "Trading").
pub(crate) fn is_branch_qualifier(t: &crate::normalize::Token) -> bool {
    t.kind == TokenKind::Generic && BRANCH_QUALIFIERS.contains(&t.text.as_str())
}

/// Whether the pairs join a listed word that `is`.
fn joins<'a>(
    l: &Prepared,
    pairs: impl IntoIterator<Item = &'a Pair>,
    is: impl Fn(&crate::normalize::Token) -> bool,
) -> bool {
    pairs
        .into_iter()
        .flat_map(|p| &p.listed)
        .any(|&j| is(&l.name.tokens[j]))
}

#[cfg(test)]
mod tests;
