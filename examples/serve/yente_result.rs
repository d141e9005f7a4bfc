//! One yente result (`ScoredEntityResponse`) from one of our hits, with our
//! own semantics beside yente's fields in `vendor_screen`.

use crate::state::Loaded;
use serde_json::{Map, Value, json};
use vendor_screen::Hit;
use vendor_screen::list::EntityKind;

/// FollowTheMoney's schema for an entity kind.
fn schema_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "Organization",
        EntityKind::Individual => "Person",
        EntityKind::Vessel => "Vessel",
        EntityKind::Aircraft => "Airplane",
    }
}

/// One result (yente's `ScoredEntityResponse`), plus `vendor_screen`.
pub(crate) fn result(loaded: &Loaded, hit: &Hit, threshold: f64) -> Value {
    let list = loaded
        .screener
        .lists()
        .iter()
        .find(|l| l.meta.id == hit.list);
    let entity = loaded.screener.entity(&hit.list, &hit.entity_id);
    let mut props = Map::new();
    let mut put = |k: &str, v: Vec<String>| {
        if !v.is_empty() {
            props.insert(k.to_string(), json!(v));
        }
    };
    put("name", vec![hit.entity_name.clone()]);
    if let Some(e) = entity {
        put("alias", e.aliases.clone());
        put("weakAlias", e.weak_aliases.clone());
        put("previousName", e.former_names.clone());
        put(
            "country",
            e.countries.iter().map(|c| c.to_ascii_lowercase()).collect(),
        );
        put("address", e.addresses.clone());
        put("program", e.programs.clone());
        put("notes", e.notes.iter().cloned().collect());
    }
    if let Some(l) = list {
        put("sourceUrl", l.meta.source_urls.clone());
    }
    let status = serde_json::to_value(hit.status).unwrap_or(Value::Null);
    let detail = hit
        .explanation
        .rule
        .clone()
        .unwrap_or_else(|| "name match".to_string());
    json!({
        "id": format!("{}:{}", hit.list, hit.entity_id),
        "caption": hit.entity_name,
        "schema": entity.map_or("LegalEntity", |e| schema_of(e.kind)),
        "properties": props,
        "datasets": [hit.list],
        "referents": [],
        "target": hit.status.counts(),
        "first_seen": null,
        "last_seen": null,
        "last_change": null,
        "score": hit.score,
        "match": hit.score >= threshold,
        "features": {"vendor_screen_name": hit.score},
        "explanations": {
            "vendor_screen_name": {
                "score": hit.score,
                "detail": detail,
                "query": hit.explanation.query.written,
                "candidate": hit.matched_name,
            }
        },
        "vendor_screen": {
            "list": hit.list,
            "entity_id": hit.entity_id,
            "status": status,
            "counts": hit.status.counts(),
            "via": hit.via,
            "matched_name": hit.matched_name,
            "matched_name_kind": hit.matched_name_kind,
            "legal_basis": list.map(|l| l.meta.legal_basis.as_str()),
            // The entry's own reach: an NS-CMIC entry of OFAC's
            // consolidated file reaches only itself (OFAC FAQ 857).
            "reach": list.map(|l| entity.map_or(l.meta.reach, |e| l.reach_of(e)).rule()),
            "explanation": hit.explanation,
        },
    })
}
