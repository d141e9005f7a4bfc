//! What a vendor file's columns are ([`Column`], read from header names and
//! their synonyms) and what a row's fields make: a [`Vendor`].

use crate::screen::vendor::{IdentifierKind, Owner, Vendor, VendorIdentifier};

/// A vendor column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Column {
    Id,
    Name,
    Aliases,
    Parents,
    ParentShares,
    Country,
    Identifier(IdentifierKind),
}

impl Column {
    pub(super) fn canonical(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Aliases => "aliases",
            Column::Parents => "parents",
            Column::ParentShares => "parent_shares",
            Column::Country => "country",
            Column::Identifier(k) => k.as_str(),
        }
    }

    /// The column a header names, if it is one of ours.
    pub(super) fn from_header(header: &str) -> Option<Column> {
        let mut h = String::new();
        for word in header
            .trim_start_matches('\u{feff}')
            .split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == '.')
            .filter(|w| !w.is_empty())
        {
            if !h.is_empty() {
                h.push(' ');
            }
            h.push_str(&word.to_lowercase());
        }
        Some(match h.as_str() {
            "id" | "vendor id" | "supplier id" | "vendor number" | "supplier number" => Column::Id,
            "name" | "vendor" | "vendor name" | "supplier" | "supplier name" | "company"
            | "company name" | "legal name" => Column::Name,
            "aliases" | "alias" | "other names" | "dba" => Column::Aliases,
            "parents" | "parent" | "owners" | "owner" | "parent company" => Column::Parents,
            "parent shares" | "parent share" | "owner shares" => Column::ParentShares,
            "country" | "country code" => Column::Country,
            "uei" | "sam uei" => Column::Identifier(IdentifierKind::Uei),
            "cage" | "cage code" => Column::Identifier(IdentifierKind::Cage),
            "lei" => Column::Identifier(IdentifierKind::Lei),
            "duns" | "duns number" => Column::Identifier(IdentifierKind::Duns),
            "tax id" | "tin" | "ein" | "vat number" => Column::Identifier(IdentifierKind::TaxId),
            _ => return None,
        })
    }
}

/// `;`-separated values, trimmed, empty ones dropped.
fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses a share: `51`, `51%`, `51.5`.
///
/// ```
/// use vendor_screen::vendor_file::parse_share;
/// assert_eq!(parse_share("51%"), Ok(51.0));
/// assert!(parse_share("abc").is_err() && parse_share("120").is_err() && parse_share("NaN").is_err());
/// ```
pub fn parse_share(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a percentage"))?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{s} is not between 0 and 100"))
    }
}

pub(super) type FieldError = (&'static str, String);

pub(super) fn vendor_from_fields<'a>(
    value: impl Fn(Column) -> &'a str,
) -> std::result::Result<Vendor, FieldError> {
    let mut v = Vendor::new(value(Column::Name));
    let id = value(Column::Id);
    if !id.is_empty() {
        v.id = Some(id.to_string());
    }
    let country = value(Column::Country);
    if !country.is_empty() {
        v.country = Some(country.to_ascii_uppercase());
    }
    v.aliases = split_list(value(Column::Aliases));
    let parents = split_list(value(Column::Parents));
    let shares = value(Column::ParentShares);
    let mut share_values = vec![None; parents.len()];
    if !shares.is_empty() {
        let parts: Vec<&str> = shares.split(';').map(str::trim).collect();
        if parts.len() > parents.len() {
            return Err((
                "parent_shares",
                format!("{} shares for {} parents", parts.len(), parents.len()),
            ));
        }
        for (i, p) in parts.iter().enumerate() {
            if !p.is_empty() {
                share_values[i] = Some(parse_share(p).map_err(|m| ("parent_shares", m))?);
            }
        }
    }
    v.owners = Owner::chain(parents.into_iter().zip(share_values));
    for kind in IdentifierKind::ALL {
        let value = value(Column::Identifier(kind));
        if !value.is_empty() {
            v.identifiers.push(VendorIdentifier {
                kind,
                value: value.to_string(),
            });
        }
    }
    Ok(v)
}
