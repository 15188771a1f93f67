//! Who is calling: the bearer token of the `Authorization` header (or, for the calendar feed only, a `token`
//! query parameter, since calendar apps cannot send headers), looked up by its hash. Handlers declare the role
//! they need by the extractor they take: [`Viewer`], [`Editor`] or [`Admin`]. A missing or unknown token is 401,
//! a weaker role 403. Tokens are never logged.

use crate::problem::Problem;
use crate::AppState;
use aigov_store::{Principal, Role};
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

/// The bearer token of a request, if any.
fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The `token` query parameter (the calendar feed only).
fn query_token(parts: &Parts) -> Option<String> {
    parts
        .uri
        .query()?
        .split('&')
        .find_map(|kv| kv.strip_prefix("token=").map(|t| t.to_string()))
}

async fn principal(
    state: &AppState,
    token: Option<&str>,
    need: Role,
) -> Result<Principal, Problem> {
    let Some(token) = token else {
        return Err(Problem::unauthorized());
    };
    let p = state
        .store
        .authenticate(token)
        .await?
        .ok_or_else(Problem::unauthorized)?;
    if p.role < need {
        return Err(Problem::forbidden(need, p.role));
    }
    Ok(p)
}

macro_rules! role_extractor {
    ($name:ident, $role:expr, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone)]
        pub struct $name(pub Principal);

        impl FromRequestParts<AppState> for $name {
            type Rejection = Problem;
            async fn from_request_parts(
                parts: &mut Parts,
                state: &AppState,
            ) -> Result<Self, Problem> {
                principal(state, bearer(parts), $role).await.map($name)
            }
        }
    };
}

role_extractor!(
    Viewer,
    Role::Viewer,
    "A caller with at least the viewer role."
);
role_extractor!(
    Editor,
    Role::Editor,
    "A caller with at least the editor role."
);
role_extractor!(Admin, Role::Admin, "A caller with the admin role.");

/// A viewer authenticated by header or by the `token` query parameter (calendar subscriptions).
#[derive(Debug, Clone)]
pub struct FeedViewer(pub Principal);

impl FromRequestParts<AppState> for FeedViewer {
    type Rejection = Problem;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let token = bearer(parts)
            .map(str::to_string)
            .or_else(|| query_token(parts));
        principal(state, token.as_deref(), Role::Viewer)
            .await
            .map(FeedViewer)
    }
}

/// A caller of `POST /api/v1/assess`: anyone when the server allows anonymous assessment, else a viewer.
#[derive(Debug, Clone)]
pub struct AssessCaller;

impl FromRequestParts<AppState> for AssessCaller {
    type Rejection = Problem;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        match bearer(parts) {
            None if state.anonymous_assess => Ok(AssessCaller),
            token => principal(state, token, Role::Viewer)
                .await
                .map(|_| AssessCaller),
        }
    }
}
