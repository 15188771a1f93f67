//! Manifests that must not pass wrong: repeated keys, sections for another subject kind, numbers a fact cannot
//! take, unknown region codes, a byte-order mark. Each is an error naming the place, in every format and on the
//! batch fast path alike.

use aigov_core::manifest::{parse, parse_json_fast, Format, ManifestError};
use aigov_core::vocabulary::{EnumValue, FactDef, FactType, SubjectKind, Vocabulary};
use aigov_core::Value;

fn vocabulary() -> Vocabulary {
    let f = |subject: &str, name: &str, ty: FactType, min: Option<f64>| FactDef {
        id: 0,
        subject: subject.into(),
        name: name.into(),
        ty,
        description: format!("{name}."),
        question: format!("{name}?"),
        qualified: String::new(),
        derive: Vec::new(),
        min,
        max: None,
        market: false,
    };
    let kind = |id: &str, assessable: bool| SubjectKind {
        id: id.into(),
        description: id.into(),
        assessable,
    };
    let mut v = Vocabulary::new(
        vec![
            kind("organization", false),
            kind("ai_system", true),
            kind("model", true),
            kind("item", true),
            kind("export", true),
        ],
        vec![
            f(
                "organization",
                "employees",
                FactType::Number {
                    unit: Some("employees".into()),
                },
                Some(0.0),
            ),
            f(
                "ai_system",
                "roles",
                FactType::Set {
                    values: vec![EnumValue {
                        id: "provider".into(),
                        description: String::new(),
                    }],
                },
                None,
            ),
            f("ai_system", "used_in", FactType::Regions, None),
            f("ai_system", "offset", FactType::Number { unit: None }, None),
            bounded(f(
                "ai_system",
                "share",
                FactType::Number { unit: None },
                Some(0.0),
            )),
            f(
                "model",
                "training_compute_flop",
                FactType::Number {
                    unit: Some("FLOP".into()),
                },
                Some(0.0),
            ),
            f("item", "tpp", FactType::Number { unit: None }, Some(0.0)),
            f(
                "export",
                "quantity",
                FactType::Number { unit: None },
                Some(0.0),
            ),
        ],
        Vec::new(),
    );
    // Rules about an export read its item (fact 6 is `item.tpp`).
    assert_eq!(v.facts[6].qualified, "item.tpp");
    v.set_contexts([("export", 6)]);
    v
}

fn bounded(mut f: FactDef) -> FactDef {
    f.max = Some(1.0);
    f
}

fn yaml(text: &str) -> Result<aigov_core::manifest::Facts, ManifestError> {
    parse(text, Format::Yaml, &vocabulary())
}

fn json(text: &str) -> Result<aigov_core::manifest::Facts, ManifestError> {
    let v = vocabulary();
    let general = parse(text, Format::Json, &v);
    // The batch fast path must give exactly the same answer.
    assert_eq!(parse_json_fast(text, &v), general, "fast path on {text}");
    general
}

#[test]
fn a_repeated_subject_in_yaml_is_an_error_at_the_second_one() {
    let e = yaml("subject: ai_system\nname: x\nsubject: model\n").unwrap_err();
    assert!(e.message.contains("duplicate key `subject`"), "{e:?}");
    assert_eq!(e.line_col, Some((3, 1)), "{e:?}");
    assert!(e.hint.is_some_and(|h| h.contains("twice")));
}

#[test]
fn a_repeated_fact_in_a_yaml_section_is_an_error_at_its_line() {
    let e =
        yaml("subject: ai_system\nai_system:\n  roles: [provider]\n  used_in: [DE]\n  roles: []\n")
            .unwrap_err();
    assert!(e.message.contains("duplicate key `roles`"), "{e:?}");
    assert_eq!(e.line_col, Some((5, 3)), "{e:?}");
}

#[test]
fn repeated_keys_in_json_are_errors_on_both_paths() {
    for text in [
        r#"{"subject":"ai_system","subject":"model"}"#,
        r#"{"subject":"ai_system","ai_system":{"roles":["provider"],"roles":[]}}"#,
        r#"{"subject":"ai_system","ai_system":{"offset":null,"offset":3}}"#,
        r#"{"subject":"ai_system","ai_system":{},"ai_system":{"roles":[]}}"#,
    ] {
        let e = json(text).unwrap_err();
        assert!(e.message.contains("duplicate key"), "{text}: {e:?}");
        assert!(e.line_col.is_some_and(|(l, c)| l == 1 && c > 1), "{e:?}");
    }
}

#[test]
fn repeated_keys_in_toml_are_errors() {
    let e = parse(
        "subject = \"ai_system\"\nsubject = \"model\"\n",
        Format::Toml,
        &vocabulary(),
    )
    .unwrap_err();
    assert_eq!(e.line_col.map(|(l, _)| l), Some(2), "{e:?}");
}

