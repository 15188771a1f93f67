//! Conditions: CEL compiled against a small in-test vocabulary, evaluated in Kleene three-valued logic.

use aigov_core::condition::{compile, CompileError, Env, Expr, Names, Resolver, Ty};
use aigov_core::model::FactId;
use aigov_core::{Truth, Value};
use std::collections::HashMap;

/// Facts: (subject, name, type).
fn facts() -> Vec<(&'static str, &'static str, Ty)> {
    let list = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    vec![
        ("organization", "employees", Ty::Number),
        (
            "ai_system",
            "roles",
            Ty::Set(list(&["provider", "deployer", "importer"])),
        ),
        ("ai_system", "used_in", Ty::Set(None)),
        ("ai_system", "flag", Ty::Bool),
        ("ai_system", "other", Ty::Bool),
        ("ai_system", "launch", Ty::Date),
        (
            "ai_system",
            "category",
            Ty::Text(list(&["general", "specialised"])),
        ),
        ("ai_system", "vendor", Ty::Text(None)),
        ("ai_system", "third", Ty::Bool),
    ]
}

const EMPLOYEES: FactId = 0;
const ROLES: FactId = 1;
const USED_IN: FactId = 2;
const FLAG: FactId = 3;
const OTHER: FactId = 4;
const LAUNCH: FactId = 5;
const CATEGORY: FactId = 6;
const VENDOR: FactId = 7;
const THIRD: FactId = 8;

const PARAMS: &[(&str, Ty)] = &[
    ("p.threshold", Ty::Number),
    ("p.states", Ty::Set(None)),
    ("p.cutoff", Ty::Date),
];
const RULES: &[&str] = &["r.one", "r.two"];

struct Vocab;

impl Resolver for Vocab {
    fn fact(&self, subject: &str, name: &str) -> Option<(FactId, Ty)> {
        facts()
            .into_iter()
            .enumerate()
            .find(|(_, (s, n, _))| *s == subject && *n == name)
            .map(|(i, (_, _, t))| (i as FactId, t))
    }
    fn is_subject(&self, name: &str) -> bool {
        name == "organization" || name == "ai_system"
    }
    fn fact_names(&self, subject: &str) -> Vec<String> {
        facts()
            .into_iter()
            .filter(|(s, _, _)| *s == subject)
            .map(|(_, n, _)| n.to_string())
            .collect()
    }
    fn param(&self, id: &str) -> Option<(usize, Ty)> {
        PARAMS
            .iter()
            .position(|(p, _)| *p == id)
            .map(|i| (i, PARAMS[i].1.clone()))
    }
    fn rule(&self, id: &str) -> Option<usize> {
        RULES.iter().position(|r| *r == id)
    }
}

impl Names for Vocab {
    fn fact(&self, id: FactId) -> String {
        let f = &facts()[id as usize];
        format!("{}.{}", f.0, f.1)
    }
    fn param(&self, index: usize) -> String {
        PARAMS[index].0.to_string()
    }
    fn rule(&self, index: usize) -> String {
        RULES[index].to_string()
    }
}

#[derive(Default)]
struct TestEnv {
    facts: HashMap<FactId, Value>,
    params: Vec<Option<Value>>,
    rules: Vec<Truth>,
}

impl TestEnv {
    fn new() -> Self {
        TestEnv {
            facts: HashMap::new(),
            params: vec![
                Some(Value::Number(1e25)),
                Some(Value::set(["DE".to_string(), "FR".to_string()])),
                Some(Value::Date("2025-08-02".parse().unwrap())),
            ],
            rules: vec![Truth::Unknown, Truth::Unknown],
        }
    }
    fn with(mut self, id: FactId, v: Value) -> Self {
        self.facts.insert(id, v);
        self
    }
}

impl Env for TestEnv {
    fn fact(&self, id: FactId) -> Option<&Value> {
        self.facts.get(&id)
    }
    fn param(&self, index: usize) -> Option<&Value> {
        self.params.get(index).and_then(Option::as_ref)
    }
    fn rule(&self, index: usize) -> Truth {
        self.rules[index]
    }
}

