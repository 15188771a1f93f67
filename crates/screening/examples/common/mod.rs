//! Shared by the examples: loading the real list files from `../shared/data/screening`, and the process's
//! resident memory. Each example uses part of it.
#![allow(dead_code)]

use aigov_screening::{merge_ofac, parse, Entry, Format, Records};
use std::path::{Path, PathBuf};

/// The folder with the real list files: `$AIGOV_SCREENING_DATA`, else `../shared/data/screening` next to the
/// repository.
pub fn data_dir() -> PathBuf {
    std::env::var_os("AIGOV_SCREENING_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/screening")
        })
}

/// The records of one list file of `dir`, or `None` when it is missing (a parse error is printed).
pub fn read_in(dir: &Path, file: &str, format: Format) -> Option<Records> {
    let path = dir.join(file);
    let bytes = std::fs::read(&path).ok()?;
    match parse(format, &bytes) {
        Ok(p) => Some(p.records),
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            None
        }
    }
}

fn read(format: Format, file: &str) -> Option<Records> {
    read_in(&data_dir(), file, format)
}

/// The process's resident memory (`VmRSS`, KiB), where /proc tells it.
pub fn rss_kib() -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The full SDN list (primary records with aliases and addresses), or `None` when the files are missing.
pub fn load_sdn() -> Option<Vec<Entry>> {
    let Some(Records::Entries(sdn)) = read(Format::OfacSdn, "ofac-sdn.csv") else {
        return None;
    };
    let alt = match read(Format::OfacAlt, "ofac-alt.csv") {
        Some(Records::Alt(a)) => a,
        _ => Vec::new(),
    };
    let add = match read(Format::OfacAdd, "ofac-add.csv") {
        Some(Records::Add(a)) => a,
        _ => Vec::new(),
    };
    Some(merge_ofac(sdn, &alt, &add))
}

/// The CSL samples.
pub fn load_csl() -> Vec<Entry> {
    let mut out = Vec::new();
    for f in ["csl-sample.csv", "csl-consolidated-sample.csv"] {
        if let Some(Records::Entries(e)) = read(Format::CslCsv, f) {
            out.extend(e);
        }
    }
    out
}

/// Says where the files were expected and exits successfully.
pub fn missing() -> ! {
    println!(
        "the real list files were not found in {} (set AIGOV_SCREENING_DATA to the folder with ofac-sdn.csv, \
         ofac-alt.csv, ofac-add.csv and the CSL samples); nothing measured",
        data_dir().display()
    );
    std::process::exit(0)
}

/// Plain words: ASCII-folded, lowercase, letters and digits only; a few particles and legal forms left out.
pub fn plain_words(s: &str) -> Vec<String> {
    let folded = deunicode::deunicode(s).to_ascii_lowercase();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .map(|w| w.replace('\'', ""))
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "the"
                        | "of"
                        | "and"
                        | "al"
                        | "el"
                        | "de"
                        | "co"
                        | "ltd"
                        | "limited"
                        | "llc"
                        | "inc"
                        | "company"
                        | "corp"
                        | "corporation"
                        | "sa"
                        | "jsc"
                        | "ooo"
                        | "bin"
                        | "ibn"
                )
        })
        .collect()
}

/// How an alias differs from its primary name, told by plain word comparison (independent of the matcher).
pub fn kind_of(alias: &str, primary: &str) -> &'static str {
    let a = plain_words(alias);
    let p = plain_words(primary);
    if a.is_empty() || p.is_empty() {
        return "another name";
    }
    let mut sa = a.clone();
    let mut sp = p.clone();
    sa.sort();
    sp.sort();
    if a == p {
        return "punctuation or legal form";
    }
    if sa == sp {
        return "word order";
    }
    if a.concat() == p.concat() {
        return "joined or split words";
    }
    let initials: String = p.iter().filter_map(|w| w.chars().next()).collect();
    if a.len() == 1 && a[0].len() >= 2 && (a[0] == initials || initials.starts_with(&a[0])) {
        return "acronym";
    }
    let exact = |w: &String, other: &[String]| other.contains(w);
    let similar = |w: &String, other: &[String]| {
        other
            .iter()
            .any(|o| strsim::jaro_winkler(w, o) >= 0.8 || o.contains(w.as_str()) && w.len() >= 4)
    };
    let a_exact = a.iter().filter(|w| exact(w, &p)).count();
    let p_exact = p.iter().filter(|w| exact(w, &a)).count();
    if a_exact == a.len() {
        return "words omitted";
    }
    if p_exact == p.len() {
        return "words added";
    }
    let a_sim = a.iter().filter(|w| similar(w, &p)).count();
    let p_sim = p.iter().filter(|w| similar(w, &a)).count();
    if a_sim == a.len() && p_sim == p.len() {
        return "spelling (transliteration)";
    }
    if a_sim == a.len() || p_sim == p.len() {
        return "spelling and words added or omitted";
    }
    // Words on both sides that resemble none on the other: some replaced (`IMAM KHOMEINI SUPPORT COMMITTEE`
    // for IMAM KHOMEINI RELIEF COMMITTEE), which is partly another name. Told apart from the kind above so that
    // each figure says what it measures; both are spelling variants in the totals.
    if 2 * a_sim > a.len() + 1 {
        return "spelling and words replaced";
    }
    "another name"
}
