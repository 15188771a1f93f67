//! `aigov assess --batch`: many subjects from a JSONL inventory, assessed in parallel, one JSON line out per
//! line in, in input order, with memory bounded by the chunk size (streaming).

use crate::error::CliError;
use aigov_core::assess::Options;
use aigov_core::manifest;
use aigov_core::{Date, Engine};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Lines assessed per parallel chunk: large enough to keep both cores busy, small enough to keep memory flat.
const CHUNK: usize = 8192;

fn assess_line(
    engine: &Engine,
    line: &str,
    number: usize,
    options: &Options,
    full: bool,
) -> (String, bool) {
    let fail = |message: String, hint: Option<String>| {
        let v = serde_json::json!({"line": number, "error": message, "hint": hint});
        // `json!` sorts keys; a summary line starts with `line` too, so every output line leads with it.
        (v.to_string(), false)
    };
    let tree: serde_json::Value = match serde_json::from_str(line) {
        Ok(t) => t,
        Err(e) => return fail(format!("invalid JSON at column {}: {e}", e.column()), None),
    };
    let facts = match manifest::bind(&tree, &engine.corpus.vocabulary) {
        Ok(f) => f,
        Err(e) => return fail(format!("`{}`: {}", e.path, e.message), e.hint),
    };
    #[derive(serde::Serialize)]
    struct Line<T> {
        line: usize,
        #[serde(flatten)]
        body: T,
    }
    let text = if full {
        serde_json::to_string(&Line {
            line: number,
            body: engine.assess(&facts, options),
        })
    } else {
        serde_json::to_string(&Line {
            line: number,
            body: engine.summary(&facts, options),
        })
    }
    .expect("assessments serialize");
    (text, true)
}

/// Runs a batch.
pub fn run(
    engine: &Engine,
    input: &Path,
    output: Option<&Path>,
    as_of: Date,
    jurisdictions: &[String],
    full: bool,
) -> Result<ExitCode, CliError> {
    let file = std::fs::File::open(input).map_err(|e| CliError::Read {
        path: input.display().to_string(),
        source: e,
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let sink: Box<dyn Write> = match output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| CliError::Write {
            path: p.display().to_string(),
            source: e,
        })?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(size);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({per_sec}) {msg}",
            )
            .expect("a valid template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut options = Options::as_of(as_of);
    options.jurisdictions = jurisdictions.to_vec();
    options.traces = false;
    let (mut number, mut subjects, mut errors) = (0usize, 0usize, 0usize);
    let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
    let mut done = false;
    while !done {
        chunk.clear();
        while chunk.len() < CHUNK {
            let mut line = String::new();
            let n = reader.read_line(&mut line).map_err(|e| CliError::Read {
                path: input.display().to_string(),
                source: e,
            })?;
            if n == 0 {
                done = true;
                break;
            }
            number += 1;
            progress.inc(n as u64);
            if !line.trim().is_empty() {
                chunk.push((number, line));
            }
        }
        let results: Vec<(String, bool)> = chunk
            .par_iter()
            .map(|(n, line)| assess_line(engine, line, *n, &options, full))
            .collect();
        for (text, ok) in results {
            subjects += 1;
            if !ok {
                errors += 1;
            }
            writeln!(out, "{text}").map_err(|e| CliError::Write {
                path: output
                    .map(|p| p.display().to_string())
                    .unwrap_or("<stdout>".into()),
                source: e,
            })?;
        }
    }
    out.flush().map_err(|e| CliError::Write {
        path: "<output>".into(),
        source: e,
    })?;
    progress.finish_and_clear();
    eprintln!("assessed {subjects} subject(s) as of {as_of}; {errors} line(s) had errors");
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
