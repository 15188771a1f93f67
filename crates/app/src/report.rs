//! Reports: the same content as readable text, as Markdown, or as JSON (docs/output.md).

use crate::i18n::{Arg, Lang};
use crate::OutputFormat;
use aigov_core::assess::{Finding, Status};
use aigov_core::condition::TraceNode;
use aigov_core::diff::{ChangeKind, Diff};
use aigov_core::model::{Corpus, Effect};
use aigov_core::timeline::Timeline;
use aigov_core::{Assessment, Date, Engine, Facts, Truth};
use aigov_corpus::{Texts, Translations};
use std::fmt::Write;

/// The JSON output format version; bumped only on breaking changes (docs/output.md).
pub const FORMAT_VERSION: &str = "1";

/// The JSON envelope every document carries: its `kind` and the `format_version` (docs/output.md); keys sorted,
/// written straight from the typed answer ([`crate::json`]).
pub(crate) fn json<T: serde::Serialize>(kind: &str, value: &T) -> String {
    let mut s = crate::json::pretty(&Envelope {
        document: value,
        kind,
        format_version: FORMAT_VERSION,
    })
    .expect("report types serialize");
    s.push('\n');
    s
}

/// A document with its `kind` and `format_version` (these two win over members of the same name).
#[derive(serde::Serialize)]
struct Envelope<'a, T> {
    #[serde(flatten)]
    document: &'a T,
    kind: &'a str,
    format_version: &'a str,
}

/// Text and Markdown differ only in headings, bullets and emphasis. Text headings carry ANSI styles; the CLI
/// prints through `anstream`, which strips them unless the output is a colour terminal (or `--color always`).
pub(crate) struct Style {
    pub(crate) md: bool,
    /// The language of aigov's own words.
    pub(crate) lang: Lang,
}

/// The columns a heading takes in a terminal: East Asian wide characters (CJK, full-width forms) take two, so a
/// Chinese heading's underline is as long as the heading.
pub(crate) fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// The colour of a status heading in text reports.
fn heading_style(heading: &str) -> anstyle::Style {
    use anstyle::{AnsiColor, Style};
    let bold = Style::new().bold();
    match heading {
        "Prohibited" => bold.fg_color(Some(AnsiColor::Red.into())),
        "In effect" => bold.fg_color(Some(AnsiColor::Green.into())),
        "Upcoming" => bold.fg_color(Some(AnsiColor::Yellow.into())),
        "Undetermined" => bold.fg_color(Some(AnsiColor::Magenta.into())),
        "Ended" | "Suspended" | "Not applicable" => Style::new().dimmed(),
        _ => bold,
    }
}

impl Style {
    pub(crate) fn new(format: OutputFormat, lang: Lang) -> Style {
        Style {
            md: format == OutputFormat::Markdown,
            lang,
        }
    }

    pub(crate) fn h1(&self, out: &mut String, s: &str) {
        if self.md {
            let _ = writeln!(out, "# {s}\n");
        } else {
            let b = anstyle::Style::new().bold();
            let _ = writeln!(
                out,
                "{b}{s}{b:#}\n{}",
                "=".repeat(display_width(s).min(100))
            );
        }
    }
    pub(crate) fn h2(&self, out: &mut String, s: &str) {
        if self.md {
            let _ = writeln!(out, "\n## {s}\n");
        } else {
            let b = anstyle::Style::new().bold();
            let _ = writeln!(
                out,
                "\n{b}{s}{b:#}\n{}",
                "-".repeat(display_width(s).min(100))
            );
        }
    }
    /// A group heading in the reader's language, coloured by its English status name.
    pub(crate) fn h3_as(&self, out: &mut String, s: &str, colour_of: &str) {
        if self.md {
            let _ = writeln!(out, "\n### {s}\n");
        } else {
            let c = heading_style(colour_of);
            let _ = writeln!(out, "\n  {c}{s}{c:#}");
        }
    }
    pub(crate) fn bullet(&self, out: &mut String, s: &str) {
        if self.md {
            let _ = writeln!(out, "- {s}");
        } else {
            let _ = writeln!(out, "    • {s}");
        }
    }
    pub(crate) fn detail(&self, out: &mut String, s: &str) {
        if self.md {
            // A nested item: Markdown would join plain indented lines into the bullet's paragraph.
            let _ = writeln!(out, "  - {s}");
        } else {
            let _ = writeln!(out, "        {s}");
        }
    }
    pub(crate) fn code(&self, s: &str) -> String {
        if self.md {
            format!("`{s}`")
        } else {
            s.to_string()
        }
    }
    pub(crate) fn strong(&self, s: &str) -> String {
        if self.md {
            format!("**{s}**")
        } else {
            s.to_string()
        }
    }
}

pub(crate) fn effect_line(f: &Finding, lang: Lang, texts: Option<&Texts>) -> String {
    effect_words(f.rule, f.effect, lang, texts)
}

/// A rule's effect in words ("must: ...", "classification: ...") in `lang`.
fn effect_words(rule: &str, effect: &Effect, lang: Lang, texts: Option<&Texts>) -> String {
    // The duty, practice or relief in the reader's language where the corpus translates it.
    let tr = |english: &str| -> String {
        texts
            .and_then(|t| t.rule_effect(rule, english))
            .unwrap_or(english)
            .to_string()
    };
    match effect {
        Effect::Classification { regime, axis, tier } => lang.ta(
            "finding-classification",
            &[
                (
                    "tier",
                    Arg::Str(texts.and_then(|t| t.tier(tier)).unwrap_or(tier)),
                ),
                ("regime", Arg::Str(regime)),
                ("axis", Arg::Str(axis)),
            ],
        ),
        Effect::Obligation { duty, deadline, .. } => {
            let must = lang.ta("finding-must", &[("duty", Arg::Str(&tr(duty)))]);
            match deadline {
                Some(d) => format!(
                    "{must} — {}",
                    lang.ta(
                        "finding-deadline",
                        &[(
                            "deadline",
                            Arg::Str(
                                texts
                                    .and_then(|t| t.rule_deadline(rule, &d.text))
                                    .unwrap_or(&d.text)
                            )
                        )]
                    )
                ),
                None => must,
            }
        }
        Effect::Prohibition { practice, .. } => {
            lang.ta("finding-must-not", &[("practice", Arg::Str(&tr(practice)))])
        }
        Effect::Exemption { relief, .. } => {
            lang.ta("finding-exempt", &[("relief", Arg::Str(&tr(relief)))])
        }
    }
}

pub(crate) fn when_line(
    f: &Finding,
    with_source: bool,
    lang: Lang,
    corpus: &Corpus,
    texts: Option<&Texts>,
) -> String {
    let source = f
        .applies_from_source
        .filter(|_| with_source)
        .map(|s| {
            // In another language the source is said again from the rule's dated event.
            let said = (lang != Lang::En)
                .then(|| {
                    let rule = corpus.rule(f.rule)?;
                    let v = rule
                        .versions
                        .iter()
                        .find(|v| v.from.date == f.version.from)?;
                    crate::localize::date_source(corpus, &v.applies_from, lang, texts)
                })
                .flatten();
            lang.ta(
                "finding-source",
                &[("source", Arg::Str(said.as_deref().unwrap_or(s)))],
            )
        })
        .unwrap_or_default();
    let date = lang.date(f.applies_from);
    let on = |id: &str| lang.ta(id, &[("date", Arg::Str(&date))]);
    // A proposal is not law: say what it is, not "in effect".
    if f.proposed && matches!(f.status, Status::InEffect | Status::Undetermined) {
        return format!(
            "{} {}",
            on("finding-proposed"),
            lang.t(if f.status == Status::Undetermined {
                "finding-proposed-open"
            } else {
                "finding-proposed-adopted"
            })
        );
    }
    match f.status {
        Status::InEffect => format!("{}{source}", on("finding-since")),
        Status::Upcoming => format!("{}{source}", on("finding-from")),
        Status::Ended | Status::Suspended => f
            .cause
            .as_ref()
            .map(|c| crate::localize::cause_text(corpus, c, lang, texts))
            .unwrap_or_default(),
        Status::Undetermined => match f.timing {
            Some(Status::Upcoming) => format!("{}{source}", on("finding-would-apply-from")),
            Some(Status::InEffect) => format!("{}{source}", on("finding-would-be-in-effect")),
            Some(other) => lang.ta(
                "finding-would-be",
                &[("status", Arg::Str(&lang.status(other).to_lowercase()))],
            ),
            None => String::new(),
        },
        Status::NotApplicable => lang.t("finding-does-not-apply"),
    }
}

