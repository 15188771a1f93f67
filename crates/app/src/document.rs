//! Printable reports as one document model with two renderings: the web app prints it as HTML (with a print
//! stylesheet) and [`crate::pdf`] lays it out as a PDF, so both always say the same thing. A document is built
//! for one subject as of a date ([`subject`]) or for the whole inventory ([`inventory`]); its headings are in the
//! reader's language (Fluent), the law's texts come from the corpus (translated where the corpus has it).

use crate::i18n::{Arg, Lang};
use crate::inventory::{Subject, View};
use crate::{chips, request, AppError};
use aigov_core::assess::{Options, Status};
use aigov_core::manifest::Manifest;
use aigov_core::model::Effect;
use aigov_core::{Date, Engine};
use aigov_corpus::Texts;
use serde::Serialize;

/// A printable report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The language of its own words.
    pub lang: Lang,
    /// The title.
    pub title: String,
    /// Lines under the title (date, subject kind, corpus).
    pub subtitle: Vec<String>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The closing line.
    pub footer: String,
}

/// A section: a heading and its blocks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// The text.
        text: String,
    },
    /// A bulleted list; each item may carry a link to its primary source.
    Bullets {
        /// The items.
        items: Vec<Item>,
    },
    /// A table.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
    },
}

/// One bullet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// The text.
    pub text: String,
    /// A link to the primary source, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Document {
    /// Every piece of text of the document, in reading order (for checks such as the PDF's character set).
    pub fn texts(&self) -> Vec<&str> {
        let mut v = vec![self.title.as_str()];
        v.extend(self.subtitle.iter().map(String::as_str));
        for s in &self.sections {
            v.push(&s.heading);
            for b in &s.blocks {
                match b {
                    Block::Paragraph { text } => v.push(text),
                    Block::Bullets { items } => {
                        for i in items {
                            v.push(&i.text);
                            if let Some(u) = &i.url {
                                v.push(u);
                            }
                        }
                    }
                    Block::Table { header, rows } => {
                        v.extend(header.iter().map(String::as_str));
                        for r in rows {
                            v.extend(r.iter().map(String::as_str));
                        }
                    }
                }
            }
        }
        v.push(&self.footer);
        v
    }
}

fn item(text: String, url: Option<&str>) -> Item {
    Item {
        text,
        url: url.filter(|u| !u.is_empty()).map(str::to_string),
    }
}

/// The report of one stored subject as of `as_of` (of each subject, under its heading, when the manifest holds
/// linked subjects): its classifications per jurisdiction, prohibitions first,
/// then duties with their dates, what is undetermined and the questions that would settle it, and (for a chip
/// or an export) the export classification with its TPP arithmetic. A manifest the corpus no longer accepts is
/// an error naming the subject.
pub fn subject(
    engine: &Engine,
    s: &Subject,
    as_of: Date,
    lang: Lang,
    texts: Option<&Texts>,
) -> Result<Document, AppError> {
    let manifest = request::bind_any(engine, &s.manifest).map_err(|e| {
        AppError::invalid(
            format!("subject `{}` cannot be assessed: {e}", s.id),
            "edit its manifest so that it fits the corpus vocabulary",
        )
    })?;
    let corpus = &engine.corpus;
    let (sections, kind) = match manifest {
        Manifest::Single(facts) => (
            sections_of(engine, &facts, as_of, lang, texts),
            facts.subject.clone(),
        ),
        // Linked subjects: each under a section naming it (as the reports head them), its own sections' headings
        // prefixed by its id.
        Manifest::Linked(subjects) => {
            let mut sections = Vec::new();
            for (n, sub) in subjects.iter().enumerate() {
                let mut heading = lang.ta(
                    "report-linked-subject",
                    &[
                        ("n", Arg::Num((n + 1) as f64)),
                        ("count", Arg::Num(subjects.len() as f64)),
                        ("id", Arg::Str(&sub.id)),
                        ("subject", Arg::Str(&sub.facts.subject)),
                    ],
                );
                if let Some(b) = &sub.built_on {
                    heading.push_str(" — ");
                    heading.push_str(&lang.ta("report-linked-built-on", &[("id", Arg::Str(b))]));
                }
                sections.push(Section {
                    heading,
                    blocks: sub
                        .facts
                        .name
                        .iter()
                        .map(|name| Block::Paragraph { text: name.clone() })
                        .collect(),
                });
                sections.extend(
                    sections_of(engine, &sub.facts, as_of, lang, texts)
                        .into_iter()
                        .map(|mut x| {
                            x.heading = format!("{}: {}", sub.id, x.heading);
                            x
                        }),
                );
            }
            let kinds: Vec<&str> = subjects.iter().map(|x| x.facts.subject.as_str()).collect();
            (sections, kinds.join(", "))
        }
    };
    Ok(Document {
        lang,
        title: lang.ta("doc-subject-title", &[("name", Arg::Str(&s.name))]),
        subtitle: vec![
            lang.ta(
                "doc-subject-meta",
                &[
                    ("date", Arg::Str(&lang.date(as_of))),
                    ("kind", Arg::Str(&kind)),
                    ("version", Arg::Num(s.version as f64)),
                    ("id", Arg::Str(&s.id)),
                ],
            ),
            lang.ta(
                "doc-corpus",
                &[
                    ("instruments", Arg::Num(corpus.instruments.len() as f64)),
                    ("rules", Arg::Num(corpus.rules.len() as f64)),
                ],
            ),
        ],
        sections,
        footer: lang.t("doc-footer"),
    })
}

