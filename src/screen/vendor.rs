//! The query: a [`Vendor`] with its names, identifiers and [`Owner`]s.

use crate::error::{Error, Result, shorten};
use crate::limits::{MAX_NAMES, check_name};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A vendor to screen: its name, other names, country, identifiers and owners.
///
/// Every field but `name` may be left out of its JSON form.
///
/// ```
/// use vendor_screen::{Vendor, IdentifierKind};
/// let v = Vendor::new("EZVIZ").with_id("v1").with_country("CN")
///     .with_identifier(IdentifierKind::Lei, "5493001KJTIIGC8Y1R12");
/// assert_eq!(v.name, "EZVIZ");
/// let from_json: Vendor = serde_json::from_str(r#"{"name": "EZVIZ"}"#)?;
/// assert_eq!(from_json, Vendor::new("EZVIZ"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vendor {
    /// The caller's own id for the vendor, echoed in the report.
    #[serde(default)]
    pub id: Option<String>,
    /// The vendor's name as the vendor master holds it.
    pub name: String,
    /// Trading names, former names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-2 country, when known.
    #[serde(default)]
    pub country: Option<String>,
    /// Registry identifiers (UEI, CAGE, LEI, DUNS, tax id), matched exactly
    /// against the identifiers the lists carry.
    #[serde(default)]
    pub identifiers: Vec<VendorIdentifier>,
    /// Direct owners, each with their own owners in turn.
    #[serde(default)]
    pub owners: Vec<Owner>,
}

impl Vendor {
    /// A vendor with just a name.
    pub fn new(name: impl Into<String>) -> Vendor {
        Vendor {
            id: None,
            name: name.into(),
            aliases: Vec::new(),
            country: None,
            identifiers: Vec::new(),
            owners: Vec::new(),
        }
    }

    /// Sets the caller's id.
    pub fn with_id(mut self, id: impl Into<String>) -> Vendor {
        self.id = Some(id.into());
        self
    }

    /// Sets the country.
    pub fn with_country(mut self, country: impl Into<String>) -> Vendor {
        self.country = Some(country.into());
        self
    }