/// For a subject that several regimes reach (the EU, the US, China, ...), one line per top-level jurisdiction side
/// by side before the details: how many binding rules are in effect, upcoming and undetermined there, whether a
/// prohibition applies, and the most severe binding class in effect or upcoming. Policy that binds no one is left
/// out of the class, so a headline never reads "federal policy" where a law classifies.
fn by_jurisdiction(
    out: &mut String,
    st: &Style,
    engine: &Engine,
    a: &Assessment,
    texts: Option<&Texts>,
) {
    let lang = st.lang;
    let top = |j: &str| j.split('-').next().unwrap_or(j).to_string();
    let mut tops: Vec<String> = a.findings.iter().map(|f| top(f.jurisdiction)).collect();
    tops.sort();
    tops.dedup();
    if tops.len() < 2 {
        return;
    }
    st.h2(out, &lang.t("report-by-jurisdiction"));
    for j in tops {
        let here: Vec<&Finding> = a
            .findings
            .iter()
            .filter(|f| top(f.jurisdiction) == j && f.binding && !f.proposed)
            .collect();
        let count = |s: Status| here.iter().filter(|f| f.status == s).count() as f64;
        let prohibited = here.iter().any(|f| {
            f.status == Status::InEffect && matches!(f.effect, Effect::Prohibition { .. })
        });
        let vocabulary = &engine.corpus.vocabulary;
        let highest = here
            .iter()
            .filter(|f| matches!(f.status, Status::InEffect | Status::Upcoming))
            .filter_map(|f| f.tier.and_then(|t| vocabulary.tier(t)).map(|t| (t, *f)))
            // Ranks below "minimal" (10) mark scope, policy or "not law", not a class of risk.
            .filter(|(t, _)| t.rank >= 10)
            .max_by_key(|(t, f)| (t.rank, std::cmp::Reverse(f.applies_from)));
        let class = match highest {
            Some((t, f)) => lang.ta(
                "report-jurisdiction-class",
                &[
                    (
                        "class",
                        Arg::Str(
                            &texts
                                .and_then(|x| x.tier(&t.id))
                                .map(str::to_string)
                                .unwrap_or_else(|| tier_label(&t.description)),
                        ),
                    ),
                    (
                        "law",
                        Arg::Str(
                            texts
                                .and_then(|x| x.short_title(f.instrument))
                                .unwrap_or(f.instrument_title),
                        ),
                    ),
                ],
            ),
            None => lang.t("report-jurisdiction-no-class"),
        };
        st.bullet(
            out,
            &format!(
                "{}: {}{} — {}",
                st.strong(&j),
                lang.ta(
                    "report-jurisdiction-counts",
                    &[
                        ("in_effect", Arg::Num(count(Status::InEffect))),
                        ("upcoming", Arg::Num(count(Status::Upcoming))),
                        ("undetermined", Arg::Num(count(Status::Undetermined))),
                    ],
                ),
                if prohibited {
                    format!(" · {}", lang.t("status-prohibited").to_uppercase())
                } else {
                    String::new()
                },
                class
            ),
        );
    }
}

/// A tier's name in words: the first clause of its vocabulary description ("High-risk (e.g. EU AI Act ...)" reads
/// "High-risk"), so a headline says the class as the law's readers say it.
pub fn tier_label(description: &str) -> String {
    let first = description
        .split(['(', ';', ':'])
        .next()
        .unwrap_or(description);
    let first = first.split(". ").next().unwrap_or(first);
    let words: Vec<&str> = first.split_whitespace().collect();
    words.join(" ").trim_end_matches('.').to_string()
}

/// Renders an assessment.
pub fn assessment(engine: &Engine, a: &Assessment, format: OutputFormat) -> String {
    assessment_with_item(engine, a, None, format, Lang::En, &Translations::default())
}

/// Renders an assessment with, for an export or an item, the item's own classification first (in JSON, the
/// member `item_classification`, the document of `aigov export classify`). In a language other than English, the
/// corpus's texts (rule titles, duties, questions, short titles) come from `translations` where it has them.
pub fn assessment_with_item(
    engine: &Engine,
    a: &Assessment,
    item: Option<&crate::chips::Classified>,
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
) -> String {
    // An answer for a date far beyond the corpus's review may miss newer law: every format says so.
    let review = engine.corpus.review.as_ref();
    let stale = review.and_then(|r| r.warning(a.as_of));
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Document<'x, 'a> {
            #[serde(flatten)]
            assessment: &'x Assessment<'a>,
            #[serde(skip_serializing_if = "Option::is_none")]
            item_classification: Option<&'x crate::chips::Classified>,
            #[serde(skip_serializing_if = "Option::is_none")]
            corpus_reviewed_until: Option<Date>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            warnings: Vec<String>,
        }
        return json(
            "assessment",
            &Document {
                assessment: a,
                item_classification: item,
                corpus_reviewed_until: review.map(|r| r.reviewed_until),
                warnings: stale.into_iter().collect(),
            },
        );
    }
    let st = Style::new(format, lang);
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let mut out = String::new();
    let unnamed = lang.t("report-unnamed");
    let name = a.name.unwrap_or(&unnamed);
    st.h1(
        &mut out,
        &lang.ta(
            "report-title",
            &[("name", Arg::Str(name)), ("subject", Arg::Str(a.subject))],
        ),
    );
    let c = &engine.corpus;
    let _ = writeln!(
        out,
        "{}{}",
        lang.ta(
            "report-as-of",
            &[
                ("date", Arg::Str(&st.strong(&lang.date(a.as_of)))),
                ("instruments", Arg::Num(c.instruments.len() as f64)),
                ("rules", Arg::Num(c.rules.len() as f64)),
            ]
        ),
        if a.jurisdictions.is_empty() {
            String::new()
        } else {
            format!(
                " · {}",
                lang.ta(
                    "report-jurisdictions",
                    &[("list", Arg::Str(&a.jurisdictions.join(", ")))]
                )
            )
        }
    );
    if let Some(m) = a.markets {
        let _ = writeln!(
            out,
            "{}",
            lang.ta(
                "report-markets-complete",
                &[("list", Arg::Str(&m.join(", ")))]
            )
        );
    }
    if let Some(r) = review.filter(|_| stale.is_some()) {
        let days = (a.as_of - r.reviewed_until).get_days();
        let warning = lang.ta(
            "report-corpus-stale",
            &[
                ("reviewed", Arg::Str(&lang.date(r.reviewed_until))),
                ("date", Arg::Str(&lang.date(a.as_of))),
                ("days", Arg::Num(f64::from(days))),
            ],
        );
        let _ = writeln!(out, "{}", st.strong(&warning));
    }
    if a.prohibited {
        let _ = writeln!(
            out,
            "\n{}",
            if st.md {
                st.strong(&lang.t("report-prohibition-applies"))
            } else {
                let c = heading_style("Prohibited");
                format!("{c}{}{c:#}", lang.t("report-prohibition-applies"))
            }
        );
    }
    // One line of counts, so a reader knows the shape of the answer before the details.
    let count = |st: Status| a.findings.iter().filter(|f| f.status == st).count();
    let counts: Vec<String> = [
        Status::InEffect,
        Status::Upcoming,
        Status::Suspended,
        Status::Ended,
        Status::Undetermined,
    ]
    .into_iter()
    .filter(|&s| count(s) > 0)
    .map(|s| {
        lang.ta(
            "report-count",
            &[
                ("count", Arg::Num(count(s) as f64)),
                ("status", Arg::Str(&lang.status(s).to_lowercase())),
            ],
        )
    })
    .collect();
    if !counts.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.ta(
                "report-counts",
                &[(
                    "counts",
                    Arg::Str(&counts.join(if lang == Lang::ZhCn { "，" } else { ", " }))
                )]
            )
        );
    }
    by_jurisdiction(&mut out, &st, engine, a, texts);
    if let Some(item) = item {
        st.h2(&mut out, &lang.t("report-item-classification"));
        for line in crate::chips::summary_lines_in(item, lang, texts) {
            match line.strip_prefix("  ") {
                Some(detail) => st.detail(&mut out, detail),
                None => st.bullet(&mut out, &line),
            }
        }
    }
    st.h2(&mut out, &lang.t("report-classification"));
    if a.classifications.is_empty() {
        let _ = writeln!(out, "{}", lang.t("report-no-classification"));
    }
    // What is decided first, binding law first, then the most severe class, so the headline leads with what
    // decides the most.
    let mut headlines: Vec<_> = a.classifications.iter().collect();
    headlines.sort_by_key(|cl| {
        let binding = c.rule(cl.rule).is_some_and(|r| c.instrument_of(r).binding);
        let rank = c.vocabulary.tier(cl.tier).map(|t| t.rank).unwrap_or(0);
        let open = cl.status == Status::Undetermined;
        (open, !binding, std::cmp::Reverse(rank), cl.jurisdiction)
    });
    for cl in headlines {
        // Headlines are for people: the law's short title, the class in words, the date; the ids come last.
        let law = c
            .rule(cl.rule)
            .map(|r| {
                let i = c.instrument_of(r);
                texts
                    .and_then(|t| t.short_title(&i.id))
                    .unwrap_or(&i.short_title)
            })
            .unwrap_or(cl.regime);
        let class = match texts.and_then(|t| t.tier(cl.tier)) {
            Some(zh) => zh.to_string(),
            None => c
                .vocabulary
                .tier(cl.tier)
                .map(|t| tier_label(&t.description))
                .unwrap_or_else(|| cl.tier.to_string()),
        };
        st.bullet(
            &mut out,
            &format!(
                "{law} ({}): {} — {} ({}) [{} · {} = {}]",
                cl.jurisdiction,
                st.strong(&class),
                {
                    let date = lang.date(cl.applies_from);
                    let on = |id: &str| lang.ta(id, &[("date", Arg::Str(&date))]);
                    match cl.status {
                        Status::Upcoming => on("finding-from"),
                        Status::InEffect => on("finding-since"),
                        other => lang.status(other).to_lowercase(),
                    }
                },
                crate::localize::rule_citation(cl.rule, cl.citation, lang, texts),
                st.code(cl.rule),
                cl.axis,
                cl.tier,
            ),
        );
    }
    for conflict in &a.conflicts {
        let list: Vec<String> = conflict
            .rules
            .iter()
            .map(|(r, t)| {
                lang.ta(
                    "report-conflict-says",
                    &[("rule", Arg::Str(r)), ("tier", Arg::Str(t))],
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "\n{} {} {}: {}",
            st.strong(&lang.t("report-conflict")),
            conflict.regime,
            conflict.axis,
            list.join("; ")
        );
    }
    let mut current = ("", "");
    let mut current_group = "";
    // Prohibitions in effect come first in each group, under their own heading.
    // What is decided leads; what is open follows, grouped by the question that settles it.
    let mut ordered: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.status != Status::Undetermined)
        .collect();
    let open: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.status == Status::Undetermined)
        .collect();
    if ordered.is_empty() && !open.is_empty() {
        let _ = writeln!(out, "\n{}", lang.t("report-nothing-decided"));
    }
    ordered.sort_by_key(|f| {
        let prohibited =
            f.status == Status::InEffect && matches!(f.effect, Effect::Prohibition { .. });
        (f.jurisdiction, f.regime, !prohibited, f.status)
    });
    let mut caveats_shown: Vec<String> = Vec::new();
    for f in ordered {
        if (f.jurisdiction, f.regime) != current {
            current = (f.jurisdiction, f.regime);
            current_group = "";
            st.h2(
                &mut out,
                &format!(
                    "{} — {}{}",
                    f.jurisdiction,
                    texts.and_then(|t| t.regime(f.regime)).unwrap_or(f.regime),
                    if f.proposed {
                        format!(" {}", lang.t("report-proposed-group"))
                    } else if f.binding {
                        String::new()
                    } else {
                        format!(" {}", lang.t("report-non-binding-group"))
                    }
                ),
            );
        }
        let prohibited_now =
            f.status == Status::InEffect && matches!(f.effect, Effect::Prohibition { .. });
        let group = if prohibited_now {
            "Prohibited"
        } else {
            f.status.heading()
        };
        if group != current_group {
            current_group = group;
            let heading = if prohibited_now {
                lang.t("status-prohibited")
            } else {
                lang.status(f.status)
            };
            st.h3_as(&mut out, &heading, group);
        }
        finding_block(
            &mut out,
            &st,
            f,
            a,
            None,
            Speech {
                lang,
                corpus: c,
                texts,
            },
            &mut caveats_shown,
        );
    }
    if a.findings.is_empty() {
        let _ = writeln!(out, "\n{}", lang.t("report-nothing"));
    }
    if !a.derived.is_empty() || !a.derived_answers.is_empty() {
        st.h2(&mut out, &lang.t("report-derived"));
        for d in &a.derived {
            st.bullet(&mut out, &derived_line(d, lang, texts));
        }
        for d in &a.derived_answers {
            st.bullet(&mut out, &derived_answer_line(d, lang, texts));
        }
    }
    if !a.questions.is_empty() || !open.is_empty() {
        st.h2(&mut out, &lang.t("report-open"));
        // Each undetermined rule is listed once, under the first (most useful) question that bears on it.
        let mut listed = vec![false; open.len()];
        for (i, q) in a.questions.iter().enumerate() {
            let allowed = if q.allowed.is_empty() {
                String::new()
            } else {
                format!(" [{}]", q.allowed.join(", "))
            };
            let here: Vec<usize> = (0..open.len())
                .filter(|&k| !listed[k] && open[k].open_facts.contains(&q.fact))
                .collect();
            let _ = writeln!(
                out,
                "{}{}. {} ({}: {}{allowed}) — {}{}",
                match (st.md, i) {
                    (true, 0) => "",
                    (true, _) => "\n",
                    (false, _) => "  ",
                },
                i + 1,
                texts.and_then(|t| t.question(q.fact)).unwrap_or(q.question),
                st.code(q.fact),
                type_word(lang, q.ty),
                lang.ta(
                    "report-question-settles",
                    &[("count", Arg::Num(q.rules.len() as f64))]
                ),
                if here.is_empty() {
                    format!(" {}", lang.t("report-open-listed-above"))
                } else {
                    String::new()
                }
            );
            if st.md && !here.is_empty() {
                out.push('\n');
            }
            for k in here {
                listed[k] = true;
                finding_block(
                    &mut out,
                    &st,
                    open[k],
                    a,
                    Some(q.fact),
                    Speech {
                        lang,
                        corpus: c,
                        texts,
                    },
                    &mut caveats_shown,
                );
            }
        }
        let rest: Vec<&Finding> = (0..open.len())
            .filter(|&k| !listed[k])
            .map(|k| open[k])
            .collect();
        if !rest.is_empty() {
            st.h3_as(&mut out, &lang.t("report-open-other"), "Undetermined");
            for f in rest {
                finding_block(
                    &mut out,
                    &st,
                    f,
                    a,
                    None,
                    Speech {
                        lang,
                        corpus: c,
                        texts,
                    },
                    &mut caveats_shown,
                );
            }
        }
    }
    let _ = writeln!(out, "\n{}", lang.t("report-footer"));
    out
}

