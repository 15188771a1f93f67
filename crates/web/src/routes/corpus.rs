//! The law itself: `GET /corpus` (the instruments with their lifecycles, filtered by jurisdiction),
//! `GET /corpus/{instrument}` (its rules, each version's condition as a readable tree, its sources) and
//! `GET /corpus/changes?from&to` (what changed in the law between two dates, with causes and citations). Answers
//! come from aigov-app (`law`, `changes`); the page reads public law: no sign-in.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::lang::Tr;
use crate::routes::export::parse_date;
use crate::views::Chrome;
use crate::WebState;
use aigov_app::i18n::Lang;
use aigov_app::law::{self, InstrumentDetail, InstrumentView, Readable, Test};
use aigov_core::changes::LawChangeKind;
use aigov_core::model::EventKind;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

pub fn router() -> Router<WebState> {
    Router::new()
        .route("/corpus", get(list))
        .route("/corpus/changes", get(changes))
        .route("/corpus/{instrument}", get(show))
}

#[derive(Debug, Default, Deserialize)]
struct ListQuery {
    jurisdiction: Option<String>,
}

/// An event in the page's words.
pub(crate) struct EventRow {
    date: String,
    kind: String,
    what: String,
    by: Option<(String, String)>,
    detail: Option<String>,
}

/// An instrument in the list.
struct InstrumentRow {
    href: String,
    id: String,
    jurisdiction: String,
    short_title: String,
    title: String,
    citation: String,
    url: String,
    binding: bool,
    rules: usize,
    events: Vec<EventRow>,
}

struct JurisdictionOption {
    code: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "corpus/index.html")]
struct ListPage {
    c: Chrome,
    jurisdictions: Vec<JurisdictionOption>,
    instruments: Vec<InstrumentRow>,
}

/// The event's kind in the page's language (`entered into force`, `生效`).
fn event_words(tr: &Tr, kind: EventKind) -> String {
    let key = serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default();
    tr.t(&format!("web-event-{key}"))
}

fn event_rows(tr: &Tr, i: &InstrumentView) -> Vec<EventRow> {
    i.events
        .iter()
        .map(|e| EventRow {
            date: e.date.to_string(),
            kind: serde_json::to_value(e.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            what: event_words(tr, e.kind),
            by: e.by.as_ref().map(|b| {
                (
                    tr.href(&format!("/corpus/{b}")),
                    e.by_title.clone().unwrap_or_else(|| b.clone()),
                )
            }),
            detail: e
                .provisions
                .clone()
                .into_iter()
                .chain(e.note.clone())
                .reduce(|a, b| format!("{a} — {b}")),
        })
        .collect()
}

/// The corpus's texts in the page's language (Chinese titles and questions where the corpus has them).
fn texts<'a>(s: &'a WebState, tr: &Tr) -> Option<&'a aigov_app::Texts> {
    match tr.lang {
        Lang::En => None,
        l => s.translations.get(l.tag()),
    }
}

async fn list(
    ctx: Ctx,
    State(s): State<WebState>,
    q: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let Query(q) = q.map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))?;
    let tr = ctx.tr();
    let corpus = &s.engine.corpus;
    let wanted = q
        .jurisdiction
        .as_deref()
        .map(str::trim)
        .filter(|j| !j.is_empty())
        .map(str::to_string);
    let found = law::instruments(corpus, wanted.as_deref(), texts(&s, &tr))
        .map_err(|e| ctx.err(WebError::BadRequest(format!("{e} — {}", e.help()))))?;
    let instruments = found
        .iter()
        .map(|i| InstrumentRow {
            href: tr.href(&format!("/corpus/{}", i.id)),
            id: i.id.clone(),
            jurisdiction: i.jurisdiction.clone(),
            short_title: i.short_title.clone(),
            title: i.title.clone(),
            citation: i.citation.clone(),
            url: i.url.clone(),
            binding: i.binding,
            rules: i.rules,
            events: event_rows(&tr, i),
        })
        .collect();
    let jurisdiction = wanted.unwrap_or_default();
    let jurisdictions = law::jurisdictions(corpus)
        .into_iter()
        .map(|code| JurisdictionOption {
            selected: code.eq_ignore_ascii_case(&jurisdiction),
            code,
        })
        .collect();
    let c = ctx.chrome.clone().page("corpus", tr.t("web-corpus-title"));
    render(
        &ListPage {
            c: c.clone(),
            jurisdictions,
            instruments,
        },
        &c,
    )
}

/// A rule version in the page's words.
struct VersionBlock {
    from: String,
    applies_from: String,
    amended_by: Option<(String, String)>,
    change: Option<String>,
    summary: String,
    effect_kind: &'static str,
    effect_label: String,
    effect: String,
    citation: String,
    condition: String,
    source: String,
    exceptions: Vec<(String, String, String)>,
}

