//! Property tests of the manifest parser and binder, and of the corpus loader's robustness.

use aigov_core::manifest::{self, bind, locate, parse, Facts, Format};
use aigov_core::vocabulary::{EnumValue, FactDef, FactType, SubjectKind, TierDef, Vocabulary};
use aigov_core::Value;
use proptest::prelude::*;

fn ev(ids: &[&str]) -> Vec<EnumValue> {
    ids.iter()
        .map(|i| EnumValue {
            id: i.to_string(),
            description: String::new(),
        })
        .collect()
}

fn vocabulary() -> Vocabulary {
    let f = |subject: &str, name: &str, ty: FactType| FactDef {
        id: 0,
        subject: subject.into(),
        name: name.into(),
        ty,
        description: format!("{name}."),
        question: format!("{name}?"),
        qualified: String::new(),
        derive: Vec::new(),
        min: None,
        max: None,
        market: false,
    };
    Vocabulary::new(
        vec![
            SubjectKind {
                id: "organization".into(),
                description: "org".into(),
                assessable: false,
            },
            SubjectKind {
                id: "ai_system".into(),
                description: "system".into(),
                assessable: true,
            },
        ],
        vec![
            f(
                "organization",
                "employees",
                FactType::Number {
                    unit: Some("employees".into()),
                },
            ),
            f("organization", "sme", FactType::Bool),
            f("organization", "established_in", FactType::Regions),
            f(
                "ai_system",
                "roles",
                FactType::Set {
                    values: ev(&["provider", "deployer", "importer"]),
                },
            ),
            f("ai_system", "launch_date", FactType::Date),
            f(
                "ai_system",
                "category",
                FactType::Enum {
                    values: ev(&["general", "specialised"]),
                },
            ),
            f("ai_system", "vendor", FactType::Text),
            f("ai_system", "compute_flop", FactType::Number { unit: None }),
        ],
        vec![TierDef {
            id: "high".into(),
            rank: 40,
            description: "high".into(),
        }],
    )
}

/// A valid value for a fact type (numbers: any finite double, or with `exact`, integers and short decimals,
/// which every JSON parser reads back exactly).
fn value_for(ty: &FactType, exact: bool) -> BoxedStrategy<Value> {
    match ty {
        FactType::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        FactType::Number { .. } if exact => prop_oneof![
            (0i64..1_000_000).prop_map(|n| Value::Number(n as f64)),
            (-1000i64..1000).prop_map(|n| Value::Number(n as f64 / 4.0)),
        ]
        .boxed(),
        FactType::Number { .. } => prop_oneof![
            (0i64..1_000_000).prop_map(|n| Value::Number(n as f64)),
            (-1e30f64..1e30).prop_map(Value::Number),
        ]
        .boxed(),
        FactType::Date => (1900i16..2100, 1i8..=12, 1i8..=28)
            .prop_map(|(y, m, d)| Value::Date(aigov_core::Date::new(y, m, d).unwrap()))
            .boxed(),
        FactType::Text => "[a-zA-Z0-9 _.-]{0,20}".prop_map(Value::Text).boxed(),
        FactType::Enum { values } => {
            let ids: Vec<String> = values.iter().map(|v| v.id.clone()).collect();
            proptest::sample::select(ids).prop_map(Value::Text).boxed()
        }
        FactType::Set { values } => {
            let ids: Vec<String> = values.iter().map(|v| v.id.clone()).collect();
            proptest::sample::subsequence(ids.clone(), 0..=ids.len())
                .prop_map(Value::set)
                .boxed()
        }
        // Binding adds every containing region (`US-CA` is also in `US`), so generate sets closed that way.
        // Codes must be known places (ISO 3166, US states, listed cities), so they are drawn from a list.
        FactType::Regions => proptest::collection::vec(
            proptest::sample::select(vec![
                "DE",
                "FR",
                "US",
                "EU",
                "CN",
                "GB",
                "US-CA",
                "US-TX",
                "US-NY-NYC",
                "DE-BY",
                "JP-13",
            ]),
            0..4,
        )
        .prop_map(|codes| {
            Value::set(codes.iter().flat_map(|c| {
                let parts: Vec<&str> = c.split('-').collect();
                (1..=parts.len())
                    .map(|n| parts[..n].join("-"))
                    .collect::<Vec<_>>()
            }))
        })
        .boxed(),
    }
}

/// Valid facts: each fact given or unknown.
fn facts_strategy() -> impl Strategy<Value = Facts> {
    facts_with(false)
}

