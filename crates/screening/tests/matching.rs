//! Matching tests on the hand-written fixtures: each would fail if a matching capability broke.

use aigov_screening::{
    merge_ofac, parse_auto, Entry, Index, Records, SearchOptions, DEFAULT_THRESHOLD,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture exists")
}

fn index() -> Index {
    let sdn = match parse_auto("sdn.csv", &fixture("sdn.csv"))
        .expect("sdn parses")
        .records
    {
        Records::Entries(e) => e,
        other => panic!("unexpected {other:?}"),
    };
    let alt = match parse_auto("alt.csv", &fixture("alt.csv"))
        .expect("alt parses")
        .records
    {
        Records::Alt(a) => a,
        other => panic!("unexpected {other:?}"),
    };
    let add = match parse_auto("add.csv", &fixture("add.csv"))
        .expect("add parses")
        .records
    {
        Records::Add(a) => a,
        other => panic!("unexpected {other:?}"),
    };
    let mut entries: Vec<Entry> = merge_ofac(sdn, &alt, &add);
    for f in ["csl.csv", "csl.json"] {
        if let Records::Entries(e) = parse_auto(f, &fixture(f)).expect("csl parses").records {
            entries.extend(e);
        }
    }
    Index::build(entries)
}

fn top(ix: &Index, q: &str) -> Option<(String, String, f32)> {
    ix.search(q, &SearchOptions::default()).first().map(|h| {
        let e = &ix.entries()[h.entry];
        (e.name.clone(), e.list.clone(), h.score)
    })
}

fn best_score_for(ix: &Index, q: &str, listed: &str) -> f32 {
    let opts = SearchOptions {
        threshold: 0.0,
        limit: 50,
        ..SearchOptions::default()
    };
    ix.search(q, &opts)
        .iter()
        .filter(|h| ix.entries()[h.entry].name == listed)
        .map(|h| h.score)
        .fold(0.0, f32::max)
}

#[test]
fn hanzi_query_hits_the_pinyin_entity_list_entry_with_licence_terms() {
    let ix = index();
    let hits = ix.search("华为技术有限公司", &SearchOptions::default());
    let h = hits.first().expect("the Hanzi name hits");
    let e = &ix.entries()[h.entry];
    assert_eq!(e.name, "Huawei Technologies Co., Ltd.");
    assert_eq!(e.list, "EL");
    assert!(h.score >= 0.99, "score {}", h.score);
    assert_eq!(
        e.license_requirement.as_deref(),
        Some("For all items subject to the EAR. (See §744.11 of the EAR)")
    );
    assert_eq!(e.license_policy.as_deref(), Some("Presumption of denial."));
    let text = h.explanation.describe(h.score);
    assert!(text.contains("pinyin of 华为"), "{text}");
    assert!(text.contains("translated from 技术"), "{text}");
}

#[test]
fn hanzi_names_of_people_and_companies_hit() {
    let ix = index();
    assert_eq!(
        top(&ix, "马晓红").map(|t| t.0),
        Some("MA, Xiaohong".to_string())
    );
    assert_eq!(
        top(&ix, "丹东鸿祥实业发展有限公司").map(|t| t.0),
        Some("DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD".to_string())
    );
}

#[test]
fn suffix_order_typo_case_and_abbreviation_variants_hit() {
    let ix = index();
    for (q, expected) in [
        (
            "Huawei Technologies Limited",
            "Huawei Technologies Co., Ltd.",
        ),
        ("HUAWEI TECHNOLOGIES GMBH", "Huawei Technologies Co., Ltd."),
        ("Technologies Huawei", "Huawei Technologies Co., Ltd."),
        ("Huawei Tech. Co.", "Huawei Technologies Co., Ltd."),
        ("Huawie Technologies", "Huawei Technologies Co., Ltd."),
        ("banco nacional de cuba", "BANCO NACIONAL DE CUBA"),
        ("Banco Nacionl de Cuba S.A.", "BANCO NACIONAL DE CUBA"),
        ("Wei Zhang", "ZHANG, Wei"),
        (
            "Petra Navigation and Intl Trading",
            "PETRA NAVIGATION & INTERNATIONAL TRADING CO. LTD.",
        ),
        ("Aerocaribbean Airlines", "AERO-CARIBBEAN AIRLINES"),
        ("OOO Kama River Trading", "KAMA RIVER TRADING S.A."),
        (
            "Dandong Hongxiang Industrial Dev. Co., Ltd",
            "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD",
        ),
        ("Zhipu AI", "Beijing Zhipu Huazhang Technology Co., Ltd."),
    ] {
        let got = top(&ix, q);
        assert_eq!(
            got.as_ref().map(|t| t.0.as_str()),
            Some(expected),
            "query {q:?}: {got:?}"
        );
    }
}