fn c(src: &str) -> Expr {
    compile(src, &Vocab)
        .unwrap_or_else(|e| panic!("`{src}` should compile: {e:?}"))
        .expr
}

fn err(src: &str) -> CompileError {
    match compile(src, &Vocab) {
        Ok(x) => panic!("`{src}` should not compile, got {:?}", x.expr),
        Err(e) => e,
    }
}

fn set(items: &[&str]) -> Value {
    Value::set(items.iter().map(|s| s.to_string()))
}

fn b(x: Option<bool>) -> Option<Value> {
    x.map(Value::Bool)
}

fn truth(x: Option<bool>) -> Truth {
    match x {
        Some(true) => Truth::True,
        Some(false) => Truth::False,
        None => Truth::Unknown,
    }
}

fn env2(x: Option<bool>, y: Option<bool>) -> TestEnv {
    let mut e = TestEnv::new();
    if let Some(v) = b(x) {
        e = e.with(FLAG, v);
    }
    if let Some(v) = b(y) {
        e = e.with(OTHER, v);
    }
    e
}

const VALUES: [Option<bool>; 3] = [Some(true), Some(false), None];

// ------------------------------------------------------------------------------------------- Kleene logic

#[test]
fn kleene_and() {
    let e = c("ai_system.flag && ai_system.other");
    for x in VALUES {
        for y in VALUES {
            let expected = match (x, y) {
                (Some(false), _) | (_, Some(false)) => Truth::False,
                (Some(true), Some(true)) => Truth::True,
                _ => Truth::Unknown,
            };
            assert_eq!(e.eval(&env2(x, y)), expected, "{x:?} && {y:?}");
        }
    }
    // The table's key cells, spelled out.
    assert_eq!(e.eval(&env2(Some(false), None)), Truth::False);
    assert_eq!(e.eval(&env2(None, Some(false))), Truth::False);
    assert_eq!(e.eval(&env2(Some(true), None)), Truth::Unknown);
}

#[test]
fn kleene_or() {
    let e = c("ai_system.flag || ai_system.other");
    for x in VALUES {
        for y in VALUES {
            let expected = match (x, y) {
                (Some(true), _) | (_, Some(true)) => Truth::True,
                (Some(false), Some(false)) => Truth::False,
                _ => Truth::Unknown,
            };
            assert_eq!(e.eval(&env2(x, y)), expected, "{x:?} || {y:?}");
        }
    }
    assert_eq!(e.eval(&env2(Some(true), None)), Truth::True);
    assert_eq!(e.eval(&env2(None, Some(true))), Truth::True);
    assert_eq!(e.eval(&env2(Some(false), None)), Truth::Unknown);
}

#[test]
fn kleene_not_and_nesting() {
    let e = c("!ai_system.flag");
    for x in VALUES {
        assert_eq!(e.eval(&env2(x, None)), truth(x.map(|v| !v)), "!{x:?}");
    }
    // De Morgan holds in Kleene logic: !(a && b) == !a || !b for all nine combinations.
    let l = c("!(ai_system.flag && ai_system.other)");
    let r = c("!ai_system.flag || !ai_system.other");
    let dn = c("!!ai_system.flag");
    for x in VALUES {
        for y in VALUES {
            assert_eq!(l.eval(&env2(x, y)), r.eval(&env2(x, y)), "{x:?} {y:?}");
        }
        assert_eq!(dn.eval(&env2(x, None)), truth(x));
    }
    // Chains are flattened into one n-ary node, and evaluate like the nested form.
    assert!(
        matches!(c("ai_system.flag && ai_system.other && ai_system.third"), Expr::And(v) if v.len() == 3)
    );
    assert!(
        matches!(c("ai_system.flag || ai_system.other || ai_system.third"), Expr::Or(v) if v.len() == 3)
    );
    let mixed = c("ai_system.flag && (ai_system.other || ai_system.third)");
    let e = env2(Some(true), Some(false)).with(THIRD, Value::Bool(true));
    assert_eq!(mixed.eval(&e), Truth::True);
    let e = env2(Some(true), Some(false));
    assert_eq!(mixed.eval(&e), Truth::Unknown);
}

