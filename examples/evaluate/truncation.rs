//! Names cut at a field width: vendor masters store a name in a field of
//! fixed length and cut what does not fit, often inside a word. The real
//! vendor names show it: of the FPDS names, 39 are exactly 80 characters
//! long and 1 is 81; 54 are 60 long and 28 are 59 ("... GENERAL
//! MAINTENANC", "... CONFERENCE CENTE"). SAP's vendor name field holds 35.
//! Every organisation name longer than a width, cut there: not a sample.

use super::cases::Case;
use super::compound::{Source, case};
use super::variants::{self, Context, Kind, Rng};

/// The widths names are cut at.
pub const WIDTHS: [usize; 3] = [35, 60, 80];

/// Row for every cut name.
pub const ALL: &str = "all cut names";

/// Row for names changed another way before the cut.
pub const CHANGED: &str = "cut at 35 after another change (all)";

/// The other changes: what vendor masters also do to long names.
const CHANGES: [Kind; 5] = [
    Kind::LegalSwapped,
    Kind::Contraction,
    Kind::Typo,
    Kind::Merge,
    Kind::Order,
];

/// A name cut after `width` characters, with the space or punctuation the
/// cut leaves at the end removed; `None` when the name fits.
pub fn cut(name: &str, width: usize) -> Option<String> {
    if name.chars().count() <= width {
        return None;
    }
    let head: String = name.chars().take(width).collect();
    let trimmed = head.trim_end_matches(|c: char| !c.is_alphanumeric());
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Whether the cut falls inside a word (the next character of the name is
/// a letter or digit, as is the last one kept).
pub fn inside_a_word(name: &str, width: usize) -> bool {
    let mut chars = name.chars().skip(width - 1);
    matches!(
        (chars.next(), chars.next()),
        (Some(a), Some(b)) if a.is_alphanumeric() && b.is_alphanumeric()
    )
}

/// Every name of every source cut at every width it exceeds, one case each
/// (a name several entities share counts once); and each source's primary
/// name changed one other way (a random one of [`CHANGES`]) and cut at 35.
pub fn cases(sources: &[Source], cx: &Context, seed: u64) -> Vec<Case> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for s in sources {
        for name in &s.names {
            for width in WIDTHS {
                let Some(query) = cut(name, width) else {
                    continue;
                };
                if !seen.insert(query.to_lowercase()) {
                    continue;
                }
                let place = if inside_a_word(name, width) {
                    "inside a word"
                } else {
                    "between words"
                };
                let rows = vec![
                    ALL.to_string(),
                    format!("cut at {width} characters"),
                    format!("cut {place}"),
                ];
                out.push(case(s, query, rows, false));
            }
        }
    }
    let mut rng = Rng::new(seed);
    for s in sources {
        let kind = CHANGES[rng.below(CHANGES.len())];
        let Some(query) = variants::apply(&s.name, &[kind], &mut rng, cx)
            .and_then(|changed| cut(&changed, WIDTHS[0]))
        else {
            continue;
        };
        let rows = vec![
            CHANGED.to_string(),
            format!("cut at 35 after another change: {}", kind.name()),
        ];
        out.push(case(s, query, rows, false));
    }
    out
}
