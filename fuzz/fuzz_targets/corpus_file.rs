//! A corpus with one arbitrary instrument file beside the real vocabulary: the loader must report problems as
//! diagnostics inside the file, never panic.
#![no_main]
use aigov_corpus::{load, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources: Vec<Source> = aigov_corpus::embedded_sources()
        .into_iter()
        .filter(|s| s.path.starts_with("vocabulary/"))
        .collect();
    sources.push(Source { path: "xx/fuzz.yaml".into(), text: text.to_string() });
    if let Err(diags) = load(&sources) {
        for d in diags {
            if d.file == "xx/fuzz.yaml" {
                assert!(d.line >= 1 && d.line <= text.matches(['\n', '\r']).count() + 1, "{d}");
            }
        }
    }
});
