//! `POST /admin/reload`: re-reads the configured lists, builds a new screener
//! beside the one in service and swaps it in atomically. Requests already
//! running finish on the screener they started with; a list that fails to
//! load leaves the old screener serving, and the answer says why.

use crate::error::ApiError;
use crate::log;
use crate::state::{AppState, Loaded};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// Reloads the lists.
pub async fn reload(State(state): State<Arc<AppState>>) -> Response {
    // One reload at a time; a second one waits for the first.
    let _guard = state.reload_lock.lock().await;
    let old = state.loaded();
    let sources = state.settings.lists.clone();
    let generation = old.generation + 1;
    let built = tokio::task::spawn_blocking(move || Loaded::load(&sources, generation)).await;
    let built = match built {
        Ok(r) => r,
        Err(_) => Err("the reload stopped unexpectedly".to_string()),
    };
    match built {
        Ok(new) => {
            let body = serde_json::json!({
                "status": "ok",
                "generation": new.generation,
                "previous_generation": old.generation,
                "lists": new.screener.lists().iter().map(|l| &l.meta.id).collect::<Vec<_>>(),
                "sources": &new.sources,
            });
            state.current.store(Arc::new(new));
            state.metrics.reload(true);
            log::info("reload", &format!("generation {generation} in service"));
            Json(body).into_response()
        }
        Err(message) => {
            state.metrics.reload(false);
            let detail = format!(
                "reload failed, generation {} still serving: {message}",
                old.generation
            );
            log::error("reload", &detail);
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, detail).into_response()
        }
    }
}
