//! The crate's one error type.
//!
//! Every variant that concerns input says where: the file (or `<bundled:NAME>`
//! for a list compiled into the crate), the line when known, and the field.

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
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A list file is malformed: syntax, a missing or unknown field, a bad value.
    #[error("{file}{}: field `{field}`: {message}", line_text(*line))]
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
    #[error("invalid argument `{name}`: {message}")]
    Argument {
        /// The argument.
        name: String,
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
