//! `aigov assess --batch`: many subjects from a JSONL inventory, assessed in parallel, one JSON line out per
//! line in, in input order, with memory bounded by the chunk size (streaming).

use crate::error::CliError;
use aigov_core::assess::Options;
use aigov_core::manifest;
use aigov_core::{Date, Engine};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// Lines assessed per parallel chunk: large enough to keep both cores busy, small enough to keep memory flat.
const CHUNK: usize = 8192;

/// A line that cannot be assessed: why, and how to fix it.
type LineError = (String, Option<String>);

/// One input line: its number and its text, or why it could not be read (not UTF-8, too long).
type InputLine = (usize, Result<String, LineError>);

/// The output line of a bad input line: `{"error", "hint", "line"}`.
fn error_line(number: usize, message: &str, hint: Option<&str>) -> (String, bool) {
    let v = serde_json::json!({"line": number, "error": message, "hint": hint});
    // `json!` sorts keys; a summary line starts with `line` too, so every output line leads with it.
    (v.to_string(), false)
}

/// Decodes one input line: UTF-8 (the first line may start with a byte-order mark), or an error naming the
/// column and byte of the first bad byte.
fn decode_line(number: usize, bytes: Vec<u8>) -> Result<String, LineError> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if number == 1 && text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let col = std::str::from_utf8(&bytes[..at]).map_or(at, |s| s.chars().count()) + 1;
            Err((
                format!(
                    "not UTF-8 text: byte 0x{:02X} at column {col} (byte {} of the line) is not valid UTF-8",
                    bytes[at],
                    at + 1
                ),
                Some("save the file as UTF-8".into()),
            ))
        }
    }
}

fn assess_line(
    engine: &Engine,
    line: &str,
    number: usize,
    options: &Options,
    plan: &aigov_core::assess::DatePlan,
    full: bool,
) -> (String, bool) {
    let fail =
        |message: String, hint: Option<String>| error_line(number, &message, hint.as_deref());
    // One pass from JSON text to facts; errors (from the general path) name the place in the manifest.
    let facts = match manifest::parse_json_fast(line, &engine.corpus.vocabulary) {
        Ok(f) => f,
        // A line of linked subjects (`subjects:`) is no single subject: read it on the general path.
        Err(_) if line.contains("\"subjects\"") => {
            match manifest::parse_any(line, manifest::Format::Json, &engine.corpus.vocabulary) {
                Ok(manifest::Manifest::Linked(subjects)) => {
                    return (
                        linked_line(engine, &subjects, number, options, plan, full),
                        true,
                    )
                }
                Ok(manifest::Manifest::Single(_)) => {
                    return fail(
                        "the line binds on the general path but not on the fast one".into(),
                        Some("report this line: the two readers disagree".into()),
                    )
                }
                Err(e) if e.path.is_empty() => {
                    let col = e.line_col.map(|(_, c)| c).unwrap_or(1);
                    return fail(format!("{} (column {col})", e.message), e.hint);
                }
                Err(e) => return fail(format!("`{}`: {}", e.path, e.message), e.hint),
            }
        }
        Err(e) if e.path.is_empty() => {
            let col = e.line_col.map(|(_, c)| c).unwrap_or(1);
            return fail(format!("{} (column {col})", e.message), e.hint);
        }
        Err(e) => return fail(format!("`{}`: {}", e.path, e.message), e.hint),
    };
    #[derive(serde::Serialize)]
    struct Line<T> {
        line: usize,
        #[serde(flatten)]
        body: T,
    }
    if !full {
        return (
            summary_line(
                number,
                &engine.summary_planned(&facts, options, plan),
                engine.plain_labels(),
            ),
            true,
        );
    }
    let text = serde_json::to_string(&Line {
        line: number,
        body: engine.assess(&facts, options),
    })
    .expect("assessments serialize");
    (text, true)
}

/// The output line of a manifest of linked subjects: `{"line", "as_of", "prohibited" (any subject), "subjects":
/// [...]}`, each entry the subject's summary (or, with `--full`, its whole assessment, each finding and
/// classification carrying `subject_id`) with its `id` and `built_on`.
fn linked_line(
    engine: &Engine,
    subjects: &[manifest::Linked],
    number: usize,
    options: &Options,
    plan: &aigov_core::assess::DatePlan,
    full: bool,
) -> String {
    #[derive(serde::Serialize)]
    struct Entry<'a, T> {
        id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        built_on: Option<&'a str>,
        #[serde(flatten)]
        body: T,
    }
    // Each entry leads with its id; with `--full` the assessment's findings also carry `subject_id`.
    let entry = |s: &manifest::Linked| -> (bool, String) {
        let (prohibited, text) = if full {
            let a = engine.assess(&s.facts, options);
            let mut v = serde_json::to_value(&a).unwrap_or(serde_json::Value::Null);
            for list in ["findings", "classifications"] {
                if let Some(serde_json::Value::Array(items)) = v.get_mut(list) {
                    for item in items {
                        if let serde_json::Value::Object(f) = item {
                            f.insert("subject_id".into(), s.id.clone().into());
                        }
                    }
                }
            }
            let text = serde_json::to_string(&Entry {
                id: &s.id,
                built_on: s.built_on.as_deref(),
                body: v,
            });
            (a.prohibited, text)
        } else {
            let summary = engine.summary_planned(&s.facts, options, plan);
            let text = serde_json::to_string(&Entry {
                id: &s.id,
                built_on: s.built_on.as_deref(),
                body: &summary,
            });
            (summary.prohibited, text)
        };
        (prohibited, text.unwrap_or_else(|_| "null".into()))
    };
    let entries: Vec<(bool, String)> = subjects.iter().map(entry).collect();
    let texts: Vec<&str> = entries.iter().map(|(_, t)| t.as_str()).collect();
    format!(
        "{{\"line\":{number},\"as_of\":\"{}\",\"prohibited\":{},\"subjects\":[{}]}}",
        options.as_of,
        entries.iter().any(|(p, _)| *p),
        texts.join(",")
    )
}

