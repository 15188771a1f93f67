//! `aigov init KIND`: a commented manifest template for a subject kind, generated from the corpus vocabulary so it
//! never goes stale. Every fact the kind's rules read is there, commented out, with its question, its type and its
//! allowed values; facts are ordered by how many rules they settle, so the answers that decide most come first,
//! except that a class the law defines by observable features follows its features (asked first, as in the
//! interview).
//! A fact left `null` stays unknown: the rules that need it are reported undetermined, with the question.

use crate::AppError;
use aigov_core::vocabulary::{FactDef, FactType};
use aigov_core::Engine;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The subject kinds a template can be made for (the assessable ones).
pub fn kinds(engine: &Engine) -> Vec<&str> {
    engine
        .corpus
        .vocabulary
        .subjects
        .iter()
        .filter(|s| s.assessable)
        .map(|s| s.id.as_str())
        .collect()
}

/// How many rules of `subject` read each fact (conditions, exceptions, and the facts derived values read).
fn rules_reading(engine: &Engine, subject: &str) -> BTreeMap<aigov_core::model::FactId, usize> {
    let corpus = &engine.corpus;
    let vocabulary = &corpus.vocabulary;
    let mut count: BTreeMap<aigov_core::model::FactId, usize> = BTreeMap::new();
    for &i in engine.rules_of(subject) {
        // The facts a rule reads, directly or through the rules it refers to (`rules.x`), and the inputs of the
        // derived facts among them: each of those settles the rule.
        let mut read: Vec<aigov_core::model::FactId> = Vec::new();
        let mut todo = vec![i];
        let mut seen = vec![i];
        while let Some(r) = todo.pop() {
            let mut refs = Vec::new();
            for v in &corpus.rules[r].versions {
                v.condition.expr.reads(&mut read);
                v.condition.expr.rule_refs(&mut refs);
                for e in &v.exceptions {
                    e.condition.expr.reads(&mut read);
                    e.condition.expr.rule_refs(&mut refs);
                }
            }
            for r in refs {
                if !seen.contains(&r) {
                    seen.push(r);
                    todo.push(r);
                }
            }
        }
        // A penalty with an SME rule reads the organization's SME status when the duty is reported.
        let sme_penalty = corpus.rules[i].versions.iter().any(|v| {
            v.effect
                .penalty()
                .and_then(|p| corpus.penalty(p))
                .is_some_and(|p| p.sme_cap.is_some())
        });
        if sme_penalty {
            if let Some(sme) = vocabulary.fact("organization", "sme") {
                read.push(sme.id);
            }
        }
        let mut k = 0;
        while k < read.len() {
            if let Some(def) = vocabulary.facts.get(read[k] as usize) {
                for d in &def.derive {
                    let mut inputs = Vec::new();
                    d.formula.expr.reads(&mut inputs);
                    for f in inputs {
                        if !read.contains(&f) {
                            read.push(f);
                        }
                    }
                }
            }
            k += 1;
        }
        read.sort_unstable();
        read.dedup();
        for f in read {
            *count.entry(f).or_default() += 1;
        }
    }
    count
}

/// The features a class the law defines by observable features is derived from (a bool fact with `derive:`), by
/// name, among `listed` (the facts of the template's section); empty for any other fact.
fn class_inputs<'v>(def: &FactDef, listed: &[(&'v FactDef, usize)]) -> Vec<&'v str> {
    if def.derive.is_empty() || !matches!(def.ty, FactType::Bool) {
        return Vec::new();
    }
    let mut ids = Vec::new();
    for d in &def.derive {
        d.formula.expr.reads(&mut ids);
    }
    let mut names: Vec<&str> = Vec::new();
    for (f, _) in listed {
        if f.id != def.id && ids.contains(&f.id) {
            names.push(&f.name);
        }
    }
    names
}

/// Puts each class the law defines by features right after the last of its features, so that a person answers
/// the features (which they can observe) first and meets the class as an override.
fn features_first(facts: Vec<(&FactDef, usize)>) -> Vec<(&FactDef, usize)> {
    let mut ordered = facts.clone();
    for class in facts {
        let inputs = class_inputs(class.0, &ordered);
        if inputs.is_empty() {
            continue;
        }
        ordered.retain(|(d, _)| d.id != class.0.id);
        let at = ordered
            .iter()
            .rposition(|(d, _)| inputs.contains(&d.name.as_str()))
            .map_or(ordered.len(), |i| i + 1);
        ordered.insert(at, class);
    }
    ordered
}

