//! Names written as prose (Entity List, State lists): aliases, former names
//! and related entities read out of the name.

mod reading;
#[cfg(test)]
mod tests;

use crate::list::RelationKind;

pub(super) use reading::{NameReading, read_names};

/// An alias as published, without the prose around it ("and X.", trailing period).
pub(in crate::list::csl) fn clean_alias(a: &str) -> String {
    let a = collapse_spaces(a);
    let a = a.strip_prefix("and ").unwrap_or(&a);
    let a = a.trim_end_matches([';', ',']).trim();
    // A trailing period ends the prose, unless it closes an abbreviation ("Co.", "Ltd.").
    let a = match a.strip_suffix('.') {
        Some(rest) if !ends_with_abbreviation(rest) => rest,
        _ => a,
    };
    collapse_spaces(a)
}

pub(in crate::list::csl) fn ends_with_abbreviation(s: &str) -> bool {
    let last = s.rsplit([' ', ',']).next().unwrap_or("");
    matches!(
        last.to_ascii_lowercase().as_str(),
        "co" | "ltd"
            | "inc"
            | "corp"
            | "llc"
            | "jsc"
            | "s.a"
            | "b.v"
            | "n.v"
            | "co.,ltd"
            | "pte"
            | "bhd"
            | "plc"
            | "gmbh"
            | "l.l.c"
            | "s.a.r.l"
            | "e.v"
    ) || last.len() == 1
}

pub(in crate::list::csl) fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name split into its parts.
#[derive(Debug, Default, PartialEq)]
pub(in crate::list::csl) struct ParsedName {
    pub(super) primary: String,
    pub(super) aliases: Vec<String>,
    pub(super) former: Vec<String>,
    pub(super) relations: Vec<(RelationKind, String)>,
    /// Reach clauses as published ("and its sub-units and successors").
    pub(super) reach: Vec<String>,
    /// The name as written without the prose clauses, parentheticals kept
    /// ("Chengdu GaStone Technology Co., Ltd. (CGTC)").
    pub(super) written: String,
    /// Aliases read from parenthesised acronyms.
    pub(super) acronyms: usize,
    /// Names read after `a.k.a.` / `aka`.
    pub(super) aka: usize,
}

impl ParsedName {
    pub(in crate::list::csl) fn plain(name: &str) -> ParsedName {
        ParsedName {
            primary: collapse_spaces(name),
            ..ParsedName::default()
        }
    }
}

/// Finds `needle` in `hay` ignoring ASCII case.
pub(in crate::list::csl) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.to_ascii_lowercase();
    h.find(&needle.to_ascii_lowercase())
}

