//! Legal forms: the table derived from opensanctions/rigour and the
//! short forms it leaves out or that count only where they stand.

/// Legal forms: `COMPARE<TAB>ALIAS` lines, `#` comments.
pub(crate) const LEGAL_FORMS_TSV: &str = include_str!("../../../data/legal_forms.tsv");

/// Legal forms of two letters that are also words or initials ("as",
/// "se", "ad"), so the legal-form table leaves them out: a legal form
/// only as the last word of a name of two words or more ("Russian Cargo
/// Oy", "Icarus Design AS", "Siemens Energy KG", "Vabo Internal AD").
/// Spain's S.L., Colombia's E.U. (empresa unipersonal), South Africa's
/// and Namibia's CC (close corporation) and Japan's K.K. close names of
/// the lists and of real vendors ("SAF TECH S.L.", "MIRA E.U.", "SHAAHISTA
/// SHOES CC", "QUAY AGENTS CC", "ASCOTEC JAPAN K.K."), as Mexico's A.C.
/// (asociación civil) does, Iran's PJS (private joint stock company, as
/// the SDN list writes it: "VALFAJR SHIPPING COMPANY PJS") and the SARLU
/// of French-speaking Africa (a SARL of one partner: "MIDAS RESSOURCES
/// SARLU"), which the table lacks. So does what
/// is left of "Private Limited" when a vendor drops the last word: "NEC
/// ENGINEERS PRIVATE" (the table has only the whole form, and "Private"
/// is a word elsewhere in a name).
pub(crate) const LAST_WORD_LEGAL: &[&str] = &[
    "as", "oy", "ad", "kg", "se", "ug", "eg", "sl", "eu", "cc", "kk", "ac", "pjs", "sarlu",
    "private",
];

/// Short legal forms that real names write wherever they stand, which the
/// legal-form table has only within longer forms or with diacritics (so
/// only ending a name), with their compare forms: the Spanish "Cía."
/// (compañía: "F. ICAZA Y CIA., S.A.", "CHEVEZ, RUIZ, ZAMARRIPA Y CIA.
/// S.C.", vendor names) and the "Pty" of Australia and South Africa
/// (proprietary: "CLONALVY NOMINEES PTY LTD AND OTHERS", "ICARUS MARINE
/// (PTY)"), read as the "Pty Ltd" it stands for. First in a name of
/// several words, each is a word, as other short legal forms are
/// ([`PREFIX_LEGAL`]).
pub(crate) const LEGAL_ANYWHERE: &[(&str, &str)] = &[("cia", "cia"), ("pty", "ltd")];

/// Short words that are never a legal form on their own, whatever the
/// legal-form table says (its dotted initials "O.F." read as "of").
pub(crate) const NOT_LEGAL_ALONE: &[&str] = &[
    "of", "and", "the", "de", "del", "da", "do", "di", "du", "la", "le", "el", "y", "e", "et",
    "und", "i", "a", "en", "an",
];

/// Legal forms of three letters or fewer that open a name ("OOO Gazprom",
/// "PT Astra"); any other short legal form first in a name is as likely an
/// acronym ("JP Logistics", "STG Logistic").
pub(crate) const PREFIX_LEGAL: &[&str] = &[
    "ooo", "ao", "zao", "oao", "pao", "jsc", "pt", "tov", "too", "llc", "ip", "chp", "dp", "kp",
    "uab", "ab", "as", "sa", "ltd", "co", "inc", "tob", "ad", "ead", "od", "eood", "akb",
];

/// Legal forms that mean the same (compare forms joined without spaces).
pub(crate) const LEGAL_SYNONYMS: &[(&str, &str)] = &[
    ("ooo", "llc"),
    ("tov", "llc"),
    ("zao", "cjsc"),
    ("oao", "ojsc"),
    ("pao", "pjsc"),
    ("ao", "jsc"),
    ("company", "co"),
    ("corporation", "corp"),
    ("limited", "ltd"),
    ("incorporated", "inc"),
];
