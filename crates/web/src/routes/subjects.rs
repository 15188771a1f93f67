//! `GET /subjects/{id}` (the subject as of `as_of`, with the diff between `from` and `to`, the timeline, the state
//! map and the version history) and `GET /subjects/{id}/calendar.ics`. One aigov-app call each
//! (`subject::subject`, `subject::calendar`), after reading the subject from the store.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::routes::assess::date_field;
use crate::views::assessment::AssessmentView;
use crate::views::subject::SubjectPage;
use crate::views::Chrome;
use crate::WebState;
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
    a: AssessmentView,
}

/// The stored subject and its facts (its manifest completed with its organization's).
async fn load(
    ctx: &Ctx,
    st: &WebState,
    id: &str,
    version: Option<i64>,
) -> Result<(Entry, aigov_core::Facts), PageError> {
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
    let facts = request::bind(&st.engine, &manifest)
        .map_err(|err| ctx.err(WebError::BadRequest(err.to_string())))?;
    Ok((e, facts))
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
    let (entry, facts) = load(&ctx, &st, &id, q.version).await?;
    let history = st
        .store
        .history(Kind::Subject, &id)
        .await
        .map_err(|e| ctx.err(e.into()))?;
    let tr = ctx.tr();
    let answer = subject::subject(
        &st.engine,
        &facts,
        &SubjectRequest {
            as_of,
            from,
            to,
            lang: tr.lang,
        },
        &st.translations,
    );
    let c = ctx
        .chrome
        .clone()
        .page("inventory", tr.t1("web-subject-title", "name", &entry.name));
    let page = ShowPage {
        s: SubjectPage::new(
            entry,
            history,
            answer.changes,
            answer.timeline_svg,
            answer.map_svg,
            as_of,
            from,
            to,
            q.saved.is_some(),
        ),
        a: AssessmentView {
            o: answer.outline,
            derivations: true,
        },
        c: c.clone(),
    };
    Ok(render(&page, &c)?.into_response())
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
    let (entry, facts) = load(&ctx, &st, &id, q.version).await?;
    let ics = subject::calendar(&st.engine, &facts, as_of);
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
