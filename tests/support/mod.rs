//! Running the `screen` example from tests.
//!
//! `SCREEN_BIN` points the tests at another build of the example (an older
//! commit's, to show a test fails there).
#![allow(dead_code)]

pub mod own_entity;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn screen_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("SCREEN_BIN") {
        return PathBuf::from(bin);
    }
    let mut p = std::env::current_exe().expect("test binary path");
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    let bin = p
        .join("examples")
        .join(format!("screen{}", std::env::consts::EXE_SUFFIX));
    static BUILT: std::sync::Once = std::sync::Once::new();
    BUILT.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(["build", "--example", "screen"]);
        if p.ends_with("release") {
            cmd.arg("--release");
        }
        assert!(
            cmd.status().expect("cargo runs").success(),
            "building screen"
        );
    });
    bin
}

pub fn run(args: &[&str]) -> Output {
    run_limited(args, Duration::from_secs(120))
}

/// Runs the example, killing it after `limit` (a test that hangs on old code
/// fails instead of stalling the suite).
pub fn run_limited(args: &[&str], limit: Duration) -> Output {
    use std::io::Read;
    let mut child = Command::new(screen_bin())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("screen example runs");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("screen {args:?} ran for more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A file in this test process's temporary directory.
pub fn temp(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("temp file");
    p
}

pub fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A TOML list of organisations that reaches subsidiaries and affiliates,
/// made of `entities` (`[[entity]]` tables): the tests' lists of groups.
pub fn group_list(entities: &str) -> vendor_screen::list::DesignationList {
    group_list_reaching(entities, "subsidiaries_and_affiliates")
}

/// [`group_list`] with another reach (`owned_50_percent`: OFAC's).
pub fn group_list_reaching(entities: &str, reach: &str) -> vendor_screen::list::DesignationList {
    let toml = format!(
        r#"
[list]
id = "g"
name = "Groups"
authority = "tests"
legal_basis = "none"
effect = "none"
source_urls = []
as_of = "2026-11-01"
reach = "{reach}"
{entities}"#
    );
    vendor_screen::list::toml::parse_list(&toml, "groups.toml").expect("the test list parses")
}

/// A screener of the real 2024 SDN file (`../shared/data`) at `threshold`.
pub fn sdn_2024_screener(threshold: f64) -> vendor_screen::Screener {
    let sdn = vendor_screen::list::load::load_path(
        "../shared/data/ofac-sdn/2024-05-03/sdn.csv".as_ref(),
        None,
    )
    .expect("SDN 2024");
    vendor_screen::ScreenerBuilder::new()
        .lists(sdn.lists)
        .threshold(threshold)
        .build()
        .expect("builds")
}

/// Screens a vendor's name with `s` on 2024-05-04, the day after the 2024
/// SDN file's date.
pub fn screen_after_sdn_2024(s: &vendor_screen::Screener, name: &str) -> vendor_screen::Report {
    let as_of: vendor_screen::list::Date = "2024-05-04".parse().expect("date");
    s.screen(&vendor_screen::Vendor::new(name), as_of)
}
