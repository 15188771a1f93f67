//! One line of an `assess --batch` JSONL file, as bytes: the batch fast path (typed JSON binding straight to facts)
//! and the general manifest binder must never panic, and must agree: a line one accepts, the other accepts with the
//! same facts, so a batch answers like `aigov assess` on the same manifest.
#![no_main]
use aigov_core::manifest::{parse, Format};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn vocabulary() -> &'static aigov_core::vocabulary::Vocabulary {
    static V: OnceLock<aigov_core::vocabulary::Vocabulary> = OnceLock::new();
    V.get_or_init(|| aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("embedded corpus").corpus.vocabulary)
}

fuzz_target!(|data: &[u8]| {
    // A batch line is one line: the reader splits on '\n' before binding.
    let line = data.split(|&b| b == b'\n').next().unwrap_or(data);
    let Ok(text) = std::str::from_utf8(line) else { return };
    let general = parse(text, Format::Json, vocabulary());
    let fast = aigov_core::manifest::parse_json_fast(text, vocabulary());
    match (&general, &fast) {
        (Ok(a), Ok(b)) => assert_eq!(
            (&a.subject, a.to_tree(vocabulary())),
            (&b.subject, b.to_tree(vocabulary())),
            "the fast path and the binder disagree on {text}"
        ),
        (Err(_), Err(_)) => {}
        _ => panic!("one binder accepts what the other refuses: {text}\ngeneral: {general:?}\nfast: {fast:?}"),
    }
});
