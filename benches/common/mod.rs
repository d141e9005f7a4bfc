//! Data for the benches: the real lists in ../shared/data, real vendor
//! names, and synthetic lists of realistic company names built from real name
//! parts (deterministic seed).
#![allow(dead_code)]

use vendor_screen::list::{Date, DesignationList, Entity, ListMeta, load::load_path};

pub const DATA: &str = "../shared/data";

/// The real partial CSL's lists.
pub fn csl() -> Vec<DesignationList> {
    // The extract is cut off inside its last record: load the rest.
    vendor_screen::list::load::load_path_with(
        format!("{DATA}/csl/consolidated-2023-11-partial.csv").as_ref(),
        None,
        &vendor_screen::list::LoadOptions::partial(),
    )
    .expect("CSL extract")
    .lists
}

/// Every list in ../shared/data loaded together (CSL extract, SDN 2024,
/// non-SDN, DPL) plus the bundled lists.
pub fn all_lists() -> Vec<DesignationList> {
    let mut lists = csl();
    for f in [
        "ofac-sdn/2024-05-03/sdn.csv",
        "ofac-non-sdn/cons_prim.csv",
        "bis-dpl/dpl.txt",
    ] {
        lists.extend(
            load_path(format!("{DATA}/{f}").as_ref(), None)
                .expect(f)
                .lists,
        );
    }
    lists.extend(vendor_screen::lists::bundled().expect("bundled"));
    lists
}

/// Number of names (primary, aliases, former, original) in lists.
pub fn name_count(lists: &[DesignationList]) -> usize {
    lists
        .iter()
        .flat_map(|l| &l.entities)
        .map(|e| e.names().count())
        .sum()
}

/// Real vendor names, every `step`-th.
pub fn vendors(step: usize) -> Vec<String> {
    let mut out = Vec::new();
    for f in ["fpds-vendor-names.txt", "sec-company-names.txt"] {
        let text = std::fs::read_to_string(format!("{DATA}/vendors/{f}")).expect(f);
        out.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    out.into_iter().step_by(step.max(1)).collect()
}

/// Words of real vendor names (every 97th name's), in order.
fn vendor_words() -> Vec<String> {
    vendors(97)
        .iter()
        .flat_map(|n| n.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// A name of real vendor words, as many as fit in `bytes` (again from the
/// first when they run out).
pub fn long_name(bytes: usize) -> String {
    let mut out = String::new();
    for w in vendor_words().iter().cycle() {
        if out.len() + w.len() + 1 > bytes {
            break;
        }
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// Long names of real vendor words, labelled: 1, 2, 4, 8 and 10 KB, and the
/// longest the limits admit: `max_tokens` (2,048 words, about 13.3 KB) and
/// `max_chars` (16,384 characters of words of nine letters or more).
pub fn long_names() -> Vec<(String, String)> {
    let words = vendor_words();
    let long_words: Vec<String> = words.iter().filter(|w| w.len() >= 9).cloned().collect();
    let mut names: Vec<(String, String)> = [1, 2, 4, 8, 10]
        .iter()
        .map(|kb| (format!("{kb}KB"), long_name(kb * 1024)))
        .collect();
    names.push(("max_tokens".into(), longest(&words)));
    names.push(("max_chars".into(), longest(&long_words)));
    names
}

/// The longest name of `words` (in order, again from the first when they
/// run out) that the limits admit.
fn longest(words: &[String]) -> String {
    let name = |k: usize| {
        let taken: Vec<&str> = words.iter().cycle().take(k).map(String::as_str).collect();
        taken.join(" ")
    };
    let admitted = |k: usize| vendor_screen::limits::check_name(&name(k)).is_ok();
    // The largest word count admitted: 1 word is, 16,384 words are not.
    let (mut lo, mut hi) = (1, vendor_screen::limits::MAX_NAME_CHARS);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if admitted(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    name(lo)
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

const GENERIC: &[&str] = &[
    "Technology",
    "Trading",
    "Group",
    "International",
    "Industrial",
    "Electronics",
    "Engineering",
    "Holdings",
    "Development",
    "Science",
    "Systems",
    "Services",
    "Logistics",
    "Investment",
];
const PLACES: &[&str] = &[
    "Shenzhen",
    "Beijing",
    "Shanghai",
    "Hangzhou",
    "Moscow",
    "Tehran",
    "Dubai",
    "Hong Kong",
    "Guangzhou",
    "Minsk",
    "Tianjin",
    "Wuhan",
];
const LEGAL: &[&str] = &[
    "Co., Ltd.",
    "LLC",
    "Inc.",
    "Limited",
    "JSC",
    "OOO",
    "GmbH",
    "Corporation",
    "S.A.",
    "",
];

/// `n` realistic company names from real words: distinctive words taken from
/// real list and vendor names, with generic words, places and legal forms.
pub fn synthetic_names(n: usize, seed: u64) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for l in csl() {
        for e in &l.entities {
            for w in e.name.split(|c: char| !c.is_alphabetic()) {
                if w.len() >= 4 && !GENERIC.iter().any(|g| g.eq_ignore_ascii_case(w)) {
                    words.push(capitalise(w));
                }
            }
        }
    }
    for v in vendors(3) {
        for w in v.split(|c: char| !c.is_alphabetic()) {
            if w.len() >= 4 {
                words.push(capitalise(w));
            }
        }
    }
    words.sort();
    words.dedup();
    let mut rng = Rng(seed);
    (0..n)
        .map(|_| {
            let mut parts: Vec<String> = Vec::new();
            if rng.next() % 3 == 0 {
                parts.push(rng.pick(PLACES).to_string());
            }
            for _ in 0..1 + rng.next() % 2 {
                parts.push(rng.pick(&words).clone());
            }
            for _ in 0..rng.next() % 3 {
                parts.push(rng.pick(GENERIC).to_string());
            }
            let legal = rng.pick(LEGAL);
            if !legal.is_empty() {
                parts.push(legal.to_string());
            }
            parts.join(" ")
        })
        .collect()
}

fn capitalise(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A list holding the synthetic names, one entity each.
pub fn synthetic_list(names: &[String]) -> DesignationList {
    DesignationList {
        meta: ListMeta {
            authority: "benchmark".into(),
            legal_basis: "none: generated from real name parts".into(),
            effect: "none".into(),
            as_of: Date::new(2026, 1, 1),
            ..ListMeta::new(
                &format!("synthetic-{}", names.len()),
                "Synthetic benchmark list",
            )
        },
        entities: names
            .iter()
            .enumerate()
            .map(|(i, n)| Entity::new(&i.to_string(), n, "synthetic"))
            .collect(),
    }
}
