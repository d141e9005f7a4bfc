//! The `serve` example's operations over real HTTP on 127.0.0.1: API keys,
//! per-key rate limits, the time limit, reload under traffic, a failed
//! reload, graceful shutdown. Bounded: every request has a timeout, every
//! loop a count.

#[path = "serve/support.rs"]
mod support;

use serde_json::Value;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::{CSL, Server, agent, post, sha256_hex, temp_dir};

const AS_OF: &str = "2026-11-22";

fn keys_file(dir: &std::path::Path) -> String {
    let path = dir.join("keys.txt");
    std::fs::write(
        &path,
        format!(
            "# label, role, rate\n{} ops admin\n{} erp\n{} slow rate=2\n",
            sha256_hex("admin-secret"),
            sha256_hex("erp-secret"),
            sha256_hex("slow-secret")
        ),
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn api_keys_guard_screening_and_admin() {
    let dir = temp_dir("keys");
    let s = Server::start(&["--keys", &keys_file(&dir)]);
    let body = r#"{"name": "ZTE Corporation"}"#;
    let r = s.post("/screen", body);
    assert_eq!(r.status, 401);
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    assert!(r.json()["detail"].as_str().unwrap().contains("API key"));
    let r = s.post_with("/screen", body, &[("authorization", "Bearer wrong")]);
    assert_eq!(
        (r.status, r.json()["detail"].as_str()),
        (401, Some("unknown API key"))
    );
    for h in [
        ("authorization", "Bearer erp-secret"),
        ("authorization", "ApiKey erp-secret"),
        ("x-api-key", "erp-secret"),
    ] {
        assert_eq!(s.post_with("/screen", body, &[h]).status, 200, "{h:?}");
    }
    assert_eq!(s.get("/lists").status, 401);
    assert_eq!(
        s.get_with("/lists", &[("x-api-key", "erp-secret")]).status,
        200
    );
    // Health, readiness and the API document need no key.
    for p in ["/healthz", "/readyz", "/openapi.json"] {
        assert_eq!(s.get(p).status, 200, "{p}");
    }
    // /admin needs a key marked admin.
    assert_eq!(s.post("/admin/reload", "").status, 401);
    let r = s.post_with("/admin/reload", "", &[("x-api-key", "erp-secret")]);
    assert_eq!(r.status, 403, "{}", r.body);
    let r = s.post_with("/admin/reload", "", &[("x-api-key", "admin-secret")]);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["generation"], 2);
    // The log names the key's label, never the key.
    std::thread::sleep(Duration::from_millis(100));
    let log = s.log().join("\n");
    assert!(log.contains("key:erp") && !log.contains("erp-secret"));
}

#[test]
fn admin_is_refused_without_a_keys_file() {
    let s = Server::start(&[]);
    let r = s.post("/admin/reload", "");
    assert_eq!(r.status, 403);
    assert!(r.json()["detail"].as_str().unwrap().contains("--keys"));
}

#[test]
fn a_malformed_keys_file_stops_the_start_naming_line_and_field() {
    let dir = temp_dir("bad-keys");
    let path = dir.join("keys.txt");
    std::fs::write(&path, format!("{} ok\nnot-a-hash erp\n", sha256_hex("x"))).unwrap();
    let log = Server::try_start(&["--keys", path.to_str().unwrap()])
        .err()
        .expect("start fails");
    assert!(log.contains("keys.txt:2: field `hash`"), "{log}");
}

#[test]
fn rate_limits_apply_per_key() {
    let dir = temp_dir("rate");
    let s = Server::start(&["--keys", &keys_file(&dir)]);
    let body = r#"{"name": "Acme"}"#;
    let statuses: Vec<u16> = (0..8)
        .map(|_| {
            s.post_with("/screen", body, &[("x-api-key", "slow-secret")])
                .status
        })
        .collect();
    let ok = statuses.iter().filter(|&&c| c == 200).count();
    let limited = statuses.iter().filter(|&&c| c == 429).count();
    assert!((2..=4).contains(&ok) && ok + limited == 8, "{statuses:?}");
    let r = s.post_with("/screen", body, &[("x-api-key", "slow-secret")]);
    if r.status == 429 {
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    // Another key is not slowed by it.
    assert_eq!(
        s.post_with("/screen", body, &[("x-api-key", "erp-secret")])
            .status,
        200
    );
}

#[test]
fn a_request_over_the_time_limit_is_abandoned_with_503() {
    let s = Server::start(&["--partial", "--list", CSL, "--timeout-ms", "1"]);
    let vendors: Vec<String> = (0..1000)
        .map(|i| format!("{{\"name\": \"Vendor number {i} Trading Co Ltd\"}}"))
        .collect();
    let r = s.post("/screen", &format!("[{}]", vendors.join(",")));
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.json()["detail"].as_str().unwrap().contains("too long"));
}

/// One answer during the reload test: from the new lists?, hits on the CSL
/// name, hits on the DPL name.
type Seen = (bool, usize, usize);

/// Reload while clients screen: no request fails, every answer comes from
/// one generation or the other, and once the reload has answered every
/// request sees the new lists.
#[test]
fn reload_under_traffic_switches_lists_without_failing_a_request() {
    let dir = temp_dir("reload");
    let list = dir.join("list.csv");
    std::fs::copy("tests/fixtures/csl/sample-2025.csv", &list).unwrap();
    let keys = keys_file(&dir);
    let s = Server::start(&["--keys", &keys, "--list", list.to_str().unwrap()]);
    let url = s.url(&format!("/screen?as_of={AS_OF}"));
    let body = r#"[{"name": "Atlas Sanatgaran"}, {"name": "ABDULAH AL NASSER"}]"#;
    let key = [("x-api-key", "erp-secret")];
    // (generation seen, hits on Atlas, hits on Al Nasser), in order per client.
    let seen: Arc<Mutex<Vec<Vec<Seen>>>> = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let reloaded = Arc::new(AtomicBool::new(false));
    let after_reload_old: Arc<Mutex<usize>> = Arc::new(Mutex::new(0));
    let mut clients = Vec::new();
    for _ in 0..4 {
        let (url, seen, stop, reloaded, late) = (
            url.clone(),
            seen.clone(),
            stop.clone(),
            reloaded.clone(),
            after_reload_old.clone(),
        );
        clients.push(std::thread::spawn(move || {
            let a = agent();
            let mut mine = Vec::new();
            for _ in 0..2000 {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let was_reloaded = reloaded.load(Ordering::SeqCst);
                let r = post(&a, &url, body, &key);
                assert_eq!(r.status, 200, "a request failed during reload: {}", r.body);
                let v = r.json();
                let new = v[0]["lists"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|l| l["id"] == "bis-dpl");
                let atlas = v[0]["hits"].as_array().unwrap().len();
                let nasser = v[1]["hits"].as_array().unwrap().len();
                if was_reloaded && !new {
                    *late.lock().unwrap() += 1;
                }
                mine.push((new, atlas, nasser));
            }
            seen.lock().unwrap().push(mine);
        }));
    }
    std::thread::sleep(Duration::from_millis(300));
    std::fs::copy("tests/fixtures/dpl/dpl.txt", &list).unwrap();
    let r = s.post_with("/admin/reload", "", &[("x-api-key", "admin-secret")]);
    assert_eq!(r.status, 200, "{}", r.body);
    reloaded.store(true, Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::SeqCst);
    for c in clients {
        c.join().expect("no client saw a failed request");
    }
    let seen = seen.lock().unwrap();
    let mut before = 0;
    let mut after = 0;
    for mine in seen.iter() {
        // Per client: old answers, then new ones, never back.
        let first_new = mine.iter().position(|x| x.0).unwrap_or(mine.len());
        assert!(
            mine[first_new..].iter().all(|x| x.0),
            "an old answer after a new one"
        );
        for &(new, atlas, nasser) in mine {
            if new {
                after += 1;
                assert_eq!((atlas, nasser), (0, 1), "new lists: only the DPL name hits");
            } else {
                before += 1;
                assert_eq!((atlas, nasser), (1, 0), "old lists: only the CSL name hits");
            }
        }
    }
    assert!(
        before > 0 && after > 0,
        "traffic on both sides of the reload: {before} before, {after} after"
    );
    assert_eq!(
        *after_reload_old.lock().unwrap(),
        0,
        "an answer from the old lists after the reload answered"
    );
    assert_eq!(s.get_with("/readyz", &key).json()["generation"], 2);
}

#[test]
fn a_failed_reload_keeps_the_old_lists_and_says_why_without_paths() {
    let dir = temp_dir("reload-fail");
    let list = dir.join("list.csv");
    std::fs::copy("tests/fixtures/csl/sample-2025.csv", &list).unwrap();
    let keys = keys_file(&dir);
    let s = Server::start(&["--keys", &keys, "--list", list.to_str().unwrap()]);
    std::fs::copy("tests/fixtures/bad/bad_date.toml", &list).unwrap();
    let r = s.post_with("/admin/reload", "", &[("x-api-key", "admin-secret")]);
    assert_eq!(r.status, 422, "{}", r.body);
    let detail = r.json()["detail"].as_str().unwrap().to_string();
    assert!(
        detail.contains("generation 1 still serving") && detail.contains("list.csv:"),
        "{detail}"
    );
    assert!(
        !detail.contains(dir.to_str().unwrap()),
        "no server directory in {detail}"
    );
    let hit = s.post_with(
        "/screen",
        r#"{"name": "Atlas Sanatgaran"}"#,
        &[("x-api-key", "erp-secret")],
    );
    assert_eq!(
        hit.json()["hits"][0]["list"],
        "csl-uvl",
        "the old lists still serve"
    );
    let m = s.get_with("/metrics", &[("x-api-key", "erp-secret")]).body;
    assert!(
        m.contains("vendor_screen_reloads_total{result=\"failed\"} 1"),
        "{m}"
    );
}

/// SIGTERM while a request is in flight: the request is answered in full,
/// then the process exits 0.
#[test]
fn graceful_shutdown_finishes_the_request_in_flight() {
    let mut s = Server::start(&[]);
    let body = r#"{"name": "ZTE Corporation"}"#;
    let mut conn = std::net::TcpStream::connect(&s.addr).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        conn,
        "POST /screen HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{}",
        s.addr,
        body.len(),
        &body[..10]
    )
    .unwrap();
    conn.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    s.terminate();
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        s.wait(Duration::from_millis(10)).is_none(),
        "the server waits for the request in flight"
    );
    conn.write_all(&body.as_bytes()[10..]).unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let json = &answer[answer.find("\r\n\r\n").unwrap() + 4..];
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["list"] == "ndaa-889")
    );
    let status = s
        .wait(Duration::from_secs(10))
        .expect("the server exits after the request");
    assert!(status.success(), "{status:?}");
    assert!(
        std::net::TcpStream::connect(&s.addr).is_err(),
        "no new connections after shutdown"
    );
}
