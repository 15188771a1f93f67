//! Property tests of the corpus loader: mutated or arbitrary corpus files never make `load` panic; every
//! diagnostic points at a file of the corpus and a line within it.
use proptest::prelude::*;

fn mini() -> Vec<aigov_corpus::Source> {
    aigov_corpus::read_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../corpus/tests/fixtures/mini"
    )))
    .unwrap()
}

const FILES: &[&str] = &[
    "xx/act.yaml",
    "xx/amend.yaml",
    "us/eo-2023.yaml",
    "us-ca/chatbot-act.yaml",
    "vocabulary/ai_system.yaml",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    ReplaceChar(usize, char),
    Truncate(usize),
    InsertText(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (
            any::<usize>(),
            prop_oneof![
                Just(':'),
                Just(' '),
                Just('-'),
                Just('{'),
                Just('"'),
                Just('x'),
                Just('\t'),
                Just('.'),
                Just('9'),
                any::<char>()
            ]
        )
            .prop_map(|(a, c)| Mutation::ReplaceChar(a, c)),
        any::<usize>().prop_map(Mutation::Truncate),
        (
            any::<usize>(),
            prop_oneof![
                Just("rules.xx_act.scope && ".to_string()),
                Just("event:".to_string()),
                Just("2025-02-30".to_string()),
                Just("\n  - id: x\n".to_string()),
                Just("&a ".to_string()),
                Just("*a".to_string()),
                "[ -~]{0,12}",
            ]
        )
            .prop_map(|(a, s)| Mutation::InsertText(a, s)),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let n = lines.len().max(1);
    match m {
        Mutation::DeleteLine(i) => {
            if !lines.is_empty() {
                lines.remove(i % n);
            }
            lines.join("\n") + "\n"
        }
        Mutation::DuplicateLine(i) => {
            let l = lines[i % n];
            lines.insert(i % n, l);
            lines.join("\n") + "\n"
        }
        Mutation::SwapLines(a, b) => {
            lines.swap(a % n, b % n);
            lines.join("\n") + "\n"
        }
        Mutation::ReplaceChar(i, c) => {
            let chars: Vec<char> = text.chars().collect();
            let i = i % chars.len().max(1);
            chars
                .iter()
                .enumerate()
                .map(|(j, x)| if j == i { *c } else { *x })
                .collect()
        }
        Mutation::Truncate(i) => text.chars().take(i % (text.chars().count() + 1)).collect(),
        Mutation::InsertText(i, s) => {
            let chars: Vec<char> = text.chars().collect();
            let i = i % (chars.len() + 1);
            chars[..i]
                .iter()
                .chain(s.chars().collect::<Vec<_>>().iter())
                .chain(chars[i..].iter())
                .collect()
        }
    }
}

fn check(sources: &[aigov_corpus::Source]) -> Result<(), TestCaseError> {
    let result = std::panic::catch_unwind(|| aigov_corpus::load(sources));
    let Ok(result) = result else {
        return Err(TestCaseError::fail("the loader panicked"));
    };
    if let Err(diags) = result {
        prop_assert!(!diags.is_empty());
        for d in &diags {
            let Some(s) = sources.iter().find(|s| s.path == d.file) else {
                // Only the missing-vocabulary diagnostic names a file that may not exist.
                prop_assert_eq!(d.file.as_str(), "vocabulary/subjects.yaml");
                continue;
            };
            let lines = s.text.lines().count().max(1);
            prop_assert!(
                d.line >= 1 && d.line <= lines + 1,
                "{} (file has {} lines)",
                d,
                lines
            );
            prop_assert!(d.col >= 1, "{}", d);
            prop_assert!(!d.message.is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn mutated_instrument_files_never_panic(file in proptest::sample::select(FILES), ms in proptest::collection::vec(mutation(), 1..4)) {
        let mut sources = mini();
        let s = sources.iter_mut().find(|s| s.path == file).unwrap();
        for m in &ms {
            s.text = apply(&s.text, m);
        }
        check(&sources)?;
    }

    #[test]
    fn arbitrary_file_contents_never_panic(file in proptest::sample::select(FILES), text in "\\PC{0,300}") {
        let mut sources = mini();
        sources.iter_mut().find(|s| s.path == file).unwrap().text = text;
        check(&sources)?;
    }

    #[test]
    fn arbitrary_extra_file_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut sources = mini();
        sources.push(aigov_corpus::Source { path: "zz/extra.yaml".into(), text: String::from_utf8_lossy(&bytes).into_owned() });
        check(&sources)?;
    }
}
