//! How each kind of variation changes a name's words, one function each
//! (dispatched by `variants::one`); `false` when the kind does not apply to
//! the name. Words a kind has changed are marked `touched`, so that a later
//! kind changes another.

use super::variants::{
    Context, Kind, Rng, Word, free_words, legal_span, place_unit, render, styled, trim_connectives,
};
use super::words::{self, DIGITS, LEGAL_FORMS, LOOKALIKES, QUALIFIERS};

/// The legal form written another way of its class (Co., Ltd. / Company
/// Limited, OOO / LLC).
pub fn legal_swapped(ws: &mut Vec<Word>, rng: &mut Rng, upper: bool) -> bool {
    let Some((class, start, n)) = legal_span(ws) else {
        return false;
    };
    let current = render(&ws[start..start + n]).to_lowercase();
    let others: Vec<&str> = LEGAL_FORMS[class]
        .iter()
        .copied()
        .filter(|f| f.to_lowercase() != current)
        .collect();
    let Some(f) = rng.pick(&others) else {
        return false;
    };
    ws.splice(
        start..start + n,
        [Word {
            text: styled(f, upper),
            legal: true,
            touched: true,
        }],
    );
    true
}

/// The legal form left out, where words remain.
pub fn legal_dropped(ws: &mut Vec<Word>) -> bool {
    let Some((_, start, n)) = legal_span(ws) else {
        return false;
    };
    ws.drain(start..start + n);
    if let Some(last) = ws.last_mut() {
        last.text = last.text.trim_end_matches(',').to_string();
    }
    ws.iter().any(|w| !words::key(&w.text).is_empty())
}

/// A legal form added to a name without one.
pub fn legal_added(ws: &mut Vec<Word>, rng: &mut Rng, upper: bool) -> bool {
    if legal_span(ws).is_some() {
        return false;
    }
    let f = rng
        .pick(&["Inc.", "LLC", "Co., Ltd.", "Corp.", "Limited", "Company"])
        .copied()
        .unwrap_or("Inc.");
    ws.push(Word {
        text: styled(f, upper),
        legal: true,
        touched: true,
    });
    true
}

/// One word contracted as the real vendor names contract it.
pub fn contraction(ws: &mut [Word], rng: &mut Rng, cx: &Context) -> bool {
    let options: Vec<(usize, &str)> = free_words(ws, 3)
        .into_iter()
        .flat_map(|i| {
            let k = words::key(&ws[i].text);
            cx.contractions
                .get(&k)
                .into_iter()
                .flatten()
                .map(move |c| (i, *c))
        })
        .collect();
    let Some(&(i, c)) = rng.pick(&options) else {
        return false;
    };
    let w = &mut ws[i];
    w.text = if w.text.chars().all(|c| !c.is_lowercase()) {
        c.to_uppercase()
    } else {
        c.to_string()
    };
    w.touched = true;
    true
}

/// One typo in a word of five letters or more: in its first letter when
/// `first`, else after it ([`typo`]).
pub fn typo_in_a_word(ws: &mut [Word], rng: &mut Rng, first: bool) -> bool {
    let Some(&i) = rng.pick(&free_words(ws, 5)) else {
        return false;
    };
    let chars: Vec<char> = ws[i].text.chars().collect();
    let Some(t) = typo(&chars, first, rng) else {
        return false;
    };
    ws[i].text = t;
    ws[i].touched = true;
    true
}

/// A word of seven letters or more split in two, three letters or more
/// each side.
pub fn split(ws: &mut Vec<Word>, rng: &mut Rng) -> bool {
    let Some(&i) = rng.pick(&free_words(ws, 7)) else {
        return false;
    };
    let chars: Vec<char> = ws[i].text.chars().collect();
    let at = 3 + rng.below(chars.len() - 5);
    let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
    ws.splice(
        i..=i,
        [a, b].map(|text| Word {
            text,
            legal: false,
            touched: true,
        }),
    );
    true
}

/// Two neighbouring words written as one, one of them of six letters or
/// fewer, neither a connective.
pub fn merge(ws: &mut Vec<Word>, rng: &mut Rng) -> bool {
    let free = free_words(ws, 1);
    let pairs: Vec<usize> = free
        .windows(2)
        .filter(|p| p[1] == p[0] + 1)
        .filter(|p| {
            let (a, b) = (&ws[p[0]].text, &ws[p[1]].text);
            !words::STOP_WORDS.contains(&words::key(a).as_str())
                && !words::STOP_WORDS.contains(&words::key(b).as_str())
                && a.chars().count().min(b.chars().count()) <= 6
        })
        .map(|p| p[0])
        .collect();
    let Some(&i) = rng.pick(&pairs) else {
        return false;
    };
    let b = ws.remove(i + 1);
    ws[i].text.push_str(&b.text);
    ws[i].touched = true;
    true
}