#[test]
fn literals() {
    assert_eq!(c("true").eval(&TestEnv::new()), Truth::True);
    assert_eq!(c("false || true").eval(&TestEnv::new()), Truth::True);
    assert_eq!(c("1 < 2").eval(&TestEnv::new()), Truth::True);
    assert_eq!(c("2.5 >= 2.5").eval(&TestEnv::new()), Truth::True);
    assert_eq!(c("\"a\" == \"b\"").eval(&TestEnv::new()), Truth::False);
    assert_eq!(c("\"a\" != \"b\"").eval(&TestEnv::new()), Truth::True);
    assert_eq!(c("3u > 2").eval(&TestEnv::new()), Truth::True);
}

// ------------------------------------------------------------------------------------------- comparisons

#[test]
fn comparisons_with_unknown_facts() {
    let gt = c("organization.employees > 250");
    assert_eq!(gt.eval(&TestEnv::new()), Truth::Unknown);
    assert_eq!(
        gt.eval(&TestEnv::new().with(EMPLOYEES, Value::Number(300.0))),
        Truth::True
    );
    assert_eq!(
        gt.eval(&TestEnv::new().with(EMPLOYEES, Value::Number(250.0))),
        Truth::False
    );
    let ops = [
        ("<", [true, false, false]),
        ("<=", [true, true, false]),
        ("==", [false, true, false]),
        ("!=", [true, false, true]),
        (">=", [false, true, true]),
        (">", [false, false, true]),
    ];
    for (op, expected) in ops {
        let e = c(&format!("organization.employees {op} 10"));
        for (n, want) in [9.0, 10.0, 11.0].into_iter().zip(expected) {
            assert_eq!(
                e.eval(&TestEnv::new().with(EMPLOYEES, Value::Number(n))),
                Truth::from_bool(want),
                "{n} {op} 10"
            );
        }
        assert_eq!(e.eval(&TestEnv::new()), Truth::Unknown, "unknown {op} 10");
    }
    // Unknown in a comparison, settled by the connective.
    assert_eq!(
        c("organization.employees > 5 || true").eval(&TestEnv::new()),
        Truth::True
    );
    assert_eq!(
        c("organization.employees > 5 && false").eval(&TestEnv::new()),
        Truth::False
    );
    // Enumerated text.
    let e = c("ai_system.category == \"general\"");
    assert_eq!(e.eval(&TestEnv::new()), Truth::Unknown);
    assert_eq!(
        e.eval(&TestEnv::new().with(CATEGORY, Value::Text("general".into()))),
        Truth::True
    );
    assert_eq!(
        e.eval(&TestEnv::new().with(CATEGORY, Value::Text("specialised".into()))),
        Truth::False
    );
    // A fact compared with a parameter.
    let e = c("organization.employees > params.p.threshold");
    assert_eq!(
        e.eval(&TestEnv::new().with(EMPLOYEES, Value::Number(2e25))),
        Truth::True
    );
    let mut env = TestEnv::new().with(EMPLOYEES, Value::Number(2e25));
    env.params[0] = None; // no value on this date
    assert_eq!(e.eval(&env), Truth::Unknown);
    // Two facts.
    let e = c("ai_system.flag == ai_system.other");
    assert_eq!(e.eval(&env2(Some(true), Some(true))), Truth::True);
    assert_eq!(e.eval(&env2(Some(true), None)), Truth::Unknown);
}