    /// Adds an alias.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Vendor {
        self.aliases.push(alias.into());
        self
    }

    /// Adds a direct owner.
    pub fn with_owner(mut self, owner: Owner) -> Vendor {
        self.owners.push(owner);
        self
    }

    /// Adds an identifier.
    pub fn with_identifier(mut self, kind: IdentifierKind, value: impl Into<String>) -> Vendor {
        self.identifiers.push(VendorIdentifier {
            kind,
            value: value.into(),
        });
        self
    }

    /// The vendor as messages name it: its id, else its name (escaped and
    /// shortened).
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => shorten(id, 60),
            None => format!("\"{}\"", shorten(&self.name, 60)),
        }
    }

    /// A vendor as a command line names it: its name and its owners as
    /// `NAME[=SHARE]`, nearest first ([`Owner::chain_from_specs`]),
    /// validated like an input row ([`Vendor::validate`]).
    ///
    /// ```
    /// use vendor_screen::Vendor;
    /// let v = Vendor::from_command_line("EZVIZ Inc", &["Hikvision=100", "CETC"])?;
    /// assert_eq!(v.parent_chain().len(), 2);
    /// assert!(Vendor::from_command_line("", &["CETC"]).is_err());
    /// assert!(Vendor::from_command_line("EZVIZ", &["CETC=half"]).is_err());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn from_command_line(name: &str, owner_specs: &[impl AsRef<str>]) -> Result<Vendor> {
        let v = Vendor {
            owners: Owner::chain_from_specs(owner_specs)?,
            ..Vendor::new(name)
        };
        v.validate().map(|()| v)
    }

    /// Checks that the vendor can be screened: every name (its own, aliases,
    /// owners at every level) within [`crate::limits`], at most
    /// [`MAX_NAMES`] names, shares between 0 and 100, a two-letter country,
    /// well-formed identifiers. [`crate::Screener::try_screen`] calls it; the
    /// vendor file reader rejects a row that fails it.
    ///
    /// ```
    /// use vendor_screen::{Vendor, Owner};
    /// assert!(Vendor::new("Acme").validate().is_ok());
    /// let err = Vendor::new("\0\0").validate().unwrap_err();
    /// assert_eq!(err.to_string(), "vendor \"\\0\\0\": field `name`: empty name");
    /// let bad_share = Vendor::new("Acme").with_owner(Owner::new("Parent").with_share(120.0));
    /// assert!(bad_share.validate().unwrap_err().to_string().contains("owners.share"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        let err = |field: &str, message: String| Error::Vendor {
            vendor: self.label(),
            field: field.to_string(),
            message,
        };
        check_name(&self.name).map_err(|p| err("name", p.to_string()))?;
        for a in &self.aliases {
            check_name(a).map_err(|p| err("aliases", format!("alias {}: {p}", quote(a))))?;
        }
        let mut names = 1 + self.aliases.len();
        let mut stack: Vec<&Owner> = self.owners.iter().collect();
        while let Some(o) = stack.pop() {
            names += 1;
            if names > MAX_NAMES {
                return Err(err(
                    "owners",
                    format!("more than {MAX_NAMES} names (own, aliases and owners)"),
                ));
            }
            check_name(&o.name)
                .map_err(|p| err("owners.name", format!("owner {}: {p}", quote(&o.name))))?;
            if let Some(s) = o.share {
                if !(0.0..=100.0).contains(&s) {
                    return Err(err(
                        "owners.share",
                        format!(
                            "owner {}: share {s} is not between 0 and 100",
                            quote(&o.name)
                        ),
                    ));
                }
            }
            stack.extend(&o.owners);
        }
        if names > MAX_NAMES {
            return Err(err(
                "aliases",
                format!("more than {MAX_NAMES} names (own, aliases and owners)"),
            ));
        }
        if let Some(c) = &self.country {
            if !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic())) {
                return Err(err(
                    "country",
                    format!("{} is not an ISO 3166 alpha-2 code such as US", quote(c)),
                ));
            }
        }
        for i in &self.identifiers {
            i.check().map_err(|m| err("identifiers", m))?;
        }
        Ok(())
    }

    /// The owners as one chain, nearest first, following each owner's first
    /// owner (the shape of `--parent` and the `parents` column).
    pub fn parent_chain(&self) -> Vec<&Owner> {
        let mut out = Vec::new();
        let mut level = &self.owners;
        while let Some(o) = level.first() {
            out.push(o);
            level = &o.owners;
        }
        out
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", shorten(s, 60))
}

/// An owner of a vendor (or of another owner).
///
/// ```
/// use vendor_screen::Owner;
/// let o = Owner::new("Hangzhou Hikvision Digital Technology Co., Ltd.").with_share(100.0);
/// assert_eq!(o.share, Some(100.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    /// The owner's name.
    pub name: String,
    /// Share of the owned party held, in percent, when known.
    #[serde(default)]
    pub share: Option<f64>,
    /// The owner's own owners.
    #[serde(default)]
    pub owners: Vec<Owner>,
}

impl Owner {
    /// An owner with unknown share and no owners of its own.
    pub fn new(name: impl Into<String>) -> Owner {
        Owner {
            name: name.into(),
            share: None,
            owners: Vec::new(),
        }
    }

    /// Sets the share held, in percent.
    pub fn with_share(mut self, share: f64) -> Owner {
        self.share = Some(share);
        self
    }

    /// Adds an owner of this owner.
    pub fn with_owner(mut self, owner: Owner) -> Owner {
        self.owners.push(owner);
        self
    }

