//! Precompiles the embedded corpus: loading YAML and compiling hundreds of CEL conditions at every start would
//! cost tens of milliseconds, so the build does it once and embeds the compiled corpus as JSON. If the corpus has
//! errors, nothing is embedded and the binary falls back to loading the sources, so `aigov corpus lint` can still
//! report them.
use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("../../corpus");
    println!("cargo:rerun-if-changed={}", root.display());
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.json");
    let mut translations = String::new();
    let compiled = aigov_corpus::read_dir(&root)
        .ok()
        .and_then(|sources| {
            for s in &sources {
                println!("cargo:rerun-if-changed={}", root.join(&s.path).display());
            }
            let loaded = aigov_corpus::load(&sources).ok()?;
            // The translations beside the corpus (i18n/<lang>/*.yaml), checked against it, for reports in
            // other languages; if they have errors nothing is embedded either, and start-up loads the sources.
            let t = aigov_corpus::translations::load(&sources, &loaded.corpus).ok()?;
            translations = serde_json::to_string(&t).expect("translations serialize");
            Some(loaded)
        })
        .map(|loaded| serde_json::to_string(&loaded.corpus).expect("a corpus serializes"))
        .unwrap_or_default();
    if compiled.is_empty() {
        println!("cargo:warning=the corpus has errors; run `aigov corpus lint` (the binary will load the sources at start-up)");
    }
    std::fs::write(out, compiled).expect("write the compiled corpus");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("translations.json");
    std::fs::write(out, translations).expect("write the translations");
}
