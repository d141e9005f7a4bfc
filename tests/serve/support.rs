//! Starts the `serve` example on a free port of 127.0.0.1 and talks HTTP to
//! it with a real client. Every server is killed when its handle drops;
//! every request has a timeout.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The CSL extract in `../shared/data`, real data.
pub const CSL: &str = "../shared/data/csl/consolidated-2023-11-partial.csv";

/// The example binary, built with the profile of this test binary (a no-op
/// after `cargo test`, which builds every example).
pub fn serve_bin() -> PathBuf {
    let mut p = std::env::current_exe().unwrap();
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    let bin = p
        .join("examples")
        .join(format!("serve{}", std::env::consts::EXE_SUFFIX));
    static BUILT: std::sync::Once = std::sync::Once::new();
    BUILT.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(["build", "--example", "serve"]);
        if p.ends_with("release") {
            cmd.arg("--release");
        } else {
            // The profile `cargo test` builds examples with: no second build of the dependencies.
            cmd.args(["--profile", "test"]);
        }
        let ok = cmd.status().expect("cargo runs").success();
        assert!(ok, "building the serve example");
    });
    bin
}

/// A running server.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    pub addr: String,
    log: Arc<Mutex<Vec<String>>>,
    agent: ureq::Agent,
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Resp {
    /// Status code.
    pub status: u16,
    /// Body text.
    pub body: String,
    /// Headers, names lowercase.
    pub headers: Vec<(String, String)>,
}

impl Resp {
    /// The body as JSON (panics with the body when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A client that reports every status as a response, with a timeout.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

impl Server {
    /// Starts `serve --port 0 ARGS...` and waits until it listens.
    pub fn start(args: &[&str]) -> Server {
        Server::try_start(args).unwrap_or_else(|log| panic!("server did not start:\n{log}"))
    }

    /// Like [`Server::start`]; on failure, the server's log.
    pub fn try_start(args: &[&str]) -> Result<Server, String> {
        let mut child = Command::new(serve_bin())
            .args(["--port", "0", "--bind", "127.0.0.1"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let stderr = child.stderr.take().expect("stderr piped");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
                        if v["event"] == "listening" {
                            let _ = tx.send(v["addr"].as_str().unwrap_or("").to_string());
                        }
                    }
                    log.lock().unwrap().push(line);
                }
            });
        }
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            if let Ok(addr) = rx.recv_timeout(Duration::from_millis(50)) {
                return Ok(Server {
                    child,
                    addr,
                    log,
                    agent: agent(),
                });
            }
            if child.try_wait().ok().flatten().is_some() || Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                std::thread::sleep(Duration::from_millis(100));
                return Err(log.lock().unwrap().join("\n"));
            }
        }
    }

    /// `http://ADDR/PATH`
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// GET with headers.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Resp {
        let mut req = self.agent.get(self.url(path));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        read(req.call())
    }

    /// GET.
    pub fn get(&self, path: &str) -> Resp {
        self.get_with(path, &[])
    }

    /// POST a JSON body with headers.
    pub fn post_with(&self, path: &str, body: &str, headers: &[(&str, &str)]) -> Resp {
        post(&self.agent, &self.url(path), body, headers)
    }

    /// POST a JSON body.
    pub fn post(&self, path: &str, body: &str) -> Resp {
        self.post_with(path, body, &[])
    }

    /// The server's log lines so far (JSON).
    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -TERM");
    }

    /// Waits for the process to exit, at most `limit`.
    pub fn wait(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Ok(Some(s)) = self.child.try_wait() {
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// POST `body` as JSON to `url`.
pub fn post(agent: &ureq::Agent, url: &str, body: &str, headers: &[(&str, &str)]) -> Resp {
    let mut req = agent.post(url);
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
    {
        req = req.header("content-type", "application/json");
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    read(req.send(body))
}

fn read(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
    let res = res.unwrap_or_else(|e| panic!("request failed: {e}"));
    let status = res.status().as_u16();
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = res
        .into_body()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .expect("body reads");
    Resp {
        status,
        body,
        headers,
    }
}

/// SHA-256 of a key in hex, as the keys file holds it.
pub fn sha256_hex(key: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vendor-screen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
