//! Screening measured on a labelled set made by another list's editors: the UN Security Council Consolidated
//! List gives many of its parties' names in their original script (Arabic, Persian, Pashto) beside the
//! romanised ones, and romanised aliases of its own, each marked of good or low quality. Each original-script
//! name is screened, and each romanised alias, and the party it names must come back.
//!
//! `cargo run --release -p aigov-screening --example un_eval -- [--set FILE] [--threshold X]
//!  [--misses tuning|held-out] [--query TEXT ...]`
//!
//! * The set defaults to `tests/fixtures/un-arabic-script.tsv` (see the fixtures' README for its source): one
//!   party per line, its reference number, `I` or `E`, its romanised name, its name in the original script, and
//!   its aliases.
//! * **UN list**: the romanised names (primary and aliases, not those in the script) are the list; the
//!   original-script name of each party is the query. Every hit on another party counts against precision.
//! * **SDN list** (when `../shared/data/screening` or `$AIGOV_SCREENING_DATA` holds the OFAC files): the OFAC
//!   SDN list with its aliases is the list. A party of the set counts when an SDN party is listed under its
//!   primary romanised name (the same words once normalised, in any order); a hit on an SDN party listed under
//!   any of its romanised names is right, a hit on any other counts against precision.
//! * **UN aliases**: the romanised aliases, screened against the primary romanised names alone, classed as
//!   `alias_eval` classes OFAC's (spelling variants or another name).
//! * The parties are split in two by a hash of the reference number, as `alias_eval` splits its aliases: the
//!   **tuning** half (look at its misses with `--misses tuning`) and the **held-out** half; both are reported.

mod common;

use aigov_screening::{normalize, Entry, Index, SearchOptions, DEFAULT_THRESHOLD};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// One party of the set.
struct Party {
    reference: String,
    individual: bool,
    /// The romanised names: primary first, then the aliases not in the script.
    latin: Vec<String>,
    /// The romanised aliases with the quality the list gives them (`Good`, `Low`, or empty).
    aliases: Vec<(String, String)>,
    /// The name in the original script.
    script: String,
    held_out: bool,
}

impl Party {
    /// The party as a listed entry: its primary romanised name, with its romanised aliases or without.
    fn entry(&self, with_aliases: bool) -> Entry {
        Entry {
            list: "UN".into(),
            id: self.reference.clone(),
            kind: Some(
                if self.individual {
                    "Individual"
                } else {
                    "Entity"
                }
                .into(),
            ),
            name: self.latin[0].clone(),
            alt_names: if with_aliases {
                self.latin[1..].to_vec()
            } else {
                Vec::new()
            },
            ..Entry::default()
        }
    }
}

/// FNV-1a of the reference number: a fixed, platform-independent split.
fn held_out(reference: &str) -> bool {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in reference.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h & 1 == 1
}

fn in_script(s: &str) -> bool {
    s.chars()
        .any(aigov_screening::arabic_script::is_arabic_letter)
}

/// Stops the program with a message and exit code 2 (bad input: a file or an argument).
fn fail(message: String) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2)
}

/// Reads the set; a malformed line stops the program with its line number.
fn read_set(path: &PathBuf) -> Vec<Party> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("{}: {e} (give --set FILE)", path.display())));
    let mut parties = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 5 {
            fail(format!(
                "{}:{}: expected 5 tab-separated fields (reference, I or E, romanised name, original \
                 script, aliases), found {}",
                path.display(),
                n + 1,
                fields.len()
            ));
        }
        let mut latin = vec![fields[2].trim().to_string()];
        let mut aliases = Vec::new();
        for alias in fields[4].split(" | ") {
            let (quality, name) = alias.split_once(':').unwrap_or(("", alias));
            let name = name.trim();
            if !name.is_empty() && !in_script(name) && !latin.iter().any(|l| l == name) {
                latin.push(name.to_string());
                aliases.push((quality.trim().to_string(), name.to_string()));
            }
        }
        parties.push(Party {
            reference: fields[0].to_string(),
            individual: fields[1] == "I",
            latin,
            aliases,
            script: fields[3].trim().to_string(),
            held_out: held_out(fields[0]),
        });
    }
    parties
}

#[derive(Default, Clone, Copy)]
struct Tally {
    queries: usize,
    found: usize,
    right_hits: usize,
    wrong_hits: usize,
}

