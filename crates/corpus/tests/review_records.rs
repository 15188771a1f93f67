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
