//! Loading from files parsed once ([`parse_file`] + [`load_parsed`]) gives the same corpus as [`load`], and a file
//! that does not parse is reported by its own name and line.

use aigov_corpus::{embedded_sources, load, load_parsed, parse_file, Source};

#[test]
fn parsed_files_load_to_the_same_corpus() {
    let sources = embedded_sources();
    let whole = load(&sources).expect("the embedded corpus loads");
    let parsed: Vec<_> = sources
        .into_iter()
        .map(|s| parse_file(s).expect("every embedded file parses"))
        .collect();
    let again = load_parsed(&parsed.iter().collect::<Vec<_>>()).expect("loads from parsed files");
    assert_eq!(whole.corpus.rules.len(), again.corpus.rules.len());
    assert_eq!(
        whole.corpus.instruments.len(),
        again.corpus.instruments.len()
    );
    assert_eq!(whole.examples.len(), again.examples.len());
    let ids =
        |c: &aigov_core::model::Corpus| c.rules.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&whole.corpus), ids(&again.corpus));
}

#[test]
fn a_file_that_does_not_parse_is_named_with_its_line() {
    let d = parse_file(Source {
        path: "xx/broken.yaml".into(),
        text: "instrument:\n  id: xx_broken\n  title: [unclosed\n".into(),
    })
    .expect_err("unbalanced YAML is refused");
    assert_eq!(d.file, "xx/broken.yaml");
    assert!(d.line >= 3, "{d}");
}
