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
