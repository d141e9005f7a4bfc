//! The rules that reject a pair outright (the module comment of
//! [`super`] lists them).

use super::{Leftover, Pair, PairKind, Prepared, Side};
use crate::normalize::TokenKind;

/// The rules that reject a pair outright: `None` when one does, else
/// whether a bare listed name is said more of (it then matches only by
/// containment).
pub(super) fn rejected(
    q: &Prepared,
    l: &Prepared,
    pairs: &[Pair],
    leftovers: &[Leftover],
) -> Option<bool> {
    let (qt, lt) = (&q.name.tokens, &l.name.tokens);
    // A listed name whose distinctive words are all short ("ABC LLC", "MA LI")
    // matches only a vendor name with no other distinctive word ("AGS MALI").
    let mut distinctive = lt
        .iter()
        .filter(|t| t.kind == TokenKind::Distinctive)
        .peekable();
    let short_listed = distinctive.peek().is_some() && distinctive.all(|t| t.text.len() <= 3);
    let short_said_more = short_listed
        && leftovers.iter().any(|x| {
            x.side == Side::Query
                && !qt[x.token].optional
                && matches!(qt[x.token].kind, TokenKind::Distinctive | TokenKind::Number)
        });
    // ...unless the list names it as a group ("ZTE"), or the members the
    // list names for it carry its short core ("VTB" of VTB Leasing and VTB
    // Factoring, linked to VTB Bank PJSC): then only as a member, by
    // containment ("ZTE Kangxun Telecom", "VTB Capital").
    let group_brand = l.cores().any(|c| c.named_group || c.members_carrying > 0);
    if short_said_more && !group_brand {
        return None;
    }
    // A listed name of one word and nothing else ("GATO", "CTG") is all
    // identity: it matches a vendor name whose other words are places and
    // legal forms ("GATO S.A.", "CTG USA"), not one that says more ("Air
    // Gato Enterprises", "CTG Consulting").
    // A bare name that names a group ("AVIC" of Aviation Industry
    // Corporation of China) still finds the group's members by containment
    // ("AVIC Heavy Machinery"), and only so.
    // A branch's qualifier ("Global", "Trading") says no more of a primary
    // name rare among company names ("MODABER GLOBAL" is MODABER's
    // branch), but does of a common word ("PEARL INTERNATIONAL" is not
    // PEARL) and of a bare alias, which names too little ("PASDARAN
    // TRADING" is not the IRGC).
    let bare = lt.iter().filter(|t| !t.optional).count() == 1;
    let mut rare = None;
    let says_more = bare
        && leftovers.iter().filter(|x| x.side == Side::Query).any(|x| {
            let t = &qt[x.token];
            !t.optional
                && matches!(
                    t.kind,
                    TokenKind::Distinctive | TokenKind::Number | TokenKind::Generic
                )
                && !(super::evidence::is_branch_qualifier(t)
                    && *rare.get_or_insert_with(|| {
                        l.cores().next().is_some()
                            && super::evidence::shared_evidence(q, l, pairs, true)
                                >= super::evidence::EVIDENCE_NEEDED
                    }))
        });
    if says_more && l.cores().next().is_none() {
        return None;
    }
    // An acronym read as the listed words needs another word to agree.
    let corroborated = pairs.iter().any(|p| {
        p.kind != PairKind::Initialism
            && p.listed
                .iter()
                .any(|&j| matches!(lt[j].kind, TokenKind::Distinctive | TokenKind::Number))
    });
    // ...but an acronym of [`LONG_ACRONYM`] letters or more that no real
    // company name writes is one on its own, when it is all the vendor's
    // name says besides places and legal forms ("CPMIEC", "IMIDRO LTD";
    // not "AMARC RESOURCES"): the index files listed names under such
    // initialisms. Asked only of an uncorroborated initialism.
    let stands_alone = |p: &Pair| {
        p.query.iter().all(|&i| long_unknown_acronym(&qt[i].text))
            && qt.iter().enumerate().all(|(i, t)| {
                p.query.contains(&i)
                    || t.optional
                    || matches!(t.kind, TokenKind::LegalForm | TokenKind::Place)
            })
    };
    if !corroborated {
        let mut initialisms = pairs
            .iter()
            .filter(|p| p.kind == PairKind::Initialism)
            .peekable();
        if initialisms.peek().is_some() && !initialisms.any(stands_alone) {
            return None;
        }
    }
    Some(says_more || short_said_more)
}

/// Fewest letters of a vendor's acronym that reads as a listed name's
/// initials with no other word to agree ([`long_unknown_acronym`]).
pub(crate) const LONG_ACRONYM: usize = 5;

/// Whether a vendor's word is an acronym long enough, and unknown enough
/// (no real company name and no English word writes it), to stand for a
/// listed name's initials on its own.
pub(crate) fn long_unknown_acronym(word: &str) -> bool {
    word.len() >= LONG_ACRONYM && crate::background::Background::get().df(word) == 0
}
