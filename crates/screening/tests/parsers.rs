//! Parser tests: the official formats read right, and no input makes a parser or the normaliser panic.

use aigov_screening::{detect, normalize, parse, parse_auto, Format, Records};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture exists")
}

#[test]
fn formats_are_detected_by_content() {
    assert_eq!(detect("x", &fixture("sdn.csv")), Some(Format::OfacSdn));
    assert_eq!(detect("x", &fixture("alt.csv")), Some(Format::OfacAlt));
    assert_eq!(detect("x", &fixture("add.csv")), Some(Format::OfacAdd));
    assert_eq!(detect("x", &fixture("csl.csv")), Some(Format::CslCsv));
    assert_eq!(detect("x", &fixture("csl.json")), Some(Format::CslJson));
    assert_eq!(detect("notes.txt", b"hello, world\n"), None);
}

#[test]
fn sdn_rows_read_with_nulls_programs_and_the_eof_byte() {
    let p = parse(Format::OfacSdn, &fixture("sdn.csv")).expect("parses");
    let Records::Entries(e) = p.records else {
        panic!("entries")
    };
    assert_eq!(e.len(), 12);
    assert_eq!(e[0].id, "101");
    assert_eq!(e[0].kind.as_deref(), Some("Entity"));
    assert_eq!(e[2].programs, vec!["IRAN", "IFSR"]);
    assert_eq!(e[3].kind.as_deref(), Some("Individual"));
    assert_eq!(e[3].title, None, "-0- is empty");
    assert_eq!(e[5].kind.as_deref(), Some("Vessel"));
    assert_eq!(
        e[9].title.as_deref(),
        Some("Director of Dandong Hongxiang Industrial Development Co Ltd")
    );
}

#[test]
fn ofac_files_merge_aliases_and_countries() {
    let Records::Entries(sdn) = parse_auto("sdn.csv", &fixture("sdn.csv"))
        .expect("sdn")
        .records
    else {
        panic!()
    };
    let Records::Alt(alt) = parse_auto("alt.csv", &fixture("alt.csv"))
        .expect("alt")
        .records
    else {
        panic!()
    };
    let Records::Add(add) = parse_auto("add.csv", &fixture("add.csv"))
        .expect("add")
        .records
    else {
        panic!()
    };
    let merged = aigov_screening::merge_ofac(sdn, &alt, &add);
    let bnc = merged.iter().find(|e| e.id == "102").expect("102");
    assert_eq!(bnc.alt_names, vec!["BNC", "NATIONAL BANK OF CUBA"]);
    assert_eq!(bnc.countries, vec!["CH", "CU"]);
    assert_eq!(
        bnc.addresses[0],
        "Zweierstrasse 35, Zurich CH-8022, Switzerland"
    );
}

#[test]
fn csl_csv_and_json_read_entity_list_terms() {
    let Records::Entries(csv) = parse_auto("csl.csv", &fixture("csl.csv"))
        .expect("csv")
        .records
    else {
        panic!()
    };
    assert_eq!(csv.len(), 5);
    assert_eq!(csv[0].list, "EL");
    assert_eq!(csv[0].id, "el-0001");
    assert_eq!(csv[0].alt_names, vec!["Huawei", "Huawei Technologies"]);
    assert_eq!(csv[0].countries, vec!["CN"]);
    assert_eq!(
        csv[0].license_policy.as_deref(),
        Some("Presumption of denial.")
    );
    assert_eq!(csv[2].list, "MEU");
    assert_eq!(csv[3].list, "DPL");
    assert_eq!(csv[4].list, "UVL");
    let p = parse_auto("csl.json", &fixture("csl.json")).expect("json");
    assert_eq!(p.published.as_deref(), Some("2026-09-05T10:00:00-04:00"));
    let Records::Entries(json) = p.records else {
        panic!()
    };
    assert_eq!(json[0].alt_names, vec!["Zhipu AI"]);
    assert_eq!(json[0].countries, vec!["CN"]);
    assert_eq!(json[1].list, "SDN");
    assert_eq!(json[1].programs, vec!["RUSSIA-EO14024"]);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(parse(Format::CslJson, b"{\"results\": 3}").is_err());
    assert!(parse(Format::OfacSdn, b"abc,\"def\"\n").is_err());
    assert!(parse(Format::OfacSdn, b"\x1a").is_err());
    assert!(parse_auto("x", b"").is_err());
}

/// A legal form set aside between single letters (`yk` in `A YK A`) leaves them side by side: they are joined at
/// once, so that normalising the key again changes nothing (found by `normalisation_is_idempotent...`).
#[test]
fn letters_left_side_by_side_by_a_legal_form_are_joined_at_once() {
    for s in ["Aa,a yK a", "A YK A", "a yk a aa"] {
        let once = normalize(s).key();
        assert_eq!(normalize(&once).key(), once, "{s}");
    }
    assert_eq!(normalize("A YK A").key(), "aa");
    // The word number written as initials before a number is left out as when written whole.
    assert_eq!(
        normalize("YARD N.R. 457").key(),
        normalize("YARD NR 457").key()
    );
    assert_eq!(normalize("n r 0").key(), "0");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for f in [Format::CslCsv, Format::CslJson, Format::OfacSdn, Format::OfacAlt, Format::OfacAdd] {
            let _ = parse(f, &bytes);
        }
        let _ = parse_auto("sdn.csv", &bytes);
    }

    #[test]
    fn csv_like_text_never_panics(rows in proptest::collection::vec("[0-9a-zA-Z ,\"\\-.;\r\n\u{1a}]{0,80}", 0..12)) {
        let text = rows.join("\n");
        for f in [Format::CslCsv, Format::OfacSdn, Format::OfacAlt, Format::OfacAdd] {
            let _ = parse(f, text.as_bytes());
        }
    }

    #[test]
    fn normalisation_reaches_a_fixpoint_on_any_text(s in "\\PC{0,40}") {
        // Any text: after one re-normalisation the key is stable, and it is lowercase ASCII.
        let twice = normalize(&normalize(&s).key()).key();
        prop_assert_eq!(normalize(&twice).key(), twice.clone());
        prop_assert!(twice.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '));
    }

    #[test]
    fn a_persons_name_reaches_a_fixpoint_too(s in "\\PC{0,40}|[A-Za-z0-9 .,&'()/-]{0,40}") {
        // The reading of listed persons' names (words kept as written) is as stable as the other.
        use aigov_screening::normalize::normalize_person;
        let once = normalize_person(&s).key();
        let twice = normalize_person(&once).key();
        prop_assert_eq!(normalize_person(&twice).key(), twice.clone());
        prop_assert!(twice.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '));
    }

    #[test]
    fn normalisation_is_idempotent_and_case_insensitive(s in "[A-Za-z0-9 .,&'()/-]{0,40}|[华为技术有限公司丹东鸿祥实业发展马晓红 ]{0,12}") {
        let once = normalize(&s).key();
        // Normalising the normalised key again changes nothing.
        prop_assert_eq!(normalize(&once).key(), once.clone());
        // Case does not matter for Latin text.
        if s.is_ascii() {
            prop_assert_eq!(normalize(&s.to_uppercase()).key(), normalize(&s.to_lowercase()).key());
        }
        // Tokens are lowercase ASCII letters and digits.
        prop_assert!(once.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' '));
    }

    #[test]
    fn punctuation_does_not_matter(words in proptest::collection::vec("[a-z]{2,8}", 1..5)) {
        let plain = words.join(" ");
        let punct = words.join(", ").to_uppercase() + ".";
        prop_assert_eq!(normalize(&plain).key(), normalize(&punct).key());
    }
}