/// What a finding's lines are written with: the language, the corpus (titles, events) and its translations.
#[derive(Clone, Copy)]
struct Speech<'t> {
    lang: Lang,
    corpus: &'t Corpus,
    texts: Option<&'t Texts>,
}

/// One finding's lines: what it is, its effect, penalty, history, caveats, and its id and source. `open` is the
/// fact of the question it is listed under in the open part of the report (which then names its law and the
/// other facts it needs), `None` among the decided findings.
fn finding_block(
    out: &mut String,
    st: &Style,
    f: &Finding,
    a: &Assessment,
    open: Option<&str>,
    speech: Speech,
    caveats_shown: &mut Vec<String>,
) {
    let Speech {
        lang,
        corpus: c,
        texts,
    } = speech;
    let kind = match &f.effect {
        Effect::Prohibition { .. } if f.status == Status::InEffect => lang.t("effect-prohibited"),
        e => lang.t(&format!("effect-{}", e.kind())),
    };
    let law = if open.is_some() {
        format!(
            " ({} — {})",
            f.jurisdiction,
            texts.and_then(|t| t.regime(f.regime)).unwrap_or(f.regime)
        )
    } else {
        String::new()
    };
    st.bullet(
        out,
        &format!(
            "[{kind}] {}{law} — {} — {}",
            st.strong(texts.and_then(|t| t.rule_title(f.rule)).unwrap_or(f.title)),
            crate::localize::rule_citation(f.rule, &f.cited(), lang, texts),
            when_line(f, false, lang, c, texts)
        ),
    );
    st.detail(out, &effect_line(f, lang, texts));
    if let Some(p) = &f.penalty {
        st.detail(out, &penalty_line(p, f.status, a.as_of, lang, c, texts));
    }
    if let Some(h) = history_line(f, lang, c, texts) {
        st.detail(out, &h);
    }
    if let Some(by) = &f.version.amended_by {
        st.detail(
            out,
            &lang.ta(
                "finding-amended",
                &[
                    (
                        "by",
                        Arg::Str(if texts.is_some() {
                            crate::localize::short_title(c, by, texts)
                        } else {
                            by
                        }),
                    ),
                    ("date", Arg::Str(&lang.date(f.version.from))),
                ],
            ),
        );
    }
    // An ended law's challenges are part of its history line; "the law still applies" would be wrong.
    if f.status != Status::Ended {
        for c in &f.challenges {
            st.detail(out, &challenge_line(c, f.instrument, lang, texts));
        }
    }
    match open {
        // Under the question that settles it: the other facts it also needs, if any.
        Some(fact) => {
            let others: Vec<&str> = f
                .open_facts
                .iter()
                .copied()
                .filter(|o| *o != fact)
                .collect();
            if !others.is_empty() {
                st.detail(
                    out,
                    &lang.ta(
                        "report-open-also-needs",
                        &[("facts", Arg::Str(&others.join(", ")))],
                    ),
                );
            }
        }
        None if !f.open_facts.is_empty() => st.detail(
            out,
            &lang.ta(
                "finding-needs",
                &[("facts", Arg::Str(&f.open_facts.join(", ")))],
            ),
        ),
        None => {}
    }
    if f.confidence != aigov_core::model::Confidence::High {
        st.detail(
            out,
            &format!(
                "{}{}",
                lang.ta(
                    "finding-confidence",
                    &[(
                        "level",
                        Arg::Str(&lang.t(&format!(
                            "confidence-{}",
                            format!("{:?}", f.confidence).to_lowercase()
                        )))
                    )]
                ),
                crate::localize::rule_note(f.rule, f.note, texts)
                    .map(|n| format!(" — {}", n.trim()))
                    .unwrap_or_default()
            ),
        );
    }
    if let Some(n) = crate::localize::instrument_note(f.instrument, f.instrument_note, texts) {
        let instrument = texts
            .and_then(|t| t.short_title(f.instrument))
            .unwrap_or(f.instrument_title);
        // An instrument's caveat is said in full under its first finding; later findings point back to it, so
        // that a memo with eight findings does not repeat one paragraph eight times.
        let line = if caveats_shown.iter().any(|i| i == f.instrument) {
            lang.ta(
                "finding-caveat-again",
                &[("instrument", Arg::Str(instrument))],
            )
        } else {
            caveats_shown.push(f.instrument.to_string());
            lang.ta(
                "finding-caveat",
                &[
                    ("instrument", Arg::Str(instrument)),
                    ("note", Arg::Str(n.trim())),
                ],
            )
        };
        st.detail(out, &line);
    }
    st.detail(out, &format!("{} · {}", st.code(f.rule), f.url));
}

/// A trace's `name = value` line in `lang`: the engine's English words for a value that is missing (not given,
/// not given within complete markets, no parameter value on the date) come from the message files.
fn trace_value(line: &str, lang: Lang) -> String {
    use aigov_core::condition::{NOT_GIVEN, NOT_GIVEN_MARKETS, NO_PARAMETER_VALUE};
    if lang == Lang::En {
        return line.to_string();
    }
    let Some((name, value)) = line.split_once(" = ") else {
        return line.to_string();
    };
    let said = if value == NOT_GIVEN {
        lang.t("trace-not-given")
    } else if value == NO_PARAMETER_VALUE {
        lang.t("trace-no-parameter-value")
    } else if let Some(codes) = value
        .strip_prefix(NOT_GIVEN_MARKETS)
        .and_then(|r| r.trim().strip_prefix('('))
        .and_then(|r| r.strip_suffix(')'))
    {
        lang.ta("trace-not-given-markets", &[("markets", Arg::Str(codes))])
    } else {
        return line.to_string();
    };
    format!("{name} = {said}")
}