impl Tally {
    fn line(&self) -> String {
        let recall = self.found as f64 / self.queries.max(1) as f64;
        let precision = self.right_hits as f64 / (self.right_hits + self.wrong_hits).max(1) as f64;
        format!(
            "{:>5} {:>6.3} {:>6.3} {:>6}",
            self.queries, recall, precision, self.wrong_hits
        )
    }
}

/// The search options of a measure at `threshold`, and the loose ones that show a miss's best candidates.
fn options(threshold: f32) -> (SearchOptions, SearchOptions) {
    let opts = SearchOptions {
        threshold,
        limit: 10,
        ..SearchOptions::default()
    };
    let loose = SearchOptions {
        threshold: 0.0,
        limit: 3,
        ..SearchOptions::default()
    };
    (opts, loose)
}

/// Screens every party's original-script name against `index`; `right(party, entry)` says whether a hit is the
/// party. Prints the tallies by half and by regime (the reference number's letters: `QD` Al-Qaida, `TA`
/// Taliban, ...), and the misses of one half when asked.
fn measure(
    what: &str,
    index: &Index,
    parties: &[&Party],
    right: &dyn Fn(&Party, usize) -> bool,
    threshold: f32,
    misses: Option<bool>,
) {
    let (opts, loose) = options(threshold);
    let mut by: BTreeMap<String, [Tally; 2]> = BTreeMap::new();
    let mut shown = Vec::new();
    for p in parties {
        let hits = index.search(&p.script, &opts);
        let found = hits.iter().any(|h| right(p, h.entry));
        let right_hits = hits.iter().filter(|h| right(p, h.entry)).count();
        let wrong = hits.len() - right_hits;
        let regime: String = p
            .reference
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let kind = if p.individual {
            "individuals"
        } else {
            "entities"
        };
        for group in [
            "all".to_string(),
            format!("kind: {kind}"),
            format!("regime: {}", regime.trim_end_matches(['i', 'e'])),
        ] {
            let t = &mut by.entry(group).or_default()[p.held_out as usize];
            t.queries += 1;
            t.found += found as usize;
            t.right_hits += right_hits;
            t.wrong_hits += wrong;
        }
        if misses == Some(p.held_out) && (!found || wrong > 0) {
            let mut s = format!(
                "{} {} {:?} for {:?}",
                if found { "WRONG" } else { "MISS" },
                p.reference,
                p.script,
                p.latin[0]
            );
            let ents = index.entries();
            for h in index.search(&p.script, &loose) {
                s.push_str(&format!(
                    "\n    {:.3} {:?} ({}): {}",
                    h.score,
                    ents[h.entry].name,
                    if right(p, h.entry) { "right" } else { "other" },
                    h.explanation.describe(h.score)
                ));
            }
            shown.push(s);
        }
    }
    report(
        &format!("{what}, threshold {threshold:.2}"),
        22,
        &by,
        &shown,
    );
}

/// Prints a measure: its title, the tallies by group for both halves in columns of `width`, then the misses
/// asked for.
fn report(title: &str, width: usize, by: &BTreeMap<String, [Tally; 2]>, shown: &[String]) {
    println!("\n{title}");
    println!(
        "{:<width$} {:>5} {:>6} {:>6} {:>6}   {:>5} {:>6} {:>6} {:>6}",
        "", "tune", "recall", "prec", "wrong", "held", "recall", "prec", "wrong"
    );
    for (group, [tuning, held]) in by {
        println!("{group:<width$} {}   {}", tuning.line(), held.line());
    }
    for s in shown {
        println!("{s}");
    }
}

