//! End-to-end tests of `aigov init`: a template per assessable subject kind, generated from the vocabulary, that
//! is a valid manifest as it stands (every fact `null`, so every rule is undetermined, never "does not apply"),
//! that covers every fact the bundled examples give, and that is never written over an existing file.

use std::collections::BTreeSet;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        // The embedded corpus (compiled from corpus/ at build time) starts fastest.
        .args(["--color", "never"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "aigov panicked: {stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        stderr,
    )
}

fn keys(doc: &serde_yaml_ng::Value, section: &str) -> BTreeSet<String> {
    doc.get(section)
        .and_then(|s| s.as_mapping())
        .map(|m| {
            m.keys()
                .filter_map(|k| k.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_template_is_a_manifest_with_every_rule_undetermined() {
    let dir = std::env::temp_dir().join(format!("aigov-init-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for kind in [
        "ai_system",
        "model",
        "agency_use_case",
        "datacenter_project",
        "item",
        "export",
    ] {
        let (code, template, stderr) = run(&["init", kind]);
        assert_eq!(code, 0, "{kind}: {stderr}");
        assert!(template.contains("null"), "{kind}: {template}");
        let path = dir.join(format!("{kind}.yaml"));
        std::fs::write(&path, &template).expect("write");
        let (code, json, stderr) = run(&[
            "assess",
            path.to_str().expect("path"),
            "--as-of",
            "2026-11-28",
            "--format",
            "json",
        ]);
        assert!(code == 0 || code == 1, "{kind}: {stderr}");
        let a: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let findings = a["findings"].as_array().expect("findings");
        // Nothing is known, so nothing is decided as "does not apply"; rules that need no fact may apply.
        assert!(
            findings.iter().all(|f| f["status"] != "not_applicable"),
            "{kind}: a rule was decided without facts"
        );
        assert!(
            findings.iter().any(|f| f["status"] == "undetermined"),
            "{kind}: nothing undetermined"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The status of every rule in the assessment of `manifest` (YAML text).
fn statuses(manifest: &str, tag: &str) -> Vec<(String, String)> {
    let path = std::env::temp_dir().join(format!("aigov-init-{}-{tag}.yaml", std::process::id()));
    std::fs::write(&path, manifest).expect("write");
    let (code, json, stderr) = run(&[
        "assess",
        path.to_str().expect("path"),
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    let _ = std::fs::remove_file(&path);
    assert!(code == 0 || code == 1, "{stderr}");
    let a: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    a["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["rule"].to_string(), f["status"].to_string()))
        .collect()
}

/// Every fact a bundled example gives and some rule reads is in the template of the example's kind.
#[test]
fn templates_cover_every_fact_the_examples_give() {
    let mut checked = 0;
    for entry in std::fs::read_dir(EXAMPLES).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let example: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).expect("YAML");
        let Some(kind) = example.get("subject").and_then(|s| s.as_str()) else {
            continue;
        };
        let (code, template, stderr) = run(&["init", kind]);
        assert_eq!(code, 0, "{stderr}");
        let template: serde_yaml_ng::Value =
            serde_yaml_ng::from_str(&template).expect("template YAML");
        for section in ["organization", kind, "item"] {
            let given = keys(&example, section);
            let offered = keys(&template, section);
            // A fact the template leaves out must not matter: the example without it is assessed the same.
            let missing: Vec<&String> = given
                .difference(&offered)
                .filter(|f| {
                    let mut without = example.clone();
                    if let Some(m) = without.get_mut(section).and_then(|s| s.as_mapping_mut()) {
                        m.remove(f.as_str());
                    }
                    let text = serde_yaml_ng::to_string(&without).expect("YAML");
                    statuses(&text, f)
                        != statuses(&serde_yaml_ng::to_string(&example).expect("YAML"), "all")
                })
                .collect();
            assert!(
                missing.is_empty(),
                "{}: the {kind} template lacks {section} facts {missing:?}",
                path.display()
            );
            checked += given.len();
        }
    }
    assert!(checked > 100, "only {checked} facts checked");
}

#[test]
fn init_never_overwrites_and_names_unknown_kinds() {
    let path = std::env::temp_dir().join(format!("aigov-init-exists-{}.yaml", std::process::id()));
    std::fs::write(&path, "subject: ai_system\n").expect("write");
    let (code, _, stderr) = run(&["init", "ai_system", "-o", path.to_str().expect("path")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("exists already"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "subject: ai_system\n"
    );
    let _ = std::fs::remove_file(&path);
    let (code, _, stderr) = run(&["init", "ai_sytem"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `ai_system`"), "{stderr}");
}

/// The interview fills in a template made by `aigov init` and saves it with every comment kept: only the answered
/// facts' lines change, from `null` to the answers.
#[test]
fn the_interview_fills_a_template_and_keeps_its_comments() {
    let path =
        std::env::temp_dir().join(format!("aigov-init-interview-{}.yaml", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let p = path.to_str().expect("path");
    let (code, _, stderr) = run(&["init", "ai_system", "-o", p]);
    assert_eq!(code, 0, "{stderr}");
    let before = std::fs::read_to_string(&path).expect("read");
    let mut child = Command::new(BIN)
        .args([
            "interview",
            "--from",
            p,
            "--save",
            p,
            "--as-of",
            "2026-11-28",
            "--color",
            "never",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        use std::io::Write as _;
        let stdin = child.stdin.as_mut().expect("stdin");
        // The first question is the one that settles most rules; answer whatever type it has, then stop.
        stdin.write_all(b"provider\nDE\nyes\nq\n").expect("answers");
    }
    let out = child.wait_with_output().expect("finishes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("saved the manifest"), "{stderr}");
    assert!(!stderr.contains("rewritten whole"), "{stderr}");
    let after = std::fs::read_to_string(&path).expect("read");
    let _ = std::fs::remove_file(&path);
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    assert!(!changed.is_empty(), "no answer was saved");
    for (old, new) in &changed {
        assert!(
            old.contains(": null  # e.g."),
            "only unknown facts change: {old}"
        );
        assert!(!new.contains(": null"), "{new}");
        assert!(
            new.contains("  # e.g."),
            "the line keeps its comment: {new}"
        );
    }
    assert!(
        changed
            .iter()
            .any(|(_, new)| new.contains("roles: [\"provider\"]")),
        "{changed:?}"
    );
}

/// The template offers `markets_complete`: switched on with the places filled in, the rules of other places stop
/// asking.
#[test]
fn the_template_offers_markets_complete() {
    let (code, template, stderr) = run(&["init", "ai_system"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        template.contains("\nmarkets_complete: false\n"),
        "{template}"
    );
    let filled = template
        .replacen("established_in: null", "established_in: [US-CA]", 1)
        .replacen(
            "affected_persons_in: null",
            "affected_persons_in: [US-CA]",
            1,
        )
        .replacen("roles: null", "roles: [provider, deployer]", 1);
    let undetermined = |m: &str, tag: &str| {
        statuses(m, tag)
            .iter()
            .filter(|(_, s)| s == "\"undetermined\"")
            .count()
    };
    let open = undetermined(&filled, "markets-open");
    let complete = undetermined(
        &filled.replace("markets_complete: false", "markets_complete: true"),
        "markets-complete",
    );
    assert!(
        complete * 2 < open,
        "complete markets settle most rules: {complete} undetermined against {open}"
    );
}

/// A class the law defines by observable features comes after its features, marked as derived when left null and
/// as an override when answered: a person fills in what they can observe first.
#[test]
fn a_derived_class_follows_its_features_in_the_template() {
    for (kind, features, class) in [
        ("agency_use_case", "high_impact_purposes", "high_impact"),
        ("ai_system", "personal_aspects_evaluated", "profiling"),
        (
            "ai_system",
            "product_safety_role",
            "annex1_safety_component",
        ),
        (
            "ai_system",
            "personalised_advice",
            "ut_high_risk_interaction",
        ),
        (
            "ai_system",
            "sensitive_data_collected",
            "ut_high_risk_interaction",
        ),
    ] {
        let (code, template, stderr) = run(&["init", kind]);
        assert_eq!(code, 0, "{stderr}");
        let at = |key: &str| {
            template
                .find(&format!("\n  {key}: null"))
                .unwrap_or_else(|| panic!("{kind}: no `{key}` in the template"))
        };
        assert!(
            at(features) < at(class),
            "{kind}: {class} before {features}"
        );
        let block = &template[..at(class)];
        let note = &block[block.rfind("  # ").unwrap_or(0)..];
        assert!(
            note.contains("left null, it is derived from") && note.contains(features),
            "{kind}: {note}"
        );
    }
}
