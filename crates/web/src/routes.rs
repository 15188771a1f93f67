//! The pages, one module per route family, each owning its `router()`.

pub(crate) mod assess;
mod corpus;
pub(crate) mod export;
mod home;
pub(crate) mod inventory;
mod reports;
mod signin;
mod subjects;

use crate::error::WebError;
use crate::WebState;
use axum::routing::get;
use axum::Router;

/// Every page route, the static files and the HTML 404.
pub fn router() -> Router<WebState> {
    Router::new()
        .route("/static/{name}", get(crate::assets::serve))
        .merge(home::router())
        .merge(inventory::router())
        .merge(assess::router())
        .merge(signin::router())
        .merge(subjects::router())
        .merge(export::router())
        .merge(corpus::router())
        .merge(reports::router())
        .fallback(not_found)
}

async fn not_found(ctx: crate::auth::Ctx) -> crate::error::PageError {
    ctx.err(WebError::NotFound)
}
