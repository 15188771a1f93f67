//! An assessment laid out for a page, in the reader's language: the classifications per jurisdiction (binding law
//! and the most severe class first), then the prohibitions, the duties with their dates, the undetermined rules and
//! the questions that would settle them; each finding with its citation, source URL, summary, the version of the
//! law used ("as amended by ...") and its derivation as a tree. Front ends that lay out their own pages (the web
//! app) show these values; the words are the reports' own (the same Fluent messages as `report`).

use crate::i18n::{Arg, Lang};
use crate::report::{effect_line, penalty_line, tier_label, when_line};
use crate::Translations;
use aigov_core::assess::{Finding, Status};
use aigov_core::condition::TraceNode;
use aigov_core::model::Effect;
use aigov_core::{Assessment, Date, Engine, Truth};

/// An assessment laid out for a page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Outline {
    /// The date of the answer.
    pub as_of: Date,
    /// The subject kind.
    pub subject: String,
    /// The subject's name, if the manifest gives one.
    pub name: Option<String>,
    /// Whether a prohibition is in effect.
    pub prohibited: bool,
    /// The classifications in effect, upcoming or undetermined, binding law and the most severe class first.
    pub classifications: Vec<Headline>,
    /// Prohibitions in effect, upcoming or undetermined.
    pub prohibitions: Vec<Item>,
    /// Duties in effect or upcoming, soonest first.
    pub duties: Vec<Item>,
    /// Other rules that are undetermined (the questions would settle them).
    pub undetermined: Vec<Item>,
    /// Everything else reported: classifications and exemptions, suspended and ended rules.
    pub other: Vec<Item>,
    /// The questions that would settle undetermined rules, in the interview's order.
    pub questions: Vec<OpenQuestion>,
}

/// One classification headline.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Headline {
    /// The law's short title (`EU AI Act`).
    pub law: String,
    /// The jurisdiction (`EU`).
    pub jurisdiction: String,
    /// The class in words (`High-risk`).
    pub class: String,
    /// The tier id (`high`).
    pub tier: String,
    /// The status.
    pub status: Status,
    /// When, in words (`applies from 2027-12-02`).
    pub when: String,
    /// The date it applies from.
    pub applies_from: Date,
    /// The citation (`Art 6(2), Annex III 4(a)`).
    pub citation: String,
    /// The rule.
    pub rule: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Item {
    /// The rule's id.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// The effect's kind (`obligation`, ...).
    pub kind: &'static str,
    /// The effect's kind in words.
    pub kind_label: String,
    /// The status.
    pub status: Status,
    /// The status in words.
    pub status_label: String,
    /// The jurisdiction.
    pub jurisdiction: String,
    /// The law's short title.
    pub law: String,
    /// The citation.
    pub citation: String,
    /// The primary source.
    pub url: String,
    /// The summary of the rule.
    pub summary: String,
    /// When, in words.
    pub when: String,
    /// The date it applies from.
    pub applies_from: Date,
    /// What it requires, forbids or grants (or the class it gives).
    pub effect: String,
    /// The penalty, in words.
    pub penalty: Option<String>,
    /// The version of the law used, when amended (`as amended by ... (text in force since ...)`).
    pub amended: Option<String>,
    /// The facts whose answers would settle it.
    pub open_facts: Vec<String>,
    /// The derivation: the condition, then each exception looked at, as trees.
    pub derivation: Vec<Branch>,
}

/// One tree of a derivation, with its label (the condition, or an exception's citation).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Branch {
    /// What the tree is.
    pub label: String,
    /// The tree.
    pub tree: Tree,
}

/// A node of a derivation tree.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tree {
    /// The sub-condition, as CEL.
    pub expr: String,
    /// `true`, `false` or `unknown`.
    pub result: &'static str,
    /// The values compared.
    pub values: Vec<String>,
    /// The connective joining the children (`and`, `or`, `not`).
    pub op: Option<String>,
    /// The sub-conditions.
    pub children: Vec<Tree>,
}

/// A question that would settle undetermined rules.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OpenQuestion {
    /// The fact.
    pub fact: String,
    /// The question, in the reader's language where the corpus translates it.
    pub question: String,
    /// How many rules it would settle.
    pub settles: usize,
}

fn truth(t: Truth) -> &'static str {
    match t {
        Truth::True => "true",
        Truth::False => "false",
        Truth::Unknown => "unknown",
    }
}

fn tree(n: &TraceNode) -> Tree {
    Tree {
        expr: n.expr.clone(),
        result: truth(n.result),
        values: n.values.clone(),
        op: n.op.clone(),
        children: n.children.iter().map(tree).collect(),
    }
}

