//! Reading manifests and writing files.

use crate::error::{CliError, ManifestReport};
use aigov_core::manifest::{self, Facts, Format};
use aigov_core::vocabulary::Vocabulary;
use miette::{NamedSource, SourceOffset};
use std::io::Read;
use std::path::Path;

/// Reads and binds a manifest from a path (`-` for stdin). The format follows the extension; on stdin it is
/// recognised from the text (JSON, TOML or YAML).
pub fn read_manifest(path: &str, vocabulary: &Vocabulary) -> Result<Facts, CliError> {
    let (text, format) = if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| CliError::Read {
                path: "<stdin>".into(),
                source: e,
            })?;
        let format = sniff(&s);
        (s, format)
    } else {
        let format = Format::from_path(path).ok_or_else(|| CliError::Usage {
            message: format!("{path}: cannot tell the manifest format from the extension"),
            help: "name the file .yaml, .yml, .json or .toml, or pipe it to `-`".into(),
        })?;
        let text = std::fs::read_to_string(path).map_err(|e| CliError::Read {
            path: path.to_string(),
            source: e,
        })?;
        (text, format)
    };
    manifest::parse(&text, format, vocabulary).map_err(|e| {
        let span = e
            .line_col
            .map(|(l, c)| SourceOffset::from_location(&text, l, c.max(1)).into());
        let name = if path == "-" {
            "<stdin>".to_string()
        } else {
            path.to_string()
        };
        let place = match (&e.line_col, e.path.is_empty()) {
            (Some((l, c)), true) => format!("{name}:{l}:{c}"),
            (Some((l, c)), false) => format!("{name}:{l}:{c}: `{}`", e.path),
            (None, false) => format!("{name}: `{}`", e.path),
            (None, true) => name.clone(),
        };
        CliError::Manifest(Box::new(ManifestReport {
            path: place,
            message: e.message,
            src: NamedSource::new(name, text.clone()),
            span,
            help: e.hint,
        }))
    })
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
