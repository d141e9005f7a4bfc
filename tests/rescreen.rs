//! Re-screening only what changed gives the same result as a full
//! re-screen (issue 14, item 6): same hits, statuses and scores for every
//! vendor, after a change of 100 entities to the real CSL extract, and after
//! the screening date moves past listings that start or end.

mod support;

#[path = "../examples/evaluate/perturb.rs"]
#[allow(dead_code)]
mod perturb;

use std::collections::HashMap;
use vendor_screen::list::{Date, DesignationList, LoadOptions, Period, load::load_path_with};
use vendor_screen::rescreen::Rescreener;
use vendor_screen::{Report, ScreenerBuilder, Vendor};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn lists() -> Vec<DesignationList> {
    let mut lists = load_path_with(
        "../shared/data/csl/consolidated-2023-11-partial.csv".as_ref(),
        None,
        &LoadOptions::partial(),
    )
    .unwrap()
    .lists;
    lists.extend(vendor_screen::lists::bundled().unwrap());
    lists
}

/// What a result says, to compare: each hit's list, entity, status and score.
fn summary(r: &Report) -> Vec<(String, String, String, f64)> {
    let mut v: Vec<_> = r
        .hits
        .iter()
        .map(|h| {
            (
                h.list.clone(),
                h.entity_id.clone(),
                format!("{:?}", h.status),
                h.score,
            )
        })
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

/// The same hits with the same statuses and the same scores, to the bit:
/// word weights come from the crate's table of vendor-name words, not from
/// the lists loaded, so a score does not depend on the other entities.
fn same(a: &[(String, String, String, f64)], b: &[(String, String, String, f64)]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            (&x.0, &x.1, &x.2) == (&y.0, &y.1, &y.2) && x.3.to_bits() == y.3.to_bits()
        })
}

/// 100 changes: 30 entities removed, 30 changed (15 ended, 15 with a new
/// alias), 40 added (real names from OFAC's non-SDN list, under new ids);
/// and a bundled entity with a listed parent given an alias.
fn changed(old: &[DesignationList]) -> (Vec<DesignationList>, Vec<String>) {
    let mut new = old.to_vec();
    let mut names = Vec::new();
    let sdn = new.iter_mut().find(|l| l.meta.id == "csl-sdn").unwrap();
    let mut i = 0;
    sdn.entities.retain(|e| {
        i += 1;
        let gone = i % 50 == 0 && i <= 1500;
        if gone {
            names.push(e.name.clone());
        }
        !gone
    });
    let el = new.iter_mut().find(|l| l.meta.id == "csl-el").unwrap();
    for (k, e) in el.entities.iter_mut().step_by(29).take(30).enumerate() {
        names.push(e.name.clone());
        if k < 15 {
            e.periods = vec![Period::new(None, Some(d("2023-10-01")))];
        } else {
            e.aliases.push(format!("{} International", e.name));
        }
    }
    let cons = load_path_with(
        "../shared/data/ofac-non-sdn/cons_prim.csv".as_ref(),
        None,
        &LoadOptions::default(),
    )
    .unwrap();
    let sdn = new.iter_mut().find(|l| l.meta.id == "csl-sdn").unwrap();
    for e in cons.lists[0].entities.iter().step_by(11).take(40) {
        let mut e = e.clone();
        names.push(e.name.clone());
        e.id = format!("new-{}", e.id);
        sdn.entities.push(e);
    }
    // And a §1260H entity listed under a parent, given an alias: a vendor
    // of that name reaches the parent, untouched, through the relation.
    let avic = new
        .iter_mut()
        .find(|l| l.meta.id == "dod-1260h")
        .and_then(|l| {
            l.entities
                .iter_mut()
                .find(|e| e.id == "avic-aviation-high-technology-company-limited")
        })
        .unwrap();
    avic.aliases.push("Quillfeather Aerostructures".into());
    names.push("Quillfeather Aerostructures".into());
    (new, names)
}

/// Every eighth real vendor name, and `extra` names each as written and
/// varied as vendor masters vary names (typos, legal forms, look-alike
/// letters, words split or merged, ...): the variants hit through the
/// index's fuzzy keys, which a sieve too eager to skip vendors would miss.
fn vendors(extra: &[String]) -> (Vec<Vendor>, usize) {
    let text = std::fs::read_to_string("../shared/data/vendors/fpds-vendor-names.txt").unwrap();
    let mut rng = perturb::Rng::new(14);
    let varied: Vec<String> = extra
        .iter()
        .flat_map(|name| {
            let mut v = vec![name.clone()];
            for kind in perturb::KINDS {
                v.extend(perturb::perturb(name, kind, &mut rng));
            }
            // Found by variant keys (digits for letters) and tail keys (the
            // first letter mistyped).
            v.push(name.replace(['o', 'O'], "0"));
            v.push(format!("X{}", name.get(1..).unwrap_or("")));
            v
        })
        .collect();
    let n = varied.len();
    let vendors = text
        .lines()
        .step_by(8)
        .map(str::to_string)
        .chain(varied)
        .map(Vendor::new)
        .collect();
    (vendors, n)
}

