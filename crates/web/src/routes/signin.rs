//! `GET /signin`, `POST /signin`, `POST /signout`: sign-in with a token, kept in the session cookie.

use crate::auth::{clear_cookie, session_cookie, Ctx};
use crate::error::{render, PageError, WebError};
use crate::views::Chrome;
use crate::WebState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};

pub fn router() -> Router<WebState> {
    Router::new()
        .route("/signin", get(form).post(sign_in))
        .route("/signout", post(sign_out).get(home))
}

#[derive(Template)]
#[template(path = "signin/form.html")]
struct SignInPage {
    c: Chrome,
    next: String,
    failed: bool,
    signed_out: bool,
}

/// The query of the sign-in page.
#[derive(Debug, Default, serde::Deserialize)]
struct SignInQuery {
    next: Option<String>,
    done: Option<String>,
}

/// The posted form.
#[derive(Debug, serde::Deserialize)]
struct SignInForm {
    token: String,
    #[serde(default)]
    next: String,
}

/// Only a path on this site (`/...`, never `//host` or a URL) may be a place to return to.
fn local(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next.to_string()
    } else {
        "/".to_string()
    }
}

fn page(ctx: Ctx, next: String, failed: bool, signed_out: bool) -> Result<Response, PageError> {
    let title = ctx.tr().t("web-signin-title");
    let c = ctx.chrome.page("signin", title);
    let status = if failed {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    };
    let html = render(
        &SignInPage {
            c: c.clone(),
            next,
            failed,
            signed_out,
        },
        &c,
    )?;
    Ok((status, html).into_response())
}

async fn form(
    ctx: Ctx,
    q: Result<axum::extract::Query<SignInQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|q| q.0).unwrap_or_default();
    let next = local(q.next.as_deref().unwrap_or("/"));
    page(ctx, next, false, q.done.is_some())
}

async fn sign_in(
    ctx: Ctx,
    State(s): State<WebState>,
    headers: HeaderMap,
    Form(f): Form<SignInForm>,
) -> Result<Response, PageError> {
    let next = local(&f.next);
    let token = f.token.trim();
    let principal = if token.is_empty() {
        None
    } else {
        s.store
            .authenticate(token)
            .await
            .map_err(|e| ctx.err(WebError::from(e)))?
    };
    match principal {
        Some(_) => Ok((
            StatusCode::SEE_OTHER,
            [
                (header::LOCATION, next),
                (header::SET_COOKIE, session_cookie(token, &headers)),
            ],
        )
            .into_response()),
        None => page(ctx, next, true, false),
    }
}

/// A GET of `/signout` (a link, or the language switch of a page shown after a post) signs nobody out.
async fn home(ctx: Ctx) -> Response {
    let to = ctx.tr().href("/");
    (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
}

async fn sign_out(ctx: Ctx, headers: HeaderMap) -> Response {
    let to = ctx.tr().href("/signin?done=1");
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, to),
            (header::SET_COOKIE, clear_cookie(&headers)),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(
            super::local("/inventory?lang=zh-CN"),
            "/inventory?lang=zh-CN"
        );
        assert_eq!(super::local("//evil.example/"), "/");
        assert_eq!(super::local("https://evil.example/"), "/");
        assert_eq!(super::local("/\\evil.example"), "/");
    }
}
