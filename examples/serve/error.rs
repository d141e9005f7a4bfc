//! Error responses: always `{"detail": "..."}` (yente's `ErrorResponse`
//! shape), never a stack trace or a server path.

use axum::Json;
use axum::body::Body;
use axum::extract::Request;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error answered to the client.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// What went wrong, for the client.
    pub detail: String,
}

/// The body of every error response.
#[derive(Serialize)]
pub struct ErrorBody<'a> {
    /// What went wrong.
    pub detail: &'a str,
}

impl ApiError {
    /// 400 Bad Request.
    pub fn bad_request(detail: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            detail: detail.into(),
        }
    }

    /// Any status.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            detail: detail.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(ErrorBody {
                detail: &self.detail,
            }),
        )
            .into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> ApiError {
        // serde_json's message names the line and column of the request body,
        // nothing of the server.
        let status = r.status();
        let detail = match &r {
            JsonRejection::JsonDataError(e) => format!("invalid request: {}", source_text(e)),
            JsonRejection::JsonSyntaxError(e) => format!("malformed JSON: {}", source_text(e)),
            JsonRejection::MissingJsonContentType(_) => {
                "expected a `Content-Type: application/json` header".to_string()
            }
            _ if status == StatusCode::PAYLOAD_TOO_LARGE => "request body too large".to_string(),
            _ => "cannot read the request body".to_string(),
        };
        ApiError::new(status, detail)
    }
}

fn source_text(e: &dyn std::error::Error) -> String {
    let mut inner: &dyn std::error::Error = e;
    while let Some(s) = inner.source() {
        inner = s;
    }
    inner.to_string()
}

/// Turns every error response that is not already JSON (the router's 404 and
/// 405, the body limit's 413, the timeout's 503, a caught panic's 500) into
/// `{"detail": "..."}`.
///
/// An error may come before the request body was read (a missing key, a
/// body over the limit): the answer then says `Connection: close`, so a
/// client does not send its next request on a connection the server drops.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    res.headers_mut().insert(
        header::CONNECTION,
        header::HeaderValue::from_static("close"),
    );
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return res;
    }
    let detail = match status {
        StatusCode::NOT_FOUND => "no such endpoint",
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed on this endpoint",
        StatusCode::PAYLOAD_TOO_LARGE => "request body too large",
        StatusCode::SERVICE_UNAVAILABLE => "the request took too long and was abandoned",
        StatusCode::INTERNAL_SERVER_ERROR => "internal error",
        _ => status.canonical_reason().unwrap_or("error"),
    };
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    let body = serde_json::to_vec(&ErrorBody { detail }).unwrap_or_default();
    Response::from_parts(parts, Body::from(body))
}
