//! `/openapi.json` against the running service: the document's routes are
//! exactly the router's, every example request validates against its schema
//! and gets a documented answer whose body validates against the documented
//! schema, and error answers are documented too.

#[path = "serve/support.rs"]
mod support;

use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::process::Command;
use support::{Server, sha256_hex, temp_dir};

/// Checks `v` against `schema` (the subset of JSON Schema the document
/// uses: $ref, type, enum, properties, required, additionalProperties,
/// items, oneOf, minimum, maximum, minLength, maxLength, pattern of dates).
/// Returns the first mismatch, with its path.
fn validate(doc: &Value, schema: &Value, v: &Value, path: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r
            .strip_prefix("#/components/schemas/")
            .ok_or(format!("{path}: bad $ref {r}"))?;
        let target = &doc["components"]["schemas"][name];
        if target.is_null() {
            return Err(format!("{path}: unresolved $ref {r}"));
        }
        return validate(doc, target, v, path);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let ok = options
            .iter()
            .filter(|s| validate(doc, s, v, path).is_ok())
            .count();
        return if ok == 1 {
            Ok(())
        } else {
            Err(format!("{path}: matches {ok} of oneOf, not 1: {v}"))
        };
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => return Err(format!("{path}: bad type {t}")),
        };
        let fits = |t: &str| match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "number" => v.is_number(),
            "integer" => v.is_i64() || v.is_u64(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => false,
        };
        if !types.iter().any(|t| fits(t)) {
            return Err(format!("{path}: expected {types:?}, got {v}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            return Err(format!("{path}: {v} not in {e:?}"));
        }
    }
    if let (Some(n), Some(min)) = (v.as_f64(), schema.get("minimum").and_then(Value::as_f64)) {
        if n < min {
            return Err(format!("{path}: {n} < {min}"));
        }
    }
    if let (Some(n), Some(max)) = (v.as_f64(), schema.get("maximum").and_then(Value::as_f64)) {
        if n > max {
            return Err(format!("{path}: {n} > {max}"));
        }
    }
    if let Some(s) = v.as_str() {
        let len = s.chars().count() as u64;
        if schema
            .get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|m| len < m)
            || schema
                .get("maxLength")
                .and_then(Value::as_u64)
                .is_some_and(|m| len > m)
        {
            return Err(format!("{path}: length {len} out of bounds"));
        }
        if schema.get("pattern").is_some()
            && !(s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-')
        {
            return Err(format!("{path}: {s} is not YYYY-MM-DD"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for r in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let r = r.as_str().unwrap_or("");
            if !obj.contains_key(r) {
                return Err(format!("{path}: missing required `{r}`"));
            }
        }
        for (k, x) in obj {
            let p = format!("{path}.{k}");
            match (
                props.and_then(|p| p.get(k)),
                schema.get("additionalProperties"),
            ) {
                (Some(s), _) => validate(doc, s, x, &p)?,
                (None, Some(Value::Bool(false))) => return Err(format!("{p}: not allowed")),
                (None, Some(s)) if s.is_object() => validate(doc, s, x, &p)?,
                _ => {}
            }
        }
    }
    if let (Some(a), Some(items)) = (v.as_array(), schema.get("items")) {
        for (i, x) in a.iter().enumerate() {
            validate(doc, items, x, &format!("{path}[{i}]"))?;
        }
    }
    Ok(())
}

fn document() -> Value {
    serde_json::from_str(include_str!("../examples/serve/openapi.json"))
        .expect("the document is JSON")
}

fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    out
}

#[test]
fn the_document_lists_exactly_the_routers_routes() {
    let doc = document();
    let documented: BTreeSet<String> = operations(&doc)
        .iter()
        .map(|(m, p, _)| format!("{m} {p}"))
        .collect();
    let out = Command::new(support::serve_bin())
        .arg("--print-routes")
        .output()
        .unwrap();
    assert!(out.status.success());
    let routed: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(documented, routed);
    let ids: BTreeSet<String> = operations(&doc)
        .iter()
        .map(|(_, _, o)| o["operationId"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), documented.len(), "operation ids are unique");
}

#[test]
fn the_served_document_is_the_checked_one() {
    let s = Server::start(&[]);
    let r = s.get("/openapi.json");
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), document());
}

