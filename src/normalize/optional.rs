//! Step 7b: the words a name may leave out, marked optional, each with its
//! own line in the explanation: an article, the Arabic article, the words
//! naming a country's state, and what some lists write after or beside a
//! legal form (a registry's code, the Persian ezafe, "offshore" beside a
//! SAL, the town after a d.o.o., EDGAR's note after a slash). An optional
//! word still pairs when the other name writes it.

use super::chars::RawToken;
use super::tables::REPUBLIC_OF;
use super::tag::Tagging;
use super::{StepKind, Steps, TokenKind, is_country};
use unicode_normalization::UnicodeNormalization;

/// Marks the optional words of a name, in this order.
pub(super) fn words_a_name_may_leave_out(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    articles(text, toks, steps);
    arabic_articles(text, toks, steps);
    registry_codes(text, toks, steps);
    edgar_notes(text, toks, steps);
    ezafe(text, toks, steps);
    offshore(text, toks, steps);
    seat_after_doo(text, toks, steps);
    state_words(text, toks, steps);
}

/// The article of a name, first ("The Boeing Company") or after a last
/// comma as vendor masters file it ("Boeing Company, The"; "…, LLC, The"),
/// is optional: it says nothing about who the company is, and a vendor may
/// write it or leave it out. Elsewhere ("Front for the Liberation") it
/// stays a word of the name.
fn articles(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let n = toks.len();
    if n < 2 {
        return;
    }
    let article = |t: &Tagging| t.raw.text == "the" && !t.raw.paren;
    let first = article(&toks[0]);
    let last = article(&toks[n - 1])
        && text
            .get(toks[n - 2].raw.span.end..toks[n - 1].raw.span.start)
            .is_some_and(|gap| {
                // A comma as any width writes it ("，").
                gap.nfkc().any(|c| c == ',')
            });
    for (i, is) in [(0, first), (n - 1, last)] {
        if is && !toks[i].optional {
            toks[i].make_optional(text, "is the name's article", steps);
        }
    }
}

/// The Arabic article before a word of the name ("Al Khalidi Company",
/// "Ansar al-Islam", "El Nasr") is optional: transliterations write it
/// apart, join it with a hyphen or leave it out, and the lists write one
/// name each way ("AL-QA'IDA", "QA'IDA"). Only before a word of three
/// letters or more that is no legal form or place; a name that is the
/// article and nothing else keeps it.
fn arabic_articles(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    for i in 0..toks.len().saturating_sub(1) {
        let (t, next) = (&toks[i], &toks[i + 1]);
        let article = t.raw.text == "al"
            && t.raw.kind.is_none()
            && !t.optional
            && !t.raw.paren
            && next.raw.kind.is_none()
            && next.raw.text.len() >= 3
            && next.raw.text.bytes().all(|b| b.is_ascii_alphabetic());
        if article {
            toks[i].make_optional(text, "is the Arabic article", steps);
        }
    }
}

/// A word of three letters joined by a hyphen to the legal form before it,
/// last in the name, is where the company is registered, as the SDN list
/// writes one company's names ("STAR SHIP MANAGEMENT LIMITED" and "STAR
/// SHIP MANAGEMENT LTD-BZE"; "AQUA SHIPPING LTD.-MAI"), and optional: a
/// vendor leaves it out.
fn registry_codes(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let [before @ .., form, code] = toks else {
        return;
    };
    if before
        .iter()
        .all(|t| t.raw.kind == Some(TokenKind::LegalForm))
    {
        return;
    }
    let registry = form.raw.kind == Some(TokenKind::LegalForm)
        && code.raw.kind.is_none()
        && !code.optional
        && code.raw.text.len() == 3
        && code.raw.text.bytes().all(|b| b.is_ascii_alphabetic())
        && gap_is(text, &form.raw, &code.raw, &["-", ".-"]);
    if registry {
        code.make_optional(text, "is a registry's code after the legal form", steps);
    }
}

/// EDGAR's note after a slash closing a conformed name
/// ([`super::edgar`]): where the company is incorporated ("8X8 INC /DE/",
/// "UNITED BANCSHARES INC/OH", "Troops, Inc. /Cayman Islands/") or how it
/// is registered ("AAK AB/ADR", "KEYCORP /NEW/"). It says how the company
/// files, not who it is, and is optional: "CHINA MOBILE LTD /ADR/" is
/// China Mobile Limited. A code must be set apart from the name by a space
/// or a legal form before the slash ("AC/DC" is a name); depositary
/// receipts may follow any word ("Hesai Group/ADR").
fn edgar_notes(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let Some(note) = super::edgar::note(text, toks.iter().map(|t| &t.raw)) else {
        return;
    };
    let legal = |t: &Tagging| t.raw.kind == Some(TokenKind::LegalForm);
    let first = note.start;
    let named = toks[..first].iter().any(|t| !legal(t) && !t.optional);
    let spaced = super::edgar::spaced(
        text,
        toks[first - 1].raw.span.end,
        toks[first].raw.span.start,
    );
    let apart = legal(&toks[first - 1]) || spaced;
    let taken = toks[first..].iter().any(|t| t.optional || legal(t));
    if named && (note.depositary || apart) && !taken {
        for t in &mut toks[first..] {
            t.make_optional(
                text,
                "is EDGAR's note of how the company is registered",
                steps,
            );
        }
    }
}

