//! Reading manifests and writing files; checking what the command line names (jurisdictions) and the
//! `--fail-on` gate.

use crate::error::{CliError, ManifestReport, Snippet};
use aigov_core::manifest::{self, Format};
use aigov_core::model::Corpus;
use aigov_core::vocabulary::Vocabulary;
use aigov_core::{Assessment, Engine, Status};
use std::io::Read;
use std::path::Path;

/// The environment variable that sets the size limit of a manifest, and of one line of a batch, in MiB.
pub const LIMIT_ENV: &str = "AIGOV_MAX_INPUT_MB";

/// The default size limit of a manifest and of one batch line, in MiB: far above any real manifest, far below
/// what would exhaust memory.
pub const DEFAULT_LIMIT_MB: u64 = 16;

/// The size limit of a manifest and of one batch line, in MiB ([`LIMIT_ENV`], or [`DEFAULT_LIMIT_MB`]).
pub fn limit_mb() -> Result<u64, CliError> {
    match std::env::var(LIMIT_ENV) {
        Err(_) => Ok(DEFAULT_LIMIT_MB),
        Ok(v) => v
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|&n| n > 0 && n <= 1 << 20)
            .ok_or_else(|| CliError::Usage {
                message: format!("{LIMIT_ENV}={v} is not a size in MiB"),
                help: format!("set {LIMIT_ENV} to a whole number of MiB, e.g. {LIMIT_ENV}=256"),
            }),
    }
}

/// Reads a whole input (a file, or stdin for `-`) within the size limit, as UTF-8 text without a byte-order mark.
pub fn read_text(path: &str) -> Result<String, CliError> {
    let limit_mb = limit_mb()?;
    let limit = limit_mb << 20;
    let name = display_name(path);
    let too_large = || CliError::TooLarge {
        what: name.clone(),
        limit_mb,
    };
    let read_err = |e| CliError::Read {
        path: name.clone(),
        source: e,
    };
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    } else {
        let file = std::fs::File::open(path).map_err(read_err)?;
        if file
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() > limit)
        {
            return Err(too_large());
        }
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    decode(&name, bytes)
}

/// `<stdin>` for `-`, else the path.
fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".into()
    } else {
        path.to_string()
    }
}

/// UTF-8 bytes as text, without a byte-order mark; anything else is an error giving the byte offset, line and
/// column of the first bad byte (UTF-16 is recognised by its byte-order mark and named).
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, CliError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(CliError::Usage {
            message: format!("{name}: the file is UTF-16 text; aigov reads UTF-8"),
            help: "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)".into(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let (line, col) = manifest::line_col(valid, offset);
            Err(CliError::Encoding {
                path: name.to_string(),
                offset,
                byte: bytes[offset],
                line,
                col,
            })
        }
    }
}

/// A manifest for `aigov interview`: one subject's facts, or linked subjects with the tree the interview records
/// its answers in.
pub enum ForInterview {
    /// One subject.
    Single(manifest::Facts),
    /// Linked subjects (`subjects:`): the manifest's tree and its subjects, bound.
    Linked(serde_json::Value, Vec<manifest::Linked>),
}

/// Reads a manifest of either form for `aigov interview` (its errors with a snippet of the source).
pub fn read_for_interview(path: &str, vocabulary: &Vocabulary) -> Result<ForInterview, CliError> {
    let format = if path == "-" {
        None
    } else {
        Some(Format::from_path(path).ok_or_else(|| CliError::Usage {
            message: format!("{path}: cannot tell the manifest format from the extension"),
            help: "name the file .yaml, .yml, .json or .toml, or pipe it to `-`".into(),
        })?)
    };
    let text = read_text(path)?;
    let format = format.unwrap_or_else(|| sniff(&text));
    match manifest::parse_any(&text, format, vocabulary) {
        Ok(manifest::Manifest::Single(facts)) => Ok(ForInterview::Single(facts)),
        Ok(manifest::Manifest::Linked(subjects)) => {
            let tree = manifest::parse_tree(&text, format)
                .map_err(|e| manifest_error(path, &text, e.clipped()))?;
            Ok(ForInterview::Linked(tree, subjects))
        }
        Err(e) => Err(manifest_error(path, &text, e)),
    }
}

/// Reads a manifest of either form (one subject, or linked subjects under `subjects:`) from a path.
pub fn read_any(path: &str, vocabulary: &Vocabulary) -> Result<manifest::Manifest, CliError> {
    let format = if path == "-" {
        None
    } else {
        Some(Format::from_path(path).ok_or_else(|| CliError::Usage {
            message: format!("{path}: cannot tell the manifest format from the extension"),
            help: "name the file .yaml, .yml, .json or .toml, or pipe it to `-`".into(),
        })?)
    };
    let text = read_text(path)?;
    let format = format.unwrap_or_else(|| sniff(&text));
    manifest::parse_any(&text, format, vocabulary).map_err(|e| manifest_error(path, &text, e))
}

