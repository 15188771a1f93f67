//! Review records: each instrument file may carry `review:` records (date, public sources, what was checked, what
//! changed); they are loaded into the instrument and refused, with their place, when incomplete or out of order.

use aigov_corpus::{load, Source};
use std::path::Path;

fn with_review(review: &str) -> Vec<Source> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"));
    let mut sources = aigov_corpus::read_dir(dir).expect("the mini corpus is readable");
    let s = sources
        .iter_mut()
        .find(|s| s.path == "us/eo-2025.yaml")
        .expect("the fixture has us/eo-2025.yaml");
    // The fixture's own record is replaced by the one under test.
    let own = s
        .text
        .find("\nreview:\n")
        .expect("the fixture has a review record");
    s.text.truncate(own);
    s.text.push_str("\nreview:\n");
    s.text.push_str(review);
    sources
}

#[test]
fn records_are_loaded_into_the_instrument() {
    let loaded = load(&with_review(
        "  - date: 2026-12-06\n    sources: [https://example.org/us/eo-2]\n    checked: Sec 2 against the order's text\n    changed: nothing\n",
    ))
    .unwrap_or_else(|d| panic!("{d:#?}"));
    let inst = loaded
        .corpus
        .instrument("us_eo_new")
        .expect("the instrument");
    assert_eq!(inst.reviews.len(), 1);
    assert_eq!(inst.reviews[0].date.to_string(), "2026-12-06");
    assert_eq!(inst.reviews[0].changed, "nothing");
}

#[test]
fn incomplete_or_unordered_records_are_refused_at_their_place() {
    for (review, needle) in [
        (
            "  - { date: 2026-13-01, sources: [x], checked: a, changed: b }\n",
            "review record 1",
        ),
        ("  - { date: 2026-12-01, sources: [], checked: a, changed: b }\n", "`sources`"),
        ("  - { date: 2026-12-01, sources: [x], checked: ' ', changed: b }\n", "`checked` is empty"),
        (
            "  - { date: 2026-12-01, sources: [x], checked: a, changed: b }\n  - { date: 2026-11-01, sources: [x], checked: a, changed: b }\n",
            "date order",
        ),
    ] {
        let diags = load(&with_review(review)).expect_err(review);
        let d = diags
            .iter()
            .find(|d| d.message.contains(needle))
            .unwrap_or_else(|| panic!("no diagnostic with {needle:?} in {diags:#?}"));
        assert_eq!(d.file, "us/eo-2025.yaml");
        assert!(d.line > 1, "{d:?}");
    }
    // An unknown key in a record is refused too (a misspelt `changes:` must not pass as a record).
    let diags = load(&with_review(
        "  - { date: 2026-12-01, sources: [x], checked: a, changes: b }\n",
    ))
    .expect_err("unknown key");
    assert!(
        diags.iter().any(|d| d.file == "us/eo-2025.yaml"),
        "{diags:#?}"
    );
}

#[test]
fn every_embedded_instrument_file_carries_a_review_record() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let missing = aigov_corpus::reviews::missing(&loaded.corpus, &sources);
    assert!(missing.is_empty(), "{missing:#?}");
    // Every record says what was compared and against which public source.
    for inst in &loaded.corpus.instruments {
        assert!(!inst.reviews.is_empty(), "{}", inst.id);
        for r in &inst.reviews {
            assert!(
                !r.sources.is_empty() && !r.checked.trim().is_empty(),
                "{}",
                inst.id
            );
        }
    }
    assert!(loaded.corpus.instruments.len() > 80);
}

#[test]
fn an_instrument_file_without_a_record_is_named_by_the_lint() {
    // An empty `review: []`: the instrument loads, with no record.
    let mut sources = with_review("  []\n");
    let loaded = load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let missing = aigov_corpus::reviews::missing(&loaded.corpus, &sources);
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert_eq!(missing[0].file, "us/eo-2025.yaml");
    assert_eq!(missing[0].line, 2);
    assert!(missing[0]
        .message
        .contains("`us_eo_new` has no review record"));
    // The other fixture files keep theirs; dropping one more is reported at its own file.
    let s = sources
        .iter_mut()
        .find(|s| s.path == "us-ca/chatbot-act.yaml")
        .expect("fixture");
    let own = s.text.find("\nreview:\n").expect("record");
    s.text.truncate(own);
    let loaded = load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let mut files: Vec<String> = aigov_corpus::reviews::missing(&loaded.corpus, &sources)
        .into_iter()
        .map(|d| d.file)
        .collect();
    files.sort();
    assert_eq!(files, ["us-ca/chatbot-act.yaml", "us/eo-2025.yaml"]);
}
