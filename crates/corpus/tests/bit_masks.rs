//! The bit-mask fast path for set tests (`Expr::Bits`) must agree with evaluating the tests as written.

use aigov_core::assess::{Context, Engine};
use aigov_core::condition::{Env, Mask};
use aigov_core::model::FactId;
use aigov_core::{Truth, Value};

/// Delegates to a real context but refuses masks, so `Bits` nodes evaluate their written form.
struct NoMasks<'a>(&'a Context<'a>);

impl Env for NoMasks<'_> {
    fn fact(&self, id: FactId) -> Option<&Value> {
        self.0.fact(id)
    }
    fn param(&self, index: usize) -> Option<&Value> {
        self.0.param(index)
    }
    fn rule(&self, index: usize) -> Truth {
        self.0.rule(index)
    }
    fn mask(&self, _id: FactId) -> Mask {
        Mask::NotAvailable
    }
}

fn check(sources: Vec<aigov_corpus::Source>) -> usize {
    let loaded = aigov_corpus::load(&sources).expect("corpus loads");
    let engine = Engine::new(loaded.corpus);
    let mut compared = 0;
    for ex in &loaded.examples {
        let ctx = Context::new(&engine, &ex.facts, ex.as_of);
        let slow = NoMasks(&ctx);
        for rule in &engine.corpus.rules {
            for v in &rule.versions {
                let conditions =
                    std::iter::once(&v.condition).chain(v.exceptions.iter().map(|e| &e.condition));
                for c in conditions {
                    assert_eq!(
                        c.expr.eval(&ctx),
                        c.expr.eval(&slow),
                        "{}: `{}` in example `{}`",
                        rule.id,
                        c.source,
                        ex.name
                    );
                    compared += 1;
                }
            }
        }
    }
    compared
}

#[test]
fn masks_agree_with_string_sets_on_the_embedded_corpus() {
    assert!(check(aigov_corpus::embedded_sources()) > 1000);
}

#[test]
fn masks_agree_with_string_sets_on_the_fixture_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    assert!(check(aigov_corpus::read_dir(&dir).expect("fixture corpus")) > 10);
}
