//! Precision and recall of screening on a labelled evaluation set built from the real list files.
//!
//! `cargo run --release -p aigov-screening --example screen_eval [SEED] [PER_VARIANT]`

mod common;

use aigov_screening::eval::{evaluate, generate};
use aigov_screening::{Index, DEFAULT_THRESHOLD};

fn main() {
    let mut args = std::env::args().skip(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let per_variant: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(300);
    let Some(mut entries) = common::load_sdn() else {
        common::missing()
    };
    let sdn = entries.len();
    let csl = common::load_csl();
    let csl_count = csl.len();
    entries.extend(csl);
    let index = Index::build(entries);
    println!(
        "lists: {sdn} SDN entries (with alt.csv aliases) + {csl_count} CSL sample rows from {}; {} names indexed",
        common::data_dir().display(),
        index.name_count()
    );
    let cases = generate(&index, seed, per_variant);
    let positives = cases.iter().filter(|c| c.expected.is_some()).count();
    println!(
        "evaluation set: seed {seed}, {} queries ({positives} positive, {} negative)",
        cases.len(),
        cases.len() - positives
    );
    println!("\nthreshold  precision  recall   TP     FN    FP    TN");
    for t in [0.75f32, 0.80, 0.85, 0.90, 0.95] {
        let m = evaluate(&index, &cases, t);
        let mark = if (t - DEFAULT_THRESHOLD).abs() < 1e-6 {
            " (default)"
        } else {
            ""
        };
        println!(
            "{t:.2}       {:.4}     {:.4}   {:<6} {:<5} {:<5} {:<5}{mark}",
            m.precision(),
            m.recall(),
            m.true_positives,
            m.false_negatives,
            m.false_positives,
            m.true_negatives
        );
    }
    let m = evaluate(&index, &cases, DEFAULT_THRESHOLD);
    println!("\nby kind of query at the default threshold {DEFAULT_THRESHOLD}:");
    for (v, c) in &m.by_variant {
        println!(
            "  {:<26} {:>5} queries  {:>6.2}% correct  {} wrong-party hits",
            v.name(),
            c.total,
            100.0 * c.correct as f64 / c.total.max(1) as f64,
            c.wrong_hits
        );
    }
    if std::env::var_os("SHOW_FAILURES").is_some() {
        for c in &cases {
            let hits = index.search(&c.query, &aigov_screening::SearchOptions::default());
            let ok = match &c.expected {
                Some(e) => hits
                    .iter()
                    .any(|h| aigov_screening::eval::hit_is_expected(&index, h.entry, e)),
                None => hits.is_empty(),
            };
            if !ok {
                let top = index.search(
                    &c.query,
                    &aigov_screening::SearchOptions {
                        threshold: 0.0,
                        ..Default::default()
                    },
                );
                println!(
                    "FAIL {:?} {:?} expected {:?} top: {:?}",
                    c.variant,
                    c.query,
                    c.expected,
                    top.first().map(|h| (&h.matched_name, h.score))
                );
            }
        }
    }
}
