//! Screening lists and queries: parsing any bytes in every official list format, indexing what parses, and
//! searching it with any query must never panic; scores stay within 0..=1; inputs outside the bounds of
//! `aigov_screening::limits` are refused with an error (seeds in `fuzz/seeds/screening/` include 100,000-character
//! queries and list rows with huge names).
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
                assert!(index.rejected().is_empty(), "the parser let through a name outside the bounds");
                let opts = SearchOptions { threshold: 0.0, ..SearchOptions::default() };
                match index.try_search(&query, &opts) {
                    Ok(hits) => {
                        for hit in hits {
                            assert!((0.0..=1.0).contains(&hit.score), "score {} out of range", hit.score);
                        }
                    }
                    Err(e) => assert!(e.to_string().len() < 400, "an error quotes a preview only"),
                }
            }
        }
    }
    let _ = aigov_screening::normalize(&query);
});
