//! Alias hold-out: for organisations with two or more names in the OFAC SDN
//! and non-SDN files, one name is hidden from the lists and screened against
//! them; it should hit its entity through the names left. These are real,
//! independent spellings nobody generated. Kinds of alias, by simple rules
//! (first that applies, see [`kind`]).

use super::cases::Case;
use super::sources::ListFile;
use super::variants::Rng;
use super::words;
use std::collections::HashSet;
use vendor_screen::list::{DesignationList, EntityKind};

/// Words that mark a name as transliterated or in another language
/// (Russian, Persian, Arabic, Spanish, Portuguese, French legal and
/// organisational words), lower case.
pub const FOREIGN: &[&str] = &[
    "obshchestvo",
    "aktsionernoe",
    "otkrytoe",
    "zakrytoe",
    "publichnoe",
    "ogranichennoi",
    "ogranichennoy",
    "otvetstvennostyu",
    "kompaniya",
    "kompania",
    "zavod",
    "kombinat",
    "obedinenie",
    "obyedinenie",
    "nauchno",
    "proizvodstvennoe",
    "proizvodstvennoye",
    "gosudarstvennoe",
    "gosudarstvennoye",
    "predpriyatie",
    "predpriyatiye",
    "unitarnoe",
    "federalnoe",
    "kontsern",
    "tovarystvo",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "tov",
    "sherkat",
    "sherkate",
    "shirkat",
    "sharikat",
    "sharika",
    "moassese",
    "moasseseh",
    "sazman",
    "sazeman",
    "sanaye",
    "sanaat",
    "tolid",
    "tejarat",
    "bazargani",
    "mohandesi",
    "saderat",
    "tavanir",
    "mu'assasat",
    "muassasat",
    "empresa",
    "sociedad",
    "compania",
    "companhia",
    "societe",
    "banque",
    "banco",
    "instituto",
    "institut",
    "grupo",
    "comercial",
    "corporacion",
    "anonima",
    "limitada",
    "sarl",
    "gmbh",
];

/// The kind of a hidden name, relative to the entity's other names:
/// - `former name`: the file marks it as one (`fka`);
/// - `acronym`: one word of 2 to 8 letters (dots aside) that starts with the
///   first letter of another name of two words or more and has its letters
///   in order among that name's (BNC, COPROVA, CRYMSA), or the other names
///   are all acronyms of it (the query is the full name);
/// - `spelling variant`: another name is within 20% edits of it (letters
///   and digits only, lower case, words in either their order or sorted);
/// - `short or long form`: its words (less connectives and legal forms)
///   are a subset or superset of another name's;
/// - `translation`: it or the other names carry words of another language
///   or transliteration ([`FOREIGN`]) or letters outside ASCII, on one side only;
/// - `other name`: none of these (a trade name, a new name the file does not mark).
pub fn kind(name: &str, former: bool, others: &[String]) -> &'static str {
    if former {
        return "former name";
    }
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // `a` is an acronym or short form of `b`: one word of 2 to 8 letters (dots
    // aside), its first letter that of `b`'s first word, its letters in order
    // among `b`'s, and `b` has two words or more.
    let acronym_of = |a: &str, b: &str| -> bool {
        let la = letters(a);
        let lb = letters(b);
        let n = la.chars().count();
        a.split_whitespace().count() == 1
            && (2..=8).contains(&n)
            && b.split_whitespace().count() >= 2
            && la.chars().next() == lb.chars().next()
            && {
                let mut it = lb.chars();
                la.chars().all(|c| it.any(|x| x == c))
            }
    };
    if others.iter().any(|o| acronym_of(name, o))
        || (!others.is_empty() && others.iter().all(|o| acronym_of(o, name)))
    {
        return "acronym";
    }
    let flat = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let sorted = |s: &str| -> String {
        let mut w: Vec<String> = flat(s).split_whitespace().map(str::to_string).collect();
        w.sort();
        w.concat()
    };
    let close = others.iter().any(|o| {
        let plain =
            strsim::normalized_levenshtein(&flat(name).replace(' ', ""), &flat(o).replace(' ', ""));
        plain.max(strsim::normalized_levenshtein(&sorted(name), &sorted(o))) >= 0.8
    });
    if close {
        return "spelling variant";
    }
    let content = |s: &str| -> HashSet<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .map(words::key)
            .filter(|w| !w.is_empty() && !words::STOP_WORDS.contains(&w.as_str()) && !legal(w))
            .collect()
    };
    let mine = content(name);
    if !mine.is_empty()
        && others.iter().any(|o| {
            let theirs = content(o);
            !theirs.is_empty() && (mine.is_subset(&theirs) || theirs.is_subset(&mine))
        })
    {
        return "short or long form";
    }
    let foreign = |s: &str| {
        !s.is_ascii()
            || s.split(|c: char| !c.is_alphanumeric() && c != '\'')
                .any(|w| FOREIGN.contains(&w.to_lowercase().as_str()))
    };
    if foreign(name) != others.iter().any(|o| foreign(o)) || (foreign(name) && mine.len() > 1) {
        return "translation";
    }
    "other name"
}

