//! End-to-end tests of how an assessment report leads: a subject that several regimes reach gets one line per
//! jurisdiction side by side before the details, and the classification headlines lead with binding law and the
//! most severe class.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

fn assess(example: &str, date: &str) -> String {
    let out = Command::new(BIN)
        .args(["assess", &format!("{EXAMPLES}/{example}"), "--as-of", date])
        .args(["--color", "never", "--lang", "en-US"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The lines of a section: from its heading to the next blank line.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no `{heading}` in {text}"));
    let rest = &text[start + heading.len() + 2..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

#[test]
fn three_regimes_side_by_side() {
    let text = assess("cn-eu-us-writing-assistant.yaml", "2026-11-28");
    let side = section(&text, "By jurisdiction (binding rules)");
    let lines: Vec<&str> = side.lines().filter(|l| l.contains('•')).collect();
    assert_eq!(lines.len(), 3, "{side}");
    assert!(
        lines[0].contains("CN: ") && lines[1].contains("EU: ") && lines[2].contains("US: "),
        "{side}"
    );
    assert!(
        lines[1].contains("most severe class: Limited risk (EU AI Act)"),
        "{side}"
    );
    // Policy that binds no one, or binds only agencies, is no class of risk.
    assert!(lines[2].contains("no risk class"), "{side}");
    assert!(
        text.find("By jurisdiction").unwrap_or(usize::MAX)
            < text.find("\nClassification\n").unwrap_or(0)
    );
}

#[test]
fn one_regime_has_no_side_by_side_and_headlines_lead_with_the_most_severe_binding_class() {
    let text = assess("cv-screening-saas.yaml", "2026-11-28");
    assert!(!text.contains("By jurisdiction"), "{text}");
    let first = text
        .split("\nClassification\n")
        .nth(1)
        .and_then(|s| s.lines().find(|l| l.contains('•')))
        .expect("a headline");
    assert!(first.contains("High-risk"), "{first}");
}

/// An answer for a date far beyond the corpus's review (corpus/corpus.yaml) says that newer law may be missing,
/// in text and JSON; an answer within the allowance does not.
#[test]
fn answers_far_beyond_the_corpus_review_say_so() {
    let late = assess("cv-screening-saas.yaml", "2027-06-01");
    assert!(
        late.contains("WARNING: the corpus encodes the law as reviewed up to 2026-11-28; this answer is for 2027-06-01"),
        "{late}"
    );
    let soon = assess("cv-screening-saas.yaml", "2026-12-06");
    assert!(!soon.contains("WARNING: the corpus"), "{soon}");
    let out = Command::new(BIN)
        .args([
            "assess",
            &format!("{EXAMPLES}/cv-screening-saas.yaml"),
            "--as-of",
            "2027-06-01",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["corpus_reviewed_until"], "2026-11-28");
    assert!(
        doc["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains("185 days later")),
        "{doc}"
    );
}

/// corpus.yaml is validated strictly like every corpus file: an unknown key is an error naming the file.
#[test]
fn a_bad_review_record_is_a_lint_error_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("aigov-review-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");
    let copy = Command::new("cp")
        .args(["-r", corpus, dir.to_str().expect("path")])
        .status()
        .expect("cp");
    assert!(copy.success());
    std::fs::write(
        dir.join("corpus.yaml"),
        "reviewed_until: 2026-11-28\nstale_after: 90\n",
    )
    .expect("write");
    let out = Command::new(BIN)
        .args(["corpus", "lint", "--corpus", dir.to_str().expect("path")])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("corpus.yaml:2:1"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A report leads with what is decided; what is open follows, one question at a time with the rules it settles,
/// each undetermined rule once, under the first question that bears on it.
#[test]
fn decided_first_then_each_question_with_the_rules_it_settles() {
    let text = assess("california-teen-chatbot.yaml", "2026-11-28");
    let open_at = text
        .find("\nStill open: each question, with the rules it would settle\n")
        .unwrap_or_else(|| panic!("no open part in {text}"));
    let (decided, open) = text.split_at(open_at);
    assert!(
        decided.contains("In effect")
            && !decided.contains("Undetermined")
            && !decided.contains("would be in effect"),
        "the decided part holds no open rule: {decided}"
    );
    assert!(
        !text.contains("Questions that would settle"),
        "one open part, not two"
    );
    // The first question is the one that settles the most, and its rules follow it.
    let first = open
        .lines()
        .find(|l| l.trim_start().starts_with("1. "))
        .expect("a first question");
    assert!(
        first.contains("(ai_system.user_generated_content_platform: bool) — settles 4 rules"),
        "{first}"
    );
    let after_first = &open[open.find(first).expect("found") + first.len()..];
    let next_question = after_first.find("\n  2. ").expect("a second question");
    let under_first = &after_first[..next_question];
    for rule in [
        "us_take_it_down_act.covered_platform_process",
        "us_take_it_down_act.good_faith_shield",
        "us_take_it_down_act.notice_of_process",
        "us_take_it_down_act.removal_48_hours",
    ] {
        assert!(
            under_first.contains(rule),
            "{rule} under the first question: {under_first}"
        );
    }
    assert!(
        under_first.contains("also needs: ai_system.platform_exclusions"),
        "{under_first}"
    );
    // The second question settles the same rules: they are not repeated.
    let second = &after_first[next_question..];
    assert!(
        second
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("(its rules are listed above)")),
        "{second}"
    );
    // Every undetermined rule appears exactly once in the open part.
    let json = Command::new(BIN)
        .args([
            "assess",
            &format!("{EXAMPLES}/california-teen-chatbot.yaml"),
            "--as-of",
            "2026-11-28",
            "--format",
            "json",
        ])
        .output()
        .expect("the binary runs");
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let undetermined: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["status"] == "undetermined")
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(undetermined.len(), 11, "{undetermined:?}");
    for rule in undetermined {
        assert_eq!(
            open.matches(&format!("{rule} · ")).count(),
            1,
            "{rule} once in {open}"
        );
    }
    assert_eq!(doc["markets"], serde_json::json!(["US-CA"]));
}

/// One product, one manifest: a frontier model and the chatbot built on it are assessed together, the text names
/// each subject before its report, and in JSON every finding says which subject it concerns.
#[test]
fn linked_subjects_are_assessed_together_and_each_finding_names_its_subject() {
    let text = assess("frontier-lab-model-and-chatbot.yaml", "2026-11-28");
    let first = text
        .find("Subject 1 of 2: atlas (model)")
        .unwrap_or_else(|| panic!("{text}"));
    let second = text
        .find("Subject 2 of 2: atlas-chat (ai_system) — built on atlas")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(first < second);
    assert!(text[first..second].contains("aigov assessment: Atlas-3 frontier model (model)"));
    assert!(text[second..].contains("aigov assessment: Atlas Chat (ai_system)"));
    let out = Command::new(BIN)
        .args([
            "assess",
            &format!("{EXAMPLES}/frontier-lab-model-and-chatbot.yaml"),
            "--as-of",
            "2026-11-28",
            "--format",
            "json",
        ])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["kind"], "linked_assessment");
    let subjects = doc["subjects"].as_array().expect("subjects");
    assert_eq!(subjects.len(), 2);
    assert_eq!(subjects[1]["built_on"], "atlas");
    for s in subjects {
        let id = s["id"].as_str().expect("id");
        let findings = s["findings"].as_array().expect("findings");
        assert!(!findings.is_empty(), "{id}");
        for f in findings {
            assert_eq!(f["subject_id"], id, "{f}");
        }
    }
    // The model's systemic-risk duties are the model's; the chatbot's transparency duty the chatbot's.
    let rules_of = |i: usize| -> Vec<String> {
        subjects[i]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["rule"].as_str().map(String::from))
            .collect()
    };
    assert!(rules_of(0).iter().any(|r| r.starts_with("eu_ai_act.art55")));
    assert!(rules_of(1).contains(&"eu_ai_act.art50_1_interaction_disclosure".to_string()));
    assert!(!rules_of(0).iter().any(|r| r.starts_with("eu_ai_act.art50")));
}

/// Runs the binary in English without colour; (exit code, stdout, stderr).
fn aigov(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .args(["--color", "never"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        stderr,
    )
}

const EXPORTER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/exporter-item-and-shipments.yaml"
);

/// The rules of each subject of a linked JSON document, from its `list` (`entries`, `changes`), after checking
/// that every item of the list names the subject it sits under.
fn rules_by_subject(doc: &serde_json::Value, list: &str) -> Vec<(String, Vec<String>)> {
    doc["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .map(|s| {
            let id = s["id"].as_str().expect("id").to_string();
            let items = s[list].as_array().expect("list");
            for item in items {
                assert_eq!(item["subject_id"], id.as_str(), "{item}");
            }
            let rules = items
                .iter()
                .filter_map(|x| x["rule"].as_str().map(String::from))
                .collect();
            (id, rules)
        })
        .collect()
}

/// One product, one manifest: `aigov timeline` goes over every linked subject, each under a heading that names
/// it, and in JSON every entry and span names its subject; the calendar holds every subject's events, distinctly.
#[test]
fn timeline_of_linked_subjects_names_each_subject() {
    let (code, text, err) = aigov(&["timeline", EXPORTER, "--as-of", "2026-11-28"]);
    assert_eq!(code, 0, "{err}");
    let item = text
        .find("Subject 1 of 3: h100 (item)")
        .unwrap_or_else(|| panic!("{text}"));
    let malaysia = text
        .find("Subject 2 of 3: to-malaysia (export) — built on h100")
        .unwrap_or_else(|| panic!("{text}"));
    let germany = text
        .find("Subject 3 of 3: to-germany (export) — built on h100")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(item < malaysia && malaysia < germany);
    let (item, malaysia, germany) = (
        &text[item..malaysia],
        &text[malaysia..germany],
        &text[germany..],
    );
    assert!(item.contains("Timeline for Nvidia H100 SXM (item)"));
    assert!(item.contains("ECCN 3A090.a.1 - total processing performance"));
    assert!(!malaysia.contains("ECCN 3A090.a.1 - total processing performance"));
    // The D:5-parent licence is the Malaysian shipment's (a Chinese parent), not the German one's.
    let hq = "Licence to any destination when a party is headquartered in D:5 or Macau";
    assert!(malaysia.contains(hq), "{malaysia}");
    assert!(!germany.contains(hq), "{germany}");
    assert!(germany.contains("Timeline for 16 H100 to a German university (export)"));

    let dir = tempfile_dir("timeline-ics");
    let ics = dir.join("linked.ics");
    let (code, json, err) = aigov(&[
        "timeline",
        EXPORTER,
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
        "--ics",
        ics.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "linked_timeline");
    assert_eq!(doc["as_of"], "2026-11-28");
    let subjects = doc["subjects"].as_array().expect("subjects");
    assert_eq!(subjects[0]["subject"], "item");
    assert!(subjects[0].get("built_on").is_none());
    assert_eq!(subjects[1]["built_on"], "h100");
    for s in subjects {
        for span in s["spans"].as_array().expect("spans") {
            assert_eq!(span["subject_id"], s["id"], "{span}");
        }
    }
    let rules = rules_by_subject(&doc, "entries");
    let ids: Vec<&str> = rules.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["h100", "to-malaysia", "to-germany"]);
    let has = |i: usize, rule: &str| rules[i].1.iter().any(|r| r == rule);
    assert!(has(0, "us_ear_ac_2023.eccn_3a090_a_1"));
    assert!(!has(1, "us_ear_ac_2023.eccn_3a090_a_1"));
    assert!(has(1, "us_ear_ac_2023.hq_licence"));
    assert!(!has(2, "us_ear_ac_2023.hq_licence"));
    assert!(has(2, "us_ear.decision_no_licence_required"));

    // The calendar: both shipments' due-diligence events, with distinct UIDs.
    let cal = std::fs::read_to_string(&ics)
        .expect("the calendar is written")
        .replace("\r\n ", "");
    std::fs::remove_dir_all(&dir).ok();
    let uids: Vec<&str> = cal.lines().filter(|l| l.starts_with("UID:")).collect();
    let unique: std::collections::BTreeSet<&&str> = uids.iter().collect();
    assert_eq!(uids.len(), unique.len(), "UIDs repeat:\n{cal}");
    for id in ["to-malaysia", "to-germany"] {
        assert!(
            cal.contains(&format!(
                "UID:{id}/us_bis_guidance_2025_05_13.diversion_due_diligence-applies-20250513@aigov"
            )),
            "{cal}"
        );
    }
}

/// A fresh folder under the system's temporary folder for one test.
fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-report-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// `aigov diff` over linked subjects: every subject's changes, each change naming its subject.
#[test]
fn diff_of_linked_subjects_names_each_subject() {
    let args = [
        "diff",
        EXPORTER,
        "--from",
        "2025-01-01",
        "--to",
        "2026-11-28",
    ];
    let (code, text, err) = aigov(&args);
    assert_eq!(code, 0, "{err}");
    let malaysia = text
        .find("Subject 2 of 3: to-malaysia (export) — built on h100")
        .unwrap_or_else(|| panic!("{text}"));
    let germany = text
        .find("Subject 3 of 3: to-germany (export) — built on h100")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(text.starts_with("Subject 1 of 3: h100 (item)"), "{text}");
    // The January 2025 worldwide licence (AI Diffusion) reaches the Malaysian shipment only.
    let worldwide = "Worldwide licence for .a advanced computing items outside Tier 1";
    assert!(text[malaysia..germany].contains(worldwide), "{text}");
    assert!(!text[germany..].contains(worldwide), "{text}");

    let (code, json, err) = aigov(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "linked_diff");
    assert_eq!(
        (doc["from"].as_str(), doc["to"].as_str()),
        (Some("2025-01-01"), Some("2026-11-28"))
    );
    let rules = rules_by_subject(&doc, "changes");
    let ids: Vec<&str> = rules.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["h100", "to-malaysia", "to-germany"]);
    let has = |i: usize, rule: &str| rules[i].1.iter().any(|r| r == rule);
    assert!(has(0, "us_eo_14320.exports_program_hardware"));
    assert!(has(1, "us_ear_ai_diffusion_2025.worldwide_licence"));
    assert!(!has(2, "us_ear_ai_diffusion_2025.worldwide_licence"));
    assert!(has(2, "us_bis_guidance_2025_05_13.red_flags"));
}

/// `aigov explain RULE` on linked subjects: every subject of the rule's kind, or the one `--subject` names; an
/// unknown or ill-suited id is refused with the manifest's subjects listed.
#[test]
fn explain_on_linked_subjects_explains_each_subject_or_the_one_named() {
    let rule = "us_ear_ac_2023.hq_licence";
    let (code, text, err) = aigov(&["explain", EXPORTER, rule, "--as-of", "2026-11-28"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !text.contains("h100 (item)"),
        "the item is not an export: {text}"
    );
    let malaysia = text
        .find("Subject 2 of 3: to-malaysia (export) — built on h100")
        .unwrap_or_else(|| panic!("{text}"));
    let germany = text
        .find("Subject 3 of 3: to-germany (export) — built on h100")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        text[malaysia..germany].contains("As of 2026-11-28: IN EFFECT"),
        "{text}"
    );
    assert!(
        text[germany..].contains("As of 2026-11-28: NOT APPLICABLE"),
        "{text}"
    );

    let (code, json, err) = aigov(&[
        "explain",
        EXPORTER,
        rule,
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "linked_explanation");
    assert_eq!(doc["rule"], rule);
    let got: Vec<(&str, &str)> = doc["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap_or_default(),
                s["finding"]["status"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("to-malaysia", "in_effect"),
            ("to-germany", "not_applicable")
        ]
    );

    let (code, text, err) = aigov(&[
        "explain",
        EXPORTER,
        rule,
        "--as-of",
        "2026-11-28",
        "--subject",
        "to-germany",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.starts_with("Subject 3 of 3: to-germany (export)"),
        "{text}"
    );
    assert!(!text.contains("to-malaysia"), "{text}");

    for (id, says) in [("nope", "no subject `nope`"), ("h100", "is of kind `item`")] {
        let (code, _, err) = aigov(&["explain", EXPORTER, rule, "--subject", id]);
        assert_eq!(code, 2, "{err}");
        // The message without spaces (the error report wraps it to the terminal, where a line breaks).
        let squeeze = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '×'))
                .collect()
        };
        let err = squeeze(&err);
        assert!(err.contains(&squeeze(says)), "{err}");
        assert!(err.contains(&squeeze("`to-malaysia` (export)")), "{err}");
    }
}