#[test]
fn dates() {
    let e = c("ai_system.launch < date(\"2025-01-01\")");
    let at = |d: &str| TestEnv::new().with(LAUNCH, Value::Date(d.parse().unwrap()));
    assert_eq!(e.eval(&at("2024-12-31")), Truth::True);
    assert_eq!(e.eval(&at("2025-01-01")), Truth::False);
    assert_eq!(e.eval(&TestEnv::new()), Truth::Unknown);
    let e = c("ai_system.launch >= params.p.cutoff");
    assert_eq!(e.eval(&at("2025-08-02")), Truth::True);
    assert_eq!(e.eval(&at("2025-08-01")), Truth::False);
    assert_eq!(
        c("date(\"2024-02-29\") < date(\"2024-03-01\")").eval(&TestEnv::new()),
        Truth::True
    );
    let x = err("ai_system.launch < date(\"2025-02-30\")");
    assert!(x.message.contains("`2025-02-30` is not a date"), "{x:?}");
    let x = err("ai_system.launch < date(ai_system.vendor)");
    assert!(x.message.contains("`date` takes a string literal"), "{x:?}");
    let x = err("ai_system.launch < \"2025-01-01\"");
    assert!(
        x.message.contains("cannot compare a date with a text"),
        "{x:?}"
    );
}

// ------------------------------------------------------------------------------------------- sets

#[test]
fn membership() {
    let e = c("\"provider\" in ai_system.roles");
    assert_eq!(
        e.eval(&TestEnv::new().with(ROLES, set(&["deployer", "provider"]))),
        Truth::True
    );
    assert_eq!(
        e.eval(&TestEnv::new().with(ROLES, set(&["deployer"]))),
        Truth::False
    );
    assert_eq!(
        e.eval(&TestEnv::new().with(ROLES, set(&[]))),
        Truth::False,
        "an empty set is an answer"
    );
    assert_eq!(e.eval(&TestEnv::new()), Truth::Unknown);
    // A fact in a literal list, and in a parameter.
    let e = c("ai_system.category in [\"general\", \"specialised\"]");
    assert_eq!(
        e.eval(&TestEnv::new().with(CATEGORY, Value::Text("general".into()))),
        Truth::True
    );
    let e = c("ai_system.vendor in params.p.states");
    assert_eq!(
        e.eval(&TestEnv::new().with(VENDOR, Value::Text("FR".into()))),
        Truth::True
    );
    assert_eq!(
        e.eval(&TestEnv::new().with(VENDOR, Value::Text("IT".into()))),
        Truth::False
    );
    // Sets from literals are sorted so that membership finds any element.
    let e = c("ai_system.vendor in [\"zz\", \"aa\", \"mm\"]");
    for v in ["zz", "aa", "mm"] {
        assert_eq!(
            e.eval(&TestEnv::new().with(VENDOR, Value::Text(v.into()))),
            Truth::True,
            "{v}"
        );
    }
}

#[test]
fn intersects_and_contains() {
    let i = c("sets.intersects(ai_system.used_in, params.p.states)");
    let with = |v: &[&str]| TestEnv::new().with(USED_IN, set(v));
    assert_eq!(i.eval(&with(&["US", "FR"])), Truth::True);
    assert_eq!(i.eval(&with(&["US"])), Truth::False);
    assert_eq!(i.eval(&with(&[])), Truth::False);
    assert_eq!(i.eval(&TestEnv::new()), Truth::Unknown);
    let i = c("sets.intersects(ai_system.roles, [\"provider\", \"importer\"])");
    assert_eq!(
        i.eval(&TestEnv::new().with(ROLES, set(&["importer"]))),
        Truth::True
    );
    assert_eq!(
        i.eval(&TestEnv::new().with(ROLES, set(&["deployer"]))),
        Truth::False
    );
    let k = c("sets.contains(ai_system.used_in, [\"DE\", \"FR\"])");
    assert_eq!(k.eval(&with(&["DE", "FR", "IT"])), Truth::True);
    assert_eq!(k.eval(&with(&["DE"])), Truth::False);
    assert_eq!(k.eval(&TestEnv::new()), Truth::Unknown);
    assert_eq!(
        c("sets.contains(ai_system.used_in, [])").eval(&with(&[])),
        Truth::True,
        "every set contains the empty set"
    );
    let x = err("sets.intersects(ai_system.roles, ai_system.flag)");
    assert!(
        x.message
            .contains("`sets.intersects` needs sets, found a bool"),
        "{x:?}"
    );
    let x = err("sets.intersects(ai_system.roles, [\"provider\", \"providr\"])");
    assert!(
        x.message.contains("\"providr\" is not an allowed value"),
        "{x:?}"
    );
    assert_eq!(x.hint.as_deref(), Some("did you mean \"provider\"?"));
}