/// Compares re-screening `vendors` (real names, then `extra` names of
/// touched entities and their variants) with a full re-screen; the number
/// screened again.
fn check(
    old: &[DesignationList],
    new: Vec<DesignationList>,
    (vendors, extra): (&[Vendor], usize),
    then: Date,
    now: Date,
) -> usize {
    let earlier_screener = ScreenerBuilder::new().lists(old.to_vec()).build().unwrap();
    let earlier: Vec<Report> = earlier_screener.screen_batch(vendors, then);
    let full_screener = ScreenerBuilder::new().lists(new.clone()).build().unwrap();
    let full: Vec<Report> = full_screener.screen_batch(vendors, now);
    let r = Rescreener::new(old, new, then, now, None).unwrap();
    let keys: Vec<_> = earlier.iter().map(Rescreener::keys).collect();
    let again = r.rescreen(vendors, &keys).unwrap();
    let mut rescreened = 0;
    let mut changed = 0;
    for (((v, before), after), again) in vendors.iter().zip(&earlier).zip(&full).zip(&again) {
        let incremental = match again {
            Some(report) => {
                rescreened += 1;
                // Screened again against only the entities it can involve:
                // the whole report is the full re-screen's, findings and
                // explanations too.
                assert!(report == after, "{:?}: the report differs", v.name);
                summary(report)
            }
            None => summary(before),
        };
        assert!(
            same(&incremental, &summary(after)),
            "{:?}:\n  incremental {incremental:?}\n  full {:?}",
            v.name,
            summary(after)
        );
        if !same(&summary(before), &summary(after)) {
            changed += 1;
        }
    }
    assert!(changed > 0, "the change alters some results");
    // Of the real vendor names, few are screened again.
    let real = vendors.len() - extra;
    let real_again = again[..real].iter().filter(|a| a.is_some()).count();
    assert!(real_again * 10 < real, "{real_again} of {real}");
    rescreened
}

#[test]
fn a_change_of_100_entities_rescreens_few_vendors_with_identical_results() {
    let old = lists();
    let (new, names) = changed(&old);
    let (vendors, extra) = vendors(&names);
    let n = check(
        &old,
        new,
        (&vendors, extra),
        d("2023-12-01"),
        d("2023-12-01"),
    );
    assert!(n >= 50, "{n}: the vendors named after changed entities");
    let parent = |v: &Vendor| {
        let s = ScreenerBuilder::new()
            .lists(changed(&old).0)
            .build()
            .unwrap();
        s.screen(v, d("2023-12-01"))
            .hits
            .iter()
            .any(|h| h.entity_id == "aviation-industry-corporation-of-china-ltd")
    };
    assert!(
        parent(&Vendor::new("Quillfeather Aerostructures")),
        "through the relation"
    );
}

/// The names of the entities whose listing starts or ends between two
/// dates.
fn flipping(lists: &[DesignationList], then: Date, now: Date) -> Vec<String> {
    let mut names: HashMap<String, ()> = HashMap::new();
    for l in lists {
        for e in &l.entities {
            if e.in_force(then) != e.in_force(now) {
                names.insert(e.name.clone(), ());
            }
        }
    }
    names.into_keys().collect()
}

#[test]
fn a_later_screening_date_rescreens_listings_that_started_or_ended() {
    let old = lists();
    let (then, now) = (d("2023-01-01"), d("2023-12-01"));
    let names = flipping(&old, then, now);
    assert!(!names.is_empty());
    let (vendors, extra) = vendors(&names);
    check(&old, old.clone(), (&vendors, extra), then, now);
}

