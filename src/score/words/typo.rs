//! The typo and first-letter rules: up to the allowed edits with the same
//! first letter, or long words that differ only in their first letter.

use super::{
    Context, FIRST_LETTER_SIM, MIN_FIRST_LETTER_LEN, MIN_SINGLE_FIRST_LETTER_LEN,
    MIN_SINGLE_TYPO_LEN, MIN_TYPO_LEN, PairKind, allowed_edits, is_swap, slip_similarity,
    typo_similarity,
};
use crate::normalize::{Token, TokenKind};
use crate::score::edits::osa_within;

/// Up to the allowed edits, with the same first letter: as compared, or as
/// written when the normaliser expanded either word ("Telcom" is a typo of
/// "Telecom", which is compared as "telecommunications").
///
/// `a` is the vendor's word. A letter it leaves out inside the listed word
/// ("Zolal" written "Zoal") costs less than another slip: leaving a letter
/// out is the commonest slip in typing, and inside a word it seldom makes
/// another name, where a letter added, changed or cut from the end often
/// does ("Tianci" / "Tianyi", "Globant" / "Globanty"; [`dropped_inside`]).
pub(super) fn typo(a: &Token, b: &Token, ctx: Context) -> Option<(f64, PairKind)> {
    let compared = typo_bytes(a.text.as_bytes(), b.text.as_bytes(), ctx)
        .map(|t| dropped_inside(a.text.as_bytes(), b.text.as_bytes(), t));
    if a.unexpanded.is_none() && b.unexpanded.is_none() {
        return compared;
    }
    let (x, y) = (
        a.unexpanded_text().as_bytes(),
        b.unexpanded_text().as_bytes(),
    );
    let written = typo_bytes(x, y, ctx).map(|t| dropped_inside(x, y, t));
    [compared, written]
        .into_iter()
        .flatten()
        .max_by(|x, y| x.0.total_cmp(&y.0))
}

/// A typo pair of the vendor's word `x` and the listed word `y`, scored as
/// [`slip_similarity`] when `x` is `y` with a letter left out, neither its
/// first nor its last nor one of a doubled letter's two ("Zoal" / "Zolal",
/// not "Zola" / "Zolal"; a doubled letter written once is a spelling,
/// "Wuhan" / "Wuhaan", scored alike whichever name writes it so). A letter
/// the vendor adds is no slip of this kind: "Entco", "Aerco" and "AleAnna"
/// are other names than ETCO, AERO and ALANNA.
fn dropped_inside(x: &[u8], y: &[u8], (sim, kind): (f64, PairKind)) -> (f64, PairKind) {
    if x.len() + 1 != y.len() || y.len() < 3 {
        return (sim, kind);
    }
    let inside = (1..y.len() - 1)
        .any(|i| y[i - 1] != y[i] && y[i] != y[i + 1] && x[..i] == y[..i] && x[i..] == y[i + 1..]);
    if inside {
        (sim.max(slip_similarity(y.len())), kind)
    } else {
        (sim, kind)
    }
}

/// [`typo`] on two words' letters.
pub(super) fn typo_bytes(x: &[u8], y: &[u8], ctx: Context) -> Option<(f64, PairKind)> {
    // The same first letter and lengths the allowed edits can bridge,
    // asked first: most pairs of words tried fail here.
    let longer = x.len().max(y.len());
    if x.first() != y.first() || x.len().abs_diff(y.len()) > allowed_edits(longer) {
        return None;
    }
    let shorter = x.len().min(y.len());
    let min = if ctx.listed_single {
        MIN_SINGLE_TYPO_LEN
    } else {
        MIN_TYPO_LEN
    };
    // A letter dropped from a word of five ("Chin" / "China") counts as
    // a typo too, unless that word is all the listed name has ("Tesa" /
    // "Tesla").
    let dropped = !ctx.listed_single && shorter + 1 == min && x.len() != y.len();
    // Two letters swapped rarely make another word ("Avbis" / "Avibs"): a
    // one-word listed name takes a swap from five letters.
    let swap = shorter >= MIN_TYPO_LEN && is_swap(x, y);
    // A one-word listed name of `min` letters takes a letter dropped inside
    // it ("Meafon" / "Megafon"), one of `min - 1` a letter changed inside
    // it ("Plasna" / "Plasma"); not at the word's end, where a word and its
    // derivation differ ("Victor" / "Victory", "Warnel" / "Warner"), nor a
    // letter added to a shorter listed word ("Harpoon" / "Haroon"). `y` is
    // the listed word.
    let inside = ctx.listed_single
        && shorter + 1 == min
        && x.last() == y.last()
        && (y.len() >= min || x.len() == y.len());
    if shorter < min && !dropped && !swap && !inside {
        return None;
    }
    let d = osa_within(x, y, allowed_edits(longer))?;
    let swapped = d == 1 && is_swap(x, y);
    Some((
        typo_similarity(d, longer, swapped),
        PairKind::Typo { edits: d },
    ))
}

/// Long words that differ only in their first letter: substituted
/// (`Sencora` / `Cencora`), dropped (`Ahedan` / `Zahedan`) or added. The
/// longer word has six letters or more (seven when the listed name has a
/// single word; five for a listed organisation word, or in a listed name
/// whose other words confirm it, [`Context::listed_long`]).
pub(super) fn first_letter(a: &Token, b: &Token, ctx: Context) -> Option<(f64, PairKind)> {
    let min = if ctx.listed_single {
        MIN_SINGLE_FIRST_LETTER_LEN
    } else if b.kind == TokenKind::Generic || ctx.listed_long {
        // An organisation word of the listed name ("Froup" / "Group"):
        // it names no one, so a slip in it cannot make another name; in a
        // name of three words or more, the others say which name it is.
        MIN_TYPO_LEN
    } else {
        MIN_FIRST_LETTER_LEN
    };
    // As compared, or as written where either compares as another word
    // ("Jorean" is "Korean", which compares as "Korea").
    first_letter_bytes(a.text.as_bytes(), b.text.as_bytes(), min).or_else(|| {
        (a.unexpanded.is_some() || b.unexpanded.is_some()).then_some(())?;
        first_letter_bytes(
            a.unexpanded_text().as_bytes(),
            b.unexpanded_text().as_bytes(),
            min,
        )
    })
}

/// [`first_letter`] on two words' letters, the longer of `min` letters or more.
pub(super) fn first_letter_bytes(x: &[u8], y: &[u8], min: usize) -> Option<(f64, PairKind)> {
    if x.len().max(y.len()) < min || x.is_empty() || y.is_empty() {
        return None;
    }
    let letters = |w: &[u8]| w.iter().all(u8::is_ascii_alphabetic);
    let alike = match x.len() as isize - y.len() as isize {
        0 => x[0] != y[0] && x[1..] == y[1..],
        1 => x[1..] == *y,
        -1 => *x == y[1..],
        _ => false,
    };
    (alike && letters(x) && letters(y)).then_some((FIRST_LETTER_SIM, PairKind::FirstLetter))
}
