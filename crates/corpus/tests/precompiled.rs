//! The CLI embeds the corpus compiled at build time as JSON (crates/app/build.rs). That form must answer exactly
//! as the corpus loaded from its YAML sources: same statuses on every example, same serialised form after a
//! round trip (a lossy serialisation, e.g. a string literal read back as a date, would show here).

use aigov_core::assess::{Engine, Options};
use aigov_core::Corpus;

#[test]
fn precompiled_corpus_answers_like_the_sources() {
    let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("corpus");
    let json = serde_json::to_string(&loaded.corpus).expect("serialises");
    let mut back: Corpus = serde_json::from_str(&json).expect("deserialises");
    back.reindex();
    assert_eq!(
        serde_json::to_string(&back).expect("serialises"),
        json,
        "the round trip is lossless"
    );
    let (a, b) = (Engine::new(loaded.corpus.clone()), Engine::new(back));
    for ex in &loaded.examples {
        let mut o = Options::as_of(ex.as_of);
        o.include_not_applicable = true;
        let (x, y) = (a.assess(&ex.facts, &o), b.assess(&ex.facts, &o));
        assert_eq!(
            serde_json::to_string(&x).expect("serialises"),
            serde_json::to_string(&y).expect("serialises"),
            "example `{}`",
            ex.name
        );
    }
}

#[test]
fn literals_keep_their_type_through_the_round_trip() {
    // A text literal that looks like a date must stay text.
    let v = aigov_core::Value::Text("2025-08-02".into());
    let back: aigov_core::Value =
        serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
    assert_eq!(back, v);
}
