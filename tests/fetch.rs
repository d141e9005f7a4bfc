//! `list::fetch` against a real HTTP server on 127.0.0.1 that serves files
//! from ../shared/data and misbehaves on request: 500, a timeout, a
//! truncated body, a changed ETag, an HTML error page with status 200, a
//! file cut off mid-record, a version that loses most entities. After every
//! fault the cache still holds the previous, loadable list (issue 14, items
//! 3 and 4). The server answers at most 200 requests, stops after 120 s,
//! and stops when its test ends.
#![cfg(feature = "fetch")]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vendor_screen::list::fetch::{
    FetchError, FetchOptions, Outcome, RemoteFile, Source, fetch_source,
};
use vendor_screen::list::load::{Format, load_path};
use vendor_screen::list::manifest::Manifest;
use vendor_screen::list::{AsOfBasis, sha256_hex};

/// How the server answers a path.
#[derive(Clone)]
enum Answer {
    /// 200 with the body and an ETag; 304 when the request's If-None-Match
    /// is that ETag.
    Ok(Vec<u8>, &'static str),
    /// This status, with a short body.
    Status(u16),
    /// 500 this many times, then the body.
    FailThen(u32, Vec<u8>),
    /// Wait this long before answering (past the client's timeout).
    Slow(Duration),
    /// Announce the body's length, send half of it, close.
    Truncated(Vec<u8>),
    /// An HTML error page with status 200.
    Html,
}

/// (path, If-None-Match) of each request.
type RequestLog = Vec<(String, Option<String>)>;

/// A fault, its answer, and the error it must give.
type Fault = (&'static str, Answer, fn(&FetchError) -> bool);

struct Server {
    port: u16,
    answers: Arc<Mutex<HashMap<String, Answer>>>,
    /// (path, If-None-Match) of each request.
    log: Arc<Mutex<RequestLog>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let answers: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let log: Arc<Mutex<RequestLog>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (a, l, s) = (answers.clone(), log.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(120);
            let mut served = 0;
            while !s.load(Ordering::Relaxed) && Instant::now() < deadline && served < 200 {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        let _ = handle(stream, &a, &l, &s);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            port,
            answers,
            log,
            stop,
            thread: Some(thread),
        }
    }

    fn set(&self, path: &str, answer: Answer) {
        self.answers
            .lock()
            .unwrap()
            .insert(path.to_string(), answer);
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn requests(&self) -> Vec<(String, Option<String>)> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn handle(
    mut stream: TcpStream,
    answers: &Mutex<HashMap<String, Answer>>,
    log: &Mutex<RequestLog>,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut if_none_match = None;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(v.trim().to_string());
            }
        }
    }
    log.lock()
        .unwrap()
        .push((path.clone(), if_none_match.clone()));
    let answer = {
        let mut map = answers.lock().unwrap();
        let a = map.get(&path).cloned();
        if let Some(Answer::FailThen(n, body)) = &a {
            let next = if *n > 1 {
                Answer::FailThen(n - 1, body.clone())
            } else {
                Answer::Ok(body.clone(), "\"after-failures\"")
            };
            map.insert(path.clone(), next);
        }
        a
    };
    let respond = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes())?;
        stream.write_all(body)
    };
    match answer {
        None => respond(&mut stream, "404 Not Found", "", b"no such file"),
        Some(Answer::Ok(body, etag)) => {
            if if_none_match.as_deref() == Some(etag) {
                respond(&mut stream, "304 Not Modified", &format!("ETag: {etag}\r\n"), b"")
            } else {
                let headers = format!("ETag: {etag}\r\nLast-Modified: Wed, 25 Nov 2026 12:00:00 GMT\r\n");
                respond(&mut stream, "200 OK", &headers, &body)
            }
        }
        Some(Answer::Status(s)) => {
            respond(&mut stream, &format!("{s} Error"), "", b"server error")
        }
        Some(Answer::FailThen(_, _)) => respond(&mut stream, "500 Error", "", b"server error"),
        Some(Answer::Slow(wait)) => {
            let until = Instant::now() + wait;
            while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(())
        }
        Some(Answer::Truncated(body)) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body[..body.len() / 2])?;
            stream.flush()
        }
        Some(Answer::Html) => respond(
            &mut stream,
            "200 OK",
            "Content-Type: text/html\r\n",
            b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>We are down for maintenance</h1></body></html>\n",
        ),
    }?;
    // Drain what the client may still send, so it sees our answer.
    let mut sink = [0u8; 256];
    let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
    let _ = stream.read(&mut sink);
    Ok(())
}

