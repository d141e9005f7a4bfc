//! What EDGAR writes after a slash closing a company's conformed name
//! ("8X8 INC /DE/", "AAK AB/ADR", "KEYCORP /NEW/"): 396 of the 7,156 SEC
//! names of `../shared/data/vendors` end so.

/// Where the company is incorporated: the postal codes of the US states
/// (but Colorado's "CO", the legal form Co. it would be read as),
/// the District of Columbia and the territories, "Del" as some filers write
/// Delaware, the codes of Canada's provinces and territories with "Can" and
/// "CN" for Canada ("BANK OF MONTREAL /CAN/", "BROOKFIELD Corp /ON/",
/// "CANADIAN PACIFIC KANSAS CITY LTD/CN"), "CI" for the Cayman Islands
/// ("Gores Holdings X, Inc. / CI"), and the states' names ("Alight, Inc. /
/// Delaware"; countries are places already).
#[rustfmt::skip]
pub(crate) const INCORPORATION_CODES: &[&str] = &[
    "al", "ak", "az", "ar", "ca", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks",
    "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm",
    "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va",
    "wa", "wv", "wi", "wy", "dc", "pr", "gu", "vi", "as", "mp", "del", "ab", "bc", "mb", "nb",
    "nl", "ns", "nt", "nu", "on", "pe", "qc", "sk", "yt", "can", "cn", "ci",
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio",
    "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia",
    "washington", "wisconsin", "wyoming",
];

/// What else the filer's registration says: "ADR" or "ADS", a foreign
/// issuer's shares traded as American depositary receipts or shares;
/// "New", a registrant succeeding another of the same name; "FI", a
/// foreign issuer.
pub(crate) const REGISTRATION_NOTES: &[&str] = &["adr", "ads", "new", "fi"];
