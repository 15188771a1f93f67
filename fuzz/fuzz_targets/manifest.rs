//! Manifests in every format: parsing and binding must never panic, whatever the bytes.
#![no_main]
use aigov_core::manifest::{parse, Format};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn vocabulary() -> &'static aigov_core::vocabulary::Vocabulary {
    static V: OnceLock<aigov_core::vocabulary::Vocabulary> = OnceLock::new();
    V.get_or_init(|| aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("embedded corpus").corpus.vocabulary)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Yaml, Format::Json, Format::Toml] {
        if let Err(e) = parse(text, format, vocabulary()) {
            // Places must be inside the text (YAML also counts a lone carriage return as a line break).
            if let Some((line, _)) = e.line_col {
                assert!(line >= 1 && line <= text.matches(['\n', '\r']).count() + 1, "line {line} outside the input");
            }
        }
    }
});