/// A legal form opening the name moved to its end whole, as written in
/// this table or as the crate reads one ("Aktsionernoe Obschestvo",
/// "Limited Liability Corporation"): nobody writes "Obschestvo Zvezda
/// Aktsionernoe". Else the first word moves to the end of the name, legal
/// form aside; a place of two words moves whole.
pub fn order(ws: &mut Vec<Word>) -> bool {
    for w in ws.iter_mut() {
        w.text = w.text.trim_end_matches(',').to_string();
    }
    let span = legal_span(ws);
    let leading = match span {
        Some((_, 0, n)) => n.max(leading_legal_words(ws)),
        _ => leading_legal_words(ws),
    };
    if leading > 0 && leading < ws.len() {
        let legal: Vec<Word> = ws.drain(..leading).collect();
        ws.extend(legal);
        return true;
    }
    let end = span.map_or(ws.len(), |(_, s, _)| s);
    let n = place_unit(ws, 0).len();
    if end < n + 1 {
        return false;
    }
    let first: Vec<Word> = ws.drain(..n).collect();
    let at = end - n;
    ws.splice(at..at, first);
    true
}

/// A place or organisation word left out of a name with a distinctive
/// word (a place of two words whole), and connectives it leaves at an end.
pub fn generic_dropped(ws: &mut Vec<Word>, rng: &mut Rng, cx: &Context) -> bool {
    let content = ws
        .iter()
        .filter(|w| !w.legal && cx.distinctive(&w.text))
        .count();
    let options: Vec<usize> = (0..ws.len())
        .filter(|&i| {
            let w = &ws[i];
            let k = words::key(&w.text);
            !w.legal
                && !w.touched
                && (words::is_place(&k) || words::ORG_WORDS.contains(&k.as_str()))
        })
        .collect();
    if content == 0 {
        return false;
    }
    let Some(&i) = rng.pick(&options) else {
        return false;
    };
    let unit = place_unit(ws, i);
    ws.drain(unit);
    trim_connectives(ws);
    true
}

/// A qualifier the name lacks (USA, International, (Hong Kong), Trading)
/// added before its legal form.
pub fn qualifier(ws: &mut Vec<Word>, rng: &mut Rng, upper: bool) -> bool {
    let present: Vec<String> = ws.iter().map(|w| words::key(&w.text)).collect();
    let options: Vec<&str> = QUALIFIERS
        .iter()
        .copied()
        .filter(|q| !present.contains(&words::key(q)))
        .collect();
    let Some(q) = rng.pick(&options) else {
        return false;
    };
    let at = match legal_span(ws) {
        Some((_, s, _)) if s > 0 => s,
        _ => ws.len(),
    };
    if at > 0 {
        let prev = &mut ws[at - 1];
        prev.text = prev.text.trim_end_matches(',').to_string();
    }
    ws.insert(
        at,
        Word {
            text: styled(q, upper),
            legal: false,
            touched: true,
        },
    );
    true
}

/// Punctuation removed, where the name had some.
pub fn punctuation(ws: &mut Vec<Word>) -> bool {
    let before = render(ws);
    for w in ws.iter_mut() {
        w.text = w
            .text
            .chars()
            .filter(|c| !matches!(c, '.' | ',' | '(' | ')' | '"' | ';'))
            .collect();
    }
    ws.retain(|w| !w.text.is_empty());
    render(ws) != before
}

/// Upper case, or title case for an upper-case name.
pub fn case(ws: &mut [Word], upper: bool) -> bool {
    for w in ws.iter_mut() {
        w.text = if upper {
            title(&w.text)
        } else {
            w.text.to_uppercase()
        };
    }
    true
}