#[test]
fn size_of_sets() {
    let e = c("size(ai_system.roles) >= 2");
    assert_eq!(
        e.eval(&TestEnv::new().with(ROLES, set(&["provider", "deployer"]))),
        Truth::True
    );
    assert_eq!(
        e.eval(&TestEnv::new().with(ROLES, set(&["provider"]))),
        Truth::False
    );
    assert_eq!(e.eval(&TestEnv::new()), Truth::Unknown);
    let m = c("ai_system.roles.size() == 0");
    assert_eq!(m.eval(&TestEnv::new().with(ROLES, set(&[]))), Truth::True);
    let x = err("size(organization.employees) > 1");
    assert!(
        x.message.contains("`size` needs a set, found a number"),
        "{x:?}"
    );
}

/// `has(x.y)` is a CEL macro that the parser expands into a presence-test selection.
#[test]
fn has_tests_whether_a_fact_is_given() {
    let e = c("has(ai_system.launch)");
    assert!(matches!(e, Expr::Known(LAUNCH)), "{e:?}");
    assert_eq!(
        e.eval(&TestEnv::new()),
        Truth::False,
        "has() is never unknown"
    );
    assert_eq!(
        e.eval(&TestEnv::new().with(LAUNCH, Value::Date("2024-01-01".parse().unwrap()))),
        Truth::True
    );
    let guarded = c("has(ai_system.launch) && ai_system.launch < date(\"2025-01-01\")");
    assert_eq!(guarded.eval(&TestEnv::new()), Truth::False);
    let mut out = Vec::new();
    c("!has(ai_system.launch) || ai_system.flag").unknown_facts(
        &TestEnv::new().with(LAUNCH, Value::Date("2024-01-01".parse().unwrap())),
        &|_| vec![],
        &mut out,
    );
    assert_eq!(out, [FLAG], "has() is never unknown, so it is never asked");
    let x = err("has(ai_system.nope)");
    assert!(
        x.message.contains("unknown fact `ai_system.nope`") || x.message.contains("has"),
        "{x:?}"
    );
    let x = err("has(params.p.threshold)");
    assert!(x.message.contains("has"), "{x:?}");
}

// ------------------------------------------------------------------------------------------- parameters, rules

#[test]
fn parameters_and_rule_references() {
    let e = c("rules.r.one && ai_system.flag");
    assert!(matches!(&e, Expr::And(v) if v[0] == Expr::Rule(0)));
    let mut env = env2(Some(true), None);
    assert_eq!(e.eval(&env), Truth::Unknown);
    env.rules[0] = Truth::True;
    assert_eq!(e.eval(&env), Truth::True);
    env.rules[0] = Truth::False;
    assert_eq!(e.eval(&env), Truth::False);
    let n = c("!rules.r.two");
    let mut env = TestEnv::new();
    env.rules[1] = Truth::False;
    assert_eq!(n.eval(&env), Truth::True);
    let mut refs = Vec::new();
    c("rules.r.one || (rules.r.two && ai_system.flag)").rule_refs(&mut refs);
    assert_eq!(refs, [0, 1]);
    assert!(matches!(c("params.p.threshold > 0"), Expr::Cmp(_, l, _) if *l == Expr::Param(0)));
    let x = err("params.p.nope > 0");
    assert!(x.message.contains("unknown parameter `p.nope`"), "{x:?}");
    let x = err("rules.r.three");
    assert!(x.message.contains("unknown rule `r.three`"), "{x:?}");
    assert!(x.hint.unwrap().contains("rules.<instrument>.<name>"));
}