/// `aigov map` over linked subjects: each subject's checkerboard under its heading, in JSON every duty naming its
/// subject (SB 53's frontier duties are the model's, AB 2013's training-data duty the chatbot's), one chart each.
#[test]
fn map_of_linked_subjects_names_each_subject() {
    let lab = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/frontier-lab-model-and-chatbot.yaml"
    );
    let (code, text, err) = aigov(&["map", lab, "--as-of", "2026-11-28"]);
    assert_eq!(code, 0, "{err}");
    let chat = text
        .find("Subject 2 of 2: atlas-chat (ai_system) — built on atlas")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(text.starts_with("Subject 1 of 2: atlas (model)"), "{text}");
    assert!(text[..chat].contains("aigov map: Atlas-3 frontier model (model)"));
    assert!(text[..chat].contains("California SB 53 (TFAIA)"));
    assert!(!text[chat..].contains("California SB 53 (TFAIA)"), "{text}");

    let dir = tempfile_dir("map-svg");
    let svg = dir.join("map.svg");
    let (code, json, err) = aigov(&[
        "map",
        lab,
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
        "--svg",
        svg.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(code, 0, "{err}");
    let charts = ["map-atlas.svg", "map-atlas-chat.svg"].map(|f| dir.join(f).is_file());
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(charts, [true, true]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "linked_map");
    let rules: Vec<(String, Vec<String>)> = rules_by_subject(&doc, "duties");
    assert_eq!(rules[0].0, "atlas");
    assert!(rules[0]
        .1
        .iter()
        .any(|r| r == "us_ca_sb53.frontier_ai_framework"));
    assert!(!rules[1].1.iter().any(|r| r.starts_with("us_ca_sb53.")));
    assert!(rules[1]
        .1
        .iter()
        .any(|r| r == "us_ca_ab2013.training_data_documentation"));
    assert!(doc["subjects"][1]["measured"].is_object());
}

const LAB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/frontier-lab-model-and-chatbot.yaml"
);

