//! Issue 12, input side: nothing lost, nothing over-cleared, bounded cost,
//! nothing printed raw. Each test reproduces a defect of the CLI as it was
//! (run with `SCREEN_BIN` pointing at an older build to see it fail).

mod support;

use std::time::Duration;
use support::{json_lines, path, run, run_limited, stderr, temp};

/// `FILE:LINE:` references in a message.
fn lines_named(text: &str, file: &str) -> Vec<usize> {
    text.match_indices(&format!("{file}:"))
        .filter_map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

#[test]
fn an_unclosed_quote_is_an_error_naming_the_line_where_the_field_began() {
    let mut one = String::from("name\n\"Acme Widgets\n");
    let mut two = String::from("id,name\nv0,\"Acme Widgets\n");
    for i in 0..1000 {
        one.push_str(&format!("Vendor {i}\n"));
        two.push_str(&format!("v{},Vendor {i}\n", i + 1));
    }
    one.push_str("Huawei Technologies\n");
    two.push_str("v1001,Huawei Technologies\n");
    for (name, text) in [("one-column.csv", one), ("two-column.csv", two)] {
        let file = temp(name, text);
        for strict in [false, true] {
            let mut args = vec!["--json", "--input", path(&file)];
            if strict {
                args.push("--strict");
            }
            let out = run(&args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{name}: {err}");
            assert_eq!(lines_named(&err, path(&file)), [2], "{name}: {err}");
            assert!(err.contains("quote"), "{err}");
            assert!(
                json_lines(&out).is_empty(),
                "nothing screened from a broken file"
            );
        }
    }
}

#[test]
fn a_batch_in_which_no_row_could_be_screened_exits_2() {
    let all_rejected = temp("all-rejected.csv", "id,name\nv1,\n");
    let out = run(&["--json", "--input", path(&all_rejected)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("all-rejected.csv:2: field `name`"),
        "{}",
        stderr(&out)
    );
    let header_only = temp("header-only.csv", "id,name\n");
    assert_eq!(run(&["--input", path(&header_only)]).status.code(), Some(2));
}

#[test]
fn empty_and_invisible_names_are_rejected_on_the_command_line_as_in_a_batch() {
    for name in ["", "   ", "\u{200b}\u{feff}"] {
        let out = run(&["--json", name]);
        assert_eq!(out.status.code(), Some(2), "{name:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("field `name`: empty name"),
            "{}",
            stderr(&out)
        );
    }
    // A name made only of NUL bytes (which a command line cannot carry).
    let nul = temp("nul.csv", "id,name\nv1,\"\0\0\0\"\nv2,ZTE Corp\n");
    let out = run(&["--json", "--input", path(&nul)]);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|l| l["input"]["id"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(ids, ["v2"]);
    assert!(
        stderr(&out).contains("nul.csv:2: field `name`: empty name"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_duplicated_header_column_is_an_error() {
    for header in ["name,id,name", "Vendor Name,id,name"] {
        let file = temp("dup-header.csv", format!("{header}\nAcme,1,Beta\n"));
        let out = run(&["--input", path(&file)]);
        assert_eq!(out.status.code(), Some(2), "{header}: {}", stderr(&out));
        assert_eq!(
            lines_named(&stderr(&out), path(&file)),
            [1],
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn line_numbers_are_right_in_crlf_input() {
    let file = temp(
        "crlf.csv",
        "id,name\r\nv1,Acme Widgets\r\nv2,\"Globex\r\nTrading\"\r\nv3,\r\nv4,ZTE Corp\r\n",
    );
    let out = run(&["--json", "--input", path(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        lines_named(&stderr(&out), path(&file)),
        [5],
        "{}",
        stderr(&out)
    );
}

#[test]
fn under_strict_the_rejection_and_the_fatal_message_name_the_same_line() {
    let file = temp(
        "strict.csv",
        "id,name\r\nv1,Acme Widgets\r\nv2,Globex,extra field\r\nv3,ZTE Corp\r\n",
    );
    let out = run(&["--json", "--strict", "--input", path(&file)]);
    assert_eq!(out.status.code(), Some(2));
    let named = lines_named(&stderr(&out), path(&file));
    assert!(
        !named.is_empty() && named.iter().all(|&l| l == 3),
        "{}",
        stderr(&out)
    );
}

#[test]
fn control_characters_from_input_and_clearance_files_are_escaped() {
    let input = temp(
        "escape.csv",
        "id,name,parents,parent_shares\n\
         v1,\"Evil\x1b[2J Co\",Parent Co,\"ab\x1b[31mc\"\n\
         \"v2\x1b]0;owned\x07\",ZTE Corp,,\n",
    );
    let cleared = temp(
        "escape-cleared.csv",
        "vendor,list,entity_id,reason,reviewer,date\nv9\x1b[5m,ndaa-889,zte,why\x1b[0m,me,2026-01-01\n",
    );
    for extra in [&[][..], &["--explain"][..], &["--csv"][..]] {
        let mut args = vec![
            "--input",
            path(&input),
            "--cleared",
            path(&cleared),
            "--as-of",
            "2026-11-22",
        ];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(!stderr(&out).contains('\x1b'), "{:?}", stderr(&out));
        assert!(stderr(&out).contains("\\u{1b}"), "{:?}", stderr(&out));
        if extra != ["--csv"] {
            // CSV is data for a spreadsheet, not a terminal.
            assert!(!out.stdout.contains(&0x1b), "{:?}", support::stdout(&out));
        }
    }
    let out = run(&["ZTE\x1b[2J Corp"]);
    assert!(!out.stdout.contains(&0x1b), "{:?}", support::stdout(&out));
}

fn zte_hits(out: &std::process::Output, id: &str) -> Vec<serde_json::Value> {
    json_lines(out)
        .into_iter()
        .find(|l| l["input"]["id"] == id)
        .map(|l| l["hits"].as_array().cloned().unwrap_or_default())
        .unwrap_or_default()
}

#[test]
fn a_clearance_by_name_does_not_clear_other_vendors_of_that_name() {
    let input = temp(
        "same-name.csv",
        "id,name\nv1,ZTE Corp\nv2,ZTE Corp\nv3,ZTE Corp\n",
    );
    let cleared = temp(
        "by-name.csv",
        "vendor,list,entity_id,reason,reviewer,date\nZTE Corp,ndaa-889,zte,reviewed,alice,2026-11-01\n",
    );
    let out = run(&[
        "--json",
        "--input",
        path(&input),
        "--cleared",
        path(&cleared),
        "--as-of",
        "2026-11-22",
    ]);
    assert_eq!(out.status.code(), Some(1));
    for id in ["v1", "v2", "v3"] {
        let hits = zte_hits(&out, id);
        assert!(
            hits.iter().all(|h| h["status"] != "cleared"),
            "{id}: {hits:?}"
        );
    }
    assert!(stderr(&out).contains("stale clearance"), "{}", stderr(&out));
}

#[test]
fn two_rows_with_one_id_are_an_error_when_clearances_are_used() {
    let input = temp(
        "dup-id.csv",
        "id,name\nv1,ZTE Corp\nv1,Hytera Communications\n",
    );
    let cleared = temp(
        "dup-id-cleared.csv",
        "vendor,list,entity_id,reason,reviewer,date\nv1,ndaa-889,zte,reviewed,alice,2026-11-01\n",
    );
    let out = run(&[
        "--json",
        "--input",
        path(&input),
        "--cleared",
        path(&cleared),
        "--as-of",
        "2026-11-22",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("dup-id.csv:3: field `id`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn clearing_the_own_name_hit_leaves_the_owners_hit_on_the_same_entity() {
    let input = temp(
        "owner.csv",
        "id,name,parents,parent_shares\nv1,ZTE Corp,ZTE Corporation,100\n",
    );
    let cleared = temp(
        "own-name.csv",
        "vendor,list,entity_id,reason,reviewer,date\nv1,ndaa-889,zte,not the listed ZTE,alice,2026-11-01\n",
    );
    let out = run(&[
        "--json",
        "--input",
        path(&input),
        "--cleared",
        path(&cleared),
        "--as-of",
        "2026-11-22",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let hits = zte_hits(&out, "v1");
    let ndaa = hits
        .iter()
        .find(|h| h["list"] == "ndaa-889")
        .expect("ndaa-889 hit");
    assert_eq!(ndaa["status"], "match", "{ndaa}");
    assert_eq!(ndaa["via"]["kind"], "parent", "{ndaa}");
}

#[test]
fn a_clearance_needs_a_reason_a_reviewer_a_known_list_and_a_real_date_not_after_as_of() {
    let input = temp("one-zte.csv", "id,name\nv1,ZTE Corp\n");
    let cases = [
        (
            "v1,ndaa-889,zte,,alice,2026-11-01",
            "2026-11-22",
            ":2: field `reason`",
        ),
        (
            "v1,ndaa-889,zte,why,,2026-11-01",
            "2026-11-22",
            ":2: field `reviewer`",
        ),
        (
            "v1,ndaa-889,zte,why,alice,not-a-date",
            "2026-11-22",
            ":2: field `date`",
        ),
        (
            "v1,ndaa-889,zte,why,alice,2026-02-30",
            "2026-11-22",
            ":2: field `date`",
        ),
        (
            "v1,ndaa-889,zte,why,alice,2026-11-01",
            "2020-01-01",
            ":2: field `date`",
        ),
        (
            "v1,no-such-list,zte,why,alice,2026-11-01",
            "2026-11-22",
            ":2: field `list`",
        ),
    ];
    for (row, as_of, expected) in cases {
        let cleared = temp(
            "bad-cleared.csv",
            format!("vendor,list,entity_id,reason,reviewer,date\n{row}\n"),
        );
        let out = run(&[
            "--json",
            "--input",
            path(&input),
            "--cleared",
            path(&cleared),
            "--as-of",
            as_of,
        ]);
        assert_eq!(out.status.code(), Some(2), "{row}: {}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{row}: {}", stderr(&out));
    }
}

#[test]
fn a_megabyte_name_is_rejected_and_the_batch_goes_on() {
    let mut huge = String::with_capacity(1 << 20);
    let mut i = 0;
    while huge.len() < 1 << 20 {
        huge.push_str(&format!("w{i} "));
        i += 1;
    }
    let ten_kb: String = "Hikvision Digital Technology ".repeat(10_240 / 29);
    let file = temp(
        "huge.csv",
        format!("id,name\nbig,{huge}\nten,{ten_kb}\nv2,Huawei Technologies Co Ltd\n"),
    );
    let out = run_limited(&["--json", "--input", path(&file)], Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|l| l["input"]["id"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        ids,
        ["ten", "v2"],
        "the 10 KB name is screened, the 1 MB one rejected"
    );
    let err = stderr(&out);
    assert!(
        err.contains("huge.csv:2: field `name`") && err.contains("over the limit"),
        "{err}"
    );
    assert!(
        err.len() < 2_000,
        "the name is not printed whole: {} bytes",
        err.len()
    );
}