// ------------------------------------------------------------------------------------------- compile errors

#[test]
fn compile_errors() {
    let x = err("ai_system.flag &&");
    assert!(x.message.starts_with("syntax error in condition"), "{x:?}");
    assert!(x.hint.unwrap().contains("CEL"));
    assert!(x.span.is_some());
    let x = err("organization.employees");
    assert_eq!(
        x.message,
        "a condition must be boolean, this one is a number"
    );
    let x = err("ai_system.roles");
    assert_eq!(x.message, "a condition must be boolean, this one is a set");
    let x = err("ai_system.flg");
    assert_eq!(x.message, "unknown fact `ai_system.flg`");
    assert_eq!(x.hint.as_deref(), Some("did you mean `ai_system.flag`?"));
    assert!(x.span.is_some());
    let x = err("organization.employes > 3");
    assert_eq!(
        x.hint.as_deref(),
        Some("did you mean `organization.employees`?")
    );
    let x = err("ai_system.zzzzzzzz");
    assert_eq!(
        x.hint.as_deref(),
        Some("declare it in corpus/vocabulary/ai_system.yaml")
    );
    let x = err("model.flag");
    assert_eq!(x.message, "unknown name `model.flag`");
    let x = err("flag");
    assert_eq!(x.message, "unknown name `flag`");
    let x = err("ai_system.category == 3");
    assert_eq!(x.message, "cannot compare a text with a number");
    let x = err("ai_system.vendor < \"b\"");
    assert!(
        x.message.contains("`<` needs numbers or dates, found text"),
        "{x:?}"
    );
    let x = err("ai_system.category == \"generl\"");
    assert_eq!(x.message, "\"generl\" is not an allowed value here");
    assert_eq!(x.hint.as_deref(), Some("did you mean \"general\"?"));
    let x = err("\"generl\" == ai_system.category");
    assert_eq!(x.hint.as_deref(), Some("did you mean \"general\"?"));
    let x = err("\"zzz\" in ai_system.roles");
    assert!(x
        .hint
        .unwrap()
        .starts_with("allowed values: provider, deployer, importer"));
    let x = err("ai_system.category in [\"general\", \"other\"]");
    assert!(
        x.message.contains("\"other\" is not an allowed value"),
        "{x:?}"
    );
    let x = err("\"x\" in organization.employees");
    assert!(
        x.message
            .contains("`in` needs a set on the right, found a number"),
        "{x:?}"
    );
    let x = err("organization.employees in ai_system.used_in");
    assert!(
        x.message
            .contains("`in` needs a text value on the left, found a number"),
        "{x:?}"
    );
    let x = err("ai_system.flag && organization.employees");
    assert_eq!(x.message, "expected a boolean here, found a number");
    let x = err("!organization.employees");
    assert_eq!(x.message, "expected a boolean here, found a number");
    let x = err("ai_system.roles.exists(r, r == \"provider\")");
    assert!(
        x.message
            .contains("comprehensions (all, exists, map, filter) are not supported"),
        "{x:?}"
    );
    assert!(x.hint.unwrap().contains("sets.intersects"));
    let x = err("ai_system.vendor.startsWith(\"x\")");
    assert!(
        x.message
            .contains("unsupported operator or function `startsWith`"),
        "{x:?}"
    );
    assert!(x.hint.unwrap().contains("supported:"));
    let x = err("matches(ai_system.vendor, \"x\")");
    assert!(
        x.message
            .contains("unsupported operator or function `matches`"),
        "{x:?}"
    );
    // Arithmetic is numbers only.
    let x = err("organization.employees + \"a\" > 2");
    assert!(
        x.message.contains("arithmetic needs numbers, found a text"),
        "{x:?}"
    );
    let x = err("max(organization.employees, true) > 2");
    assert!(
        x.message.contains("arithmetic needs numbers, found a bool"),
        "{x:?}"
    );
    let x = err("ai_system.vendor in [1, 2]");
    assert_eq!(x.message, "list literals may only hold strings");
    let x = err("b\"bytes\" == ai_system.vendor");
    assert!(
        x.message
            .contains("only bool, number and string literals are supported"),
        "{x:?}"
    );
    let x = err("ai_system.flag ? true : false");
    assert!(
        x.message.contains("unsupported operator or function"),
        "{x:?}"
    );
    let x = err("{\"a\": 1} == {\"a\": 1}");
    assert!(!x.message.is_empty());
}