/// Lays out an assessment in `lang`.
pub fn outline(
    engine: &Engine,
    a: &Assessment<'_>,
    lang: Lang,
    translations: &Translations,
) -> Outline {
    let c = &engine.corpus;
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let law_of = |rule: &str, fallback: &str| -> String {
        c.rule(rule)
            .map(|r| {
                let i = c.instrument_of(r);
                texts
                    .and_then(|t| t.short_title(&i.id))
                    .unwrap_or(&i.short_title)
                    .to_string()
            })
            .unwrap_or_else(|| fallback.to_string())
    };
    let mut heads: Vec<_> = a.classifications.iter().collect();
    heads.sort_by_key(|cl| {
        let binding = c.rule(cl.rule).is_some_and(|r| c.instrument_of(r).binding);
        let rank = c.vocabulary.tier(cl.tier).map(|t| t.rank).unwrap_or(0);
        (!binding, std::cmp::Reverse(rank), cl.jurisdiction)
    });
    let classifications = heads
        .into_iter()
        .map(|cl| {
            let date = lang.date(cl.applies_from);
            let on = |id: &str| lang.ta(id, &[("date", Arg::Str(&date))]);
            Headline {
                law: law_of(cl.rule, cl.regime),
                jurisdiction: cl.jurisdiction.to_string(),
                class: match texts.and_then(|t| t.tier(cl.tier)) {
                    Some(t) => t.to_string(),
                    None => c
                        .vocabulary
                        .tier(cl.tier)
                        .map(|t| tier_label(&t.description))
                        .unwrap_or_else(|| cl.tier.to_string()),
                },
                tier: cl.tier.to_string(),
                status: cl.status,
                when: match cl.status {
                    Status::Upcoming => on("finding-from"),
                    Status::InEffect => on("finding-since"),
                    other => lang.status(other).to_lowercase(),
                },
                applies_from: cl.applies_from,
                citation: cl.citation.to_string(),
                rule: cl.rule.to_string(),
            }
        })
        .collect();
    let item = |f: &Finding<'_>| -> Item {
        let kind = f.effect.kind();
        Item {
            rule: f.rule.to_string(),
            title: texts
                .and_then(|t| t.rule_title(f.rule))
                .unwrap_or(f.title)
                .to_string(),
            kind,
            kind_label: lang.t(&format!("effect-{kind}")),
            status: f.status,
            status_label: lang.status(f.status),
            jurisdiction: f.jurisdiction.to_string(),
            law: law_of(f.rule, f.instrument_title),
            citation: f.citation.to_string(),
            url: f.url.to_string(),
            summary: texts
                .and_then(|t| t.rule_summary(f.rule))
                .unwrap_or(f.summary)
                .to_string(),
            when: when_line(f, true, lang),
            applies_from: f.applies_from,
            effect: effect_line(f, lang, texts),
            penalty: f
                .penalty
                .as_ref()
                .map(|p| penalty_line(p, f.status, a.as_of, lang)),
            amended: f.version.amended_by.map(|by| {
                lang.ta(
                    "finding-amended",
                    &[
                        ("by", Arg::Str(by)),
                        ("date", Arg::Str(&lang.date(f.version.from))),
                    ],
                )
            }),
            open_facts: f.open_facts.iter().map(|s| s.to_string()).collect(),
            derivation: f
                .derivation
                .as_ref()
                .map(|d| {
                    let mut v = vec![Branch {
                        label: f.citation.to_string(),
                        tree: tree(&d.condition),
                    }];
                    v.extend(d.exceptions.iter().map(|e| Branch {
                        label: format!("{} ({})", e.citation, truth(e.result)),
                        tree: tree(&e.trace),
                    }));
                    v
                })
                .unwrap_or_default(),
        }
    };
    let mut out = Outline {
        as_of: a.as_of,
        subject: a.subject.to_string(),
        name: a.name.map(str::to_string),
        prohibited: a.prohibited,
        classifications,
        prohibitions: Vec::new(),
        duties: Vec::new(),
        undetermined: Vec::new(),
        other: Vec::new(),
        questions: a
            .questions
            .iter()
            .map(|q| OpenQuestion {
                fact: q.fact.to_string(),
                question: texts
                    .and_then(|t| t.question(q.fact))
                    .unwrap_or(q.question)
                    .to_string(),
                settles: q.rules.len(),
            })
            .collect(),
    };
    for f in &a.findings {
        let live = matches!(f.status, Status::InEffect | Status::Upcoming);
        match f.effect {
            Effect::Prohibition { .. } if live || f.status == Status::Undetermined => {
                out.prohibitions.push(item(f))
            }
            Effect::Obligation { .. } if live => out.duties.push(item(f)),
            _ if f.status == Status::Undetermined => out.undetermined.push(item(f)),
            _ => out.other.push(item(f)),
        }
    }
    // Prohibitions in effect first; duties soonest first (those in effect already lead).
    out.prohibitions
        .sort_by_key(|i| (i.status != Status::InEffect, i.applies_from));
    out.duties
        .sort_by(|x, y| (x.applies_from, &x.rule).cmp(&(y.applies_from, &y.rule)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aigov_core::assess::Options;

    fn cv() -> serde_json::Value {
        let text = include_str!("../../../examples/cv-screening-saas.yaml");
        serde_yaml_ng::from_str(text).expect("yaml")
    }

    #[test]
    fn the_cv_screener_is_high_risk_under_annex_iii_4a_with_the_dates_of_each_law() {
        let engine = crate::engine(None).expect("engine");
        let facts = crate::request::bind(&engine, &cv()).expect("binds");
        let t = crate::translations(None).expect("translations");
        for (date, from) in [("2026-12-01", "2027-12-02"), ("2026-06-01", "2026-08-02")] {
            let a = engine.assess(&facts, &Options::as_of(date.parse().expect("date")));
            let o = outline(&engine, &a, Lang::En, &t);
            let annex = o
                .classifications
                .iter()
                .find(|h| h.citation.contains("Annex III 4(a)"))
                .expect("Annex III 4(a)");
            assert_eq!(annex.applies_from.to_string(), from, "as of {date}");
            assert_eq!(annex.class, "High-risk");
            assert_eq!(annex.law, "EU AI Act");
            assert!(o
                .duties
                .iter()
                .any(|d| d.rule == "eu_ai_act.art10_data_governance"));
            let zh = outline(&engine, &a, Lang::ZhCn, &t);
            assert_ne!(zh.classifications[0].when, o.classifications[0].when);
        }
    }
}