/// Splits an Entity List style name into the primary name, aliases ("(ACRONYM)",
/// "a.k.a.", "[aka ...]"), former names ("f.k.a.", "formerly") and relations
/// ("Affiliated Entity: ...", "Subordinate Institution - ...", "Parent
/// Organization: ...", "X entity: ...").
pub(in crate::list::csl) fn split_prose(name: &str) -> ParsedName {
    let mut p = ParsedName::default();
    let mut s = collapse_spaces(name);

    // "and its sub-units and successors" and the like end the name: a note
    // on the listing's reach.
    for tail in [
        ", and its sub-units and successors",
        " and its sub-units and successors",
        ", and its successors",
        ", and successors",
    ] {
        if let Some(i) = find_ci(&s, tail) {
            let clause = s[i..].trim_start_matches(',').trim().to_string();
            p.reach.push(clause.trim_end_matches('.').to_string());
            s.truncate(i);
        }
    }
    // "(Parent Organization: X)".
    if let Some(i) = find_ci(&s, "(Parent Organization:") {
        let rest = &s[i + "(Parent Organization:".len()..];
        let end = matching_paren(rest).unwrap_or(rest.len());
        let parent = clean_alias(&rest[..end]);
        if !parent.is_empty() {
            p.relations.push((RelationKind::Parent, parent));
        }
        let after = rest.get(end + 1..).unwrap_or("").to_string();
        s = format!("{}{}", &s[..i], after);
    }
    // Relation clauses after the name.
    for (marker, kind) in [
        ("Affiliated Entities:", RelationKind::Affiliate),
        ("Affiliated Entity:", RelationKind::Affiliate),
        ("Subordinate Institutions:", RelationKind::Subsidiary),
        ("Subordinate Institution -", RelationKind::Subsidiary),
        ("Subordinate Institution:", RelationKind::Subsidiary),
        (", and subordinate entity ", RelationKind::Subsidiary),
    ] {
        while let Some(i) = find_ci(&s, marker) {
            let rest = s[i + marker.len()..].to_string();
            s.truncate(i);
            for related in rest.split("; ") {
                let r = clean_alias(related);
                if !r.is_empty() {
                    p.aliases.push(r.clone());
                    p.relations.push((kind, r));
                }
            }
        }
    }
    // "Department of Atomic Energy entity: X".
    if let Some(i) = find_ci(&s, " entity: ") {
        let parent = clean_alias(&s[..i]);
        s = s[i + " entity: ".len()..].to_string();
        if !parent.is_empty() {
            p.relations.push((RelationKind::Parent, parent));
        }
    }
    // "[aka A, aka B]" and "(aka A)".
    while let Some(open) = s.find('[') {
        let close = s[open..].find(']').map_or(s.len(), |c| open + c);
        let inner = s[open + 1..close].to_string();
        aka_list(&inner, &mut p);
        s = format!("{}{}", &s[..open], s.get(close + 1..).unwrap_or(""));
    }
    // Inline "a.k.a." and "f.k.a." (outside brackets).
    let lower = s.to_ascii_lowercase();
    let cut = ["a.k.a.", "f.k.a.", " aka ", "(aka ", "(formerly "]
        .iter()
        .filter_map(|m| lower.find(m))
        .min();
    if let Some(i) = cut {
        let rest = s[i..].to_string();
        s.truncate(i);
        s.truncate(s.trim_end_matches([' ', '(', ',', ';']).len());
        aka_list(&rest, &mut p);
    }
    p.written = clean_alias(&s);
    // Parentheticals.
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = matching_paren(after) else {
            break;
        };
        let inner = after[..close].trim();
        let before = &rest[..open];
        let tail = &after[close + 1..];
        let at_end = tail
            .trim()
            .trim_matches(|c| c == '.' || c == ',')
            .is_empty();
        if is_acronym(inner) || (at_end && is_single_word_name(inner)) {
            // "Long Name (ACR) 3rd Academy" also goes by "ACR 3rd Academy".
            let tail_clean = tail.trim().trim_start_matches(',').trim();
            let alias = if at_end || tail_clean.is_empty() {
                inner.to_string()
            } else {
                format!("{inner} {tail_clean}")
            };
            p.aliases.push(clean_alias(&alias));
            p.acronyms += 1;
            out.push_str(before);
        } else if at_end && descriptive(inner) {
            out.push_str(before);
        } else {
            out.push_str(&rest[..open + 1 + close + 1]);
        }
        rest = tail;
    }
    out.push_str(rest);
    p.primary = clean_alias(&out);
    p.aliases.retain(|a| !a.is_empty());
    p.aliases.dedup();
    p
}