/// §1260H entities listed from 2025-01-07 under a listed parent: a vendor
/// named after one reaches the parent through the relation once the
/// listing is in force, though the parent's listing did not change.
#[test]
fn a_listing_that_starts_leads_to_its_listed_parent() {
    let old = lists();
    let (then, now) = (d("2024-06-01"), d("2025-06-01"));
    let names = flipping(&old, then, now);
    let (vendors, extra) = vendors(&names);
    check(&old, old.clone(), (&vendors, extra), then, now);
    let s = ScreenerBuilder::new().lists(old).build().unwrap();
    let parent = s
        .screen(&Vendor::new("Aisino Corporation"), now)
        .hits
        .into_iter()
        .any(|h| matches!(h.via, vendor_screen::Via::Relation { .. }));
    assert!(parent, "a vendor reaches a listed parent");
}

/// A vendor matched only by an identifier, to an entity the change
/// removes, is screened again: its earlier identifier hit counts among its
/// keys, read from a report or from an earlier run's JSON line.
/// A group's brand is vouched for by the members the list names for it
/// (three carrying it), so a member listed or delisted changes whom its
/// untouched group hits: the group counts as touched, and a screener over
/// some entities holds their members' names too. Names from OFAC's 2024
/// SDN file; before, re-screening missed the group's new hit.
#[test]
fn a_member_listed_or_delisted_changes_its_groups_hits() {
    let list = |members: &[&str]| {
        let mut t = String::from(
            r#"
[[entity]]
id = "group"
name = "SHAHID HEMMAT INDUSTRIAL GROUP"
citation = "tests"
"#,
        );
        for (k, m) in members.iter().enumerate() {
            t.push_str(&format!(
                r#"
[[entity]]
id = "m{k}"
name = "{m}"
citation = "tests"
[[entity.relations]]
kind = "affiliate"
name = "SHAHID HEMMAT INDUSTRIAL GROUP"
"#
            ));
        }
        vec![support::group_list_reaching(&t, "owned_50_percent")]
    };
    let two = list(&["SHAHID NURI INDUSTRIES", "SHAHID MOVAHED INDUSTRIES"]);
    let three = list(&[
        "SHAHID NURI INDUSTRIES",
        "SHAHID MOVAHED INDUSTRIES",
        "SHAHID KARIMI INDUSTRIES",
    ]);
    let day = d("2026-11-26");
    let vendor = [Vendor::new("SHAHID KALHOR INDUSTRIES")];
    let hits_group = |r: &Report| r.hits.iter().any(|h| h.entity_id == "group");
    for (old, new) in [(&two, &three), (&three, &two)] {
        let earlier = ScreenerBuilder::new().lists(old.clone()).build().unwrap();
        let full = ScreenerBuilder::new().lists(new.clone()).build().unwrap();
        let before = earlier.screen(&vendor[0], day);
        let after = full.screen(&vendor[0], day);
        assert_ne!(hits_group(&before), hits_group(&after), "the brand moves");
        let r = Rescreener::new(old, new.clone(), day, day, None).unwrap();
        let again = r.rescreen(&vendor, &[Rescreener::keys(&before)]).unwrap();
        assert_eq!(
            again[0].as_ref(),
            Some(&after),
            "screened again, as in full"
        );
    }
}

#[test]
fn an_identifier_hit_on_a_removed_entity_is_screened_again() {
    use vendor_screen::IdentifierKind;
    use vendor_screen::rescreen::{EarlierLine, earlier_keys};
    let old = vendor_screen::lists::bundled().unwrap();
    let mut new = old.clone();
    let ndaa = new.iter_mut().find(|l| l.meta.id == "ndaa-889").unwrap();
    ndaa.entities.retain(|e| e.id != "hikvision");
    // Hikvision's Unified Social Credit Code, under another name.
    let v = Vendor::new("Acme Widgets LLC")
        .with_identifier(IdentifierKind::TaxId, "91330000733796106P");
    let day = d("2026-01-01");
    let before = ScreenerBuilder::new()
        .lists(old.clone())
        .build()
        .unwrap()
        .screen(&v, day);
    assert!(before.hits.is_empty());
    assert!(
        before
            .identifier_hits
            .iter()
            .any(|h| (h.list.as_str(), h.entity_id.as_str()) == ("ndaa-889", "hikvision"))
    );
    let keys = Rescreener::keys(&before);
    assert!(keys.contains(&("ndaa-889".into(), "hikvision".into())));
    let line: EarlierLine = serde_json::from_str(&format!(
        r#"{{"input": {{"name": "Acme Widgets LLC"}}, "as_of": "2026-01-01", "identifier_hits": {}}}"#,
        serde_json::to_string(&before.identifier_hits).unwrap()
    ))
    .unwrap();
    assert_eq!(earlier_keys(&line.identifier_hits), keys);
    let r = Rescreener::new(&old, new.clone(), day, day, None).unwrap();
    let again = r.rescreen(std::slice::from_ref(&v), &[keys]).unwrap();
    let full = ScreenerBuilder::new()
        .lists(new)
        .build()
        .unwrap()
        .screen(&v, day);
    assert_eq!(again[0].as_ref(), Some(&full), "screened again, as in full");
}