fn tree(out: &mut String, node: &TraceNode, prefix: &str, last: bool, root: bool, lang: Lang) {
    let mark = match node.result {
        Truth::True => "✓",
        Truth::False => "✗",
        Truth::Unknown => "?",
    };
    let branch = if root {
        ""
    } else if last {
        "└─ "
    } else {
        "├─ "
    };
    // A long `a || b || ...` prints as "any of" with its children below, rather than as one huge line.
    let text = match node.op.as_deref() {
        Some("or") if node.children.len() > 3 => lang.ta(
            "explain-any-of",
            &[("count", Arg::Num(node.children.len() as f64))],
        ),
        Some("and") if node.children.len() > 3 => lang.ta(
            "explain-all-of",
            &[("count", Arg::Num(node.children.len() as f64))],
        ),
        _ => node.expr.clone(),
    };
    let _ = writeln!(out, "{prefix}{branch}{mark} {text}");
    let child_prefix = if root {
        prefix.to_string()
    } else {
        format!("{prefix}{}", if last { "   " } else { "│  " })
    };
    for v in &node.values {
        let _ = writeln!(out, "{child_prefix}    {}", trace_value(v, lang));
    }
    // Show the children that decided the outcome; summarise the others (an `or` that holds is decided by its
    // true branches, an `and` that fails by its false ones).
    let deciding = |c: &TraceNode| match (node.op.as_deref(), node.result) {
        (Some("or"), Truth::True) => c.result == Truth::True,
        (Some("and"), Truth::False) => c.result == Truth::False,
        (Some("or"), Truth::Unknown) | (Some("and"), Truth::Unknown) => c.result == Truth::Unknown,
        _ => true,
    };
    let shown: Vec<&TraceNode> = node.children.iter().filter(|c| deciding(c)).collect();
    let hidden = node.children.len() - shown.len();
    for (i, c) in shown.iter().enumerate() {
        tree(
            out,
            c,
            &child_prefix,
            i + 1 == shown.len() && hidden == 0,
            false,
            lang,
        );
    }
    if hidden > 0 {
        let verdict = lang.t(match node.result {
            Truth::True if node.op.as_deref() == Some("or") => "explain-others-false",
            Truth::False => "explain-others-true",
            _ => "explain-others-decided",
        });
        let others = lang.ta(
            "explain-others",
            &[
                ("count", Arg::Num(hidden as f64)),
                ("verdict", Arg::Str(&verdict)),
            ],
        );
        let _ = writeln!(out, "{child_prefix}└─ … {others}");
    }
}

/// The rules a rule's text reads through `rules.` references, in order, without repeats.
fn rule_refs(rule: &aigov_core::model::Rule, as_of: Date) -> Vec<usize> {
    let mut refs = Vec::new();
    if let Some(v) = rule.version_on(as_of) {
        v.condition.expr.rule_refs(&mut refs);
        for e in &v.exceptions {
            e.condition.expr.rule_refs(&mut refs);
        }
    }
    let mut unique = Vec::new();
    for r in refs {
        if !unique.contains(&r) {
            unique.push(r);
        }
    }
    unique
}

/// One referenced rule in an explanation: its verdict and citation, and, if it holds or is open, its condition
/// tree and the rules it builds on in turn. Rules that do not hold are listed, not expanded.
fn builds_on(
    out: &mut String,
    engine: &Engine,
    ctx: &aigov_core::assess::Context<'_>,
    index: usize,
    depth: usize,
    seen: &mut Vec<usize>,
    how: &Words<'_>,
) {
    let as_of = how.as_of;
    let lang = how.lang;
    let r = &engine.corpus.rules[index];
    let pad = "  ".repeat(depth + 1);
    let truth = ctx.holds(index);
    let mark = match truth {
        Truth::True => "✓",
        Truth::False => "✗",
        Truth::Unknown => "?",
    };
    let cite = r
        .version_on(as_of)
        .map(|v| v.citation.as_str())
        .unwrap_or("");
    let again = seen.contains(&index);
    let _ = writeln!(
        out,
        "{pad}{mark} {} — {} ({}){}",
        r.id,
        how.texts
            .and_then(|t| t.rule_title(&r.id))
            .unwrap_or(&r.title),
        crate::localize::citation(lang, cite),
        if again {
            lang.t("explain-above")
        } else {
            String::new()
        }
    );
    if again || truth == Truth::False || depth >= 6 {
        return;
    }
    seen.push(index);
    if let Some(d) = engine.finding(ctx, index, true).and_then(|f| f.derivation) {
        tree(out, &d.condition, &format!("{pad}    "), true, true, lang);
        for e in d.exceptions.iter().filter(|e| e.result != Truth::False) {
            let line = lang.ta(
                "explain-ref-exception",
                &[
                    ("id", Arg::Str(e.id)),
                    (
                        "citation",
                        Arg::Str(&crate::localize::citation(lang, e.citation)),
                    ),
                    ("result", Arg::Str(&truth_word(lang, e.result))),
                ],
            );
            let _ = writeln!(out, "{pad}    {line}");
        }
        for x in &d.defeaters {
            let line = lang.ta(
                "explain-ref-defeated",
                &[
                    ("rule", Arg::Str(x.rule)),
                    (
                        "citation",
                        Arg::Str(&crate::localize::citation(lang, x.citation)),
                    ),
                    ("result", Arg::Str(&truth_word(lang, x.result))),
                ],
            );
            let _ = writeln!(out, "{pad}    {line}");
        }
    }
    follow_refs(out, engine, ctx, rule_refs(r, as_of), depth + 1, seen, how);
}

/// Expands the referenced rules that hold or are open; those that do not hold are counted on one line.
fn follow_refs(
    out: &mut String,
    engine: &Engine,
    ctx: &aigov_core::assess::Context<'_>,
    refs: Vec<usize>,
    depth: usize,
    seen: &mut Vec<usize>,
    how: &Words<'_>,
) {
    let (failed, live): (Vec<usize>, Vec<usize>) = refs
        .into_iter()
        .partition(|&i| ctx.holds(i) == Truth::False);
    for i in live {
        builds_on(out, engine, ctx, i, depth, seen, how);
    }
    if !failed.is_empty() {
        let ids: Vec<&str> = failed
            .iter()
            .take(3)
            .map(|&i| engine.corpus.rules[i].id.as_str())
            .collect();
        let more = if failed.len() > 3 { ", …" } else { "" };
        let line = how.lang.ta(
            "explain-refs-failed",
            &[
                ("count", Arg::Num(failed.len() as f64)),
                ("ids", Arg::Str(&format!("{}{more}", ids.join(", ")))),
            ],
        );
        let _ = writeln!(out, "{}✗ {line}", "  ".repeat(depth + 1));
    }
}

/// A finding's penalty in words: every term the corpus records, and, when a breach cannot be fined yet on the
/// date (the penalty provision starts later than the duty, as EU AI Act Art 99 and Art 101 do), from when it can.
pub(crate) fn penalty_line(
    p: &aigov_core::assess::PenaltyRef,
    status: Status,
    as_of: Date,
    lang: Lang,
    corpus: &Corpus,
    texts: Option<&Texts>,
) -> String {
    let text = crate::localize::penalty_text(corpus, p, lang, texts);
    let citation = crate::localize::penalty_citation(p, lang, texts);
    let args = [("text", Arg::Str(&text)), ("citation", Arg::Str(&citation))];
    let mut line = if status == Status::Ended {
        lang.ta("finding-penalty-ended", &args)
    } else {
        lang.ta("finding-penalty", &args)
    };
    let live = matches!(
        status,
        Status::InEffect | Status::Upcoming | Status::Undetermined | Status::Suspended
    );
    if live && !p.enforceable && p.enforceable_from > as_of {
        line.push_str(&lang.ta(
            "finding-penalty-not-yet",
            &[("date", Arg::Str(&lang.date(p.enforceable_from)))],
        ));
    }
    if p.confidence != aigov_core::model::Confidence::High {
        let level = lang.t(match p.confidence {
            aigov_core::model::Confidence::High => "confidence-high",
            aigov_core::model::Confidence::Medium => "confidence-medium",
            aigov_core::model::Confidence::Low => "confidence-low",
        });
        let note = crate::localize::penalty_note(p, lang, texts)
            .map(|n| lang.ta("finding-penalty-note", &[("note", Arg::Str(n.trim()))]))
            .unwrap_or_default();
        line.push_str(&lang.ta(
            "finding-penalty-confidence",
            &[("level", Arg::Str(&level)), ("note", Arg::Str(&note))],
        ));
    }
    // The amounts alone would hide the other sanctions (warnings, suspension, revocation, injunctions).
    if let Some(full) = crate::localize::penalty_in_full(corpus, p, lang, texts) {
        line.push_str(&lang.ta("finding-penalty-in-full", &[("summary", Arg::Str(&full))]));
    }
    line
}

