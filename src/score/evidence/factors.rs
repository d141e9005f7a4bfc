//! The rules that multiply the score once the names are aligned: weak
//! evidence, places that differ, numbers that differ, organisation words
//! that differ, a company's legal form against a craft's name (see the
//! module [`super`] for each).

use super::{
    DROPPED_GENERIC_SHARE, Evidence, KIND_FACTOR, NUMBERS_FACTOR, ORGANISATION_WORDS_FACTOR,
    PLACES_CUT, Rule, SHORT_WORD, SHORTER_GENERIC_RARITY, SHORTER_GENERIC_SHARE, Shared,
    UNPAIRED_CUT, Unpaired, is_branch_qualifier, joins, pair_evidence, quoted,
};
use crate::normalize::TokenKind;
use crate::score::{Leftover, Pair, Prepared, Side};

/// Rule [`Rule::WeakEvidence`]: words one name alone has cut the score by
/// how far the shared words fall short of [`EVIDENCE_NEEDED`]. A generic
/// word or place only the listed name has is the vendor writing a shorter
/// form ("Monsoon Ltd" for "Monsoon Shipping Ltd"): half the cut of a word
/// that names something else. A branch's qualifier only the vendor's name
/// has costs by what the names share ([`qualifier_share`]). A place only
/// the vendor's name has is a branch's qualifier ("Toys Factory S.A. de
/// C.V. America", "ZTE USA"): it costs in the alignment, not here; so does
/// a place only the listed name has beside a place the names share (the
/// vendor names the group of "China Mobile International USA"). A place
/// on each side is weighed by its own rule ([`places_differ`]) and here.
pub(super) fn weak_evidence(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    left: &Unpaired,
    shared: &Shared,
) -> Option<Evidence> {
    let places_differ =
        left.has(Side::Query, TokenKind::Place) && left.has(Side::Listed, TokenKind::Place);
    let shares_place = joins(l, pairs, |t| t.kind == TokenKind::Place);
    let unpaired: Vec<&Leftover> = left
        .content
        .iter()
        .copied()
        .filter(|x| {
            places_differ
                || left.token(x).kind != TokenKind::Place
                || (x.side == Side::Listed && !shares_place)
        })
        .filter(|x| shared.shortfall(x.side) > 0.0)
        .collect();
    if unpaired.is_empty() {
        return None;
    }
    let qualifier = qualifier_share(l, pairs);
    let own_words = unpaired.iter().any(|x| x.side == Side::Query);
    let drops_generic = unpaired.iter().any(|x| {
        x.side == Side::Listed
            && matches!(left.token(x).kind, TokenKind::Generic | TokenKind::Place)
    });
    let dropped = if drops_generic && !own_words && shorter_form_of_a_name(q, l, pairs) {
        SHORTER_GENERIC_SHARE
    } else {
        DROPPED_GENERIC_SHARE
    };
    let cut = |x: &Leftover| {
        let t = left.token(x);
        let share = match x.side {
            Side::Listed if matches!(t.kind, TokenKind::Generic | TokenKind::Place) => dropped,
            Side::Query if is_branch_qualifier(t) => qualifier,
            _ => 1.0,
        };
        UNPAIRED_CUT * share * shared.shortfall(x.side)
    };
    let factor: f64 = unpaired.iter().map(|x| 1.0 - cut(x)).product();
    let words = |side: Side, p: &Prepared| {
        quoted(
            p,
            unpaired.iter().filter(|x| x.side == side).map(|x| x.token),
        )
    };
    let (vq, vl) = (words(Side::Query, q), words(Side::Listed, l));
    let unpaired_text = match (vq.is_empty(), vl.is_empty()) {
        (false, false) => format!("{vq} only in the vendor's name, {vl} only in the listed name"),
        (false, true) => format!("{vq} only in the vendor's name"),
        _ => format!("{vl} only in the listed name"),
    };
    let what = if shared.capped <= 0.0 {
        "no word the names share is rare among company names".to_string()
    } else {
        let words = quoted(l, pairs.iter().flat_map(|p| p.listed.iter().copied()));
        format!("the shared words ({words}) are not rare enough among company names")
    };
    Some(Evidence {
        rule: Rule::WeakEvidence,
        factor,
        detail: format!("{what}, and {unpaired_text}: score × {factor:.2}"),
    })
}

