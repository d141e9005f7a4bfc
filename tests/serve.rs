//! The `serve` example's endpoints over real HTTP on 127.0.0.1: the CLI's
//! JSON line, input limits, errors, request ids, lists, metrics, CORS.
//! Operations (keys, rate limits, reload, shutdown) are in `serve_ops.rs`.
//! Bounded: every request has a timeout.

#[path = "serve/support.rs"]
mod support;

use serde_json::Value;
use std::process::Command;
use std::time::Duration;
use support::{CSL, Server, temp_dir};

const AS_OF: &str = "2026-11-22";

fn screen_bin() -> std::path::PathBuf {
    let bin =
        support::serve_bin().with_file_name(format!("screen{}", std::env::consts::EXE_SUFFIX));
    static BUILT: std::sync::Once = std::sync::Once::new();
    BUILT.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let release = bin
            .parent()
            .and_then(|p| p.parent())
            .is_some_and(|p| p.ends_with("release"));
        let profile = if release {
            ["--profile", "release"]
        } else {
            ["--profile", "test"]
        };
        let ok = Command::new(cargo)
            .args(["build", "--example", "screen"])
            .args(profile)
            .status()
            .expect("cargo runs")
            .success();
        assert!(ok, "building the screen example");
    });
    bin
}

#[test]
fn health_and_readiness() {
    let s = Server::start(&[]);
    let h = s.get("/healthz");
    assert_eq!((h.status, h.json()["status"].as_str()), (200, Some("ok")));
    let r = s.get("/readyz");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["generation"], 1);
    assert_eq!(r.json()["lists"], 4, "the four bundled lists");
}