/// The hits of an earlier run's JSON line read back as EarlierHit: their
/// keys are the report's, and comparing them with the same report finds no
/// change; with a later date, a hit whose listing ended shows as a status
/// change needing no review.
#[test]
fn earlier_json_hits_read_back_and_compare() {
    use vendor_screen::rescreen::{Change, EarlierHit, changes, earlier_keys};
    let s = ScreenerBuilder::new()
        .lists(vendor_screen::lists::bundled().unwrap())
        .build()
        .unwrap();
    let v = Vendor::new("Hikvision USA Inc")
        .with_alias("Hangzhou Hikvision Digital Technology Co., Ltd.");
    let then = s.screen(&v, d("2026-01-01"));
    assert!(!then.hits.is_empty());
    let json = serde_json::to_string(&then.hits).unwrap();
    let earlier: Vec<EarlierHit> = serde_json::from_str(&json).unwrap();
    assert_eq!(earlier_keys(&earlier), Rescreener::keys(&then));
    assert!(changes(&earlier, &then).is_empty());
    let megvii = Vendor::new("Beijing Megvii Technology Co., Ltd.");
    let before = s.screen(&megvii, d("2024-06-01"));
    let earlier: Vec<EarlierHit> =
        serde_json::from_str(&serde_json::to_string(&before.hits).unwrap()).unwrap();
    let after = s.screen(&megvii, d("2026-01-01"));
    let c = changes(&earlier, &after);
    assert!(
        c.iter()
            .any(|c| matches!(c, Change::Status { list, .. } if list == "dod-1260h")),
        "{c:?}"
    );
    assert!(!c.iter().any(Change::needs_review), "{c:?}");
}

/// When the earlier version of a list is unknown (absent from `old`), every
/// entity of it counts as added, and a vendor whose earlier hit is on an
/// entity the new lists lack is screened again: the result still equals a
/// full re-screen.
#[test]
fn an_unknown_earlier_version_of_a_list_counts_as_all_new() {
    let old = lists();
    let (new, names) = changed(&old);
    let (vendors, _) = vendors(&names[..20]);
    let then = d("2023-12-01");
    let earlier_screener = ScreenerBuilder::new().lists(old.to_vec()).build().unwrap();
    let earlier: Vec<_> = earlier_screener.screen_batch(&vendors, then);
    let keys: Vec<_> = earlier.iter().map(Rescreener::keys).collect();
    let known: Vec<DesignationList> = old
        .iter()
        .filter(|l| l.meta.id != "csl-sdn")
        .cloned()
        .collect();
    let r = Rescreener::new(&known, new.clone(), then, then, None).unwrap();
    let again = r.rescreen(&vendors, &keys).unwrap();
    let full = ScreenerBuilder::new().lists(new).build().unwrap();
    for ((v, a), e) in vendors.iter().zip(&again).zip(&earlier) {
        let report = full.screen(v, then);
        let got = a.as_ref().map_or_else(|| summary(e), summary);
        assert!(same(&got, &summary(&report)), "{:?}", v.name);
        assert!(a.as_ref().is_none_or(|a| *a == report), "{:?}", v.name);
    }
}

