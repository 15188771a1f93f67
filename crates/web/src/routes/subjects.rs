//! `GET /subjects/{id}` (the subject as of `as_of`, with the diff between `from` and `to`, the timeline, the state
//! map and the version history) and `GET /subjects/{id}/calendar.ics`. One aigov-app call each
//! (`subject::subject`, `subject::calendar`), after reading the subject from the store.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::routes::assess::date_field;
use crate::views::assessment::AssessmentView;
use crate::views::subject::{Chart, SubjectPage};
use crate::views::Chrome;
use crate::WebState;
use aigov_app::i18n::Arg;
use aigov_app::request;
use aigov_app::subject::{self, SubjectRequest};
use aigov_store::{Entry, Kind, Role};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<WebState> {
    Router::new()
        .route("/subjects/{id}", get(show))
        .route("/subjects/{id}/calendar.ics", get(calendar))
}

#[derive(Debug, Default, serde::Deserialize)]
struct SubjectQuery {
    as_of: Option<String>,
    from: Option<String>,
    to: Option<String>,
    version: Option<i64>,
    saved: Option<String>,
}

#[derive(Template)]
#[template(path = "subjects/show.html")]
struct ShowPage {
    c: Chrome,
    s: SubjectPage,
    /// One assessment, or one per linked subject (each finding naming its subject).
    views: Vec<AssessmentView>,
}

/// The stored subject and its subjects' facts (its manifest completed with its organization's): one part, or one
/// per linked subject.
async fn load(
    ctx: &Ctx,
    st: &WebState,
    id: &str,
    version: Option<i64>,
) -> Result<(Entry, Vec<request::Part>), PageError> {
    let e = st
        .store
        .get(Kind::Subject, id, version)
        .await
        .map_err(|e| ctx.err(e.into()))?;
    let org = match &e.organization_id {
        Some(o) => Some(
            st.store
                .get(Kind::Organization, o, None)
                .await
                .map_err(|e| ctx.err(e.into()))?
                .manifest,
        ),
        None => None,
    };
    let manifest = request::with_organization(&e.manifest, org.as_ref());
    let parts = request::bind_parts(&st.engine, &manifest)
        .map_err(|err| ctx.err(WebError::BadRequest(err.to_string())))?;
    Ok((e, parts))
}

fn query(
    ctx: &Ctx,
    q: Result<Query<SubjectQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<SubjectQuery, PageError> {
    q.map(|q| q.0)
        .map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))
}

async fn show(
    ctx: Ctx,
    State(st): State<WebState>,
    Path(id): Path<String>,
    q: Result<Query<SubjectQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    ctx.need(Role::Viewer)?;
    let q = query(&ctx, q)?;
    let as_of = date_field(&ctx, q.as_of.as_deref())?;
    let from = match q.from.as_deref() {
        Some(f) if !f.trim().is_empty() => date_field(&ctx, Some(f))?,
        _ => as_of,
    };
    let to = match q.to.as_deref() {
        Some(t) if !t.trim().is_empty() => date_field(&ctx, Some(t))?,
        _ => as_of.saturating_add(jiff::Span::new().years(2)),
    };
    let (entry, parts) = load(&ctx, &st, &id, q.version).await?;
    let history = st
        .store
        .history(Kind::Subject, &id)
        .await
        .map_err(|e| ctx.err(e.into()))?;
    let tr = ctx.tr();
    let req = SubjectRequest {
        as_of,
        from,
        to,
        lang: tr.lang,
    };
    // Each subject laid out; a linked subject's findings, changes and charts name it.
    let (mut views, mut changes, mut timelines, mut maps) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let count = parts.len();
    let kinds: Vec<&str> = parts.iter().map(|p| p.facts.subject.as_str()).collect();
    for (n, part) in parts.iter().enumerate() {
        let answer = subject::subject(&st.engine, &part.facts, &req, &st.translations);
        let heading = match &part.id {
            Some(sid) => tr.lang.ta(
                "report-linked-subject",
                &[
                    ("n", Arg::Num((n + 1) as f64)),
                    ("count", Arg::Num(count as f64)),
                    ("id", Arg::Str(sid)),
                    ("subject", Arg::Str(kinds.get(n).copied().unwrap_or(""))),
                ],
            ),
            None => String::new(),
        };
        views.push(AssessmentView {
            o: answer.outline,
            derivations: true,
            subject: part.id.clone(),
            heading,
        });
        changes.extend(answer.changes.into_iter().map(|mut ch| {
            ch.subject_id = part.id.clone();
            ch
        }));
        timelines.push(Chart {
            subject: part.id.clone(),
            svg: answer.timeline_svg,
        });
        if let Some(svg) = answer.map_svg {
            maps.push(Chart {
                svg: match &part.id {
                    Some(sid) => prefix_ids(&svg, sid),
                    None => svg,
                },
                subject: part.id.clone(),
            });
        }
    }
    let c = ctx
        .chrome
        .clone()
        .page("inventory", tr.t1("web-subject-title", "name", &entry.name));
    let page = ShowPage {
        s: SubjectPage::new(
            entry,
            history,
            changes,
            timelines,
            maps,
            as_of,
            from,
            to,
            q.saved.is_some(),
        ),
        views,
        c: c.clone(),
    };
    Ok(render(&page, &c)?.into_response())
}

/// An SVG with its ids (and the references to them) prefixed by a linked subject's id, so that two maps on one page
/// keep their ids unique. The prefix keeps only letters, digits, `-` and `_` of the id: the SVG is inserted unescaped.
fn prefix_ids(svg: &str, subject: &str) -> String {
    let p: String = subject
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    svg.replace(" id=\"", &format!(" id=\"{p}-"))
        .replace("url(#", &format!("url(#{p}-"))
}

async fn calendar(
    ctx: Ctx,
    State(st): State<WebState>,
    Path(id): Path<String>,
    q: Result<Query<SubjectQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    ctx.need(Role::Viewer)?;
    let q = query(&ctx, q)?;
    let as_of = date_field(&ctx, q.as_of.as_deref())?;
    let (entry, parts) = load(&ctx, &st, &id, q.version).await?;
    let ics = subject::calendar_parts(&st.engine, &parts, as_of);
    let file = format!("attachment; filename=\"{}.ics\"", entry.id);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (header::CONTENT_DISPOSITION, file),
        ],
        ics,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn svg_ids_are_prefixed_with_a_safe_subject_id() {
        let svg = r##"<svg><pattern id="hatch"/><path id="US-CA" fill="url(#hatch)"/></svg>"##;
        assert_eq!(
            super::prefix_ids(svg, "chat\"><script>"),
            r##"<svg><pattern id="chat___script_-hatch"/><path id="chat___script_-US-CA" fill="url(#chat___script_-hatch)"/></svg>"##
        );
    }
}
