//! Bounded resources (issue 13): hostile sizes give a typed error, never unbounded memory or time.

use aigov_screening::limits::{MAX_NAME_CHARS, MAX_RECORD_BYTES, MAX_TOKENS};
use aigov_screening::{parse, Entry, Format, Index, ParseError, ScreenError, SearchOptions};
use std::time::Instant;

fn small_index() -> Index {
    Index::build(vec![Entry {
        list: "SDN".into(),
        id: "9647".into(),
        name: "VEKSELBERG, Viktor Feliksovich".into(),
        ..Entry::default()
    }])
}

#[test]
fn a_100k_character_name_is_refused_not_screened() {
    // Before the bounds, this query took about 4 GB (the 1-deletion variants of one 100,000-byte word).
    let ix = small_index();
    let long = "VEKSELBERG".repeat(10_000);
    let t = Instant::now();
    let err = ix
        .try_search(&long, &SearchOptions::default())
        .expect_err("refused");
    assert!(
        matches!(err, ScreenError::NameTooLong { chars: 100_000, max, .. } if max == MAX_NAME_CHARS)
    );
    assert!(
        err.to_string().len() < 200,
        "the error quotes a preview only: {err}"
    );
    assert!(ix.search(&long, &SearchOptions::default()).is_empty());
    assert!(t.elapsed().as_secs() < 5);
}

#[test]
fn names_at_the_bound_screen_in_linear_cost() {
    let ix = small_index();
    // One word of 1,000 letters: matched exactly only (no quadratic misspelling look-up).
    let word = "v".repeat(MAX_NAME_CHARS);
    assert!(ix
        .try_search(&word, &SearchOptions::default())
        .expect("accepted")
        .is_empty());
    // The listed name padded to the bound with a long tail still finds the party at a low threshold.
    let mut q = String::from("Viktor Vekselberg ");
    while q.len() + 9 < MAX_NAME_CHARS {
        q.push_str("zzzzzzzz ");
    }
    assert!(
        ix.try_search(&q, &SearchOptions::default()).is_err(),
        "too many words"
    );
    let q = format!("Viktor Vekselberg {}", "x".repeat(900));
    let hits = ix
        .try_search(
            &q,
            &SearchOptions {
                threshold: 0.0,
                ..SearchOptions::default()
            },
        )
        .expect("accepted");
    assert_eq!(hits.len(), 1);
}

#[test]
fn too_many_words_is_a_typed_error() {
    let ix = small_index();
    let q = "ivan ".repeat(MAX_TOKENS + 1);
    assert!(matches!(
        ix.try_search(&q, &SearchOptions::default()),
        Err(ScreenError::TooManyTokens { .. })
    ));
}

#[test]
fn a_list_row_with_a_huge_name_is_refused_with_its_row() {
    let mut sdn = String::from(
        "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
    );
    sdn.push_str(&format!(
        "37,\"{}\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
        "A".repeat(5_000)
    ));
    // OFAC's files end with an end-of-file byte after the last record; without it a file reads as cut off.
    sdn.push('\u{1a}');
    match parse(Format::OfacSdn, sdn.as_bytes()) {
        Err(ParseError::Name {
            row: 2,
            source: ScreenError::NameTooLong { chars: 5_000, .. },
        }) => {}
        other => panic!("expected a refused name on row 2, got {other:?}"),
    }
    let mut alt = String::from("36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \n");
    alt.push_str(&format!(
        "36,13,\"aka\",\"{}\",-0- \n\u{1a}",
        "B ".repeat(2_000)
    ));
    assert!(matches!(
        parse(Format::OfacAlt, alt.as_bytes()),
        Err(ParseError::Name { row: 2, .. })
    ));
}

#[test]
fn a_huge_record_is_refused() {
    let sdn = format!(
        "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"{}\"\n\u{1a}",
        "r".repeat(MAX_RECORD_BYTES)
    );
    assert!(matches!(
        parse(Format::OfacSdn, sdn.as_bytes()),
        Err(ParseError::RecordTooLarge { row: 1, .. })
    ));
    let csl = format!(
        "source,name,programs,alt_names\nEntity List (EL),ACME,EAR,\"{}\"\n",
        "x; ".repeat(MAX_RECORD_BYTES / 3 + 1)
    );
    assert!(matches!(
        parse(Format::CslCsv, csl.as_bytes()),
        Err(ParseError::RecordTooLarge { row: 2, .. })
    ));
}

#[test]
fn index_build_leaves_out_and_try_build_refuses_a_huge_listed_name() {
    let entries = vec![
        Entry {
            list: "SDN".into(),
            id: "1".into(),
            name: "GOOD NAME TRADING".into(),
            ..Entry::default()
        },
        Entry {
            list: "SDN".into(),
            id: "2".into(),
            name: "x".repeat(200_000),
            ..Entry::default()
        },
    ];
    let ix = Index::build(entries.clone());
    assert_eq!(ix.rejected().len(), 1);
    assert_eq!(ix.rejected()[0].0, 1);
    assert_eq!(ix.name_count(), 1);
    match Index::try_build(entries) {
        Err(ScreenError::Listed { id, .. }) => assert_eq!(id, "2"),
        other => panic!(
            "expected a refusal, got {:?}",
            other.map(|i| i.name_count())
        ),
    }
}