/// The instrument's lifecycle up to the date, in order ("amended by ... on ..., then stayed by ... on ..., then
/// replaced by ... on ..."), when it says more than the finding's other lines: a stay, a non-enforcement or an end,
/// other than the single event that already explains the status. (JSON always carries the whole history.)
fn history_line(f: &Finding, lang: Lang, corpus: &Corpus, texts: Option<&Texts>) -> Option<String> {
    use aigov_core::model::EventKind;
    let telling: Vec<_> = f
        .history
        .iter()
        .filter(|c| !matches!(c.kind, EventKind::Challenged | EventKind::Amended))
        .collect();
    let only_the_cause = f.history.len() == 1 && f.cause.as_ref() == f.history.first().copied();
    if telling.is_empty() || only_the_cause {
        return None;
    }
    // Each step names the instrument once, at the start: "SB 24-205 amended by ..., then stayed by ...".
    let title = crate::localize::short_title(corpus, f.instrument, texts);
    let prefix = format!("{title} ");
    let steps: Vec<String> = f
        .history
        .iter()
        .map(|c| {
            let text = crate::localize::cause_text(corpus, c, lang, texts);
            text.strip_prefix(&prefix)
                .map(str::to_string)
                .unwrap_or(text)
        })
        .collect();
    Some(lang.ta(
        "finding-history",
        &[
            ("instrument", Arg::Str(title)),
            (
                "steps",
                Arg::Str(&steps.join(&lang.t("finding-history-then"))),
            ),
        ],
    ))
}

/// Renders the derivation of one rule for a subject.
/// A challenge in words: "challenged 2025-12-11 by EO 14365 — ... (no court has stayed it)".
fn challenge_line(
    c: &aigov_core::assess::Challenge,
    instrument: &str,
    lang: Lang,
    texts: Option<&Texts>,
) -> String {
    // The challenging instrument's short title from the translations, where it has one.
    let translated = c.by.and_then(|b| texts.and_then(|t| t.short_title(b)));
    let by = translated
        .or(c.by_title)
        .or(c.by)
        .map(|b| lang.ta("finding-challenged-by", &[("by", Arg::Str(b))]))
        .unwrap_or_default();
    format!(
        "{}{}",
        lang.ta(
            "finding-challenged",
            &[
                ("date", Arg::Str(&lang.date(c.date))),
                ("by", Arg::Str(&by))
            ]
        ),
        c.note
            .map(|n| {
                let n = texts
                    .and_then(|t| t.event_note(instrument, c.event))
                    .unwrap_or(n);
                format!(" — {}", n.trim())
            })
            .unwrap_or_default()
    )
}

/// A derived value with its arithmetic: "model.training_compute_flop = 6.3e24 FLOP, from parameters and tokens:
/// 6 * 7e10 * 1.5e13 = 6.3e24".
fn derived_line(d: &aigov_core::assess::DerivedValue, lang: Lang, texts: Option<&Texts>) -> String {
    let (method, citation) =
        crate::localize::derivation(d.fact, d.alternative, d.method, d.citation, texts);
    let value = format!(
        "{}{}",
        aigov_core::value::format_number(d.value),
        d.unit.map(|u| format!(" {u}")).unwrap_or_default()
    );
    format!(
        "{}{}",
        lang.ta(
            "finding-derived",
            &[
                ("fact", Arg::Str(d.fact)),
                ("value", Arg::Str(&value)),
                ("method", Arg::Str(method)),
                ("arithmetic", Arg::Str(&d.arithmetic)),
            ]
        ),
        citation.map(|c| format!(" [{c}]")).unwrap_or_default()
    )
}

/// A class derived from the features the law names: "ai_system.profiling = true (derived from personal aspects
/// the system evaluates: size(...) > 0, with ai_system.personal_aspects_evaluated = ["health"]; a direct answer
/// overrides it)".
fn derived_answer_line(
    d: &aigov_core::assess::DerivedAnswer,
    lang: Lang,
    texts: Option<&Texts>,
) -> String {
    let (method, citation) =
        crate::localize::derivation(d.fact, d.alternative, d.method, d.citation, texts);
    format!(
        "{}{}",
        lang.ta(
            "finding-derived-answer",
            &[
                ("fact", Arg::Str(d.fact)),
                ("value", Arg::Str(if d.value { "true" } else { "false" })),
                ("method", Arg::Str(method)),
                ("formula", Arg::Str(d.formula)),
                ("values", Arg::Str(&d.values.join("; "))),
            ]
        ),
        citation
            .map(|c| format!(" [{}]", c.trim()))
            .unwrap_or_default()
    )
}

pub fn explain(
    engine: &Engine,
    facts: &Facts,
    index: usize,
    as_of: Date,
    format: OutputFormat,
) -> String {
    explain_in(
        engine,
        facts,
        index,
        as_of,
        format,
        Lang::En,
        &Translations::default(),
    )
}

/// [`explain`] in `lang`, with the corpus's texts from `translations` where it has them (JSON is the same in
/// every language).
pub fn explain_in(
    engine: &Engine,
    facts: &Facts,
    index: usize,
    as_of: Date,
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
) -> String {
    let ctx = aigov_core::assess::Context::new(engine, facts, as_of);
    let rule = &engine.corpus.rules[index];
    let inst = engine.corpus.instrument_of(rule);
    let finding = engine.finding(&ctx, index, true);
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Explanation<'a> {
            as_of: Date,
            rule: &'a str,
            not_yet_law: bool,
            finding: Option<&'a Finding<'a>>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            derived: Vec<aigov_core::assess::DerivedValue<'a>>,
        }
        return json(
            "explanation",
            &Explanation {
                as_of,
                rule: &rule.id,
                not_yet_law: finding.is_none(),
                finding: finding.as_ref(),
                derived: engine.derived_values(&ctx),
            },
        );
    }
    let st = Style::new(format, lang);
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let c = &engine.corpus;
    let date = |d: Date| lang.date(d);
    let mut out = String::new();
    st.h1(
        &mut out,
        &format!(
            "{} — {}",
            rule.id,
            texts
                .and_then(|t| t.rule_title(&rule.id))
                .unwrap_or(&rule.title)
        ),
    );
    let _ = writeln!(
        out,
        "{}",
        lang.ta(
            "explain-instrument",
            &[
                (
                    "title",
                    Arg::Str(crate::localize::short_title(c, &inst.id, texts))
                ),
                ("citation", Arg::Str(&inst.citation)),
                ("jurisdiction", Arg::Str(&inst.jurisdiction)),
                ("url", Arg::Str(rule.url.as_deref().unwrap_or(&inst.url))),
            ]
        )
    );
    let Some(f) = finding else {
        let first = rule
            .versions
            .first()
            .map(|v| date(v.from.date))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}",
            lang.ta(
                "explain-not-yet-law",
                &[
                    ("date", Arg::Str(&date(as_of))),
                    ("first", Arg::Str(&first))
                ]
            )
        );
        return out;
    };
    let _ = writeln!(
        out,
        "{}",
        lang.ta(
            "explain-citation",
            &[(
                "citation",
                Arg::Str(&crate::localize::rule_citation(
                    f.rule,
                    &f.cited(),
                    lang,
                    texts
                ))
            )]
        )
    );
    let status = if lang == Lang::En {
        f.status.heading().to_uppercase()
    } else {
        lang.status(f.status)
    };
    let _ = writeln!(
        out,
        "{}",
        lang.ta(
            "explain-as-of",
            &[
                ("date", Arg::Str(&date(as_of))),
                ("status", Arg::Str(&st.strong(&status))),
                ("when", Arg::Str(&when_line(&f, true, lang, c, texts))),
            ]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        lang.ta(
            "explain-effect",
            &[("effect", Arg::Str(&effect_line(&f, lang, texts)))]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        lang.ta(
            "explain-summary",
            &[(
                "summary",
                Arg::Str(
                    texts
                        .and_then(|t| t.rule_summary(f.rule))
                        .unwrap_or(f.summary)
                        .trim()
                )
            )]
        )
    );
    for ch in &f.challenges {
        let _ = writeln!(
            out,
            "{}",
            lang.ta(
                "explain-challenge",
                &[(
                    "challenge",
                    Arg::Str(&challenge_line(ch, &inst.id, lang, texts))
                )]
            )
        );
    }
    // In another language the amending instrument by its translated short title; in English by its id.
    let by_name = |b: &str| -> String {
        match texts {
            Some(_) => crate::localize::short_title(c, b, texts).to_string(),
            None => b.to_string(),
        }
    };
    let amended = f
        .version
        .amended_by
        .map(|b| lang.ta("explain-text-amended", &[("by", Arg::Str(&by_name(b)))]))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}{}",
        lang.ta(
            "explain-text",
            &[
                ("date", Arg::Str(&date(f.version.from))),
                ("amended", Arg::Str(&amended)),
            ]
        ),
        f.version
            .change
            .map(|c| format!(
                " — {}",
                texts.and_then(|t| t.version_change(c)).unwrap_or(c).trim()
            ))
            .unwrap_or_default()
    );
    if rule.versions.len() > 1 {
        let _ = writeln!(out, "{}", lang.t("explain-versions"));
        for v in &rule.versions {
            let amended = v
                .amended_by
                .as_deref()
                .map(|b| lang.ta("explain-version-amended", &[("by", Arg::Str(&by_name(b)))]))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}",
                lang.ta(
                    "explain-version",
                    &[
                        ("from", Arg::Str(&date(v.from.date))),
                        ("applies", Arg::Str(&date(v.applies_from.date))),
                        ("amended", Arg::Str(&amended)),
                    ]
                )
            );
        }
    }
    if let Some(d) = &f.derivation {
        st.h2(&mut out, &lang.t("explain-derivation"));
        if st.md {
            out.push_str("```text\n");
        }
        let _ = writeln!(out, "{}", lang.t("explain-condition"));
        tree(&mut out, &d.condition, "  ", true, true, lang);
        if !d.exceptions.is_empty() {
            let _ = writeln!(out, "{}", lang.t("explain-exceptions"));
            for e in &d.exceptions {
                let verdict = lang.t(match e.result {
                    Truth::True => "explain-exception-fired",
                    Truth::False => "explain-exception-not-fired",
                    Truth::Unknown => "explain-exception-unknown",
                });
                let _ = writeln!(
                    out,
                    "  {}",
                    lang.ta(
                        "explain-exception",
                        &[
                            ("id", Arg::Str(e.id)),
                            ("verdict", Arg::Str(&verdict)),
                            (
                                "citation",
                                Arg::Str(&crate::localize::citation(lang, e.citation))
                            ),
                            (
                                "summary",
                                Arg::Str(
                                    texts
                                        .and_then(|t| t.exception(&inst.id, e.id))
                                        .unwrap_or(e.summary)
                                        .trim()
                                )
                            ),
                        ]
                    )
                );
                tree(&mut out, &e.trace, "    ", true, true, lang);
            }
        }
        if !d.defeaters.is_empty() {
            let _ = writeln!(out, "{}", lang.t("explain-defeaters"));
            for x in &d.defeaters {
                let _ = writeln!(
                    out,
                    "  {}",
                    lang.ta(
                        "explain-defeater",
                        &[
                            ("rule", Arg::Str(x.rule)),
                            (
                                "citation",
                                Arg::Str(&crate::localize::citation(lang, x.citation))
                            ),
                            ("result", Arg::Str(&truth_word(lang, x.result))),
                        ]
                    )
                );
            }
        }
        if st.md {
            out.push_str("```\n");
        }
    }
    // The rules this one reads through `rules.` references: their derivations, followed down (each rule once),
    // so the whole tree from facts to conclusion is on the page.
    let refs = rule_refs(rule, as_of);
    if !refs.is_empty() {
        st.h2(&mut out, &lang.t("explain-builds-on"));
        if st.md {
            out.push_str("```text\n");
        }
        let mut seen = vec![index];
        let how = Words { lang, as_of, texts };
        follow_refs(&mut out, engine, &ctx, refs, 0, &mut seen, &how);
        if st.md {
            out.push_str("```\n");
        }
    }
    let derived = engine.derived_values(&ctx);
    if !derived.is_empty() {
        st.h2(&mut out, &lang.t("report-derived"));
        for d in &derived {
            st.bullet(&mut out, &derived_line(d, st.lang, texts));
        }
    }
    if !f.questions.is_empty() {
        st.h2(&mut out, &lang.t("explain-questions"));
        // The facts the questions ask for are in the same order (`open_facts`).
        for (i, q) in f.questions.iter().enumerate() {
            let tr = f
                .open_facts
                .get(i)
                .and_then(|fact| texts.and_then(|t| t.question(fact)));
            st.bullet(&mut out, tr.unwrap_or(q));
        }
    }
    if let Some(p) = &f.penalty {
        let _ = writeln!(
            out,
            "\n{}",
            penalty_line(p, f.status, as_of, lang, c, texts)
        );
    }
    if let Some(h) = history_line(&f, lang, c, texts) {
        let _ = writeln!(out, "\n{h}");
    }
    if let Some(n) = crate::localize::instrument_note(f.instrument, f.instrument_note, texts) {
        let caveat = lang.ta(
            "finding-caveat",
            &[
                (
                    "instrument",
                    Arg::Str(crate::localize::short_title(c, f.instrument, texts)),
                ),
                ("note", Arg::Str(n.trim())),
            ],
        );
        let _ = writeln!(out, "\n{caveat}");
    }
    if f.confidence != aigov_core::model::Confidence::High {
        let level = if lang == Lang::En {
            format!("{:?}", f.confidence)
        } else {
            lang.t(&format!(
                "confidence-{}",
                format!("{:?}", f.confidence).to_lowercase()
            ))
        };
        let _ = writeln!(
            out,
            "\n{}",
            lang.ta(
                "explain-confidence",
                &[
                    ("level", Arg::Str(&level)),
                    (
                        "note",
                        Arg::Str(crate::localize::rule_note(f.rule, f.note, texts).unwrap_or("")),
                    ),
                ]
            )
        );
    }
    out
}