    /// Reads an owner as the command line gives it: `NAME` (share unknown)
    /// or `NAME=SHARE` with SHARE a percentage.
    ///
    /// ```
    /// use vendor_screen::Owner;
    /// assert_eq!(Owner::parse_spec("Hikvision=51%"), Ok(("Hikvision".to_string(), Some(51.0))));
    /// assert_eq!(Owner::parse_spec("CETC"), Ok(("CETC".to_string(), None)));
    /// assert!(Owner::parse_spec("CETC=most").is_err());
    /// ```
    pub fn parse_spec(spec: &str) -> std::result::Result<(String, Option<f64>), String> {
        match spec.rsplit_once('=') {
            Some((name, share)) => {
                let share = crate::vendor_file::parse_share(share)
                    .map_err(|e| format!("\"{}\": {e} (write NAME=SHARE)", shorten(spec, 80)))?;
                Ok((name.trim().to_string(), Some(share)))
            }
            None => Ok((spec.trim().to_string(), None)),
        }
    }

    /// Reads owners as the command line gives them (`NAME[=SHARE]`,
    /// nearest first) into a chain ([`Owner::chain`]).
    ///
    /// ```
    /// use vendor_screen::Owner;
    /// let chain = Owner::chain_from_specs(&["Hikvision=100", "CETC"])?;
    /// assert_eq!((chain[0].share, chain[0].owners[0].name.as_str()), (Some(100.0), "CETC"));
    /// assert!(Owner::chain_from_specs(&["CETC=most"]).is_err());
    /// # Ok::<(), vendor_screen::Error>(())
    /// ```
    pub fn chain_from_specs(specs: &[impl AsRef<str>]) -> Result<Vec<Owner>> {
        let links = specs
            .iter()
            .map(|s| Owner::parse_spec(s.as_ref()))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|message| Error::Argument {
                name: "parent".to_string(),
                message,
            })?;
        Ok(Owner::chain(links))
    }

    /// Nests a chain of owners, nearest first, each holding the next:
    /// `[(A, 100%), (B, None)]` is A (100% of the vendor), owned by B.
    ///
    /// ```
    /// use vendor_screen::Owner;
    /// let chain = Owner::chain([("Hikvision", Some(100.0)), ("CETC", None)]);
    /// assert_eq!(chain[0].owners[0].name, "CETC");
    /// assert!(Owner::chain(Vec::<(&str, Option<f64>)>::new()).is_empty());
    /// ```
    pub fn chain<S: Into<String>>(links: impl IntoIterator<Item = (S, Option<f64>)>) -> Vec<Owner> {
        let links: Vec<(String, Option<f64>)> =
            links.into_iter().map(|(n, s)| (n.into(), s)).collect();
        let mut chain: Option<Owner> = None;
        for (name, share) in links.into_iter().rev() {
            let mut owner = Owner::new(name);
            owner.share = share;
            owner.owners.extend(chain.take());
            chain = Some(owner);
        }
        chain.into_iter().collect()
    }
}

/// The kinds of registry identifier a vendor master holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    /// SAM.gov Unique Entity ID (12 letters and digits).
    Uei,
    /// Commercial and Government Entity code (5 letters and digits).
    Cage,
    /// ISO 17442 Legal Entity Identifier (20 letters and digits).
    Lei,
    /// Dun & Bradstreet D-U-N-S number (9 digits).
    Duns,
    /// A national tax or business registration number (US EIN, Chinese
    /// USCC, ...).
    TaxId,
}

impl IdentifierKind {
    /// Every kind, in column order.
    pub const ALL: [IdentifierKind; 5] = [
        IdentifierKind::Uei,
        IdentifierKind::Cage,
        IdentifierKind::Lei,
        IdentifierKind::Duns,
        IdentifierKind::TaxId,
    ];

