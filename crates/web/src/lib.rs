//! The aigov web app: server-rendered HTML pages over aigov-app (every answer) and aigov-store (the inventory and
//! the tokens), mounted at `/` by `aigov serve` beside the JSON API. Pages are askama templates
//! (`templates/`, compile-checked, folders mirroring the routes) filled from view models (`views/`) that are
//! built from aigov-app's typed answers; htmx (vendored in `static/`, served from the binary) swaps the parts of a
//! page that change, and every form also works as a plain post without JavaScript.
//!
//! Handlers only translate: they read the request, call aigov-app or the store, and render. This crate holds no
//! rule logic and no SQL; it does not depend on aigov-api (nor aigov-api on it): the server mounts both.
//! docs/web.md lists the routes and the ids and labels that tests can target.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod assets;
pub mod auth;
pub mod error;
pub mod lang;
mod routes;
pub mod views;

use aigov_app::{Engine, Translations};
use aigov_store::Store;
use axum::Router;
use std::sync::Arc;

/// What every page handler shares. Build it with [`WebState::new`].
#[derive(Clone)]
pub struct WebState {
    /// The engine over the corpus.
    pub engine: Arc<Engine>,
    /// The inventory database (subjects, tokens).
    pub store: Store,
    /// The corpus's texts in other languages (rule titles, questions).
    pub translations: Arc<Translations>,
    /// The inventory's last view, kept while the store has not changed (see `routes/inventory.rs`).
    pub(crate) inventory: Arc<std::sync::Mutex<Option<views::inventory::Cached>>>,
}

impl WebState {
    /// The state of the web app over an engine, a store and the corpus's translations.
    pub fn new(engine: Arc<Engine>, store: Store, translations: Arc<Translations>) -> WebState {
        WebState {
            engine,
            store,
            translations,
            inventory: Arc::default(),
        }
    }

    /// Computes the inventory's view as of today in the background, so that the first visit to the inventory
    /// page finds it ready (the server calls it at start; saving a subject calls it again). Needs a Tokio runtime.
    pub fn warm(&self) {
        let s = self.clone();
        tokio::spawn(async move {
            if let Err(e) = routes::inventory::compute(&s, routes::assess::today()).await {
                tracing::warn!(error = %e, "could not prepare the inventory view");
            }
        });
    }
}

/// Where the restricted-party lists are stored (`aigov lists update`), as a request extension; without it the
/// export page screens against the default store (`$AIGOV_LISTS_DIR`, else the XDG data folder).
#[derive(Debug, Clone)]
pub struct ListsDir(pub std::path::PathBuf);

/// The web app's router with its state: pages, sign-in, static files, the CSRF check on every post, and an HTML
/// 404 for any other path. Mount it at `/` (the API's router takes it as its fallback).
pub fn router(state: WebState) -> Router {
    routes::router()
        .layer(axum::middleware::from_fn(auth::csrf))
        .layer(axum::middleware::from_fn(security_headers))
        .with_state(state)
}

/// The content security policy of every page: scripts, styles and images from this server only (the inline SVG
/// charts carry style attributes), no frames, forms posted here only.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Headers on every answer of the web app; pages (which show a signed-in user's inventory) are not cached by
/// shared caches and are checked again by the browser.
async fn security_headers(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    r
}
