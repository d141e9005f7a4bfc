//! The route table (one place: the router, the key check, `--print-routes`
//! and the OpenAPI check all read it) and the layers around it.

use crate::state::AppState;
use crate::{admin, auth, error, info, log, openapi, screen, yente};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode};
use axum::routing::{MethodRouter, get, post};
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (health, readiness, the API document).
    Public,
    /// Anyone with a key when a keys file is configured, else anyone.
    Key,
    /// A key marked `admin`; refused when no keys file is configured.
    Admin,
}

/// One route.
pub struct Route {
    /// HTTP method.
    pub method: &'static str,
    /// Path, axum syntax (`/match/{dataset}`), the same as in OpenAPI.
    pub path: &'static str,
    /// Who may call it.
    pub access: Access,
    /// Its handler.
    pub handler: fn() -> MethodRouter<Arc<AppState>>,
}

/// Every route the service answers.
pub const ROUTES: &[Route] = &[
    Route {
        method: "GET",
        path: "/healthz",
        access: Access::Public,
        handler: || get(info::healthz),
    },
    Route {
        method: "GET",
        path: "/readyz",
        access: Access::Public,
        handler: || get(info::readyz),
    },
    Route {
        method: "GET",
        path: "/openapi.json",
        access: Access::Public,
        handler: || get(openapi::document),
    },
    Route {
        method: "GET",
        path: "/lists",
        access: Access::Key,
        handler: || get(info::lists),
    },
    Route {
        method: "GET",
        path: "/metrics",
        access: Access::Key,
        handler: || get(info::metrics),
    },
    Route {
        method: "POST",
        path: "/screen",
        access: Access::Key,
        handler: || post(screen::screen),
    },
    Route {
        method: "POST",
        path: "/match/{dataset}",
        access: Access::Key,
        handler: || post(yente::match_dataset),
    },
    Route {
        method: "POST",
        path: "/admin/reload",
        access: Access::Admin,
        handler: || post(admin::reload),
    },
];

/// Who may call `method path` (`path` as matched, with `{params}`).
pub fn access_of(method: &str, path: &str) -> Option<Access> {
    ROUTES
        .iter()
        .find(|r| r.method == method && r.path == path)
        .map(|r| r.access)
}

/// The service: routes inside, limits and logging around them.
pub fn router(state: Arc<AppState>) -> Router {
    let mut app: Router<Arc<AppState>> = Router::new();
    for r in ROUTES {
        app = app.route(r.path, (r.handler)());
    }
    let s = &state.settings;
    let cors = (!s.cors_origins.is_empty()).then(|| {
        let origins: Vec<HeaderValue> = s
            .cors_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        CorsLayer::new()
            .allow_origin(origins)
            .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
            .allow_headers([
                axum::http::header::CONTENT_TYPE,
                axum::http::header::AUTHORIZATION,
            ])
    });
    // Listed innermost first: the last layer sees the request first.
    app.layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(s.max_body))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::check,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            s.timeout,
        ))
        .layer(tower::util::option_layer(cors))
        .layer(CatchPanicLayer::new())
        .layer(axum::middleware::from_fn(error::json_errors))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            log::observe,
        ))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}