    /// The name used in files and JSON (`uei`, `cage`, `lei`, `duns`, `tax_id`).
    pub fn as_str(self) -> &'static str {
        match self {
            IdentifierKind::Uei => "uei",
            IdentifierKind::Cage => "cage",
            IdentifierKind::Lei => "lei",
            IdentifierKind::Duns => "duns",
            IdentifierKind::TaxId => "tax_id",
        }
    }

    /// Whether an identifier a list carries, of the list's `kind` (free
    /// text such as `Legal Entity Number` or `Unified Social Credit Code
    /// (USCC)`), is of this kind.
    ///
    /// ```
    /// use vendor_screen::IdentifierKind;
    /// assert!(IdentifierKind::Lei.accepts("Legal Entity Number"));
    /// assert!(IdentifierKind::TaxId.accepts("Unified Social Credit Code (USCC)"));
    /// assert!(IdentifierKind::TaxId.accepts("USCC"));
    /// assert!(!IdentifierKind::TaxId.accepts("Passport"));
    /// ```
    pub fn accepts(self, list_kind: &str) -> bool {
        let k: String = list_kind
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
            .collect();
        let k = k.trim();
        let any = |words: &[&str]| {
            words
                .iter()
                .any(|w| k == *w || k.starts_with(&format!("{w} ")))
        };
        match self {
            IdentifierKind::Uei => any(&["uei", "unique entity id", "sam uei"]),
            IdentifierKind::Cage => any(&["cage", "cage code", "ncage"]),
            IdentifierKind::Lei => any(&[
                "lei",
                "legal entity number",
                "legal entity identifier",
                "le number",
            ]),
            IdentifierKind::Duns => any(&["duns", "duns number", "dunsnumber"]),
            IdentifierKind::TaxId => any(&[
                "tax id no",
                "tax id",
                "tax identification number",
                "us fein",
                "fein",
                "ein",
                "tin",
                "vat number",
                "unified social credit code",
                "uscc",
                "inn",
                "nit",
                "ruc",
                "rfc",
                "italian fiscal code",
                "cuit",
            ]),
        }
    }
}

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdentifierKind::Uei => "UEI",
            IdentifierKind::Cage => "CAGE",
            IdentifierKind::Lei => "LEI",
            IdentifierKind::Duns => "DUNS",
            IdentifierKind::TaxId => "tax id",
        })
    }
}

/// One registry identifier of a vendor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorIdentifier {
    /// What it is.
    pub kind: IdentifierKind,
    /// As written (separators such as spaces, `-` and `.` are ignored when matching).
    pub value: String,
}

impl VendorIdentifier {
    /// The value as compared: letters upper-cased, separators (anything but
    /// letters and digits) removed.
    ///
    /// ```
    /// use vendor_screen::{IdentifierKind, VendorIdentifier};
    /// let i = VendorIdentifier { kind: IdentifierKind::Duns, value: "12-345-6789".into() };
    /// assert_eq!(i.compare_form(), "123456789");
    /// ```
    pub fn compare_form(&self) -> String {
        compare_form(&self.value)
    }

    fn check(&self) -> std::result::Result<(), String> {
        let v = self.compare_form();
        let digits = v.bytes().all(|b| b.is_ascii_digit());
        let ok = match self.kind {
            IdentifierKind::Uei => v.len() == 12,
            IdentifierKind::Cage => v.len() == 5,
            IdentifierKind::Lei => v.len() == 20,
            IdentifierKind::Duns => v.len() == 9 && digits,
            IdentifierKind::TaxId => (5..=40).contains(&v.len()),
        };
        if ok && !self.value.chars().any(char::is_control) {
            Ok(())
        } else {
            let expected = match self.kind {
                IdentifierKind::Uei => "12 letters and digits",
                IdentifierKind::Cage => "5 letters and digits",
                IdentifierKind::Lei => "20 letters and digits",
                IdentifierKind::Duns => "9 digits",
                IdentifierKind::TaxId => "5 to 40 letters and digits",
            };
            Err(format!(
                "{} {} is not {expected}",
                self.kind,
                quote(&self.value)
            ))
        }
    }
}

/// Letters upper-cased, everything but ASCII letters and digits removed.
pub(crate) fn compare_form(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
