//! The screening list store's reader, over a store whose files were changed on disk: `CURRENT`, a version's
//! manifest or one of its parts is replaced by the input. For manifests and parts, the checksums that lead to
//! them are recomputed, so the input reaches the JSON decoding and the record checks instead of stopping at a
//! checksum mismatch. Reading must end in a store or an error naming the problem, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A complete store made once from the screening fixtures (real formats), and its pristine files.
struct Fixture {
    dir: PathBuf,
    current: Vec<u8>,
    version: String,
    manifest: Vec<u8>,
    parts: Vec<(String, Vec<u8>)>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        // /dev/shm when present: every input rewrites files, and a disk would make the target I/O bound.
        let base = if Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        let dir = base.join(format!("aigov-fuzz-lists-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary folder");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/screening/tests/fixtures");
        let files: Vec<PathBuf> =
            ["sdn.csv", "alt.csv", "add.csv", "csl.json", "uel.csv"].iter().map(|f| fixtures.join(f)).collect();
        let opts = aigov_app::lists::ImportOptions { published: Some("2026-11-01"), allow_shrink: false };
        aigov_app::lists::import(&dir, &files, opts).expect("the fixtures import");
        let current = std::fs::read(dir.join("CURRENT")).expect("CURRENT");
        let version = String::from_utf8_lossy(&current).split_whitespace().next().expect("a version").to_string();
        let manifest = std::fs::read(dir.join(&version).join("manifest.json")).expect("manifest");
        let m: serde_json::Value = serde_json::from_slice(&manifest).expect("manifest JSON");
        let parts = m["parts"]
            .as_array()
            .expect("parts")
            .iter()
            .map(|p| {
                let file = p["file"].as_str().expect("file").to_string();
                let bytes = std::fs::read(dir.join(&version).join(&file)).expect("part");
                (file, bytes)
            })
            .collect();
        Fixture { dir, current, version, manifest, parts }
    })
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).expect("write");
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    let Some((&mode, input)) = data.split_first() else { return };
    let vdir = f.dir.join(&f.version);
    match mode % 3 {
        0 => write(&f.dir.join("CURRENT"), input),
        1 => {
            write(&vdir.join("manifest.json"), input);
            write(&f.dir.join("CURRENT"), format!("{} {}\n", f.version, sha256_hex(input)).as_bytes());
        }
        _ => {
            let i = usize::from(mode / 3) % f.parts.len();
            let (file, _) = &f.parts[i];
            write(&vdir.join(file), input);
            let mut m: serde_json::Value = serde_json::from_slice(&f.manifest).expect("manifest JSON");
            m["parts"][i]["bytes"] = serde_json::json!(input.len());
            m["parts"][i]["sha256"] = serde_json::json!(sha256_hex(input));
            let mjson = serde_json::to_vec_pretty(&m).expect("manifest JSON");
            write(&vdir.join("manifest.json"), &mjson);
            write(&f.dir.join("CURRENT"), format!("{} {}\n", f.version, sha256_hex(&mjson)).as_bytes());
        }
    }
    let _ = aigov_app::lists::versions(&f.dir);
    let _ = aigov_app::lists::load(&f.dir);
    // Put the pristine store back for the next input.
    write(&f.dir.join("CURRENT"), &f.current);
    write(&vdir.join("manifest.json"), &f.manifest);
    for (file, bytes) in &f.parts {
        write(&vdir.join(file), bytes);
    }
});
