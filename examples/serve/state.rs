//! The service's state: the current screener behind an atomic pointer, and
//! how a new one is loaded beside it.

use crate::auth::{Keys, Limiter};
use crate::config::{ListSources, Settings};
use crate::metrics::Metrics;
use arc_swap::ArcSwap;
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use vendor_screen::list::LoadOptions;
use vendor_screen::list::load::{Format, load_path_with};
use vendor_screen::{Screener, ScreenerBuilder};

/// One loaded file (or the bundled set) and what its import reported.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The file's name (never its directory), or `<bundled>`.
    pub file: String,
    /// The format it was read as.
    pub format: String,
    /// The list ids it gave.
    pub lists: Vec<String>,
    /// The importer's report, with file paths cut to file names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<serde_json::Value>,
}

/// A screener with what it was built from. Immutable; replaced whole on reload.
pub struct Loaded {
    /// The screener.
    pub screener: Arc<Screener>,
    /// Files loaded, in order.
    pub sources: Vec<Source>,
    /// One line per loaded file for the server's log (paths kept: the log
    /// stays on the server).
    pub summary: Vec<String>,
    /// 1 for the lists loaded at start, then +1 per successful reload.
    pub generation: u64,
    /// When it was built (seconds since 1970-01-01, UTC).
    pub loaded_at: u64,
    /// Screeners of the same lists built at a lower threshold, for yente
    /// clients that ask for one; at most [`LOWER_KEPT`], by 0.05 step.
    lower: Mutex<Vec<(u32, Arc<Screener>)>>,
}

/// Lowest threshold a lower screener is built at (yente's `SCORE_CUTOFF`).
pub const LOWEST_THRESHOLD: f64 = 0.5;
/// Lower screeners kept per generation.
const LOWER_KEPT: usize = 4;

impl Loaded {
    /// Loads every list and builds a screener; any error leaves nothing built.
    pub fn load(sources: &ListSources, generation: u64) -> Result<Loaded, String> {
        let mut lists = Vec::new();
        let mut loaded = Vec::new();
        let mut summary = Vec::new();
        if sources.bundled {
            let bundled = vendor_screen::lists::bundled().map_err(|e| e.to_string())?;
            summary.push(format!(
                "<bundled>: lists {}",
                bundled
                    .iter()
                    .map(|l| l.meta.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            loaded.push(Source {
                file: "<bundled>".into(),
                format: "toml".into(),
                lists: bundled.iter().map(|l| l.meta.id.clone()).collect(),
                report: None,
            });
            lists.extend(bundled);
        }
        for spec in &sources.specs {
            let (format, path) = split_spec(spec);
            let options = if sources.partial {
                LoadOptions::partial()
            } else {
                LoadOptions::default()
            };
            let imported = load_path_with(Path::new(path), format, &options)
                .map_err(|e| redact(&e.to_string(), path))?;
            summary.push(imported.report.to_string());
            let mut report = serde_json::to_value(&imported.report).map_err(|e| e.to_string())?;
            redact_value(&mut report, path);
            loaded.push(Source {
                file: file_name(path),
                format: imported.report.format.clone(),
                lists: imported.lists.iter().map(|l| l.meta.id.clone()).collect(),
                report: Some(report),
            });
            lists.extend(imported.lists);
        }
        let mut builder = ScreenerBuilder::new().lists(lists);
        if let Some(t) = sources.threshold {
            builder = builder.threshold(t);
        }
        let screener = builder.build().map_err(|e| e.to_string())?;
        Ok(Loaded {
            screener: Arc::new(screener),
            sources: loaded,
            summary,
            generation,
            loaded_at: unix_now(),
            lower: Mutex::new(Vec::new()),
        })
    }

    /// The threshold a screener for results scoring at least `wanted` is
    /// built at: the service's own when `wanted` reaches it, else `wanted`
    /// rounded down to a 0.05 step, never under [`LOWEST_THRESHOLD`].
    pub fn threshold_for(&self, wanted: f64) -> f64 {
        let own = self.screener.threshold();
        if wanted >= own {
            return own;
        }
        (step_of(wanted) as f64 / 20.0).max(LOWEST_THRESHOLD)
    }

    /// A screener of the same lists at [`Loaded::threshold_for`]`(wanted)`:
    /// exactly what `--threshold` would give, built on first use (blocking:
    /// call it off the async workers) and kept for this generation.
    pub fn screener_for(&self, wanted: f64) -> Result<Arc<Screener>, String> {
        let at = self.threshold_for(wanted);
        if at >= self.screener.threshold() {
            return Ok(self.screener.clone());
        }
        let step = step_of(at);
        let mut lower = self
            .lower
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, s)) = lower.iter().find(|(k, _)| *k == step) {
            return Ok(s.clone());
        }
        let built = ScreenerBuilder::new()
            .lists(self.screener.lists().to_vec())
            .threshold(at)
            .build()
            .map_err(|e| e.to_string())?;
        let built = Arc::new(built);
        if lower.len() == LOWER_KEPT {
            lower.remove(0);
        }
        lower.push((step, built.clone()));
        Ok(built)
    }

    /// One line per loaded file, for the start-up log.
    pub fn summary_lines(&self) -> &[String] {
        &self.summary
    }
}

/// A threshold in 0.05 steps, rounded down (0.73 → 14, i.e. 0.70).
fn step_of(t: f64) -> u32 {
    (t * 20.0 + 1e-9).floor().max(0.0) as u32
}

/// `FORMAT:PATH` or `PATH`.
fn split_spec(spec: &str) -> (Option<Format>, &str) {
    match spec.split_once(':') {
        Some((f, p)) if Format::parse(f).is_some() => (Format::parse(f), p),
        _ => (None, spec),
    }
}

/// The last component of a path.
pub fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |f| f.to_string_lossy().into_owned())
}

