//! Screening measured on a labelled set made by the lists' own editors: only primary names are indexed, every
//! OFAC alias (`alt.csv`) and every CSL alternate name is screened, and the right party must come back.
//!
//! `cargo run --release -p aigov-screening --example alias_eval -- [--data DIR] [--threshold X]
//!  [--misses tuning|held-out] [--baseline N] [--dump FILE] [--query TEXT ...]`
//!
//! * The data folder defaults to `$AIGOV_SCREENING_DATA`, else `../shared/data/screening` next to the
//!   repository; when the files are missing the program says so and exits successfully, measuring nothing.
//! * The aliases are split in two by a hash of the party's identifier: the **tuning** half (look at its misses
//!   with `--misses tuning`) and the **held-out** half (never looked at while tuning); both are reported.
//! * A hit counts as right when it is the party the alias belongs to, or a party listed under the same primary
//!   name (the CSL repeats some SDN parties). A hit on another party that is itself listed under the very
//!   words of the query (its primary name or one of its own aliases normalises to the query: `AL-AQSA
//!   FOUNDATION` is an alias of AL-AQSA and a listed party of its own) is counted apart as a **shared name**.
//!   Every other hit at the threshold is a **wrong-party hit** and counts against precision (precision =
//!   right hits / (right + wrong-party hits)). The **top-hit precision** is the share of queries with hits
//!   whose best hit is the right party; the **query precision** (`q-prec`) counts by query rather than by
//!   hit: the share of queries with hits that have no wrong-party hit at all.
//! * Each alias is classed by how it differs from the primary name, with a plain word comparison that does not
//!   use the matcher (see [`common::kind_of`]): aliases that share almost no word with the primary name are *another
//!   name* (a former name, a translation, a nickname); no spelling-aware matcher can find those and they are
//!   reported apart from the spelling kinds.
//! * The brute-force baseline (Jaro-Winkler over every primary name, as in `screen_bench`) is run on a fixed
//!   sample of the queries (`--baseline N`, default 1,500): its recall at the threshold that gives the same
//!   precision, and the speed-up at equal recall.

mod baseline;
mod common;

use aigov_screening::{
    normalize, Entry, Explanation, Format, Index, MatchKind, Records, SearchOptions,
    DEFAULT_THRESHOLD,
};
use baseline::Baseline;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

struct Query {
    text: String,
    /// The index position of the party.
    expected: usize,
    /// `aka`, `fka`, `nka` (OFAC) or `csl alternate`.
    alt_type: String,
    kind: &'static str,
    script: &'static str,
    entry_kind: String,
    held_out: bool,
}

/// FNV-1a: a fixed, platform-independent split.
fn held_out(list: &str, id: &str) -> bool {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in list.bytes().chain([b':']).chain(id.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h & 1 == 1
}

fn script_of(s: &str) -> &'static str {
    if s.is_ascii() {
        "ASCII"
    } else if s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        "Hanzi"
    } else if s.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)) {
        "Cyrillic"
    } else if s.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)) {
        "Arabic"
    } else {
        "Latin with accents"
    }
}

