//! Name normalisation.

use unicode_normalization::UnicodeNormalization;

/// Legal-form words ignored by the stop-gap key.
const LEGAL_FORMS: &[&str] = &[
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "plc",
    "lp",
    "llp",
    "gmbh",
    "ag",
    "sa",
    "jsc",
    "ojsc",
    "pjsc",
    "ooo",
    "oao",
    "zao",
];

/// A simple comparison key: NFKC, lower case, punctuation to spaces, legal-form
/// words dropped, single spaces.
///
/// ```
/// use vendor_screen::normalize::simple_key;
/// assert_eq!(simple_key("Hangzhou Hikvision Digital Technology Co., Ltd."),
///            simple_key("HANGZHOU HIKVISION DIGITAL TECHNOLOGY COMPANY"));
/// assert_eq!(simple_key("Co., Ltd."), "");
/// ```
pub fn simple_key(name: &str) -> String {
    let folded: String = name
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded
        .split_whitespace()
        .filter(|w| !LEGAL_FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}
