//! The crate's one error type, and the helpers that make messages safe to print.
//!
//! Every variant that concerns input says where: the file (or `<bundled:NAME>`
//! for a list compiled into the crate), the line when known, and the field.
//! Text taken from input (names, field values, file names) reaches a terminal
//! only through [`escape_controls`], so an escape sequence in a vendor file
//! cannot rewrite the screen; [`Error`]'s `Display` applies it to every field.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::PathBuf;

/// A `Result` whose error is the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while loading lists or building a screener.
///
/// Screening itself cannot fail: once a [`crate::Screener`] is built, every
/// query gets a report.
///
/// ```
/// use vendor_screen::list::toml::parse_list;
///
/// let err = parse_list("[list]\nid = \"x\"\nnmae = \"typo\"\n", "bad.toml").unwrap_err();
/// let text = err.to_string();
/// assert!(text.starts_with("bad.toml:3: field `nmae`"), "{text}");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{}: cannot read: {source}", escape_controls(&path.display().to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A file is malformed: syntax, a missing or unknown field, a bad value.
    #[error(
        "{}{}: field `{}`: {}",
        escape_controls(file),
        line_text(*line),
        escape_controls(field),
        escape_controls(message)
    )]
    Invalid {
        /// The file (or `<bundled:NAME>`).
        file: String,
        /// 1-based line, when known.
        line: Option<usize>,
        /// The field concerned (dotted path such as `entity.relations.target`), or `-`.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A command-line or API argument is out of range.
    #[error(
        "invalid argument `{}`: {}",
        escape_controls(name),
        escape_controls(message)
    )]
    Argument {
        /// The argument.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// A vendor given through the API cannot be screened (an empty name, a
    /// name over the length limits of [`crate::limits`]).
    #[error(
        "vendor {}: field `{}`: {}",
        escape_controls(vendor),
        escape_controls(field),
        escape_controls(message)
    )]
    Vendor {
        /// The vendor's id, or its name shortened by [`shorten`].
        vendor: String,
        /// The field concerned (`name`, `aliases`, `owners.name`, ...).
        field: String,
        /// What is wrong.
        message: String,
    },
}

fn line_text(line: Option<usize>) -> String {
    match line {
        Some(n) => format!(":{n}"),
        None => String::new(),
    }
}

impl Error {
    /// Builds an [`Error::Invalid`].
    pub(crate) fn invalid(
        file: &str,
        line: Option<usize>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            file: file.to_string(),
            line,
            field: field.into(),
            message: message.into(),
        }
    }
}

/// 1-based line number of a byte offset in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Whether printing `c` could move the cursor, change colours or reorder the
/// text on a terminal: C0 and C1 control characters, DEL, and the Unicode
/// bidirectional controls and line separators.
fn is_unsafe_to_print(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'
                ..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every control character (C0, DEL, C1), bidirectional control
/// and line separator written as an escape (`\n`, `\t`, `\r`, `\0`,
/// `\u{1b}`), so that text from an input file can be printed to a terminal
/// without acting on it. Borrows when there is nothing to escape.
///
/// ```
/// use vendor_screen::error::escape_controls;
/// assert_eq!(escape_controls("Acme\u{1b}[2J Ltd"), "Acme\\u{1b}[2J Ltd");
/// assert_eq!(escape_controls("line\r\nnext\t\0"), "line\\r\\nnext\\t\\0");
/// assert_eq!(escape_controls("Huawei 华为 \u{202e}evil"), "Huawei 华为 \\u{202e}evil");
/// assert!(matches!(escape_controls("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_to_print) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if is_unsafe_to_print(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Input text for a message: control characters escaped (as
/// [`escape_controls`]) and, past `max` characters, cut with the total
/// length stated, so a one-megabyte name cannot flood a terminal or a log.
///
/// ```
/// use vendor_screen::error::shorten;
/// assert_eq!(shorten("Acme\nLtd", 40), "Acme\\nLtd");
/// let long = "x".repeat(100_000);
/// assert_eq!(shorten(&long, 5), "xxxxx… (100000 characters)");
/// ```
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => escape_controls(text).into_owned(),
        Some((cut, _)) => format!(
            "{}… ({} characters)",
            escape_controls(&text[..cut]),
            text.chars().count()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_variant_escapes_input_text() {
        let e = Error::invalid("f\u{1b}.csv", Some(3), "na\u{7}me", "bad `\u{1b}[31mred`");
        let text = e.to_string();
        assert!(!text.chars().any(is_unsafe_to_print), "{text:?}");
        assert_eq!(
            text,
            "f\\u{1b}.csv:3: field `na\\u{7}me`: bad `\\u{1b}[31mred`"
        );
        let e = Error::Vendor {
            vendor: "\u{9b}31m".into(),
            field: "name".into(),
            message: "x\ny".into(),
        };
        assert_eq!(e.to_string(), "vendor \\u{9b}31m: field `name`: x\\ny");
        let e = Error::Argument {
            name: "list".into(),
            message: "\u{202e}".into(),
        };
        assert!(!e.to_string().chars().any(is_unsafe_to_print));
    }
}
