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
    // `cargo test` builds examples; `cargo test --test cli` alone does not, so
    // make sure the binary is current (a no-op when it is).
    static BUILT: std::sync::Once = std::sync::Once::new();
    BUILT.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(["build", "--example", "screen"]);
        if p.ends_with("release") {
            cmd.arg("--release");
        }
        let ok = cmd.status().expect("cargo runs").success();
        assert!(ok, "building the screen example");
    });
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
        assert_eq!(h["status"], "match");
        if h["entity_name"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("hikvision")
        {
            assert_eq!(h["via"]["kind"], "self");
        } else {
            // The listed parent, through the list's own relation.
            assert_eq!(h["via"]["kind"], "relation", "{h}");
        }
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
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-cli-{}", std::process::id()));
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
    // The directory holds copies of the bundled lists: each replaces its
    // bundled twin, and the summary line says so.
    let out = run(&["--json", "--list", "lists", "ZTE Corporation"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("replacing bundled dod-1260h, fcc-covered, ndaa-889, ofac-ns-cmic"),
        "{err}"
    );
    let verbose = run(&["--json", "--verbose", "--list", "lists", "ZTE Corporation"]);
    let err = String::from_utf8_lossy(&verbose.stderr);
    assert!(err.contains("loaded ndaa-889"), "{err}");
}

fn temp(name: &str, contents: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

/// Real vendor names (SEC) mixed with listed names: exit code, input order,
/// and a summary that agrees with the JSON lines.
#[test]
fn batch_of_real_vendor_names_mixed_with_listed_names() {
    let sec = std::fs::read_to_string("../shared/data/vendors/sec-company-names.txt").unwrap();
    let mut rows = vec!["id,name,parents,parent_shares,country".to_string()];
    let listed = [
        "ZTE Corp",
        "Hik Vision USA Inc",
        "Zhejiang Dahua Technology Co Ltd",
    ];
    for (i, name) in sec.lines().step_by(97).take(60).enumerate() {
        rows.push(format!("s{i},\"{}\",,,", name.replace('"', "\"\"")));
        if i % 20 == 0 {
            rows.push(format!("l{i},{},,,", listed[i / 20]));
        }
    }
    rows.push("bad1,,,,".to_string());
    rows.push("bad2,Acme,Parent Co,abc,".to_string());
    let input = temp("mixed.csv", &(rows.join("\n") + "\n"));
    let out = run(&["--json", "--input", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    let ids: Vec<String> = lines
        .iter()
        .map(|l| l["input"]["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = rows[1..rows.len() - 2]
        .iter()
        .map(|r| r.split(',').next().unwrap().to_string())
        .collect();
    assert_eq!(ids, expected, "results in input order");
    for l in &lines {
        let id = l["input"]["id"].as_str().unwrap();
        if id.starts_with('l') {
            assert!(!l["hits"].as_array().unwrap().is_empty(), "{id} is listed");
        }
    }
    let flagged = lines
        .iter()
        .filter(|l| {
            l["hits"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["status"] == "match" || h["status"] == "review")
        })
        .count();
    let err = String::from_utf8_lossy(&out.stderr);
    let summary = format!(
        "summary: {} input rows: {} vendors screened, 2 rejected; {flagged} with hits (match or review), 0 with cleared hits only, {} clear",
        lines.len() + 2,
        lines.len(),
        lines.len() - flagged
    );
    assert!(err.contains(&summary), "{summary}\nnot in\n{err}");
    assert!(
        err.contains("field `name`: empty name") && err.contains("field `parent_shares`"),
        "{err}"
    );
    // --strict turns the rejected rows into exit status 2.
    assert_eq!(
        run(&["--json", "--strict", "--input", input.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn cleared_pairs_are_reported_with_status_cleared_and_stale_ones_warned() {
    let input = temp("one.csv", "id,name\nv1,ZTE Corporation\n");
    let cleared = temp(
        "cleared.csv",
        "vendor,list,entity_id,reason,reviewer,date\n\
         v1,ndaa-889,zte,reviewed: test,alice,2026-11-01\n\
         v1,fcc-covered,zte,reviewed: test,alice,2026-11-01\n\
         v1,dod-1260h,huawei,old decision,bob,2025-01-01\n",
    );
    let out = run(&[
        "--json",
        "--input",
        input.to_str().unwrap(),
        "--cleared",
        cleared.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "every hit cleared");
    let lines = json_lines(&out);
    for h in lines[0]["hits"].as_array().unwrap() {
        assert_eq!(h["status"], "cleared");
        assert_eq!(h["cleared"]["reviewer"], "alice");
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stale clearance") && err.contains("huawei"),
        "{err}"
    );
}

#[test]
fn csv_output_has_one_row_per_hit() {
    let out = run(&[
        "--csv",
        "EZVIZ",
        "--parent",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "vendor_id",
            "vendor_name",
            "list",
            "entity_id",
            "entity_name",
            "matched_name",
            "score",
            "status",
            "via",
            "reason",
            "finding",
            "legal_basis",
            "citation"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() >= 4);
    assert!(
        rows.iter()
            .any(|r| &r[2] == "ndaa-889" && &r[7] == "match" && r[8].starts_with("owner"))
    );
}

#[test]
fn as_of_expires_a_removed_1260h_entity() {
    let name = "Anhui Sun Create Electronics Co., Ltd.";
    assert_eq!(run(&["--as-of", "2026-01-15", name]).status.code(), Some(1));
    let out = run(&["--json", "--as-of", "2026-03-01", name]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert!(
        lines[0]["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["status"] == "expired")
    );
}
