//! `POST /match/{dataset}` against yente's request and response shapes.
//!
//! The recorded examples below are written for this test from yente's
//! public source and documentation (opensanctions/yente, read at commit
//! 916a474): the request body is the `queries` example of the docstring of
//! `match()` in `yente/routers/match.py`; the response keys are
//! `EntityMatchResponse`, `EntityMatches`, `ScoredEntityResponse` and
//! `TotalSpec` in `yente/data/common.py`, and `REQUIRED_ENTITY_KEYS` in
//! `tests/conftest.py`; threshold, cutoff and `match` follow
//! `yente/scoring.py`; error statuses follow `tests/test_match.py`.

#[path = "serve/support.rs"]
mod support;

use serde_json::{Value, json};
use support::{CSL, Server};

/// yente's docstring example: a batch of two query entities.
const RECORDED_REQUEST: &str = r#"{
  "queries": {
    "entity1": {
      "schema": "Company",
      "properties": {"name": ["Huawei Technologies Co., Ltd."], "jurisdiction": ["cn"]}
    },
    "entity2": {
      "schema": "Company",
      "properties": {
        "name": ["Brilliant Amazing Limited"],
        "jurisdiction": ["hk"],
        "registrationNumber": ["84BA99810"]
      }
    }
  }
}"#;

/// Keys every yente entity in a response carries (`REQUIRED_ENTITY_KEYS`),
/// and those a scored one adds (`ScoredEntityResponse`).
const ENTITY_KEYS: [&str; 10] = [
    "id",
    "caption",
    "schema",
    "properties",
    "datasets",
    "referents",
    "target",
    "first_seen",
    "last_seen",
    "last_change",
];
const SCORED_KEYS: [&str; 4] = ["score", "match", "explanations", "features"];

fn one_query(name: &str, extra: Value) -> String {
    let mut q = json!({"schema": "Company", "properties": {"name": [name]}});
    if let (Some(q), Some(e)) = (q.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            q.insert(k.clone(), v.clone());
        }
    }
    json!({"queries": {"q": q}}).to_string()
}

