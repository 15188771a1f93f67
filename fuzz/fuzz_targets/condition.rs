//! Arbitrary CEL text as a rule's condition: compiling must fail with a diagnostic or succeed, never panic; a
//! condition that compiles must evaluate without panicking on an empty manifest.
#![no_main]
use aigov_core::assess::{Engine, Options};
use aigov_core::manifest::Facts;
use aigov_corpus::{load, Source};
use libfuzzer_sys::fuzz_target;

const HEAD: &str = "instrument:\n  id: xx_fuzz\n  jurisdiction: XX\n  kind: statute\n  title: Fuzz\n  short_title: Fuzz\n  citation: Fuzz\n  url: https://example.org\n  issuer: Fuzz\n  binding: true\n  events:\n    - { id: in_force, kind: entered_into_force, date: 2024-01-01 }\nrules:\n  - id: xx_fuzz.rule\n    title: Fuzz\n    citation: Art 1\n    subject: ai_system\n    summary: Fuzz.\n    applies_from: 2024-01-01\n    effect: { obligation: { duty: Fuzz. } }\n    when: ";

fuzz_target!(|data: &[u8]| {
    let Ok(cel) = std::str::from_utf8(data) else { return };
    let quoted = serde_json::to_string(cel).expect("a string serializes"); // a JSON string is a YAML scalar
    let mut sources: Vec<Source> = aigov_corpus::embedded_sources()
        .into_iter()
        .filter(|s| s.path.starts_with("vocabulary/"))
        .collect();
    sources.push(Source { path: "xx/fuzz.yaml".into(), text: format!("{HEAD}{quoted}\n") });
    if let Ok(loaded) = load(&sources) {
        let engine = Engine::new(loaded.corpus);
        let facts = Facts::empty("ai_system", &engine.corpus.vocabulary);
        let _ = engine.assess(&facts, &Options::as_of("2025-01-01".parse().expect("a date")));
    }
});
