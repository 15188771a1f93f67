//! End-to-end tests of the PRC part of the corpus (corpus/cn/) through the `aigov` binary, run against the
//! repository's corpus folder and the example manifests in examples/cn-*.yaml.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Writes a manifest to a file of its own in the temporary folder and returns its path.
fn manifest(name: &str, yaml: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-china-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(format!("{name}.yaml"));
    std::fs::write(&path, yaml).expect("the manifest is written");
    path
}

/// Runs the binary with `--corpus` on the repository corpus and `--format json`, and parses stdout.
fn run_json(args: &[&str]) -> Value {
    let out = Command::new(BIN)
        .args(args)
        .arg("--corpus")
        .arg(CORPUS)
        .arg("--format")
        .arg("json")
        .env("NO_COLOR", "1")
        .output()
        .expect("the aigov binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "the binary panicked: {stderr}"
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}); stdout: {stdout}; stderr: {stderr}"))
}

fn assess(file: &str, as_of: &str) -> Value {
    run_json(&["assess", file, "--as-of", as_of])
}

/// The finding for one rule in an assessment document.
fn finding<'a>(assessment: &'a Value, rule: &str) -> &'a Value {
    assessment["findings"]
        .as_array()
        .expect("an assessment has findings")
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no finding for {rule} in {assessment:#}"))
}

fn status<'a>(assessment: &'a Value, rule: &str) -> &'a Value {
    &finding(assessment, rule)["status"]
}

/// Whether a rule does not reach the subject on the date: reported `not_applicable`, or not reported at all (reports
/// leave out rules that do not apply and rules that were not yet law).
fn does_not_reach(assessment: &Value, rule: &str) -> bool {
    match assessment["findings"]
        .as_array()
        .expect("an assessment has findings")
        .iter()
        .find(|f| f["rule"] == rule)
    {
        None => true,
        Some(f) => f["status"] == "not_applicable" || f["status"] == "not_yet_law",
    }
}