/// A fact's type in words (`bool`, `set`; in Chinese `是/否`, `多选`); a type without a message keeps its name.
fn type_word(lang: Lang, ty: &str) -> String {
    if lang == Lang::En {
        return ty.to_string();
    }
    let id = format!("type-{ty}");
    let word = lang.t(&id);
    if word == id {
        ty.to_string()
    } else {
        word
    }
}

/// The words of an explanation's rule tree: its language and the corpus's texts in it.
struct Words<'a> {
    lang: Lang,
    as_of: Date,
    texts: Option<&'a Texts>,
}

/// A truth value in words (`true`, `false`, `unknown`).
fn truth_word(lang: Lang, t: Truth) -> String {
    if lang == Lang::En {
        return t.to_string();
    }
    lang.t(match t {
        Truth::True => "truth-true",
        Truth::False => "truth-false",
        Truth::Unknown => "truth-unknown",
    })
}

/// Renders a diff.
pub fn diff(d: &Diff, format: OutputFormat) -> String {
    diff_in(d, format, Lang::En, &Translations::default())
}

/// A status's name in lower case, from its English heading (`in effect`), in `lang`.
fn status_words(lang: Lang, heading: &str) -> Option<String> {
    let s = [
        Status::InEffect,
        Status::Upcoming,
        Status::Suspended,
        Status::Ended,
        Status::Undetermined,
        Status::NotApplicable,
    ]
    .into_iter()
    .find(|s| s.heading().eq_ignore_ascii_case(heading.trim()))?;
    Some(lang.status(s).to_lowercase())
}

/// One detail of a diff ("upcoming → in effect", "applies from ... instead of ...") in `lang`; a detail of
/// another form is kept as the engine wrote it.
fn diff_detail(lang: Lang, s: &str, corpus: Option<&Corpus>, texts: Option<&Texts>) -> String {
    if lang == Lang::En {
        return s.to_string();
    }
    let date = |x: &str| {
        x.trim()
            .parse::<Date>()
            .map(|d| lang.date(d))
            .unwrap_or_else(|_| x.to_string())
    };
    if let Some(st) = s
        .strip_suffix(" (new law)")
        .and_then(|x| status_words(lang, x))
    {
        return lang.ta("diff-new-law", &[("status", Arg::Str(&st))]);
    }
    if let Some(st) = s
        .strip_suffix(" → no longer law")
        .and_then(|x| status_words(lang, x))
    {
        return lang.ta("diff-no-longer-law", &[("status", Arg::Str(&st))]);
    }
    if let Some(rest) = s.strip_prefix("tier ") {
        if let Some((a, b)) = rest.split_once(" → ") {
            let tier = |t: &str| texts.and_then(|x| x.tier(t)).unwrap_or(t).to_string();
            return lang.ta(
                "diff-tier",
                &[("from", Arg::Str(&tier(a))), ("to", Arg::Str(&tier(b)))],
            );
        }
    }
    if let Some((a, b)) = s.split_once(" → ") {
        if let (Some(a), Some(b)) = (status_words(lang, a), status_words(lang, b)) {
            return format!("{a} → {b}");
        }
    }
    if let Some(rest) = s.strip_prefix("applies from ") {
        if let Some((a, b)) = rest.split_once(" instead of ") {
            return lang.ta(
                "diff-applies-from",
                &[("date", Arg::Str(&date(a))), ("before", Arg::Str(&date(b)))],
            );
        }
    }
    if let Some(by) = s.strip_prefix("amended by ") {
        let by = corpus
            .map(|c| crate::localize::short_title(c, by, texts))
            .unwrap_or(by);
        return lang.ta("diff-amended-by", &[("by", Arg::Str(by))]);
    }
    if let Some(change) = s.strip_prefix("amended: ") {
        let change = texts
            .and_then(|t| t.version_change(change))
            .unwrap_or(change);
        return lang.ta("diff-amended", &[("change", Arg::Str(change))]);
    }
    if let Some(d) = s.strip_prefix("new text from ") {
        return lang.ta("diff-new-text", &[("date", Arg::Str(&date(d)))]);
    }
    if s == "summary changed" {
        return lang.t("diff-summary-changed");
    }
    if let Some(rest) = s
        .strip_prefix("fines can now be imposed (")
        .and_then(|x| x.strip_suffix(')'))
    {
        if let Some((cite, from)) = rest.rsplit_once(", from ") {
            return lang.ta(
                "diff-fines-now",
                &[
                    ("citation", Arg::Str(&crate::localize::citation(lang, cite))),
                    ("date", Arg::Str(&date(from))),
                ],
            );
        }
    }
    s.to_string()
}

/// [`diff`] in `lang`, with the corpus's texts from `translations` where it has them.
pub fn diff_in(d: &Diff, format: OutputFormat, lang: Lang, translations: &Translations) -> String {
    diff_with(d, format, lang, translations, None)
}

