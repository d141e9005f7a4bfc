//! Kept for `examples/job.rs` and `tests/index_recall.rs`; the evaluation
//! itself now uses `variants.rs` (compound variations, its own vocabulary).
//!
//! Perturbations of real list names, as vendor masters spell them. Shared by
//! `examples/evaluate.rs` and `tests/evaluation.rs`. Deterministic: the same
//! seed gives the same variants.

/// A small deterministic random number generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The kinds of variation measured.
pub const KINDS: [&str; 11] = [
    "case_punctuation",
    "legal_form",
    "word_order",
    "typo",
    "split_merge",
    "abbreviation",
    "lookalike",
    "fullwidth",
    "zero_width",
    "qualifier",
    "drop_generic",
];

const LEGAL: [(&str, &[&str]); 10] = [
    ("Co., Ltd.", &["Company Limited", "Co Ltd", ""]),
    ("Co., Ltd", &["Company Limited", "Co Ltd", ""]),
    ("Company Limited", &["Co., Ltd.", "Co Ltd", ""]),
    ("Corporation", &["Corp.", "Corp", ""]),
    ("Company", &["Co.", "Co", ""]),
    ("Limited", &["Ltd.", "Ltd", ""]),
    ("Ltd.", &["Limited", "Ltd", ""]),
    ("Inc.", &["Incorporated", "Inc", ""]),
    ("LLC", &["L.L.C.", "Limited Liability Company", ""]),
    ("JSC", &["Joint Stock Company", "OJSC", ""]),
];

const ABBREVIATIONS: [(&str, &str); 16] = [
    ("Technology", "Tech"),
    ("Technologies", "Tech"),
    ("International", "Intl"),
    ("Corporation", "Corp"),
    ("Company", "Co"),
    ("Group", "Grp"),
    ("Telecommunications", "Telecom"),
    ("Telecommunication", "Telecom"),
    ("Communications", "Comm"),
    ("Electronics", "Elec"),
    ("Electronic", "Elec"),
    ("Manufacturing", "Mfg"),
    ("Services", "Svcs"),
    ("Engineering", "Eng"),
    ("Development", "Dev"),
    ("Institute", "Inst"),
];

const GENERIC: [&str; 12] = [
    "Technology",
    "Technologies",
    "Group",
    "International",
    "Trading",
    "Holdings",
    "Industrial",
    "Industries",
    "Development",
    "Engineering",
    "Science",
    "Electronics",
];

const QUALIFIERS: [&str; 6] = [
    " USA Inc.",
    " (Hong Kong) Limited",
    " International",
    " Group",
    " America LLC",
    " Trading Co.",
];