#[test]
fn spans_point_into_the_source() {
    let src = "ai_system.flag && organization.employes > 3";
    let x = err(src);
    let (a, b) = x.span.expect("a span");
    assert!(a <= b && b <= src.len(), "{a}..{b}");
    assert!(
        a >= "ai_system.flag && ".len() - 1,
        "the span is on the second operand: {a}"
    );
}

// ------------------------------------------------------------------------------------------- analysis

#[test]
fn reads_lists_the_facts() {
    let mut r = Vec::new();
    c("ai_system.flag && (organization.employees > 3 || \"provider\" in ai_system.roles) && !rules.r.one && size(ai_system.used_in) > 0")
        .reads(&mut r);
    r.sort();
    assert_eq!(r, [EMPLOYEES, ROLES, USED_IN, FLAG]);
    let mut r = Vec::new();
    c("params.p.threshold > 1 && rules.r.one").reads(&mut r);
    assert!(r.is_empty(), "parameters and rules are not facts: {r:?}");
}

#[test]
fn unknown_facts_are_only_those_that_can_settle_the_outcome() {
    let no_follow = |_: usize| -> Vec<FactId> { panic!("no rule reference here") };
    // flag unknown; (other || employees > 5) is already true: only flag can settle it.
    let e = c("ai_system.flag && (ai_system.other || organization.employees > 5)");
    let env = TestEnv::new().with(OTHER, Value::Bool(true));
    assert_eq!(e.eval(&env), Truth::Unknown);
    let mut out = Vec::new();
    e.unknown_facts(&env, &no_follow, &mut out);
    assert_eq!(out, [FLAG]);
    // Both unknown: both can settle it, each listed once.
    let e = c("(ai_system.flag || ai_system.other) && (ai_system.flag || ai_system.third)");
    let env = TestEnv::new().with(THIRD, Value::Bool(false));
    let mut out = Vec::new();
    e.unknown_facts(&env, &no_follow, &mut out);
    out.sort();
    assert_eq!(out, [FLAG, OTHER]);
    // Under a negation and in a comparison.
    let e = c("!(organization.employees > 3)");
    let mut out = Vec::new();
    e.unknown_facts(&TestEnv::new(), &no_follow, &mut out);
    assert_eq!(out, [EMPLOYEES]);
    // Through a rule reference, the referenced rule's facts (from `follow`).
    let e = c("rules.r.one && ai_system.flag");
    let env = TestEnv::new().with(FLAG, Value::Bool(true));
    let mut out = Vec::new();
    e.unknown_facts(
        &env,
        &|i| {
            if i == 0 {
                vec![CATEGORY, VENDOR]
            } else {
                vec![]
            }
        },
        &mut out,
    );
    assert_eq!(out, [CATEGORY, VENDOR]);
    // A known rule reference contributes nothing.
    let mut env = TestEnv::new();
    env.rules[0] = Truth::True;
    let mut out = Vec::new();
    c("rules.r.one && ai_system.flag").unknown_facts(&env, &|_| vec![CATEGORY], &mut out);
    assert_eq!(out, [FLAG]);
    // Answering every listed fact settles the expression, whatever the answers.
    let e = c("ai_system.flag && (ai_system.other || organization.employees > 5)");
    let base = TestEnv::new().with(OTHER, Value::Bool(true));
    for v in [true, false] {
        let env = TestEnv::new()
            .with(OTHER, Value::Bool(true))
            .with(FLAG, Value::Bool(v));
        assert_ne!(e.eval(&env), Truth::Unknown);
    }
    assert_eq!(e.eval(&base), Truth::Unknown);
}

