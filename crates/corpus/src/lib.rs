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
        for entry in std::fs::read_dir(dir)? {
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
                out.push(Source {
                    path: rel,
                    text: std::fs::read_to_string(&path)?,
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