fn results(r: &support::Resp) -> Vec<Value> {
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()["responses"]["q"]["results"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_recorded_yente_request_gets_a_yente_shaped_response() {
    let s = Server::start(&[]);
    let r = s.post("/match/default", RECORDED_REQUEST);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("x-batch-size"), Some("2"));
    let v = r.json();
    assert_eq!(v["limit"], 5, "yente's default limit");
    let e1 = &v["responses"]["entity1"];
    assert_eq!(e1["status"], 200);
    assert_eq!(e1["query"]["schema"], "Company");
    assert_eq!(e1["query"]["properties"]["jurisdiction"], json!(["cn"]));
    let results = e1["results"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 5);
    for res in results {
        for k in ENTITY_KEYS.iter().chain(&SCORED_KEYS) {
            assert!(res.get(*k).is_some(), "result lacks `{k}`: {res}");
        }
        assert!(res["id"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(res["caption"].as_str().is_some_and(|s| !s.is_empty()));
        for (prop, values) in res["properties"].as_object().unwrap() {
            assert!(
                values.as_array().unwrap().iter().all(Value::is_string),
                "{prop}"
            );
        }
        assert!(
            res["datasets"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string)
        );
        assert!(res["target"].is_boolean() && res["match"].is_boolean());
        let score = res["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        for (name, f) in res["explanations"].as_object().unwrap() {
            assert!(
                f["score"].is_number() && f.get("detail").is_some(),
                "{name}: {f}"
            );
        }
        assert!(
            res["features"]
                .as_object()
                .unwrap()
                .values()
                .all(Value::is_number)
        );
    }
    // yente counts the matches before cutting to `limit`.
    let all = s.post("/match/default?limit=500", RECORDED_REQUEST).json();
    let every = all["responses"]["entity1"]["results"].as_array().unwrap();
    let matches = every.iter().filter(|r| r["match"] == true).count();
    assert!(
        every.len() > results.len(),
        "more than `limit` results exist"
    );
    assert_eq!(e1["total"], json!({"value": matches, "relation": "eq"}));
    assert_eq!(all["responses"]["entity1"]["total"], e1["total"]);
    assert!(results.iter().any(|r| r["datasets"] == json!(["ndaa-889"])
        && r["caption"].as_str().unwrap().contains("Huawei")));
    let e2 = &v["responses"]["entity2"];
    assert_eq!(e2["results"], json!([]));
    assert_eq!(e2["total"]["value"], 0);
}

/// `match` is `score >= threshold`; results under `min(cutoff, threshold)`
/// are dropped; `total.value` counts the matches.
#[test]
fn threshold_cutoff_and_match_behave_as_yente_documents() {
    let s = Server::start(&["--partial", "--list", CSL]);
    let body = one_query("Hik Vision Digital Technology", json!({}));
    let all = results(&s.post("/match/default?limit=500", &body));
    assert!(all.len() >= 2, "{all:?}");
    let scores: Vec<f64> = all.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "sorted by score: {scores:?}"
    );
    let lowest = scores.iter().cloned().fold(1.0, f64::min);
    for t in [0.86, 0.9, 0.95, 0.99, 1.0] {
        let above = results(&s.post(&format!("/match/default?limit=500&threshold={t}"), &body));
        assert!(
            above
                .iter()
                .all(|r| r["score"].as_f64().unwrap() >= t && r["match"] == true)
        );
        assert_eq!(
            above.len(),
            scores.iter().filter(|&&x| x >= t).count(),
            "threshold {t}"
        );
        let r = s.post(
            &format!("/match/default?limit=500&threshold={t}&cutoff={lowest}"),
            &body,
        );
        let with_cutoff = results(&r);
        assert_eq!(
            with_cutoff.len(),
            all.len(),
            "cutoff {lowest} keeps every result"
        );
        for res in &with_cutoff {
            assert_eq!(
                res["match"] == true,
                res["score"].as_f64().unwrap() >= t,
                "{res}"
            );
        }
        let total = r.json()["responses"]["q"]["total"]["value"]
            .as_u64()
            .unwrap() as usize;
        assert_eq!(
            total,
            with_cutoff.iter().filter(|r| r["match"] == true).count()
        );
    }
    let r = s.post("/match/default?threshold=1.5", &body);
    assert_eq!(r.status, 422, "{}", r.body);
}

/// A threshold under the service's own finds more, exactly as a service
/// started with that `--threshold` does.
#[test]
fn a_lower_threshold_finds_what_a_lower_screening_threshold_finds() {
    let s = Server::start(&["--partial", "--list", CSL]);
    let low = Server::start(&["--partial", "--list", CSL, "--threshold", "0.7"]);
    for name in [
        "Hik Vision Digital Technology",
        "Huawei Device",
        "Acme Widgets LLC",
    ] {
        let body = one_query(name, json!({}));
        let r = s.post(
            "/match/default?limit=500&threshold=0.7&as_of=2026-11-22",
            &body,
        );
        assert_eq!(r.json()["vendor_screen"]["screened_at"], 0.7);
        let mut got: Vec<String> = results(&r)
            .iter()
            .map(|x| {
                format!(
                    "{} {} {}",
                    x["id"].as_str().unwrap(),
                    x["score"],
                    x["vendor_screen"]["status"]
                )
            })
            .collect();
        let line = low
            .post(
                "/screen?as_of=2026-11-22",
                &json!({"name": name}).to_string(),
            )
            .json();
        let mut want: Vec<String> = line["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                format!(
                    "{}:{} {} {}",
                    h["list"].as_str().unwrap(),
                    h["entity_id"].as_str().unwrap(),
                    h["score"],
                    h["status"]
                )
            })
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}");
    }
    // Some real names find more under 0.85; none finds less.
    let mut more = 0;
    for name in [
        "Huawei Device",
        "Dahua Technologies",
        "Sberbank Russia",
        "China Mobile",
    ] {
        let body = one_query(name, json!({}));
        let default = results(&s.post("/match/default?limit=500", &body));
        let lower = results(&s.post("/match/default?limit=500&threshold=0.6", &body));
        assert!(
            lower
                .iter()
                .all(|x| x["match"] == true && x["score"].as_f64().unwrap() >= 0.6)
        );
        let ids: Vec<&Value> = lower.iter().map(|x| &x["id"]).collect();
        assert!(default.iter().all(|x| ids.contains(&&x["id"])), "{name}");
        if lower.len() > default.len() {
            more += 1;
            assert!(lower.iter().any(|x| x["score"].as_f64().unwrap() < 0.85));
        }
    }
    assert!(more > 0, "no name found more at 0.6");
}

