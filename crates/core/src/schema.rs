//! The JSON Schema of manifests, generated from the vocabulary (`aigov schema`).

use crate::vocabulary::{FactType, Vocabulary};
use serde_json::{json, Map, Value};

/// The JSON Schema (draft 2020-12) that a manifest must satisfy.
pub fn manifest_schema(vocabulary: &Vocabulary) -> Value {
    let mut props = Map::new();
    let assessable: Vec<&str> = vocabulary
        .subjects
        .iter()
        .filter(|s| s.assessable)
        .map(|s| s.id.as_str())
        .collect();
    props.insert(
        "subject".into(),
        json!({"description": "The kind of subject this manifest describes.", "enum": assessable}),
    );
    props.insert(
        "name".into(),
        json!({"description": "A name for reports.", "type": "string"}),
    );
    props.insert(
        "markets_complete".into(),
        json!({
            "description": "The places the market facts list (established in, operates in, placed on the market in, used in, output used in, affected persons in) are every place the organization and the subject are present: a place outside them is taken as no.",
            "type": "boolean"
        }),
    );
    for s in &vocabulary.subjects {
        let mut facts = Map::new();
        for f in vocabulary.facts_of(&s.id) {
            let mut schema = match &f.ty {
                FactType::Bool => json!({"type": "boolean"}),
                FactType::Number { unit } => match unit {
                    Some(u) => json!({"type": "number", "x-unit": u}),
                    None => json!({"type": "number"}),
                },
                FactType::Date => json!({"type": "string", "format": "date"}),
                FactType::Enum { values } => {
                    json!({"enum": values.iter().map(|v| v.id.as_str()).collect::<Vec<_>>()})
                }
                FactType::Set { values } => json!({"type": "array", "uniqueItems": true,
                    "items": {"enum": values.iter().map(|v| v.id.as_str()).collect::<Vec<_>>()}}),
                FactType::Regions => json!({"type": "array", "uniqueItems": true,
                    "items": {"type": "string", "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})*$"}}),
                FactType::Text => json!({"type": "string"}),
            };
            if let Value::Object(m) = &mut schema {
                m.insert(
                    "description".into(),
                    Value::String(format!(
                        "{} Question: {}",
                        f.description.trim(),
                        f.question.trim()
                    )),
                );
            }
            facts.insert(f.name.clone(), schema);
        }
        props.insert(
            s.id.clone(),
            json!({"type": "object", "description": s.description, "additionalProperties": false, "properties": facts}),
        );
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://aigov.dev/schema/manifest.json",
        "title": "aigov manifest",
        "description": "A subject (AI system, model, ...) and its organization, described by facts. Facts not given are unknown.",
        "type": "object",
        "required": ["subject"],
        "additionalProperties": false,
        "properties": props,
    })
}
