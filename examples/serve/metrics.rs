//! Prometheus metrics in the text exposition format: requests, latency
//! histogram, hits by list and status, list ages, reloads.

use crate::state::{AppState, Loaded};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use vendor_screen::Report;
use vendor_screen::list::Date;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 14] = [
    0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

/// Counters, updated by the request middleware and the handlers.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
    hits: Mutex<BTreeMap<(String, String), u64>>,
    reloads: Mutex<BTreeMap<&'static str, u64>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding a counter's lock leaves the counter usable.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Metrics {
    /// Counts one request.
    pub fn request(&self, method: &str, route: &str, status: u16, seconds: f64) {
        *lock(&self.requests)
            .entry((method.to_string(), route.to_string(), status))
            .or_default() += 1;
        let mut latency = lock(&self.latency);
        let h = latency.entry(route.to_string()).or_default();
        for (i, b) in BUCKETS.iter().enumerate() {
            if seconds <= *b {
                h.counts[i] += 1;
            }
        }
        h.sum += seconds;
        h.count += 1;
    }

    /// Counts the hits of screened reports by list and status.
    pub fn hits<'a>(&self, reports: impl IntoIterator<Item = &'a Report>) {
        let mut hits = lock(&self.hits);
        for r in reports {
            for h in &r.hits {
                let status = serde_json::to_value(h.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                *hits.entry((h.list.clone(), status)).or_default() += 1;
            }
        }
    }

    /// Counts a reload attempt.
    pub fn reload(&self, ok: bool) {
        *lock(&self.reloads)
            .entry(if ok { "ok" } else { "failed" })
            .or_default() += 1;
    }

    /// The exposition text.
    pub fn render(&self, state: &AppState, today: Date) -> String {
        let mut out = String::new();
        let _ = self.write(&mut out, &state.loaded(), today);
        out
    }

    fn write(&self, out: &mut String, loaded: &Loaded, today: Date) -> std::fmt::Result {
        writeln!(
            out,
            "# HELP vendor_screen_requests_total HTTP requests answered."
        )?;
        writeln!(out, "# TYPE vendor_screen_requests_total counter")?;
        for ((method, route, status), n) in lock(&self.requests).iter() {
            writeln!(
                out,
                "vendor_screen_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                escape(route)
            )?;
        }
        writeln!(
            out,
            "# HELP vendor_screen_request_duration_seconds Time to answer a request."
        )?;
        writeln!(
            out,
            "# TYPE vendor_screen_request_duration_seconds histogram"
        )?;
        for (route, h) in lock(&self.latency).iter() {
            let route = escape(route);
            for (b, c) in BUCKETS.iter().zip(h.counts) {
                writeln!(
                    out,
                    "vendor_screen_request_duration_seconds_bucket{{route=\"{route}\",le=\"{b}\"}} {c}"
                )?;
            }
            writeln!(
                out,
                "vendor_screen_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            )?;
            writeln!(
                out,
                "vendor_screen_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            )?;
            writeln!(
                out,
                "vendor_screen_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count
            )?;
        }
        writeln!(
            out,
            "# HELP vendor_screen_hits_total Hits reported, by list and status."
        )?;
        writeln!(out, "# TYPE vendor_screen_hits_total counter")?;
        for ((list, status), n) in lock(&self.hits).iter() {
            writeln!(
                out,
                "vendor_screen_hits_total{{list=\"{}\",status=\"{status}\"}} {n}",
                escape(list)
            )?;
        }
        writeln!(
            out,
            "# HELP vendor_screen_list_age_days Days since a loaded list was verified or is current to (lists of unknown date are left out)."
        )?;
        writeln!(out, "# TYPE vendor_screen_list_age_days gauge")?;
        for l in loaded.screener.lists() {
            let Some(age) = l.meta.age_days(today) else {
                continue;
            };
            writeln!(
                out,
                "vendor_screen_list_age_days{{list=\"{}\"}} {age}",
                escape(&l.meta.id)
            )?;
        }
        writeln!(
            out,
            "# HELP vendor_screen_list_entities Entities of each loaded list."
        )?;
        writeln!(out, "# TYPE vendor_screen_list_entities gauge")?;
        for l in loaded.screener.lists() {
            writeln!(
                out,
                "vendor_screen_list_entities{{list=\"{}\"}} {}",
                escape(&l.meta.id),
                l.entities.len()
            )?;
        }
        writeln!(
            out,
            "# HELP vendor_screen_lists_generation Lists generation in service (1 at start, +1 per reload)."
        )?;
        writeln!(out, "# TYPE vendor_screen_lists_generation gauge")?;
        writeln!(out, "vendor_screen_lists_generation {}", loaded.generation)?;
        writeln!(
            out,
            "# HELP vendor_screen_reloads_total List reloads, by result."
        )?;
        writeln!(out, "# TYPE vendor_screen_reloads_total counter")?;
        for (result, n) in lock(&self.reloads).iter() {
            writeln!(
                out,
                "vendor_screen_reloads_total{{result=\"{result}\"}} {n}"
            )?;
        }
        Ok(())
    }
}

/// A label value with `\`, `"` and newlines escaped.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
