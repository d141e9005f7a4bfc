//! Names written as prose (Entity List, State lists): aliases, former names
//! and related entities read out of the name.

use crate::list::{ProseCounts, RelationKind};

/// An alias as published, without the prose around it ("and X.", trailing period).
pub(super) fn clean_alias(a: &str) -> String {
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

pub(super) fn ends_with_abbreviation(s: &str) -> bool {
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

pub(super) fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name split into its parts.
#[derive(Debug, Default, PartialEq)]
pub(super) struct ParsedName {
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
    pub(super) fn plain(name: &str) -> ParsedName {
        ParsedName {
            primary: collapse_spaces(name),
            ..ParsedName::default()
        }
    }
}

/// Finds `needle` in `hay` ignoring ASCII case.
pub(super) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.to_ascii_lowercase();
    h.find(&needle.to_ascii_lowercase())
}

/// Splits an Entity List style name into the primary name, aliases ("(ACRONYM)",
/// "a.k.a.", "[aka ...]"), former names ("f.k.a.", "formerly") and relations
/// ("Affiliated Entity: ...", "Subordinate Institution - ...", "Parent
/// Organization: ...", "X entity: ...").
pub(super) fn split_prose(name: &str) -> ParsedName {
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
pub(super) fn split_commas(s: &str) -> Vec<String> {
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
pub(super) fn aka_list(text: &str, p: &mut ParsedName) {
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

pub(super) fn push_names(chunk: &str, former: bool, p: &mut ParsedName) {
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
pub(super) fn matching_paren(s: &str) -> Option<usize> {
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
pub(super) fn is_acronym(s: &str) -> bool {
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
pub(super) fn is_single_word_name(s: &str) -> bool {
    !s.contains(' ') && s.chars().next().is_some_and(char::is_uppercase) && s.chars().count() >= 2
}

/// "(Hong Kong Entity)", "(DPRK individual)": a description, not a name.
pub(super) fn descriptive(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.ends_with("entity") || l.ends_with("individual") || l.ends_with("entities")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_list_prose_is_split() {
        // watchman's CSL parser cases (LESSONS.md).
        let p = split_prose(
            "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Huawei Terminal (Shenzhen) Co., Ltd.",
        );
        assert_eq!(p.primary, "Huawei Technologies Co., Ltd.");
        assert_eq!(
            p.aliases,
            ["Huawei Terminal (Shenzhen) Co., Ltd.", "Huawei"]
        );
        assert_eq!(
            p.relations,
            [(
                RelationKind::Affiliate,
                "Huawei Terminal (Shenzhen) Co., Ltd.".to_string()
            )]
        );

        let p = split_prose(
            "Universal Enterprise Limited [aka General Technology Limited, aka Beijing Luo Luo Tech Development Limited, aka Tiger Force Electronics, aka Foshan Nanhai Winhope Trade Company] (Hong Kong Entity), and its sub-units and successors",
        );
        assert_eq!(p.primary, "Universal Enterprise Limited");
        assert_eq!(
            p.aliases,
            [
                "General Technology Limited",
                "Beijing Luo Luo Tech Development Limited",
                "Tiger Force Electronics",
                "Foshan Nanhai Winhope Trade Company"
            ]
        );

        let p = split_prose(
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13).  Subordinate Institution - MT Microsystems",
        );
        assert_eq!(
            p.primary,
            "China Electronics Technology Group Corporation 13th Research Institute"
        );
        assert!(
            p.aliases.contains(&"CETC 13".to_string())
                && p.aliases.contains(&"MT Microsystems".to_string())
        );
    }

    #[test]
    fn akas_formers_parents_and_mid_name_acronyms() {
        let p = split_prose(
            "Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)",
        );
        assert_eq!(p.primary, "Chitron Electronics Company Ltd.");
        assert!(
            p.aliases
                .contains(&"Chi-Chung Electronics Company Ltd.".to_string()),
            "{p:?}"
        );

        let p = split_prose(
            "Baotou Guanghua Chemical Industrial Corporation (Parent Organization: China National Nuclear Group Corporation (CNNC))",
        );
        assert_eq!(p.primary, "Baotou Guanghua Chemical Industrial Corporation");
        assert_eq!(
            p.relations,
            [(
                RelationKind::Parent,
                "China National Nuclear Group Corporation (CNNC)".to_string()
            )]
        );

        let p = split_prose(
            "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy, 33 Research Institute",
        );
        assert_eq!(
            p.primary,
            "China Aerospace Science and Industry Corporation 3rd Academy, 33 Research Institute"
        );
        assert_eq!(p.aliases, ["CASIC 3rd Academy, 33 Research Institute"]);

        let p = split_prose(
            "Gazprom Telekom, OOO (f.k.a. Obshchestvo s Ogranichennoi Otvetstvennostyu Gazprom Svyaz)",
        );
        assert_eq!(p.primary, "Gazprom Telekom, OOO");
        assert_eq!(
            p.former,
            ["Obshchestvo s Ogranichennoi Otvetstvennostyu Gazprom Svyaz"]
        );
    }

    #[test]
    fn comma_joined_aliases_are_split_where_names_end() {
        assert_eq!(
            split_commas(
                "DPRK Committee for Space Technology, Department of Space Technology of North Korea, KCST"
            ),
            [
                "DPRK Committee for Space Technology",
                "Department of Space Technology of North Korea",
                "KCST"
            ]
        );
        assert_eq!(split_commas("ZAMAN, Haydar"), ["ZAMAN, Haydar"]);
        assert_eq!(
            split_commas("TABA, TABA Co., Iran Cutting Tools Co."),
            ["TABA", "TABA Co.", "Iran Cutting Tools Co."]
        );
        assert_eq!(
            split_commas("CITC, Technology Cooperation Office, TCO"),
            ["CITC", "Technology Cooperation Office", "TCO"]
        );
    }
    #[test]
    fn a_parenthesised_acronym_is_an_alias_and_the_written_name_stays() {
        let r = read_names(
            "Chengdu GaStone Technology Co., Ltd. (CGTC)",
            "",
            false,
            false,
        );
        assert_eq!(r.primary, "Chengdu GaStone Technology Co., Ltd.");
        assert_eq!(
            r.aliases,
            ["Chengdu GaStone Technology Co., Ltd. (CGTC)", "CGTC"]
        );
        assert_eq!(r.counts.parenthetical_aliases, 1);
    }

    #[test]
    fn prose_in_names_is_read_and_counted() {
        let r = read_names(
            "Poly Technologies Incorporated (PTI), and its sub-units and successors",
            "",
            false,
            false,
        );
        assert_eq!(r.primary, "Poly Technologies Incorporated");
        assert!(r.aliases.contains(&"PTI".to_string()));
        assert!(
            r.aliases
                .contains(&"Poly Technologies Incorporated (PTI)".to_string())
        );
        assert_eq!(r.notes, ["and its sub-units and successors"]);
        assert_eq!(r.counts.reach_notes, 1);

        let r = read_names(
            "Gazprom Promgaz, AO (f.k.a. Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz)",
            "",
            false,
            false,
        );
        assert_eq!(r.primary, "Gazprom Promgaz, AO");
        assert_eq!(
            r.former,
            ["Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz"]
        );
        assert_eq!(r.counts.former, 1);

        let r = read_names(
            "Pakistan Atomic Energy Commission (PAEC), and subordinate entity National Development Complex (NDC)",
            "",
            false,
            false,
        );
        assert_eq!(r.primary, "Pakistan Atomic Energy Commission");
        assert_eq!(
            r.relations,
            [(
                RelationKind::Subsidiary,
                "National Development Complex (NDC)".to_string()
            )]
        );
        assert_eq!(r.counts.related, 1);

        let r = read_names(
            "Department of Atomic Energy entity: Bhabha Atomic Research Center (BARC)",
            "",
            false,
            false,
        );
        assert_eq!(r.primary, "Bhabha Atomic Research Center");
        assert_eq!(
            r.relations,
            [(
                RelationKind::Parent,
                "Department of Atomic Energy".to_string()
            )]
        );
    }

    #[test]
    fn alias_fragments_and_tight_separators() {
        let r = read_names(
            "Beihang University",
            "and  Beijing Power Machinery Institute; NPO Izhmash OAO;OJSC Concern Kalashnikov; (all of preceding located in Beijing)",
            false,
            false,
        );
        for a in [
            "Beijing Power Machinery Institute",
            "NPO Izhmash OAO",
            "OJSC Concern Kalashnikov",
        ] {
            assert!(r.aliases.contains(&a.to_string()), "{a}: {:?}", r.aliases);
        }
        assert!(
            r.aliases
                .contains(&"and Beijing Power Machinery Institute".to_string()),
            "as written"
        );
        assert_eq!(r.notes, ["(all of preceding located in Beijing)"]);
        assert_eq!((r.counts.and_fragments, r.counts.tight_separators), (1, 1));
    }
}

/// The names read out of a record's `name` and `alt_names` fields.
#[derive(Debug, Default, PartialEq)]
pub(super) struct NameReading {
    pub(super) primary: String,
    pub(super) aliases: Vec<String>,
    pub(super) former: Vec<String>,
    pub(super) relations: Vec<(RelationKind, String)>,
    /// Reach clauses and parenthesised remarks, kept as notes.
    pub(super) notes: Vec<String>,
    pub(super) counts: ProseCounts,
}

impl NameReading {
    fn add(&mut self, name: &str, former: bool) {
        let name = collapse_spaces(name);
        if name.is_empty() || name == self.primary {
            return;
        }
        let target = if former {
            &mut self.former
        } else {
            &mut self.aliases
        };
        if !target.contains(&name) {
            target.push(name);
        }
    }

    fn absorb(&mut self, p: ParsedName) {
        self.counts.parenthetical_aliases += p.acronyms;
        self.counts.aka += p.aka;
        self.counts.former += p.former.len();
        self.counts.reach_notes += p.reach.len();
        self.counts.related += p.relations.len();
        for r in p.reach {
            if !self.notes.contains(&r) {
                self.notes.push(r);
            }
        }
        for r in p.relations {
            if !self.relations.contains(&r) {
                self.relations.push(r);
            }
        }
        self.add(&p.primary, false);
        self.add(&p.written, false);
        for a in p.aliases {
            self.add(&a, false);
        }
        for f in p.former {
            self.add(&f, true);
        }
    }
}

/// Reads a record's names. Treasury names and aliases are names as given;
/// State and BIS ones are prose, read for aliases (a parenthesised acronym
/// is an alias, and the name as written with it stays a name too), former
/// names, reach notes and related entities. `alt_names` pieces are split on
/// `;` (with or without a space), and Nonproliferation pieces on commas too.
/// Every name as the file writes it (the `name` field, each `alt_names`
/// piece) stays a name of the entity, so a vendor copying it finds it.
pub(super) fn read_names(
    name: &str,
    alt_names: &str,
    treasury: bool,
    comma_joined: bool,
) -> NameReading {
    let mut r = NameReading::default();
    let parsed = if treasury {
        ParsedName::plain(name)
    } else {
        split_prose(name)
    };
    r.primary = parsed.primary.clone();
    r.absorb(parsed);
    r.add(name, false);
    r.counts.tight_separators += alt_names
        .match_indices(';')
        .filter(|(i, _)| !alt_names[i + 1..].starts_with(' '))
        .count();
    for piece in alt_names
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        let squeezed = collapse_spaces(piece);
        if squeezed.starts_with('(') && squeezed.ends_with(')') {
            // "(all of preceding located in or near Mianyang, Sichuan
            // Province)": a remark on the names, not a name.
            r.notes.push(squeezed);
            continue;
        }
        if squeezed.to_ascii_lowercase().starts_with("and ") {
            r.counts.and_fragments += 1;
        }
        let parts = if comma_joined {
            split_commas(&squeezed)
        } else {
            vec![squeezed.clone()]
        };
        for part in parts {
            let p = if treasury {
                ParsedName::plain(&clean_alias(&part))
            } else {
                split_prose(&part)
            };
            r.absorb(p);
        }
        r.add(&squeezed, false);
    }
    r
}