/// [`diff_in`] with the corpus, so that instruments are named in `lang` too.
pub fn diff_with(
    d: &Diff,
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
    corpus: Option<&Corpus>,
) -> String {
    if format == OutputFormat::Json {
        return json("diff", d);
    }
    let st = Style::new(format, lang);
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let mut out = String::new();
    let unnamed = lang.t("report-unnamed");
    st.h1(
        &mut out,
        &lang.ta(
            "diff-title",
            &[
                ("name", Arg::Str(d.name.as_deref().unwrap_or(&unnamed))),
                ("subject", Arg::Str(&d.subject)),
                ("from", Arg::Str(&lang.date(d.from))),
                ("to", Arg::Str(&lang.date(d.to))),
            ],
        ),
    );
    if d.changes.is_empty() {
        let _ = writeln!(out, "{}", lang.t("diff-nothing"));
    }
    let mut current = String::new();
    for c in &d.changes {
        let group = format!(
            "{} — {}",
            c.jurisdiction,
            texts.and_then(|t| t.regime(&c.regime)).unwrap_or(&c.regime)
        );
        if group != current {
            st.h2(&mut out, &group);
            current = group;
        }
        let sign = match c.kind {
            ChangeKind::Appeared => "+",
            ChangeKind::Ended => "-",
            ChangeKind::Changed => "~",
        };
        let details: Vec<String> = c
            .details
            .iter()
            .map(|x| diff_detail(lang, x, corpus, texts))
            .collect();
        st.bullet(
            &mut out,
            &format!(
                "{sign} {} — {} ({}): {}",
                st.strong(
                    texts
                        .and_then(|t| t.rule_title(&c.rule))
                        .unwrap_or(&c.title)
                ),
                crate::localize::rule_citation(&c.rule, &c.citation, lang, texts),
                st.code(&c.rule),
                details.join(if lang == Lang::En { "; " } else { "；" })
            ),
        );
        for cause in &c.causes {
            let text = match corpus {
                Some(corpus) => crate::localize::cause_text(corpus, cause, lang, texts),
                None => cause.text.clone(),
            };
            st.detail(
                &mut out,
                &lang.ta("diff-because", &[("cause", Arg::Str(&text))]),
            );
        }
        st.detail(&mut out, &c.url);
    }
    out
}

/// Renders a timeline.
pub fn timeline(t: &Timeline, format: OutputFormat) -> String {
    timeline_in(t, format, Lang::En, &Translations::default(), None)
}

/// [`timeline`] in `lang`: dates, kinds and labels from the message files, rule titles, duties and regimes from
/// `translations` where the corpus has them (the corpus gives each entry's rule).
pub fn timeline_in(
    t: &Timeline,
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
    corpus: Option<&Corpus>,
) -> String {
    use aigov_core::timeline::EntryKind;
    if format == OutputFormat::Json {
        return json("timeline", t);
    }
    let st = Style::new(format, lang);
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let mut out = String::new();
    let unnamed = lang.t("report-unnamed");
    st.h1(
        &mut out,
        &lang.ta(
            "timeline-title",
            &[
                ("name", Arg::Str(t.name.as_deref().unwrap_or(&unnamed))),
                ("subject", Arg::Str(&t.subject)),
                ("date", Arg::Str(&lang.date(t.as_of))),
            ],
        ),
    );
    // An entry's text in the reader's language (English: the engine's words).
    let text_of = |e: &aigov_core::timeline::Entry| -> String {
        if lang == Lang::En {
            return e.text.clone();
        }
        let rule = corpus.and_then(|c| c.rule(&e.rule));
        let version = rule.and_then(|r| r.version_on(e.date).or(r.versions.last()));
        match e.kind {
            EntryKind::Applies | EntryKind::Proposed => version
                .map(|v| effect_words(&e.rule, &v.effect, lang, texts))
                .unwrap_or_else(|| e.text.clone()),
            EntryKind::Deadline => {
                let english = e.text.strip_prefix("deadline: ").unwrap_or(&e.text);
                lang.ta(
                    "finding-deadline",
                    &[(
                        "deadline",
                        Arg::Str(
                            texts
                                .and_then(|x| x.rule_deadline(&e.rule, english))
                                .unwrap_or(english),
                        ),
                    )],
                )
            }
            EntryKind::Penalty => lang.t("timeline-penalty-text"),
            EntryKind::Amended | EntryKind::Suspended | EntryKind::Ends => corpus
                .and_then(|c| crate::localize::rule_event_text(c, &e.rule, e.date, lang, texts))
                .unwrap_or_else(|| {
                    lang.t(match e.kind {
                        EntryKind::Amended => "timeline-amended-text",
                        EntryKind::Suspended => "timeline-suspended-text",
                        _ => "timeline-ends-text",
                    })
                }),
        }
    };
    // Entries with the same date, kind and text (one amendment moving many duties) print once, with their rules.
    let mut groups: Vec<(&aigov_core::timeline::Entry, Vec<String>)> = Vec::new();
    for e in &t.entries {
        let same = |g: &&aigov_core::timeline::Entry| {
            g.date == e.date && g.kind == e.kind && g.text == e.text && g.regime == e.regime
        };
        let cite = crate::localize::rule_citation(&e.rule, &e.citation, lang, texts);
        match groups.iter_mut().find(|(g, _)| same(g)) {
            Some((_, cites)) => cites.push(cite),
            None => groups.push((e, vec![cite])),
        }
    }
    let mut past = true;
    for (e, cites) in groups {
        if past && e.date > t.as_of {
            past = false;
            let marker = lang.ta("timeline-as-of", &[("date", Arg::Str(&lang.date(t.as_of)))]);
            let _ = writeln!(
                out,
                "{}",
                if st.md {
                    format!("\n**— {marker} —**\n")
                } else {
                    format!("    ──── {marker} ────")
                }
            );
        }
        let kind = if lang == Lang::En {
            format!("{:?}", e.kind).to_lowercase()
        } else {
            lang.t(&format!(
                "timeline-kind-{}",
                format!("{:?}", e.kind).to_lowercase()
            ))
        };
        let q = if e.undetermined {
            format!(" ({})", lang.status(Status::Undetermined).to_lowercase())
        } else {
            String::new()
        };
        let title = texts
            .and_then(|x| x.rule_title(&e.rule))
            .unwrap_or(&e.title);
        let what = if cites.len() == 1 {
            format!("{title} — {}", text_of(e))
        } else {
            text_of(e)
        };
        let regime = texts.and_then(|x| x.regime(&e.regime)).unwrap_or(&e.regime);
        // The kind column is 9 columns wide; a Chinese word takes two columns a character.
        let pad = 9usize.saturating_sub(display_width(&kind));
        st.bullet(
            &mut out,
            &format!(
                "{}  {kind}{} {what} [{regime} {}]{q}",
                lang.date(e.date),
                " ".repeat(pad),
                cites.join(if lang == Lang::En { "; " } else { "；" })
            ),
        );
    }
    out
}

/// Lists the instruments.
pub fn corpus_list(c: &Corpus, format: OutputFormat) -> String {
    corpus_list_in(c, format, Lang::En, &Translations::default())
}

/// [`corpus_list`] in `lang`: headings from the message files, short titles from `translations`.
pub fn corpus_list_in(
    c: &Corpus,
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
) -> String {
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Item<'a> {
            id: &'a str,
            jurisdiction: &'a str,
            kind: aigov_core::model::InstrumentKind,
            title: &'a str,
            citation: &'a str,
            url: &'a str,
            binding: bool,
            rules: usize,
        }
        let items: Vec<Item> = c
            .instruments
            .iter()
            .enumerate()
            .map(|(i, x)| Item {
                id: &x.id,
                jurisdiction: &x.jurisdiction,
                kind: x.kind,
                title: &x.short_title,
                citation: &x.citation,
                url: &x.url,
                binding: x.binding,
                rules: c.rules.iter().filter(|r| r.instrument == i).count(),
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&items).expect("serializes");
        s.push('\n');
        return s;
    }
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let mut out = String::new();
    // Columns padded by display width: a Chinese heading takes two columns a character.
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(display_width(s))));
    let rules_head = lang.t("list-rules");
    let _ = writeln!(
        out,
        "{} {} {}{rules_head}  {}",
        pad(&lang.t("list-id"), 28),
        pad(&lang.t("list-jurisdiction"), 10),
        " ".repeat(5usize.saturating_sub(display_width(&rules_head))),
        lang.t("list-title")
    );
    for (i, x) in c.instruments.iter().enumerate() {
        let n = c.rules.iter().filter(|r| r.instrument == i).count();
        let _ = writeln!(
            out,
            "{:<28} {:<10} {:>5}  {} ({})",
            x.id,
            x.jurisdiction,
            n,
            texts
                .and_then(|t| t.short_title(&x.id))
                .unwrap_or(&x.short_title),
            x.citation
        );
    }
    out
}

/// Shows an instrument or a rule.
pub fn corpus_show(c: &Corpus, id: &str, format: OutputFormat) -> Option<String> {
    corpus_show_in(c, id, format, Lang::En, None)
}

