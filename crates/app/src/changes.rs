//! `aigov changes`: what changed in the law itself between two dates, with no manifest (the computation is
//! `aigov_core::changes`); rendered as text, Markdown or JSON (`kind: "law_changes"`).

use crate::report::{json, Style};
use crate::{AppError, OutputFormat};
use aigov_core::changes::{LawChangeKind, LawChanges};
use aigov_core::{Date, Engine};
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
    if format == OutputFormat::Json {
        return json("law_changes", c);
    }
    let st = Style::of(format);
    let mut out = String::new();
    let scope = if c.jurisdictions.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.jurisdictions.join(", "))
    };
    st.h1(
        &mut out,
        &format!(
            "What changed in the law{scope} after {} up to {}",
            c.from, c.to
        ),
    );
    if c.changes.is_empty() {
        let _ = writeln!(out, "Nothing changed.");
    }
    let mut current = None;
    for ch in &c.changes {
        if current != Some(ch.date) {
            st.h2(&mut out, &ch.date.to_string());
            current = Some(ch.date);
        }
        let law = format!(
            "{} ({}{})",
            st.strong(ch.instrument_title),
            ch.jurisdiction,
            if ch.binding { "" } else { ", not binding" }
        );
        let by = ch
            .by
            .map(|b| format!(" by {}", ch.by_title.unwrap_or(b)))
            .unwrap_or_default();
        let n = ch.rules.len();
        let rules = |verb: &str| format!("{n} rule{} {verb}", if n == 1 { "" } else { "s" });
        let what = match ch.kind {
            LawChangeKind::Event => match ch.event {
                Some(kind) => format!("{law} {}{by}", kind.verb()),
                None => law,
            },
            LawChangeKind::RulesBegan => format!("{law}: {} to apply", rules("began")),
            LawChangeKind::RuleAmended => format!("{law}: text amended{by}"),
            LawChangeKind::RulesEnded => format!("{law}: {} to apply", rules("stopped")),
        };
        st.bullet(&mut out, &format!("{what} — {}", ch.citation));
        if let Some(d) = ch.detail {
            st.detail(&mut out, d);
        }
        if ch.kind == LawChangeKind::Event && !ch.rules.is_empty() {
            st.detail(
                &mut out,
                &format!("{} applying the day before:", rules("were")),
            );
        }
        for r in &ch.rules {
            st.detail(
                &mut out,
                &format!(
                    "[{}] {} — {} ({})",
                    r.effect,
                    r.title,
                    r.citation,
                    st.code(r.rule)
                ),
            );
        }
        st.detail(&mut out, ch.url);
    }
    out
}