struct RuleBlock {
    id: String,
    title: String,
    subject: String,
    roles: String,
    url: Option<String>,
    until: Option<String>,
    note: Option<String>,
    versions: Vec<VersionBlock>,
}

#[derive(Template)]
#[template(path = "corpus/instrument.html")]
struct InstrumentPage {
    c: Chrome,
    i: InstrumentView,
    note: Option<String>,
    events: Vec<EventRow>,
    rules: Vec<RuleBlock>,
    back: String,
}

async fn show(
    ctx: Ctx,
    State(s): State<WebState>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let tr = ctx.tr();
    let corpus = &s.engine.corpus;
    let Some(detail) = law::instrument(corpus, &id, texts(&s, &tr)) else {
        return Err(ctx.err(WebError::NotFound));
    };
    let InstrumentDetail {
        instrument,
        note,
        rules,
    } = detail;
    let rules = rules
        .into_iter()
        .map(|r| RuleBlock {
            versions: r
                .versions
                .into_iter()
                .map(|v| VersionBlock {
                    from: v.from.to_string(),
                    applies_from: v.applies_from.to_string(),
                    amended_by: v.amended_by.map(|b| {
                        let title = corpus
                            .instruments
                            .iter()
                            .find(|x| x.id == b)
                            .map(|x| x.short_title.clone())
                            .unwrap_or_else(|| b.clone());
                        (tr.href(&format!("/corpus/{b}")), title)
                    }),
                    change: v.change,
                    summary: v.summary,
                    effect_kind: v.effect_kind,
                    effect_label: tr.t(&format!("effect-{}", v.effect_kind)),
                    effect: v.effect,
                    citation: v.citation,
                    condition: tree_html(&tr, &v.condition),
                    source: v.condition_source,
                    exceptions: v
                        .exceptions
                        .into_iter()
                        .map(|x| {
                            (
                                format!("{} ({})", x.summary.trim(), x.citation),
                                x.id,
                                tree_html(&tr, &x.condition),
                            )
                        })
                        .collect(),
                })
                .collect(),
            id: r.id,
            title: r.title,
            subject: r.subject,
            roles: r.roles.join(", "),
            url: r.url,
            until: r.until.map(|d| d.to_string()),
            note: r.note,
        })
        .collect();
    let events = event_rows(&tr, &instrument);
    let c = ctx
        .chrome
        .clone()
        .page("corpus", instrument.short_title.clone());
    render(
        &InstrumentPage {
            c: c.clone(),
            back: tr.href(&format!("/corpus?jurisdiction={}", instrument.jurisdiction)),
            i: instrument,
            note,
            events,
            rules,
        },
        &c,
    )
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A readable condition as nested HTML lists (every text escaped): connectives as headings of their lists, each
/// test as the fact's question with the answer that satisfies it and the fact's name.
pub(crate) fn tree_html(tr: &Tr, r: &Readable) -> String {
    let mut out = String::from("<ul class=\"tree condition\">");
    node(tr, r, &mut out);
    out.push_str("</ul>");
    out
}

fn node(tr: &Tr, r: &Readable, out: &mut String) {
    let list = |label: String, children: &[&Readable], out: &mut String| {
        out.push_str("<li><span class=\"op\">");
        out.push_str(&esc(&label));
        out.push_str("</span><ul>");
        for c in children {
            node(tr, c, out);
        }
        out.push_str("</ul></li>");
    };
    match r {
        Readable::All { children } => list(
            tr.t("web-cond-all"),
            &children.iter().collect::<Vec<_>>(),
            out,
        ),
        Readable::Any { children } => list(
            tr.t("web-cond-any"),
            &children.iter().collect::<Vec<_>>(),
            out,
        ),
        Readable::Not { child } => list(tr.t("web-cond-not"), &[child.as_ref()], out),
        Readable::Always => {
            out.push_str("<li>");
            out.push_str(&esc(&tr.t("web-cond-always")));
            out.push_str("</li>");
        }
        Readable::Rule { rule, title } => {
            out.push_str("<li>");
            out.push_str(&esc(&tr.t1("web-cond-rule", "title", title)));
            out.push_str(" <code>");
            out.push_str(&esc(rule));
            out.push_str("</code></li>");
        }
        Readable::Expression { cel } => {
            out.push_str("<li>");
            out.push_str(&esc(&tr.t("web-cond-expression")));
            out.push_str(" <code>");
            out.push_str(&esc(cel));
            out.push_str("</code></li>");
        }
        Readable::Fact {
            fact,
            question,
            unit,
            test,
        } => {
            let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            let answer = match test {
                Test::Is { expected: true } => tr.t("web-cond-yes"),
                Test::Is { expected: false } => tr.t("web-cond-no"),
                Test::Compare { op, value } => format!("{op} {value}{unit}"),
                Test::Includes { value } => tr.t1("web-cond-includes", "value", value),
                Test::IncludesAny { values } => {
                    tr.t1("web-cond-includes-any", "values", &values.join(", "))
                }
                Test::IncludesAll { values } => {
                    tr.t1("web-cond-includes-all", "values", &values.join(", "))
                }
                Test::OneOf { values } => tr.t1("web-cond-one-of", "values", &values.join(", ")),
                Test::Known => tr.t("web-cond-known"),
            };
            out.push_str("<li><span class=\"question\">");
            out.push_str(&esc(question));
            out.push_str("</span> <span class=\"answer\">→ <strong>");
            out.push_str(&esc(&answer));
            out.push_str("</strong></span> <code class=\"fact\">");
            out.push_str(&esc(fact));
            out.push_str("</code></li>");
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct ChangesQuery {
    from: Option<String>,
    to: Option<String>,
    jurisdiction: Option<String>,
}

struct ChangeRow {
    instrument_href: String,
    instrument_title: String,
    jurisdiction: String,
    binding: bool,
    what: String,
    by: Option<(String, String)>,
    citation: String,
    url: String,
    detail: Option<String>,
    rules: Vec<(String, String, String)>,
}

struct ChangeDay {
    date: String,
    changes: Vec<ChangeRow>,
}

#[derive(Template)]
#[template(path = "corpus/changes.html")]
struct ChangesPage {
    c: Chrome,
    from: String,
    to: String,
    jurisdiction: String,
    days: Vec<ChangeDay>,
    heading: String,
}

async fn changes(
    ctx: Ctx,
    State(s): State<WebState>,
    q: Result<Query<ChangesQuery>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let Query(q) = q.map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))?;
    let tr = ctx.tr();
    let to = parse_date(&ctx, q.to.as_deref())?;
    let from = match q.from.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(_) => parse_date(&ctx, q.from.as_deref())?,
        None => to.saturating_sub(jiff::Span::new().years(1)),
    };
    let jurisdiction = q
        .jurisdiction
        .as_deref()
        .map(str::trim)
        .unwrap_or("")
        .to_string();
    let js: Vec<String> = if jurisdiction.is_empty() {
        Vec::new()
    } else {
        vec![jurisdiction.clone()]
    };
    let found = aigov_app::changes::changes(&s.engine, from, to, &js)
        .map_err(|e| ctx.err(WebError::BadRequest(format!("{e} — {}", e.help()))))?;
    let texts = texts(&s, &tr);
    let mut days: Vec<ChangeDay> = Vec::new();
    for ch in &found.changes {
        let date = ch.date.to_string();
        let n = ch.rules.len();
        let what = match ch.kind {
            LawChangeKind::Event => ch.event.map(|k| event_words(&tr, k)).unwrap_or_default(),
            LawChangeKind::RulesBegan => tr.tn("web-changes-began", n),
            LawChangeKind::RuleAmended => tr.t("web-changes-amended"),
            LawChangeKind::RulesEnded => tr.tn("web-changes-ended", n),
        };
        let row = ChangeRow {
            instrument_href: tr.href(&format!("/corpus/{}", ch.instrument)),
            instrument_title: texts
                .and_then(|t| t.short_title(ch.instrument))
                .unwrap_or(ch.instrument_title)
                .to_string(),
            jurisdiction: ch.jurisdiction.to_string(),
            binding: ch.binding,
            what,
            by: ch.by.map(|b| {
                (
                    tr.href(&format!("/corpus/{b}")),
                    ch.by_title.unwrap_or(b).to_string(),
                )
            }),
            citation: ch.citation.to_string(),
            url: ch.url.to_string(),
            detail: ch.detail.map(str::to_string),
            rules: ch
                .rules
                .iter()
                .map(|r| {
                    (
                        tr.t(&format!("effect-{}", r.effect)),
                        texts
                            .and_then(|t| t.rule_title(r.rule))
                            .unwrap_or(r.title)
                            .to_string(),
                        format!("{} · {}", r.citation, r.rule),
                    )
                })
                .collect(),
        };
        match days.last_mut() {
            Some(d) if d.date == date => d.changes.push(row),
            _ => days.push(ChangeDay {
                date,
                changes: vec![row],
            }),
        }
    }
    let heading = tr.lang.ta(
        "web-changes-heading",
        &[
            ("from", aigov_app::i18n::Arg::Str(&tr.date(&from))),
            ("to", aigov_app::i18n::Arg::Str(&tr.date(&to))),
        ],
    );
    let c = ctx.chrome.clone().page("corpus", tr.t("web-changes-title"));
    render(
        &ChangesPage {
            c: c.clone(),
            from: from.to_string(),
            to: to.to_string(),
            jurisdiction,
            days,
            heading,
        },
        &c,
    )
}