/// The service's answer is the CLI's `--json` line, field for field, for one
/// vendor and for a batch with ids, aliases, owners with shares, countries.
#[test]
fn screen_answers_the_clis_json_line() {
    let s = Server::start(&[]);
    let one = s.post(
        &format!("/screen?as_of={AS_OF}"),
        r#"{"name": "Hangzhou Hikvision Digital Technology Co., Ltd."}"#,
    );
    assert_eq!(one.status, 200, "{}", one.body);
    let cli = Command::new(screen_bin())
        .args([
            "--json",
            "--as-of",
            AS_OF,
            "Hangzhou Hikvision Digital Technology Co., Ltd.",
        ])
        .output()
        .unwrap();
    let cli_line: Value = serde_json::from_slice(&cli.stdout).expect("one JSON line");
    assert_eq!(one.json(), cli_line);
    assert!(!cli_line["hits"].as_array().unwrap().is_empty());

    let dir = temp_dir("screen-batch");
    let csv = dir.join("vendors.csv");
    std::fs::write(
        &csv,
        "id,name,aliases,parents,parent_shares,country\n\
         v1,Acme Widgets LLC,,,,US\n\
         v2,Shenzhen Example Devices Co,EZVIZ,Hangzhou Hikvision Digital Technology Co.;China Electronics Technology Group Corporation,60;,CN\n\
         v3,ZTE Corporation,,,,\n",
    )
    .unwrap();
    let cli = Command::new(screen_bin())
        .args(["--json", "--as-of", AS_OF, "--input"])
        .arg(&csv)
        .output()
        .unwrap();
    let cli_lines: Vec<Value> = String::from_utf8_lossy(&cli.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let batch_body = r#"[{"id": "v1", "name": "Acme Widgets LLC", "country": "US"},
            {"id": "v2", "name": "Shenzhen Example Devices Co", "aliases": ["EZVIZ"],
             "parents": ["Hangzhou Hikvision Digital Technology Co.", "China Electronics Technology Group Corporation"],
             "parent_shares": [60, null], "country": "CN"},
            {"id": "v3", "name": "ZTE Corporation"}]"#;
    let batch = s.post(&format!("/screen?as_of={AS_OF}"), batch_body);
    assert_eq!(batch.status, 200, "{}", batch.body);
    assert_eq!(batch.json(), Value::Array(cli_lines.clone()));
    // Asked for JSON Lines, the answer is the CLI's output byte for byte.
    let lines = s.post_with(
        &format!("/screen?as_of={AS_OF}"),
        batch_body,
        &[("accept", "application/x-ndjson")],
    );
    assert_eq!(lines.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(lines.body, String::from_utf8_lossy(&cli.stdout));
    assert_eq!(cli_lines.len(), 3);
    assert!(
        cli_lines[1]["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["via"]["kind"] == "parent")
    );
}

#[test]
fn screen_rejects_bad_input_with_a_json_detail() {
    let s = Server::start(&["--max-body", "40000", "--max-batch", "3"]);
    let cases: [(&str, u16, &str); 10] = [
        ("{\"name\": ", 400, "malformed JSON"),
        ("{\"nmae\": \"x\"}", 422, "unknown field `nmae`"),
        (
            "[{\"name\": \"a\"}, {\"name\": 7}]",
            422,
            "[1]: invalid type: integer `7`",
        ),
        ("\"Acme\"", 422, "expected a vendor object or an array"),
        ("{\"name\": \"  \"}", 400, "name: empty name"),
        (
            "[{\"name\": \"a\"}, {\"name\": \"\"}]",
            400,
            "[1].name: empty name",
        ),
        (
            "[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"},{\"name\":\"d\"}]",
            400,
            "at most 3",
        ),
        (
            "{\"name\": \"a\", \"parents\": [\"b\"], \"parent_shares\": [120]}",
            400,
            "owners.share: owner \"b\": share 120 is not between 0 and 100",
        ),
        (
            "{\"name\": \"a\", \"parent_shares\": [50]}",
            400,
            "1 shares for 0 parents",
        ),
        ("{\"name\": \"a\"}", 400, "as_of"),
    ];
    for (i, (body, status, detail)) in cases.iter().enumerate() {
        let path = if i == 9 {
            "/screen?as_of=2026-13-01"
        } else {
            "/screen"
        };
        let r = s.post(path, body);
        assert_eq!(r.status, *status, "{body}: {}", r.body);
        let d = r.json()["detail"].as_str().unwrap().to_string();
        assert!(d.contains(detail), "{body}: {d}");
    }
    let long = format!("{{\"name\": \"{}\"}}", "a".repeat(16_385));
    let r = s.post("/screen", &long);
    assert_eq!(r.status, 400);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("16385 characters")
    );
    // Oversized body: refused before it is read.
    let big = format!("{{\"name\": \"{}\"}}", "a".repeat(50_000));
    let r = s.post("/screen", &big);
    assert_eq!(r.status, 413, "{}", r.body);
    assert_eq!(r.json()["detail"], "request body too large");
    // Not JSON at all.
    let r = s.post_with("/screen", "name=x", &[("content-type", "text/plain")]);
    assert_eq!(r.status, 415, "{}", r.body);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("application/json")
    );
}

#[test]
fn unknown_routes_and_methods_answer_json_without_internals() {
    let s = Server::start(&[]);
    let r = s.get("/nope");
    assert_eq!(
        (r.status, r.json()["detail"].as_str()),
        (404, Some("no such endpoint"))
    );
    let r = s.get("/screen");
    assert_eq!(r.status, 405);
    assert!(r.json()["detail"].is_string());
    for r in [s.get("/nope"), s.get("/screen"), s.post("/screen", "{")] {
        assert!(
            !r.body.contains("/work/") && !r.body.contains(".rs") && !r.body.contains("panicked"),
            "{}",
            r.body
        );
    }
}

#[test]
fn request_ids_are_echoed_and_logged() {
    let s = Server::start(&[]);
    let r = s.get_with("/healthz", &[("x-request-id", "test-id-42")]);
    assert_eq!(r.header("x-request-id"), Some("test-id-42"));
    let r = s.get("/healthz");
    let generated = r
        .header("x-request-id")
        .expect("an id is generated")
        .to_string();
    assert_eq!(generated.len(), 36, "a UUID: {generated}");
    std::thread::sleep(Duration::from_millis(100));
    let log = s.log();
    let line = log
        .iter()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v["request_id"] == "test-id-42")
        .expect("the request is logged as JSON with its id");
    assert_eq!(
        (line["status"].as_u64(), line["route"].as_str()),
        (Some(200), Some("/healthz"))
    );
}