/// [`corpus_show`] in `lang`: the labels from the message files, lifecycle verbs, dates and article labels in that
/// language, and titles, summaries and notes from the corpus's translations (`texts`) where it has them. The
/// conditions, exceptions' conditions and effects stay as written in the corpus (CEL and JSON); JSON output is
/// the corpus's own.
pub fn corpus_show_in(
    c: &Corpus,
    id: &str,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&Texts>,
) -> Option<String> {
    let texts = texts.filter(|_| lang != Lang::En);
    let date = |d: Date| lang.date(d);
    if let Some(inst) = c.instrument(id) {
        if format == OutputFormat::Json {
            return Some(format!(
                "{}\n",
                serde_json::to_string_pretty(inst).expect("serializes")
            ));
        }
        let tr = texts.and_then(|t| t.instruments.get(&inst.id));
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}\n{}\n{}",
            lang.ta(
                "show-instrument",
                &[
                    ("id", Arg::Str(&inst.id)),
                    (
                        "short_title",
                        Arg::Str(
                            tr.map(|t| t.short_title.as_str())
                                .unwrap_or(&inst.short_title)
                        )
                    ),
                ]
            ),
            tr.and_then(|t| t.title.as_deref()).unwrap_or(&inst.title),
            lang.ta(
                "show-instrument-line",
                &[
                    ("citation", Arg::Str(&inst.citation)),
                    ("issuer", Arg::Str(&inst.issuer)),
                    (
                        "binding",
                        Arg::Str(&lang.t(if inst.binding {
                            "show-binding"
                        } else {
                            "show-non-binding"
                        }))
                    ),
                ]
            )
        );
        let _ = writeln!(out, "{}", inst.url);
        if let Some(s) = tr
            .and_then(|t| t.summary.as_deref())
            .or(inst.summary.as_deref())
        {
            let _ = writeln!(out, "\n{}", s.trim());
        }
        let _ = writeln!(out, "\n{}", lang.t("show-lifecycle"));
        for e in &inst.events {
            let verb = if lang == Lang::En {
                e.kind.verb().to_string()
            } else {
                crate::localize::event_verb(lang, e.kind, false)
            };
            let pad = 20usize.saturating_sub(display_width(&verb));
            let _ = writeln!(
                out,
                "  {}  {verb}{} {}{}",
                date(e.date),
                " ".repeat(pad),
                e.by.as_deref()
                    .map(|b| lang.ta(
                        "show-event-by",
                        &[(
                            "by",
                            Arg::Str(if lang == Lang::En {
                                b
                            } else {
                                crate::localize::short_title(c, b, texts)
                            })
                        )]
                    ))
                    .unwrap_or_default(),
                crate::localize::event_provisions(&inst.id, e, lang, texts).unwrap_or_default()
            );
        }
        if !inst.reviews.is_empty() {
            let _ = writeln!(out, "\n{}", lang.t("show-reviews"));
            for r in &inst.reviews {
                let _ = writeln!(
                    out,
                    "  {}  {}\n              {}\n              {}",
                    date(r.date),
                    lang.ta(
                        "show-review-checked",
                        &[("text", Arg::Str(r.checked.trim()))]
                    ),
                    lang.ta(
                        "show-review-changed",
                        &[("text", Arg::Str(r.changed.trim()))]
                    ),
                    lang.ta(
                        "show-review-sources",
                        &[("text", Arg::Str(&r.sources.join("; ")))]
                    ),
                );
            }
        }
        if let Some(n) = crate::localize::instrument_note(&inst.id, inst.note.as_deref(), texts) {
            if lang != Lang::En {
                let _ = writeln!(
                    out,
                    "\n{}",
                    lang.ta(
                        "finding-caveat",
                        &[
                            (
                                "instrument",
                                Arg::Str(crate::localize::short_title(c, &inst.id, texts))
                            ),
                            ("note", Arg::Str(n.trim())),
                        ]
                    )
                );
            }
        }
        let _ = writeln!(out, "\n{}", lang.t("show-rules"));
        for r in c.rules.iter().filter(|r| c.instrument_of(r).id == inst.id) {
            let v = r.versions.last().expect("rules have a version");
            let kind = if lang == Lang::En {
                v.effect.kind().to_string()
            } else {
                lang.t(&format!("effect-{}", v.effect.kind()))
            };
            let kind_pad = 14usize.saturating_sub(display_width(&kind));
            let _ = writeln!(
                out,
                "  {:<40} {kind}{} {} — {}",
                r.id,
                " ".repeat(kind_pad),
                crate::localize::rule_citation(&r.id, &v.citation, lang, texts),
                texts.and_then(|t| t.rule_title(&r.id)).unwrap_or(&r.title)
            );
        }
        return Some(out);
    }
    let r = c.rule(id)?;
    if format == OutputFormat::Json {
        return Some(format!(
            "{}\n",
            serde_json::to_string_pretty(r).expect("serializes")
        ));
    }
    let inst = c.instrument_of(r);
    let mut out = String::new();
    let roles = if r.roles.is_empty() {
        String::new()
    } else {
        lang.ta(
            "show-roles",
            &[(
                "roles",
                Arg::Str(&r.roles.join(&lang.t("show-roles-separator"))),
            )],
        )
    };
    let _ = writeln!(
        out,
        "{}\n{}",
        lang.ta(
            "show-rule",
            &[
                ("id", Arg::Str(&r.id)),
                (
                    "title",
                    Arg::Str(texts.and_then(|t| t.rule_title(&r.id)).unwrap_or(&r.title))
                ),
            ]
        ),
        lang.ta(
            "show-rule-line",
            &[
                (
                    "instrument",
                    Arg::Str(crate::localize::short_title(c, &inst.id, texts))
                ),
                ("jurisdiction", Arg::Str(&inst.jurisdiction)),
                ("subject", Arg::Str(&r.subject)),
                ("roles", Arg::Str(&roles)),
            ]
        )
    );
    for (i, v) in r.versions.iter().enumerate() {
        let amended = v
            .amended_by
            .as_deref()
            .map(|b| {
                lang.ta(
                    "show-amended-by",
                    &[(
                        "by",
                        Arg::Str(if lang == Lang::En {
                            b
                        } else {
                            crate::localize::short_title(c, b, texts)
                        }),
                    )],
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{}",
            lang.ta(
                "show-text-from",
                &[
                    ("from", Arg::Str(&date(v.from.date))),
                    ("amended", Arg::Str(&amended)),
                    (
                        "citation",
                        Arg::Str(&crate::localize::rule_citation(
                            &r.id,
                            &v.citation,
                            lang,
                            texts
                        ))
                    ),
                    ("applies", Arg::Str(&date(v.applies_from.date))),
                ]
            )
        );
        if let Some(ch) = &v.change {
            let _ = writeln!(
                out,
                "  {}",
                lang.ta(
                    "show-change",
                    &[(
                        "text",
                        Arg::Str(texts.and_then(|t| t.version_change(ch)).unwrap_or(ch))
                    )]
                )
            );
        }
        // The first text's summary is the one the translation was written for.
        let summary = texts
            .filter(|_| i == 0)
            .and_then(|t| t.rule_summary(&r.id))
            .unwrap_or(&v.summary);
        let _ = writeln!(out, "  {}", summary.trim());
        let _ = writeln!(
            out,
            "  {}",
            lang.ta("show-when", &[("condition", Arg::Str(&v.condition.source))])
        );
        // What the compiled condition reads: the facts a manifest must give to settle this rule directly.
        let mut reads = Vec::new();
        v.condition.expr.reads(&mut reads);
        reads.sort_unstable();
        reads.dedup();
        let names: Vec<&str> = reads
            .iter()
            .map(|&f| c.vocabulary.facts[f as usize].qualified.as_str())
            .collect();
        if !names.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                lang.ta("show-reads", &[("facts", Arg::Str(&names.join(", ")))])
            );
        }
        let mut refs = Vec::new();
        v.condition.expr.rule_refs(&mut refs);
        refs.dedup();
        if !refs.is_empty() {
            let ids: Vec<&str> = refs.iter().map(|&i| c.rules[i].id.as_str()).collect();
            let _ = writeln!(
                out,
                "  {}",
                lang.ta("show-builds-on", &[("rules", Arg::Str(&ids.join(", ")))])
            );
        }
        for e in &v.exceptions {
            let _ = writeln!(
                out,
                "  {}",
                lang.ta(
                    "show-unless",
                    &[
                        ("id", Arg::Str(&e.id)),
                        (
                            "citation",
                            Arg::Str(&crate::localize::citation(lang, &e.citation))
                        ),
                        ("condition", Arg::Str(&e.condition.source)),
                    ]
                )
            );
        }
        // In another language the effect in words where the corpus translates it; else as data.
        let effect = texts
            .and_then(|t| match &v.effect {
                Effect::Obligation { duty, .. } => t
                    .rule_effect(&r.id, duty)
                    .map(|d| lang.ta("finding-must", &[("duty", Arg::Str(d))])),
                Effect::Prohibition { practice, .. } => t
                    .rule_effect(&r.id, practice)
                    .map(|p| lang.ta("finding-must-not", &[("practice", Arg::Str(p))])),
                Effect::Exemption { relief, .. } => t
                    .rule_effect(&r.id, relief)
                    .map(|x| lang.ta("finding-exempt", &[("relief", Arg::Str(x))])),
                Effect::Classification { axis, tier, .. } => Some(lang.ta(
                    "compare-side-class",
                    &[
                        ("axis", Arg::Str(axis)),
                        ("tier", Arg::Str(t.tier(tier).unwrap_or(tier))),
                    ],
                )),
            })
            .unwrap_or_else(|| serde_json::to_string(&v.effect).expect("serializes"));
        let _ = writeln!(
            out,
            "  {}",
            lang.ta("show-effect", &[("effect", Arg::Str(&effect))])
        );
    }
    if let Some(n) = crate::localize::rule_note(&r.id, r.note.as_deref(), texts) {
        let level = if lang == Lang::En {
            format!("{:?}", r.confidence)
        } else {
            lang.t(&format!(
                "confidence-{}",
                format!("{:?}", r.confidence).to_lowercase()
            ))
        };
        let _ = writeln!(
            out,
            "\n{}",
            lang.ta(
                "show-confidence",
                &[("level", Arg::Str(&level)), ("note", Arg::Str(n))]
            )
        );
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::tier_label;

    #[test]
    fn tier_labels_are_the_first_clause_in_words() {
        assert_eq!(
            tier_label("High-risk (e.g. EU AI Act Art 6 with Annex I or Annex III)."),
            "High-risk"
        );
        assert_eq!(
            tier_label("Limited risk; transparency duties (e.g. EU AI Act Art 50)."),
            "Limited risk"
        );
        assert_eq!(
            tier_label("High-impact AI under OMB M-25-21. Presumed for the uses in its Sec 4."),
            "High-impact AI under OMB M-25-21"
        );
        assert_eq!(
            tier_label("A prohibited practice."),
            "A prohibited practice"
        );
    }
}