/// One product, one manifest: `aigov plan` is one programme of controls over every linked subject; a control lists
/// the rules of every subject it serves, each labelled with its subject, and the subjects' duties add up.
#[test]
fn plan_of_linked_subjects_labels_each_rule_with_its_subject() {
    let args = ["plan", LAB, "--as-of", "2026-11-28"];
    let (code, json, err) = aigov(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "linked_plan");
    let subjects = doc["subjects"].as_array().expect("subjects");
    let ids: Vec<&str> = subjects.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["atlas", "atlas-chat"]);
    assert_eq!(subjects[0]["subject"], "model");
    assert_eq!(subjects[1]["subject"], "ai_system");
    assert_eq!(subjects[1]["built_on"], "atlas");
    let sum: u64 = subjects.iter().filter_map(|s| s["duties"].as_u64()).sum();
    assert_eq!(doc["duties"].as_u64(), Some(sum));
    assert!(subjects.iter().all(|s| s["duties"].as_u64() > Some(0)));
    let rules_of = |control: &str| -> Vec<(String, String)> {
        doc["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|i| i["control"]["id"] == control)
            .flat_map(|i| i["rules"].as_array().expect("rules"))
            .map(|r| {
                (
                    r["subject_id"].as_str().expect("subject_id").to_string(),
                    r["rule"].as_str().expect("rule").to_string(),
                )
            })
            .collect()
    };
    // Cybersecurity serves the model (EU AI Act Art 55(1)(d)) and the chatbot (CPPA cybersecurity audit).
    let cyber = rules_of("cybersecurity");
    assert!(
        cyber.contains(&("atlas".into(), "eu_ai_act.art55_1_d".into())),
        "{cyber:?}"
    );
    assert!(
        cyber.contains(&(
            "atlas-chat".into(),
            "us_ca_cppa_admt_regs.cyber_audit_over_100m".into()
        )),
        "{cyber:?}"
    );
    // Art 50 transparency is the chatbot's, never the model's; Art 53 is the model's, never the chatbot's.
    let all: Vec<(String, String)> = doc["items"]
        .as_array()
        .expect("items")
        .iter()
        .flat_map(|i| i["rules"].as_array().expect("rules"))
        .map(|r| {
            (
                r["subject_id"].as_str().unwrap_or("").to_string(),
                r["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(all.contains(&(
        "atlas-chat".into(),
        "eu_ai_act.art50_1_interaction_disclosure".into()
    )));
    assert!(!all
        .iter()
        .any(|(id, r)| id == "atlas" && r.starts_with("eu_ai_act.art50")));
    assert!(!all
        .iter()
        .any(|(id, r)| id == "atlas-chat" && r.starts_with("eu_ai_act.art53")));
    for q in doc["questions"].as_array().expect("questions") {
        assert!(
            q["subject_id"] == "atlas" || q["subject_id"] == "atlas-chat",
            "{q}"
        );
    }

    let (code, text, err) = aigov(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.starts_with("Work plan for atlas, atlas-chat as of 2026-11-28"),
        "{text}"
    );
    assert!(
        text.contains("Subjects: atlas (model, 34 duties); atlas-chat (ai_system, 33 duties — built on atlas)."),
        "{text}"
    );
    assert!(text.contains("• atlas: EU AI Act Art 55(1)(d)"), "{text}");
    assert!(text.contains("• atlas-chat: EU AI Act Art 50(1)"), "{text}");
}

/// `aigov compare` over linked subjects: each subject's comparison under a heading that names it, and in JSON every
/// rule of every control names its subject: the model's GPAI duties under the model, Art 50 under the chatbot.
#[test]
fn compare_of_linked_subjects_names_each_subject() {
    let args = [
        "compare",
        LAB,
        "--as-of",
        "2026-11-28",
        "-j",
        "EU",
        "-j",
        "US-CA",
    ];
    let (code, text, err) = aigov(&args);
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("Subject 1 of 2: atlas (model)"), "{text}");
    let chat = text
        .find("Subject 2 of 2: atlas-chat (ai_system) — built on atlas")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(text[..chat].contains("Atlas-3 frontier model under EU, US-CA as of 2026-11-28"));
    assert!(text[chat..].contains("Atlas Chat under EU, US-CA as of 2026-11-28"));
    assert!(text[..chat].contains("eu_ai_act.art55_1_d"), "{text}");
    assert!(!text[..chat].contains("eu_ai_act.art50_1_interaction_disclosure"));
    assert!(text[chat..].contains("eu_ai_act.art50_1_interaction_disclosure"));

    let (code, json, err) = aigov(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "linked_comparison");
    assert_eq!(doc["jurisdictions"], serde_json::json!(["EU", "US-CA"]));
    let subjects = doc["subjects"].as_array().expect("subjects");
    assert_eq!(subjects.len(), 2);
    assert_eq!(subjects[1]["built_on"], "atlas");
    let rules: Vec<(String, Vec<String>)> = subjects
        .iter()
        .map(|s| {
            let id = s["id"].as_str().expect("id").to_string();
            let mut rules = Vec::new();
            for c in s["controls"].as_array().expect("controls") {
                for j in c["jurisdictions"].as_array().expect("jurisdictions") {
                    for r in j["rules"].as_array().expect("rules") {
                        assert_eq!(r["subject_id"], id.as_str(), "{r}");
                        rules.push(r["rule"].as_str().expect("rule").to_string());
                    }
                }
            }
            (id, rules)
        })
        .collect();
    assert_eq!(rules[0].0, "atlas");
    assert!(rules[0].1.iter().any(|r| r == "eu_ai_act.art55_1_d"));
    assert!(!rules[0].1.iter().any(|r| r.starts_with("eu_ai_act.art50")));
    assert_eq!(rules[1].0, "atlas-chat");
    assert!(rules[1]
        .1
        .iter()
        .any(|r| r == "eu_ai_act.art50_1_interaction_disclosure"));
    assert!(!rules[1].1.iter().any(|r| r.starts_with("eu_ai_act.art55")));
}

