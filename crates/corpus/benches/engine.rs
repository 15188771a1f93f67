//! Engine benchmarks on the embedded corpus: one assessment of one subject, full and summary, and corpus loading.
//! Run: `cargo bench -p aigov-corpus --bench engine`. Results: BENCHMARKS.md.

use aigov_core::assess::{Engine, Options};
use aigov_core::manifest::{self, Format};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const EXAMPLES: &[(&str, &str)] = &[
    (
        "cv_screening_saas",
        include_str!("../../../examples/cv-screening-saas.yaml"),
    ),
    (
        "gpai_frontier_model",
        include_str!("../../../examples/gpai-frontier-model.yaml"),
    ),
];

fn engine() -> Engine {
    let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources())
        .expect("the embedded corpus is valid");
    Engine::new(loaded.corpus)
}

fn bench(c: &mut Criterion) {
    let engine = engine();
    let as_of = "2026-11-28".parse().expect("a date");
    for (name, text) in EXAMPLES {
        let facts = manifest::parse(text, Format::Yaml, &engine.corpus.vocabulary)
            .expect("example manifests are valid");
        let mut full = Options::as_of(as_of);
        c.bench_function(&format!("assess/full_with_traces/{name}"), |b| {
            b.iter(|| black_box(engine.assess(black_box(&facts), &full)))
        });
        full.traces = false;
        c.bench_function(&format!("assess/findings_no_traces/{name}"), |b| {
            b.iter(|| black_box(engine.assess(black_box(&facts), &full)))
        });
        c.bench_function(&format!("assess/summary/{name}"), |b| {
            b.iter(|| black_box(engine.summary(black_box(&facts), &full)))
        });
        let plan = engine.plan(as_of);
        c.bench_function(&format!("assess/summary_planned/{name}"), |b| {
            b.iter(|| black_box(engine.summary_planned(black_box(&facts), &full, &plan)))
        });
    }
    let line = serde_json::to_string(
        &serde_yaml_ng::from_str::<serde_json::Value>(EXAMPLES[0].1).expect("yaml"),
    )
    .expect("json");
    c.bench_function("batch_line/parse_bind_summarize_serialize", |b| {
        let o = Options {
            traces: false,
            ..Options::as_of(as_of)
        };
        let plan = engine.plan(as_of);
        b.iter(|| {
            let facts = manifest::parse_json_fast(black_box(&line), &engine.corpus.vocabulary)
                .expect("valid");
            black_box(
                serde_json::to_string(&engine.summary_planned(&facts, &o, &plan))
                    .expect("serializes"),
            )
        })
    });
    c.bench_function("corpus/load_and_compile_from_yaml", |b| {
        let sources = aigov_corpus::embedded_sources();
        b.iter(|| black_box(aigov_corpus::load(black_box(&sources)).is_ok()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
