//! Standard output closed early or full: never a panic.

use std::io::Read;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// `aigov plan --format oscal | head -c 10`: the reader closes the pipe after a few bytes; aigov ends quietly with
/// success (it printed with `print!` before, which panicked with "failed printing to stdout").
#[test]
fn a_reader_that_stops_early_ends_aigov_quietly() {
    for args in [
        vec!["plan", "--format", "oscal"],
        vec!["plan", "--format", "json"],
        vec!["assess", "--format", "json"],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .arg(example("cv-screening-saas.yaml"))
            .args(["--as-of", "2026-11-28"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut first = [0u8; 10];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        // The pipe's reading end is dropped here, as `head` closes it.
        let out = child.wait_with_output().expect("it ends");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
    }
}

/// A full disk is an error that says so, exit 74, not a panic.
#[test]
fn a_full_device_is_an_error_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let out = Command::new(BIN)
        .args(["plan", "--format", "oscal"])
        .arg(example("cv-screening-saas.yaml"))
        .args(["--as-of", "2026-11-28"])
        .stdout(full)
        .output()
        .expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(74), "{err}");
    assert!(err.contains("cannot write to standard output"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