/// The sections of one subject's report: classifications, the export classification of an item or export,
/// prohibitions, duties, undetermined rules and open questions.
fn sections_of(
    engine: &Engine,
    facts: &aigov_core::Facts,
    as_of: Date,
    lang: Lang,
    texts: Option<&Texts>,
) -> Vec<Section> {
    let a = engine.assess(facts, &Options::as_of(as_of));
    let title_of = |rule: &str, english: &str| -> String {
        texts
            .and_then(|t| t.rule_title(rule))
            .unwrap_or(english)
            .to_string()
    };
    let mut sections = Vec::new();

    // Classifications, one row per jurisdiction and regime.
    let rows: Vec<Vec<String>> = a
        .classifications
        .iter()
        .map(|c| {
            vec![
                c.jurisdiction.to_string(),
                texts
                    .and_then(|t| t.tier(c.tier))
                    .map(str::to_string)
                    .unwrap_or_else(|| classification_label(engine, c.tier)),
                lang.status(c.status),
                lang.date(c.applies_from),
                match a.finding(c.rule) {
                    Some(f) => format!(
                        "{} {}",
                        texts
                            .and_then(|t| t.short_title(f.instrument))
                            .unwrap_or(f.instrument_title),
                        c.citation
                    ),
                    None => c.citation.to_string(),
                },
            ]
        })
        .collect();
    sections.push(Section {
        heading: lang.t("doc-classifications"),
        blocks: if rows.is_empty() {
            vec![Block::Paragraph {
                text: lang.t("report-no-classification"),
            }]
        } else {
            vec![Block::Table {
                header: vec![
                    lang.t("doc-col-jurisdiction"),
                    lang.t("doc-col-class"),
                    lang.t("doc-col-status"),
                    lang.t("doc-col-from"),
                    lang.t("doc-col-citation"),
                ],
                rows,
            }]
        },
    });

    // An item's (or an export's item's) classification with its arithmetic.
    if matches!(a.subject, "item" | "export") {
        let mut item_facts = facts.clone();
        item_facts.subject = "item".into();
        let c = chips::evaluate(engine, &item_facts, None, as_of);
        sections.push(Section {
            heading: lang.t("report-item-classification"),
            blocks: vec![Block::Bullets {
                items: chips::summary_lines(&c)
                    .into_iter()
                    .map(|l| item(l, None))
                    .collect(),
            }],
        });
    }

    let line = |f: &aigov_core::assess::Finding<'_>, what: &str| -> Item {
        let status = lang.status(f.status);
        let text = lang.ta(
            "doc-finding",
            &[
                ("title", Arg::Str(&title_of(f.rule, f.title))),
                ("what", Arg::Str(what)),
                ("status", Arg::Str(&status)),
                ("date", Arg::Str(&lang.date(f.applies_from))),
                ("citation", Arg::Str(f.citation)),
            ],
        );
        item(text, Some(f.url))
    };
    let relevant = |f: &&aigov_core::assess::Finding<'_>| {
        matches!(
            f.status,
            Status::InEffect | Status::Upcoming | Status::Suspended
        )
    };
    let prohibitions: Vec<Item> = a
        .findings
        .iter()
        .filter(relevant)
        .filter_map(|f| match f.effect {
            Effect::Prohibition { practice, .. } => Some(line(f, practice.trim())),
            _ => None,
        })
        .collect();
    if !prohibitions.is_empty() {
        sections.push(Section {
            heading: lang.t("status-prohibited"),
            blocks: vec![Block::Bullets {
                items: prohibitions,
            }],
        });
    }
    let duties: Vec<Item> = a
        .findings
        .iter()
        .filter(relevant)
        .filter_map(|f| match f.effect {
            Effect::Obligation { duty, .. } => Some(line(
                f,
                texts
                    .and_then(|t| t.rule_effect(f.rule, duty))
                    .unwrap_or(duty)
                    .trim(),
            )),
            _ => None,
        })
        .collect();
    sections.push(Section {
        heading: lang.t("doc-duties"),
        blocks: if duties.is_empty() {
            vec![Block::Paragraph {
                text: lang.t("doc-no-duties"),
            }]
        } else {
            vec![Block::Bullets { items: duties }]
        },
    });
    let undetermined: Vec<Item> = a
        .findings
        .iter()
        .filter(|f| f.status == Status::Undetermined)
        .map(|f| {
            let text = format!("{} — {}", title_of(f.rule, f.title), f.citation);
            item(text, Some(f.url))
        })
        .collect();
    if !undetermined.is_empty() {
        sections.push(Section {
            heading: lang.t("status-undetermined"),
            blocks: vec![Block::Bullets {
                items: undetermined,
            }],
        });
    }
    if !a.questions.is_empty() {
        sections.push(Section {
            heading: lang.t("report-questions"),
            blocks: vec![Block::Bullets {
                items: a
                    .questions
                    .iter()
                    .map(|q| {
                        let text = texts.and_then(|t| t.question(q.fact)).unwrap_or(q.question);
                        item(format!("{text} ({})", q.fact), None)
                    })
                    .collect(),
            }],
        });
    }

    sections
}

