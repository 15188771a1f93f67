//! Screening 100,000 names against the full SDN list (with alt.csv aliases): the index against a brute-force
//! baseline that compares every query with every listed name by Jaro-Winkler (`strsim`), at equal recall.
//!
//! `cargo run --release -p aigov-screening --example screen_bench [QUERIES] [BASELINE_SAMPLE]`
//!
//! The baseline is timed on a fixed random sample of the queries (default 1,000) and extrapolated. `SHOW_MISSES=1`
//! lists the positive queries the index did not find.

mod baseline;
mod common;

use baseline::Baseline;

use aigov_screening::eval::{generate, hit_is_expected, Case, Rng};
use aigov_screening::{normalize, Index, SearchOptions};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let n_queries: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let sample: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1_000);
    let rss0 = common::rss_kib();
    let Some(entries) = common::load_sdn() else {
        common::missing()
    };
    let rss1 = common::rss_kib();
    let n_entries = entries.len();
    let t = Instant::now();
    let index = Index::build(entries);
    let build = t.elapsed();
    let rss2 = common::rss_kib();
    println!(
        "SDN: {n_entries} entries, {} names with aliases; index built in {:.2} s",
        index.name_count(),
        build.as_secs_f64()
    );
    println!(
        "memory: index estimate {:.1} MiB (tables and entries); RSS {:.1} MiB after loading the files, {:.1} MiB \
         after building (+{:.1} MiB)",
        index.heap_bytes() as f64 / 1048576.0,
        rss1.unwrap_or(0) as f64 / 1024.0,
        rss2.unwrap_or(0) as f64 / 1024.0,
        (rss2.unwrap_or(0).saturating_sub(rss1.unwrap_or(0))) as f64 / 1024.0
    );
    let _ = rss0;

    // 100,000 labelled queries: variants and negatives from several seeds.
    let mut cases: Vec<Case> = Vec::with_capacity(n_queries);
    let mut seed = 1;
    while cases.len() < n_queries {
        cases.extend(generate(&index, seed, 1_000));
        seed += 1;
    }
    cases.truncate(n_queries);
    let positives = cases.iter().filter(|c| c.expected.is_some()).count();
    println!(
        "queries: {} ({positives} positive, {} negative)",
        cases.len(),
        cases.len() - positives
    );

    // Indexed screening, all queries.
    let opts = SearchOptions::default();
    let t = Instant::now();
    let results: Vec<Vec<aigov_screening::Hit>> = cases
        .iter()
        .map(|c| index.search(&c.query, &opts))
        .collect();
    let ours = t.elapsed();
    let correct = |c: &Case, hits: &[aigov_screening::Hit]| {
        c.expected
            .as_ref()
            .is_some_and(|e| hits.iter().any(|h| hit_is_expected(&index, h.entry, e)))
    };
    let tp = cases
        .iter()
        .zip(&results)
        .filter(|(c, h)| correct(c, h))
        .count();
    // `SHOW_MISSES=1`: the positive queries the index did not find, one a line, for comparing two versions.
    if std::env::var_os("SHOW_MISSES").is_some() {
        for (c, h) in cases.iter().zip(&results) {
            if c.expected.is_some() && !correct(c, h) {
                println!("MISS {:?}", c.query);
            }
        }
    }
    println!(
        "index: {:.2} s for {} queries ({:.1} µs/query); recall {:.4} at threshold {}",
        ours.as_secs_f64(),
        cases.len(),
        ours.as_secs_f64() * 1e6 / cases.len() as f64,
        tp as f64 / positives.max(1) as f64,
        opts.threshold
    );

    // Brute force on a fixed sample.
    let baseline = Baseline::new(&index);
    let names = &baseline.names;
    let mut rng = Rng::new(2024);
    let picks: Vec<usize> = (0..sample.min(cases.len()))
        .map(|_| rng.below(cases.len()))
        .collect();
    // The keys of every entry's names, to label baseline hits (outside the timed scan), normalised as the
    // generator writes a case's expected name (the index reads a listed person's name apart).
    let entry_keys: Vec<Vec<String>> = index
        .entries()
        .iter()
        .map(|e| e.names().map(|n| normalize(n).key()).collect())
        .collect();
    // For each sampled query: the best baseline score on an expected name, and the best on any other name.
    let mut scored: Vec<(Option<f64>, f64)> = Vec::with_capacity(picks.len());
    let mut scores: Vec<f64> = vec![0.0; names.len()];
    let mut brute = std::time::Duration::ZERO;
    for &i in &picks {
        let c = &cases[i];
        let t = Instant::now();
        baseline.score(&c.query, &mut scores);
        brute += t.elapsed();
        let mut best_expected: Option<f64> = None;
        let mut best_other = 0.0f64;
        for ((e, _, _), &score) in names.iter().zip(&scores) {
            let is_expected = c
                .expected
                .as_ref()
                .is_some_and(|x| entry_keys[*e].contains(x));
            if is_expected {
                best_expected = Some(best_expected.map_or(score, |b: f64| b.max(score)));
            } else if score > best_other {
                best_other = score;
            }
        }
        scored.push((
            if c.expected.is_some() {
                Some(best_expected.unwrap_or(0.0))
            } else {
                None
            },
            best_other,
        ));
    }
    let per_query = brute.as_secs_f64() / picks.len().max(1) as f64;
    let extrapolated = per_query * cases.len() as f64;
    // Our recall on the same sample; the baseline threshold that gives at least that recall.
    let sample_pos: Vec<usize> = picks
        .iter()
        .copied()
        .filter(|&i| cases[i].expected.is_some())
        .collect();
    let our_sample_recall = sample_pos
        .iter()
        .filter(|&&i| correct(&cases[i], &results[i]))
        .count() as f64
        / sample_pos.len().max(1) as f64;
    let recall_at = |t: f64| {
        let pos: Vec<f64> = scored.iter().filter_map(|s| s.0).collect();
        pos.iter().filter(|&&s| s >= t).count() as f64 / pos.len().max(1) as f64
    };
    let mut threshold = 1.0;
    while threshold > 0.0 && recall_at(threshold) < our_sample_recall {
        threshold -= 0.005;
    }
    let fp = scored
        .iter()
        .filter(|s| s.0.is_none() && s.1 >= threshold)
        .count()
        + scored
            .iter()
            .filter(|s| s.0.is_some_and(|e| e < threshold) && s.1 >= threshold)
            .count();
    let bf_tp = scored
        .iter()
        .filter(|s| s.0.is_some_and(|e| e >= threshold))
        .count();
    let our_sample_fp = picks
        .iter()
        .filter(|&&i| !results[i].is_empty() && !correct(&cases[i], &results[i]))
        .count();
    let our_sample_tp = sample_pos
        .iter()
        .filter(|&&i| correct(&cases[i], &results[i]))
        .count();
    println!(
        "brute force (Jaro-Winkler, best of plain and word-sorted, every query x every name): {} sampled queries \
         in {:.2} s ({:.1} ms/query), extrapolated to {} queries: {:.0} s",
        picks.len(),
        brute.as_secs_f64(),
        per_query * 1e3,
        cases.len(),
        extrapolated
    );
    println!(
        "equal recall on the sample: index recall {:.4} (precision {:.4}); baseline threshold {:.3} gives recall \
         {:.4} (precision {:.4})",
        our_sample_recall,
        our_sample_tp as f64 / (our_sample_tp + our_sample_fp).max(1) as f64,
        threshold,
        recall_at(threshold),
        bf_tp as f64 / (bf_tp + fp).max(1) as f64
    );
    println!("speed-up: {:.0}x", extrapolated / ours.as_secs_f64());
}
