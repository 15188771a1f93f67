//! Micro-benchmarks: normalising a name and screening one query against the test fixtures.

use aigov_screening::{normalize, parse_auto, Index, Records, SearchOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn index() -> Index {
    let mut entries = Vec::new();
    for f in ["sdn.csv", "csl.csv", "csl.json"] {
        let path = format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
        if let Ok(bytes) = std::fs::read(path) {
            if let Ok(p) = parse_auto(f, &bytes) {
                if let Records::Entries(e) = p.records {
                    entries.extend(e);
                }
            }
        }
    }
    Index::build(entries)
}

fn bench(c: &mut Criterion) {
    c.bench_function("normalize latin name", |b| {
        b.iter(|| {
            normalize(black_box(
                "PETRA NAVIGATION & INTERNATIONAL TRADING CO. LTD.",
            ))
        })
    });
    c.bench_function("normalize hanzi name", |b| {
        b.iter(|| normalize(black_box("华为技术有限公司")))
    });
    let ix = index();
    let opts = SearchOptions::default();
    c.bench_function("search typo query", |b| {
        b.iter(|| ix.search(black_box("Banco Nacionl de Cuba S.A."), &opts))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