#[test]
fn aliases_and_acronyms_hit() {
    let ix = index();
    let hits = ix.search("National Bank of Cuba", &SearchOptions::default());
    assert!(hits
        .first()
        .is_some_and(|h| h.alias && ix.entries()[h.entry].name == "BANCO NACIONAL DE CUBA"));
    assert_eq!(
        top(&ix, "DHID").map(|t| t.0),
        Some("DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD".into())
    );
}

#[test]
fn near_but_different_names_stay_below_the_threshold() {
    let ix = index();
    for (q, listed) in [
        ("Banco Nacional de Mexico", "BANCO NACIONAL DE CUBA"),
        (
            "Huawei Investment Holdings",
            "Huawei Technologies Co., Ltd.",
        ),
        ("Gulf Gate Logistics LLC", "GULF GATE SHIPPING CO. LLC"),
        ("ZHANG, Lei", "ZHANG, Wei"),
        ("Northern Star Foods GmbH", "NORTHERN STAR METALS GMBH"),
        ("Oriental Treasure", "ORIENTAL PEARL"),
    ] {
        let s = best_score_for(&ix, q, listed);
        assert!(s < DEFAULT_THRESHOLD, "{q:?} scored {s} against {listed:?}");
    }
    assert!(top(&ix, "Acme Bakery Ltd").is_none());
}

#[test]
fn country_adjusts_the_score() {
    let ix = index();
    let base = best_score_for(&ix, "Northern Star Metals", "NORTHERN STAR METALS GMBH");
    let at = |cc: &str| {
        let opts = SearchOptions {
            threshold: 0.0,
            country: Some(cc.into()),
            limit: 5,
        };
        ix.search("Northern Star Metals", &opts)
            .into_iter()
            .find(|h| ix.entries()[h.entry].name == "NORTHERN STAR METALS GMBH")
            .map(|h| h.score)
            .unwrap_or(0.0)
    };
    assert!(at("AT") > at("CN"));
    assert!(at("CN") < base);
}

#[test]
fn explanations_name_the_matches() {
    let ix = index();
    let hits = ix.search("Banco Nacionl de Cuba S.A.", &SearchOptions::default());
    let h = hits.first().expect("hit");
    let text = h.explanation.describe(h.score);
    assert!(text.contains("nacionl = nacional (1 edit(s)"), "{text}");
    assert!(text.contains("legal forms ignored: sa"), "{text}");
    assert!(h.explanation.query_coverage < 1.0 && h.explanation.query_coverage > 0.9);
}

#[test]
fn the_curated_hangul_table_reads_as_the_listed_names() {
    // Every curated Korean name in Hangul normalises to the listed name's words (in another order: the list
    // writes `FAMILY, Given`, Hangul the family name first without a comma).
    for (hangul, listed) in aigov_screening::eval::HANGUL_NAMES {
        let mut got: Vec<String> = aigov_screening::normalize(hangul)
            .tokens
            .into_iter()
            .map(|t| t.text)
            .collect();
        let mut want: Vec<String> = aigov_screening::normalize(listed)
            .tokens
            .into_iter()
            .map(|t| t.text)
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{hangul} / {listed}");
    }
}

