//! Structured logs: one JSON object per line on standard error, each request
//! with its request id.

use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Instant;
use vendor_screen::list::Date;

/// The request's caller, as the key check identified it (a key's label, or
/// the client address without keys); set by `auth`, read for the log.
#[derive(Debug, Clone)]
pub struct Caller(pub String);

fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs();
    let day = Date::from_days_since_epoch((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!(
        "{day}T{:02}:{:02}:{:02}.{:03}Z",
        s / 3600,
        s / 60 % 60,
        s % 60,
        now.subsec_millis()
    )
}

fn emit(mut fields: Value) {
    if let Some(map) = fields.as_object_mut() {
        map.insert("ts".into(), Value::String(timestamp()));
    }
    eprintln!("{fields}");
}

/// An informational event.
pub fn info(event: &str, message: &str) {
    emit(json!({"level": "info", "event": event, "message": message}));
}

/// An error event.
pub fn error(event: &str, message: &str) {
    emit(json!({"level": "error", "event": event, "message": message}));
}

/// The line tests and scripts wait for: the address actually bound.
pub fn listening(addr: std::net::SocketAddr) {
    emit(
        json!({"level": "info", "event": "listening", "addr": addr.to_string(), "port": addr.port()}),
    );
}

/// Logs each request (id, method, route, status, duration, caller) and
/// counts it in the metrics.
pub async fn observe(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    let path = req.uri().path().to_string();
    let id = request_id(&req);
    let res = next.run(req).await;
    let elapsed = start.elapsed();
    let status = res.status().as_u16();
    state
        .metrics
        .request(method.as_str(), &route, status, elapsed.as_secs_f64());
    let caller = res.extensions().get::<Caller>().map(|c| c.0.clone());
    emit(json!({
        "level": if status >= 500 { "error" } else { "info" },
        "event": "request",
        "request_id": id,
        "method": method.as_str(),
        "route": route,
        "path": path,
        "status": status,
        "duration_ms": (elapsed.as_secs_f64() * 1e6).round() / 1e3,
        "caller": caller,
    }));
    res
}

fn request_id(req: &Request) -> Option<String> {
    req.headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}