// ------------------------------------------------------------------------------------------- render

#[test]
fn render_round_trips() {
    let sources = [
        "ai_system.flag && ai_system.other",
        "ai_system.flag || ai_system.other && ai_system.third",
        "(ai_system.flag || ai_system.other) && ai_system.third",
        "!(ai_system.flag && ai_system.other)",
        "!ai_system.flag || !!ai_system.other",
        "organization.employees > 250 && organization.employees <= 1e6",
        "organization.employees != 3.5",
        "organization.employees >= params.p.threshold",
        "organization.employees < 1e-5 || organization.employees > 1e25",
        "\"provider\" in ai_system.roles",
        "ai_system.category == \"general\" || ai_system.category in [\"specialised\"]",
        "sets.intersects(ai_system.used_in, params.p.states) && sets.contains(ai_system.roles, [\"provider\", \"deployer\"])",
        "size(ai_system.roles) > 1",
        "ai_system.launch < date(\"2025-01-01\") && ai_system.launch >= params.p.cutoff",
        "rules.r.one && !rules.r.two",
        "true",
        "ai_system.flag == false",
        "ai_system.vendor == \"ACME Corp\"",
    ];
    for src in sources {
        let e = c(src);
        let printed = e.render(&Vocab);
        let again = compile(&printed, &Vocab)
            .unwrap_or_else(|x| panic!("`{printed}` (from `{src}`) does not compile: {x:?}"));
        assert_eq!(again.expr, e, "`{src}` rendered as `{printed}`");
        // Rendering is stable.
        assert_eq!(again.expr.render(&Vocab), printed);
    }
}

#[test]
fn trace_records_values() {
    let e = c("organization.employees > params.p.threshold && \"provider\" in ai_system.roles");
    let env = TestEnv::new().with(EMPLOYEES, Value::Number(3e25));
    let t = e.trace(&env, &Vocab);
    assert_eq!(t.result, Truth::Unknown);
    assert_eq!(t.children.len(), 2);
    assert_eq!(t.children[0].result, Truth::True);
    assert_eq!(
        t.children[0].values,
        ["organization.employees = 3e25", "params.p.threshold = 1e25"]
    );
    assert_eq!(t.children[1].result, Truth::Unknown);
    assert_eq!(
        t.children[1].values,
        ["ai_system.roles = unknown (not given)"]
    );
}

#[test]
fn arithmetic_evaluates_in_three_valued_logic_and_prints_back() {
    let env = TestEnv::new().with(EMPLOYEES, Value::Number(300.0));
    assert_eq!(
        c("organization.employees * 2 - 100 == 500").eval(&env),
        Truth::True
    );
    assert_eq!(c("organization.employees / 3 > 99").eval(&env), Truth::True);
    assert_eq!(
        c("max(organization.employees, 400) == 400").eval(&env),
        Truth::True
    );
    assert_eq!(
        c("min(organization.employees, 400) == 300").eval(&env),
        Truth::True
    );
    assert_eq!(c("-organization.employees < 0").eval(&env), Truth::True);
    // An unknown operand makes the result unknown; so does a division by zero.
    let empty = TestEnv::new();
    assert_eq!(
        c("organization.employees * 2 > 1").eval(&empty),
        Truth::Unknown
    );
    assert_eq!(
        c("max(organization.employees, 1) > 0").eval(&empty),
        Truth::Unknown
    );
    assert_eq!(
        c("organization.employees / 0 > 1").eval(&env),
        Truth::Unknown
    );
    // Brackets are printed where they change the meaning.
    assert_eq!(
        c("organization.employees - (organization.employees - 1) > 0").render(&Vocab),
        "organization.employees - (organization.employees - 1) > 0"
    );
    assert_eq!(
        c("(organization.employees + 1) * 2 > 0").render(&Vocab),
        "(organization.employees + 1) * 2 > 0"
    );
}