/// Splits a comma-joined alias list ("DPRK Committee for Space Technology,
/// KCST"), keeping commas that belong to a name: before a legal form
/// ("Co., Ltd."), after a single word ("ZAMAN, Haydar"), before lower case.
pub(in crate::list::csl) fn split_commas(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split(", ") {
        let legal = matches!(
            part.trim_end_matches('.').to_ascii_lowercase().as_str(),
            "ltd"
                | "limited"
                | "inc"
                | "llc"
                | "co"
                | "corp"
                | "s.a"
                | "sa"
                | "jsc"
                | "plc"
                | "gmbh"
                | "pte ltd"
        );
        let lower = part.chars().next().is_some_and(char::is_lowercase);
        let words: Vec<&str> = part.split_whitespace().collect();
        let given_name = words.len() <= 2
            && words
                .first()
                .is_some_and(|w| w.chars().any(char::is_lowercase));
        match out.last_mut() {
            Some(prev)
                if legal
                    || lower
                    || (!prev.contains(' ')
                        && prev.chars().all(|c| !c.is_lowercase())
                        && given_name) =>
            {
                prev.push_str(", ");
                prev.push_str(part);
            }
            _ => out.push(part.to_string()),
        }
    }
    out
}

/// Reads "aka A, aka B", "a.k.a. A; f.k.a. B", "formerly C" into aliases and former names.
pub(in crate::list::csl) fn aka_list(text: &str, p: &mut ParsedName) {
    let mut kind_former = false;
    let normalized = text
        .replace("a.k.a.,", "a.k.a.")
        .replace("f.k.a.,", "f.k.a.");
    let mut rest = normalized.as_str();
    loop {
        let lower = rest.to_ascii_lowercase();
        let markers = [
            ("a.k.a.", false),
            ("f.k.a.", true),
            ("aka ", false),
            ("formerly ", true),
        ];
        let next = markers
            .iter()
            .filter_map(|(m, f)| lower.find(m).map(|i| (i, m.len(), *f)))
            .min_by_key(|x| x.0);
        let (chunk, after) = match next {
            Some((i, len, f)) => {
                let chunk = &rest[..i];
                let after = &rest[i + len..];
                push_names(chunk, kind_former, p);
                kind_former = f;
                (None, after)
            }
            None => (Some(rest), ""),
        };
        if let Some(c) = chunk {
            push_names(c, kind_former, p);
            break;
        }
        rest = after;
    }
}

pub(in crate::list::csl) fn push_names(chunk: &str, former: bool, p: &mut ParsedName) {
    let mut chunk = chunk.trim().trim_start_matches('(');
    if chunk.matches(')').count() > chunk.matches('(').count() {
        chunk = chunk.strip_suffix(')').unwrap_or(chunk);
    }
    for part in chunk.split(", aka").flat_map(|x| x.split(';')) {
        let mut part = part.trim();
        // "Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)": two names.
        if let Some(open) = part.rfind('(') {
            let inner = part[open + 1..].trim_end_matches(')').trim();
            if part.ends_with(')') && (is_acronym(inner) || is_single_word_name(inner)) {
                p.aliases.push(inner.to_string());
                part = part[..open].trim();
            }
        }
        let n = clean_alias(part.trim_matches(|c| c == ',' || c == '(' || c == ')'));
        if n.is_empty() || n.len() < 2 {
            continue;
        }
        if former {
            p.former.push(n);
        } else {
            p.aka += 1;
            p.aliases.push(n);
        }
    }
}

/// Index of the `)` closing a parenthesis opened just before `s`.
pub(in crate::list::csl) fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// "CASC", "CETC 13", "Chitron-Shenzhen", "SAEN CO.": an acronym or short alias.
pub(in crate::list::csl) fn is_acronym(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || s.len() > 24 {
        return false;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return false;
    }
    let all_upper = letters.iter().all(|c| c.is_uppercase());
    all_upper
        || (words.len() == 1 && s.chars().next().is_some_and(char::is_uppercase) && s.contains('-'))
}

/// "Huawei": one capitalised word.
pub(in crate::list::csl) fn is_single_word_name(s: &str) -> bool {
    !s.contains(' ') && s.chars().next().is_some_and(char::is_uppercase) && s.chars().count() >= 2
}

/// "(Hong Kong Entity)", "(DPRK individual)": a description, not a name.
pub(in crate::list::csl) fn descriptive(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.ends_with("entity") || l.ends_with("individual") || l.ends_with("entities")
}