/// Whether the text between tokens `a` and `b` is one of `gaps`, read as
/// normalised (NFKC, invisible characters skipped): a full-width hyphen
/// or one beside a zero-width space joins as a hyphen does. The gap as
/// written is tried first, without allocating.
fn gap_is(text: &str, a: &RawToken, b: &RawToken, gaps: &[&str]) -> bool {
    text.get(a.span.end..b.span.start).is_some_and(|gap| {
        if gaps.contains(&gap) {
            return true;
        }
        // Printable ASCII reads as written: nothing in it is invisible or
        // changed by NFKC.
        if gap.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
            return false;
        }
        let read: String = gap
            .chars()
            .filter(|&c| !super::chars::is_invisible(c))
            .collect::<String>()
            .nfkc()
            .collect();
        gaps.contains(&read.as_str())
    })
}

/// The Persian ezafe, "-e" or "-ye" joined to the word before it ("BANK-E
/// TAT", "MEHR-E EQTESAD-E IRANIAN INVESTMENT COMPANY"), is optional: the
/// lists write the same names without it ("TAT BANK", "MEHR EQTESAD").
fn ezafe(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    for i in 1..toks.len() {
        let (before, t) = (&toks[i - 1], &toks[i]);
        let ezafe = matches!(t.raw.text.as_str(), "e" | "ye")
            && !t.optional
            && before.raw.text.len() >= 2
            && gap_is(text, &before.raw, &t.raw, &["-"]);
        if ezafe {
            toks[i].make_optional(text, "is the Persian ezafe", steps);
        }
    }
}

/// "Offshore" beside a Lebanese SAL, before or after it ("FOCUS MEDIA
/// COMPANY SAL OFFSHORE", "STARS COMMUNICATIONS OFFSHORE SAL", "SAL
/// (OFF-SHORE)"), says what kind of SAL it is, and is optional: the SDN
/// list writes the same names without it. Written, it still pairs with
/// the word ("BARLY OFF-SHORE").
fn offshore(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let sal = |t: &Tagging| t.raw.kind == Some(TokenKind::LegalForm) && t.raw.text == "sal";
    let word = |t: &Tagging, w: &str| t.raw.kind.is_none() && !t.optional && t.raw.text == w;
    let n = toks.len();
    for i in 0..n {
        // "Offshore" one word, or "Off" and "Shore".
        let len = if word(&toks[i], "offshore") {
            1
        } else if i + 1 < n && word(&toks[i], "off") && word(&toks[i + 1], "shore") {
            2
        } else {
            continue;
        };
        let beside = (i > 0 && sal(&toks[i - 1])) || toks.get(i + len).is_some_and(sal);
        if beside {
            for t in &mut toks[i..i + len] {
                t.make_optional(text, "says the SAL is offshore", steps);
            }
        }
    }
}

/// The words after a d.o.o. that closes a name, up to three, are the town
/// it is registered in, as the Balkans write a company's name and the SDN
/// list copies it ("TEHNOGLOBAL SYSTEMS DOO BEOGRAD", "INKOP DOO CUPRIJA",
/// "DOLLY BELL DOO BEOGRAD-NOVI BEOGRAD" beside "DOLLY BELL"), and
/// optional: a vendor leaves the town out. After a d.o.o. that opens the
/// name ("DOO RAD 028 ZVECAN") they are the name.
fn seat_after_doo(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let form = |t: &Tagging| t.raw.kind == Some(TokenKind::LegalForm);
    let Some(i) = toks.iter().rposition(|t| form(t) && t.raw.text == "doo") else {
        return;
    };
    let after = toks.len() - i - 1;
    let named_before = toks[..i].iter().any(|t| !form(t));
    let town = |t: &Tagging| matches!(t.raw.kind, None | Some(TokenKind::Place)) && !t.optional;
    if !named_before || !(1..=3).contains(&after) || !toks[i + 1..].iter().all(town) {
        return;
    }
    for t in &mut toks[i + 1..] {
        t.make_optional(text, "is the town after the d.o.o.", steps);
    }
}

/// The words before a country that name its state ([`REPUBLIC_OF`]:
/// "Central Bank of the Islamic Republic of Iran", "State Security
/// Committee of the Republic of Belarus") are optional: a vendor writes
/// them or leaves them out ("Central Bank of Iran"), and written they pair
/// as any word does, a typo in them too ("Islamic Tepublic of Iran").
fn state_words(text: &str, toks: &mut [Tagging], steps: &mut Steps) {
    let country = |t: &Tagging| t.raw.kind == Some(TokenKind::Place) && is_country(&t.raw.text);
    for i in 0..toks.len() {
        if !country(&toks[i]) {
            continue;
        }
        let before = REPUBLIC_OF
            .iter()
            .map(|p| p.split(' ').collect::<Vec<_>>())
            .filter(|p| {
                p.len() <= i
                    && toks[i - p.len()..i]
                        .iter()
                        .zip(p)
                        .all(|(t, w)| t.raw.kind.is_none() && t.raw.text == *w)
            })
            .map(|p| p.len())
            .max();
        let Some(len) = before else {
            continue;
        };
        for t in &mut toks[i - len..i] {
            t.optional = true;
        }
        let span = toks[i - len].raw.span.start..toks[i - 1].raw.span.end;
        steps.push(
            StepKind::Optional,
            format!(
                "'{}' names the state of '{}': optional",
                &text[span],
                &text[toks[i].raw.span.clone()]
            ),
        );
    }
}
