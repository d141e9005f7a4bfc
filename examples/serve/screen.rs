//! `POST /screen`: one vendor (a JSON object) or a batch (an array of them)
//! in the CLI's `input` shape; the answer is the CLI's JSON line for each, in
//! the same order (an object for an object, an array for an array).
//!
//! Query parameter `as_of=YYYY-MM-DD` screens against the entries in force
//! on that date (default today, UTC). With `Accept: application/x-ndjson`
//! the answer is JSON Lines, exactly what the CLI's `--json` prints.

use crate::error::ApiError;
use crate::query;
use crate::state::AppState;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;
use vendor_screen::list::Date;
use vendor_screen::output::{InputEcho, ScreenLine};
use vendor_screen::{Owner, Vendor, VendorIdentifier};

/// A vendor in the CLI's JSON line `input` shape ([`InputEcho`]: a line's
/// `input` can be posted back as it is), plus `parent_shares` beside
/// `parents` for clients that give owners as a chain of names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorIn {
    id: Option<String>,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// Owners, nearest first (read when `owners` is not given).
    #[serde(default)]
    parents: Vec<String>,
    /// Percent held by each parent of the one before it (`null` = unknown).
    #[serde(default)]
    parent_shares: Vec<Option<f64>>,
    country: Option<String>,
    #[serde(default)]
    identifiers: Vec<VendorIdentifier>,
    /// Owners with shares and their own owners, as a JSON line echoes them.
    #[serde(default)]
    owners: Vec<Owner>,
}

impl VendorIn {
    /// The library's vendor, checked by [`Vendor::validate`]; or what is
    /// wrong, with the field named.
    pub fn into_vendor(self) -> Result<Vendor, String> {
        if self.parent_shares.len() > self.parents.len() {
            return Err(format!(
                "parent_shares: {} shares for {} parents",
                self.parent_shares.len(),
                self.parents.len()
            ));
        }
        let owners = if self.owners.is_empty() {
            // The chain of names, nearest first, with the shares given.
            let mut chain: Option<Owner> = None;
            for (i, name) in self.parents.iter().enumerate().rev() {
                let mut o = Owner::new(name.trim());
                o.share = self.parent_shares.get(i).copied().flatten();
                o.owners.extend(chain.take());
                chain = Some(o);
            }
            chain.into_iter().collect()
        } else {
            self.owners
        };
        let echo = InputEcho {
            id: self.id,
            name: self.name.trim().to_string(),
            aliases: self.aliases,
            parents: Vec::new(),
            country: self
                .country
                .map(|c| c.trim().to_ascii_uppercase())
                .filter(|c| !c.is_empty()),
            identifiers: self.identifiers,
            owners,
        };
        let vendor = echo.vendor();
        match vendor.validate() {
            Ok(()) => Ok(vendor),
            Err(vendor_screen::Error::Vendor { field, message, .. }) => {
                Err(format!("{field}: {message}"))
            }
            Err(e) => Err(e.to_string()),
        }
    }
}

/// The vendors of a body: one object, or an array of them (`single` false).
/// Read in two steps so an error names the vendor and the field (serde's
/// untagged enums only say that nothing matched).
fn vendors_in(body: serde_json::Value) -> Result<(Vec<VendorIn>, bool), ApiError> {
    let unprocessable = |m: String| ApiError::new(axum::http::StatusCode::UNPROCESSABLE_ENTITY, m);
    match body {
        serde_json::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                serde_json::from_value(v).map_err(|e| unprocessable(format!("[{i}]: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|v| (v, false)),
        v @ serde_json::Value::Object(_) => serde_json::from_value(v)
            .map(|v| (vec![v], true))
            .map_err(|e| unprocessable(e.to_string())),
        _ => Err(unprocessable(
            "expected a vendor object or an array of them".into(),
        )),
    }
}

/// Whether the client asked for JSON Lines (`Accept: application/x-ndjson`).
fn wants_json_lines(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("application/x-ndjson") || v.contains("application/jsonl"))
}

/// The `as_of` query parameter, default today.
pub fn as_of(pairs: &[(String, String)]) -> Result<Date, ApiError> {
    match query::last(pairs, "as_of") {
        Some(d) => d
            .parse()
            .map_err(|e| ApiError::bad_request(format!("as_of: {e}"))),
        None => Ok(Date::today()),
    }
}

/// Screens the vendors of the body.
pub async fn screen(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let pairs = query::pairs(raw.as_deref());
    let as_of = as_of(&pairs)?;
    let max = state.settings.max_batch;
    if let Some(n) = body.as_array().map(Vec::len).filter(|&n| n > max) {
        return Err(ApiError::bad_request(format!(
            "{n} vendors in one request, at most {max}"
        )));
    }
    let (inputs, single) = vendors_in(body)?;
    let mut vendors = Vec::with_capacity(inputs.len());
    for (i, v) in inputs.into_iter().enumerate() {
        let v = v
            .into_vendor()
            .map_err(|e| ApiError::bad_request(if single { e } else { format!("[{i}].{e}") }))?;
        vendors.push(v);
    }
    // Requests keep the screener they started with, across a reload.
    let loaded = state.loaded();
    let (loaded, vendors, reports) = if vendors.len() == 1 {
        let r = loaded.screener.screen(&vendors[0], as_of);
        (loaded, vendors, vec![r])
    } else {
        tokio::task::spawn_blocking(move || {
            let r = loaded.screener.screen_batch(&vendors, as_of);
            (loaded, vendors, r)
        })
        .await
        .map_err(|_| {
            ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "internal error",
            )
        })?
    };
    state.metrics.hits(&reports);
    // The CLI's JSON line: one library type for both.
    let mut lines: Vec<ScreenLine> = vendors
        .iter()
        .zip(reports)
        .map(|(v, r)| ScreenLine::new(v, r, &loaded.screener))
        .collect();
    if wants_json_lines(&headers) {
        // The CLI's standard output, byte for byte: one line per vendor.
        let mut out = Vec::new();
        for l in &lines {
            serde_json::to_writer(&mut out, l).map_err(|_| {
                ApiError::new(
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error",
                )
            })?;
            out.push(b'\n');
        }
        return Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response());
    }
    Ok(if single && lines.len() == 1 {
        Json(lines.remove(0)).into_response()
    } else {
        Json(lines).into_response()
    })
}
