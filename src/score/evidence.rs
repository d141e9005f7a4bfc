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
use crate::normalize::TokenKind;
use crate::normalize::{BRANCH_QUALIFIERS, CONNECTIVES};
use serde::{Deserialize, Serialize};

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
    /// The vendor's name has a company's legal form; the listed name is a
    /// vessel's or an aircraft's.
    KindDiffers,
    /// A branch's qualifier or a place only the vendor's name has
    /// ("International", "USA") costs nothing: the names share a rare word.
    BranchQualifier,
    /// The vendor's name is the listed name cut at a field width
    /// ([`super::cut`]): it scores by how much of the name it keeps.
    Cut,
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
fn quoted(p: &Prepared, ids: impl Iterator<Item = usize>) -> String {
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

/// The rules' factors for an alignment.
pub(crate) fn weigh(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &[Leftover],
) -> Vec<Evidence> {
    // Against words only the vendor's name has, a short acronym counts half
    // ("CTG Consulting" is not "CTG"); against words the vendor left out of
    // the listed name, in full ("GPB SA" is "GPB International SA").
    let evidence = shared_evidence(q, l, pairs, false).min(EVIDENCE_NEEDED);
    let capped = shared_evidence(q, l, pairs, true).min(EVIDENCE_NEEDED);
    let shortfall_of = |side: Side| match side {
        Side::Query => 1.0 - capped / EVIDENCE_NEEDED,
        Side::Listed => 1.0 - evidence / EVIDENCE_NEEDED,
    };
    let shortfall = shortfall_of(Side::Query);
    let token = |x: &Leftover| match x.side {
        Side::Query => &q.name.tokens[x.token],
        Side::Listed => &l.name.tokens[x.token],
    };
    let mut out = Vec::new();
    // Optional words cost nothing, but a place stays a place: "Bank of
    // China (Hong Kong)" is not "Bank of China (Singapore)". An article or
    // preposition names nothing: "Central Bank of Iran" is "Central Bank
    // of the Islamic Republic of Iran". A connective of one letter ("e",
    // "y") may be an initial ("GT&E").
    let content: Vec<&Leftover> = leftovers
        .iter()
        .filter(|x| {
            let t = token(x);
            t.kind != TokenKind::LegalForm
                && (!t.optional || t.kind == TokenKind::Place)
                && !(t.kind == TokenKind::Generic
                    && t.text.len() > 1
                    && CONNECTIVES.contains(&t.text.as_str()))
        })
        .collect();
    let places = |side: Side| {
        content
            .iter()
            .any(|x| x.side == side && token(x).kind == TokenKind::Place)
    };
    let places_differ = places(Side::Query) && places(Side::Listed);
    // A place only the vendor's name has is a branch's qualifier ("Toys
    // Factory S.A. de C.V. America", "ZTE USA"): it costs in the alignment,
    // not here; so does a place only the listed name has beside a place
    // the names share (the vendor names the group of "China Mobile
    // International USA"). A place on each side is weighed by its own rule.
    let shares_place = joins(l, pairs, |t| t.kind == TokenKind::Place);
    let unpaired: Vec<&Leftover> = content
        .iter()
        .copied()
        .filter(|x| {
            places_differ
                || token(x).kind != TokenKind::Place
                || (x.side == Side::Listed && !shares_place)
        })
        .filter(|x| shortfall_of(x.side) > 0.0)
        .collect();
    if !unpaired.is_empty() {
        // A generic word or place only the listed name has is the vendor
        // writing a shorter form ("Monsoon Ltd" for "Monsoon Shipping Ltd"):
        // half the cut of a word that names something else. A branch's
        // qualifier only the vendor's name has costs by what the names
        // share ([`qualifier_share`]).
        let qualifier = qualifier_share(l, pairs);
        let own_words = unpaired.iter().any(|x| x.side == Side::Query);
        let drops_generic = unpaired.iter().any(|x| {
            x.side == Side::Listed && matches!(token(x).kind, TokenKind::Generic | TokenKind::Place)
        });
        let dropped = if drops_generic && !own_words && shorter_form_of_a_name(q, l, pairs) {
            SHORTER_GENERIC_SHARE
        } else {
            DROPPED_GENERIC_SHARE
        };
        let cut = |x: &Leftover| {
            let t = token(x);
            let share = match x.side {
                Side::Listed if matches!(t.kind, TokenKind::Generic | TokenKind::Place) => dropped,
                Side::Query if is_branch_qualifier(t) => qualifier,
                _ => 1.0,
            };
            UNPAIRED_CUT * share * shortfall_of(x.side)
        };
        let factor: f64 = unpaired.iter().map(|x| 1.0 - cut(x)).product();
        let shared = quoted(l, pairs.iter().flat_map(|p| p.listed.iter().copied()));
        let side_words = |side: Side, p: &Prepared| {
            quoted(
                p,
                unpaired.iter().filter(|x| x.side == side).map(|x| x.token),
            )
        };
        let (vq, vl) = (side_words(Side::Query, q), side_words(Side::Listed, l));
        let unpaired_text = match (vq.is_empty(), vl.is_empty()) {
            (false, false) => {
                format!("{vq} only in the vendor's name, {vl} only in the listed name")
            }
            (false, true) => format!("{vq} only in the vendor's name"),
            _ => format!("{vl} only in the listed name"),
        };
        let what = if capped <= 0.0 {
            "no word the names share is rare among company names".to_string()
        } else {
            format!("the shared words ({shared}) are not rare enough among company names")
        };
        out.push(Evidence {
            rule: Rule::WeakEvidence,
            factor,
            detail: format!("{what}, and {unpaired_text}: score × {factor:.2}"),
        });
    }
    let left_of = |side: Side, kind: TokenKind| -> Vec<usize> {
        content
            .iter()
            .filter(|x| x.side == side && token(x).kind == kind)
            .map(|x| x.token)
            .collect()
    };
    let (qp, lp) = (
        left_of(Side::Query, TokenKind::Place),
        left_of(Side::Listed, TokenKind::Place),
    );
    if shortfall > 0.0 && !qp.is_empty() && !lp.is_empty() {
        let factor = 1.0 - PLACES_CUT * shortfall;
        out.push(Evidence {
            rule: Rule::PlacesDiffer,
            factor,
            detail: format!(
                "places differ ({} / {}): score × {factor:.2}",
                quoted(q, qp.into_iter()),
                quoted(l, lp.into_iter())
            ),
        });
    }
    let (qn, ln) = (
        left_of(Side::Query, TokenKind::Number),
        left_of(Side::Listed, TokenKind::Number),
    );
    if !qn.is_empty() && !ln.is_empty() {
        out.push(Evidence {
            rule: Rule::NumbersDiffer,
            factor: NUMBERS_FACTOR,
            detail: format!(
                "numbers differ ({} / {}): score × {NUMBERS_FACTOR:.2}",
                quoted(q, qn.into_iter()),
                quoted(l, ln.into_iter())
            ),
        });
    }
    out.extend(kind_differs(q, l, leftovers));
    out
}

/// A vendor's name with a legal form the listed name lacks, against a
/// vessel's or an aircraft's name ([`Prepared::craft`]): the vendor says
/// it is a company, the list that it is a ship or a plane.
fn kind_differs(q: &Prepared, l: &Prepared, leftovers: &[Leftover]) -> Option<Evidence> {
    if !l.craft {
        return None;
    }
    let forms: Vec<usize> = leftovers
        .iter()
        .filter(|x| x.side == Side::Query && q.name.tokens[x.token].kind == TokenKind::LegalForm)
        .map(|x| x.token)
        .collect();
    (!forms.is_empty()).then(|| Evidence {
        rule: Rule::KindDiffers,
        factor: KIND_FACTOR,
        detail: format!(
            "the vendor's name has a company's legal form ({}), the listed name is a vessel's or an aircraft's: score × {KIND_FACTOR:.2}",
            quoted(q, forms.into_iter())
        ),
    })
}

/// Whether a token is a word a branch adds to its group's name
/// ([`BRANCH_QUALIFIERS`]: "International", "Global", "Trading").
pub(crate) fn is_branch_qualifier(t: &crate::normalize::Token) -> bool {
    t.kind == TokenKind::Generic && BRANCH_QUALIFIERS.contains(&t.text.as_str())
}

/// The share of the weak-evidence cut a branch's qualifier only the
/// vendor's name has costs: none when the pairs join a distinctive listed
/// word longer than [`SHORT_WORD`] letters (the vendor names a branch of
/// that company: "Volga Group Global", "Rose Group International"); half
/// when they join only longer organisation words ("Technical Services
/// Global" may be another company); the whole cut when all they join is an
/// acronym and legal forms ("ABS Global" is not "ABS Corporation").
fn qualifier_share(l: &Prepared, pairs: &[Pair]) -> f64 {
    if joins(l, pairs, |t| {
        t.kind == TokenKind::Distinctive && t.text.len() > SHORT_WORD
    }) {
        0.0
    } else if shares_longer_word(l, pairs) {
        DROPPED_GENERIC_SHARE
    } else {
        1.0
    }
}

/// Whether the pairs read as the vendor writing a shorter form of a
/// name: two words or more of it paired (legal forms aside), one of them a
/// distinctive word longer than [`SHORT_WORD`] letters at least
/// [`SHORTER_GENERIC_RARITY`] rare ("Green Leaf General LLC" for Green
/// Leaf General Trading LLC). One word and a legal form is not enough
/// ("Noble Corp plc" is not Noble Shipping Company Limited).
fn shorter_form_of_a_name(q: &Prepared, l: &Prepared, pairs: &[Pair]) -> bool {
    let content = pairs
        .iter()
        .filter(|&p| joins(l, [p], |t| t.kind != TokenKind::LegalForm))
        .count();
    content >= 2
        && pairs.iter().any(|p| {
            joins(l, [p], |t| {
                t.kind == TokenKind::Distinctive && t.text.len() > SHORT_WORD
            }) && pair_evidence(q, l, p, true) >= SHORTER_GENERIC_RARITY
        })
}

/// Whether the pairs join a listed word longer than [`SHORT_WORD`]
/// letters that is no legal form: a name, not only an acronym and its
/// legal form ("NEL Electronics", not "ABS Corporation").
fn shares_longer_word(l: &Prepared, pairs: &[Pair]) -> bool {
    joins(l, pairs, |t| {
        t.kind != TokenKind::LegalForm && t.text.len() > SHORT_WORD
    })
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

/// A branch's qualifier only the vendor's name has ("Melytc *International*
/// LLC" for LLC MELYTEC, "Tenxent Holdings *Trading* Limited" for Tencent
/// Holdings Limited), or a place ("*America* Megsfon PAO" for MEGAFON PAO),
/// costs nothing when the names share a rare word: the vendor names the
/// company's branch, however the rest is spelt. Against a common word it
/// keeps its cost ("Patriots International" is not Patriot Private
/// Military Company); a place only beside the whole listed name, legal
/// forms aside (a place beside a place only the listed name has is a place
/// that differs; "Sistema Asia" may be another company of Sistema's group).
pub(crate) fn branch_qualifiers(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &mut [Leftover],
) -> Option<Evidence> {
    // A place names a branch only of the whole listed name: beside a
    // listed place left unpaired it is a place that differs, weighed by
    // its own rule, and beside other listed words left out it may name
    // another company of the group ("Sistema Asia").
    let whole = leftovers
        .iter()
        .filter(|x| x.side == Side::Listed)
        .all(|x| {
            let t = &l.name.tokens[x.token];
            t.optional || t.kind == TokenKind::LegalForm
        });
    let freed: Vec<usize> = leftovers
        .iter()
        .filter(|x| x.side == Side::Query && x.cost > 0.0)
        .filter(|x| {
            let t = &q.name.tokens[x.token];
            is_branch_qualifier(t) || (t.kind == TokenKind::Place && whole)
        })
        .map(|x| x.token)
        .collect();
    if freed.is_empty() || shared_evidence(q, l, pairs, true) < EVIDENCE_NEEDED {
        return None;
    }
    for x in leftovers.iter_mut() {
        if x.side == Side::Query && freed.contains(&x.token) {
            x.cost = 0.0;
        }
    }
    Some(Evidence {
        rule: Rule::BranchQualifier,
        factor: 1.0,
        detail: format!(
            "{} only in the vendor's name names a branch, and the names share a rare word: it costs nothing",
            quoted(q, freed.into_iter())
        ),
    })
}

/// A vendor writing a shorter form of the listed name ("Zheltuginskaya
/// Company" for "Zheltuginskaya Mining Company"): every word of the
/// vendor's name but places and legal forms is paired, and the pairs share a
/// rare word. The listed distinctive words left out then cost half.
pub(crate) fn shorter_form(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &mut [Leftover],
) -> Option<Evidence> {
    let own_words = leftovers.iter().filter(|x| x.side == Side::Query).any(|x| {
        let t = &q.name.tokens[x.token];
        !t.optional && !matches!(t.kind, TokenKind::LegalForm | TokenKind::Place)
    });
    if own_words || shared_evidence(q, l, pairs, true) < EVIDENCE_NEEDED {
        return None;
    }
    let mut left_out = Vec::new();
    for x in leftovers.iter_mut() {
        if x.side == Side::Listed && l.name.tokens[x.token].kind == TokenKind::Distinctive {
            x.cost *= SHORTER_FORM_SHARE;
            left_out.push(x.token);
        }
    }
    (!left_out.is_empty()).then(|| Evidence {
        rule: Rule::ShorterForm,
        factor: 1.0,
        detail: format!(
            "the vendor's name is a shorter form of the listed name, sharing a rare word: {} left out cost half",
            quoted(l, left_out.into_iter())
        ),
    })
}