/// Every operation, called with each of its examples (or without a body),
/// answers a documented status with a body of the documented schema; each
/// example validates against the request schema first.
#[test]
fn examples_validate_and_answers_match_the_documented_schemas() {
    let doc = document();
    let dir = temp_dir("openapi");
    let keys = dir.join("keys.txt");
    std::fs::write(&keys, format!("{} ops admin\n", sha256_hex("admin-secret"))).unwrap();
    let s = Server::start(&["--keys", keys.to_str().unwrap()]);
    let key = [("x-api-key", "admin-secret")];
    let mut calls = 0;
    for (method, path, op) in operations(&doc) {
        let url_path = path.replace("{dataset}", "default");
        let responses = &op["responses"];
        let mut bodies: Vec<(String, Option<Value>)> = Vec::new();
        if let Some(content) = op["requestBody"]["content"]["application/json"].as_object() {
            let schema = &content["schema"];
            for (name, ex) in content["examples"]
                .as_object()
                .expect("every request body has examples")
            {
                validate(
                    &doc,
                    schema,
                    &ex["value"],
                    &format!("{path} example {name}"),
                )
                .unwrap();
                bodies.push((name.clone(), Some(ex["value"].clone())));
            }
        } else {
            bodies.push(("no body".into(), None));
        }
        for (name, body) in bodies {
            let r = match (method.as_str(), &body) {
                ("GET", _) => s.get_with(&url_path, &key),
                (_, Some(b)) => s.post_with(&url_path, &b.to_string(), &key),
                (_, None) => s.post_with(&url_path, "", &key),
            };
            calls += 1;
            let documented = &responses[r.status.to_string()];
            assert!(
                documented.is_object(),
                "{method} {path} ({name}): status {} not documented: {}",
                r.status,
                r.body
            );
            assert!(
                (200..300).contains(&r.status),
                "{method} {path} ({name}): {} {}",
                r.status,
                r.body
            );
            let content = documented["content"].as_object().unwrap();
            if let Some(json) = content.get("application/json") {
                validate(
                    &doc,
                    &json["schema"],
                    &r.json(),
                    &format!("{method} {path} ({name}) answer"),
                )
                .unwrap();
            } else {
                assert!(
                    content.contains_key("text/plain")
                        && r.header("content-type").unwrap().starts_with("text/plain")
                );
            }
        }
    }
    assert_eq!(calls, 11);
    // Errors: documented, and of the ErrorResponse schema.
    for (method, path, body, headers) in [
        ("POST", "/screen", "{", &key[..]),
        ("POST", "/screen", "{\"nmae\": 1}", &key[..]),
        ("POST", "/match/{dataset}", "{\"queries\": {}}", &key[..]),
        ("GET", "/lists", "", &[][..]),
        ("POST", "/admin/reload", "", &[][..]),
    ] {
        let url_path = path.replace("{dataset}", "default");
        let r = if method == "GET" {
            s.get_with(&url_path, headers)
        } else {
            s.post_with(&url_path, body, headers)
        };
        let documented =
            &doc["paths"][path][method.to_lowercase()]["responses"][r.status.to_string()];
        assert!(
            documented.is_object(),
            "{method} {path}: status {} not documented",
            r.status
        );
        validate(
            &doc,
            &json!({"$ref": "#/components/schemas/ErrorResponse"}),
            &r.json(),
            path,
        )
        .unwrap();
    }
    let r = s.post_with("/match/nope", "{\"queries\": {}}", &key);
    assert!(
        doc["paths"]["/match/{dataset}"]["post"]["responses"][r.status.to_string()].is_object()
    );
}

/// The validator itself can fail: a wrong example is caught.
#[test]
fn the_schema_check_rejects_what_it_should() {
    let doc = document();
    let vendor = json!({"$ref": "#/components/schemas/VendorInput"});
    assert!(validate(&doc, &vendor, &json!({"name": "x"}), "").is_ok());
    assert!(validate(&doc, &vendor, &json!({"nmae": "x"}), "").is_err());
    assert!(validate(&doc, &vendor, &json!({"name": ""}), "").is_err());
    assert!(
        validate(
            &doc,
            &vendor,
            &json!({"name": "x", "parent_shares": [120]}),
            ""
        )
        .is_err()
    );
    let hit = json!({"$ref": "#/components/schemas/Hit"});
    assert!(validate(&doc, &hit, &json!({"list": "x"}), "").is_err());
    assert!(
        validate(
            &doc,
            &json!({"$ref": "#/components/schemas/Nope"}),
            &json!(1),
            ""
        )
        .is_err()
    );
}