/// `aigov export classify` on a manifest of linked subjects classifies the item and each export under its own
/// heading (the JSON `linked_classification` names each), lists the subjects it skips, and refuses a manifest that
/// holds no item or export, naming its subjects.
#[test]
fn export_classify_of_linked_subjects_classifies_each_item_and_export() {
    let exporter = format!("{EXAMPLES}/exporter-item-and-shipments.yaml");
    let (code, out, err) = aigov(&[
        "export",
        "classify",
        &exporter,
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["kind"], "linked_classification", "{out}");
    let subjects = doc["subjects"].as_array().expect("subjects");
    let ids: Vec<&str> = subjects.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["h100", "to-malaysia", "to-germany"], "{out}");
    let kinds: Vec<&str> = subjects
        .iter()
        .map(|s| s["subject"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["item", "export", "export"], "{out}");
    assert_eq!(subjects[1]["built_on"], "h100", "{out}");
    // Each carries its own classification: the H100 is 3A090.a.1 under every subject that carries it.
    for s in subjects {
        assert!(s.to_string().contains("3A090.a.1"), "{s}");
    }
    assert_eq!(doc["skipped"].as_array().map(Vec::len), Some(0), "{out}");
    let (code, text, err) = aigov(&["export", "classify", &exporter, "--as-of", "2026-11-28"]);
    assert_eq!(code, 0, "{err}");
    let malaysia = text
        .find("Subject 2 of 3: to-malaysia (export) — built on h100")
        .expect("the Malaysian shipment's heading");
    let germany = text
        .find("Subject 3 of 3: to-germany (export) — built on h100")
        .expect("the German shipment's heading");
    assert!(
        text.starts_with("Subject 1 of 3: h100 (item)") && malaysia < germany,
        "{text}"
    );
    // A lab's model and chatbot hold nothing to classify: a usage error naming them.
    let lab = format!("{EXAMPLES}/frontier-lab-model-and-chatbot.yaml");
    let (code, _, err) = aigov(&["export", "classify", &lab, "--as-of", "2026-11-28"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("`atlas` (model)") && err.contains("`atlas-chat` (ai_system)"),
        "{err}"
    );
}