fn data(file: &str) -> Vec<u8> {
    std::fs::read(format!("../shared/data/{file}")).unwrap()
}

fn cache_dir(name: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-fetch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn options() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_millis(1500),
        retries: 2,
        backoff: Duration::from_millis(10),
        ..FetchOptions::default()
    }
}

fn dpl_source(server: &Server) -> Source {
    Source {
        id: "bis-dpl".into(),
        format: Format::Dpl,
        files: vec![RemoteFile {
            url: server.url("/dpl.txt"),
            name: "dpl.txt".into(),
        }],
        dir: "bis-dpl".into(),
    }
}

/// The cached file loads strictly and is exactly `bytes`, with a manifest
/// that describes it.
fn cache_holds(path: &Path, bytes: &[u8]) {
    let on_disk = std::fs::read(path).unwrap();
    assert!(on_disk == bytes, "{} changed", path.display());
    // OFAC's companion files load with their primary file.
    let name = path.file_name().unwrap().to_string_lossy();
    let primary = if ["alt.csv", "add.csv", "sdn_comments.csv"].contains(&name.as_ref()) {
        path.with_file_name("sdn.csv")
    } else {
        path.to_path_buf()
    };
    load_path(&primary, None).unwrap_or_else(|e| panic!("cache holds a broken list: {e}"));
    let m = Manifest::read_for(path).unwrap().unwrap();
    assert!(m.describes(bytes));
    let dir = path.parent().unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_good_download_is_installed_with_its_manifest_then_asked_for_conditionally() {
    let server = Server::start();
    let dpl = data("bis-dpl/dpl.txt");
    server.set("/dpl.txt", Answer::Ok(dpl.clone(), "\"v1\""));
    let cache = cache_dir("good");
    let source = dpl_source(&server);
    let done = fetch_source(&source, &cache, &options()).unwrap();
    assert_eq!(
        done.outcome,
        Outcome::Updated {
            entities: 547,
            previous: None
        }
    );
    let m = &done.manifests[0];
    assert_eq!(m.url, server.url("/dpl.txt"));
    assert_eq!(
        (m.size, m.sha256.clone()),
        (dpl.len() as u64, sha256_hex(&dpl))
    );
    assert_eq!(m.etag.as_deref(), Some("\"v1\""));
    assert!(m.last_modified.is_some());
    let report = m.report.as_ref().unwrap();
    assert_eq!((report.kept, report.read), (547, 665));
    cache_holds(&done.path, &dpl);
    // Loaded from the cache: the content's own date, verified on retrieval.
    let i = load_path(&done.path, None).unwrap();
    assert_eq!(i.lists[0].meta.as_of.unwrap().to_string(), "2023-11-28");
    assert_eq!(i.lists[0].meta.verified, m.checked_date());

    // Again: a conditional request, answered 304.
    let again = fetch_source(&source, &cache, &options()).unwrap();
    assert_eq!(again.outcome, Outcome::NotModified);
    assert_eq!(
        server.requests().last().unwrap().1.as_deref(),
        Some("\"v1\"")
    );
    cache_holds(&done.path, &dpl);

    // A changed ETag with new content: installed.
    let raw = String::from_utf8(dpl.clone()).unwrap();
    let mut lines: Vec<&str> = raw.lines().collect();
    lines.truncate(600);
    let fewer = (lines.join("\n") + "\n").into_bytes();
    server.set("/dpl.txt", Answer::Ok(fewer.clone(), "\"v2\""));
    let third = fetch_source(&source, &cache, &options()).unwrap();
    assert!(
        matches!(
            third.outcome,
            Outcome::Updated {
                previous: Some(547),
                ..
            }
        ),
        "{third}"
    );
    cache_holds(&third.path, &fewer);
    // The version replaced is kept beside it, found by its SHA-256.
    let kept = Manifest::previous_of(&third.path);
    assert_eq!(std::fs::read(&kept).unwrap(), dpl);
    assert_eq!(
        Manifest::find_version(&third.path, &sha256_hex(&dpl)),
        Some(kept.clone())
    );
    assert_eq!(
        Manifest::find_version(&third.path, &sha256_hex(&fewer)),
        Some(third.path.clone())
    );
    assert!(Manifest::read_for(&kept).unwrap().unwrap().describes(&dpl));
    // A directory load of the cache skips the kept version and manifests.
    let i = load_path(third.path.parent().unwrap(), None).unwrap();
    assert_eq!(i.lists.len(), 1, "{}", i.report);
    assert_eq!(
        i.report.skipped_files.len(),
        3,
        "{:?}",
        i.report.skipped_files
    );
    let _ = std::fs::remove_dir_all(&cache);
}

#[test]
fn every_fault_leaves_the_previous_list_in_place_and_says_why() {
    let server = Server::start();
    let dpl = data("bis-dpl/dpl.txt");
    server.set("/dpl.txt", Answer::Ok(dpl.clone(), "\"v1\""));
    let cache = cache_dir("faults");
    let source = dpl_source(&server);
    let path = fetch_source(&source, &cache, &options()).unwrap().path;
    let manifest_before = std::fs::read(Manifest::path_for(&path)).unwrap();

    let cut = {
        let mut v = dpl.clone();
        v.truncate(dpl.len() - 40);
        v
    };
    let html_as_csl = b"\"Name\"\t\"Street_Address\"\n<html>oops</html>\n".to_vec();
    let faults: Vec<Fault> = vec![
        ("500", Answer::Status(500), |e| {
            matches!(
                e,
                FetchError::Status {
                    status: 500,
                    attempts: 3,
                    ..
                }
            )
        }),
        ("404", Answer::Status(404), |e| {
            matches!(
                e,
                FetchError::Status {
                    status: 404,
                    attempts: 1,
                    ..
                }
            )
        }),
        ("timeout", Answer::Slow(Duration::from_secs(3)), |e| {
            matches!(e, FetchError::Request { attempts: 3, .. })
        }),
        ("truncated body", Answer::Truncated(dpl.clone()), |e| {
            matches!(e, FetchError::Truncated { .. } | FetchError::Request { .. })
        }),
        ("HTML page with 200", Answer::Html, |e| {
            matches!(e, FetchError::Invalid { .. })
        }),
        (
            "file cut off mid-record",
            Answer::Ok(cut, "\"cut\""),
            |e| matches!(e, FetchError::Invalid { message, .. } if message.contains("cut off")),
        ),
        ("wrong header", Answer::Ok(html_as_csl, "\"bad\""), |e| {
            matches!(e, FetchError::Invalid { .. })
        }),
    ];
    for (what, answer, expected) in faults {
        server.set("/dpl.txt", answer);
        let err = fetch_source(&source, &cache, &options()).unwrap_err();
        assert!(expected(&err), "{what}: {err}");
        assert!(
            err.to_string().contains("dpl"),
            "{what}: says which source: {err}"
        );
        cache_holds(&path, &dpl);
        assert_eq!(
            std::fs::read(Manifest::path_for(&path)).unwrap(),
            manifest_before,
            "{what}: manifest untouched"
        );
    }

    // A 500 that passes: the retry gets the file.
    server.set("/dpl.txt", Answer::FailThen(2, dpl.clone()));
    let done = fetch_source(&source, &cache, &options()).unwrap();
    assert!(matches!(done.outcome, Outcome::Updated { .. }));
    cache_holds(&path, &dpl);

    // A version that loses most entities is refused, unless forced.
    let small = std::fs::read("tests/fixtures/dpl/dpl.txt").unwrap();
    server.set("/dpl.txt", Answer::Ok(small.clone(), "\"small\""));
    let err = fetch_source(&source, &cache, &options()).unwrap_err();
    assert!(
        matches!(
            err,
            FetchError::Drop {
                old: 547,
                new: 3,
                ..
            }
        ),
        "{err}"
    );
    cache_holds(&path, &dpl);
    let forced = FetchOptions {
        force: true,
        ..options()
    };
    fetch_source(&source, &cache, &forced).unwrap();
    cache_holds(&path, &small);
    let _ = std::fs::remove_dir_all(&cache);
}

/// OFAC's set: a fault on a companion file installs nothing; the set that
/// loads is installed together, and the file's lack of a date makes the
/// retrieval date its as-of date.
#[test]
fn an_ofac_set_is_installed_whole_or_not_at_all() {
    let server = Server::start();
    let dir = "tests/fixtures/ofac";
    let file = |n: &str| std::fs::read(format!("{dir}/{n}")).unwrap();
    let names = ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"];
    for n in names {
        server.set(&format!("/{n}"), Answer::Ok(file(n), "\"v1\""));
    }
    let source = Source {
        id: "ofac-sdn".into(),
        format: Format::Ofac,
        files: names
            .iter()
            .map(|n| RemoteFile {
                url: server.url(&format!("/{n}")),
                name: n.to_string(),
            })
            .collect(),
        dir: "ofac-sdn".into(),
    };
    let cache = cache_dir("ofac");
    let done = fetch_source(&source, &cache, &options()).unwrap();
    for n in names {
        cache_holds(&cache.join("ofac-sdn").join(n), &file(n));
    }
    let i = load_path(&done.path, None).unwrap();
    let meta = &i.lists[0].meta;
    assert_eq!(meta.as_of_basis, AsOfBasis::Retrieved);
    assert_eq!(meta.as_of, done.manifests[0].retrieved_date());
    assert!(
        i.lists[0]
            .entities
            .iter()
            .any(|e| e.aliases.iter().any(|a| a == "NATIONAL BANK OF CUBA"))
    );

    // New primary bytes, but the alias file fails: nothing changes.
    let mut changed = file("sdn.csv");
    changed.splice(
        0..0,
        b"99,\"NEW PARTY\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            .iter()
            .copied(),
    );
    server.set("/sdn.csv", Answer::Ok(changed.clone(), "\"v2\""));
    server.set("/alt.csv", Answer::Status(503));
    let err = fetch_source(&source, &cache, &options()).unwrap_err();
    assert!(
        matches!(err, FetchError::Status { status: 503, .. }),
        "{err}"
    );
    for n in names {
        cache_holds(&cache.join("ofac-sdn").join(n), &file(n));
    }
    // The alias file back: the new set goes in, the unchanged files with it.
    server.set("/alt.csv", Answer::Ok(file("alt.csv"), "\"v1\""));
    let done = fetch_source(&source, &cache, &options()).unwrap();
    assert!(
        matches!(
            done.outcome,
            Outcome::Updated {
                entities: 5,
                previous: Some(4)
            }
        ),
        "{done}"
    );
    cache_holds(&cache.join("ofac-sdn").join("sdn.csv"), &changed);
    cache_holds(&cache.join("ofac-sdn").join("alt.csv"), &file("alt.csv"));
    let _ = std::fs::remove_dir_all(&cache);
}

#[test]
fn the_example_fetches_into_a_cache_and_exits_1_when_a_source_fails() {
    let server = Server::start();
    let dpl = data("bis-dpl/dpl.txt");
    server.set("/dpl.txt", Answer::Ok(dpl.clone(), "\"v1\""));
    let cache = cache_dir("cli");
    let run = || {
        std::process::Command::new(lists_bin())
            .args([
                "fetch",
                "--source",
                "bis-dpl",
                "--retries",
                "0",
                "--timeout",
                "5",
            ])
            .arg("--url")
            .arg(format!("bis-dpl={}", server.url("/dpl.txt")))
            .arg("--cache")
            .arg(&cache)
            .output()
            .unwrap()
    };
    let out = run();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("bis-dpl: updated, 547 entities"),
        "{stdout}"
    );
    let path = cache.join("bis-dpl").join("dpl.txt");
    cache_holds(&path, &dpl);
    server.set("/dpl.txt", Answer::Status(500));
    let out = run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: bis-dpl:") && stderr.contains("HTTP status 500"),
        "{stderr}"
    );
    cache_holds(&path, &dpl);
    let _ = std::fs::remove_dir_all(&cache);
}

/// The `lists` example with this test's features.
fn lists_bin() -> PathBuf {
    let mut p = std::env::current_exe().unwrap();
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = std::process::Command::new(cargo);
    cmd.args(["build", "-q", "--example", "lists", "--features", "fetch"]);
    if p.ends_with("release") {
        cmd.arg("--release");
    }
    assert!(
        cmd.status().unwrap().success(),
        "building the lists example"
    );
    p.join("examples")
        .join(format!("lists{}", std::env::consts::EXE_SUFFIX))
}
