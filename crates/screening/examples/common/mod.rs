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
