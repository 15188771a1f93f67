//! Printable reports: `GET /reports/subjects/{id}?as_of=` and `GET /reports/inventory?as_of=` as HTML (the
//! print stylesheet drops the chrome), and the same documents as PDF at `/reports/subjects/{id}.pdf` and
//! `/reports/inventory.pdf`. Both renderings come from one aigov-app `document` (so they say the same thing);
//! PDFs are in English (aigov-app `pdf` explains why). Reports read the inventory: a viewer's sign-in is needed.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::routes::export::parse_date;
use crate::views::Chrome;
use crate::WebState;
use aigov_app::document::{self, Block, Document};
use aigov_app::i18n::Lang;
use aigov_app::{inventory, pdf, request};
use aigov_store::{Kind, Role, Store, StoreError};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

pub fn router() -> Router<WebState> {
    Router::new()
        .route("/reports/inventory", get(inventory_html))
        .route("/reports/inventory.pdf", get(inventory_pdf))
        .route("/reports/subjects/{file}", get(subject))
}

#[derive(Debug, Default, Deserialize)]
struct ReportQuery {
    as_of: Option<String>,
}

#[derive(Template)]
#[template(path = "reports/document.html")]
struct ReportPage {
    c: Chrome,
    d: Document,
    pdf_href: String,
    pdf_english: bool,
    as_of: String,
    form_action: String,
    /// On the inventory report: each subject's own report (name, link).
    subject_links: Vec<(String, String)>,
}

impl ReportPage {
    /// The parts of a block, for the template.
    fn block<'a>(&self, b: &'a Block) -> BlockView<'a> {
        block_view(b)
    }
}

/// A PDF answer, shown in the browser (`inline`) with a file name for saving.
fn pdf_response(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// One stored subject completed with its organization's facts, as aigov-app takes it.
async fn stored_subject(store: &Store, id: &str) -> Result<inventory::Subject, StoreError> {
    let e = store.get(Kind::Subject, id, None).await?;
    let org = match &e.organization_id {
        Some(o) => Some(store.get(Kind::Organization, o, None).await?.manifest),
        None => None,
    };
    Ok(inventory::Subject {
        manifest: request::with_organization(&e.manifest, org.as_ref()),
        id: e.id,
        name: e.name,
        version: e.version,
    })
}

/// Every current subject, completed with its organization's facts.
async fn stored_subjects(store: &Store) -> Result<Vec<inventory::Subject>, StoreError> {
    aigov_app::stored::subjects(store).await
}

fn html_page(
    ctx: &Ctx,
    d: Document,
    path: &str,
    as_of: aigov_app::Date,
    subject_links: Vec<(String, String)>,
) -> Result<Html<String>, PageError> {
    let tr = ctx.tr();
    let c = ctx.chrome.clone().page("reports", d.title.clone());
    render(
        &ReportPage {
            c: c.clone(),
            pdf_href: format!("{path}.pdf?as_of={as_of}"),
            pdf_english: tr.lang != Lang::En,
            as_of: as_of.to_string(),
            form_action: path.to_string(),
            subject_links,
            d,
        },
        &c,
    )
}

async fn subject(
    ctx: Ctx,
    State(s): State<WebState>,
    Path(file): Path<String>,
    q: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    ctx.need(Role::Viewer)?;
    let Query(q) = q.map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))?;
    let as_of = parse_date(&ctx, q.as_of.as_deref())?;
    let (id, as_pdf) = match file.strip_suffix(".pdf") {
        Some(id) => (id.to_string(), true),
        None => (file.clone(), false),
    };
    let subject = stored_subject(&s.store, &id)
        .await
        .map_err(|e| ctx.err(e.into()))?;
    let lang = if as_pdf { Lang::En } else { ctx.tr().lang };
    let texts = match lang {
        Lang::En => None,
        l => s.translations.get(l.tag()).cloned(),
    };
    let engine = s.engine.clone();
    let built = tokio::task::spawn_blocking(move || {
        document::subject(&engine, &subject, as_of, lang, texts.as_ref()).map(|d| {
            if as_pdf {
                (pdf::render(&d), d)
            } else {
                (Vec::new(), d)
            }
        })
    })
    .await
    .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?
    .map_err(|e| ctx.err(WebError::BadRequest(format!("{e} — {}", e.help()))))?;
    if as_pdf {
        return Ok(pdf_response(built.0, &format!("aigov-{id}-{as_of}.pdf")));
    }
    html_page(
        &ctx,
        built.1,
        &format!("/reports/subjects/{id}"),
        as_of,
        Vec::new(),
    )
    .map(IntoResponse::into_response)
}

async fn inventory_doc(
    ctx: &Ctx,
    s: &WebState,
    q: Result<Query<ReportQuery>, QueryRejection>,
    lang: Lang,
) -> Result<(Document, aigov_app::Date, Vec<(String, String)>), PageError> {
    ctx.need(Role::Viewer)?;
    let Query(q) = q.map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))?;
    let as_of = parse_date(ctx, q.as_of.as_deref())?;
    let subjects = stored_subjects(&s.store)
        .await
        .map_err(|e| ctx.err(e.into()))?;
    let tr = ctx.tr();
    let links = subjects
        .iter()
        .map(|x| {
            (
                x.name.clone(),
                tr.href(&format!("/reports/subjects/{}?as_of={as_of}", x.id)),
            )
        })
        .collect();
    let engine = s.engine.clone();
    let d = tokio::task::spawn_blocking(move || {
        let view = inventory::view(&engine, &subjects, as_of);
        document::inventory(&engine, &view, lang)
    })
    .await
    .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
    Ok((d, as_of, links))
}

async fn inventory_html(
    ctx: Ctx,
    State(s): State<WebState>,
    q: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let (d, as_of, links) = inventory_doc(&ctx, &s, q, ctx.tr().lang).await?;
    html_page(&ctx, d, "/reports/inventory", as_of, links)
}

async fn inventory_pdf(
    ctx: Ctx,
    State(s): State<WebState>,
    q: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let (d, as_of, _) = inventory_doc(&ctx, &s, q, Lang::En).await?;
    let bytes = tokio::task::spawn_blocking(move || pdf::render(&d))
        .await
        .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
    Ok(pdf_response(bytes, &format!("aigov-inventory-{as_of}.pdf")))
}

/// The template's view of a block (askama matches on enums poorly across versions: plain fields instead).
struct BlockView<'a> {
    paragraph: Option<&'a str>,
    items: &'a [document::Item],
    header: &'a [String],
    rows: &'a [Vec<String>],
}

/// The parts of a block.
fn block_view(b: &Block) -> BlockView<'_> {
    match b {
        Block::Paragraph { text } => BlockView {
            paragraph: Some(text),
            items: &[],
            header: &[],
            rows: &[],
        },
        Block::Bullets { items } => BlockView {
            paragraph: None,
            items,
            header: &[],
            rows: &[],
        },
        Block::Table { header, rows } => BlockView {
            paragraph: None,
            items: &[],
            header,
            rows,
        },
    }
}
