//! API keys and per-key rate limits.
//!
//! The keys file holds one key a line as `SHA256-HEX LABEL [admin] [rate=N]`
//! (`#` starts a comment): the SHA-256 of the key in hex, never the key
//! itself. `serve --hash-key` prints such a line for a key read from standard
//! input. A client sends its key as `Authorization: Bearer KEY` (or `ApiKey
//! KEY`, as OpenSanctions' clients do, or an `X-API-Key` header).

use crate::error::ApiError;
use crate::log::Caller;
use crate::routes::{Access, access_of};
use crate::state::AppState;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// One accepted key.
#[derive(Debug, Clone)]
pub struct Key {
    /// SHA-256 of the key, hex.
    pub hash: String,
    /// Who it belongs to (logged, never the key).
    pub label: String,
    /// May call `/admin`.
    pub admin: bool,
    /// Requests per second (0 = no limit).
    pub rate: u32,
}

/// The keys file, read at start.
#[derive(Debug)]
pub struct Keys {
    keys: Vec<Key>,
}

/// SHA-256 of `key`, lowercase hex.
pub fn hash(key: &str) -> String {
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `--hash-key`: reads a key from standard input, prints its keys-file line.
pub fn print_key_hash() -> ExitCode {
    let mut key = String::new();
    if std::io::stdin().read_to_string(&mut key).is_err() || key.trim().is_empty() {
        eprintln!("error: give the key on standard input");
        return ExitCode::from(2);
    }
    println!("{} LABEL", hash(key.trim()));
    ExitCode::SUCCESS
}

impl Keys {
    /// Reads and checks a keys file; errors name the line and field.
    pub fn read(path: &str, default_rate: u32) -> Result<Keys, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        Keys::parse(&text, path, default_rate)
    }

    /// Parses a keys file's text.
    pub fn parse(text: &str, file: &str, default_rate: u32) -> Result<Keys, String> {
        let mut keys: Vec<Key> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let hash = parts.next().unwrap_or("").to_ascii_lowercase();
            if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!(
                    "{file}:{n}: field `hash`: expected the key's SHA-256 as 64 hex digits (serve --hash-key prints it)"
                ));
            }
            let Some(label) = parts.next() else {
                return Err(format!("{file}:{n}: field `label`: missing"));
            };
            let mut key = Key {
                hash,
                label: label.to_string(),
                admin: false,
                rate: default_rate,
            };
            for opt in parts {
                if opt == "admin" {
                    key.admin = true;
                } else if let Some(r) = opt.strip_prefix("rate=") {
                    key.rate = r.parse().map_err(|_| {
                        format!("{file}:{n}: field `rate`: `{r}` is not a whole number")
                    })?;
                } else {
                    return Err(format!(
                        "{file}:{n}: field `option`: unknown `{opt}` (expected `admin` or `rate=N`)"
                    ));
                }
            }
            if keys.iter().any(|k| k.hash == key.hash) {
                return Err(format!("{file}:{n}: field `hash`: the same key twice"));
            }
            keys.push(key);
        }
        if keys.is_empty() {
            return Err(format!("{file}: field `hash`: no keys in the file"));
        }
        Ok(Keys { keys })
    }

    /// The key whose hash is that of `presented`.
    pub fn find(&self, presented: &str) -> Option<&Key> {
        let h = hash(presented);
        self.keys.iter().find(|k| k.hash == h)
    }
}

/// The key a request presents, if any.
fn presented_key(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        return Some(v.trim());
    }
    let auth = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, key) = auth.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("apikey"))
        .then(|| key.trim())
}

fn unauthorized(detail: &str) -> Response {
    let mut res = ApiError::new(StatusCode::UNAUTHORIZED, detail).into_response();
    res.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    res
}

/// Checks the key a route needs and the caller's rate, then runs the handler.
pub async fn check(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let access = req
        .extensions()
        .get::<MatchedPath>()
        .and_then(|m| access_of(req.method().as_str(), m.as_str()))
        .unwrap_or(Access::Public);
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    let (caller, rate) = match (&state.keys, access) {
        (_, Access::Public) => (format!("addr:{peer}"), 0),
        (None, Access::Admin) => {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "no API keys are configured: start the service with --keys FILE to use /admin",
            )
            .into_response();
        }
        (None, Access::Key) => (format!("addr:{peer}"), state.settings.rate_limit),
        (Some(keys), access) => {
            let Some(presented) = presented_key(req.headers()) else {
                return unauthorized("an API key is required: send `Authorization: Bearer KEY`");
            };
            let Some(key) = keys.find(presented) else {
                return unauthorized("unknown API key");
            };
            if access == Access::Admin && !key.admin {
                return ApiError::new(StatusCode::FORBIDDEN, "this API key may not use /admin")
                    .into_response();
            }
            (format!("key:{}", key.label), key.rate)
        }
    };
    if rate > 0 && !state.limiter.allow(&caller, rate) {
        let mut res = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!("rate limit of {rate} requests per second exceeded"),
        )
        .into_response();
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        res.extensions_mut().insert(Caller(caller));
        return res;
    }
    let mut res = next.run(req).await;
    res.extensions_mut().insert(Caller(caller));
    res
}

/// Token buckets, one per caller: `rate` tokens a second, as many at most.
#[derive(Default)]
pub struct Limiter {
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl Limiter {
    /// Takes a token from `caller`'s bucket, if there is one.
    pub fn allow(&self, caller: &str, rate: u32) -> bool {
        let now = Instant::now();
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let rate = f64::from(rate);
        let (tokens, last) = buckets.entry(caller.to_string()).or_insert((rate, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * rate).min(rate);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}
