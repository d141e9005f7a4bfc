//! The rules that change what a word left unpaired costs in the
//! alignment, before the score is taken: a branch's qualifier or a place
//! only the vendor's name has, and a shorter form of the listed name.

use super::{
    EVIDENCE_NEEDED, Evidence, Rule, SHORTER_FORM_SHARE, is_branch_qualifier, quoted,
    shared_evidence,
};
use crate::normalize::TokenKind;
use crate::score::{Leftover, Pair, Prepared, Side};

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
/// rare word. The listed distinctive words left out then cost half. A
/// listed person's surname left out is no shorter form: "Vladimir
/// Vladimirovich" names none of the people so named.
pub(crate) fn shorter_form(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &mut [Leftover],
) -> Option<Evidence> {
    let surname_left_out = l.person.as_ref().is_some_and(|p| {
        leftovers
            .iter()
            .any(|x| x.side == Side::Listed && p.surname.contains(&x.token))
    });
    if surname_left_out {
        return None;
    }
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
