//! Real organisations that are not listed, screened against the whole SDN list (with its aliases) and the CSL
//! sample: each hit at the default threshold is a false one. The names are in
//! `crates/screening/tests/fixtures/unlisted-names.txt`, with how they were chosen.
//!
//! `cargo run --release -p aigov-screening --example unlisted_probe [-- --threshold X]`

mod common;

use aigov_screening::{Index, SearchOptions, DEFAULT_THRESHOLD};

fn main() {
    let mut threshold = DEFAULT_THRESHOLD;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next().and_then(|v| v.parse().ok())) {
            ("--threshold", Some(t)) => threshold = t,
            _ => {
                eprintln!("usage: unlisted_probe [--threshold X]");
                std::process::exit(2);
            }
        }
    }
    let Some(mut entries) = common::load_sdn() else {
        common::missing()
    };
    entries.extend(common::load_csl());
    let index = Index::build(entries);
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/unlisted-names.txt"
    );
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| {
        eprintln!("error: cannot read {file}: {e}");
        std::process::exit(1)
    });
    let names: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let opts = SearchOptions {
        threshold,
        ..SearchOptions::default()
    };
    let mut hit = 0;
    for name in &names {
        let hits = index.search(name, &opts);
        if let Some(h) = hits.first() {
            hit += 1;
            println!(
                "HIT {name:?} -> {:?} {:.3}: {}",
                index.entries()[h.entry].name,
                h.score,
                h.explanation.describe(h.score)
            );
        }
    }
    println!(
        "{} real unlisted organisations, {hit} with a hit at {threshold:.2}, {} without ({:.1} %)",
        names.len(),
        names.len() - hit,
        100.0 * (names.len() - hit) as f64 / names.len().max(1) as f64
    );
}
