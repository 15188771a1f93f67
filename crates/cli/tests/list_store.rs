//! The screening list store refuses partial, garbled and shrunken lists, verifies what it reads and fails closed,
//! and says how old the lists are (issue 13). Inputs are the small fixtures in the official formats, changed the
//! way files get damaged in practice: cut off, a quote lost, re-encoded, edited by hand.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../screening/tests/fixtures"
    ))
    .join(name)
}

fn read_fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("aigov-store-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn aigov(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("AIGOV_LISTS_DIR")
        .output()
        .expect("aigov runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The error output with miette's line wrapping undone (a break after `-` or `/` joins without a space).
fn stderr(o: &Output) -> String {
    let text = String::from_utf8_lossy(&o.stderr);
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start().trim_start_matches(['×', '│']).trim();
        if t.is_empty() {
            continue;
        }
        if !(out.is_empty() || out.ends_with('-') || out.ends_with('/')) {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// Imports the four fixtures; returns the store folder.
fn store_with_fixtures(tag: &str) -> PathBuf {
    let dir = temp_dir(tag);
    let store = dir.join("store");
    let out = aigov(&[
        "lists",
        "import",
        "--lists-dir",
        p(&store),
        p(&fixture("sdn.csv")),
        p(&fixture("alt.csv")),
        p(&fixture("add.csv")),
        p(&fixture("csl.csv")),
        "--published",
        "2026-09-01",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    store
}

/// The record count of each stored part, from a verified `lists status`; panics if verification fails.
fn counts(store: &Path) -> Vec<(String, u64)> {
    let out = aigov(&[
        "lists",
        "status",
        "--lists-dir",
        p(store),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    v["lists"]
        .as_array()
        .expect("lists")
        .iter()
        .map(|l| {
            (
                l["part"].as_str().expect("part").to_string(),
                l["records"].as_u64().expect("records"),
            )
        })
        .collect()
}

fn fixture_counts() -> Vec<(String, u64)> {
    [
        ("csl", 5),
        ("ofac-sdn", 12),
        ("ofac-alt", 5),
        ("ofac-add", 5),
    ]
    .iter()
    .map(|(p, n)| (p.to_string(), *n))
    .collect()
}

fn import(store: &Path, files: &[&Path], extra: &[&str]) -> Output {
    let mut args = vec!["lists", "import", "--lists-dir", p(store)];
    args.extend(files.iter().map(|f| p(f)));
    args.extend(extra);
    aigov(&args)
}

#[test]
fn a_cut_off_or_malformed_ofac_file_is_refused_with_its_line_and_nothing_changes() {
    let store = store_with_fixtures("truncated");
    let dir = store.parent().expect("parent").to_path_buf();
    let sdn = read_fixture("sdn.csv");
    let before = std::fs::read(store.join("CURRENT")).expect("current");

    // Cut in the middle of the last record.
    let cut = write(&dir, "sdn-cut.csv", &sdn[..sdn.len() - 40]);
    // Cut at a record boundary: every record parses, but the end-of-file byte is missing.
    let end = sdn.len() - 1;
    let line_cut = sdn[..end - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .expect("a line end");
    let boundary = write(&dir, "sdn-boundary.csv", &sdn[..line_cut + 1]);
    // A record that lost fields.
    let text = String::from_utf8(sdn.clone()).expect("utf-8");
    let short = text.replacen(",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "\r\n", 1);
    let short = write(&dir, "sdn-short.csv", short.as_bytes());

    for (file, says) in [
        (&cut, "does not end with the end-of-file byte"),
        (&boundary, "does not end with the end-of-file byte"),
        (&short, "expected 12 fields, found 4"),
    ] {
        let out = import(&store, &[file.as_path()], &["--allow-shrink"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", file.display());
        assert!(err.contains(says), "{err}");
        assert!(err.contains("line ") || err.contains("row "), "{err}");
        assert!(err.contains("nothing was imported"), "{err}");
        assert_eq!(std::fs::read(store.join("CURRENT")).expect("kept"), before);
        assert_eq!(counts(&store), fixture_counts());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_csl_file_with_an_unbalanced_quote_is_refused_not_cut_short() {
    let dir = temp_dir("quote");
    let store = dir.join("store");
    let csl = String::from_utf8(read_fixture("csl.csv")).expect("utf-8");
    // Drop the closing quote of a name in the second record: the CSV reader alone would swallow the rest.
    let broken = csl.replacen(
        "\"Sugon Information Industry Co., Ltd.\"",
        "\"Sugon Information Industry Co., Ltd.",
        1,
    );
    assert_ne!(broken, csl);
    let file = write(&dir, "csl-quote.csv", broken.as_bytes());
    let out = import(&store, &[file.as_path()], &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("row 3") && err.contains("quote"), "{err}");
    // Nothing was stored.
    let status = aigov(&["lists", "status", "--lists-dir", p(&store)]);
    assert!(
        stdout(&status).contains("none stored"),
        "{}",
        stdout(&status)
    );

    // A quote never closed at all (a file cut inside its last, quoted field).
    assert!(csl.ends_with(",\"\"\n"));
    let open = write(&dir, "csl-open.csv", &csl.as_bytes()[..csl.len() - 2]);
    let out = import(&store, &[open.as_path()], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("never closed"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_latin1_list_is_converted_and_its_listed_name_screens_as_a_hit() {
    let dir = temp_dir("latin1");
    let store = dir.join("store");
    // OFAC has published Windows-1252 files: a name with accented letters, in Latin-1 bytes.
    let sdn = String::from_utf8(read_fixture("sdn.csv")).expect("utf-8");
    let sdn = sdn.replacen(
        "BANCO NACIONAL DE CUBA",
        "BANCO DE CRÉDITO Y COMERCIO ÑUÑOA",
        1,
    );
    let (latin1, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&sdn);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&latin1).is_err(),
        "the input is not UTF-8"
    );
    let file = write(&dir, "sdn-latin1.csv", &latin1);
    let out = import(&store, &[file.as_path()], &["--published", "2026-09-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("converted from Windows-1252"),
        "{}",
        stdout(&out)
    );
    let out = aigov(&[
        "screen",
        "--lists-dir",
        p(&store),
        "--format",
        "json",
        "Banco de Crédito y Comercio Ñuñoa",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let hit = &v["results"][0]["hits"][0];
    assert_eq!(hit["name"], "BANCO DE CRÉDITO Y COMERCIO ÑUÑOA");
    assert_eq!(hit["score"], 1.0);

    // UTF-8 with a byte-order mark is read as UTF-8.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(read_fixture("csl.csv"));
    let file = write(&dir, "csl-bom.csv", &bom);
    let out = import(&store, &[file.as_path()], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(counts(&store).contains(&("csl".to_string(), 5)));

    // A file mixing UTF-8 and other bytes is refused, naming the line.
    let mut mixed = read_fixture("csl.csv");
    let at = mixed.len() - 5;
    mixed.splice(at..at, b"\xe9".iter().copied());
    mixed.splice(100..100, "é".bytes());
    let file = write(&dir, "csl-mixed.csv", &mixed);
    let out = import(&store, &[file.as_path()], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 6") && stderr(&out).contains("mixes UTF-8"),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_files_for_one_list_are_refused_not_silently_reduced_to_the_last() {
    let store = store_with_fixtures("twocsl");
    let before = std::fs::read(store.join("CURRENT")).expect("current");
    let out = import(&store, &[&fixture("csl.csv"), &fixture("csl.json")], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("csl.csv") && err.contains("csl.json"), "{err}");
    assert!(err.contains("one would replace the other"), "{err}");
    assert_eq!(std::fs::read(store.join("CURRENT")).expect("kept"), before);
    let _ = std::fs::remove_dir_all(store.parent().expect("parent"));
}

#[test]
fn a_list_that_shrinks_too_much_is_refused_unless_allowed() {
    let store = store_with_fixtures("shrink");
    let dir = store.parent().expect("parent").to_path_buf();
    // A well-formed sdn.csv with 6 of its 12 records (cut at a record boundary, end-of-file byte restored).
    let sdn = read_fixture("sdn.csv");
    let text = String::from_utf8(sdn).expect("utf-8");
    let half: String = text.split_inclusive("\r\n").take(6).collect::<String>() + "\u{1a}";
    let file = write(&dir, "sdn-half.csv", half.as_bytes());
    let out = import(&store, &[file.as_path()], &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("has 6 records, 6 fewer (50.0 %) than the 12 stored"),
        "{err}"
    );
    assert!(err.contains("--allow-shrink"), "{err}");
    assert_eq!(counts(&store), fixture_counts());
    // One record fewer out of 12 is also more than 5 %; with --allow-shrink it is stored.
    let out = import(&store, &[file.as_path()], &["--allow-shrink"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(counts(&store).contains(&("ofac-sdn".to_string(), 6)));
    // Growing is always fine.
    let out = import(&store, &[&fixture("sdn.csv")], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(counts(&store), fixture_counts());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Serves the given bodies by path for a fixed number of requests.
fn serve(
    bodies: Vec<(&'static str, Vec<u8>)>,
    requests: usize,
) -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let response = match bodies.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => {
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend(body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    (format!("http://{addr}"), handle)
}

#[test]
fn update_refuses_a_server_serving_a_cut_off_file() {
    let store = store_with_fixtures("update-cut");
    let before = std::fs::read(store.join("CURRENT")).expect("current");
    let sdn = read_fixture("sdn.csv");
    let text = String::from_utf8(sdn.clone()).expect("utf-8");
    let half = text.split_inclusive("\r\n").take(6).collect::<String>() + "\u{1a}";
    for (body, says) in [
        // Cut mid-record: it does not parse.
        (
            sdn[..sdn.len() / 2].to_vec(),
            "does not end with the end-of-file byte",
        ),
        // Cut at a record boundary and closed: it parses, and the shrink guard refuses it.
        (half.into_bytes(), "6 fewer (50.0 %) than the 12 stored"),
    ] {
        let (base, server) = serve(
            vec![
                ("/sdn.csv", body),
                ("/alt.csv", read_fixture("alt.csv")),
                ("/add.csv", read_fixture("add.csv")),
            ],
            3,
        );
        let out = aigov(&[
            "lists",
            "update",
            "--lists-dir",
            p(&store),
            "--base-url",
            &base,
            "--source",
            "ofac",
        ]);
        // The update stops at the first bad download, so the server may wait for requests that never come.
        drop(server);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(err.contains("/sdn.csv"), "{err}");
        assert_eq!(std::fs::read(store.join("CURRENT")).expect("kept"), before);
        assert_eq!(counts(&store), fixture_counts());
    }
    let _ = std::fs::remove_dir_all(store.parent().expect("parent"));
}

fn current_version(store: &Path) -> PathBuf {
    let current = std::fs::read_to_string(store.join("CURRENT")).expect("current");
    store.join(current.split_whitespace().next().expect("version"))
}

fn export_manifest(dir: &Path) -> PathBuf {
    write(
        dir,
        "export.yaml",
        "subject: export\nexport:\n  origin: us_origin\n  destination: [CN]\n  end_user_name: Banco Nacional de Cuba\n"
            .as_bytes(),
    )
}

/// Every reader refuses the store, exits 2 and names `says`.
fn assert_fails_closed(store: &Path, says: &str) {
    let dir = store.parent().expect("parent");
    let manifest = export_manifest(dir);
    for args in [
        vec!["lists", "status", "--lists-dir", p(store)],
        vec!["screen", "--lists-dir", p(store), "NATIONAL BANK OF CUBA"],
        vec![
            "assess",
            p(&manifest),
            "--corpus",
            CORPUS,
            "--as-of",
            "2026-09-01",
            "--screen",
            "--lists-dir",
            p(store),
        ],
    ] {
        let out = aigov(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        assert!(
            err.contains("failed verification") && err.contains(says),
            "{args:?}: {err}"
        );
        assert!(stdout(&out).is_empty(), "{args:?}: {}", stdout(&out));
    }
}

#[test]
fn a_damaged_store_fails_closed_naming_the_problem_and_a_new_import_repairs_it() {
    let store = store_with_fixtures("verify");
    // The alias file deleted: screening would miss "NATIONAL BANK OF CUBA".
    let v = current_version(&store);
    std::fs::remove_file(v.join("ofac-alt.json")).expect("remove");
    assert_fails_closed(
        &store,
        "ofac-alt.json is missing (the manifest lists it with 5 records)",
    );
    // Importing the other parts only cannot keep a missing part.
    let out = import(&store, &[&fixture("sdn.csv")], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("import ofac-alt again"),
        "{}",
        stderr(&out)
    );
    // Importing it again repairs the store.
    let out = import(&store, &[&fixture("alt.csv")], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(counts(&store), fixture_counts());

    // One record removed by hand from the stored SDN part.
    let v = current_version(&store);
    let path = v.join("ofac-sdn.json");
    let mut part: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    part["entries"].as_array_mut().expect("entries").pop();
    part["meta"]["records"] = serde_json::json!(11);
    std::fs::write(&path, serde_json::to_vec(&part).expect("json")).expect("write");
    assert_fails_closed(&store, "ofac-sdn.json was changed after it was stored");

    // The manifest edited to match is caught by the checksum in CURRENT.
    let manifest = v.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(
        &manifest,
        text.replace("\"records\": 12", "\"records\": 11"),
    )
    .expect("write");
    assert_fails_closed(&store, "does not match the checksum in CURRENT");
    // Importing every list again replaces the damaged version, saying so.
    let out = import(
        &store,
        &[
            &fixture("sdn.csv"),
            &fixture("alt.csv"),
            &fixture("add.csv"),
            &fixture("csl.csv"),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("the stored version failed verification"),
        "{}",
        stdout(&out)
    );
    assert_eq!(counts(&store), fixture_counts());
    let _ = std::fs::remove_dir_all(store.parent().expect("parent"));
}

#[test]
fn the_layout_of_the_previous_release_is_refused_on_read_and_moved_over_by_an_import() {
    let store = store_with_fixtures("legacy");
    // Recreate the earlier layout: DIR/<part>.json, no CURRENT, no manifest.
    let v = current_version(&store);
    for part in ["csl", "ofac-sdn", "ofac-alt", "ofac-add"] {
        std::fs::copy(
            v.join(format!("{part}.json")),
            store.join(format!("{part}.json")),
        )
        .expect("copy");
    }
    std::fs::remove_dir_all(&v).expect("remove version");
    std::fs::remove_file(store.join("CURRENT")).expect("remove CURRENT");
    let out = aigov(&["screen", "--lists-dir", p(&store), "BANCO NACIONAL DE CUBA"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("layout of an earlier aigov release"),
        "{}",
        stderr(&out)
    );
    // Importing one list moves the others over.
    let out = import(&store, &[&fixture("csl.json")], &["--allow-shrink"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "moved over from the layout of an earlier release: ofac-sdn, ofac-alt, ofac-add"
        ),
        "{}",
        stdout(&out)
    );
    let c = counts(&store);
    assert!(
        c.contains(&("ofac-alt".to_string(), 5)) && c.contains(&("csl".to_string(), 2)),
        "{c:?}"
    );
    assert!(!store.join("ofac-sdn.json").exists());
    let out = aigov(&["screen", "--lists-dir", p(&store), "NATIONAL BANK OF CUBA"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(store.parent().expect("parent"));
}

#[test]
fn stale_and_undated_lists_are_flagged_against_an_explicit_date() {
    let dir = temp_dir("stale");
    let store = dir.join("store");
    // The CSL JSON carries its date (sources_used: 2026-09-05); the OFAC CSV does not.
    let out = import(&store, &[&fixture("csl.json")], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let screen = |as_of: &str, max_age: &str| {
        aigov(&[
            "screen",
            "--lists-dir",
            p(&store),
            "--format",
            "json",
            "--as-of",
            as_of,
            "--max-age",
            max_age,
            "Zhipu AI",
        ])
    };
    let out = screen("2026-09-20", "30");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["lists_current"], true, "{v}");
    assert_eq!(v["freshness"]["as_of"], "2026-09-20");
    assert_eq!(v["freshness"]["as_of_basis"], "--as-of");
    let out = screen("2027-01-01", "30");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["lists_current"], false);
    assert!(v["freshness"]["warnings"][0]
        .as_str()
        .is_some_and(|w| w.contains("published 2026-09-05, 118 days before 2027-01-01")));
    assert_eq!(screen("2027-01-01", "200").status.code(), Some(1));
    let v: serde_json::Value =
        serde_json::from_slice(&screen("2027-01-01", "200").stdout).expect("json");
    assert_eq!(v["lists_current"], true);

    // Text output: the warning comes first, and the date measured on is stated (today when not given).
    let out = aigov(&[
        "screen",
        "--lists-dir",
        p(&store),
        "Zhipu AI",
        "--as-of",
        "2027-01-01",
    ]);
    let s = stdout(&out);
    assert!(
        s.starts_with("warning: csl: published 2026-09-05, 118 days"),
        "{s}"
    );
    assert!(s.contains("list ages measured on 2027-01-01 (--as-of), at most 30 days accepted: THE LISTS ARE NOT KNOWN TO BE CURRENT"), "{s}");
    let out = aigov(&["screen", "--lists-dir", p(&store), "Zhipu AI"]);
    assert!(stdout(&out).contains("(today)"), "{}", stdout(&out));

    // An OFAC file without --published: its date is unknown, never the file's modification time.
    let out = import(&store, &[&fixture("sdn.csv")], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let status = aigov(&[
        "lists",
        "status",
        "--lists-dir",
        p(&store),
        "--as-of",
        "2026-09-20",
    ]);
    let s = stdout(&status);
    assert!(s.contains("ofac-sdn publication date unknown"), "{s}");
    assert!(
        s.contains("warning: ofac-sdn: the publication date is unknown"),
        "{s}"
    );
    assert!(!s.contains("file-modified"), "{s}");

    // assess --screen marks the answer, in text and JSON, measured on --as-of.
    let manifest = export_manifest(&dir);
    let assess = |format: &str| {
        aigov(&[
            "assess",
            p(&manifest),
            "--corpus",
            CORPUS,
            "--as-of",
            "2026-09-20",
            "--screen",
            "--lists-dir",
            p(&store),
            "--format",
            format,
        ])
    };
    let out = assess("text");
    let s = stdout(&out);
    assert!(
        s.starts_with("WARNING: the screening lists are not known to be current on 2026-09-20"),
        "{s}"
    );
    let out = assess("json");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["screening_lists_current"], false);
    assert_eq!(v["screening"]["freshness"]["as_of"], "2026-09-20");
    assert!(v["screening"]["freshness"]["warnings"]
        .as_array()
        .is_some_and(|w| w.len() == 1));

    // Dated and recent: no mark.
    let out = import(
        &store,
        &[&fixture("sdn.csv")],
        &["--published", "2026-09-15"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&assess("json").stdout).expect("json");
    assert_eq!(
        v["screening_lists_current"], true,
        "{}",
        v["screening"]["freshness"]
    );
    assert!(!stdout(&assess("text")).contains("WARNING"));

    // A date that is not a date is refused.
    let out = import(
        &store,
        &[&fixture("sdn.csv")],
        &["--published", "last week"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a date"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}
