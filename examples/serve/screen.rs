//! `POST /screen`: one vendor (a JSON object) or a batch (an array of them)
//! in the CLI's `input` shape; the answer is the CLI's JSON line for each, in
//! the same order (an object for an object, an array for an array).
//!
//! Query parameter `as_of=YYYY-MM-DD` screens against the entries in force
//! on that date (default today, UTC). With `Accept: application/x-ndjson`
//! the answer is JSON Lines, exactly what the CLI's `--json` prints.

use crate::error::ApiError;
use crate::info::today;
use crate::query;
use crate::state::AppState;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use vendor_screen::list::Date;
use vendor_screen::{ListUsed, Owner, Report, Vendor};

/// Longest name accepted (characters).
pub const MAX_NAME_CHARS: usize = 1000;
/// Most names (own, aliases, owners) screened for one vendor.
pub const MAX_NAMES_PER_VENDOR: usize = 100;

/// A vendor as the CLI's JSON line echoes it (`input`), plus owners' shares.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorIn {
    id: Option<String>,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// Owners, nearest first.
    #[serde(default)]
    parents: Vec<String>,
    /// Percent held by each parent of the one before it (`null` = unknown).
    #[serde(default)]
    parent_shares: Vec<Option<f64>>,
    country: Option<String>,
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

impl VendorIn {
    /// The library's vendor, or what is wrong (field named).
    pub fn into_vendor(self) -> Result<Vendor, String> {
        check_name("name", &self.name)?;
        let names = 1 + self.aliases.len() + self.parents.len();
        if names > MAX_NAMES_PER_VENDOR {
            return Err(format!(
                "aliases, parents: {names} names, at most {MAX_NAMES_PER_VENDOR} per vendor"
            ));
        }
        for (i, a) in self.aliases.iter().enumerate() {
            check_name(&format!("aliases[{i}]"), a)?;
        }
        for (i, p) in self.parents.iter().enumerate() {
            check_name(&format!("parents[{i}]"), p)?;
        }
        if self.parent_shares.len() > self.parents.len() {
            return Err(format!(
                "parent_shares: {} shares for {} parents",
                self.parent_shares.len(),
                self.parents.len()
            ));
        }
        for (i, s) in self.parent_shares.iter().enumerate() {
            if let Some(s) = s {
                if !(0.0..=100.0).contains(s) {
                    return Err(format!("parent_shares[{i}]: {s} is not between 0 and 100"));
                }
            }
        }
        let mut v = Vendor::new(self.name.trim());
        v.id = self.id;
        v.country = self
            .country
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| !c.is_empty());
        v.aliases = self.aliases;
        // Nested owners, nearest first.
        let mut chain: Option<Owner> = None;
        for (i, name) in self.parents.iter().enumerate().rev() {
            let mut o = Owner::new(name.trim());
            o.share = self.parent_shares.get(i).copied().flatten();
            o.owners.extend(chain.take());
            chain = Some(o);
        }
        v.owners = chain.into_iter().collect();
        Ok(v)
    }
}

fn check_name(field: &str, name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err(format!("{field}: empty name"));
    }
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(format!("{field}: {n} characters, at most {MAX_NAME_CHARS}"));
    }
    Ok(())
}

/// The `input` object of a JSON line.
#[derive(Serialize)]
struct InputEcho<'a> {
    id: Option<&'a str>,
    name: &'a str,
    aliases: &'a [String],
    parents: Vec<&'a str>,
    country: Option<&'a str>,
}

/// The CLI's JSON line.
#[derive(Serialize)]
struct JsonLine<'a> {
    input: InputEcho<'a>,
    as_of: Date,
    lists: &'a [ListUsed],
    hits: &'a [vendor_screen::Hit],
}

fn line<'a>(v: &'a Vendor, r: &'a Report) -> JsonLine<'a> {
    let mut parents = Vec::new();
    let mut level = &v.owners;
    while let Some(o) = level.first() {
        parents.push(o.name.as_str());
        level = &o.owners;
    }
    JsonLine {
        input: InputEcho {
            id: v.id.as_deref(),
            name: &v.name,
            aliases: &v.aliases,
            parents,
            country: v.country.as_deref(),
        },
        as_of: r.as_of,
        lists: &r.lists,
        hits: &r.hits,
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
        None => Ok(today()),
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
    let (vendors, reports) = if vendors.len() == 1 {
        let r = loaded.screener.screen(&vendors[0], as_of);
        (vendors, vec![r])
    } else {
        tokio::task::spawn_blocking(move || {
            let r = loaded.screener.screen_batch(&vendors, as_of);
            (vendors, r)
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
    let mut lines: Vec<JsonLine<'_>> = vendors
        .iter()
        .zip(&reports)
        .map(|(v, r)| line(v, r))
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