#[test]
fn lists_report_ids_dates_sources_and_import_reports() {
    let s = Server::start(&["--partial", "--list", CSL]);
    let r = s.get("/lists");
    assert_eq!(r.status, 200);
    let v = r.json();
    let lists = v["lists"].as_array().unwrap();
    let ids: Vec<&str> = lists.iter().map(|l| l["id"].as_str().unwrap()).collect();
    for id in [
        "ndaa-889",
        "fcc-covered",
        "dod-1260h",
        "ofac-ns-cmic",
        "csl-el",
        "csl-sdn",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    for l in lists {
        assert!(
            l["legal_basis"].as_str().is_some_and(|s| !s.is_empty()),
            "{l}"
        );
        assert!(l["as_of"].as_str().unwrap().len() == 10, "{l}");
        assert!(
            l["age_days"].is_i64() && l["entities"].as_u64().unwrap() > 0,
            "{l}"
        );
        // The source file's digest and name (never a path), from the library's metadata.
        let sha = l["source"]["sha256"].as_str().unwrap_or("");
        assert!(
            sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
            "{l}"
        );
        assert!(
            !l["source"]["file"].as_str().unwrap().contains("../"),
            "{l}"
        );
    }
    let bundled = lists.iter().find(|l| l["id"] == "ndaa-889").unwrap();
    assert!(bundled["verified"].as_str().is_some(), "{bundled}");
    let csl = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["format"] == "csl")
        .expect("the CSL source");
    assert_eq!(
        csl["file"], "consolidated-2023-11-partial.csv",
        "a file name, never a path"
    );
    let report = &csl["report"];
    let kept: u64 = report["kept_per_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_u64().unwrap())
        .sum();
    let listed: u64 = lists
        .iter()
        .filter(|l| l["file"] == csl["file"])
        .map(|l| l["entities"].as_u64().unwrap())
        .sum();
    assert_eq!(
        kept, listed,
        "the import report adds up to the lists served"
    );
    assert!(report["read"].as_u64().unwrap() >= kept);
    assert!(
        report["truncated"].is_object(),
        "the partial file's loss is reported: {report}"
    );
    assert!(!r.body.contains("/shared/data"), "no server path in /lists");
}

#[test]
fn metrics_count_requests_hits_and_list_ages() {
    let s = Server::start(&[]);
    for _ in 0..3 {
        assert_eq!(
            s.post("/screen", r#"{"name": "ZTE Corporation"}"#).status,
            200
        );
    }
    let m = s.get("/metrics");
    assert_eq!(m.status, 200);
    assert!(m.header("content-type").unwrap().starts_with("text/plain"));
    let line = |prefix: &str| -> f64 {
        m.body
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix} missing:\n{}", m.body))
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(
        line("vendor_screen_requests_total{method=\"POST\",route=\"/screen\",status=\"200\"}"),
        3.0
    );
    assert_eq!(
        line("vendor_screen_request_duration_seconds_count{route=\"/screen\"}"),
        3.0
    );
    assert_eq!(
        line("vendor_screen_hits_total{list=\"ndaa-889\",status=\"match\"}"),
        3.0
    );
    assert!(line("vendor_screen_list_age_days{list=\"ofac-ns-cmic\"}") > 0.0);
    assert_eq!(line("vendor_screen_lists_generation"), 1.0);
}

#[test]
fn cors_is_off_unless_an_origin_is_allowed() {
    let origin = [("origin", "http://erp.example.test")];
    let s = Server::start(&[]);
    let r = s.get_with("/healthz", &origin);
    assert_eq!(r.header("access-control-allow-origin"), None);
    drop(s);
    let s = Server::start(&["--cors-origin", "http://erp.example.test"]);
    let r = s.get_with("/healthz", &origin);
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://erp.example.test")
    );
}
