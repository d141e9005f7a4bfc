//! Names a vendor master writes into one name field: the legal name and a
//! trading or former name joined by a marker, "BIRK INDUSTRIES, LLC DBA
//! CRATE PROS", "GW DE JAGER T/A GARDEN MAGIC", "ARYZTA AG (fka IAWS GROUP
//! PLC)", "PHASE 3 INVESTMENTS, LLC / DBA: 4 STATES EQUIPMENT". Read as one
//! name, a listed company hides behind its trading name ("ZTE USA INC DBA
//! ACME" shares too little with "ZTE Corporation" as a whole), so the
//! screener also screens each part as one of the vendor's own names.

/// Markers of one word, compared without case, dots and the punctuation
/// around them ("D.B.A.", "(fka", "DBA:").
const ONE_WORD: &[&str] = &[
    "dba", "d/b/a", "t/a", "aka", "a/k/a", "fka", "f/k/a", "formerly",
];

/// Markers of several words, lower case.
const PHRASES: &[&[&str]] = &[
    &["doing", "business", "as"],
    &["trading", "as"],
    &["also", "known", "as"],
    &["formerly", "known", "as"],
];

/// Punctuation a part may start or end with that belongs to the marker
/// ("LLC / DBA: X", "AG (fka X)").
const AROUND: &[char] = &[',', ':', ';', '/', '-', '(', ')', '[', ']'];

/// A word as a marker is compared: lower case, dots and the punctuation
/// around it removed.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| AROUND.contains(&c))
        .chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many words a marker starting at `words[i]` takes, if one does.
fn marker_at(words: &[String]) -> Option<usize> {
    let first = words.first()?;
    if let Some(p) = PHRASES
        .iter()
        .find(|p| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b))
    {
        return Some(p.len());
    }
    ONE_WORD.contains(&first.as_str()).then_some(1)
}

/// A part as the vendor's name: spaces collapsed, the marker's punctuation
/// trimmed, a bracket closed in another part dropped.
fn clean(part: &[&str]) -> Option<String> {
    let joined = part.join(" ");
    let edge = |c: char| c.is_whitespace() || AROUND.contains(&c) && c != '(' && c != ')';
    let mut s = joined.trim_matches(edge);
    // A bracket the part does not close (or open) is the marker's.
    loop {
        let open = s.matches('(').count();
        let close = s.matches(')').count();
        let trimmed = if close > open && s.ends_with(')') || open > close && s.ends_with('(') {
            &s[..s.len() - 1]
        } else if close > open && s.starts_with(')') || open > close && s.starts_with('(') {
            &s[1..]
        } else {
            break;
        };
        s = trimmed.trim_matches(edge);
    }
    s.chars().any(char::is_alphanumeric).then(|| s.to_string())
}

/// The names written in one name field, in order, when a marker (DBA, D/B/A,
/// T/A, "trading as", AKA, A/K/A, FKA, F/K/A, "formerly") joins two of them;
/// nothing otherwise. A marker at the very start or end joins nothing.
///
/// ```
/// use vendor_screen::screen::trade_names::names_in;
/// assert_eq!(names_in("BIRK INDUSTRIES, LLC DBA CRATE PROS"), ["BIRK INDUSTRIES, LLC", "CRATE PROS"]);
/// assert_eq!(names_in("ARYZTA AG (fka IAWS GROUP PLC)"), ["ARYZTA AG", "IAWS GROUP PLC"]);
/// assert_eq!(
///     names_in("PHASE 3 INVESTMENTS, LLC / DBA: 4 STATES EQUIPMENT & SERVICES, LLC"),
///     ["PHASE 3 INVESTMENTS, LLC", "4 STATES EQUIPMENT & SERVICES, LLC"],
/// );
/// assert!(names_in("Hangzhou Hikvision Digital Technology Co., Ltd.").is_empty());
/// assert!(names_in("DBA HOLDINGS INC").is_empty());
/// ```
pub fn names_in(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let bares: Vec<String> = words.iter().map(|w| bare(w)).collect();
    let mut parts: Vec<&[&str]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < words.len() {
        match marker_at(&bares[i..]) {
            Some(n) => {
                parts.push(&words[start..i]);
                i += n;
                start = i;
            }
            None => i += 1,
        }
    }
    if parts.is_empty() {
        return Vec::new();
    }
    parts.push(&words[start..]);
    let names: Vec<String> = parts.iter().filter_map(|p| clean(p)).collect();
    if names.len() < 2 || names.len() < parts.len() {
        return Vec::new();
    }
    names
}

#[cfg(test)]
mod tests {
    use super::names_in;

    #[test]
    fn real_vendor_master_spellings_split_at_their_marker() {
        // Written this way in ../shared/data/vendors/fpds-vendor-names.txt.
        for (name, parts) in [
            (
                "AL HUNTER DBA HUNTER GROUP",
                &["AL HUNTER", "HUNTER GROUP"][..],
            ),
            (
                "GVM INC. DBA, J&G WHOLESALE PRODUCE",
                &["GVM INC.", "J&G WHOLESALE PRODUCE"],
            ),
            (
                "GVM INC. DBA  J&G WHOLESALE PRODUCE",
                &["GVM INC.", "J&G WHOLESALE PRODUCE"],
            ),
            (
                "GW DE JAGER T/A GARDEN MAGIC",
                &["GW DE JAGER", "GARDEN MAGIC"],
            ),
            (
                "DEVWORKS INTERNATIONAL  INC. A/K/A DEVWORKS INTERNATIONAL",
                &["DEVWORKS INTERNATIONAL INC.", "DEVWORKS INTERNATIONAL"],
            ),
            (
                "ACME SUPPLY INC D/B/A ZTE USA",
                &["ACME SUPPLY INC", "ZTE USA"],
            ),
            (
                "ACME SUPPLY INC D.B.A. ZTE USA",
                &["ACME SUPPLY INC", "ZTE USA"],
            ),
            ("ACME LLC (DBA ZTE USA)", &["ACME LLC", "ZTE USA"]),
            (
                "ZTE USA INC doing business as ACME",
                &["ZTE USA INC", "ACME"],
            ),
            ("ZTE USA INC trading as ACME", &["ZTE USA INC", "ACME"]),
            ("ACME, formerly known as ZTE USA", &["ACME", "ZTE USA"]),
            ("A DBA B FKA C", &["A", "B", "C"]),
        ] {
            assert_eq!(names_in(name), parts, "{name}");
        }
    }

    #[test]
    fn a_marker_with_nothing_on_one_side_splits_nothing() {
        for name in [
            "DBA HOLDINGS INC",
            "ACME DBA",
            "ACME DBA ()",
            "AKA HOTELS",
            "TA CHEN INTERNATIONAL",
            "DATA FKAB SYSTEMS",
            "",
        ] {
            assert!(names_in(name).is_empty(), "{name}");
        }
    }
}
