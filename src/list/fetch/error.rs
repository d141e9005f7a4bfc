//! Why a fetch left the cache as it was.

use std::path::PathBuf;

/// Why a fetch left the cache as it was.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The request failed (network, timeout) after every retry.
    #[error("{url}: {message} (after {attempts} attempt(s))")]
    Request {
        /// The URL.
        url: String,
        /// What went wrong last.
        message: String,
        /// Attempts made.
        attempts: u32,
    },
    /// The publisher answered with an error status.
    #[error("{url}: HTTP status {status} (after {attempts} attempt(s))")]
    Status {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
        /// Attempts made.
        attempts: u32,
    },
    /// The body is shorter than the `Content-Length` announced.
    #[error("{url}: truncated body: {got} of {expected} bytes")]
    Truncated {
        /// The URL.
        url: String,
        /// Bytes announced.
        expected: u64,
        /// Bytes received.
        got: u64,
    },
    /// The downloaded file does not load as its format.
    #[error("{source_id}: the download does not load as {format}: {message}")]
    Invalid {
        /// The source.
        source_id: String,
        /// The format expected.
        format: &'static str,
        /// The loader's error.
        message: String,
    },
    /// The new version loses too many of the cached version's entities.
    #[error(
        "{source_id}: the new version has {new} entities where the cached one has {old} (a drop of more than {max_percent}%): kept the cached version; use force to install it"
    )]
    Drop {
        /// The source.
        source_id: String,
        /// Entities in the cached version.
        old: usize,
        /// Entities in the new one.
        new: usize,
        /// The largest drop allowed, in percent.
        max_percent: f64,
    },
    /// Reading or writing the cache failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}