/// A classification's label: the tier's name from the vocabulary ("High-risk"), or an export tier's short label
/// (`3A090.a`).
fn classification_label(engine: &Engine, tier: &str) -> String {
    if tier.starts_with("eccn_") || tier.starts_with("sec232_") {
        return chips::tier_label(tier);
    }
    match engine.corpus.vocabulary.tier(tier) {
        Some(t) => crate::report::tier_label(&t.description),
        None => tier.replace('_', " "),
    }
}

/// The report of the whole inventory as of the view's date: counts, every subject with its classifications and
/// prohibitions, and the deadlines ahead.
pub fn inventory(engine: &Engine, view: &View, lang: Lang) -> Document {
    let mut sections = Vec::new();
    let summary = lang.ta(
        "doc-inventory-counts",
        &[
            ("subjects", Arg::Num(view.subjects as f64)),
            ("prohibited", Arg::Num(view.prohibited as f64)),
        ],
    );
    let mut blocks = vec![Block::Paragraph { text: summary }];
    if !view.by_tier.is_empty() {
        blocks.push(Block::Table {
            header: vec![lang.t("doc-col-class"), lang.t("doc-col-subjects")],
            rows: view
                .by_tier
                .iter()
                .map(|(k, n)| {
                    let (j, tier) = k.split_once('/').unwrap_or(("", k));
                    vec![
                        format!("{j} · {}", classification_label(engine, tier)),
                        n.to_string(),
                    ]
                })
                .collect(),
        });
    }
    sections.push(Section {
        heading: lang.t("doc-overview"),
        blocks,
    });
    let rows = view
        .items
        .iter()
        .map(|s| {
            let classes = if let Some(e) = &s.error {
                e.clone()
            } else {
                // One line per class, however many rules conclude it.
                let mut lines: Vec<String> = Vec::new();
                for c in &s.classifications {
                    let line = format!(
                        "{} {} ({} {})",
                        c.jurisdiction,
                        classification_label(engine, &c.tier),
                        lang.status(c.status),
                        lang.date(c.applies_from)
                    );
                    if !lines.contains(&line) {
                        lines.push(line);
                    }
                }
                lines.join("; ")
            };
            vec![
                s.name.clone(),
                s.subject.clone().unwrap_or_default(),
                classes,
                if s.prohibitions.is_empty() {
                    "—".into()
                } else {
                    s.prohibitions.join(", ")
                },
                s.questions.len().to_string(),
            ]
        })
        .collect();
    sections.push(Section {
        heading: lang.t("doc-subjects"),
        blocks: vec![Block::Table {
            header: vec![
                lang.t("doc-col-name"),
                lang.t("doc-col-kind"),
                lang.t("doc-classifications"),
                lang.t("status-prohibited"),
                lang.t("doc-col-questions"),
            ],
            rows,
        }],
    });
    sections.push(Section {
        heading: lang.t("doc-deadlines"),
        blocks: if view.deadlines.is_empty() {
            vec![Block::Paragraph {
                text: lang.t("doc-no-deadlines"),
            }]
        } else {
            vec![Block::Table {
                header: vec![
                    lang.t("doc-col-date"),
                    lang.t("doc-col-name"),
                    lang.t("doc-col-jurisdiction"),
                    lang.t("doc-col-what"),
                ],
                rows: view
                    .deadlines
                    .iter()
                    .map(|d| {
                        vec![
                            lang.date(d.date),
                            d.subject.clone(),
                            d.jurisdiction.clone(),
                            d.text.clone(),
                        ]
                    })
                    .collect(),
            }]
        },
    });
    Document {
        lang,
        title: lang.t("doc-inventory-title"),
        subtitle: vec![
            lang.ta(
                "doc-inventory-meta",
                &[("date", Arg::Str(&lang.date(view.as_of)))],
            ),
            lang.ta(
                "doc-corpus",
                &[
                    (
                        "instruments",
                        Arg::Num(engine.corpus.instruments.len() as f64),
                    ),
                    ("rules", Arg::Num(engine.corpus.rules.len() as f64)),
                ],
            ),
        ],
        sections,
        footer: lang.t("doc-footer"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn h100() -> Subject {
        Subject {
            id: "s-1".into(),
            name: "NVIDIA H100 SXM".into(),
            version: 1,
            manifest: crate::chips::catalog()
                .expect("catalog")
                .find("h100 sxm")
                .expect("H100 SXM")
                .manifest(),
        }
    }

    #[test]
    fn a_chip_report_shows_its_eccn_and_tpp() {
        let engine = crate::engine(None).expect("engine");
        let as_of: Date = "2025-06-01".parse().expect("date");
        let d = subject(&engine, &h100(), as_of, Lang::En, None).expect("report");
        let all = d.texts().join("\n");
        assert!(all.contains("3A090.a"), "{all}");
        assert!(all.contains("15,832"), "{all}");
        assert!(d.title.contains("NVIDIA H100 SXM"));
    }

    #[test]
    fn a_cv_screening_report_names_its_class_and_the_law() {
        let engine = crate::engine(None).expect("engine");
        let manifest: serde_json::Value =
            serde_yaml_ng::from_str(include_str!("../../../examples/cv-screening-eu-us.yaml"))
                .expect("example manifest");
        let s = Subject {
            id: "s-2".into(),
            name: "CV screening".into(),
            version: 3,
            manifest,
        };
        let as_of: Date = "2027-12-02".parse().expect("date");
        let d = subject(&engine, &s, as_of, Lang::En, None).expect("report");
        let rows = d
            .sections
            .iter()
            .find(|s| s.heading == "Classifications")
            .and_then(|s| match s.blocks.first() {
                Some(Block::Table { rows, .. }) => Some(rows.clone()),
                _ => None,
            })
            .expect("a table of classifications");
        assert!(
            rows.iter()
                .any(|r| r.first().map(String::as_str) == Some("EU")
                    && r.get(1).map(String::as_str) == Some("High-risk")
                    && r.get(4).is_some_and(|c| c.contains("Annex III 4(a)"))
                    && r.get(4).is_some_and(|c| c.contains("AI Act"))),
            "{rows:?}"
        );
        assert!(d.sections.iter().any(|s| s.heading == "Duties"));
    }

    #[test]
    fn an_inventory_report_lists_subjects_and_counts() {
        let engine = crate::engine(None).expect("engine");
        let as_of: Date = "2025-06-01".parse().expect("date");
        let view = crate::inventory::view(&engine, &[h100()], as_of);
        let d = inventory(&engine, &view, Lang::ZhCn);
        let all = d.texts().join("\n");
        assert!(all.contains("NVIDIA H100 SXM"), "{all}");
        assert!(all.contains("3A090.a"), "{all}");
        assert!(d
            .title
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }
}