#[test]
fn limit_cuts_the_results_and_is_bounded() {
    let s = Server::start(&["--partial", "--list", CSL]);
    let body = one_query("Huawei Technologies", json!({}));
    let all = results(&s.post("/match/default?limit=500", &body));
    assert!(all.len() > 5, "{}", all.len());
    let five = results(&s.post("/match/default", &body));
    assert_eq!(five, all[..5].to_vec(), "default limit 5: the five best");
    let r = s.post("/match/default?limit=2", &body);
    assert_eq!(r.json()["limit"], 2);
    assert_eq!(results(&r), all[..2].to_vec());
    let r = s.post("/match/default?limit=501", &body);
    assert_eq!(r.status, 422, "{}", r.body);
    let r = s.post("/match/default?limit=many", &body);
    assert_eq!(r.status, 422, "{}", r.body);
}

#[test]
fn bad_requests_get_yentes_statuses_and_a_detail() {
    let s = Server::start(&[]);
    let many: serde_json::Map<String, Value> = (0..101)
        .map(|i| {
            (
                format!("q{i}"),
                json!({"schema": "Company", "properties": {"name": ["ZTE"]}}),
            )
        })
        .collect();
    let cases: Vec<(String, String, u16, &str)> = vec![
        ("/match/default".into(), r#"{"queries": {}}"#.into(), 400, "No queries provided."),
        ("/match/default".into(), r#"{"queries": {"fail": {"properties": {"name": "Banana"}}}}"#.into(), 422, "schema"),
        ("/match/default".into(), r#"{"queries": {"fail": {"schema": "xxx", "properties": {"name": "Banana"}}, "ok": {"schema": "Person", "properties": {"name": ["John Doe"]}}}}"#.into(), 400, "Cannot parse example entity"),
        ("/match/default".into(), r#"{"queries": {"q": {"schema": "Company", "properties": {"country": ["cn"]}}}}"#.into(), 400, "no `name`"),
        ("/match/no_such_dataset".into(), RECORDED_REQUEST.into(), 404, "No such dataset."),
        ("/match/default".into(), json!({"queries": many}).to_string(), 400, "Too many queries in one batch (limit: 100)"),
        ("/match/default".into(), "{\"queries\": ".into(), 400, "malformed JSON"),
    ];
    for (path, body, status, detail) in cases {
        let r = s.post(&path, &body);
        assert_eq!(r.status, status, "{path} {body}: {}", r.body);
        let d = r.json()["detail"].as_str().unwrap().to_string();
        assert!(d.contains(detail), "{d}");
    }
}

#[test]
fn datasets_and_filters_scope_the_results() {
    let s = Server::start(&[]);
    let body = one_query("Huawei Technologies Co., Ltd.", json!({}));
    let datasets = |rs: &[Value]| -> Vec<String> {
        let mut d: Vec<String> = rs
            .iter()
            .map(|r| r["datasets"][0].as_str().unwrap().to_string())
            .collect();
        d.sort();
        d.dedup();
        d
    };
    let all = results(&s.post("/match/default?limit=500", &body));
    assert!(datasets(&all).len() >= 3, "{:?}", datasets(&all));
    let one = results(&s.post("/match/ndaa-889?limit=500", &body));
    assert_eq!(datasets(&one), ["ndaa-889"]);
    let two = results(&s.post(
        "/match/default?limit=500&include_dataset=ndaa-889&include_dataset=fcc-covered",
        &body,
    ));
    assert_eq!(datasets(&two), ["fcc-covered", "ndaa-889"]);
    let rest = results(&s.post("/match/default?limit=500&exclude_dataset=ndaa-889", &body));
    assert_eq!(rest.len(), all.len() - one.len());
    let first = all[0]["id"].as_str().unwrap().to_string();
    let bare = all[0]["vendor_screen"]["entity_id"]
        .as_str()
        .unwrap()
        .to_string();
    for id in [&first, &bare] {
        let without = results(&s.post(
            &format!("/match/default?limit=500&exclude_entity_ids={id}"),
            &body,
        ));
        assert!(without.iter().all(|r| r["id"] != first.as_str()), "{id}");
    }
    let none = results(&s.post(
        "/match/default?limit=500&exclude_schema=Organization",
        &body,
    ));
    assert!(none.is_empty(), "every bundled entity is an Organization");
}

#[test]
fn yente_property_forms_are_accepted_and_echoed() {
    let s = Server::start(&[]);
    let body = r#"{"queries": {"q": {"id": "my-vendor-17", "schema": "Company",
        "properties": {"name": "ZTE Corporation", "alias": ["ZTE"], "country": "cn", "registrationNumber": [1965]}}}}"#;
    let r = s.post("/match/default", body);
    let q = &r.json()["responses"]["q"]["query"];
    assert_eq!(q["id"], "my-vendor-17");
    assert_eq!(q["properties"]["name"], json!(["ZTE Corporation"]));
    assert_eq!(q["properties"]["registrationNumber"], json!(["1965"]));
    let rs = results(&r);
    assert!(
        rs.iter()
            .any(|x| x["caption"] == "ZTE Corporation" && x["match"] == true)
    );
    let person =
        r#"{"queries": {"q": {"schema": "Person", "properties": {"name": ["John Doe"]}}}}"#;
    assert_eq!(
        results(&s.post("/match/default", person)),
        Vec::<Value>::new()
    );
}

/// Our statuses are in the response: an entity removed from the §1260H
/// list still matches by name (`match` is yente's score rule) but is not a
/// `target`, and says `expired`; parameters we do not apply are named.
#[test]
fn where_we_differ_the_response_says_so() {
    let s = Server::start(&[]);
    let body = one_query("Advanced Micro-Fabrication Equipment Inc. China", json!({}));
    let r = s.post(
        "/match/dod-1260h?as_of=2026-11-22&algorithm=logic-v2&topics=sanction",
        &body,
    );
    let rs = results(&r);
    let amec = rs
        .iter()
        .find(|x| {
            x["vendor_screen"]["entity_id"] == "advanced-micro-fabrication-equipment-inc-china"
        })
        .expect("AMEC");
    assert_eq!(amec["match"], true);
    assert_eq!(amec["target"], false);
    assert_eq!(amec["vendor_screen"]["status"], "expired");
    assert!(
        amec["vendor_screen"]["explanation"]["rule"]
            .as_str()
            .unwrap()
            .contains("2026-06-08")
    );
    let before = results(&s.post("/match/dod-1260h?as_of=2025-01-01", &body));
    let amec = before
        .iter()
        .find(|x| {
            x["vendor_screen"]["entity_id"] == "advanced-micro-fabrication-equipment-inc-china"
        })
        .unwrap();
    assert_eq!(
        (
            amec["target"].as_bool(),
            amec["vendor_screen"]["status"].as_str()
        ),
        (Some(true), Some("match"))
    );
    let vs = &r.json()["vendor_screen"];
    assert_eq!(vs["ignored_parameters"], json!(["algorithm", "topics"]));
    assert!(
        vs["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("out_of_reach"))
    );
    let weighted = r#"{"queries": {"q": {"schema": "Company", "properties": {"name": ["ZTE"]}}}, "weights": {"name_literal": 0.8}}"#;
    let notes = s.post("/match/default", weighted).json()["vendor_screen"]["notes"].to_string();
    assert!(notes.contains("weights"), "{notes}");
}

/// The yente endpoint reports the same hits as `/screen` for the same name.
#[test]
fn match_and_screen_agree() {
    let s = Server::start(&["--partial", "--list", CSL]);
    for name in [
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Huawei Technologies",
        "Acme Widgets LLC",
        "ZTE Kangxun Telecom",
    ] {
        let screened = s
            .post(
                "/screen?as_of=2026-11-22",
                &json!({"name": name}).to_string(),
            )
            .json();
        let mut want: Vec<String> = screened["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                format!(
                    "{}:{} {}",
                    h["list"].as_str().unwrap(),
                    h["entity_id"].as_str().unwrap(),
                    h["status"]
                )
            })
            .collect();
        let matched = results(&s.post(
            "/match/default?limit=500&as_of=2026-11-22",
            &one_query(name, json!({})),
        ));
        let mut got: Vec<String> = matched
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r["id"].as_str().unwrap(),
                    r["vendor_screen"]["status"]
                )
            })
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{name}");
    }
}

/// Each result's `reach` is its entry's: a CMIC entry of OFAC's
/// consolidated file reaches only itself (OFAC FAQ 857), while the file's
/// SSI entries carry the 50 Percent Rule.
#[test]
fn a_results_reach_is_its_entrys() {
    let s = Server::start(&["--list", "../shared/data/ofac-non-sdn"]);
    let reach = |name: &str, id: &str| {
        let rs = results(&s.post("/match/default", &one_query(name, json!({}))));
        let hit = rs
            .iter()
            .find(|x| {
                x["vendor_screen"]["list"] == "ofac-non-sdn"
                    && x["vendor_screen"]["entity_id"] == id
            })
            .unwrap_or_else(|| panic!("{name}: {rs:#?}"))
            .clone();
        hit["vendor_screen"]["reach"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let cmic = reach("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "30946");
    assert!(cmic.contains("only the entities it names"), "{cmic}");
    let ssi = reach("PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", "17018");
    assert!(ssi.contains("50 Percent Rule"), "{ssi}");
}