/// Full-width letters.
pub fn full_width(ws: &mut [Word]) -> bool {
    for w in ws.iter_mut() {
        w.text = w
            .text
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() {
                    char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
    }
    true
}

/// How many of the name's first words make a legal form the crate reads
/// there (none when none opens the name).
fn leading_legal_words(ws: &[Word]) -> usize {
    use vendor_screen::normalize::{Normalizer, TokenKind};
    static NORMALIZER: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();
    let name = render(ws);
    let n = NORMALIZER.get_or_init(Normalizer::new).normalize(&name);
    let Some(end) = n
        .tokens
        .iter()
        .take_while(|t| t.kind == TokenKind::LegalForm)
        .map(|t| t.span.end)
        .last()
    else {
        return 0;
    };
    // The words of the rendered name (joined by single spaces, empty
    // words left out) that start before the legal form ends: up to the
    // last of them, counted as `ws` counts.
    let mut start = 0;
    let mut words = 0;
    for (i, w) in ws.iter().enumerate() {
        if w.text.is_empty() {
            continue;
        }
        if start >= end {
            break;
        }
        words = i + 1;
        start += w.text.len() + 1;
    }
    words
}

/// The name's most distinctive word (the longest distinctive one, else the
/// longest), for the evasion kinds.
fn target_word(ws: &[Word], cx: &Context, min_len: usize) -> Option<usize> {
    let free = free_words(ws, min_len);
    let best = |only_distinctive: bool| {
        free.iter()
            .copied()
            .filter(|&i| !only_distinctive || cx.distinctive(&ws[i].text))
            .max_by_key(|&i| (ws[i].text.chars().count(), usize::MAX - i))
    };
    best(true).or_else(|| best(false))
}

/// The evasions: look-alike letters in one letter or a whole word, a digit
/// for a letter, or the letters spaced out, in the name's most
/// distinctive word.
pub fn evasion(ws: &mut [Word], kind: Kind, rng: &mut Rng, cx: &Context) -> bool {
    let min = if kind == Kind::Lookalike { 3 } else { 4 };
    let Some(i) = target_word(ws, cx, min) else {
        return false;
    };
    let chars: Vec<char> = ws[i].text.chars().collect();
    let text: String = match kind {
        Kind::Lookalike | Kind::LookalikeWord => {
            let swappable: Vec<usize> = (0..chars.len())
                .filter(|&k| LOOKALIKES.iter().any(|(a, _)| *a == chars[k]))
                .collect();
            if swappable.is_empty() {
                return false;
            }
            let chosen: Vec<usize> = if kind == Kind::Lookalike {
                vec![swappable[rng.below(swappable.len())]]
            } else {
                swappable
            };
            chars
                .iter()
                .enumerate()
                .map(|(k, &c)| {
                    if chosen.contains(&k) {
                        LOOKALIKES.iter().find(|(a, _)| *a == c).map_or(c, |x| x.1)
                    } else {
                        c
                    }
                })
                .collect()
        }
        Kind::Digits => {
            let options: Vec<usize> = (1..chars.len())
                .filter(|&k| DIGITS.iter().any(|(a, _)| *a == chars[k]))
                .collect();
            let Some(&k) = rng.pick(&options) else {
                return false;
            };
            let mut out = chars.clone();
            out[k] = DIGITS
                .iter()
                .find(|(a, _)| *a == chars[k])
                .map_or(chars[k], |x| x.1);
            out.into_iter().collect()
        }
        _ => {
            if chars.len() > 10 {
                return false;
            }
            let sep = *rng.pick(&["-", " ", "_"]).unwrap_or(&"-");
            chars
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(sep)
        }
    };
    ws[i].text = text;
    ws[i].touched = true;
    true
}

/// A word in title case: a capital after each break ("o'neil" stays "O'neil").
fn title(w: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

/// Letters near each other on a QWERTY keyboard.
fn neighbour(c: char, rng: &mut Rng) -> char {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let lower = c.to_ascii_lowercase();
    let mut near: Vec<char> = Vec::new();
    for (r, row) in ROWS.iter().enumerate() {
        if let Some(p) = row.find(lower) {
            let row: Vec<char> = row.chars().collect();
            if p > 0 {
                near.push(row[p - 1]);
            }
            if p + 1 < row.len() {
                near.push(row[p + 1]);
            }
            for other in [r.wrapping_sub(1), r + 1] {
                if let Some(o) = ROWS.get(other) {
                    if let Some(x) = o.chars().nth(p) {
                        near.push(x);
                    }
                }
            }
        }
    }
    let n = rng.pick(&near).copied().unwrap_or('x');
    if c.is_uppercase() {
        n.to_ascii_uppercase()
    } else {
        n
    }
}

/// One typo in a word of at least five letters: in the first letter when
/// `first`, else anywhere after it.
fn typo(chars: &[char], first: bool, rng: &mut Rng) -> Option<String> {
    let mut out = chars.to_vec();
    let n = chars.len();
    let at = if first { 0 } else { 1 + rng.below(n - 1) };
    match rng.below(if first { 2 } else { 4 }) {
        0 => {
            let c = neighbour(out[at], rng);
            if c == out[at] {
                return None;
            }
            out[at] = c;
        }
        1 => {
            out.remove(at);
        }
        2 => out.insert(at, out[at]),
        _ => {
            if at + 1 >= n || out[at] == out[at + 1] {
                out.remove(at);
            } else {
                out.swap(at, at + 1);
            }
        }
    }
    Some(out.into_iter().collect())
}
