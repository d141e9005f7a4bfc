//! `serve`: the screening service, HTTP over the library.
//!
//! ```text
//! cargo run --release --example serve -- --port 8080 --list csl:consolidated.csv
//! ```
//!
//! Endpoints (the README's "Service" section and `GET /openapi.json` document
//! them): `POST /screen` (the CLI's JSON line per vendor), `POST
//! /match/{dataset}` (yente's request and response shapes), `GET /lists`,
//! `GET /healthz`, `GET /readyz`, `GET /metrics`, `POST /admin/reload`,
//! `GET /openapi.json`.
//!
//! Everything here is a thin shell: screening, list loading and the JSON line
//! are the library's. This program adds HTTP, keys, limits, logs, metrics and
//! the atomic swap of a reloaded screener.

#[path = "serve/admin.rs"]
mod admin;
#[path = "serve/auth.rs"]
mod auth;
#[path = "serve/config.rs"]
mod config;
#[path = "serve/error.rs"]
mod error;
#[path = "serve/info.rs"]
mod info;
#[path = "serve/log.rs"]
mod log;
#[path = "serve/metrics.rs"]
mod metrics;
#[path = "serve/openapi.rs"]
mod openapi;
#[path = "serve/query.rs"]
mod query;
#[path = "serve/routes.rs"]
mod routes;
#[path = "serve/screen.rs"]
mod screen;
#[path = "serve/state.rs"]
mod state;
#[path = "serve/yente.rs"]
mod yente;
#[path = "serve/yente_request.rs"]
mod yente_request;
#[path = "serve/yente_result.rs"]
mod yente_result;

use clap::Parser;
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let args = config::Args::parse();
    if args.print_routes {
        for r in routes::ROUTES {
            println!("{} {}", r.method, r.path);
        }
        return ExitCode::SUCCESS;
    }
    if args.hash_key {
        return auth::print_key_hash();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            log::error("start", &format!("cannot start the runtime: {e}"));
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            log::error("start", &message);
            ExitCode::from(2)
        }
    }
}

/// Loads the lists, binds, serves until SIGINT or SIGTERM, then lets the
/// requests in flight finish.
async fn run(args: config::Args) -> Result<(), String> {
    let settings = config::Settings::from_args(&args)?;
    let keys = match &args.keys {
        Some(path) => Some(auth::Keys::read(path, settings.rate_limit)?),
        None => None,
    };
    let loaded = tokio::task::spawn_blocking({
        let lists = settings.lists.clone();
        move || state::Loaded::load(&lists, 1)
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    for line in loaded.summary_lines() {
        log::info("lists", line);
    }
    let addr = std::net::SocketAddr::new(settings.bind, settings.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let app_state = Arc::new(state::AppState::new(settings, keys, loaded));
    let app = routes::router(app_state.clone());
    log::listening(local);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal(app_state))
    .await
    .map_err(|e| e.to_string())?;
    log::info("shutdown", "stopped: every request in flight was answered");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM; marks the service not ready so a load
/// balancer stops sending new requests while those in flight finish.
async fn shutdown_signal(state: Arc<state::AppState>) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    state.set_ready(false);
    log::info(
        "shutdown",
        "signal received: no new connections; finishing requests in flight",
    );
}