fn exact_facts() -> impl Strategy<Value = Facts> {
    facts_with(true)
}

fn facts_with(exact: bool) -> impl Strategy<Value = Facts> {
    let voc = vocabulary();
    let per_fact: Vec<BoxedStrategy<Option<Value>>> = voc
        .facts
        .iter()
        .map(|f| proptest::option::of(value_for(&f.ty, exact)).boxed())
        .collect();
    (per_fact, proptest::option::of("[A-Za-z][A-Za-z0-9 ]{0,12}")).prop_map(
        move |(values, name)| {
            let mut facts = Facts::empty("ai_system", &voc);
            facts.name = name;
            for (i, v) in values.into_iter().enumerate() {
                facts.set(i as u32, v);
            }
            facts
        },
    )
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        prop_oneof![
            "\\PC{0,10}",
            Just("ai_system".to_string()),
            Just("provider".to_string()),
            Just("2025-02-30".to_string()),
            Just("US-CA".to_string())
        ]
        .prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        let key = prop_oneof![
            Just("subject".to_string()),
            Just("name".to_string()),
            Just("organization".to_string()),
            Just("ai_system".to_string()),
            Just("roles".to_string()),
            Just("employees".to_string()),
            Just("launch_date".to_string()),
            Just("established_in".to_string()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(key, inner, 0..5)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn tree_of(facts: &Facts) -> serde_json::Value {
    serde_json::to_value(facts.to_tree(&vocabulary())).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
        let voc = vocabulary();
        for f in [Format::Yaml, Format::Json, Format::Toml] {
            let _ = parse(&s, f, &voc);
        }
    }

    #[test]
    fn parse_never_panics_on_manifest_like_text(
        lines in proptest::collection::vec(prop_oneof![
            Just("subject: ai_system".to_string()),
            Just("ai_system:".to_string()),
            Just("organization:".to_string()),
            Just("  roles: [provider, deployer]".to_string()),
            Just("  employees: 12".to_string()),
            Just("  launch_date: 2025-02-30".to_string()),
            Just("[ai_system]".to_string()),
            Just("roles = [\"provider\"]".to_string()),
            Just("{\"subject\": \"ai_system\"".to_string()),
            "[ -~]{0,30}",
        ], 0..12)
    ) {
        let s = lines.join("\n");
        let voc = vocabulary();
        for f in [Format::Yaml, Format::Json, Format::Toml] {
            if let Err(e) = parse(&s, f, &voc) {
                if let Some((l, _c)) = e.line_col {
                    // (The column can be 0 for JSON at end of input: see `json_error_columns_are_one_based`.)
                    prop_assert!(l >= 1, "{e:?}");
                }
            }
        }
    }

    #[test]
    fn bind_never_panics_on_arbitrary_json(tree in arb_json()) {
        let voc = vocabulary();
        match bind(&tree, &voc) {
            Ok(facts) => prop_assert_eq!(facts.subject, "ai_system"),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
        // Wrapped as a manifest, too.
        let wrapped = serde_json::json!({"subject": "ai_system", "ai_system": tree.clone(), "organization": tree});
        let _ = bind(&wrapped, &voc);
    }

    #[test]
    fn valid_manifests_round_trip_through_json(facts in exact_facts()) {
        let voc = vocabulary();
        let text = serde_json::to_string(&tree_of(&facts)).unwrap();
        let back = parse(&text, Format::Json, &voc).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(back, facts);
    }

    #[test]
    fn any_double_round_trips_through_json(facts in facts_strategy()) {
        let voc = vocabulary();
        let text = serde_json::to_string(&tree_of(&facts)).unwrap();
        let back = parse(&text, Format::Json, &voc).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(back, facts);
    }

    #[test]
    fn valid_manifests_round_trip_through_yaml(facts in facts_strategy()) {
        let voc = vocabulary();
        let text = serde_yaml_ng::to_string(&facts.to_tree(&voc)).unwrap();
        let back = parse(&text, Format::Yaml, &voc).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(back, facts);
    }

    #[test]
    fn valid_manifests_round_trip_through_toml(facts in facts_strategy()) {
        let voc = vocabulary();
        let text = toml::to_string(&facts.to_tree(&voc)).unwrap();
        let back = parse(&text, Format::Toml, &voc).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(back, facts);
    }

    #[test]
    fn wrong_typed_fact_names_its_path(facts in facts_strategy(), pick in 0usize..8, wrong in 0usize..4) {
        let voc = vocabulary();
        let def = &voc.facts[pick];
        // A value of the wrong JSON type for this fact.
        let bad = match (&def.ty, wrong) {
            (FactType::Bool, 0) => serde_json::json!("yes"),
            (FactType::Bool, _) => serde_json::json!(1),
            (FactType::Number { .. }, 0) => serde_json::json!("many"),
            (FactType::Number { .. }, _) => serde_json::json!(true),
            (FactType::Date, 0) => serde_json::json!("2025-02-30"),
            (FactType::Date, _) => serde_json::json!(20250101),
            (FactType::Enum { .. } | FactType::Text, 0) => serde_json::json!(3),
            (FactType::Enum { .. } | FactType::Text, _) => serde_json::json!(["x"]),
            (FactType::Set { .. } | FactType::Regions, 0) => serde_json::json!("provider"),
            (FactType::Set { .. } | FactType::Regions, _) => serde_json::json!({"a": 1}),
        };
        let mut tree = tree_of(&facts);
        let section = tree.as_object_mut().unwrap().entry(def.subject.clone()).or_insert(serde_json::json!({}));
        section.as_object_mut().unwrap().insert(def.name.clone(), bad);
        let e = bind(&tree, &voc).expect_err("a wrong-typed fact is an error");
        // Only the wrong fact is wrong; the error names it.
        prop_assert_eq!(e.path, def.qualified(), "{:?}", e.message);
    }

    #[test]
    fn wrong_element_in_a_set_names_its_index(facts in facts_strategy(), at in 0usize..3) {
        let voc = vocabulary();
        let mut tree = tree_of(&facts);
        let mut items: Vec<serde_json::Value> = vec![serde_json::json!("provider"); 3];
        items[at] = serde_json::json!("providr");
        tree.as_object_mut().unwrap().entry("ai_system").or_insert(serde_json::json!({}))
            .as_object_mut().unwrap().insert("roles".into(), serde_json::Value::Array(items));
        let e = bind(&tree, &voc).expect_err("an unknown set value is an error");
        prop_assert_eq!(e.path, format!("ai_system.roles[{at}]"));
        prop_assert_eq!(e.hint.as_deref(), Some("did you mean \"provider\"?"));
    }

    #[test]
    fn misspelt_key_gets_did_you_mean(facts in facts_strategy(), pick in 0usize..8, cut in 1usize..5) {
        let voc = vocabulary();
        let def = &voc.facts[pick];
        prop_assume!(def.name.len() >= 6);
        let i = cut.min(def.name.len() - 2);
        let mut typo = def.name.clone();
        typo.remove(i);
        prop_assume!(voc.fact(&def.subject, &typo).is_none());
        let mut tree = tree_of(&facts);
        let section = tree.as_object_mut().unwrap().entry(def.subject.clone()).or_insert(serde_json::json!({}));
        let map = section.as_object_mut().unwrap();
        let value = map.remove(&def.name).unwrap_or(serde_json::json!(null));
        map.insert(typo.clone(), value);
        let e = bind(&tree, &voc).expect_err("an unknown key is an error");
        prop_assert_eq!(e.path, format!("{}.{typo}", def.subject));
        prop_assert_eq!(e.hint, Some(format!("did you mean `{}`?", def.name)));
    }

    #[test]
    fn misspelt_section_gets_did_you_mean(cut in 1usize..8) {
        let voc = vocabulary();
        let mut typo = "ai_system".to_string();
        typo.remove(cut);
        let tree = serde_json::json!({"subject": "ai_system", typo.clone(): {}});
        let e = bind(&tree, &voc).expect_err("an unknown section is an error");
        prop_assert_eq!(e.path, typo);
        prop_assert_eq!(e.hint.as_deref(), Some("did you mean `ai_system`?"));
    }

    #[test]
    fn locate_finds_the_line_in_yaml(facts in facts_strategy(), pick in 0usize..8) {
        let voc = vocabulary();
        let def = &voc.facts[pick];
        prop_assume!(facts.get(def.id).is_some());
        let text = serde_yaml_ng::to_string(&facts.to_tree(&voc)).unwrap();
        let path = def.qualified();
        let (line, col) = locate(&text, &path).expect("a given fact is found");
        let lines: Vec<&str> = text.lines().collect();
        // The line is the fact's key, inside its section.
        let got = lines[line - 1];
        prop_assert_eq!(got.trim_start().split(':').next().unwrap(), def.name.as_str(), "{}\n{}", path, text);
        prop_assert_eq!(col, got.len() - got.trim_start().len() + 1);
        let section = lines.iter().position(|l| *l == format!("{}:", def.subject)).unwrap() + 1;
        prop_assert!(line > section, "{path} at {line}, section at {section}\n{text}");
        // And a wrong value at that place is reported at that line by `parse`.
        let bad = text.replacen(&format!("{}:", def.name), &format!("{}: {{}}\n  zz_unused:", def.name), 1);
        if let Err(e) = parse(&bad, Format::Yaml, &voc) {
            if e.path == path {
                prop_assert_eq!(e.line_col.map(|l| l.0), Some(line));
            }
        }
    }
}

/// JSON manifests must read numbers exactly as YAML manifests and the corpus do: `1.0e+25` is 10^25. serde_json's
/// default float parser is not correctly rounded (it reads `1.0e+25` as 9.999999999999999e24 and `5.0e+24` as
/// 4.999999999999999e24), so a JSON manifest and a YAML manifest with the same number can fall on different sides
/// of a threshold such as `>= params.x.threshold`. Fix: enable serde_json's `float_roundtrip` feature.
#[test]
fn json_numbers_are_read_exactly() {
    let voc = vocabulary();
    for (text, n) in [("1.0e+25", 1e25), ("5.0e+24", 5e24), ("3e25", 3e25)] {
        let j = parse(
            &format!("{{\"subject\":\"ai_system\",\"ai_system\":{{\"compute_flop\":{text}}}}}"),
            Format::Json,
            &voc,
        )
        .unwrap();
        let y = parse(
            &format!("subject: ai_system\nai_system: {{ compute_flop: {text} }}\n"),
            Format::Yaml,
            &voc,
        )
        .unwrap();
        assert_eq!(y.get(7), Some(&Value::Number(n)), "YAML {text}");
        assert_eq!(j.get(7), Some(&Value::Number(n)), "JSON {text}");
    }
}

/// A training compute written out as an integer (10^26 FLOP) is a valid YAML number, but binding goes through
/// `serde_json::Value`, which cannot hold integers beyond 64 bits: the manifest is rejected as "invalid YAML: JSON
/// number out of range". (Same for corpus parameter values.)
#[test]
fn yaml_big_integers_are_numbers() {
    let voc = vocabulary();
    let f = parse(
        "subject: ai_system\nai_system:\n  compute_flop: 100000000000000000000000000\n",
        Format::Yaml,
        &voc,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(f.get(7), Some(&Value::Number(1e26)));
}

/// `ManifestError::line_col` is documented as 1-based; serde_json reports column 0 at the end of input.
#[test]
fn json_error_columns_are_one_based() {
    let voc = vocabulary();
    let e = parse("", Format::Json, &voc).unwrap_err();
    let (l, c) = e.line_col.unwrap();
    assert!(l >= 1 && c >= 1, "{e:?}");
}

#[test]
fn locate_examples() {
    let text = "subject: ai_system\norganization:\n  employees: 3\nai_system:\n  roles: [provider]\n  category: general\n";
    assert_eq!(locate(text, "ai_system.roles"), Some((5, 3)));
    assert_eq!(locate(text, "ai_system.roles[0]"), Some((5, 3)));
    assert_eq!(locate(text, "organization.employees"), Some((3, 3)));
    assert_eq!(locate(text, "ai_system"), Some((4, 1)));
    assert_eq!(locate(text, "ai_system.nope"), None);
    assert_eq!(locate(text, ""), None);
    let toml = "subject = \"ai_system\"\n\n[ai_system]\nroles = [\"provider\"]\n";
    assert_eq!(locate(toml, "ai_system.roles"), Some((4, 1)));
    // In a manifest of linked subjects, `subjects[2]` is the third item: its keys are found there, not in the
    // first item that has them.
    let linked = "subjects:\n  - id: a\n    subject: export\n    export:\n      end_use: [x]\n  - id: b\n    subject: export\n    export:\n      end_use: [y]\n  - id: c\n    subject: export\n    export:\n      end_use: [bad]\n";
    assert_eq!(locate(linked, "subjects[2].export.end_use"), Some((13, 7)));
    assert_eq!(locate(linked, "subjects[1].export.end_use"), Some((9, 7)));
    assert_eq!(locate(linked, "subjects[0].export.end_use"), Some((5, 7)));
    assert_eq!(locate(linked, "subjects[2]"), Some((10, 3)));
    // An index past the end of the list keeps the key's line.
    assert_eq!(locate(linked, "subjects[7]"), Some((1, 1)));
    assert_eq!(manifest::line_col("ab\ncd", 3), (2, 1));
    assert_eq!(manifest::line_col("ab\ncd", 99), (2, 3));
}

#[test]
fn parse_reports_places() {
    let voc = vocabulary();
    let e = parse(
        "subject: ai_system\nai_system:\n  roles: [provider, x]\n",
        Format::Yaml,
        &voc,
    )
    .unwrap_err();
    assert_eq!(e.path, "ai_system.roles[1]");
    assert_eq!(e.line_col, Some((3, 3)));
    let e = parse(
        "subject = \"ai_system\"\n[organization]\nemployees = \"many\"\n",
        Format::Toml,
        &voc,
    )
    .unwrap_err();
    assert_eq!(e.path, "organization.employees");
    assert_eq!(e.line_col, Some((3, 1)));
    assert!(e
        .message
        .contains("expected a number (in employees), found the string \"many\""));
    let e = parse(
        "{\"subject\": \"ai_system\",\n \"x\": 1",
        Format::Json,
        &voc,
    )
    .unwrap_err();
    assert!(e.message.starts_with("invalid JSON"));
    assert_eq!(e.line_col.map(|l| l.0), Some(2));
    let e = parse("subject: model\n", Format::Yaml, &voc).unwrap_err();
    assert_eq!(e.path, "subject");
    let e = parse("subject: organization\n", Format::Yaml, &voc).unwrap_err();
    assert!(
        e.message.contains("not a subject that can be assessed"),
        "{e:?}"
    );
    let e = parse("name: x\n", Format::Yaml, &voc).unwrap_err();
    assert!(e.message.starts_with("missing `subject`"));
    assert_eq!(e.hint.as_deref(), Some("add `subject: ai_system`"));
    let e = parse("- a\n", Format::Yaml, &voc).unwrap_err();
    assert_eq!(e.message, "a manifest must be a mapping");
    // Null means unknown; numbers given as strings are accepted.
    let f = parse(
        "subject: ai_system\norganization: { employees: \" 12 \", sme: null }\n",
        Format::Yaml,
        &voc,
    )
    .unwrap();
    assert_eq!(f.get(0), Some(&Value::Number(12.0)));
    assert_eq!(f.get(1), None);
    assert_eq!(f.known_count(), 1);
    assert_eq!(Format::from_path("a/b.YML"), Some(Format::Yaml));
    assert_eq!(Format::from_path("a.jsonl"), Some(Format::Json));
    assert_eq!(Format::from_path("a.txt"), None);
    assert_eq!(Format::from_path("noext"), None);
}

// The corpus loader's robustness properties live in crates/corpus/tests/loader_props.rs (this crate cannot
// depend on the corpus crate).

/// Found by fuzzing (fuzz/fuzz_targets/manifest.rs): at the end of input the YAML parser reports the line after
/// the last one; positions must stay inside the source, including with lone carriage returns as line breaks.
#[test]
fn yaml_error_positions_stay_inside_the_source() {
    let v = vocabulary();
    for text in ["[", "[\r+M\n!", "[\r9!", "subject: ai_system\nai_system: ["] {
        let e = parse(text, Format::Yaml, &v).expect_err("invalid manifest");
        let (line, col) = e.line_col.expect("YAML errors have a place");
        let breaks = text.matches(['\n', '\r']).count();
        assert!(line >= 1 && line <= breaks + 1, "{text:?}: line {line}");
        assert!(col >= 1, "{text:?}: col {col}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The batch fast path (`parse_json_fast`) gives exactly what the general JSON path gives: the same facts for
    /// valid manifests, the same error for invalid ones (mutated keys, values, whole trees, arbitrary text).
    #[test]
    fn fast_json_path_agrees_with_the_general_path(
        facts in facts_strategy(),
        tree in arb_json(),
        text in "\\PC{0,80}",
        pick in 0usize..4,
    ) {
        let v = vocabulary();
        let valid = serde_json::to_string(&tree_of(&facts)).unwrap();
        let mutated = valid.replacen("\"roles\"", "\"rolez\"", 1).replacen("true", "\"yes\"", 1);
        let candidates = [valid, mutated, serde_json::to_string(&tree).unwrap(), text];
        let input = &candidates[pick];
        let fast = manifest::parse_json_fast(input, &v);
        let slow = parse(input, Format::Json, &v);
        prop_assert_eq!(fast, slow, "input: {}", input);
    }
}