/// The romanised aliases screened against the primary romanised names alone (none of the aliases indexed), by
/// the quality the list gives them and by half: the right party must come back, any other hit counts against
/// precision. `misses`: the spelling variants of that half missed or with wrong-party hits, with their best
/// candidates.
fn aliases(parties: &[Party], threshold: f32, misses: Option<bool>) {
    let index = Index::build(parties.iter().map(|p| p.entry(false)).collect());
    let (opts, loose) = options(threshold);
    let mut by: BTreeMap<String, [Tally; 2]> = BTreeMap::new();
    let mut shown = Vec::new();
    for p in parties {
        for (quality, alias) in &p.aliases {
            let hits = index.search(alias, &opts);
            let right = hits
                .iter()
                .filter(|h| index.entries()[h.entry].id == p.reference)
                .count();
            let kind = common::kind_of(alias, &p.latin[0]);
            if misses == Some(p.held_out)
                && kind != "another name"
                && (right == 0 || right < hits.len())
            {
                let mut s = format!(
                    "{} [{kind}] {:?} for {:?}",
                    if right == 0 { "MISS" } else { "WRONG" },
                    alias,
                    p.latin[0]
                );
                for h in index.search(alias, &loose) {
                    s.push_str(&format!(
                        "\n    {:.3} {:?}: {}",
                        h.score,
                        index.entries()[h.entry].name,
                        h.explanation.describe(h.score)
                    ));
                }
                shown.push(s);
            }
            let quality = if quality.is_empty() {
                "unmarked"
            } else {
                quality
            };
            let party = if p.individual {
                "individuals"
            } else {
                "entities"
            };
            // Classed as alias_eval classes OFAC's aliases, by a plain word comparison.
            let spelling = if kind == "another name" {
                "another name"
            } else {
                "spelling variants"
            };
            for group in [
                "all".to_string(),
                spelling.to_string(),
                format!("{spelling}, quality: {quality}"),
                format!("{spelling}, {party}"),
                format!("kind: {kind}"),
            ] {
                let t = &mut by.entry(group).or_default()[p.held_out as usize];
                t.queries += 1;
                t.found += (right > 0) as usize;
                t.right_hits += right;
                t.wrong_hits += hits.len() - right;
            }
        }
    }
    report(
        &format!(
            "UN list's romanised aliases screened against its primary romanised names only, threshold \
             {threshold:.2}"
        ),
        44,
        &by,
        &shown,
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut set =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/un-arabic-script.tsv");
    let mut threshold = DEFAULT_THRESHOLD;
    let mut misses = None;
    let mut probes = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--set" => {
                set = PathBuf::from(args.next().unwrap_or_else(|| fail("--set FILE".into())))
            }
            "--threshold" => {
                threshold = args
                    .next()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or_else(|| fail("--threshold X (a number)".into()))
            }
            "--misses" => {
                misses = match args.next().as_deref() {
                    Some("tuning") => Some(false),
                    Some("held-out") => Some(true),
                    _ => fail("--misses tuning|held-out".into()),
                }
            }
            "--query" => probes.extend(args.next()),
            other => fail(format!(
                "unknown argument {other:?} (--set FILE, --threshold X, --misses tuning|held-out, \
                 --query TEXT)"
            )),
        }
    }
    let parties = read_set(&set);
    println!(
        "{} parties with a name in the Arabic script ({} individuals), {} in the held-out half",
        parties.len(),
        parties.iter().filter(|p| p.individual).count(),
        parties.iter().filter(|p| p.held_out).count()
    );
    let un = Index::build(parties.iter().map(|p| p.entry(true)).collect());
    if !probes.is_empty() {
        let loose = SearchOptions {
            threshold: 0.0,
            limit: 5,
            ..SearchOptions::default()
        };
        let sdn = common::load_sdn().map(Index::build);
        // The primary names alone, as the aliases are screened.
        let primary = Index::build(
            un.entries()
                .iter()
                .map(|e| Entry {
                    alt_names: Vec::new(),
                    ..e.clone()
                })
                .collect(),
        );
        for q in &probes {
            println!("{q:?}");
            for (label, index) in [
                ("UN", Some(&un)),
                ("UN primary", Some(&primary)),
                ("SDN", sdn.as_ref()),
            ] {
                let Some(index) = index else { continue };
                for h in index.search(q, &loose) {
                    println!(
                        "  {label} {:.3} {:?}: {}",
                        h.score,
                        index.entries()[h.entry].name,
                        h.explanation.describe(h.score)
                    );
                }
            }
        }
        return;
    }
    let all: Vec<&Party> = parties.iter().collect();
    let by_reference: BTreeMap<&str, usize> = un
        .entries()
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    measure(
        "UN list: the romanised names indexed, the original-script names screened",
        &un,
        &all,
        &|p, e| by_reference.get(p.reference.as_str()) == Some(&e),
        threshold,
        misses,
    );
    aliases(&parties, threshold, misses);
    let Some(sdn) = common::load_sdn() else {
        println!(
            "\nSDN list: the OFAC files were not found in {} (set AIGOV_SCREENING_DATA); not measured",
            common::data_dir().display()
        );
        return;
    };
    let sdn = Index::build(sdn);
    // The SDN parties listed under each normalised name, its words in any order (the SDN writes persons'
    // names family name first: `AL-ZAWAHIRI, Ayman` for the UN's `AYMAN AL-ZAWAHIRI`).
    let words = |n: &str| {
        let mut w: Vec<String> = normalize(n).tokens.into_iter().map(|t| t.text).collect();
        w.sort();
        w.join(" ")
    };
    let mut by_key: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, e) in sdn.entries().iter().enumerate() {
        for n in e.names() {
            by_key.entry(words(n)).or_default().insert(i);
        }
    }
    let same: BTreeMap<&str, BTreeSet<usize>> = parties
        .iter()
        .map(|p| {
            let found: BTreeSet<usize> = p
                .latin
                .iter()
                .filter_map(|n| by_key.get(&words(n)))
                .flatten()
                .copied()
                .collect();
            (p.reference.as_str(), found)
        })
        .collect();
    // The original-script name writes the primary name: a party counts when the SDN lists it under that name
    // (an SDN party listed under one of its aliases only, `ABD AL-HADI AL-IRAQI` for NASHWAN ABD AL-RAZZAQ ABD
    // AL-BAQI, is another name, which no reading of the script can find).
    let listed: Vec<&Party> = parties
        .iter()
        .filter(|p| by_key.contains_key(&words(&p.latin[0])))
        .collect();
    println!(
        "\n{} of the {} parties are on the SDN list under their primary romanised name",
        listed.len(),
        parties.len()
    );
    measure(
        "SDN list with its aliases indexed, the original-script names screened",
        &sdn,
        &listed,
        &|p, e| same[p.reference.as_str()].contains(&e),
        threshold,
        misses,
    );
    another_person(&parties, &sdn, threshold);
}