/// A manifest error with a snippet of the source around its place (a window, however long the line).
pub fn manifest_error(path: &str, text: &str, e: manifest::ManifestError) -> CliError {
    let name = display_name(path);
    let at = e.line_col.map(|(l, c)| offset_of(text, l, c));
    let place = match (&e.line_col, e.path.is_empty()) {
        (Some((l, c)), true) => format!("{name}:{l}:{c}"),
        (Some((l, c)), false) => format!("{name}:{l}:{c}: `{}`", e.path),
        (None, false) => format!("{name}: `{}`", e.path),
        (None, true) => name.clone(),
    };
    CliError::Manifest(Box::new(ManifestReport {
        path: place,
        message: e.message,
        src: Snippet::around(&name, text, at.unwrap_or(0)),
        span: at.map(|a| (a, 0).into()),
        help: e.hint,
    }))
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    text[start..end]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(end, |(i, _)| start + i)
}

/// Checks `--jurisdiction` values against the corpus (see [`aigov_app::jurisdictions::check`]).
pub fn check_jurisdictions(corpus: &Corpus, given: &[String]) -> Result<(), CliError> {
    Ok(aigov_app::jurisdictions::check(corpus, given)?)
}

/// The `--fail-on TIER` gate: fails when a classification at the tier or above is in effect or upcoming, and,
/// unless `undetermined_fails` is false, when one is undetermined (a missing fact must not turn a gate green).
/// Says on stderr why an undetermined classification failed (or passed) the gate.
pub fn fail_on_gate(
    engine: &Engine,
    a: &Assessment<'_>,
    tier: &str,
    undetermined_fails: bool,
) -> bool {
    let vocabulary = &engine.corpus.vocabulary;
    let Some(rank) = vocabulary.tier(tier).map(|t| t.rank) else {
        return false;
    };
    let at_least = |t: &str| vocabulary.tier(t).is_some_and(|d| d.rank >= rank);
    let matched = a
        .classifications
        .iter()
        .any(|c| matches!(c.status, Status::InEffect | Status::Upcoming) && at_least(c.tier));
    if matched {
        return true;
    }
    let open: Vec<_> = a
        .findings
        .iter()
        .filter(|f| {
            f.status == Status::Undetermined
                && f.tier.is_some_and(at_least)
                && f.timing
                    .is_none_or(|t| matches!(t, Status::InEffect | Status::Upcoming))
        })
        .collect();
    if open.is_empty() {
        return false;
    }
    let verdict = if undetermined_fails {
        "fails"
    } else {
        "passes, as --undetermined pass asks"
    };
    const SHOWN: usize = 5;
    let rules: Vec<String> = open
        .iter()
        .take(SHOWN)
        .map(|f| format!("{} ({})", f.rule, f.tier.unwrap_or("")))
        .collect();
    let more = open.len().saturating_sub(SHOWN);
    eprintln!(
        "--fail-on {tier}: the gate {verdict}: {} classification(s) at `{tier}` or above are undetermined \
         (facts missing): {}{}",
        open.len(),
        rules.join(", "),
        if more > 0 { format!(" and {more} more") } else { String::new() }
    );
    let mut facts: Vec<&str> = Vec::new();
    for f in &open {
        for q in &f.open_facts {
            if !facts.contains(q) {
                facts.push(q);
            }
        }
    }
    if !facts.is_empty() {
        eprintln!("  facts that would settle them: {}", facts.join(", "));
    }
    if undetermined_fails {
        eprintln!(
            "  give these facts in the manifest (`aigov interview --from FILE` asks for them), or pass \
             `--undetermined pass` to let undetermined classifications pass"
        );
    }
    undetermined_fails
}

/// Tells the format of a manifest read from stdin: JSON starts with `{`; TOML's first line is `key = ...` or a
/// `[table]`; anything else is YAML.
fn sniff(text: &str) -> Format {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let table = first.starts_with('[') && first.ends_with(']') && !first.contains([',', ' ', '"']);
    let key_value = first.split_once('=').is_some_and(|(k, _)| {
        let k = k.trim();
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    });
    if first.starts_with('{') {
        Format::Json
    } else if table || key_value {
        Format::Toml
    } else {
        Format::Yaml
    }
}

/// Writes a file, reporting the path on failure.
pub fn write_file(path: &Path, contents: &str) -> Result<(), CliError> {
    std::fs::write(path, contents).map_err(|e| CliError::Write {
        path: path.display().to_string(),
        source: e,
    })
}

/// Writes a new file; an existing file is never overwritten (a template must not replace a filled-in manifest).
pub fn create_new_file(path: &Path, contents: &str) -> Result<(), CliError> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                CliError::Usage {
                    message: format!("{} exists already", path.display()),
                    help: "choose another file name, or delete the file first".into(),
                }
            } else {
                CliError::Write {
                    path: path.display().to_string(),
                    source: e,
                }
            }
        })?;
    file.write_all(contents.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| CliError::Write {
            path: path.display().to_string(),
            source: e,
        })
}
