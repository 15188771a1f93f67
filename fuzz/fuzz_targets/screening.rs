//! Screening lists and queries: parsing any bytes in every official list format, indexing what parses, and
//! searching it with any query must never panic; scores stay within 0..=1.
#![no_main]
use aigov_screening::{parse, Format, Index, Records, SearchOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first line is the query, the rest the list file.
    let (query, file) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (String::from_utf8_lossy(&data[..i]).into_owned(), &data[i + 1..]),
        None => (String::from_utf8_lossy(data).into_owned(), &data[..0]),
    };
    for format in [Format::CslCsv, Format::CslJson, Format::OfacSdn, Format::OfacAlt, Format::OfacAdd] {
        if let Ok(parsed) = parse(format, file) {
            if let Records::Entries(entries) = parsed.records {
                let index = Index::build(entries);
                for hit in index.search(&query, &SearchOptions { threshold: 0.0, ..SearchOptions::default() }) {
                    assert!((0.0..=1.0).contains(&hit.score), "score {} out of range", hit.score);
                }
            }
        }
    }
    let _ = aigov_screening::normalize(&query);
});
