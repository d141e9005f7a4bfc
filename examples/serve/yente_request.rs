//! Reading a yente match request: its query parameters and query entities
//! (shapes cited in `yente.rs`).

use crate::error::ApiError;
use crate::query;
use crate::screen::as_of;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use vendor_screen::Vendor;
use vendor_screen::list::Date;

/// yente's default `limit` (`MATCH_PAGE`).
const DEFAULT_LIMIT: usize = 5;
/// yente's largest `limit` (`MAX_MATCHES`).
const MAX_LIMIT: usize = 500;
/// The schemata a query may name (FollowTheMoney's matchable ones).
const SCHEMATA: [&str; 9] = [
    "Thing",
    "LegalEntity",
    "Organization",
    "Company",
    "PublicBody",
    "Person",
    "Vessel",
    "Airplane",
    "Asset",
];
/// Properties read as the vendor's names (the first `name` is the vendor's
/// own; every other one is screened as an alias).
const NAME_PROPS: [&str; 4] = ["name", "alias", "previousName", "weakAlias"];
/// Properties read as the vendor's country (the first two-letter code).
const COUNTRY_PROPS: [&str; 4] = ["country", "jurisdiction", "mainCountry", "nationality"];
/// Query parameters we read; any other is reported as ignored.
const APPLIED: [&str; 8] = [
    "limit",
    "threshold",
    "cutoff",
    "include_dataset",
    "exclude_dataset",
    "exclude_schema",
    "exclude_entity_ids",
    "as_of",
];

/// A query entity (yente's `EntityExample`).
#[derive(Debug, Deserialize, Serialize)]
pub struct EntityExample {
    #[serde(default)]
    pub(crate) id: Option<String>,
    pub(crate) schema: String,
    pub(crate) properties: Map<String, Value>,
}

/// The request body (yente's `EntityMatchQuery`).
#[derive(Debug, Deserialize)]
pub struct MatchRequest {
    pub(crate) queries: BTreeMap<String, Option<EntityExample>>,
    #[serde(default)]
    pub(crate) weights: Map<String, Value>,
    #[serde(default)]
    pub(crate) config: Map<String, Value>,
}

/// Request settings after parsing the query string.
pub(crate) struct Params {
    pub(crate) limit: usize,
    pub(crate) threshold: f64,
    pub(crate) cutoff: f64,
    pub(crate) include: Vec<String>,
    pub(crate) exclude: Vec<String>,
    pub(crate) exclude_schema: Vec<String>,
    pub(crate) exclude_ids: Vec<String>,
    pub(crate) as_of: Date,
    pub(crate) ignored: Vec<String>,
}

fn number<T: std::str::FromStr>(
    pairs: &[(String, String)],
    key: &str,
) -> Result<Option<T>, ApiError> {
    query::last(pairs, key)
        .map(|v| {
            v.parse().map_err(|_| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("query parameter `{key}`: `{v}` is not a number"),
                )
            })
        })
        .transpose()
}

impl Params {
    pub(crate) fn parse(raw: Option<&str>, screener_threshold: f64) -> Result<Params, ApiError> {
        let pairs = query::pairs(raw);
        let limit = number::<usize>(&pairs, "limit")?.unwrap_or(DEFAULT_LIMIT);
        if limit > MAX_LIMIT {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("query parameter `limit`: at most {MAX_LIMIT}"),
            ));
        }
        let threshold = number::<f64>(&pairs, "threshold")?.unwrap_or(screener_threshold);
        let cutoff = number::<f64>(&pairs, "cutoff")?
            .unwrap_or(threshold)
            .min(threshold);
        for (k, v) in [("threshold", threshold), ("cutoff", cutoff)] {
            if !(0.0..=1.0).contains(&v) {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("query parameter `{k}`: {v} is not between 0 and 1"),
                ));
            }
        }
        let mut ignored: Vec<String> = pairs
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| !APPLIED.contains(&k.as_str()))
            .collect();
        ignored.sort();
        ignored.dedup();
        Ok(Params {
            limit,
            threshold,
            cutoff,
            include: query::all(&pairs, "include_dataset"),
            exclude: query::all(&pairs, "exclude_dataset"),
            exclude_schema: query::all(&pairs, "exclude_schema"),
            exclude_ids: query::all(&pairs, "exclude_entity_ids"),
            as_of: as_of(&pairs)?,
            ignored,
        })
    }
}

/// The string values of a property (a string or a list; numbers as text).
pub(crate) fn values(props: &Map<String, Value>, key: &str) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match props.get(key) {
        Some(Value::Array(a)) => a.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// The vendor a query entity describes, or why it cannot be read.
pub(crate) fn vendor_of(key: &str, e: &EntityExample) -> Result<Vendor, ApiError> {
    let bad =
        |m: String| ApiError::bad_request(format!("Cannot parse example entity `{key}`: {m}"));
    if !SCHEMATA.contains(&e.schema.as_str()) {
        return Err(bad(format!(
            "schema `{}` is not one of {}",
            e.schema,
            SCHEMATA.join(", ")
        )));
    }
    let names: Vec<String> = NAME_PROPS
        .iter()
        .flat_map(|p| values(&e.properties, p))
        .collect();
    let Some((first, rest)) = names.split_first() else {
        return Err(bad("no `name` property to match".into()));
    };
    let mut v = Vendor::new(first.clone());
    v.id = e.id.clone();
    for a in rest {
        if a != first && !v.aliases.contains(a) {
            v.aliases.push(a.clone());
        }
    }
    v.country = COUNTRY_PROPS
        .iter()
        .flat_map(|p| values(&e.properties, p))
        .find(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|c| c.to_ascii_uppercase());
    // The library's limits: name length, names per vendor, a letter or digit.
    match v.validate() {
        Ok(()) => Ok(v),
        Err(vendor_screen::Error::Vendor { field, message, .. }) => {
            Err(bad(format!("{field}: {message}")))
        }
        Err(e) => Err(bad(e.to_string())),
    }
}