#[test]
fn the_curated_arabic_script_table_finds_the_listed_names() {
    // Every curated name in the Arabic script hits its listed name, among the others of the table.
    let table = aigov_screening::eval::ARABIC_SCRIPT_NAMES;
    let ix = Index::build(
        table
            .iter()
            .enumerate()
            .map(|(i, (_, listed))| Entry {
                id: i.to_string(),
                kind: Some(
                    if listed.contains(',') {
                        "Individual"
                    } else {
                        "Entity"
                    }
                    .into(),
                ),
                name: listed.to_string(),
                ..Entry::default()
            })
            .collect(),
    );
    for (written, listed) in table {
        let names: Vec<&str> = ix
            .search(written, &SearchOptions::default())
            .iter()
            .map(|h| ix.entries()[h.entry].name.as_str())
            .collect();
        assert_eq!(names, [*listed], "{written}");
    }
}

#[test]
fn the_curated_hanzi_table_romanises_to_the_listed_names() {
    // Every curated Chinese name, normalised with the listed words as lexicon, gives the listed tokens.
    for (hanzi, listed) in aigov_screening::eval::HANZI_NAMES {
        let l = aigov_screening::normalize(listed);
        let words: Vec<String> = l.tokens.iter().map(|t| t.text.clone()).collect();
        let h =
            aigov_screening::normalize::normalize_with(hanzi, &|w| words.iter().any(|x| x == w));
        let got: Vec<&str> = h.tokens.iter().map(|t| t.text.as_str()).collect();
        for g in &got {
            assert!(
                words.iter().any(|w| w == g),
                "{hanzi}: {g} not in {listed} ({words:?})"
            );
        }
    }
}

#[test]
fn a_hit_shows_the_name_it_matched_as_the_list_writes_it() {
    let ix = Index::build(vec![Entry {
        list: "SDN".into(),
        id: "1".into(),
        kind: Some("Entity".into()),
        name: "NORTHERN STAR SHIPPING LINES".into(),
        alt_names: vec![
            "POLAR SEAWAYS TRADING CO.".into(),
            "AZURE HARBOUR LOGISTICS / GOLDEN TIDE MARINE".into(),
        ],
        ..Entry::default()
    }]);
    let matched = |q: &str| {
        ix.search(q, &SearchOptions::default())
            .first()
            .map(|h| h.matched_name.clone())
            .unwrap_or_else(|| panic!("{q} hits"))
    };
    assert_eq!(
        matched("Northern Star Shipping Lines"),
        "NORTHERN STAR SHIPPING LINES"
    );
    // An alias, written as the list writes it (legal form and all).
    assert_eq!(
        matched("Polar Seaways Trading"),
        "POLAR SEAWAYS TRADING CO."
    );
    // One side of `A / B`: the name it is part of is no name of the entry by itself, so the primary name.
    assert_eq!(
        matched("Golden Tide Marine"),
        "NORTHERN STAR SHIPPING LINES"
    );
}

#[test]
fn the_generated_near_misses_replace_one_word_as_written() {
    use aigov_screening::eval::{generate, Variant};
    let ix = index();
    let cases = generate(&ix, 42, 20);
    assert_eq!(cases, generate(&ix, 42, 20), "the set is fixed for a seed");
    // The listed names' words as written (lowercase, without punctuation): a near miss is one of them with
    // one word replaced by another listed word, drawn from the names as written and not as the normaliser
    // writes them, so that a change to the normaliser does not redraw the set.
    let plain = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let names: Vec<Vec<String>> = ix
        .entries()
        .iter()
        .flat_map(|e| e.names().map(plain).collect::<Vec<_>>())
        .collect();
    let near: Vec<_> = cases
        .iter()
        .filter(|c| c.variant == Variant::NearMiss)
        .collect();
    assert!(!near.is_empty());
    for c in near {
        let words = plain(&c.query);
        assert!(
            names.iter().any(|n| n.len() == words.len()
                && n.iter().zip(&words).filter(|(a, b)| a != b).count() == 1),
            "{:?} is not a listed name with one word replaced",
            c.query
        );
        assert!(
            words.iter().all(|w| names.iter().any(|n| n.contains(w))),
            "{:?}: every word is a listed word as written",
            c.query
        );
        assert!(c.expected.is_none());
    }
}
