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
