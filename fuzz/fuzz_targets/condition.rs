//! Arbitrary CEL text as a condition over the real corpus's vocabulary, parameters and rules: compiling must fail
//! with an error whose span lies inside the text, or succeed; a condition that compiles must evaluate, render and
//! analyse without panicking, on an empty subject and on every bundled example subject.
//!
//! The corpus is loaded once (not per input), so the target runs thousands of inputs a second instead of tens.
#![no_main]
use aigov_core::assess::{Context, Engine};
use aigov_core::condition::{compile, Resolver, Ty};
use aigov_core::manifest::Facts;
use aigov_core::model::FactId;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

struct Fixed {
    engine: Engine,
    subjects: Vec<Facts>,
}

fn fixed() -> &'static Fixed {
    static F: OnceLock<Fixed> = OnceLock::new();
    F.get_or_init(|| {
        let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("the embedded corpus loads");
        let mut subjects: Vec<Facts> = loaded.examples.iter().map(|e| e.facts.clone()).take(50).collect();
        subjects.push(Facts::empty("ai_system", &loaded.corpus.vocabulary));
        Fixed { engine: Engine::new(loaded.corpus), subjects }
    })
}

struct Lookup<'a>(&'a aigov_core::Corpus);

impl Resolver for Lookup<'_> {
    fn fact(&self, subject: &str, name: &str) -> Option<(FactId, Ty)> {
        self.0.vocabulary.fact(subject, name).map(|f| (f.id, Ty::of_fact(&f.ty)))
    }
    fn is_subject(&self, name: &str) -> bool {
        self.0.vocabulary.subject(name).is_some()
    }
    fn fact_names(&self, subject: &str) -> Vec<String> {
        self.0.vocabulary.facts_of(subject).map(|f| f.name.clone()).collect()
    }
    fn param(&self, id: &str) -> Option<(usize, Ty)> {
        let i = self.0.parameter_index(id)?;
        let ty = self.0.parameters[i].values.first().map(|v| Ty::of_value(&v.value)).unwrap_or(Ty::Number);
        Some((i, ty))
    }
    fn rule(&self, id: &str) -> Option<usize> {
        self.0.rule_index(id)
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(cel) = std::str::from_utf8(data) else { return };
    let f = fixed();
    match compile(cel, &Lookup(&f.engine.corpus)) {
        Err(e) => {
            if let Some((start, end)) = e.span {
                assert!(start <= end && end <= cel.len(), "span {start}..{end} outside {} bytes", cel.len());
            }
        }
        Ok(condition) => {
            let _ = condition.expr.render(&aigov_core::assess::CorpusNames(&f.engine.corpus));
            let mut read = Vec::new();
            condition.expr.reads(&mut read);
            for date in ["2020-01-01", "2026-11-28"] {
                let date = date.parse().expect("a date");
                for facts in &f.subjects {
                    let ctx = Context::new(&f.engine, facts, date);
                    let _ = condition.expr.eval(&ctx);
                }
            }
        }
    }
});
