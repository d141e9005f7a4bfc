//! `lists diff`: entities added, removed and changed between two versions
//! of a list, in the library and through the example, as text and JSON.

use vendor_screen::list::diff::{Presence, diff};
use vendor_screen::list::dpl;

fn dpl_lists(text: &str) -> Vec<vendor_screen::list::DesignationList> {
    dpl::parse(text.as_bytes(), "dpl.txt").unwrap().lists
}

#[test]
fn added_removed_and_changed_entities_with_their_fields() {
    let old = std::fs::read_to_string("tests/fixtures/dpl/dpl.txt").unwrap();
    // The new version: I. ASH gone, Dahua's order extended, one person added.
    let mut lines: Vec<String> = old.lines().map(str::to_string).collect();
    lines.retain(|l| !l.starts_with("\" I. ASH\""));
    for l in &mut lines {
        if l.starts_with("\"DAHUA") {
            *l = l.replace("\"11/19/2025\"", "\"11/19/2030\"");
        }
    }
    let raw = std::fs::read_to_string("../shared/data/bis-dpl/dpl.txt").unwrap();
    lines.push(raw.lines().nth(292).unwrap().to_string());
    let new = lines.join("\n") + "\n";
    let d = diff(&dpl_lists(&old), &dpl_lists(&new));
    let l = &d.lists[0];
    assert_eq!(l.presence, Presence::Both);
    assert_eq!(l.added.len(), 1);
    assert_eq!(l.added[0].name, "JESUS ADRIAN RAMIREZ");
    assert_eq!(l.removed.len(), 1);
    assert_eq!(l.removed[0].name, "I. ASH");
    assert_eq!(l.changed.len(), 1);
    let dahua = &l.changed[0];
    assert!(dahua.name.starts_with("DAHUA"));
    let periods = dahua.changes.iter().find(|c| c.field == "periods").unwrap();
    assert!(
        periods.added[0].contains("2017-09-28 to 2030-11-19"),
        "{periods:?}"
    );
    assert!(periods.removed[0].contains("to 2025-11-19"), "{periods:?}");
    assert_eq!(l.unchanged, 1);
    assert!(!d.is_empty());
    assert_eq!(d.touched().len(), 3);
    let text = d.to_string();
    assert!(
        text.contains("bis-dpl: 1 added, 1 removed, 1 changed, 1 unchanged"),
        "{text}"
    );
    assert!(
        text.contains("      periods + 2017-09-28 to 2030-11-19"),
        "{text}"
    );
    assert!(diff(&dpl_lists(&old), &dpl_lists(&old)).is_empty());
}

#[test]
fn the_example_prints_text_and_json() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(lists_bin())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let old = "tests/fixtures/dpl/dpl.txt";
    let new = "tests/fixtures/dpl/merged-orders.txt";
    let text = run(&["diff", old, new]);
    assert!(
        text.starts_with("bis-dpl: 2 added, 3 removed, 0 changed, 0 unchanged"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["diff", "--json", old, new])).unwrap();
    let l = &json["lists"][0];
    assert_eq!(l["list"], "bis-dpl");
    assert_eq!(l["added"].as_array().unwrap().len(), 2);
    assert_eq!(l["removed"].as_array().unwrap().len(), 3);
}

/// The `lists` example, as `cargo test` builds it (built here when a single
/// test target is run alone; a no-op otherwise).
fn lists_bin() -> std::path::PathBuf {
    let mut p = std::env::current_exe().unwrap();
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = std::process::Command::new(cargo);
    cmd.args(["build", "-q", "--example", "lists"]);
    // The features this test was built with, so the example is not rebuilt
    // without them.
    if cfg!(feature = "fetch") {
        cmd.args(["--features", "fetch"]);
    }
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

/// A change to a listed parent touches the entities listed under it: a
/// screener over the touched entities finds the relation hits the change
/// can make.
#[test]
fn touched_lists_bring_the_related_entities_along() {
    use vendor_screen::list::diff::touched_lists;
    let old = vendor_screen::lists::bundled().unwrap();
    let mut new = old.clone();
    let l = new.iter_mut().find(|l| l.meta.id == "dod-1260h").unwrap();
    let parent = "china-electronics-technology-group-corporation";
    let e = l.entities.iter_mut().find(|e| e.id == parent).unwrap();
    e.aliases.push("CETC Group".into());
    let children: Vec<String> = l
        .entities
        .iter()
        .filter(|e| {
            e.relations
                .iter()
                .any(|r| r.target.as_deref() == Some(parent))
        })
        .map(|e| e.id.clone())
        .collect();
    assert!(children.len() > 5, "{children:?}");
    let d = diff(&old, &new);
    let delta = touched_lists(&new, &d);
    assert_eq!(delta.len(), 1, "only dod-1260h is touched");
    let ids: Vec<&str> = delta[0].entities.iter().map(|e| e.id.as_str()).collect();
    assert!(ids.contains(&parent));
    for c in &children {
        assert!(ids.contains(&c.as_str()), "{c}");
    }
    assert!(ids.len() < 40, "not the whole list: {}", ids.len());
}