const LOOKALIKES: [(char, char); 8] = [
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('c', 'с'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('i', 'і'),
];

fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// Index of the longest word of at least `min` letters.
fn longest_word(ws: &[&str], min: usize) -> Option<usize> {
    let (i, w) = ws
        .iter()
        .enumerate()
        .filter(|(_, w)| w.chars().all(char::is_alphabetic))
        .max_by_key(|(i, w)| (w.chars().count(), usize::MAX - i))?;
    (w.chars().count() >= min).then_some(i)
}

/// A variant of `name` of the given kind, or `None` when the kind does not
/// apply to this name.
pub fn perturb(name: &str, kind: &str, rng: &mut Rng) -> Option<String> {
    let ws = words(name);
    let out = match kind {
        "case_punctuation" => {
            let stripped: String = name
                .chars()
                .filter(|c| !matches!(c, ',' | '.' | '-' | '(' | ')' | '"'))
                .collect();
            let stripped = words(&stripped).join(" ");
            if rng.below(2) == 0 {
                stripped.to_uppercase()
            } else {
                stripped.to_lowercase()
            }
        }
        "legal_form" => {
            let (form, swaps) = LEGAL.iter().find(|(f, _)| {
                name.strip_suffix(f)
                    .is_some_and(|rest| rest.ends_with(' ') || rest.ends_with(','))
            })?;
            let base = name[..name.len() - form.len()]
                .trim_end()
                .trim_end_matches(',');
            let to = swaps[rng.below(swaps.len())];
            if to.is_empty() {
                base.to_string()
            } else {
                format!("{base} {to}")
            }
        }
        "word_order" => {
            if ws.len() < 2 {
                return None;
            }
            let mut v = ws.clone();
            let first = v.remove(0);
            v.push(first);
            v.join(" ")
        }
        "typo" => {
            let i = longest_word(&ws, 5)?;
            let mut chars: Vec<char> = ws[i].chars().collect();
            let p = 1 + rng.below(chars.len() - 2);
            match rng.below(4) {
                0 => {
                    let c = chars[p];
                    chars.insert(p, c);
                }
                1 => {
                    chars.remove(p);
                }
                2 => {
                    chars[p] = if chars[p].eq_ignore_ascii_case(&'x') {
                        'q'
                    } else {
                        'x'
                    }
                }
                _ => chars.swap(p, p + 1),
            }
            let mut v: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
            v[i] = chars.into_iter().collect();
            v.join(" ")
        }
        "split_merge" => {
            let alpha = |w: &str| w.len() >= 3 && w.chars().all(char::is_alphabetic);
            let pair = (0..ws.len().saturating_sub(1)).find(|&i| alpha(ws[i]) && alpha(ws[i + 1]));
            let mut v: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
            match (pair, longest_word(&ws, 8)) {
                (_, Some(i)) if rng.below(2) == 0 || pair.is_none() => {
                    let chars: Vec<char> = ws[i].chars().collect();
                    let mid = chars.len() / 2;
                    v[i] = format!(
                        "{} {}",
                        chars[..mid].iter().collect::<String>(),
                        chars[mid..].iter().collect::<String>()
                    );
                }
                (Some(i), _) => {
                    let merged = format!("{}{}", v[i], v[i + 1]);
                    v[i] = merged;
                    v.remove(i + 1);
                }
                _ => return None,
            }
            v.join(" ")
        }
        "abbreviation" => {
            let (i, abbr) = ws.iter().enumerate().find_map(|(i, w)| {
                let bare = w.trim_end_matches([',', '.']);
                ABBREVIATIONS
                    .iter()
                    .find(|(long, _)| long.eq_ignore_ascii_case(bare))
                    .map(|(_, a)| (i, *a))
            })?;
            let mut v: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
            let tail: String = v[i].chars().filter(|c| matches!(c, ',' | '.')).collect();
            v[i] = format!("{abbr}{tail}");
            v.join(" ")
        }
        "lookalike" => {
            let i = longest_word(&ws, 4)?;
            let mut v: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
            let chars: Vec<char> = v[i].chars().collect();
            let spots: Vec<(usize, char)> = chars
                .iter()
                .enumerate()
                .filter_map(|(k, c)| {
                    LOOKALIKES
                        .iter()
                        .find(|(l, _)| l == c)
                        .map(|(_, cy)| (k, *cy))
                })
                .collect();
            if spots.is_empty() {
                return None;
            }
            let (k, cy) = spots[rng.below(spots.len())];
            let mut chars = chars;
            chars[k] = cy;
            v[i] = chars.into_iter().collect();
            v.join(" ")
        }
        "fullwidth" => name
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
                ' ' => '\u{3000}',
                _ => c,
            })
            .collect(),
        "zero_width" => {
            let i = longest_word(&ws, 4)?;
            let mut v: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
            let chars: Vec<char> = v[i].chars().collect();
            let p = 1 + rng.below(chars.len() - 1);
            let zw = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}'][rng.below(4)];
            v[i] = chars[..p]
                .iter()
                .chain(std::iter::once(&zw))
                .chain(&chars[p..])
                .collect();
            v.join(" ")
        }
        "qualifier" => format!("{name}{}", QUALIFIERS[rng.below(QUALIFIERS.len())]),
        "drop_generic" => {
            let i = ws.iter().position(|w| {
                GENERIC
                    .iter()
                    .any(|g| g.eq_ignore_ascii_case(w.trim_end_matches(',')))
            })?;
            if ws.len() < 3 {
                return None;
            }
            let mut v = ws.clone();
            v.remove(i);
            v.join(" ")
        }
        _ => return None,
    };
    (out != name && !out.trim().is_empty()).then_some(out)
}
