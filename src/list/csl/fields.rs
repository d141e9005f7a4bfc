//! Multi-valued CSL fields: `; `-joined lists, addresses ending in a country
//! code, identifiers in both layouts.

use crate::list::Identifier;

/// Splits a `; `-joined multi-valued field.
pub(super) fn split_multi(s: &str) -> Vec<String> {
    s.split("; ")
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// The ISO country code ending an address ("..., Beijing, 100033, CN").
pub(super) fn trailing_country(address: &str) -> Option<String> {
    let last = address.rsplit(',').next()?.trim();
    (last.len() == 2 && last.bytes().all(|b| b.is_ascii_uppercase())).then(|| last.to_string())
}

/// An id entry: `type, number, country` (current layout) or
/// `country, number, type` (legacy layout); the country is optional and the
/// number may contain commas.
pub(super) fn parse_id(s: &str, legacy: bool) -> Option<Identifier> {
    let parts: Vec<&str> = s.split(", ").map(str::trim).collect();
    let is_cc = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase());
    let (kind, value, country) = match parts.as_slice() {
        [] => return None,
        [one] => ("", one.to_string(), None),
        _ if legacy => {
            let (country, rest) = if is_cc(parts[0]) && parts.len() >= 3 {
                (Some(parts[0].to_string()), &parts[1..])
            } else {
                (None, &parts[..])
            };
            let (kind, number) = rest.split_last()?;
            (*kind, number.join(", "), country)
        }
        _ => {
            let (country, rest) = match parts.split_last() {
                Some((last, rest)) if is_cc(last) && rest.len() >= 2 => {
                    (Some(last.to_string()), rest)
                }
                _ => (None, &parts[..]),
            };
            (rest[0], rest[1..].join(", "), country)
        }
    };
    Some(Identifier {
        kind: kind.to_string(),
        value,
        country,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_both_layouts() {
        let id = parse_id(
            "Unified Social Credit Code (USCC), 9111000071093019X7, CN",
            false,
        )
        .unwrap();
        assert_eq!(
            (id.kind.as_str(), id.value.as_str(), id.country.as_deref()),
            (
                "Unified Social Credit Code (USCC)",
                "9111000071093019X7",
                Some("CN")
            )
        );
        let id = parse_id("Equity Ticker, CHA US", false).unwrap();
        assert_eq!(
            (id.kind.as_str(), id.value.as_str(), id.country),
            ("Equity Ticker", "CHA US", None)
        );
        let id = parse_id("US, 80-0890696, Tax ID No.", true).unwrap();
        assert_eq!(
            (id.kind.as_str(), id.value.as_str(), id.country.as_deref()),
            ("Tax ID No.", "80-0890696", Some("US"))
        );
    }
}
