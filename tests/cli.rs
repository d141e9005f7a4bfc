//! The `screen` example against the CLI contract in DESIGN.md: exit codes,
//! JSON Lines shape, input order.

use std::path::PathBuf;
use std::process::{Command, Output};

fn screen_bin() -> PathBuf {
    // cargo test builds examples into target/<profile>/examples/.
    let mut p = std::env::current_exe().unwrap();
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    let bin = p
        .join("examples")
        .join(format!("screen{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        // `cargo test` builds examples; `cargo test --test cli` alone does not.
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--example", "screen"])
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the screen example");
    }
    bin
}

fn run(args: &[&str]) -> Output {
    Command::new(screen_bin())
        .args(args)
        .output()
        .expect("screen example runs")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn hikvision_legal_name_hits_all_four_bundled_lists_and_exits_1() {
    let out = run(&["--json", "Hangzhou Hikvision Digital Technology Co., Ltd."]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let hits = lines[0]["hits"].as_array().unwrap();
    let lists: Vec<&str> = hits.iter().map(|h| h["list"].as_str().unwrap()).collect();
    for l in ["ndaa-889", "fcc-covered", "dod-1260h", "ofac-ns-cmic"] {
        assert!(lists.contains(&l), "{l} missing from {lists:?}");
    }
    for h in hits {
        for field in [
            "entity_id",
            "entity_name",
            "matched_name",
            "score",
            "via",
            "status",
            "explanation",
        ] {
            assert!(!h[field].is_null(), "hit lacks {field}: {h}");
        }
        assert_eq!(h["via"]["kind"], "self");
        assert_eq!(h["status"], "match");
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "sorted by score");
    assert_eq!(
        lines[0]["input"]["name"],
        "Hangzhou Hikvision Digital Technology Co., Ltd."
    );
    assert!(lines[0]["input"]["parents"].as_array().unwrap().is_empty());
}

#[test]
fn an_unlisted_company_exits_0_with_no_hits() {
    let out = run(&["--json", "Acme Widgets LLC"]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert!(lines[0]["hits"].as_array().unwrap().is_empty());
}

#[test]
fn a_malformed_list_exits_2_naming_file_and_line() {
    let out = run(&["--list", "tests/fixtures/bad/duplicate_id.toml", "Alpha"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tests/fixtures/bad/duplicate_id.toml:17"),
        "{err}"
    );
}

#[test]
fn bad_options_exit_2() {
    assert_eq!(run(&["--threshold", "2", "ZTE"]).status.code(), Some(2));
    assert_eq!(run(&["--as-of", "yesterday", "ZTE"]).status.code(), Some(2));
    assert_eq!(run(&["--no-such-option"]).status.code(), Some(2));
    assert_eq!(run(&[]).status.code(), Some(2));
}

#[test]
fn input_csv_is_screened_in_order_with_ids_and_parents() {
    let dir = std::env::temp_dir().join(format!("vs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("vendors.csv");
    std::fs::write(
        &input,
        "id,name,parents,parent_shares,country\n\
         v1,Acme Widgets LLC,,,US\n\
         v2,EZVIZ,Hangzhou Hikvision Digital Technology Co. Ltd.,100,CN\n\
         v3,ZTE Corp,,,\n",
    )
    .unwrap();
    let out = run(&["--json", "--input", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["input"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["v1", "v2", "v3"]);
    assert!(lines[0]["hits"].as_array().unwrap().is_empty());
    let v2 = lines[1]["hits"].as_array().unwrap();
    assert!(!v2.is_empty());
    assert!(
        v2.iter()
            .all(|h| h["via"]["kind"] == "parent" && h["via"]["level"] == 1)
    );
    assert_eq!(
        lines[1]["input"]["parents"][0],
        "Hangzhou Hikvision Digital Technology Co. Ltd."
    );
    assert_eq!(lines[1]["input"]["country"], "CN");
}

#[test]
fn a_list_directory_can_be_given() {
    let out = run(&["--json", "--list", "lists", "ZTE Corporation"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("loaded ndaa-889"), "{err}");
}
