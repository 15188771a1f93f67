//! # aigov-corpus
//!
//! The law as data: the YAML corpus (one file per instrument), its loader and strict validator, the runner of
//! its examples, and the copy of the repository's `corpus/` folder embedded at build time.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod examples;
pub mod load;
#[allow(missing_docs)]
pub mod raw;
pub mod translations;

pub use load::{load, Diagnostic, Example, Loaded, Source};
pub use translations::{Texts, Translations};

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

/// Reads every YAML file under a corpus folder.
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