fn legal(k: &str) -> bool {
    words::LEGAL_FORMS
        .iter()
        .flat_map(|c| c.iter())
        .flat_map(|f| f.split_whitespace())
        .any(|w| words::key(w) == k)
}

/// One fold: the lists with some names hidden, and the cases that query them.
pub struct Fold {
    /// The file's lists less the hidden names.
    pub lists: Vec<DesignationList>,
    /// The hidden names as cases.
    pub cases: Vec<Case>,
    /// Names not hidden because their entity's other names are all weak
    /// aliases, which hit only a vendor's name that is one word for word.
    pub weak_only: usize,
}

/// Up to `folds` folds over one OFAC file: each organisation with two or
/// more distinct names hides one of them (a different one per fold).
pub fn folds(file: &ListFile, folds: usize, seed: u64) -> Vec<Fold> {
    let mut rng = Rng::new(seed);
    let squeeze = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    // Per list, per entity: the order in which its names are hidden.
    let plan: Vec<Vec<Vec<usize>>> = file
        .lists
        .iter()
        .map(|l| {
            l.entities
                .iter()
                .map(|e| {
                    if e.kind != EntityKind::Organization {
                        return Vec::new();
                    }
                    let names: Vec<String> = e.names().map(|(_, n)| squeeze(n)).collect();
                    let mut distinct: Vec<usize> = (0..names.len())
                        .filter(|&i| !names[..i].contains(&names[i]))
                        .collect();
                    if distinct.len() < 2 {
                        return Vec::new();
                    }
                    for i in (1..distinct.len()).rev() {
                        distinct.swap(i, rng.below(i + 1));
                    }
                    distinct
                })
                .collect()
        })
        .collect();
    (0..folds)
        .map(|f| {
            let mut lists = file.lists.clone();
            let mut cases = Vec::new();
            let mut weak_only = 0;
            for (li, l) in lists.iter_mut().enumerate() {
                for (ei, e) in l.entities.iter_mut().enumerate() {
                    let Some(&hide) = plan[li][ei].get(f) else {
                        continue;
                    };
                    let all: Vec<(bool, String)> = e
                        .names()
                        .map(|(k, n)| (k == vendor_screen::list::NameKind::Former, n.to_string()))
                        .collect();
                    let (former, hidden) = all[hide].clone();
                    // Every name equal to the hidden one (spaces and case aside) goes.
                    let keep = |n: &String| squeeze(n) != squeeze(&hidden);
                    let mut names: Vec<String> = std::iter::once(e.name.clone())
                        .chain(e.aliases.iter().cloned())
                        .filter(keep)
                        .collect();
                    e.former_names.retain(keep);
                    e.original_names.retain(|o| keep(&o.name));
                    e.weak_aliases.retain(keep);
                    if names.is_empty() {
                        match e.former_names.first().cloned() {
                            Some(n) => {
                                e.former_names.remove(0);
                                names.push(n);
                            }
                            // Only weak aliases left (or nothing): no case.
                            None => {
                                weak_only += usize::from(!e.weak_aliases.is_empty());
                                continue;
                            }
                        }
                    }
                    e.name = names.remove(0);
                    e.aliases = names;
                    let others: Vec<String> = e.names().map(|(_, n)| n.to_string()).collect();
                    let k = kind(&hidden, former, &others);
                    cases.push(Case {
                        rows: vec![k.to_string(), "all aliases".to_string()],
                        query: hidden.clone(),
                        source: e.name.clone(),
                        list: l.meta.id.clone(),
                        entity: e.id.clone(),
                        expected_names: others,
                        member: false,
                        negative: false,
                    });
                }
            }
            Fold {
                lists,
                cases,
                weak_only,
            }
        })
        .filter(|f| !f.cases.is_empty())
        .collect()
}
