//! `POST /match/{dataset}`: yente's matching API, so an existing yente client
//! works unchanged.
//!
//! Shapes, from yente's public source (opensanctions/yente, read at commit
//! 916a474, 2026-08-11):
//! - request body `EntityMatchQuery` {`queries`: {key: `EntityExample`
//!   {`id`?, `schema`, `properties`: {prop: string | [values]}}}, `weights`,
//!   `config`} in `yente/data/common.py`;
//! - query parameters `limit` (default 5, at most 500), `threshold`,
//!   `cutoff` (deprecated), `algorithm`, `include_dataset`,
//!   `exclude_dataset`, `exclude_schema`, `topics`, `changed_since`,
//!   `exclude_entity_ids` in `yente/routers/match.py`;
//! - response `EntityMatchResponse` {`responses`: {key: `EntityMatches`
//!   {`status`, `results`, `total` {`value`, `relation`}, `query`}}, `limit`}
//!   with results `ScoredEntityResponse` (`id`, `caption`, `schema`,
//!   `properties`, `datasets`, `referents`, `target`, `first_seen`,
//!   `last_seen`, `last_change`, `score`, `match`, `explanations`) in
//!   `yente/data/common.py`; `features` ({name: score}) is the field yente
//!   had before `explanations` (removed 2026-02) and is kept for older clients;
//! - `match` is `score >= threshold`, results scoring under
//!   `min(cutoff, threshold)` are dropped, sorted by score and cut to `limit`,
//!   and `total.value` counts the matches (`yente/scoring.py`);
//! - errors are `{"detail": ...}`: 400 for no queries, too many queries or
//!   an unknown schema, 404 for an unknown dataset, 422 for a body or
//!   parameter that fails validation.
//!
//! Where we differ, the response says so instead of hiding it: each result
//! carries `vendor_screen` (our status: `match`, `review`, `out_of_reach`,
//! `expired`, `cleared`; the list's legal basis and reach; how the hit was
//! reached; the full explanation), `target` is true only when our status
//! counts, and the top level's `vendor_screen` names the parameters we do
//! not apply.

use crate::error::ApiError;
use crate::query;
use crate::screen::{MAX_NAME_CHARS, MAX_NAMES_PER_VENDOR, as_of};
use crate::state::{AppState, Loaded};
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::sync::Arc;
use vendor_screen::list::{Date, EntityKind};
use vendor_screen::{Hit, Vendor};

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
    id: Option<String>,
    schema: String,
    properties: Map<String, Value>,
}

/// The request body (yente's `EntityMatchQuery`).
#[derive(Debug, Deserialize)]
pub struct MatchRequest {
    queries: BTreeMap<String, Option<EntityExample>>,
    #[serde(default)]
    weights: Map<String, Value>,
    #[serde(default)]
    config: Map<String, Value>,
}

