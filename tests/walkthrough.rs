//! Issue 13: the newcomer walk-through from the README meets none of the
//! frictions a compliance analyst met; one test per friction.

mod support;

use support::{json_lines, path, run, stderr, stdout, temp};

const HIKVISION: &str = "Hangzhou Hikvision Digital Technology Co., Ltd.";
const CSL: &str = "../shared/data/csl/consolidated-2023-11-partial.csv";

fn lists_hit(line: &serde_json::Value) -> Vec<String> {
    let mut l: Vec<String> = line["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["list"].as_str().unwrap_or("").to_string())
        .collect();
    l.sort();
    l.dedup();
    l
}

#[test]
fn a_list_file_adds_to_the_bundled_lists() {
    let out = run(&["--json", "--partial", "--list", CSL, "Hik Vision USA Inc"]);
    assert_eq!(out.status.code(), Some(1));
    let lists = lists_hit(&json_lines(&out)[0]);
    for l in ["ndaa-889", "fcc-covered", "dod-1260h", "csl-ns-cmic"] {
        assert!(lists.contains(&l.to_string()), "{l} missing from {lists:?}");
    }
    let only = run(&[
        "--json",
        "--no-bundled",
        "--partial",
        "--list",
        CSL,
        "Hik Vision USA Inc",
    ]);
    assert_eq!(lists_hit(&json_lines(&only)[0]), ["csl-ns-cmic"]);
    let named = run(&["--json", "--no-bundled", "--list", "bundled", "ZTE Corp"]);
    assert_eq!(named.status.code(), Some(1), "{}", stderr(&named));
    assert_eq!(
        lists_hit(&json_lines(&named)[0]),
        ["fcc-covered", "ndaa-889"]
    );
}

#[test]
fn a_list_file_cut_off_mid_record_is_an_error_unless_partial() {
    let out = run(&["--json", "--list", CSL, "Acme Widgets LLC"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("consolidated-2023-11-partial.csv"), "{err}");
    assert!(err.contains("cut off"), "{err}");
}

#[test]
fn loading_lists_prints_at_most_one_line() {
    let out = run(&["--json", "--partial", "--list", CSL, "Acme Widgets LLC"]);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(
            "consolidated-2023-11-partial.csv: 4,226 kept, 1 rejected, cut off at line 4233"
        ),
        "{err}"
    );
    assert!(err.contains("details with --verbose"), "{err}");
    let verbose = run(&[
        "--json",
        "--verbose",
        "--partial",
        "--list",
        CSL,
        "Acme Widgets LLC",
    ]);
    let err = stderr(&verbose);
    assert!(
        err.contains("rejected ") && err.contains("loaded csl-sdn"),
        "{err}"
    );
}

#[test]
fn the_seed_company_reads_in_under_ten_lines_naming_four_lists_and_its_listed_parent() {
    let out = run(&[HIKVISION]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.lines().count() <= 10, "{text}");
    for l in ["ndaa-889", "fcc-covered", "dod-1260h", "ofac-ns-cmic"] {
        assert!(text.contains(l), "{l}: {text}");
    }
    assert!(
        text.contains("listed parent: China Electronics Technology Group Corporation"),
        "{text}"
    );
    let err = stderr(&out);
    assert!(!err.contains("warning"), "{err}");
    assert!(err.lines().count() <= 1, "{err}");
}

#[test]
fn one_finding_per_entity_across_lists_with_relations_nested() {
    let out = run(&["--json", "--partial", "--list", CSL, HIKVISION]);
    let line = &json_lines(&out)[0];
    let findings = line["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    let mut lists: Vec<&str> = f["listings"]
        .as_array()
        .expect("listings")
        .iter()
        .map(|l| l["list"].as_str().unwrap_or(""))
        .collect();
    lists.sort();
    assert_eq!(
        lists,
        [
            "csl-ns-cmic",
            "dod-1260h",
            "fcc-covered",
            "ndaa-889",
            "ofac-ns-cmic"
        ]
    );
    for l in f["listings"].as_array().expect("listings") {
        assert!(
            l["legal_basis"].as_str().is_some_and(|s| !s.is_empty()),
            "{l}"
        );
        assert!(l["citation"].as_str().is_some_and(|s| !s.is_empty()), "{l}");
        assert!(l["status"].is_string(), "{l}");
    }
    assert!(!f["linked_by"].as_array().expect("links").is_empty());
    let parent = &f["relations"][0];
    assert!(
        parent["entity_name"]
            .as_str()
            .is_some_and(|n| n.contains("China Electronics Technology Group")),
        "{parent}"
    );
    // The parent reached through a relation never ranks above a direct hit
    // of the same score.
    let hits = line["hits"].as_array().expect("hits");
    let first_relation = hits.iter().position(|h| h["via"]["kind"] == "relation");
    let last_direct = hits.iter().rposition(|h| h["via"]["kind"] == "self");
    assert!(first_relation > last_direct, "{hits:#?}");
}

#[test]
fn explanations_name_each_side_and_the_status_rule_in_words() {
    let out = run(&[
        "--explain",
        "--as-of",
        "2026-11-22",
        "EZVIZ",
        "--parent",
        &format!("{HIKVISION}=100"),
    ]);
    let text = stdout(&out);
    assert!(text.contains("owner at level 1 \""), "{text}");
    assert!(
        !text.contains("\n  vendor \""),
        "an owner's name is not the vendor's: {text}"
    );
    let out = run(&["--explain", "--as-of", "2026-11-22", "Hik Vision USA Inc"]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "listed as the parent of \"Hangzhou Hikvision Digital Technology Co., Ltd.\""
        ),
        "{text}"
    );
    assert!(
        text.contains("vendor,list,entity_id,path,reason,reviewer,date"),
        "{text}"
    );
    // A date before the listing is "not yet listed", not "expired".
    let out = run(&["--json", "--as-of", "2019-01-01", "ZTE Corp"]);
    assert_eq!(out.status.code(), Some(0));
    for h in json_lines(&out)[0]["hits"].as_array().expect("hits") {
        assert_eq!(h["status"], "not_yet_listed", "{h}");
        let rule = h["explanation"]["rule"].as_str().unwrap_or("");
        assert!(rule.contains("after the as-of date 2019-01-01"), "{rule}");
    }
}

/// Every number in a JSON value.
fn numbers(v: &serde_json::Value, out: &mut Vec<f64>) {
    match v {
        serde_json::Value::Number(n) => out.extend(n.as_f64()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| numbers(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| numbers(x, out)),
        _ => {}
    }
}

#[test]
fn json_lines_record_the_run_with_rounded_scores_and_citations() {
    let out = run(&[
        "--json",
        "--partial",
        "--list",
        CSL,
        "Hik Vision USA Inc",
        "SMIC",
    ]);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(line["version"], env!("CARGO_PKG_VERSION"));
        assert!(line["threshold"].as_f64().is_some());
        assert!(line["as_of"].is_string());
        let lists = line["lists"].as_array().expect("lists");
        assert!(lists.len() >= 17 && lists.iter().all(|l| l["id"].is_string()));
        let mut nums = Vec::new();
        numbers(&line["hits"], &mut nums);
        numbers(&line["findings"], &mut nums);
        for x in nums {
            assert!(
                ((x * 1000.0).round() - x * 1000.0).abs() < 1e-6,
                "{x} has more than 3 decimals"
            );
        }
        for h in line["hits"].as_array().expect("hits") {
            assert!(
                h["legal_basis"].as_str().is_some_and(|s| !s.is_empty()),
                "{h}"
            );
            assert!(h["citation"].as_str().is_some_and(|s| !s.is_empty()), "{h}");
        }
    }
    let version = run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn csv_output_has_a_row_for_every_vendor() {
    let input = temp(
        "csv-every.csv",
        "id,name\nv1,Acme Widgets LLC\nv2,\nv3,ZTE Corp\n",
    );
    let out = run(&["--csv", "--input", path(&input)]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("CSV");
    let status_of = |id: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| &r[0] == id)
            .map(|r| r[7].to_string())
            .collect()
    };
    assert_eq!(status_of("v1"), ["clean"]);
    assert!(status_of("v3").iter().all(|s| s == "match") && !status_of("v3").is_empty());
    assert!(
        rows.iter()
            .any(|r| &r[7] == "rejected" && r[9].contains("csv-every.csv:3"))
    );
}

#[test]
fn vendor_masters_with_other_headers_and_delimiters_are_read() {
    let semi = temp(
        "master.csv",
        "Supplier ID;Vendor Name;Country Code;Address\nS-1;ZTE Corp;CN;Shenzhen\nS-2;Acme Widgets;US;Ohio\n",
    );
    let out = run(&["--json", "--input", path(&semi)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["input"]["id"], "S-1");
    assert_eq!(lines[0]["input"]["country"], "CN");
    assert!(
        stderr(&out).contains("columns ignored: Address"),
        "{}",
        stderr(&out)
    );
    let tab = temp("master.tsv", "Company\tLEI\nAcme Widgets\t\n");
    assert_eq!(run(&["--input", path(&tab)]).status.code(), Some(0));
}

#[test]
fn a_parent_can_be_given_with_its_share() {
    let status = |list: &str, parent: &str, share: &str| {
        let out = run(&[
            "--json",
            "--list",
            "../shared/data/ofac-sdn/2024-05-03/sdn.csv",
            "Acme Widgets LLC",
            "--parent",
            &format!("{parent}={share}"),
        ]);
        let hits = json_lines(&out)[0]["hits"]
            .as_array()
            .cloned()
            .expect("hits");
        let h = hits
            .into_iter()
            .find(|h| h["list"] == list)
            .unwrap_or_else(|| panic!("an {list} hit"));
        assert_eq!(
            h["via"]["share"].as_f64(),
            share.trim_end_matches('%').parse().ok()
        );
        h["status"].as_str().unwrap_or("").to_string()
    };
    // OFAC's 50 Percent Rule, on the SDN list.
    assert_eq!(status("ofac-sdn", "ROSOBORONEKSPORT OAO", "60"), "match");
    assert_eq!(
        status("ofac-sdn", "ROSOBORONEKSPORT OAO", "30%"),
        "out_of_reach"
    );
    // Not on the NS-CMIC list, whatever the share (OFAC FAQ 857).
    assert_eq!(
        status("ofac-ns-cmic", "China Mobile Limited", "60"),
        "out_of_reach"
    );
    assert_eq!(
        run(&["Acme", "--parent", "China Mobile Limited=lots"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_onboarding_example_prints_errors_as_sentences() {
    let mut bin = support::screen_bin();
    bin.set_file_name(format!("onboarding{}", std::env::consts::EXE_SUFFIX));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = std::process::Command::new(cargo);
    build.args(["build", "--example", "onboarding"]);
    if bin.to_string_lossy().contains("/release/") {
        build.arg("--release");
    }
    assert!(build.status().expect("cargo").success());
    let out = std::process::Command::new(bin)
        .arg("/nonexistent/csl.csv")
        .output()
        .expect("runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("error: /nonexistent/csl.csv: cannot read"),
        "{err}"
    );
    assert!(!err.contains("Io {"), "{err}");
}

#[test]
fn the_clearance_rows_an_explain_page_offers_clear_the_vendor_exactly() {
    let input = temp(
        "explain-clear.csv",
        "id,name\nv1,Hik Vision USA Inc\nv2,Hik Vision USA Inc\n",
    );
    let args = ["--as-of", "2026-11-22", "--input", path(&input)];
    let page = stdout(&run(&[&["--explain"][..], &args].concat()));
    let mut rows: Vec<String> = page
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("v1,") && l.ends_with(",REASON,REVIEWER,YYYY-MM-DD"))
        .map(|l| {
            l.replace(
                "REASON,REVIEWER,YYYY-MM-DD",
                "reviewed: a US reseller,alice,2026-11-20",
            )
        })
        .collect();
    assert!(rows.len() >= 5, "{page}");
    rows.sort();
    rows.dedup();
    let cleared = temp(
        "explain-cleared.csv",
        format!(
            "vendor,list,entity_id,path,reason,reviewer,date\n{}\n",
            rows.join("\n")
        ),
    );
    let out = run(&[&["--json", "--cleared", path(&cleared)][..], &args].concat());
    assert_eq!(
        out.status.code(),
        Some(1),
        "v2 is not cleared: {}",
        stderr(&out)
    );
    let lines = json_lines(&out);
    assert!(
        lines[0]["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .all(|h| h["status"] == "cleared")
    );
    assert!(
        lines[1]["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .all(|h| h["status"] != "cleared")
    );
    assert!(
        !stderr(&out).contains("stale clearance"),
        "{}",
        stderr(&out)
    );
}
