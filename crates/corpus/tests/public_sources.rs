//! Every text of the corpus a reader can see — notes and summaries, and the comments beside them in the files a
//! user opens to check a rule — cites what a reader can open: a URL or an official citation, never a private
//! label (a fact sheet's path or section, a source number like `[S12]`, a register entry, a verification tag)
//! or a word about how the encoding was researched.

/// Private labels that no reader can follow.
fn private_label(line: &str) -> Option<&'static str> {
    let patterns: [(&str, &str); 7] = [
        ("/work/shared", "a path on the authors' machine"),
        ("shared/reference", "a path to the authors' fact sheets"),
        ("reference §", "a section of the authors' fact sheets"),
        ("reference us-", "a section of the authors' fact sheets"),
        ("register U", "an entry of the authors' register"),
        ("during research", "how the encoding was researched"),
        (".md §", "a section of the authors' fact sheets"),
    ];
    if let Some((_, why)) = patterns.iter().find(|(p, _)| line.contains(p)) {
        return Some(why);
    }
    // Source numbers and verification tags: `[S12]`, `[V]`, `[M]`.
    let b = line.as_bytes();
    (0..b.len()).find_map(|i| {
        let rest = &b[i..];
        let tag = rest.starts_with(b"[V]")
            || rest.starts_with(b"[M]")
            || (rest.len() > 3
                && rest.starts_with(b"[S")
                && rest[2].is_ascii_digit()
                && rest[2..].iter().take_while(|c| c.is_ascii_digit()).count() + 2 < rest.len()
                && rest[2 + rest[2..].iter().take_while(|c| c.is_ascii_digit()).count()] == b']');
        tag.then_some("a source number or verification tag of the authors' notes")
    })
}

#[test]
fn corpus_and_controls_cite_only_public_sources() {
    let catalog = aigov_corpus::Source {
        path: "catalog/chips.yaml".into(),
        text: std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../catalog/chips.yaml"
        ))
        .expect("the chip catalog"),
    };
    let mut problems = Vec::new();
    for s in aigov_corpus::embedded_sources()
        .into_iter()
        .chain(aigov_corpus::embedded_controls())
        .chain(std::iter::once(catalog))
    {
        for (i, line) in s.text.lines().enumerate() {
            if let Some(why) = private_label(line) {
                problems.push(format!("{}:{}: {why}: {}", s.path, i + 1, line.trim()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_each_kind_of_label() {
    for line in [
        "# Source: /work/shared/reference/us-federal.md §1",
        "# confirmed (register U2)",
        "  note: see [S109]",
        "# Verified [V]: dates",
        "# not read during research",
    ] {
        assert!(private_label(line).is_some(), "{line}");
    }
    for line in [
        "# 15 CFR 744.23 [Reserved]",
        "  note: https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        "# [Sec 4]",
    ] {
        assert!(private_label(line).is_none(), "{line}");
    }
}