/// One summary line, written by hand: the same JSON as serde gives `{"line", ...Summary}` (a test checks it), but
/// without serde's flattening and per-byte escaping of rule ids, which dominated the batch's output cost.
fn summary_line(number: usize, s: &aigov_core::assess::Summary, plain_labels: bool) -> String {
    use std::fmt::Write as _;
    fn string(out: &mut String, v: &str) {
        // Corpus ids and labels need no escaping; anything else (a subject's name) goes through serde.
        if v.bytes()
            .all(|b| b >= 0x20 && b != b'"' && b != b'\\' && b < 0x7f)
        {
            out.push('"');
            out.push_str(v);
            out.push('"');
        } else {
            out.push_str(&serde_json::to_string(v).expect("a string serializes"));
        }
    }
    /// A list of strings; `plain` ones (rule ids, which the corpus loader keeps to lower snake case with dots,
    /// and labels the engine has checked) are written as they are.
    fn list(out: &mut String, key: &str, items: &[&str], plain: bool) {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if plain {
                out.push('"');
                out.push_str(item);
                out.push('"');
            } else {
                string(out, item);
            }
        }
        out.push(']');
    }
    // Sized once: the ids dominate the line.
    let ids: usize = [
        &s.in_effect,
        &s.upcoming,
        &s.undetermined,
        &s.suspended,
        &s.classifications,
    ]
    .iter()
    .flat_map(|l| l.iter())
    .map(|id| id.len() + 3)
    .sum();
    let mut out = String::with_capacity(ids + 160 + s.name.map_or(0, str::len));
    let _ = write!(
        out,
        "{{\"line\":{number},\"as_of\":\"{}\",\"subject\":",
        s.as_of
    );
    string(&mut out, s.subject);
    if let Some(name) = s.name {
        out.push_str(",\"name\":");
        string(&mut out, name);
    }
    list(
        &mut out,
        "classifications",
        &s.classifications,
        plain_labels,
    );
    let _ = write!(out, ",\"prohibited\":{}", s.prohibited);
    list(&mut out, "in_effect", &s.in_effect, true);
    list(&mut out, "upcoming", &s.upcoming, true);
    list(&mut out, "undetermined", &s.undetermined, true);
    if !s.suspended.is_empty() {
        list(&mut out, "suspended", &s.suspended, true);
    }
    out.push('}');
    out
}