/// A message with the configured path (a file, or a directory of lists) cut
/// to file names, so no directory of the server reaches a client.
fn redact(message: &str, path: &str) -> String {
    let path = path.trim_end_matches('/');
    let dir = Path::new(path)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = message.replace(&format!("{path}/"), "");
    out = out.replace(path, &file_name(path));
    if !dir.is_empty() {
        out = out.replace(&format!("{dir}/"), "");
    }
    out
}

/// [`redact`] on every string of a JSON value.
pub fn redact_value(v: &mut serde_json::Value, path: &str) {
    match v {
        serde_json::Value::String(s) => *s = redact(s, path),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| redact_value(x, path)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|x| redact_value(x, path)),
        _ => {}
    }
}

/// The path of a `--list` value (`FORMAT:PATH` or `PATH`).
pub fn spec_path(spec: &str) -> &str {
    split_spec(spec).1
}

/// Seconds since 1970-01-01.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Everything the handlers share.
pub struct AppState {
    /// The screener in service; swapped whole by a reload.
    pub current: ArcSwap<Loaded>,
    /// Settings from the command line.
    pub settings: Settings,
    /// API keys, when a keys file was given.
    pub keys: Option<Keys>,
    /// Prometheus counters.
    pub metrics: Metrics,
    /// Per-caller request rates.
    pub limiter: Limiter,
    /// False while shutting down.
    ready: AtomicBool,
    /// One reload at a time.
    pub reload_lock: tokio::sync::Mutex<()>,
}

impl AppState {
    /// State serving `loaded`.
    pub fn new(settings: Settings, keys: Option<Keys>, loaded: Loaded) -> AppState {
        AppState {
            current: ArcSwap::from_pointee(loaded),
            settings,
            keys,
            metrics: Metrics::default(),
            limiter: Limiter::default(),
            ready: AtomicBool::new(true),
            reload_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// Whether new requests should be sent here.
    pub fn ready(&self) -> bool {
        self.ready.load(Ordering::SeqCst)
    }

    /// Marks the service (not) ready.
    pub fn set_ready(&self, ready: bool) {
        self.ready.store(ready, Ordering::SeqCst);
    }

    /// The screener in service now; requests keep the one they started with.
    pub fn loaded(&self) -> Arc<Loaded> {
        self.current.load_full()
    }
}