/// Request settings after parsing the query string.
struct Params {
    limit: usize,
    threshold: f64,
    cutoff: f64,
    include: Vec<String>,
    exclude: Vec<String>,
    exclude_schema: Vec<String>,
    exclude_ids: Vec<String>,
    as_of: Date,
    ignored: Vec<String>,
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
    fn parse(raw: Option<&str>, screener_threshold: f64) -> Result<Params, ApiError> {
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
fn values(props: &Map<String, Value>, key: &str) -> Vec<String> {
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
fn vendor_of(key: &str, e: &EntityExample) -> Result<Vendor, ApiError> {
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
    if names.len() > MAX_NAMES_PER_VENDOR {
        return Err(bad(format!(
            "{} names, at most {MAX_NAMES_PER_VENDOR}",
            names.len()
        )));
    }
    if let Some(long) = names.iter().find(|n| n.chars().count() > MAX_NAME_CHARS) {
        return Err(bad(format!(
            "a name of {} characters, at most {MAX_NAME_CHARS}",
            long.chars().count()
        )));
    }
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
    Ok(v)
}

/// FollowTheMoney's schema for an entity kind.
fn schema_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "Organization",
        EntityKind::Individual => "Person",
        EntityKind::Vessel => "Vessel",
        EntityKind::Aircraft => "Airplane",
    }
}

/// One result (yente's `ScoredEntityResponse`), plus `vendor_screen`.
fn result(loaded: &Loaded, hit: &Hit, threshold: f64) -> Value {
    let list = loaded
        .screener
        .lists()
        .iter()
        .find(|l| l.meta.id == hit.list);
    let entity = loaded.entity(&hit.list, &hit.entity_id);
    let mut props = Map::new();
    let mut put = |k: &str, v: Vec<String>| {
        if !v.is_empty() {
            props.insert(k.to_string(), json!(v));
        }
    };
    put("name", vec![hit.entity_name.clone()]);
    if let Some(e) = entity {
        put("alias", e.aliases.clone());
        put("previousName", e.former_names.clone());
        put(
            "country",
            e.countries.iter().map(|c| c.to_ascii_lowercase()).collect(),
        );
        put("address", e.addresses.clone());
        put("program", e.programs.clone());
        put("notes", e.notes.iter().cloned().collect());
    }
    if let Some(l) = list {
        put("sourceUrl", l.meta.source_urls.clone());
    }
    let status = serde_json::to_value(hit.status).unwrap_or(Value::Null);
    let detail = hit
        .explanation
        .rule
        .clone()
        .unwrap_or_else(|| "name match".to_string());
    json!({
        "id": format!("{}:{}", hit.list, hit.entity_id),
        "caption": hit.entity_name,
        "schema": entity.map_or("LegalEntity", |e| schema_of(e.kind)),
        "properties": props,
        "datasets": [hit.list],
        "referents": [],
        "target": hit.status.counts(),
        "first_seen": null,
        "last_seen": null,
        "last_change": null,
        "score": hit.score,
        "match": hit.score >= threshold,
        "features": {"vendor_screen_name": hit.score},
        "explanations": {
            "vendor_screen_name": {
                "score": hit.score,
                "detail": detail,
                "query": hit.explanation.query.written,
                "candidate": hit.matched_name,
            }
        },
        "vendor_screen": {
            "list": hit.list,
            "entity_id": hit.entity_id,
            "status": status,
            "counts": hit.status.counts(),
            "via": hit.via,
            "matched_name": hit.matched_name,
            "matched_name_kind": hit.matched_name_kind,
            "legal_basis": list.map(|l| l.meta.legal_basis.as_str()),
            "reach": list.map(|l| l.meta.reach.rule()),
            "explanation": hit.explanation,
        },
    })
}

/// The lists a dataset name stands for: `default` is every list; else one
/// list id or several joined by commas.
fn dataset_lists(loaded: &Loaded, dataset: &str) -> Result<Option<Vec<String>>, ApiError> {
    if dataset == "default" {
        return Ok(None);
    }
    let ids: Vec<String> = dataset.split(',').map(str::to_string).collect();
    let known = |id: &String| loaded.screener.lists().iter().any(|l| &l.meta.id == id);
    if ids.iter().all(known) {
        Ok(Some(ids))
    } else {
        Err(ApiError::new(StatusCode::NOT_FOUND, "No such dataset."))
    }
}

/// Answers a yente match request.
pub async fn match_dataset(
    State(state): State<Arc<AppState>>,
    Path(dataset): Path<String>,
    RawQuery(raw): RawQuery,
    body: Result<Json<MatchRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let loaded = state.loaded();
    let scope = dataset_lists(&loaded, &dataset)?;
    let Json(req) = body?;
    let params = Params::parse(raw.as_deref(), loaded.screener.threshold())?;
    let queries: Vec<(String, EntityExample)> = req
        .queries
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    if queries.is_empty() {
        return Err(ApiError::bad_request("No queries provided."));
    }
    let max = state.settings.max_batch.min(100);
    if queries.len() > max {
        return Err(ApiError::bad_request(format!(
            "Too many queries in one batch (limit: {max})"
        )));
    }
    let vendors = queries
        .iter()
        .map(|(k, e)| vendor_of(k, e))
        .collect::<Result<Vec<_>, _>>()?;
    let as_of = params.as_of;
    let (loaded, reports) = if vendors.len() == 1 {
        let r = vec![loaded.screener.screen(&vendors[0], as_of)];
        (loaded, r)
    } else {
        tokio::task::spawn_blocking(move || {
            let r = loaded.screener.screen_batch(&vendors, as_of);
            (loaded, r)
        })
        .await
        .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error"))?
    };
    state.metrics.hits(&reports);

    let mut responses = Map::new();
    for ((key, example), report) in queries.iter().zip(&reports) {
        let mut results: Vec<Value> = Vec::new();
        let mut matches = 0;
        for hit in &report.hits {
            let in_scope = scope.as_ref().is_none_or(|s| s.contains(&hit.list))
                && (params.include.is_empty() || params.include.contains(&hit.list))
                && !params.exclude.contains(&hit.list);
            let id = format!("{}:{}", hit.list, hit.entity_id);
            let excluded = params
                .exclude_ids
                .iter()
                .any(|x| *x == id || *x == hit.entity_id);
            if !in_scope || excluded || hit.score < params.cutoff {
                continue;
            }
            let r = result(&loaded, hit, params.threshold);
            if params
                .exclude_schema
                .iter()
                .any(|s| r["schema"].as_str() == Some(s.as_str()))
            {
                continue;
            }
            if r["match"] == Value::Bool(true) {
                matches += 1;
            }
            results.push(r);
        }
        // Hits come highest score first already; yente cuts after sorting.
        results.truncate(params.limit);
        let properties: Map<String, Value> = example
            .properties
            .keys()
            .map(|k| (k.clone(), json!(values(&example.properties, k))))
            .collect();
        responses.insert(
            key.clone(),
            json!({
                "status": 200,
                "results": results,
                "total": {"value": matches, "relation": "eq"},
                "query": {"id": example.id, "schema": example.schema, "properties": properties},
                "vendor_screen": {
                    "flagged": report.flagged(),
                    "as_of": report.as_of,
                },
            }),
        );
    }
    let mut notes = vec![
        "`match` is yente's: score >= threshold. Whether a list's rule reaches the vendor is `vendor_screen.status` of each result (match, review, out_of_reach, expired, cleared); `target` is true only for match and review.".to_string(),
        "Results are per list and listed entity (`id` is LIST:ENTITY_ID); the same company on several lists is several results.".to_string(),
    ];
    if params.threshold < loaded.screener.threshold() {
        notes.push(format!(
            "threshold {} is below the service's screening threshold {}: no result scores under {}",
            params.threshold,
            loaded.screener.threshold(),
            loaded.screener.threshold()
        ));
    }
    if !req.weights.is_empty() || !req.config.is_empty() {
        notes.push("`weights` and `config` tune yente's algorithms and are not applied".into());
    }
    let batch = queries.len();
    let body = json!({
        "responses": responses,
        "limit": params.limit,
        "vendor_screen": {
            "algorithm": "vendor-screen",
            "version": env!("CARGO_PKG_VERSION"),
            "threshold": params.threshold,
            "screening_threshold": loaded.screener.threshold(),
            "as_of": as_of,
            "lists": loaded.screener.lists_used(),
            "ignored_parameters": params.ignored,
            "notes": notes,
        },
    });
    let mut res = Json(body).into_response();
    if let Ok(v) = HeaderValue::from_str(&batch.to_string()) {
        res.headers_mut().insert("x-batch-size", v);
    }
    Ok(res)
}
