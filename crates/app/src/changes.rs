//! `aigov changes`: what changed in the law itself between two dates, with no manifest (the computation is
//! `aigov_core::changes`); rendered as text, Markdown or JSON (`kind: "law_changes"`).

use crate::i18n::{Arg, Lang};
use crate::report::{json, Style};
use crate::{AppError, OutputFormat};
use aigov_core::changes::{LawChangeKind, LawChanges};
use aigov_core::{Date, Engine};
use aigov_corpus::Texts;
use std::fmt::Write as _;

/// Lists the changes in the law in `(from, to]`, for the jurisdictions given (all when empty).
pub fn changes<'a>(
    engine: &'a Engine,
    from: Date,
    to: Date,
    jurisdictions: &[String],
) -> Result<LawChanges<'a>, AppError> {
    if from > to {
        return Err(AppError::invalid(
            format!("--from {from} is after --to {to}"),
            "swap the two dates",
        ));
    }
    crate::jurisdictions::check(&engine.corpus, jurisdictions)?;
    Ok(aigov_core::changes::changes(
        &engine.corpus,
        from,
        to,
        jurisdictions,
    ))
}

/// Renders the changes: one section per date, each change with its cause, citation and the rules concerned.
pub fn render(c: &LawChanges<'_>, format: OutputFormat) -> String {
    render_in(c, format, Lang::En, None)
}

/// [`render`] in `lang`, with the corpus's texts (`texts`: instrument and rule titles, citations) where it has them.
pub fn render_in(
    c: &LawChanges<'_>,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&Texts>,
) -> String {
    if format == OutputFormat::Json {
        return json("law_changes", c);
    }
    let texts = texts.filter(|_| lang != Lang::En);
    let st = Style::new(format, lang);
    let mut out = String::new();
    let scope = if c.jurisdictions.is_empty() {
        String::new()
    } else {
        lang.ta(
            "changes-scope",
            &[("list", Arg::Str(&c.jurisdictions.join(", ")))],
        )
    };
    st.h1(
        &mut out,
        &lang.ta(
            "changes-title",
            &[
                ("scope", Arg::Str(&scope)),
                ("from", Arg::Str(&lang.date(c.from))),
                ("to", Arg::Str(&lang.date(c.to))),
            ],
        ),
    );
    if c.changes.is_empty() {
        let _ = writeln!(out, "{}", lang.t("changes-nothing"));
    }
    let title = |id: &str, english: &str| -> String {
        texts
            .and_then(|t| t.short_title(id))
            .unwrap_or(english)
            .to_string()
    };
    let mut current = None;
    for ch in &c.changes {
        if current != Some(ch.date) {
            st.h2(&mut out, &lang.date(ch.date));
            current = Some(ch.date);
        }
        let law = lang.ta(
            if ch.binding {
                "changes-law"
            } else {
                "changes-law-not-binding"
            },
            &[
                (
                    "title",
                    Arg::Str(&st.strong(&title(ch.instrument, ch.instrument_title))),
                ),
                ("jurisdiction", Arg::Str(ch.jurisdiction)),
            ],
        );
        let by = ch
            .by
            .map(|b| {
                lang.ta(
                    "changes-by",
                    &[("by", Arg::Str(&title(b, ch.by_title.unwrap_or(b))))],
                )
            })
            .unwrap_or_default();
        let n = Arg::Num(ch.rules.len() as f64);
        let what = match ch.kind {
            LawChangeKind::Event => match ch.event {
                Some(kind) if lang == Lang::En => format!("{law} {}{by}", kind.verb()),
                Some(kind) => lang.ta(
                    "changes-event",
                    &[
                        ("law", Arg::Str(&law)),
                        (
                            "verb",
                            Arg::Str(&crate::localize::event_verb(lang, kind, false)),
                        ),
                        ("by", Arg::Str(&by)),
                    ],
                ),
                None => law,
            },
            LawChangeKind::RulesBegan => lang.ta(
                "changes-rules-began",
                &[("law", Arg::Str(&law)), ("count", n)],
            ),
            LawChangeKind::RuleAmended => lang.ta(
                "changes-rule-amended",
                &[("law", Arg::Str(&law)), ("by", Arg::Str(&by))],
            ),
            LawChangeKind::RulesEnded => lang.ta(
                "changes-rules-ended",
                &[("law", Arg::Str(&law)), ("count", n)],
            ),
        };
        st.bullet(
            &mut out,
            &format!("{what} — {}", crate::localize::citation(lang, ch.citation)),
        );
        if let Some(d) = ch.detail {
            // In another language: the event's provisions or note, or what the new text changed, from the
            // corpus's translations where it has them.
            let said = texts.and_then(|t| match ch.event_id {
                Some(e) => t
                    .event_provisions(ch.instrument, e)
                    .or_else(|| t.event_note(ch.instrument, e)),
                None => t.version_change(d),
            });
            st.detail(&mut out, said.unwrap_or(d));
        }
        if ch.kind == LawChangeKind::Event && !ch.rules.is_empty() {
            st.detail(&mut out, &lang.ta("changes-rules-were", &[("count", n)]));
        }
        for r in &ch.rules {
            st.detail(
                &mut out,
                &format!(
                    "[{}] {} — {} ({})",
                    lang.t(&format!("effect-{}", r.effect)),
                    texts.and_then(|t| t.rule_title(r.rule)).unwrap_or(r.title),
                    crate::localize::rule_citation(r.rule, r.citation, lang, texts),
                    st.code(r.rule)
                ),
            );
        }
        st.detail(&mut out, ch.url);
    }
    out
}