/// An earlier run's lists are found by their SHA-256: the current list when
/// it is the same, the fetch cache's kept version when it is not; a list
/// found nowhere, or read from a set of files, is left out (all new).
#[test]
fn earlier_lists_are_found_by_their_digest() {
    use vendor_screen::list::{load::load_path, manifest::Manifest, sha256_hex};
    use vendor_screen::rescreen::{EarlierLine, EarlierList, earlier_lists};
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-since-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("dpl.txt");
    let old = std::fs::read("tests/fixtures/dpl/dpl.txt").unwrap();
    let new = std::fs::read("tests/fixtures/dpl/merged-orders.txt").unwrap();
    std::fs::write(Manifest::previous_of(&file), &old).unwrap();
    std::fs::write(&file, &new).unwrap();
    let current = load_path(&file, None).unwrap().lists;
    let entry = |sha: &[u8]| EarlierList {
        id: "bis-dpl".into(),
        file: Some(file.display().to_string()),
        sha256: Some(sha256_hex(sha)),
    };
    let found = earlier_lists(&[entry(&old)], &current);
    assert_eq!(found[0].entities.len(), 3, "the kept version");
    let found = earlier_lists(&[entry(&new)], &current);
    assert_eq!(found, current, "the current version");
    assert!(earlier_lists(&[entry(b"other")], &current).is_empty());
    // A JSON line names its lists so.
    let line: EarlierLine = serde_json::from_str(&format!(
        r#"{{"input": {{"id": "v1", "name": "Acme"}}, "as_of": "2026-01-01", "threshold": 0.85,
            "lists": [{{"id": "bis-dpl", "source_file": {:?}, "sha256": "{}"}}], "hits": []}}"#,
        file.display().to_string(),
        sha256_hex(&old)
    ))
    .unwrap();
    assert_eq!(earlier_lists(&line.lists, &current)[0].entities.len(), 3);
    std::fs::remove_dir_all(&dir).ok();
    // OFAC's set: one digest cannot vouch for the alias file.
    let sdn = load_path("tests/fixtures/ofac/sdn.csv".as_ref(), None)
        .unwrap()
        .lists;
    let e = EarlierList {
        id: "ofac-sdn".into(),
        file: Some("tests/fixtures/ofac/sdn.csv".into()),
        sha256: sdn[0].meta.source.as_ref().map(|s| s.sha256.clone()),
    };
    assert!(earlier_lists(&[e], &sdn).is_empty());
}

/// `screen --since EARLIER.jsonl`: only what changed per vendor, exit 1
/// when a change needs review.
#[test]
fn screen_since_reports_only_what_changed() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vs-since-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = std::fs::read_to_string("tests/fixtures/dpl/dpl.txt").unwrap();
    let orders = std::fs::read_to_string("tests/fixtures/dpl/merged-orders.txt").unwrap();
    let mut new: Vec<String> = old
        .lines()
        .filter(|l| !l.starts_with("\" I. ASH\""))
        .map(|l| l.replace("\"11/19/2025\"", "\"12/01/2023\""))
        .collect();
    // AL NASER AIRLINES, from the real DPL.
    new.push(orders.lines().nth(3).unwrap().to_string());
    let (old_path, new_path) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&old_path, old).unwrap();
    std::fs::write(&new_path, new.join("\n") + "\n").unwrap();
    let vendors = dir.join("vendors.csv");
    std::fs::write(
        &vendors,
        "id,name\nv1,Dahua Electronics Corp\nv2,I. Ash\nv3,Al Naser Airlines\nv4,Acme Widgets LLC\n",
    )
    .unwrap();
    let run = |list: &std::path::Path, extra: &[&str]| {
        std::process::Command::new(screen_bin())
            .args(["--no-bundled", "--as-of", "2024-01-01", "--json", "--input"])
            .arg(&vendors)
            .arg("--list")
            .arg(list)
            .args(extra)
            .output()
            .unwrap()
    };
    let earlier = run(&old_path, &[]);
    let earlier_file = dir.join("earlier.jsonl");
    std::fs::write(&earlier_file, &earlier.stdout).unwrap();
    let out = run(&new_path, &["--since", earlier_file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a new match needs review: {stderr}"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let changes = |id: &str| {
        lines
            .iter()
            .find(|l| l["input"]["id"] == id)
            .map(|l| l["changes"].clone())
    };
    assert_eq!(changes("v1").unwrap()[0]["change"], "status", "{lines:?}");
    assert_eq!(changes("v1").unwrap()[0]["to"], "expired");
    assert_eq!(changes("v2").unwrap()[0]["change"], "gone");
    assert_eq!(changes("v3").unwrap()[0]["change"], "new");
    assert!(changes("v4").is_none(), "nothing changed for Acme");
    assert!(stderr.contains("4 vendors"), "{stderr}");
    // Against the same lists, nothing changed: exit 0, no lines.
    let same = run(&old_path, &["--since", earlier_file.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    assert!(same.stdout.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

/// The `screen` example, built with this test's features.
fn screen_bin() -> std::path::PathBuf {
    let mut p = std::env::current_exe().unwrap();
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = std::process::Command::new(cargo);
    cmd.args(["build", "-q", "--example", "screen"]);
    if cfg!(feature = "fetch") {
        cmd.args(["--features", "fetch"]);
    }
    if p.ends_with("release") {
        cmd.arg("--release");
    }
    assert!(
        cmd.status().unwrap().success(),
        "building the screen example"
    );
    p.join("examples")
        .join(format!("screen{}", std::env::consts::EXE_SUFFIX))
}