/// The equivalences an explanation used beyond exact words (for the table of what helped).
fn equivalences(e: &Explanation) -> Vec<String> {
    let mut out = Vec::new();
    for m in &e.matched {
        let k = match &m.how {
            MatchKind::Exact => continue,
            MatchKind::Fuzzy { .. } => "misspelling (edits)".to_string(),
            MatchKind::Joined => "joined/split".to_string(),
            MatchKind::Acronym => "acronym".to_string(),
            MatchKind::Translated { .. } => "Hanzi translated".to_string(),
            MatchKind::Pinyin { .. } => "Hanzi pinyin".to_string(),
            MatchKind::Equivalent { rule } => rule.split(':').next().unwrap_or(rule).to_string(),
        };
        out.push(k);
    }
    for n in &e.notes {
        out.push(n.split(':').next().unwrap_or(n).to_string());
    }
    // `similar spelling (Jaro-Winkler 0.91)` and `closest listed name, 0.05 or more ahead ...` counted as one.
    for k in &mut out {
        for stem in ["similar spelling", "closest listed name"] {
            if k.starts_with(stem) {
                *k = stem.to_string();
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The 95 % Wilson score interval of `k` successes in `n` trials.
fn wilson(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (n, p, z) = (n as f64, k as f64 / n as f64, 1.959_964f64);
    let centre = p + z * z / (2.0 * n);
    let spread = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    let denom = 1.0 + z * z / n;
    ((centre - spread) / denom, (centre + spread) / denom)
}

#[derive(Default, Clone)]
struct Tally {
    queries: usize,
    found: usize,
    right_hits: usize,
    wrong_hits: usize,
    queries_with_wrong: usize,
    shared_hits: usize,
    with_hits: usize,
    top_right: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        self.found as f64 / self.queries.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.right_hits as f64 / (self.right_hits + self.wrong_hits).max(1) as f64
    }
    fn top_precision(&self) -> f64 {
        self.top_right as f64 / self.with_hits.max(1) as f64
    }
    /// Counted by query rather than by hit: the share of queries with hits that have no wrong-party hit (a
    /// query that hits six relatives counts once, not six times).
    fn query_precision(&self) -> f64 {
        1.0 - self.queries_with_wrong as f64 / self.with_hits.max(1) as f64
    }
}

fn main() {
    let mut data: Option<PathBuf> = None;
    let mut threshold = DEFAULT_THRESHOLD;
    let mut misses: Option<String> = None;
    let mut baseline_n = 1_500usize;
    let mut dump: Option<PathBuf> = None;
    let mut probes: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().map(PathBuf::from),
            "--threshold" => {
                threshold = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(threshold)
            }
            "--misses" => misses = args.next(),
            "--dump" => dump = args.next().map(PathBuf::from),
            "--query" => probes.extend(args.next()),
            "--baseline" => baseline_n = args.next().and_then(|s| s.parse().ok()).unwrap_or(0),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let dir = data.unwrap_or_else(common::data_dir);
    let (Some(Records::Entries(sdn)), Some(Records::Alt(alt))) = (
        common::read_in(&dir, "ofac-sdn.csv", Format::OfacSdn),
        common::read_in(&dir, "ofac-alt.csv", Format::OfacAlt),
    ) else {
        println!(
            "the OFAC files ofac-sdn.csv and ofac-alt.csv were not found in {} (give --data DIR or set \
             AIGOV_SCREENING_DATA); nothing measured",
            dir.display()
        );
        return;
    };
    // CSL rows from lists other than the SDN (whose rows repeat sdn.csv), with their alternate names.
    let mut csl: Vec<Entry> = Vec::new();
    for f in ["csl-sample.csv", "csl-consolidated-sample.csv"] {
        if let Some(Records::Entries(e)) = common::read_in(&dir, f, Format::CslCsv) {
            csl.extend(e.into_iter().filter(|e| e.list != "SDN"));
        }
    }
    let csl_alt: Vec<(usize, Vec<String>)> = csl
        .iter_mut()
        .enumerate()
        .map(|(i, e)| (i, std::mem::take(&mut e.alt_names)))
        .collect();
    let n_sdn = sdn.len();
    let mut entries = sdn;
    entries.extend(csl);
    let t = Instant::now();
    let index = Index::build(entries);
    let build = t.elapsed();
    let ents = index.entries();
    // `--query TEXT`: the best hits of one name against the primary names, with their explanations, for
    // looking into a miss; nothing else is measured.
    if !probes.is_empty() {
        let loose = SearchOptions {
            threshold: 0.0,
            limit: 5,
            ..SearchOptions::default()
        };
        for p in &probes {
            println!("{p:?}");
            for h in index.search(p, &loose) {
                println!(
                    "  {:.3} {:?}: {}",
                    h.score,
                    ents[h.entry].name,
                    h.explanation.describe(h.score)
                );
            }
        }
        return;
    }
    let by_id: BTreeMap<&str, usize> = ents[..n_sdn]
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut queries: Vec<Query> = Vec::new();
    for a in &alt {
        let Some(&i) = by_id.get(a.ent_num.as_str()) else {
            continue;
        };
        let e = &ents[i];
        queries.push(Query {
            text: a.alt_name.clone(),
            expected: i,
            alt_type: a.alt_type.clone().unwrap_or_else(|| "aka".into()),
            kind: common::kind_of(&a.alt_name, &e.name),
            script: script_of(&a.alt_name),
            entry_kind: e.kind.clone().unwrap_or_default(),
            held_out: held_out(&e.list, &e.id),
        });
    }
    let n_ofac = queries.len();
    for (i, names) in &csl_alt {
        let e = &ents[n_sdn + i];
        for n in names {
            queries.push(Query {
                text: n.clone(),
                expected: n_sdn + i,
                alt_type: "csl alternate".into(),
                kind: common::kind_of(n, &e.name),
                script: script_of(n),
                entry_kind: e.kind.clone().unwrap_or_else(|| "Entity".into()),
                held_out: held_out(&e.list, &e.id),
            });
        }
    }
    println!(
        "data: {} ({} SDN primary records, {} CSL rows from other lists); index of primary names only: {} \
         names, built in {:.2} s, {:.1} MiB",
        dir.display(),
        n_sdn,
        ents.len() - n_sdn,
        index.name_count(),
        build.as_secs_f64(),
        index.heap_bytes() as f64 / 1048576.0
    );
    println!(
        "queries: {} OFAC aliases + {} CSL alternate names; threshold {threshold}",
        n_ofac,
        queries.len() - n_ofac
    );
    // The primary-name key of every entry: a hit on another entry with the same primary name is the same party.
    let keys: Vec<String> = ents.iter().map(|e| normalize(&e.name).key()).collect();
    // The same name in either word order: the SDN writes a person `YEGANE, Gulnihal`, the other lists of the CSL
    // `Gulnihal Yegane`.
    let unordered: Vec<Vec<&str>> = keys
        .iter()
        .map(|k| {
            let mut words: Vec<&str> = k.split(' ').collect();
            words.sort_unstable();
            words
        })
        .collect();
    let right = |q: &Query, e: usize| e == q.expected || unordered[e] == unordered[q.expected];
    // Every listed name (aliases included) by normalised key: which parties are listed under a query's words.
    let mut listed_under: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        listed_under.entry(k.clone()).or_default().push(i);
    }
    for a in &alt {
        if let Some(&i) = by_id.get(a.ent_num.as_str()) {
            listed_under
                .entry(normalize(&a.alt_name).key())
                .or_default()
                .push(i);
        }
    }
    for (i, names) in &csl_alt {
        for n in names {
            listed_under
                .entry(normalize(n).key())
                .or_default()
                .push(n_sdn + i);
        }
    }
    let shared = |q: &Query, e: usize| {
        listed_under
            .get(&normalize(&q.text).key())
            .is_some_and(|v| v.contains(&e))
    };
    let opts = SearchOptions {
        threshold,
        limit: 10,
        ..SearchOptions::default()
    };
    let t = Instant::now();
    let results: Vec<Vec<aigov_screening::Hit>> = queries
        .iter()
        .map(|q| index.search(&q.text, &opts))
        .collect();
    let ours = t.elapsed();

    // The threshold sweep on the spelling variants, to choose the default on the tuning half only.
    let low = SearchOptions {
        threshold: 0.7,
        limit: 10,
        ..SearchOptions::default()
    };
    let loose: Vec<Vec<aigov_screening::Hit>> = queries
        .iter()
        .map(|q| index.search(&q.text, &low))
        .collect();
    // A hit's score does not depend on the threshold asked: the hits of the search at 0.7 that reach the
    // threshold are the hits of the search at the threshold, with the same scores (unless the limit of 10
    // hits cut the search at 0.7 short).
    let loose_limit = low.limit;
    let key = |h: &aigov_screening::Hit| (h.entry, (h.score * 1e4).round() as u32);
    let differ = results
        .iter()
        .zip(&loose)
        .filter(|(at, low)| {
            let kept: Vec<_> = low
                .iter()
                .filter(|h| h.score + 1e-6 >= threshold)
                .map(key)
                .collect();
            !(low.len() >= loose_limit && kept.len() == low.len())
                && kept != at.iter().map(key).collect::<Vec<_>>()
        })
        .count();
    println!(
        "\nthreshold consistency: {differ} of {} queries have other hits or scores at {threshold:.2} when \
         searched at 0.70 (0 expected)",
        queries.len()
    );
    println!(
        "\nthreshold sweep, spelling variants (tuning half | held-out half): recall, precision"
    );
    for t in [0.75f32, 0.78, 0.80, 0.82, 0.84, 0.85, 0.86, 0.88, 0.90] {
        let mut line = format!("  {t:.2}");
        for half in [false, true] {
            let (mut n, mut found, mut r, mut w) = (0usize, 0usize, 0usize, 0usize);
            for (q, hits) in queries.iter().zip(&loose) {
                if q.held_out != half || q.kind == "another name" {
                    continue;
                }
                n += 1;
                let hits: Vec<_> = hits.iter().filter(|h| h.score + 1e-6 >= t).collect();
                let rr = hits.iter().filter(|h| right(q, h.entry)).count();
                let ww = hits
                    .iter()
                    .filter(|h| !right(q, h.entry) && !shared(q, h.entry))
                    .count();
                found += (rr > 0) as usize;
                r += rr;
                w += ww;
            }
            line.push_str(&format!(
                "   {:.4} {:.4}",
                found as f64 / n.max(1) as f64,
                r as f64 / (r + w).max(1) as f64
            ));
        }
        println!("{line}");
    }

    if let Some(path) = &dump {
        // One line per query (tab-separated): half, kind, query, listed name, then each hit at 0.7 or more as
        // `C:score:query coverage:name coverage:matched pairs:lowest similarity:query words left:listed words
        // left:whole-name credit (0/1):pairs matched only by written similarity:listed name`, C being R, W or S
        // (right, wrong party, shared name),
        // lowercase when a named rule capped the score; for analysis outside this program.
        let mut out = String::new();
        for (q, hits) in queries.iter().zip(&loose) {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}",
                if q.held_out { "held-out" } else { "tuning" },
                q.kind,
                q.text.replace('\t', " "),
                ents[q.expected].name.replace('\t', " ")
            ));
            for h in hits {
                let c = if right(q, h.entry) {
                    'R'
                } else if shared(q, h.entry) {
                    'S'
                } else {
                    'W'
                };
                // Lowercase when a named rule capped the score below the threshold.
                let capped = h.explanation.notes.iter().any(|n| n.contains("capped at"));
                let c = if capped { c.to_ascii_lowercase() } else { c };
                let e = &h.explanation;
                let min_sim = e
                    .matched
                    .iter()
                    .map(|m| m.similarity)
                    .fold(1.0f32, f32::min);
                let whole = e
                    .notes
                    .iter()
                    .any(|n| n.starts_with("listed name found whole"));
                // Pairs matched by edits or by how alike they are written, rather than as written or by a rule.
                let loose = e
                    .matched
                    .iter()
                    .filter(|m| match &m.how {
                        MatchKind::Fuzzy { .. } => true,
                        MatchKind::Equivalent { rule } => rule.starts_with("similar spelling"),
                        _ => false,
                    })
                    .count();
                out.push_str(&format!(
                    "\t{c}:{:.4}:{:.4}:{:.4}:{}:{:.4}:{}:{}:{}:{}:{}",
                    h.score,
                    e.query_coverage,
                    e.name_coverage,
                    e.matched.len(),
                    min_sim,
                    e.unmatched_query.len(),
                    e.unmatched_listed.len(),
                    whole as u8,
                    loose,
                    ents[h.entry].name
                ));
            }
            out.push('\n');
        }
        if let Err(e) = std::fs::write(path, out) {
            eprintln!("{}: {e}", path.display());
        }
    }
    let mut by: BTreeMap<(String, String), [Tally; 2]> = BTreeMap::new();
    let mut helped: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    for (q, hits) in queries.iter().zip(&results) {
        let half = q.held_out as usize;
        let r = hits.iter().filter(|h| right(q, h.entry)).count();
        let sh = hits
            .iter()
            .filter(|h| !right(q, h.entry) && shared(q, h.entry))
            .count();
        let w = hits.len() - r - sh;
        let top_right = hits
            .first()
            .map(|h| right(q, h.entry) || shared(q, h.entry));
        let spelling = q.kind != "another name";
        // Words added to a one-word listed name get no whole-name credit by design (`PIONEER FOODS COMPANY` is not
        // the listed PIONEER), so the kinds with words added are also told by the listed name's length.
        let kind = match q.kind {
            "words added" => "words added",
            "spelling and words added or omitted" => "spelling, words +/-",
            _ => "",
        };
        let by_length = match common::plain_words(&ents[q.expected].name).len() {
            _ if kind.is_empty() => String::new(),
            0 | 1 => format!("{kind}: one-word listed name"),
            _ => format!("{kind}: longer listed name"),
        };
        let groups = [
            (
                "kind of alias, by the listed name's length in plain words".to_string(),
                by_length,
            ),
            ("all aliases".to_string(), "all".to_string()),
            (
                "spelling variants (all but another name)".to_string(),
                if spelling { "yes" } else { "" }.to_string(),
            ),
            ("kind of alias".to_string(), q.kind.to_string()),
            ("alias type".to_string(), q.alt_type.clone()),
            ("script".to_string(), q.script.to_string()),
            ("party".to_string(), q.entry_kind.clone()),
        ];
        for g in groups {
            if g.1.is_empty() {
                continue;
            }
            let t = &mut by.entry(g).or_default()[half];
            t.queries += 1;
            t.found += (r > 0) as usize;
            t.right_hits += r;
            t.wrong_hits += w;
            t.queries_with_wrong += (w > 0) as usize;
            t.shared_hits += sh;
            t.with_hits += top_right.is_some() as usize;
            t.top_right += (top_right == Some(true)) as usize;
        }
        if let Some(h) = hits.iter().find(|h| right(q, h.entry)) {
            for e in equivalences(&h.explanation) {
                helped.entry(e).or_default()[half] += 1;
            }
        }
    }
    println!(
        "\n{:<44} {:>30}   {:>30}",
        "", "tuning half", "held-out half"
    );
    println!(
        "{:<44} {:>6} {:>7} {:>9} {:>6} {:>7}   {:>6} {:>7} {:>9} {:>6} {:>7}   wrong-party / shared-name hits (t/h)",
        "group", "n", "recall", "precision", "top-1", "q-prec", "n", "recall", "precision", "top-1", "q-prec"
    );
    let mut last = String::new();
    for ((g, v), [a, b]) in &by {
        if *g != last {
            println!("{g}:");
            last = g.clone();
        }
        println!(
            "  {:<42} {:>6} {:>7.4} {:>9.4} {:>6.4} {:>7.4}   {:>6} {:>7.4} {:>9.4} {:>6.4} {:>7.4}   {}/{} {}/{}",
            v,
            a.queries,
            a.recall(),
            a.precision(),
            a.top_precision(),
            a.query_precision(),
            b.queries,
            b.recall(),
            b.precision(),
            b.top_precision(),
            b.query_precision(),
            a.wrong_hits,
            b.wrong_hits,
            a.shared_hits,
            b.shared_hits
        );
    }
    // How far the held-out figures of the spelling variants can be from the matcher's true ones: a 95 % Wilson
    // interval over the queries (recall) and over the hits (precision).
    if let Some([_, h]) = by.get(&(
        "spelling variants (all but another name)".to_string(),
        "yes".to_string(),
    )) {
        let (rl, rh) = wilson(h.found, h.queries);
        let (pl, ph) = wilson(h.right_hits, h.right_hits + h.wrong_hits);
        println!(
            "\nheld-out spelling variants, 95 % Wilson intervals: recall {:.4} [{rl:.4}, {rh:.4}] over {} \
             queries; precision {:.4} [{pl:.4}, {ph:.4}] over {} hits",
            h.recall(),
            h.queries,
            h.precision(),
            h.right_hits + h.wrong_hits
        );
    }
    println!("\nequivalences used in right hits (tuning / held-out), the 40 most used:");
    let mut helped: Vec<(String, [usize; 2])> = helped.into_iter().collect();
    helped.sort_by(|a, b| {
        (b.1[0] + b.1[1])
            .cmp(&(a.1[0] + a.1[1]))
            .then(a.0.cmp(&b.0))
    });
    for (e, [a, b]) in helped.iter().take(4000) {
        println!("  {e:<60} {a:>6} {b:>6}");
    }
    println!(
        "\nindex: {} queries in {:.2} s ({:.1} µs/query)",
        queries.len(),
        ours.as_secs_f64(),
        ours.as_secs_f64() * 1e6 / queries.len().max(1) as f64
    );

    if let Some(which) = &misses {
        let want_held = which == "held-out";
        let loose = SearchOptions {
            threshold: 0.0,
            limit: 500,
            ..SearchOptions::default()
        };
        for (q, hits) in queries.iter().zip(&results) {
            if q.held_out != want_held || q.kind == "another name" {
                continue;
            }
            let found = hits.iter().any(|h| right(q, h.entry));
            let wrong: Vec<&aigov_screening::Hit> = hits
                .iter()
                .filter(|h| !right(q, h.entry) && !shared(q, h.entry))
                .collect();
            if !found {
                let s = index
                    .search(&q.text, &loose)
                    .into_iter()
                    .find(|h| right(q, h.entry))
                    .map(|h| format!("{:.3} {}", h.score, h.explanation.describe(h.score)))
                    .unwrap_or_else(|| "not a candidate (none of the query's 500 best)".into());
                println!(
                    "MISS [{}] {:?} for {:?}: {s}",
                    q.kind, q.text, ents[q.expected].name
                );
            }
            for h in wrong {
                println!(
                    "WRONG [{}] {:?} (for {:?}) hit {:?} {:.3}: {}",
                    q.kind,
                    q.text,
                    ents[q.expected].name,
                    ents[h.entry].name,
                    h.score,
                    h.explanation.describe(h.score)
                );
            }
        }
    }

    if baseline_n == 0 {
        return;
    }
    // The brute-force baseline on a fixed sample of the spelling-variant queries of both halves.
    let baseline = Baseline::new(&index);
    let names = &baseline.names;
    let pool: Vec<usize> = (0..queries.len())
        .filter(|&i| queries[i].kind != "another name")
        .collect();
    let step = (pool.len() / baseline_n.max(1)).max(1);
    let sample: Vec<usize> = pool
        .iter()
        .copied()
        .step_by(step)
        .take(baseline_n)
        .collect();
    let mut brute = Duration::ZERO;
    // (best score on the right party, every other party's best score above 0.7)
    let mut scored: Vec<(f64, Vec<f64>)> = Vec::new();
    let mut scores = vec![0.0f64; names.len()];
    for &i in &sample {
        let q = &queries[i];
        let t = Instant::now();
        baseline.score(&q.text, &mut scores);
        brute += t.elapsed();
        let mut best_right = 0.0f64;
        let mut others: BTreeMap<usize, f64> = BTreeMap::new();
        for ((e, _, _), &s) in names.iter().zip(&scores) {
            if right(q, *e) {
                best_right = best_right.max(s);
            } else if s >= 0.7 {
                let o = others.entry(*e).or_insert(0.0);
                *o = o.max(s);
            }
        }
        scored.push((best_right, others.into_values().collect()));
    }
    let ours_sample_found = sample
        .iter()
        .filter(|&&i| results[i].iter().any(|h| right(&queries[i], h.entry)))
        .count();
    let ours_right: usize = sample
        .iter()
        .map(|&i| {
            results[i]
                .iter()
                .filter(|h| right(&queries[i], h.entry))
                .count()
        })
        .sum();
    let ours_all: usize = sample.iter().map(|&i| results[i].len()).sum();
    let our_recall = ours_sample_found as f64 / sample.len().max(1) as f64;
    let our_precision = ours_right as f64 / ours_all.max(1) as f64;
    // The baseline reports at most 10 hits, like the index.
    let at = |t: f64| {
        let mut found = 0;
        let mut right_hits = 0;
        let mut wrong = 0;
        for (r, o) in &scored {
            let mut w = o.iter().filter(|&&s| s >= t).count();
            if *r >= t {
                found += 1;
                right_hits += 1;
                w = w.min(9);
            } else {
                w = w.min(10);
            }
            wrong += w;
        }
        (
            found as f64 / scored.len().max(1) as f64,
            right_hits as f64 / (right_hits + wrong).max(1) as f64,
        )
    };
    let mut t_eq_recall = 1.0;
    while t_eq_recall > 0.5 && at(t_eq_recall).0 < our_recall {
        t_eq_recall -= 0.0025;
    }
    let mut t_eq_prec = 0.5;
    while t_eq_prec < 1.0 && at(t_eq_prec).1 < our_precision {
        t_eq_prec += 0.0025;
    }
    let per_query = brute.as_secs_f64() / sample.len().max(1) as f64;
    let ours_per_query = ours.as_secs_f64() / queries.len().max(1) as f64;
    println!(
        "\nbrute-force baseline (Jaro-Winkler of the normalised names, plain and word-sorted, every query x every \
         name) on {} spelling-variant queries of both halves: {:.2} ms/query; index {:.1} µs/query",
        sample.len(),
        per_query * 1e3,
        ours_per_query * 1e6
    );
    println!(
        "  index on the sample: recall {:.4}, precision {:.4}",
        our_recall, our_precision
    );
    let (r1, p1) = at(t_eq_recall);
    println!(
        "  baseline at equal recall (threshold {:.4}): recall {:.4}, precision {:.4}",
        t_eq_recall, r1, p1
    );
    let (r2, p2) = at(t_eq_prec);
    println!(
        "  baseline at equal precision (threshold {:.4}): recall {:.4}, precision {:.4}",
        t_eq_prec, r2, p2
    );
    println!(
        "  speed-up of the index over the baseline: {:.0}x",
        per_query / ours_per_query
    );
}