/// Rule [`Rule::PlacesDiffer`]: a place on each side, where the shared
/// words fall short ("CENTRAL JAPAN RAILWAY" is not China Railway).
pub(super) fn places_differ(left: &Unpaired, shortfall: f64) -> Option<Evidence> {
    if shortfall <= 0.0
        || !left.has(Side::Query, TokenKind::Place)
        || !left.has(Side::Listed, TokenKind::Place)
    {
        return None;
    }
    let (qp, lp) = (
        left.of_kind(Side::Query, TokenKind::Place),
        left.of_kind(Side::Listed, TokenKind::Place),
    );
    let factor = 1.0 - PLACES_CUT * shortfall;
    Some(differ(left, Rule::PlacesDiffer, "places", factor, qp, lp))
}

/// Rule [`Rule::NumbersDiffer`]: a number on each side ("Fund VII" is not
/// "Fund VIII").
pub(super) fn numbers_differ(left: &Unpaired) -> Option<Evidence> {
    if !left.has(Side::Query, TokenKind::Number) || !left.has(Side::Listed, TokenKind::Number) {
        return None;
    }
    let (qn, ln) = (
        left.of_kind(Side::Query, TokenKind::Number),
        left.of_kind(Side::Listed, TokenKind::Number),
    );
    Some(differ(
        left,
        Rule::NumbersDiffer,
        "numbers",
        NUMBERS_FACTOR,
        qn,
        ln,
    ))
}

/// The evidence of a rule that finds words of one kind, `what`, on each
/// side unpaired: the vendor's `q` against the listed name's `l`.
fn differ(
    left: &Unpaired,
    rule: Rule,
    what: &str,
    factor: f64,
    q: Vec<usize>,
    l: Vec<usize>,
) -> Evidence {
    Evidence {
        rule,
        factor,
        detail: format!(
            "{what} differ ({} / {}): score × {factor:.2}",
            quoted(left.q, q.into_iter()),
            quoted(left.l, l.into_iter())
        ),
    }
}

/// Rule [`Rule::OrganisationWordsDiffer`]: an organisation word unpaired
/// on each side, neither a branch's qualifier ("Rising Tide *Technology*
/// Group" / "Rising Tide *Shipping* Corp.", "Sino *Green Land*" / "Sino
/// *Machinery*"): the vendor names another line of business. Where the
/// names share a rare word, it is the core of the listed name, and the
/// vendor's name a possible member of its group ([`crate::score::containment`]),
/// not the listed company.
pub(super) fn organisation_words_differ(left: &Unpaired) -> Option<Evidence> {
    let words = |side: Side| -> Vec<usize> {
        left.content
            .iter()
            .filter(|x| {
                let t = left.token(x);
                x.side == side
                    && t.kind == TokenKind::Generic
                    && t.text.len() >= MIN_ORGANISATION_WORD
                    && !is_branch_qualifier(t)
                    && !crate::normalize::BODY_WORDS.contains(&t.text.as_str())
            })
            .map(|x| x.token)
            .collect()
    };
    let (qw, lw) = (words(Side::Query), words(Side::Listed));
    if qw.is_empty() || lw.is_empty() {
        return None;
    }
    Some(differ(
        left,
        Rule::OrganisationWordsDiffer,
        "organisation words",
        ORGANISATION_WORDS_FACTOR,
        qw,
        lw,
    ))
}

/// Fewest letters of an organisation word that names a line of business
/// ("Air", "Oil"): a letter or two is a connective or an initial ("Lashkar
/// *e*-Toiba" / "Lashkar-*i*-Taiba").
const MIN_ORGANISATION_WORD: usize = 3;

/// A vendor's name with a legal form the listed name lacks, against a
/// vessel's or an aircraft's name ([`Prepared::craft`]): the vendor says
/// it is a company, the list that it is a ship or a plane.
pub(super) fn kind_differs(q: &Prepared, l: &Prepared, leftovers: &[Leftover]) -> Option<Evidence> {
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
