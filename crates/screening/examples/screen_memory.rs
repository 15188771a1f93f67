//! The index's memory for the full SDN list (with its aliases) and for a list ten times its size.
//!
//! `cargo run --release -p aigov-screening --example screen_memory`
//!
//! The ten-times list is the SDN list and nine copies of it in which the letters of every word of four letters
//! or more are rotated by a copy-specific amount (`DERIPASKA` -> `ERIPASKAD`), so the vocabulary grows as a
//! real, larger list's would, with the same word lengths and letters, while common short words stay shared. Reads the files from `$AIGOV_SCREENING_DATA` or `../shared/data/screening`; says so and
//! measures nothing when they are missing.

mod common;

use aigov_screening::{Entry, Index, SearchOptions};
use std::time::Instant;

fn variant(name: &str, k: usize) -> String {
    name.split(' ')
        .map(|w| {
            let chars: Vec<char> = w.chars().collect();
            if chars.iter().filter(|c| c.is_alphabetic()).count() >= 4 {
                // Rotate the word's letters: a word of the same length and letters, far from the original.
                let r = k % (chars.len() - 1) + 1;
                chars[r..].iter().chain(&chars[..r]).collect()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn measure(label: &str, entries: Vec<Entry>) {
    let n = entries.len();
    let before = common::rss_kib().unwrap_or(0);
    let t = Instant::now();
    let index = Index::build(entries);
    let build = t.elapsed();
    let after = common::rss_kib().unwrap_or(0);
    let t = Instant::now();
    let q = 2_000;
    for i in 0..q {
        let e = &index.entries()[(i * 7919) % index.entries().len()];
        let _ = index.search(&e.name, &SearchOptions::default());
    }
    let per = t.elapsed().as_secs_f64() / q as f64;
    println!(
        "{label}: {n} entries, {} names; built in {:.2} s; index estimate {:.1} MiB; RSS +{:.1} MiB while \
         building (entries included); {:.1} µs per listed-name query",
        index.name_count(),
        build.as_secs_f64(),
        index.heap_bytes() as f64 / 1048576.0,
        after.saturating_sub(before) as f64 / 1024.0,
        per * 1e6
    );
}

fn main() {
    let Some(sdn) = common::load_sdn() else {
        common::missing()
    };
    measure("SDN (full, with aliases)", sdn.clone());
    let mut big = sdn.clone();
    for k in 1..10 {
        big.extend(sdn.iter().map(|e| Entry {
            id: format!("{}-{k}", e.id),
            name: variant(&e.name, k),
            alt_names: e.alt_names.iter().map(|a| variant(a, k)).collect(),
            ..e.clone()
        }));
    }
    measure("ten times the SDN list", big);
}
