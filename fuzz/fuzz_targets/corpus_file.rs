//! A corpus with one arbitrary instrument file beside the real vocabulary: the loader must report problems as
//! diagnostics inside the file, never panic. The vocabulary is parsed once ([`parse_file`]) and each input only
//! parses its own file, so the target runs at the speed of the loader's checks, not of YAML parsing.
#![no_main]
use aigov_corpus::{load_parsed, parse_file, ParsedFile, Source};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn vocabulary() -> &'static [ParsedFile] {
    static V: OnceLock<Vec<ParsedFile>> = OnceLock::new();
    V.get_or_init(|| {
        aigov_corpus::embedded_sources()
            .into_iter()
            .filter(|s| s.path.starts_with("vocabulary/"))
            .map(|s| parse_file(s).expect("the embedded vocabulary parses"))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Counted once: a file with thousands of diagnostics must not make the check itself quadratic.
    let lines = text.matches(['\n', '\r']).count() + 1;
    let check = |d: &aigov_corpus::Diagnostic| {
        if d.file == "xx/fuzz.yaml" {
            assert!(d.line >= 1 && d.line <= lines, "{d}");
        }
    };
    let file = match parse_file(Source { path: "xx/fuzz.yaml".into(), text: text.to_string() }) {
        Ok(f) => f,
        Err(d) => return check(&d),
    };
    let mut files: Vec<&ParsedFile> = vocabulary().iter().collect();
    files.push(&file);
    if let Err(diags) = load_parsed(&files) {
        diags.iter().for_each(check);
    }
});
