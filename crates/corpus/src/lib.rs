//! # aigov-corpus
//!
//! The law as data: the YAML corpus (one file per instrument), its loader and strict validator, the runner of
//! its examples, and the copy of the repository's `corpus/` folder embedded at build time.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod controls;
pub mod examples;
pub mod load;
#[allow(missing_docs)]
pub mod raw;
pub mod reviews;
pub mod translations;

pub use load::{load, load_parsed, parse_file, Diagnostic, Example, Loaded, ParsedFile, Source};
pub use translations::{DerivationText, Texts, Translations};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The corpus files embedded in this build.
pub fn embedded_sources() -> Vec<Source> {
    embedded::FILES
        .iter()
        .map(|(path, text)| Source {
            path: path.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// The control files embedded in this build (the repository's `controls/` folder), with paths `controls/...`.
pub fn embedded_controls() -> Vec<Source> {
    embedded::CONTROL_FILES
        .iter()
        .map(|(path, text)| Source {
            path: format!("controls/{path}"),
            text: text.to_string(),
        })
        .collect()
}

/// Reads a user's control files: every YAML file under `DIR/controls/` (none if the folder does not exist), with
/// paths `controls/...` relative to `DIR`.
pub fn read_controls_dir(root: &std::path::Path) -> std::io::Result<Vec<Source>> {
    let dir = root.join("controls");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = read_dir(&dir)?;
    for s in &mut out {
        s.path = format!("controls/{}", s.path);
    }
    Ok(out)
}

/// Reads every YAML file under a corpus folder (except its `controls/` folder: see [`read_controls_dir`]).
pub fn read_dir(root: &std::path::Path) -> std::io::Result<Vec<Source>> {
    fn walk(
        root: &std::path::Path,
        dir: &std::path::Path,
        out: &mut Vec<Source>,
    ) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?
        {
            let path = entry?.path();
            if path.is_dir() {
                if dir == root && path.file_name().is_some_and(|n| n == "controls") {
                    continue;
                }
                walk(root, &path, out)?;
            } else if matches!(
                path.extension().and_then(|x| x.to_str()),
                Some("yaml" | "yml")
            ) {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                // Errors name the file itself, not the folder; a file that is not UTF-8 gives the place of its
                // first bad byte; a byte-order mark is not part of the text.
                let bytes = std::fs::read(&path).map_err(|e| {
                    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
                })?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    let at = e.utf8_error().valid_up_to();
                    let valid = std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or_default();
                    let line = valid.matches('\n').count() + 1;
                    let col = valid[valid.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!(
                            "{}:{line}:{col}: not UTF-8 text (byte offset {at}); save the file as UTF-8",
                            path.display()
                        ),
                    )
                })?;
                out.push(Source {
                    path: rel,
                    text: match text.strip_prefix('\u{feff}') {
                        Some(t) => t.to_string(),
                        None => text,
                    },
                });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, root, &mut out)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}