/// Negatives: each person's name with its first given name swapped for another person's (the same swap in the
/// script and in the romanised name: another person, who may share the family but is not the one listed),
/// screened against the SDN list. A hit on any party is counted as a false hit, in the script and in the
/// romanised form alike, so that the two can be compared (a swap can now and then make a relative who is
/// listed too; it does so in both forms).
fn another_person(parties: &[Party], index: &Index, threshold: f32) {
    let (opts, _) = options(threshold);
    let people: Vec<(&Party, Vec<&str>, Vec<&str>)> = parties
        .iter()
        .filter(|p| p.individual)
        .map(|p| {
            (
                p,
                p.script.split_whitespace().collect::<Vec<_>>(),
                p.latin[0].split_whitespace().collect::<Vec<_>>(),
            )
        })
        .filter(|(_, s, l)| s.len() >= 3 && l.len() >= 3)
        .collect();
    let n = people.len();
    let (mut queries, mut script_hits, mut latin_hits) = (0, 0, 0);
    for (i, (_, script, latin)) in people.iter().enumerate() {
        // Another person's first given name, some way down the list, different in both forms.
        let Some((_, other_script, other_latin)) = (1..n)
            .map(|k| &people[(i + k * 37) % n])
            .find(|(_, s, l)| s[0] != script[0] && !l[0].eq_ignore_ascii_case(latin[0]))
        else {
            continue;
        };
        let swap = |first: &str, rest: &[&str]| {
            std::iter::once(first)
                .chain(rest.iter().copied())
                .collect::<Vec<_>>()
                .join(" ")
        };
        queries += 1;
        script_hits += !index
            .search(&swap(other_script[0], &script[1..]), &opts)
            .is_empty() as usize;
        let q = swap(other_latin[0], &latin[1..]);
        let hits = index.search(&q, &opts);
        if std::env::var_os("SHOW_SWAPS").is_some() {
            for h in &hits {
                println!(
                    "SWAP {q:?} hit {:?} {:.3}: {}",
                    index.entries()[h.entry].name,
                    h.score,
                    h.explanation.describe(h.score)
                );
            }
        }
        latin_hits += !hits.is_empty() as usize;
    }
    println!(
        "\nanother person (a given name swapped), against the SDN list, threshold {threshold:.2}: {queries} \
         queries; with a hit: in the script {script_hits} ({:.3}), romanised {latin_hits} ({:.3})",
        script_hits as f64 / queries.max(1) as f64,
        latin_hits as f64 / queries.max(1) as f64
    );
}
