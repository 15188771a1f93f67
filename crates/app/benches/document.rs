//! The cost of the service's `POST /api/v1/assess` answer, part by part, on the request of examples/api: the
//! whole operation (bind, assess, document), and the document alone written the way aigov writes it (keys sorted
//! straight from the typed answer, [`aigov_app::json`]) against the way it was written before (through a
//! `serde_json::Value` tree, then pretty-printed), which gives the same bytes.
//! Run: `cargo bench -p aigov-app --bench document`. Results: BENCHMARKS.md.

use aigov_core::assess::Options;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let engine = aigov_app::engine(None).expect("the embedded corpus");
    let request: serde_json::Value =
        serde_json::from_str(include_str!("../../../examples/api/assess-request.json"))
            .expect("the example request is JSON");
    let manifest = &request["manifest"];
    let as_of = request["as_of"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .expect("the example request has a date");
    c.bench_function("assess_request/whole", |b| {
        b.iter(|| {
            black_box(aigov_app::request::assess(
                &engine,
                black_box(manifest),
                as_of,
                &[],
                false,
            ))
        })
    });
    let facts = aigov_app::request::bind(&engine, manifest).expect("the example manifest binds");
    let assessment = engine.assess(&facts, &Options::as_of(as_of));
    c.bench_function("assess_request/document_sorted_straight", |b| {
        b.iter(|| black_box(aigov_app::json::pretty(black_box(&assessment))))
    });
    c.bench_function("assess_request/document_through_value", |b| {
        b.iter(|| {
            let v = serde_json::to_value(black_box(&assessment)).expect("serializes");
            black_box(serde_json::to_string_pretty(&v))
        })
    });
    c.bench_function("assess_request/document_compact_sorted", |b| {
        b.iter(|| black_box(aigov_app::json::compact(black_box(&assessment))))
    });
    assert_eq!(
        aigov_app::json::pretty(&assessment).ok(),
        serde_json::to_string_pretty(&serde_json::to_value(&assessment).expect("serializes")).ok()
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
