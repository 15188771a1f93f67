//! The list store's encoding detection, publication dates and age checks (issue 13).

use aigov_app::lists::{decode, freshness, published_date, AgeCheck};
use aigov_screening::{Format, ListMeta};

fn date(s: &str) -> jiff::civil::Date {
    s.parse().expect("date")
}

#[test]
fn encodings_are_detected_converted_or_refused() {
    let (t, e) = decode("a", "NUÑEZ".as_bytes()).expect("utf-8");
    assert_eq!((&*t, e), ("NUÑEZ".as_bytes(), "UTF-8"));
    let (t, e) = decode("a", b"\xef\xbb\xbfNU\xc3\x91EZ").expect("bom");
    assert_eq!((&*t, e), ("NUÑEZ".as_bytes(), "UTF-8 with BOM"));
    // Latin-1 / Windows-1252, as OFAC has published: converted.
    let (t, e) = decode("a", b"NU\xd1EZ \x93quoted\x94").expect("latin-1");
    assert_eq!(
        (std::str::from_utf8(&t).expect("utf-8"), e),
        ("NUÑEZ \u{201c}quoted\u{201d}", "Windows-1252")
    );
    // UTF-16 with a byte-order mark: converted.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("ab".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(&*decode("a", &utf16).expect("utf-16").0, b"ab");
    // Refused, naming the line: mixed UTF-8 and Latin-1, NUL bytes, bytes Windows-1252 does not define.
    let mut mixed = "line one Ñ\nline two ".as_bytes().to_vec();
    mixed.push(0xd1);
    let e = decode("f.csv", &mixed).expect_err("mixed");
    assert!(
        e.to_string()
            .starts_with("f.csv: line 2: the file mixes UTF-8"),
        "{e}"
    );
    let e = decode("f.csv", b"a\nb\0c").expect_err("nul");
    assert!(e.to_string().contains("line 2: a NUL byte"), "{e}");
    let e = decode("f.csv", b"a\x81b").expect_err("undefined");
    assert!(e.to_string().contains("0x81"), "{e}");
}

#[test]
fn publication_dates_are_read_as_published() {
    assert_eq!(published_date("2026-09-01"), Some(date("2026-09-01")));
    assert_eq!(
        published_date("2026-09-05T23:30:00-04:00"),
        Some(date("2026-09-05"))
    );
    assert_eq!(
        published_date("2026-09-01T12:00:00Z"),
        Some(date("2026-09-01"))
    );
    assert_eq!(published_date("last week"), None);
    assert_eq!(published_date("2026-09-01 and more"), None);
}

fn meta(part: &str, published: Option<&str>) -> ListMeta {
    ListMeta {
        part: part.into(),
        format: Format::OfacSdn,
        source: "test".into(),
        published: published.map(str::to_string),
        published_basis: published.map(|_| "given".to_string()),
        imported: "2026-09-01T00:00:00Z".into(),
        records: 1,
    }
}

#[test]
fn lists_older_than_the_limit_or_undated_are_not_current() {
    let check = |as_of: &str, max: u32| AgeCheck {
        as_of: date(as_of),
        given: true,
        max_age_days: max,
    };
    let v = [meta("ofac-sdn", Some("2026-09-01"))];
    let f = freshness(&v, check("2026-10-01", 30));
    assert!(f.current && f.warnings.is_empty(), "{f:?}");
    let f = freshness(&v, check("2026-10-02", 30));
    assert!(!f.current);
    assert!(f.warnings[0].contains("published 2026-09-01, 31 days before 2026-10-02"));
    let f = freshness(&[meta("csl", Some("1999-01-01"))], check("2026-10-02", 30));
    assert!(!f.current && f.text("").contains("THE LISTS ARE NOT KNOWN TO BE CURRENT"));
    let f = freshness(&[meta("csl", None)], check("2026-10-02", 3650));
    assert!(!f.current && f.warnings[0].contains("publication date is unknown"));
    // A list published after the date of the answer is current, with a note.
    let f = freshness(&v, check("2026-08-01", 30));
    assert!(
        f.current && f.warnings[0].contains("after 2026-08-01"),
        "{f:?}"
    );
}

/// Every strict prefix of an OFAC file or a CSL JSON file — a download or copy cut anywhere — is refused, never
/// read as a shorter list.
#[test]
fn a_list_file_cut_anywhere_is_refused() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../screening/tests/fixtures");
    for name in ["sdn.csv", "alt.csv", "add.csv", "csl.json"] {
        let bytes = std::fs::read(format!("{dir}/{name}")).expect("fixture");
        let full = aigov_screening::parse_auto(name, &bytes).expect("the whole file parses");
        assert!(!full.records.is_empty());
        for cut in 0..bytes.len() {
            let prefix = &bytes[..cut];
            // Nothing, or everything but trailing white space, is not a cut list.
            if prefix.iter().all(u8::is_ascii_whitespace)
                || bytes[cut..].iter().all(u8::is_ascii_whitespace)
            {
                continue;
            }
            let Ok((text, _)) = decode(name, prefix) else {
                continue;
            };
            // The name gives the format, as for a file whose content is cut before it shows.
            if let Ok(p) = aigov_screening::parse(full.format, &text) {
                panic!(
                    "{name} cut at byte {cut} of {} parses as {} records",
                    bytes.len(),
                    p.records.len()
                );
            }
        }
    }
}

/// A long-running process reads and indexes a stored version once, and reads again when an import has switched
/// the store to a new version.
#[test]
fn a_shared_store_is_reused_until_an_import_switches_the_version() {
    use aigov_app::lists::{import, load_shared, ImportOptions};
    use std::path::PathBuf;
    use std::sync::Arc;
    let fixtures = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../screening/tests/fixtures"
    ));
    let tmp = std::env::temp_dir().join(format!("aigov-app-shared-lists-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let dir = tmp.join("lists");
    assert!(load_shared(&dir).expect("an empty store").is_none());
    let opts = ImportOptions {
        published: Some("2026-09-01"),
        allow_shrink: false,
    };
    import(&dir, &[fixtures.join("sdn.csv")], opts).expect("import the SDN fixture");
    let first = load_shared(&dir).expect("read").expect("stored");
    let again = load_shared(&dir).expect("read").expect("stored");
    assert!(
        Arc::ptr_eq(&first, &again),
        "the same version is not read twice"
    );
    let stored = import(&dir, &[fixtures.join("csl.json")], opts).expect("import the CSL fixture");
    let next = load_shared(&dir).expect("read").expect("stored");
    assert!(!Arc::ptr_eq(&first, &next));
    assert_eq!(next.store_version, stored.version);
    assert_ne!(next.store_version, first.store_version);
    assert!(next.versions.iter().any(|m| m.part == "csl"));
    let _ = std::fs::remove_dir_all(&tmp);
}
