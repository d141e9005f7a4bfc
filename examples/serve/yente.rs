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
//! Results scoring under the service's own threshold come from a screener
//! of the same lists built at the requested cutoff (rounded down to a 0.05
//! step, at least 0.5, a few kept per generation), so a lower `threshold`
//! finds more, as in yente.
//!
//! Where we differ, the response says so instead of hiding it: each result
//! carries `vendor_screen` (our status: `match`, `review`, `out_of_reach`,
//! `expired`, `cleared`; the list's legal basis and reach; how the hit was
//! reached; the full explanation), `target` is true only when our status
//! counts, and the top level's `vendor_screen` names the parameters we do
//! not apply.

use crate::error::ApiError;
use crate::state::{AppState, LOWEST_THRESHOLD, Loaded};
use crate::yente_request::{EntityExample, MatchRequest, Params, values, vendor_of};
use crate::yente_result::result;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use std::sync::Arc;

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
    // Results scoring under the service's threshold come from a screener of
    // the same lists built lower (what `--threshold` would give).
    let screened_at = loaded.threshold_for(params.cutoff);
    let internal = |_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error");
    let (loaded, reports) = if vendors.len() == 1 && screened_at >= loaded.screener.threshold() {
        let r = vec![loaded.screener.screen(&vendors[0], as_of)];
        (loaded, r)
    } else {
        tokio::task::spawn_blocking(move || {
            let screener = loaded.screener_for(screened_at)?;
            let r = screener.screen_batch(&vendors, as_of);
            Ok::<_, String>((loaded, r))
        })
        .await
        .map_err(internal)?
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?
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
    if screened_at < loaded.screener.threshold() {
        notes.push(format!(
            "results under the service's screening threshold {} come from the same lists screened at {} (the cutoff rounded down to a 0.05 step)",
            loaded.screener.threshold(),
            screened_at
        ));
    }
    if params.cutoff < LOWEST_THRESHOLD {
        notes.push(format!(
            "no result scores under {LOWEST_THRESHOLD}: lower scores are not reported"
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
            "screened_at": screened_at,
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
