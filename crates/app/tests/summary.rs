//! The assessment summary (`kind: "assessment_summary"`, docs/output.md) against the full document it abbreviates:
//! for every example manifest, on several dates, the summary must report the same statuses, counts, duties and
//! open rules as the full document (the same bytes as `aigov assess --format json`), and its shape is pinned by
//! a snapshot on the fixture corpus.

use aigov_app::request;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn examples() -> Vec<(String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().and_then(|x| x.to_str()) != Some("yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
        out.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            serde_json::to_value(yaml).unwrap(),
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The duties of one effect type that apply (in effect or upcoming), as (rule, status, citation, url,
/// applies_from).
fn duties(findings: &[Value], effect: &str) -> Vec<(String, String, String, String, String)> {
    findings
        .iter()
        .filter(|f| {
            f["effect"]["type"] == effect
                && matches!(f["status"].as_str(), Some("in_effect" | "upcoming"))
        })
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
                f["citation"].as_str().unwrap().to_string(),
                f["url"].as_str().unwrap().to_string(),
                f["applies_from"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn summary_duties(list: &Value) -> Vec<(String, String, String, String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["status"].as_str().unwrap().to_string(),
                d["citation"].as_str().unwrap().to_string(),
                d["url"].as_str().unwrap().to_string(),
                d["applies_from"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_summary_agrees_with_the_full_document() {
    let engine = aigov_app::engine(None).unwrap();
    let mut checked = 0;
    let mut undetermined_seen = 0;
    let mut obligations_seen = 0;
    let mut deadlines_seen = 0;
    for (name, manifest) in examples() {
        for (as_of, all) in [
            ("2024-09-01", false),
            ("2026-11-28", false),
            ("2026-11-28", true),
        ] {
            let as_of = as_of.parse().unwrap();
            let full = request::assess(&engine, &manifest, as_of, &[], all).unwrap();
            // A manifest of linked subjects has a full document (each subject's assessment), but no summary: the
            // summary describes one subject, and says so.
            if aigov_core::manifest::is_linked(&manifest) {
                let e = request::assess_summary(&engine, &manifest, as_of, &[], all, "fp")
                    .expect_err("a linked manifest has no summary");
                assert!(
                    e.to_string()
                        .contains("the summary view describes one subject"),
                    "{name}: {e}"
                );
                assert!(full.contains("\"linked_assessment\""), "{name}");
                continue;
            }
            let full: Value = serde_json::from_str(&full).unwrap();
            let text = request::assess_summary(&engine, &manifest, as_of, &[], all, "fp").unwrap();
            let sum: Value = serde_json::from_str(&text).unwrap();
            let ctx = format!("{name} as of {as_of} all={all}");
            assert_eq!(sum["kind"], "assessment_summary", "{ctx}");
            assert_eq!(sum["format_version"], full["format_version"], "{ctx}");
            for k in ["as_of", "subject", "name", "prohibited"] {
                assert_eq!(sum[k], full[k], "{ctx}: {k}");
            }
            assert_eq!(sum["corpus"]["fingerprint"], "fp");
            assert_eq!(
                sum["corpus"]["reviewed_until"], full["corpus_reviewed_until"],
                "{ctx}"
            );
            assert_eq!(sum["classifications"], full["classifications"], "{ctx}");
            let findings = full["findings"].as_array().unwrap();
            // Counts by status: the same as the full document's findings.
            let mut counts: BTreeMap<String, u64> = [
                "in_effect",
                "upcoming",
                "suspended",
                "ended",
                "undetermined",
                "not_applicable",
            ]
            .iter()
            .map(|s| (s.to_string(), 0))
            .collect();
            for f in findings {
                *counts
                    .get_mut(f["status"].as_str().unwrap())
                    .expect("a known status") += 1;
            }
            let got: BTreeMap<String, u64> = sum["counts"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
                .collect();
            assert_eq!(got, counts, "{ctx}");
            if !all {
                assert_eq!(counts["not_applicable"], 0, "{ctx}");
            }
            // The prohibitions and obligations that apply, with the same status, citation and date.
            assert_eq!(
                summary_duties(&sum["prohibitions"]),
                duties(findings, "prohibition"),
                "{ctx}"
            );
            assert_eq!(
                summary_duties(&sum["obligations"]),
                duties(findings, "obligation"),
                "{ctx}"
            );
            for d in sum["obligations"]
                .as_array()
                .unwrap()
                .iter()
                .chain(sum["prohibitions"].as_array().unwrap())
            {
                obligations_seen += 1;
                if let Some(n) = d.get("next_deadline") {
                    deadlines_seen += 1;
                    // Always after the date of the answer.
                    assert!(
                        n["date"].as_str().unwrap() > as_of.to_string().as_str(),
                        "{ctx}"
                    );
                    if d["status"] == "upcoming" {
                        // An upcoming duty's next date is at the latest the day it starts to apply.
                        assert!(n["date"].as_str().unwrap() <= d["applies_from"].as_str().unwrap());
                    }
                } else {
                    assert_eq!(
                        d["status"], "in_effect",
                        "{ctx}: an upcoming duty has a date"
                    );
                }
            }
            // The undetermined rules, in the same order, each with the facts the full document's questions
            // name for it.
            let open: Vec<&Value> = findings
                .iter()
                .filter(|f| f["status"] == "undetermined")
                .collect();
            let listed = sum["undetermined"].as_array().unwrap();
            assert_eq!(listed.len(), open.len(), "{ctx}");
            for (s, f) in listed.iter().zip(&open) {
                undetermined_seen += 1;
                assert_eq!(s["rule"], f["rule"], "{ctx}");
                assert_eq!(s["jurisdiction"], f["jurisdiction"], "{ctx}");
                let facts: BTreeSet<String> = strs(&s["facts"]).into_iter().collect();
                assert!(!facts.is_empty(), "{ctx}: {}", s["rule"]);
                let asked: BTreeSet<String> = full["questions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|q| {
                        strs(&q["rules"]).contains(&f["rule"].as_str().unwrap().to_string())
                    })
                    .map(|q| q["fact"].as_str().unwrap().to_string())
                    .collect();
                assert_eq!(facts, asked, "{ctx}: {}", s["rule"]);
                // As many facts as the full finding has questions.
                assert_eq!(
                    facts.len(),
                    f["questions"].as_array().map_or(0, |q| q.len()),
                    "{ctx}"
                );
            }
            let full_labels: Vec<String> = full["item_classification"]["classifications"]
                .as_array()
                .map(|c| {
                    c.iter()
                        .map(|c| c["label"].as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(strs(&sum["item_classifications"]), full_labels, "{ctx}");
            assert_eq!(
                sum["conflicts"].as_array().map_or(0, |c| c.len()),
                full["conflicts"].as_array().unwrap().len(),
                "{ctx}"
            );
            assert_eq!(sum["warnings"], full["warnings"], "{ctx}");
            // Much smaller than the full document (compact, without texts and derivations).
            let full_len = serde_json::to_string(&full).unwrap().len();
            if full_len > 50_000 {
                assert!(
                    text.len() * 5 < full_len,
                    "{ctx}: {} of {full_len}",
                    text.len()
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
    assert!(undetermined_seen > 100 && obligations_seen > 100 && deadlines_seen > 10);
}

#[test]
fn a_jurisdiction_filter_is_kept_and_checked() {
    let engine = aigov_app::engine(None).unwrap();
    let manifest = examples()
        .into_iter()
        .find(|(n, _)| n == "cv-screening-eu-us.yaml")
        .unwrap()
        .1;
    let as_of = "2026-11-28".parse().unwrap();
    let eu = vec!["EU".to_string()];
    let sum: Value = serde_json::from_str(
        &request::assess_summary(&engine, &manifest, as_of, &eu, false, "fp").unwrap(),
    )
    .unwrap();
    assert_eq!(sum["jurisdictions"], serde_json::json!(["EU"]));
    for list in ["classifications", "obligations", "undetermined"] {
        for x in sum[list].as_array().unwrap() {
            assert_eq!(x["jurisdiction"], "EU", "{list}");
        }
    }
    let bad = request::assess_summary(&engine, &manifest, as_of, &["XX".into()], false, "fp");
    assert!(bad.is_err());
}

#[test]
fn summary_snapshot_on_the_fixture_corpus() {
    let mini = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");
    let engine = aigov_app::engine(Some(std::path::Path::new(mini))).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../cli/tests/fixtures/recruiter.yaml"
    ))
    .unwrap();
    let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    let manifest = serde_json::to_value(yaml).unwrap();
    let facts = request::bind(&engine, &manifest).unwrap();
    let mut options = aigov_core::assess::Options::as_of("2026-07-01".parse().unwrap());
    options.traces = false;
    let answer = aigov_app::assess::assess(&engine, &facts, &options);
    let summary = aigov_app::summary::summarize(&engine, &answer, "fixture-fingerprint");
    // The compact bytes the service sends are serde's of the same struct.
    let compact = aigov_app::summary::to_json(&summary);
    assert_eq!(
        serde_json::from_str::<Value>(&compact).unwrap(),
        serde_json::to_value(&summary).unwrap()
    );
    insta::assert_snapshot!(serde_json::to_string_pretty(&summary).unwrap());
}

/// The service's path to the summary (the date's plan kept in a store, the assessment in brief without the texts
/// the summary does not show) writes the same bytes as the long way (a full assessment without a plan), on every
/// example manifest and every example of the corpus, on several dates, with and without the rules that do not
/// apply, and limited to jurisdictions.
#[test]
fn the_brief_planned_summary_is_the_summary_byte_for_byte() {
    use aigov_core::assess::Options;
    let engine = aigov_app::engine(None).unwrap();
    let plans = aigov_app::date_plans::DatePlans::default();
    let dates = ["2024-09-01", "2026-11-28", "2031-06-30"];
    let filters: [Vec<String>; 2] = [Vec::new(), vec!["EU".into(), "US-CO".into()]];
    let mut compared = 0;
    for (name, manifest) in examples() {
        if aigov_core::manifest::is_linked(&manifest) {
            continue;
        }
        for as_of in dates {
            let as_of = as_of.parse().unwrap();
            for all in [false, true] {
                for jurisdictions in &filters {
                    let long = request::assess_summary(
                        &engine,
                        &manifest,
                        as_of,
                        jurisdictions,
                        all,
                        "fp",
                    )
                    .unwrap();
                    let short = request::assess_summary_planned(
                        &engine,
                        &manifest,
                        as_of,
                        jurisdictions,
                        all,
                        "fp",
                        &plans,
                    )
                    .unwrap();
                    assert_eq!(
                        short, long,
                        "{name} as of {as_of} all={all} {jurisdictions:?}"
                    );
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 100, "{compared}");
    // The corpus's own examples (every kind of subject, exports and items included), on their dates.
    let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources()).unwrap();
    let mut undetermined = 0;
    for ex in &loaded.examples {
        let plan = plans.get(&engine, "fp", ex.as_of);
        for all in [false, true] {
            let mut o = Options::as_of(ex.as_of);
            o.include_not_applicable = all;
            o.traces = false;
            let long = aigov_app::assess::assess(&engine, &ex.facts, &o);
            let short = aigov_app::assess::assess_brief(&engine, &ex.facts, &o, Some(&plan));
            let long =
                aigov_app::summary::to_json(&aigov_app::summary::summarize(&engine, &long, "fp"));
            let short =
                aigov_app::summary::to_json(&aigov_app::summary::summarize(&engine, &short, "fp"));
            assert_eq!(short, long, "{} all={all}", ex.name);
            undetermined += usize::from(long.contains("\"undetermined\":[{"));
        }
    }
    assert!(loaded.examples.len() > 400, "{}", loaded.examples.len());
    assert!(undetermined > 50, "{undetermined}");
}