#[test]
fn a_section_for_another_subject_kind_is_an_error_naming_it() {
    let e = yaml("subject: ai_system\nai_system:\n  roles: [provider]\nmodel:\n  training_compute_flop: 1e26\n")
        .unwrap_err();
    assert_eq!(e.path, "model");
    assert_eq!(e.line_col, Some((4, 1)));
    assert!(e.message.contains("assesses a ai_system"), "{e:?}");
    assert!(e.hint.unwrap().contains("subject: model"));
    let e = json(r#"{"subject":"model","ai_system":{"roles":[]}}"#).unwrap_err();
    assert_eq!(e.path, "ai_system");
    // Context sections stay allowed: the organization everywhere, the item of an export.
    assert!(yaml("subject: model\norganization:\n  employees: 3\n").is_ok());
    assert!(json(r#"{"subject":"export","item":{"tpp":4800},"export":{"quantity":8}}"#).is_ok());
    // ... but not the other way round.
    assert!(json(r#"{"subject":"item","export":{"quantity":8}}"#).is_err());
}

#[test]
fn negative_numbers_are_refused_where_the_fact_cannot_take_them() {
    let e = yaml("subject: model\nmodel:\n  training_compute_flop: -1e26\n").unwrap_err();
    assert_eq!(e.path, "model.training_compute_flop");
    assert_eq!(e.line_col, Some((3, 3)));
    assert!(e.message.contains("below"), "{e:?}");
    let e = json(r#"{"subject":"model","organization":{"employees":-3}}"#).unwrap_err();
    assert_eq!(e.path, "organization.employees");
    // A maximum likewise (a share of at most 1).
    let e = json(r#"{"subject":"ai_system","ai_system":{"share":1.5}}"#).unwrap_err();
    assert!(e.message.contains("above the largest value"), "{e:?}");
    assert!(json(r#"{"subject":"ai_system","ai_system":{"share":1}}"#).is_ok());
    // A fact without a minimum takes negative values; zero is fine where the minimum is zero.
    assert!(json(r#"{"subject":"ai_system","ai_system":{"offset":-3}}"#).is_ok());
    assert!(json(r#"{"subject":"model","model":{"training_compute_flop":0}}"#).is_ok());
}

#[test]
fn infinite_and_nan_numbers_are_errors_not_unknowns() {
    for v in [".inf", "-.inf", ".nan", ".NaN"] {
        let e = yaml(&format!("subject: ai_system\nai_system:\n  offset: {v}\n")).unwrap_err();
        assert!(e.message.contains("not a finite number"), "{v}: {e:?}");
        assert_eq!(e.line_col.map(|(l, _)| l), Some(3), "{v}: {e:?}");
    }
    for v in ["inf", "nan", "-inf"] {
        let e = parse(
            &format!("subject = \"ai_system\"\n[ai_system]\noffset = {v}\n"),
            Format::Toml,
            &vocabulary(),
        )
        .unwrap_err();
        assert_eq!(e.path, "ai_system.offset", "{v}");
        assert_eq!(e.line_col.map(|(l, _)| l), Some(3), "{v}: {e:?}");
    }
    for v in ["\"NaN\"", "\"inf\"", "1e400"] {
        assert!(json(&format!(
            r#"{{"subject":"ai_system","ai_system":{{"offset":{v}}}}}"#
        ))
        .is_err());
    }
}

#[test]
fn unknown_region_codes_are_errors_naming_the_place() {
    let e = yaml("subject: ai_system\nai_system:\n  used_in: [DE, US-CAL]\n").unwrap_err();
    assert_eq!(e.path, "ai_system.used_in[1]");
    assert!(e.hint.unwrap().contains("US-CA"));
    let e = json(r#"{"subject":"ai_system","ai_system":{"used_in":["UK"]}}"#).unwrap_err();
    assert!(e.hint.unwrap().contains("GB"));
    let f = json(r#"{"subject":"ai_system","ai_system":{"used_in":["US-NY-NYC","FR"]}}"#).unwrap();
    assert!(matches!(f.get(2), Some(Value::Set(s)) if s.len() == 4));
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_manifest() {
    for (text, format) in [
        ("\u{feff}subject: ai_system\n", Format::Yaml),
        ("\u{feff}{\"subject\":\"ai_system\"}", Format::Json),
        ("\u{feff}subject = \"ai_system\"\n", Format::Toml),
    ] {
        let f = parse(text, format, &vocabulary()).expect("read with a BOM");
        assert_eq!(f.subject, "ai_system");
    }
}
