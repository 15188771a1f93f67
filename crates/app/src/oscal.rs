//! OSCAL 1.1 output of the plan, so that GRC tools can import it: a **catalog** of the controls (groups by family,
//! English statements, Chinese translations, NIST AI RMF and ISO/IEC 42001 identifiers as properties), and
//! **assessment results** for the subject (one observation per rule and control, one finding per control of the
//! plan). aigov knows what the law requires, not whether a control is implemented: every finding's target is
//! `not-satisfied` with reason `other` and says so; the observations carry the rules, citations and dates.
//! UUIDs are derived from a hash of the content (same plan, same document) in the version-4 layout.

use crate::plan::{status_words, Plan};
use aigov_corpus::controls::Catalogue;
use serde_json::{json, Value};

/// The OSCAL version of the documents.
pub const OSCAL_VERSION: &str = "1.1.2";
/// The namespace of aigov's own properties.
pub const NS: &str = "https://github.com/aigov/aigov/ns/oscal";

fn fnv(seed: u64, s: &str) -> u64 {
    let mut h = seed;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A deterministic UUID (version-4 layout) from a name.
pub fn uuid(name: &str) -> String {
    let a = fnv(0xcbf2_9ce4_8422_2325, name);
    let b = fnv(0x8422_2325_cbf2_9ce4, name);
    let c = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        c >> 48,
        c & 0xffff_ffff_ffff
    )
}

fn family_title(f: &str) -> String {
    let mut s = f.replace('_', " ");
    if let Some(c) = s.get(0..1) {
        let up = c.to_uppercase();
        s.replace_range(0..1, &up);
    }
    s
}

fn metadata(title: &str, as_of: &str) -> Value {
    json!({
        "title": title,
        "last-modified": format!("{as_of}T00:00:00Z"),
        "version": env!("CARGO_PKG_VERSION"),
        "oscal-version": OSCAL_VERSION,
        "props": [{"name": "as-of", "ns": NS, "value": as_of}],
    })
}

/// The OSCAL catalog of the controls.
pub fn catalog(cat: &Catalogue, as_of: &str) -> Value {
    let mut families: Vec<&str> = Vec::new();
    for c in &cat.controls {
        if !families.contains(&c.family.as_str()) {
            families.push(&c.family);
        }
    }
    let groups: Vec<Value> = families
        .iter()
        .map(|fam| {
            let controls: Vec<Value> = cat
                .controls
                .iter()
                .filter(|c| c.family == *fam)
                .map(|c| {
                    let mut props = vec![json!({"name": "label", "value": c.id})];
                    for r in &c.references.nist_ai_rmf {
                        props.push(json!({"name": "nist-ai-rmf-subcategory", "ns": NS, "value": r}));
                    }
                    for r in &c.references.iso_42001 {
                        props.push(json!({"name": "iso-iec-42001-control", "ns": NS, "value": r}));
                    }
                    json!({
                        "id": c.id,
                        "class": "aigov-control",
                        "title": c.title.en,
                        "props": props,
                        "parts": [
                            {"id": format!("{}_smt", c.id), "name": "statement", "prose": c.description.en},
                            {"id": format!("{}_zh", c.id), "name": "translation", "ns": NS, "class": "zh-Hans",
                             "title": c.title.zh, "prose": c.description.zh},
                        ],
                    })
                })
                .collect();
            json!({"id": fam, "class": "family", "title": family_title(fam), "controls": controls})
        })
        .collect();
    json!({
        "catalog": {
            "uuid": uuid(&format!("aigov-catalog/{}/{}", cat.controls.len(), as_of)),
            "metadata": metadata("aigov control catalogue: the common controls AI laws call for", as_of),
            "groups": groups,
            "back-matter": {"resources": [
                {"uuid": uuid("aigov-resource/nist-ai-rmf"), "title": "NIST AI Risk Management Framework (AI RMF 1.0), NIST AI 100-1",
                 "rlinks": [{"href": "https://doi.org/10.6028/NIST.AI.100-1"}]},
                {"uuid": uuid("aigov-resource/iso-42001"), "title": "ISO/IEC 42001:2023 Artificial intelligence - Management system",
                 "rlinks": [{"href": "https://www.iso.org/standard/81230.html"}]},
            ]},
        }
    })
}

