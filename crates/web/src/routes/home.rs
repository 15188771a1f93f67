//! `GET /`: what aigov does, and the way in.

use crate::auth::Ctx;
use crate::error::{render, PageError};
use crate::views::Chrome;
use crate::WebState;
use askama::Template;
use axum::response::Html;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<WebState> {
    Router::new().route("/", get(home))
}

#[derive(Template)]
#[template(path = "home/index.html")]
struct HomePage {
    c: Chrome,
}

async fn home(ctx: Ctx) -> Result<Html<String>, PageError> {
    let title = ctx.tr().t("web-home-title");
    let c = ctx.chrome.page("home", title);
    render(&HomePage { c: c.clone() }, &c)
}
