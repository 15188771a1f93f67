//! Inputs found by fuzzing (fuzz/fuzz_targets): each must give diagnostics, never a panic.

use aigov_corpus::{load, Source};

const HEAD: &str = "instrument:\n  id: xx_fuzz\n  jurisdiction: XX\n  kind: statute\n  title: Fuzz\n  short_title: Fuzz\n  citation: Fuzz\n  url: https://example.org\n  issuer: Fuzz\n  binding: true\n  events:\n    - { id: in_force, kind: entered_into_force, date: 2024-01-01 }\nrules:\n  - id: xx_fuzz.rule\n    title: Fuzz\n    citation: Art 1\n    subject: ai_system\n    summary: Fuzz.\n    applies_from: 2024-01-01\n    effect: { obligation: { duty: Fuzz. } }\n    when: ";

fn with_condition(cel: &str) -> Result<aigov_corpus::Loaded, Vec<aigov_corpus::Diagnostic>> {
    let mut sources: Vec<Source> = aigov_corpus::embedded_sources()
        .into_iter()
        .filter(|s| s.path.starts_with("vocabulary/"))
        .collect();
    let quoted = serde_json::to_string(cel).expect("a string serializes");
    sources.push(Source {
        path: "xx/fuzz.yaml".into(),
        text: format!("{HEAD}{quoted}\n"),
    });
    load(&sources)
}

/// fuzz/artifacts/condition/crash-b4125bc1...: a condition that is one non-ASCII character made the diagnostic's
/// position fall inside the character (a panic when slicing the file).
#[test]
fn non_ascii_condition_gives_a_diagnostic_on_its_line() {
    for cel in [
        "\u{740}",
        "ai_system.roles == \"é\" &&",
        "ünknown.fact",
        "\"日本\" in",
    ] {
        let diags = with_condition(cel).expect_err("not a valid condition");
        let d = diags
            .iter()
            .find(|d| d.file == "xx/fuzz.yaml")
            .expect("a diagnostic in the file");
        assert_eq!(d.line, 21, "{cel:?}: {d}");
        assert!(d.col >= 5, "{cel:?}: {d}");
    }
}
