//! `GET /healthz`, `GET /readyz`, `GET /lists`, `GET /metrics`.

use crate::error::ApiError;
use crate::state::{AppState, Source, redact_value, spec_path};
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::sync::Arc;
use vendor_screen::list::{Date, ListMeta};

/// Liveness: the process answers.
pub async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

/// Readiness: lists loaded and not shutting down.
pub async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    if !state.ready() {
        return ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down").into_response();
    }
    let loaded = state.loaded();
    Json(serde_json::json!({
        "status": "ok",
        "generation": loaded.generation,
        "lists": loaded.screener.lists().len(),
    }))
    .into_response()
}

/// One list in `GET /lists`: the library's metadata as it serializes
/// (so fields the library adds appear here too), and what the service knows.
#[derive(Serialize)]
struct ListInfo<'a> {
    #[serde(flatten)]
    meta: &'a ListMeta,
    reach_rule: &'static str,
    /// Days since the list was last verified or is current to; `null` when unknown.
    age_days: Option<i64>,
    entities: usize,
    /// The file it was loaded from (`<bundled>` for the compiled-in lists).
    file: &'a str,
}

#[derive(Serialize)]
struct ListsBody<'a> {
    generation: u64,
    loaded_at: u64,
    threshold: f64,
    lists: Vec<ListInfo<'a>>,
    sources: &'a [Source],
}

/// The lists in service, their dates and the import reports.
pub async fn lists(State(state): State<Arc<AppState>>) -> Response {
    let loaded = state.loaded();
    let today = Date::today();
    let file_of = |id: &str| {
        loaded
            .sources
            .iter()
            .find(|s| s.lists.iter().any(|l| l == id))
            .map_or("", |s| s.file.as_str())
    };
    let lists = loaded
        .screener
        .lists()
        .iter()
        .map(|l| ListInfo {
            meta: &l.meta,
            reach_rule: l.meta.reach.rule(),
            age_days: l.meta.age_days(today),
            entities: l.entities.len(),
            file: file_of(&l.meta.id),
        })
        .collect();
    let body = ListsBody {
        generation: loaded.generation,
        loaded_at: loaded.loaded_at,
        threshold: loaded.screener.threshold(),
        lists,
        sources: &loaded.sources,
    };
    // The list metadata may name the file it was read from: file names only.
    let mut body = serde_json::to_value(&body).unwrap_or_default();
    for spec in &state.settings.lists.specs {
        redact_value(&mut body, spec_path(spec));
    }
    Json(body).into_response()
}

/// Prometheus metrics.
pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(&state, Date::today()),
    )
        .into_response()
}