/// The OSCAL assessment results for the plan's subject.
pub fn assessment_results(p: &Plan) -> Value {
    let as_of = p.as_of.to_string();
    let start = format!("{as_of}T00:00:00Z");
    let who = p.name.unwrap_or(p.subject);
    let key = format!("aigov-plan/{who}/{as_of}/{}", p.jurisdictions.join(","));
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    for item in &p.items {
        let c = item.control;
        let mut related = Vec::new();
        for r in &item.rules {
            let id = uuid(&format!("{key}/obs/{}/{}", c.id, r.rule));
            let mut props = vec![
                json!({"name": "rule", "ns": NS, "value": r.rule}),
                json!({"name": "jurisdiction", "ns": NS, "value": r.jurisdiction}),
                json!({"name": "status", "ns": NS, "value": r.status.as_str()}),
                json!({"name": "relationship", "ns": NS, "value": r.relationship.as_str()}),
                json!({"name": "due", "ns": NS, "value": r.due.to_string()}),
            ];
            if r.proposed {
                props.push(json!({"name": "proposed", "ns": NS, "value": "true"}));
            }
            let mut obs = json!({
                "uuid": id,
                "title": format!("{} {}: {}", r.instrument_title, r.citation, r.title),
                "description": format!("{} ({}). {}.", r.text, status_words(r), r.relationship.as_str()),
                "props": props,
                "methods": ["EXAMINE"],
                "links": [{"href": r.url, "rel": "reference", "text": format!("{} {}", r.instrument_title, r.citation)}],
                "collected": start,
            });
            if !r.questions.is_empty() {
                obs["remarks"] = Value::String(format!(
                    "Undetermined: it applies depending on {}",
                    r.questions.join(" ")
                ));
            }
            observations.push(obs);
            related.push(json!({"observation-uuid": id}));
        }
        findings.push(json!({
            "uuid": uuid(&format!("{key}/finding/{}", c.id)),
            "title": c.title.en,
            "description": format!(
                "{} rule(s) call for this control; the earliest needs it by {}.{}",
                item.rules.len(),
                item.due,
                if item.suffices { "" } else { " The control alone does not satisfy every rule: see the observations." }
            ),
            "props": [{"name": "due", "ns": NS, "value": item.due.to_string()}],
            "target": {
                "type": "statement-id",
                "target-id": format!("{}_smt", c.id),
                "status": {
                    "state": "not-satisfied",
                    "reason": "other",
                    "remarks": "Required by law as of the date; aigov does not know whether it is implemented (not assessed)."
                }
            },
            "related-observations": related,
        }));
    }
    let selected: Vec<Value> = p
        .items
        .iter()
        .map(|i| json!({"control-id": i.control.id}))
        .collect();
    let mut result = json!({
        "uuid": uuid(&format!("{key}/result")),
        "title": format!("What the law requires of {who} as of {as_of}"),
        "description": format!(
            "{} controls for {} duties ({} undetermined), from the aigov corpus.",
            p.items.len(), p.duties, p.undetermined
        ),
        "start": start,
        "props": [{"name": "as-of", "ns": NS, "value": as_of}],
        "reviewed-controls": {"control-selections": [
            if selected.is_empty() { json!({"include-all": {}}) } else { json!({"include-controls": selected}) }
        ]},
    });
    if !observations.is_empty() {
        result["observations"] = Value::Array(observations);
        result["findings"] = Value::Array(findings);
    }
    let basis = uuid(&format!("{key}/basis"));
    json!({
        "assessment-results": {
            "uuid": uuid(&key),
            "metadata": metadata(&format!("aigov plan: {who} as of {as_of}"), &as_of),
            "import-ap": {"href": format!("#{basis}")},
            "results": [result],
            "back-matter": {"resources": [
                {"uuid": basis, "title": "Assessment basis: the aigov law corpus and control catalogue",
                 "description": "The rules of the aigov corpus that apply to the subject on the date, mapped to the controls of the aigov catalogue (aigov plan --format oscal --catalog FILE writes the catalog)."}
            ]},
        }
    })
}

/// Pretty JSON with a final newline.
pub fn to_string(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("a JSON value serializes");
    s.push('\n');
    s
}
