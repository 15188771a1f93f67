//! `GET /inventory`: every subject with its classifications per jurisdiction, prohibitions, next deadline and open
//! questions, filtered by jurisdiction, tier, owner and tag, sorted by the nearest deadline (or by name), 50 to a
//! page. The view is aigov-app's (`inventory::view`, one call over every subject); it is kept until the store
//! changes (its revision) or another date is asked for, so paging and filtering a large inventory costs no
//! re-assessment.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::routes::assess::date_field;
use crate::views::inventory::{Cached, Filter, InventoryPage};
use crate::views::Chrome;
use crate::WebState;
use aigov_app::i18n::Arg;
use aigov_app::{inventory, request};
use aigov_core::Date;
use aigov_store::{Kind, Role};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;

pub fn router() -> Router<WebState> {
    Router::new().route("/inventory", get(page))
}

#[derive(Template)]
#[template(path = "inventory/index.html")]
struct Page {
    c: Chrome,
    p: InventoryPage,
}

/// The view as of `as_of`, from the cache when the store has not changed since.
async fn cached(ctx: &Ctx, s: &WebState, as_of: Date) -> Result<Cached, PageError> {
    compute(s, as_of)
        .await
        .map_err(|e| ctx.err(WebError::Internal(e)))
}

/// The view as of `as_of`: the cached one when the store's revision and the date are the same, else computed (on
/// a blocking thread) and cached.
pub(crate) async fn compute(s: &WebState, as_of: Date) -> Result<Cached, String> {
    let revision = s.store.revision().await.map_err(|e| e.to_string())?;
    if let Ok(guard) = s.inventory.lock() {
        if let Some(c) = guard.as_ref() {
            if c.as_of == as_of && c.revision == revision {
                return Ok(c.clone());
            }
        }
    }
    let orgs = s
        .store
        .all(Kind::Organization)
        .await
        .map_err(|e| e.to_string())?;
    let entries = s
        .store
        .all(Kind::Subject)
        .await
        .map_err(|e| e.to_string())?;
    let org_manifests: HashMap<&str, &serde_json::Value> =
        orgs.iter().map(|o| (o.id.as_str(), &o.manifest)).collect();
    let mut meta = HashMap::with_capacity(entries.len());
    let mut subjects = Vec::with_capacity(entries.len());
    for e in entries {
        let org = e
            .organization_id
            .as_deref()
            .and_then(|o| org_manifests.get(o).copied());
        subjects.push(inventory::Subject {
            manifest: request::with_organization(&e.manifest, org),
            id: e.id.clone(),
            name: e.name,
            version: e.version,
        });
        meta.insert(e.id, (e.owner, e.tags));
    }
    let engine = s.engine.clone();
    // Seconds of CPU for a large inventory: off the async workers.
    let c = tokio::task::spawn_blocking(move || {
        let view = inventory::view(&engine, &subjects, as_of);
        Cached::new(as_of, revision, view, meta)
    })
    .await
    .map_err(|e| e.to_string())?;
    if let Ok(mut guard) = s.inventory.lock() {
        *guard = Some(c.clone());
    }
    Ok(c)
}

async fn page(
    ctx: Ctx,
    State(s): State<WebState>,
    q: Result<Query<Filter>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    ctx.need(Role::Viewer)?;
    let f = q
        .map(|q| q.0)
        .map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))?;
    let as_of = date_field(&ctx, f.as_of.as_deref())?;
    let c = cached(&ctx, &s, as_of).await?;
    let tr = ctx.tr();
    let mut p = InventoryPage::new(&c, &f);
    p.count_label = tr.tn("web-inventory-count", p.matching);
    p.page_label = tr.lang.ta(
        "web-page-of",
        &[
            ("page", Arg::Num(p.page as f64)),
            ("pages", Arg::Num(p.pages as f64)),
        ],
    );
    let chrome = ctx
        .chrome
        .clone()
        .page("inventory", ctx.tr().t("web-inventory-title"));
    Ok(render(
        &Page {
            c: chrome.clone(),
            p,
        },
        &chrome,
    )?
    .into_response())
}
