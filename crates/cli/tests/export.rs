//! End-to-end tests of US export controls on AI chips: the chip catalog (`aigov chips`), the classification
//! command (`aigov export classify`), and licence decisions for export manifests (`aigov assess`), against the
//! repository's corpus (`--corpus corpus`).

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

fn path(rel: &str) -> String {
    format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs aigov with the repository corpus; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .args(["--corpus", CORPUS, "--color", "never"])
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

fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "aigov {args:?} failed: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

/// The status of a rule in an assessment's JSON (None: not reported).
fn status(assessment: &serde_json::Value, rule: &str) -> Option<String> {
    assessment["findings"]
        .as_array()?
        .iter()
        .find(|f| f["rule"] == rule)
        .and_then(|f| f["status"].as_str().map(String::from))
}

/// The tiers of the classification on `as_of` given by `aigov export classify --format json`.
fn tiers(classified: &serde_json::Value) -> Vec<String> {
    classified["classifications"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|c| c["status"] == "in_effect")
                .filter_map(|c| c["tier"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a800_not_controlled_in_early_2023_and_3a090_a_from_2023_11_17() {
    let early = json(&[
        "export",
        "classify",
        "A800",
        "--as-of",
        "2023-03-01",
        "--format",
        "json",
    ]);
    assert!(tiers(&early).is_empty(), "A800 in early 2023: {early}");
    assert_eq!(early["tpp"], 4992.0);

    let before = json(&[
        "export",
        "classify",
        "a800",
        "--as-of",
        "2023-11-16",
        "--format",
        "json",
    ]);
    assert!(tiers(&before).is_empty());

    let after = json(&[
        "export",
        "classify",
        "A800",
        "--as-of",
        "2023-11-17",
        "--format",
        "json",
    ]);
    assert_eq!(tiers(&after), vec!["eccn_3a090_a".to_string()]);
    // The timeline starts uncontrolled and changes on the day the October 2023 rule took effect.
    let timeline = after["timeline"].as_array().expect("timeline");
    assert_eq!(timeline[0]["date"], "2022-10-07");
    assert!(timeline[0]["classes"]
        .as_array()
        .is_some_and(|c| c.is_empty()));
    assert_eq!(timeline.last().expect("a change")["date"], "2023-11-17");

    // The same from an item manifest.
    let file = json(&[
        "export",
        "classify",
        &example("export-item-a800.yaml"),
        "--as-of",
        "2024-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(tiers(&file), vec!["eccn_3a090_a".to_string()]);
}

#[test]
fn classify_text_shows_arithmetic_and_citation() {
    let (code, out, err) = run(&["export", "classify", "h100 sxm", "--as-of", "2026-11-28"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("FP8: 1,979 × 8 = 15,832 ← max"), "{out}");
    assert!(out.contains("TPP = 2 × MacTOPS × bit length"), "{out}");
    assert!(
        out.contains("PD = TPP / applicable die area = 15,832 / 814 = 19.45"),
        "{out}"
    );
    assert!(out.contains("3A090.a.1 (also meets .a.2)"), "{out}");
    assert!(out.contains("us_ear_ac_2022.eccn_3a090_a"), "{out}");
    assert!(out.contains("88 FR 73458"), "{out}");
}

#[test]
fn h20_is_not_3a090() {
    let h20 = json(&[
        "export",
        "classify",
        "H20",
        "--as-of",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert!(tiers(&h20).is_empty(), "{h20}");
    assert_eq!(h20["tpp"], 2368.0);
}

#[test]
fn h20_licence_for_nvidia_after_its_letter_not_for_others() {
    let nvidia = json(&[
        "assess",
        &example("export-h20-nvidia-china.yaml"),
        "--as-of",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(
        status(&nvidia, "us_ear_is_informed_2025.nvidia_h20_licence").as_deref(),
        Some("in_effect")
    );
    assert_eq!(
        status(&nvidia, "us_ear.decision_licence_required").as_deref(),
        Some("in_effect")
    );

    let before_letter = json(&[
        "assess",
        &example("export-h20-nvidia-china.yaml"),
        "--as-of",
        "2025-04-01",
        "--format",
        "json",
    ]);
    assert_eq!(
        status(&before_letter, "us_ear.decision_no_licence_required").as_deref(),
        Some("in_effect")
    );

    let other = json(&[
        "assess",
        &path("tests/fixtures/export/h20-no-letter.yaml"),
        "--as-of",
        "2025-06-01",
        "--format",
        "json",
        "--all",
    ]);
    assert_eq!(
        status(&other, "us_ear_is_informed_2025.nvidia_h20_licence").as_deref(),
        Some("not_applicable")
    );
    assert_eq!(
        status(&other, "us_ear.decision_no_licence_required").as_deref(),
        Some("in_effect")
    );
}

#[test]
fn h100_to_germany_needs_no_licence() {
    let a = json(&[
        "assess",
        &path("tests/fixtures/export/h100-germany.yaml"),
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert_eq!(
        status(&a, "us_ear.decision_no_licence_required").as_deref(),
        Some("in_effect")
    );
    assert_eq!(status(&a, "us_ear.decision_licence_required"), None);
}

#[test]
fn h100_to_subsidiary_of_d5_headquartered_firm_needs_a_licence() {
    let a = json(&[
        "assess",
        &example("export-h100-malaysia-cn-parent.yaml"),
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert_eq!(
        status(&a, "us_ear.decision_licence_required").as_deref(),
        Some("in_effect")
    );
    assert_eq!(
        status(&a, "us_ear_ac_2023.hq_licence").as_deref(),
        Some("in_effect")
    );
    assert_eq!(
        status(&a, "us_ear_ac_2023.policy_case_by_case_hq").as_deref(),
        Some("in_effect")
    );
}

#[test]
fn entity_list_party_needs_a_licence_for_any_item() {
    let a = json(&[
        "assess",
        &path("tests/fixtures/export/entity-list.yaml"),
        "--as-of",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(
        status(&a, "us_ear.entity_list_licence").as_deref(),
        Some("in_effect")
    );
    assert_eq!(
        status(&a, "us_ear.decision_licence_required").as_deref(),
        Some("in_effect")
    );
}

#[test]
fn chips_lists_the_catalog() {
    let (code, out, err) = run(&["chips"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("H100 SXM") && out.contains("15,832"), "{out}");
    let doc = json(&["chips", "--format", "json"]);
    assert_eq!(doc["kind"], "chips");
    let rows = doc["chips"].as_array().expect("an array");
    assert!(rows.len() >= 20);
    let mi308 = rows
        .iter()
        .find(|r| r["name"] == "MI308X")
        .expect("MI308X is listed");
    assert_eq!(mi308["estimated"], true);
    assert!(mi308["tpp"].is_null(), "MI308X has no published spec");
}

#[test]
fn unknown_chip_suggests_a_name() {
    let (code, _, err) = run(&["export", "classify", "H10"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean") && err.contains("H100"),
        "{err}"
    );
}

/// An export's assessment states the item's classification first, with its arithmetic, in text and JSON; the
/// classification moves with the date (no 3A090.a before the October 2022 rule) and other subjects carry none.
#[test]
fn an_export_assessment_states_the_items_classification() {
    let file = example("export-h100-malaysia-cn-parent.yaml");
    let (_, text, stderr) = run(&["assess", &file, "--as-of", "2026-11-28"]);
    assert!(stderr.is_empty() || !stderr.contains("error"), "{stderr}");
    let section = text
        .split("Item classification (US export controls)")
        .nth(1)
        .expect("the report has an item classification section");
    let before_rules = section.split("\nClassification\n").next().unwrap_or("");
    assert!(before_rules.contains("TPP 15,832"), "{text}");
    assert!(
        before_rules.contains("TPP = dense TOPS × bit length = 1,979 × 8 = 15,832"),
        "{text}"
    );
    assert!(before_rules.contains("2 × MacTOPS × bit length"), "{text}");
    assert!(
        before_rules.contains("3A090.a.1 (also meets .a.2) — in effect since 2023-11-17"),
        "{text}"
    );
    assert!(
        before_rules.contains("3A090.a.1: TPP 15,832 ≥ 4800"),
        "{text}"
    );
    assert!(before_rules.contains("PD 19.45 ≥ 5.92"), "{text}");
    assert!(
        text.find("Item classification").unwrap_or(usize::MAX)
            < text.find("\nClassification\n").unwrap_or(0),
        "the item's classification comes before the licensing rules"
    );

    let j = json(&["assess", &file, "--as-of", "2026-11-28", "--format", "json"]);
    assert_eq!(j["kind"], "assessment");
    let labels: Vec<&str> = j["item_classification"]["classifications"]
        .as_array()
        .expect("classifications")
        .iter()
        .filter(|c| c["status"] == "in_effect")
        .filter_map(|c| c["label"].as_str())
        .collect();
    assert_eq!(labels, ["3A090.a.1 (also meets .a.2)"]);
    let h100 = &j["item_classification"]["classifications"][0];
    assert_eq!(h100["paragraph"], "3A090.a.1");
    assert_eq!(h100["meets"], serde_json::json!(["3A090.a.1", "3A090.a.2"]));
    assert!(j["findings"].as_array().is_some_and(|f| !f.is_empty()));

    let before = json(&["assess", &file, "--as-of", "2022-01-01", "--format", "json"]);
    let early: Vec<&serde_json::Value> = before["item_classification"]["classifications"]
        .as_array()
        .map(|a| a.iter().filter(|c| c["status"] == "in_effect").collect())
        .unwrap_or_default();
    assert!(early.is_empty(), "no 3A090 before 2022-10-07: {early:?}");

    let system = json(&[
        "assess",
        &example("cv-screening-saas.yaml"),
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert!(system.get("item_classification").is_none());
}

/// The paragraph of one classification on a date: (`paragraph`, `meets`, `tests`) of the in-effect ECCN line.
fn paragraph_of(classified: &serde_json::Value) -> (String, Vec<String>, Vec<String>) {
    let line = classified["classifications"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|c| c["status"] == "in_effect" && c["axis"] == "eccn")
        })
        .unwrap_or_else(|| panic!("an ECCN in effect: {classified}"));
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    (
        line["paragraph"].as_str().unwrap_or("").to_string(),
        strings(&line["meets"]),
        strings(&line["tests"]),
    )
}

fn classify_file(name: &str, yaml: &str, as_of: &str) -> serde_json::Value {
    let dir = std::env::temp_dir().join(format!("aigov-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("{name}.yaml"));
    std::fs::write(&file, yaml).expect("write manifest");
    let path = file.to_string_lossy().to_string();
    json(&[
        "export", "classify", &path, "--as-of", as_of, "--format", "json",
    ])
}

/// `export classify` names the 3A090 sub-paragraph precisely, with the test and the item's values: .a.1 for a
/// consumer GPU above TPP 4800, .a.2 for a small dense datacenter chip, .b.1 / .b.2 by TPP and density; a 4A090
/// computer says which paragraph its chip meets; none before the October 2023 rule.
#[test]
fn classify_names_the_3a090_sub_paragraph() {
    let rtx = json(&[
        "export",
        "classify",
        "RTX 4090",
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    let (p, meets, tests) = paragraph_of(&rtx);
    assert_eq!(p, "3A090.a.1");
    assert_eq!(meets, ["3A090.a.1"]);
    assert_eq!(tests, ["3A090.a.1: TPP 5,286.4 ≥ 4800"]);

    let l4 = json(&[
        "export",
        "classify",
        "L4",
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    let (p, meets, tests) = paragraph_of(&l4);
    assert_eq!(p, "3A090.a.2");
    assert_eq!(meets, ["3A090.a.2"]);
    assert!(tests[0].contains("PD 6.59 ≥ 5.92"), "{tests:?}");
    assert!(tests[0].contains("TPP 1,936 ≥ 1600"), "{tests:?}");

    let b1 = classify_file(
        "b1",
        "subject: item\nitem: { kind: integrated_circuit, tpp: 3000, die_area_mm2: 1000, datacenter: true, also_described_elsewhere_on_ccl: false }\n",
        "2026-11-28",
    );
    let (p, _, tests) = paragraph_of(&b1);
    assert_eq!(p, "3A090.b.1");
    assert!(tests[0].contains("PD 3 ≥ 1.6"), "{tests:?}");

    let b2 = classify_file(
        "b2",
        "subject: item\nitem: { kind: integrated_circuit, tpp: 2000, die_area_mm2: 500, datacenter: true, also_described_elsewhere_on_ccl: false }\n",
        "2026-11-28",
    );
    let (p, meets, tests) = paragraph_of(&b2);
    assert_eq!(p, "3A090.b.2");
    assert_eq!(meets, ["3A090.b.2"]);
    assert!(tests[0].contains("PD 4 ≥ 3.2"), "{tests:?}");
    let text_b2 = b2["classifications"][0]["label"].as_str().unwrap_or("");
    assert_eq!(text_b2, "3A090.b.2");

    let server = classify_file(
        "server",
        "subject: item\nitem: { kind: computer_or_assembly, tpp: 15832, die_area_mm2: 814, datacenter: true, also_described_elsewhere_on_ccl: false }\n",
        "2026-11-28",
    );
    let (p, meets, _) = paragraph_of(&server);
    assert_eq!(p, "4A090.a");
    assert_eq!(meets, ["3A090.a.1", "3A090.a.2"]);

    // Before 17 Nov 2023 the A100 is 3A090.a under the 2022 test, without sub-paragraphs.
    let a100_2022 = json(&[
        "export",
        "classify",
        "A100 SXM",
        "--as-of",
        "2023-06-01",
        "--format",
        "json",
    ]);
    let (p, meets, tests) = paragraph_of(&a100_2022);
    assert_eq!((p.as_str(), meets.len()), ("", 0));
    // Its test is the 2022 one, with the interconnect.
    assert_eq!(tests, ["TPP 4,992 ≥ 4800, I/O bandwidth (GB/s) 600 ≥ 600"]);
}