/// Reads one line (with its `\n`) into `line`, keeping at most `limit` bytes: returns the bytes consumed and
/// whether the line was complete; the rest of a longer line is skipped, not stored.
fn read_line<R: BufRead>(
    reader: &mut R,
    line: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<(usize, bool)> {
    let n = reader.by_ref().take(limit + 1).read_until(b'\n', line)?;
    if (n as u64) <= limit || line.last() == Some(&b'\n') {
        return Ok((n, true));
    }
    line.clear();
    let mut skipped = n;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                skipped += i + 1;
                break;
            }
            None => {
                let len = available.len();
                reader.consume(len);
                skipped += len;
            }
        }
    }
    Ok((skipped, false))
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
    let out_file = match output {
        Some(p) => Some(std::fs::File::create(p).map_err(|e| CliError::Write {
            path: p.display().to_string(),
            source: e,
        })?),
        None => None,
    };
    let out_name = output
        .map(|p| p.display().to_string())
        .unwrap_or("<stdout>".into());
    let in_name = input.display().to_string();
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(size);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({binary_bytes_per_sec}, {eta} left) {msg}",
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
    // Each rule's timing depends only on the date: work it out once for every line.
    let plan = engine.plan(as_of);
    // A pipeline: one thread reads chunks, the rayon pool assesses them, one thread writes them, so reading and
    // writing overlap with assessment. Bounded channels keep memory flat whatever the input size.
    let limit_mb = crate::input::limit_mb()?;
    let limit = limit_mb << 20;
    let (chunks_tx, chunks_rx) =
        std::sync::mpsc::sync_channel::<std::io::Result<Vec<InputLine>>>(2);
    let (results_tx, results_rx) = std::sync::mpsc::sync_channel::<Vec<(usize, String, bool)>>(2);
    let (subjects, errors) = std::thread::scope(|scope| -> Result<(usize, usize), CliError> {
        let progress_reader = progress.clone();
        scope.spawn(move || {
            let mut reader = BufReader::with_capacity(1 << 20, file);
            let mut number = 0usize;
            loop {
                let mut chunk = Vec::with_capacity(CHUNK);
                let mut done = false;
                // Progress is reported once per chunk: a bar update per line costs more than reading the line.
                let mut bytes = 0u64;
                while chunk.len() < CHUNK {
                    // Lines are read as bytes, so that one line that is not UTF-8 is reported, not fatal.
                    let mut line = Vec::new();
                    match read_line(&mut reader, &mut line, limit) {
                        Ok((0, _)) => {
                            done = true;
                            break;
                        }
                        Ok((n, complete)) => {
                            number += 1;
                            bytes += n as u64;
                            if !complete {
                                chunk.push((
                                    number,
                                    Err((
                                        format!(
                                            "the line is longer than the limit of {limit_mb} MiB"
                                        ),
                                        Some(format!(
                                            "set {} to a larger number of MiB to raise the limit",
                                            crate::input::LIMIT_ENV
                                        )),
                                    )),
                                ));
                            } else if !line.iter().all(u8::is_ascii_whitespace) {
                                chunk.push((number, decode_line(number, line)));
                            }
                        }
                        Err(e) => {
                            let _ = chunks_tx.send(Err(e));
                            return;
                        }
                    }
                }
                progress_reader.inc(bytes);
                if chunks_tx.send(Ok(chunk)).is_err() || done {
                    return;
                }
            }
        });
        let writer = scope.spawn(move || -> std::io::Result<(usize, usize)> {
            let stdout = std::io::stdout();
            let sink: Box<dyn Write> = match out_file {
                Some(f) => Box::new(f),
                None => Box::new(stdout.lock()),
            };
            let mut out = BufWriter::with_capacity(1 << 20, sink);
            let (mut subjects, mut errors) = (0usize, 0usize);
            let mut bad: Vec<usize> = Vec::new();
            for results in results_rx {
                for (number, text, ok) in results {
                    subjects += 1;
                    if !ok {
                        errors += 1;
                        if bad.len() < 10 {
                            bad.push(number);
                        }
                    }
                    out.write_all(text.as_bytes())?;
                    out.write_all(b"\n")?;
                }
            }
            out.flush()?;
            if !bad.is_empty() {
                let list: Vec<String> = bad.iter().map(usize::to_string).collect();
                eprintln!(
                    "bad line(s): {}{}",
                    list.join(", "),
                    if errors > bad.len() { ", ..." } else { "" }
                );
            }
            Ok((subjects, errors))
        });
        for chunk in chunks_rx {
            let chunk = chunk.map_err(|e| CliError::Read {
                path: in_name.clone(),
                source: e,
            })?;
            let results: Vec<(usize, String, bool)> = chunk
                .par_iter()
                .map(|(n, line)| {
                    let (text, ok) = match line {
                        Ok(line) => assess_line(engine, line, *n, &options, &plan, full),
                        Err((message, hint)) => error_line(*n, message, hint.as_deref()),
                    };
                    (*n, text, ok)
                })
                .collect();
            if results_tx.send(results).is_err() {
                break; // the writer failed; its error is reported below
            }
        }
        drop(results_tx);
        writer
            .join()
            .expect("the writer thread does not panic")
            .map_err(|e| CliError::Write {
                path: out_name.clone(),
                source: e,
            })
    })?;
    progress.finish_and_clear();
    eprintln!("assessed {subjects} subject(s) as of {as_of}; {errors} line(s) had errors");
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Line<T> {
        line: usize,
        #[serde(flatten)]
        body: T,
    }

    /// The hand-written summary line is byte for byte what serde writes, on every example of the corpus and for
    /// names that need escaping.
    #[test]
    fn summary_lines_match_serde() {
        let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("corpus");
        let engine = Engine::new(loaded.corpus);
        let mut checked = 0;
        for (n, ex) in loaded.examples.iter().enumerate() {
            let mut o = Options::as_of(ex.as_of);
            o.traces = false;
            let plan = engine.plan(ex.as_of);
            for name in [None, Some("Quote \" and \\ and é and \u{1}")] {
                let mut facts = ex.facts.clone();
                if let Some(name) = name {
                    facts.name = Some(name.to_string());
                }
                let s = engine.summary_planned(&facts, &o, &plan);
                let expected = serde_json::to_string(&Line {
                    line: n + 1,
                    body: &s,
                })
                .expect("json");
                assert!(engine.plain_labels());
                assert_eq!(
                    summary_line(n + 1, &s, engine.plain_labels()),
                    expected,
                    "{}",
                    ex.name
                );
                // The escaping path gives the same bytes.
                assert_eq!(summary_line(n + 1, &s, false), expected, "{}", ex.name);
                checked += 1;
            }
        }
        assert!(checked > 800);
    }
}