/// The rule of a `data_transfer` assessment whose route classification is in effect.
fn routes_in_effect(assessment: &Value) -> Vec<String> {
    [
        "cn_xborder.route_security_assessment",
        "cn_xborder.route_standard_contract",
        "cn_xborder.route_exempt",
    ]
    .iter()
    .filter(|r| {
        assessment["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == **r && f["status"] == "in_effect")
    })
    .map(|r| r.to_string())
    .collect()
}

#[test]
fn corpus_list_shows_the_cn_instruments() {
    let list = run_json(&["corpus", "list"]);
    let items = list.as_array().expect("a list of instruments");
    let cn: Vec<&Value> = items.iter().filter(|i| i["jurisdiction"] == "CN").collect();
    for id in [
        "cn_algorithm_provisions",
        "cn_deep_synthesis",
        "cn_genai_measures",
        "cn_labelling_measures",
        "cn_gb_45438",
        "cn_gbt_45654",
        "cn_csl_2025",
        "cn_pipl",
        "cn_ndsmr",
        "cn_ethics_review",
        "cn_minors_online",
        "cn_anthropomorphic_ai",
        "cn_xborder",
        "cn_ai_plus",
        "cn_global_ai_governance_plan",
        "cn_ai_safety_framework_2",
        "cn_ai_law_status",
        "cn_tech_export_catalogue",
        "cn_mofcom_2025_61",
        "cn_mofcom_2025_62",
        "cn_mofcom_gac_2025_70",
    ] {
        let i = cn
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id} is listed: {list:#}"));
        assert!(i["url"].as_str().unwrap().starts_with("http"), "{i:#}");
    }
    // The citation is kept as issued, in Chinese.
    let genai = cn.iter().find(|i| i["id"] == "cn_genai_measures").unwrap();
    assert!(
        genai["citation"].as_str().unwrap().contains("第15号"),
        "{genai:#}"
    );
    // Policy and the AI Law's status are not law.
    for id in ["cn_ai_plus", "cn_ai_law_status", "cn_gbt_45654"] {
        let i = cn.iter().find(|i| i["id"] == id).unwrap();
        assert_eq!(i["binding"], false, "{i:#}");
    }
}

#[test]
fn genai_chatbot_filing_is_upcoming_before_15_august_2023_and_in_effect_after_with_citations() {
    let file = example("cn-genai-chatbot.yaml");
    let before = assess(&file, "2023-08-14");
    assert_eq!(
        status(&before, "cn_genai_measures.art17_assessment_filing"),
        "upcoming"
    );
    assert_eq!(
        status(&before, "cn_algorithm_provisions.art24_filing"),
        "in_effect"
    );
    assert!(
        does_not_reach(&before, "cn_labelling_measures.art4_explicit_labels"),
        "{before:#}"
    );

    let after = assess(&file, "2026-11-28");
    let f = finding(&after, "cn_genai_measures.art17_assessment_filing");
    assert_eq!(f["status"], "in_effect", "{f:#}");
    assert_eq!(f["citation"], "Art 17");
    assert_eq!(f["applies_from"], "2023-08-15");
    for rule in [
        "cn_genai_measures.art2_scope",
        "cn_genai_measures.art7_training_data",
        "cn_deep_synthesis.real_name",
        "cn_labelling_measures.art4_explicit_labels",
        "cn_gb_45438.explicit_label_methods",
        "cn_csl_2025.art61_security_protection",
        "cn_algorithm_provisions.art18_minors",
    ] {
        assert_eq!(status(&after, rule), "in_effect", "{rule}");
    }
    // The national AI Law is reported as not law, from a non-binding instrument.
    let law = finding(&after, "cn_ai_law_status.not_adopted");
    assert_eq!(law["binding"], false, "{law:#}");
}

#[test]
fn genai_measures_do_not_reach_internal_use_or_a_service_without_public_opinion_capability() {
    let base = std::fs::read_to_string(example("cn-genai-chatbot.yaml")).unwrap();
    let internal = manifest(
        "internal",
        &base.replace("cn_offered_to_public: true", "cn_offered_to_public: false"),
    );
    let a = assess(internal.to_str().unwrap(), "2026-11-28");
    assert!(does_not_reach(&a, "cn_genai_measures.art2_scope"), "{a:#}");
    assert!(
        does_not_reach(&a, "cn_genai_measures.art17_assessment_filing"),
        "{a:#}"
    );

    let no_posm = manifest(
        "no-posm",
        &base.replace(
            "cn_public_opinion_capability: true",
            "cn_public_opinion_capability: false",
        ),
    );
    let a = assess(no_posm.to_str().unwrap(), "2026-11-28");
    assert_eq!(status(&a, "cn_genai_measures.art2_scope"), "in_effect");
    assert!(
        does_not_reach(&a, "cn_genai_measures.art17_assessment_filing"),
        "{a:#}"
    );
    assert!(
        does_not_reach(&a, "cn_algorithm_provisions.art24_filing"),
        "{a:#}"
    );
}

#[test]
fn medical_data_transfer_route_changes_with_the_thresholds_and_the_date() {
    let file = example("cn-medical-data-transfer.yaml");
    let a = assess(&file, "2026-11-28");
    assert_eq!(routes_in_effect(&a), ["cn_xborder.route_standard_contract"]);
    assert_eq!(
        status(&a, "cn_xborder.standard_contract_filing"),
        "in_effect"
    );
    assert_eq!(
        status(&a, "cn_pipl.art39_transfer_notice_consent"),
        "in_effect"
    );
    let c = finding(&a, "cn_xborder.route_standard_contract");
    assert_eq!(c["citation"], "Art 8");

    // The day before the Provisions there is no route under them.
    let before = assess(&file, "2024-03-21");
    assert!(routes_in_effect(&before).is_empty(), "{before:#}");

    let base = std::fs::read_to_string(&file).unwrap();
    // 10,000 patients: a CAC security assessment.
    let big = manifest(
        "medical-10000",
        &base
            .replace("pi_individuals_ytd: 3000", "pi_individuals_ytd: 10000")
            .replace(
                "sensitive_pi_individuals_ytd: 3000",
                "sensitive_pi_individuals_ytd: 10000",
            ),
    );
    let a = assess(big.to_str().unwrap(), "2026-11-28");
    assert_eq!(
        routes_in_effect(&a),
        ["cn_xborder.route_security_assessment"]
    );
    assert_eq!(
        status(&a, "cn_xborder.security_assessment_declaration"),
        "in_effect"
    );

    // Anonymised data: exempt.
    let anon = manifest(
        "medical-anonymised",
        &base.replace(
            "contains_personal_information: true",
            "contains_personal_information: false",
        ),
    );
    let a = assess(anon.to_str().unwrap(), "2026-11-28");
    assert_eq!(routes_in_effect(&a), ["cn_xborder.route_exempt"]);
}

#[test]
fn weather_data_transfer_is_exempt_unless_notified_as_important_data() {
    let file = example("cn-weather-data-transfer.yaml");
    let a = assess(&file, "2026-11-28");
    assert_eq!(routes_in_effect(&a), ["cn_xborder.route_exempt"]);
    let base = std::fs::read_to_string(&file).unwrap();
    let important = manifest(
        "weather-important",
        &base.replace("important_data: false", "important_data: true"),
    );
    let a = assess(important.to_str().unwrap(), "2026-11-28");
    assert_eq!(
        routes_in_effect(&a),
        ["cn_xborder.route_security_assessment"]
    );
}

#[test]
fn one_product_is_assessed_in_the_eu_the_us_and_china_at_once() {
    let a = assess(&example("cn-eu-us-writing-assistant.yaml"), "2026-11-28");
    assert_eq!(
        status(&a, "eu_ai_act.art50_1_interaction_disclosure"),
        "in_effect"
    );
    assert_eq!(status(&a, "us_ca_sb942.covered_provider"), "in_effect");
    assert_eq!(
        status(&a, "cn_genai_measures.art17_assessment_filing"),
        "in_effect"
    );
    assert_eq!(status(&a, "cn_deep_synthesis.art19_filing"), "in_effect");
    // Limited to China, only CN findings are reported.
    let cn = run_json(&[
        "assess",
        &example("cn-eu-us-writing-assistant.yaml"),
        "--as-of",
        "2026-11-28",
        "-j",
        "CN",
    ]);
    assert!(cn["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"].as_str().unwrap().starts_with("cn_")));
}

#[test]
fn rare_earth_controls_are_suspended_then_unconfirmed_with_low_confidence() {
    let m = manifest(
        "rare-earth-magnets",
        "subject: export\nexport:\n  shipped_from: [DE]\n  destination: [US]\n  cn_rare_earth_items: [foreign_made_cn_content]\n  cn_humanitarian_relief: false\n",
    );
    let file = m.to_str().unwrap();
    assert_eq!(
        status(
            &assess(file, "2026-06-01"),
            "cn_mofcom_2025_61.foreign_made_items"
        ),
        "suspended"
    );
    let after = assess(file, "2026-11-28");
    assert_eq!(
        status(&after, "cn_mofcom_2025_61.foreign_made_items"),
        "ended"
    );
    let u = finding(&after, "cn_mofcom_2025_61.status_after_suspension");
    assert_eq!(u["status"], "in_effect", "{u:#}");
    assert_eq!(u["confidence"], "low", "{u:#}");
}
