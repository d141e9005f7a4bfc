//! One file's request: conditional, bounded in time and size, retried.

use super::FetchOptions;
use super::error::FetchError;
use crate::list::manifest::Manifest;

/// One file's answer.
pub(super) enum Got {
    New {
        body: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    NotModified,
}

/// Asks for one file, with the cached copy's validators, retrying network
/// errors and 5xx answers with exponential backoff.
pub(super) fn get(
    agent: &ureq::Agent,
    url: &str,
    cached: Option<&Manifest>,
    options: &FetchOptions,
) -> Result<Got, FetchError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut request = agent.get(url);
        if let Some(m) = cached {
            if let Some(etag) = &m.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(lm) = &m.last_modified {
                request = request.header("If-Modified-Since", lm);
            }
        }
        let retry = match request.call() {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string)
                };
                let (etag, last_modified) = (header("etag"), header("last-modified"));
                let length = header("content-length").and_then(|v| v.parse::<u64>().ok());
                match status {
                    304 if cached.is_some() => return Ok(Got::NotModified),
                    200 => {
                        let body = response
                            .body_mut()
                            .with_config()
                            .limit(options.max_bytes)
                            .read_to_vec();
                        match body {
                            Ok(body) => {
                                if let Some(expected) = length.filter(|&l| l != body.len() as u64) {
                                    return Err(FetchError::Truncated {
                                        url: url.to_string(),
                                        expected,
                                        got: body.len() as u64,
                                    });
                                }
                                return Ok(Got::New {
                                    body,
                                    etag,
                                    last_modified,
                                });
                            }
                            // A body cut short by the connection: ureq
                            // reports it as an error of the read.
                            Err(e) => match length {
                                Some(expected) => {
                                    return Err(FetchError::Truncated {
                                        url: url.to_string(),
                                        expected,
                                        got: 0,
                                    });
                                }
                                None => Err(e.to_string()),
                            },
                        }
                    }
                    s if s >= 500 => Ok(s),
                    s => {
                        return Err(FetchError::Status {
                            url: url.to_string(),
                            status: s,
                            attempts: attempt,
                        });
                    }
                }
            }
            Err(e) => Err(e.to_string()),
        };
        if attempt > options.retries {
            return Err(match retry {
                Ok(status) => FetchError::Status {
                    url: url.to_string(),
                    status,
                    attempts: attempt,
                },
                Err(message) => FetchError::Request {
                    url: url.to_string(),
                    message,
                    attempts: attempt,
                },
            });
        }
        std::thread::sleep(options.backoff * 2u32.saturating_pow(attempt - 1));
    }
}