fn placeholder(def: &FactDef) -> (String, Vec<String>) {
    let values = |vs: &[aigov_core::vocabulary::EnumValue]| -> Vec<String> {
        vs.iter()
            .map(|v| format!("{} — {}", v.id, one_line(&v.description)))
            .collect()
    };
    match &def.ty {
        FactType::Bool => ("false".into(), vec!["true or false".into()]),
        FactType::Number { unit, .. } => (
            "0".into(),
            vec![match unit {
                Some(u) => format!("a number, in {u}"),
                None => "a number".into(),
            }],
        ),
        FactType::Date => ("2026-01-01".into(), vec!["a date, YYYY-MM-DD".into()]),
        FactType::Enum { values: vs } => {
            let mut help = vec!["one of:".to_string()];
            help.extend(values(vs).into_iter().map(|v| format!("  {v}")));
            (
                vs.first().map(|v| v.id.clone()).unwrap_or_default(),
                help,
            )
        }
        FactType::Set { values: vs } => {
            let mut help = vec!["any of (a list; [] for none):".to_string()];
            help.extend(values(vs).into_iter().map(|v| format!("  {v}")));
            (
                format!("[{}]", vs.first().map(|v| v.id.as_str()).unwrap_or("")),
                help,
            )
        }
        FactType::Regions => (
            "[DE, US-CA]".into(),
            vec![
                "region codes: ISO 3166-1 alpha-2 (DE, FR), EU, US states (US-CA), cities (US-NY-NYC); [] for none"
                    .into(),
            ],
        ),
        FactType::Text => ("\"\"".into(), vec!["free text".into()]),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The template for `kind`, as YAML with comments.
pub fn template(engine: &Engine, kind: &str) -> Result<String, AppError> {
    let vocabulary = &engine.corpus.vocabulary;
    let Some(subject) = vocabulary.subject(kind).filter(|s| s.assessable) else {
        let known = kinds(engine);
        return Err(AppError::invalid(
            format!("no assessable subject kind `{kind}`"),
            aigov_core::vocabulary::did_you_mean(kind, known.iter().copied())
                .map(|s| format!("did you mean `{s}`?"))
                .unwrap_or_else(|| format!("kinds: {}", known.join(", "))),
        ));
    };
    let count = rules_reading(engine, kind);
    // Sections: the organization first (context), then the subject, then any other section its rules read.
    let mut sections: Vec<&str> = vec!["organization", kind];
    for &f in count.keys() {
        if let Some(def) = vocabulary.facts.get(f as usize) {
            if !sections.contains(&def.subject.as_str()) {
                sections.push(&def.subject);
            }
        }
    }
    let rules = engine.rules_of(kind).len();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# aigov manifest: {} — {}",
        kind,
        one_line(&subject.description)
    );
    let _ = writeln!(
        out,
        "# Made by `aigov init {kind}` from the corpus vocabulary ({} instruments; {rules} rules address this kind).",
        engine.corpus.instruments.len()
    );
    out.push_str(
        "#\n\
         # Replace `null` (unknown) by the answer for each fact you know. A fact left `null` stays unknown: the rules\n\
         # that need it are reported undetermined, with the question that would settle it — never silently\n\
         # \"does not apply\".\n\
         # Facts are ordered by how many rules they settle. Give your markets (where the system is placed on the\n\
         # market, used, and where affected people are) first: they decide which jurisdictions' rules reach you.\n\
         #\n\
         # Then: aigov assess THIS_FILE --as-of YYYY-MM-DD\n\n",
    );
    let _ = writeln!(out, "subject: {kind}");
    let _ = writeln!(out, "name: My {kind}  # a name for reports");
    let has_markets = sections
        .iter()
        .any(|section| vocabulary.facts_of(section).any(|d| d.market));
    if has_markets {
        out.push_str(
            "# Set to true once the places you list (established in, doing business in, sold in, used in, output\n\
             # used in, people affected in) are every place you are present: the rules of every other place then\n\
             # do not apply, instead of each asking where else you are.\n\
             markets_complete: false\n",
        );
    }
    for section in sections {
        let mut facts: Vec<(&FactDef, usize)> = vocabulary
            .facts_of(section)
            .map(|d| (d, count.get(&d.id).copied().unwrap_or(0)))
            .filter(|(_, n)| *n > 0)
            .collect();
        if facts.is_empty() {
            continue;
        }
        facts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.name.cmp(&b.0.name)));
        let facts = features_first(facts);
        let _ = writeln!(out, "\n{section}:");
        for &(def, n) in &facts {
            let (value, help) = placeholder(def);
            let _ = writeln!(
                out,
                "  # {} (settles {n} rule{})",
                one_line(&def.question),
                if n == 1 { "" } else { "s" }
            );
            for h in help {
                let _ = writeln!(out, "  #   {h}");
            }
            let inputs = class_inputs(def, &facts);
            if !inputs.is_empty() {
                let _ = writeln!(
                    out,
                    "  #   left null, it is derived from {} above; an answer here overrides that",
                    inputs.join(", ")
                );
            }
            let _ = writeln!(out, "  {}: null  # e.g. {value}\n", def.name);
        }
    }
    Ok(out)
}
