//! The inventory: organizations and subjects (create, read any version, replace, patch, delete, history), a
//! stored subject's assessment, the inventory's view as of a date, import and export, and the calendar feed.
//! Reads carry an `ETag` (`"v<version>"`); changes require `If-Match` with it (missing: 428; stale: 412).

use super::{AssessView, AssessmentDocument, Body, JsonText};
use crate::auth::{Editor, FeedViewer, Viewer};
use crate::problem::Problem;
use crate::transfer::{self, Format};
use crate::AppState;
use aigov_app::{inventory, reassess as re, request, stored};
use aigov_core::Date;
use aigov_store::{Entry, EntryInput, EntryPatch, Kind, Listing, Store, VersionInfo};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Adds the inventory routes.
pub fn routes(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(organizations::list, organizations::create))
        .routes(routes!(
            organizations::get,
            organizations::replace,
            organizations::patch,
            organizations::delete
        ))
        .routes(routes!(organizations::versions))
        .routes(routes!(subjects::list, subjects::create))
        .routes(routes!(
            subjects::get,
            subjects::replace,
            subjects::patch,
            subjects::delete
        ))
        .routes(routes!(subjects::versions))
        .routes(routes!(subject_assessment))
        .routes(routes!(view))
        .routes(routes!(changes))
        .routes(routes!(reassess))
        .routes(routes!(export))
        .routes(routes!(import))
        .routes(routes!(calendar))
}

/// A page of a list.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The cursor: the `next` of the previous page.
    pub after: Option<String>,
    /// Entries per page (1 to 1000; default 100).
    pub limit: Option<i64>,
}

/// Which version to read.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionQuery {
    /// A version number (default: the current one).
    pub version: Option<i64>,
}

/// An entry's response: the entry and its ETag.
struct Tagged(StatusCode, Entry);

impl IntoResponse for Tagged {
    fn into_response(self) -> Response {
        let etag = etag(self.1.version);
        let location = format!("/api/v1/{}s/{}", self.1.kind.as_str(), self.1.id);
        let created = self.0 == StatusCode::CREATED;
        let mut r = (self.0, Json(self.1)).into_response();
        if let Ok(v) = HeaderValue::from_str(&etag) {
            r.headers_mut().insert(header::ETAG, v);
        }
        if created {
            if let Ok(v) = HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, v);
            }
        }
        r
    }
}

fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// The version an `If-Match` header names: `None` for `*`; 428 when missing, 412 when unreadable.
fn if_match(headers: &HeaderMap) -> Result<Option<i64>, Problem> {
    let Some(v) = headers.get(header::IF_MATCH) else {
        return Err(Problem::new(
            "precondition.required",
            "a change needs `If-Match` with the ETag of the version it was made from",
            "GET the entry, and send its `ETag` header back as `If-Match`",
        ));
    };
    let v = v.to_str().unwrap_or("").trim();
    if v == "*" {
        return Ok(None);
    }
    v.trim_start_matches("W/")
        .trim_matches('"')
        .strip_prefix('v')
        .and_then(|n| n.parse().ok())
        .map(Some)
        .ok_or_else(|| {
            Problem::new(
                "inventory.stale",
                format!("`If-Match: {v}` names no version of this entry"),
                "send back the `ETag` header of a GET, such as \"v3\"",
            )
        })
}

/// Binds the manifest of a write as its kind requires.
fn check(s: &AppState, kind: Kind, manifest: &serde_json::Value) -> Result<(), Problem> {
    transfer::check(&s.engine, kind, manifest, 0)
}

macro_rules! entry_routes {
    ($module:ident, $kind:expr, $tag:literal, $list:literal, $one:literal, $versions:literal) => {
        /// Handlers of one kind of entry.
        pub mod $module {
            use super::*;

            /// One page of entries, by id.
            #[utoipa::path(get, path = $list, tag = "inventory", params(ListQuery),
                responses((status = 200, description = "A page", body = Listing),
                          (status = 401, description = "No token", body = Problem, content_type = "application/problem+json")))]
            pub async fn list(
                _: Viewer,
                State(s): State<AppState>,
                q: Result<Query<ListQuery>, QueryRejection>,
            ) -> Result<Json<Listing>, Problem> {
                let Query(q) = q?;
                Ok(Json(s.store.list($kind, q.after.as_deref(), q.limit.unwrap_or(100)).await?))
            }

            /// Creates an entry at version 1.
            #[utoipa::path(post, path = $list, tag = "inventory", request_body = EntryInput,
                responses((status = 201, description = "Created; `ETag` names version 1", body = Entry),
                          (status = 403, description = "Not an editor", body = Problem, content_type = "application/problem+json"),
                          (status = 422, description = "The manifest does not fit", body = Problem, content_type = "application/problem+json")))]
            pub async fn create(
                Editor(who): Editor,
                State(s): State<AppState>,
                Body(input): Body<EntryInput>,
            ) -> Result<impl IntoResponse, Problem> {
                check(&s, $kind, &input.manifest)?;
                let e = s.store.create($kind, input, &who.actor()).await?;
                Ok(Tagged(StatusCode::CREATED, e))
            }

            /// An entry at its current version, or at `version`.
            #[utoipa::path(get, path = $one, tag = "inventory",
                params(("id" = String, Path, description = "The entry's id"), VersionQuery),
                responses((status = 200, description = "The entry; `ETag` names its version", body = Entry),
                          (status = 404, description = "No such entry or version", body = Problem, content_type = "application/problem+json")))]
            pub async fn get(
                _: Viewer,
                State(s): State<AppState>,
                Path(id): Path<String>,
                q: Result<Query<VersionQuery>, QueryRejection>,
            ) -> Result<impl IntoResponse, Problem> {
                let Query(q) = q?;
                Ok(Tagged(StatusCode::OK, s.store.get($kind, &id, q.version).await?))
            }

            /// Replaces an entry's content (a new version); needs `If-Match`.
            #[utoipa::path(put, path = $one, tag = "inventory", request_body = EntryInput,
                params(("id" = String, Path, description = "The entry's id"),
                       ("If-Match" = String, Header, description = "The ETag of the version the change was made from")),
                responses((status = 200, description = "The new version", body = Entry),
                          (status = 412, description = "Stale: the entry changed since", body = Problem, content_type = "application/problem+json"),
                          (status = 428, description = "No If-Match", body = Problem, content_type = "application/problem+json")))]
            pub async fn replace(
                Editor(who): Editor,
                State(s): State<AppState>,
                Path(id): Path<String>,
                headers: HeaderMap,
                Body(input): Body<EntryInput>,
            ) -> Result<impl IntoResponse, Problem> {
                check(&s, $kind, &input.manifest)?;
                let expected = if_match(&headers)?;
                let name = input.name.clone().or_else(|| {
                    input.manifest.get("name").and_then(|n| n.as_str()).map(str::to_string)
                });
                let patch = EntryPatch {
                    name: Some(name.unwrap_or_default()),
                    organization_id: Some(input.organization_id.unwrap_or_default()),
                    owner: Some(input.owner),
                    tags: Some(input.tags),
                    notes: Some(input.notes),
                    manifest: Some(input.manifest),
                };
                let e = s.store.update($kind, &id, expected, patch, &who.actor()).await?;
                Ok(Tagged(StatusCode::OK, e))
            }

            /// Changes some fields of an entry (a new version); needs `If-Match`.
            #[utoipa::path(patch, path = $one, tag = "inventory", request_body = EntryPatch,
                params(("id" = String, Path, description = "The entry's id"),
                       ("If-Match" = String, Header, description = "The ETag of the version the change was made from")),
                responses((status = 200, description = "The new version", body = Entry),
                          (status = 412, description = "Stale: the entry changed since", body = Problem, content_type = "application/problem+json"),
                          (status = 428, description = "No If-Match", body = Problem, content_type = "application/problem+json")))]
            pub async fn patch(
                Editor(who): Editor,
                State(s): State<AppState>,
                Path(id): Path<String>,
                headers: HeaderMap,
                Body(patch): Body<EntryPatch>,
            ) -> Result<impl IntoResponse, Problem> {
                if let Some(m) = &patch.manifest {
                    check(&s, $kind, m)?;
                }
                let expected = if_match(&headers)?;
                let e = s.store.update($kind, &id, expected, patch, &who.actor()).await?;
                Ok(Tagged(StatusCode::OK, e))
            }

            /// Deletes an entry (its history is kept); needs `If-Match`.
            #[utoipa::path(delete, path = $one, tag = "inventory",
                params(("id" = String, Path, description = "The entry's id"),
                       ("If-Match" = String, Header, description = "The ETag of the version last read")),
                responses((status = 204, description = "Deleted"),
                          (status = 412, description = "Stale", body = Problem, content_type = "application/problem+json"),
                          (status = 428, description = "No If-Match", body = Problem, content_type = "application/problem+json")))]
            pub async fn delete(
                Editor(who): Editor,
                State(s): State<AppState>,
                Path(id): Path<String>,
                headers: HeaderMap,
            ) -> Result<StatusCode, Problem> {
                let expected = if_match(&headers)?;
                s.store.delete($kind, &id, expected, &who.actor()).await?;
                Ok(StatusCode::NO_CONTENT)
            }

            /// Every version of an entry, oldest first.
            #[utoipa::path(get, path = $versions, tag = "inventory",
                params(("id" = String, Path, description = "The entry's id")),
                responses((status = 200, description = "The history", body = Vec<VersionInfo>),
                          (status = 404, description = "No such entry", body = Problem, content_type = "application/problem+json")))]
            pub async fn versions(
                _: Viewer,
                State(s): State<AppState>,
                Path(id): Path<String>,
            ) -> Result<Json<Vec<VersionInfo>>, Problem> {
                Ok(Json(s.store.history($kind, &id).await?))
            }
        }
    };
}

entry_routes!(
    organizations,
    Kind::Organization,
    "organizations",
    "/api/v1/organizations",
    "/api/v1/organizations/{id}",
    "/api/v1/organizations/{id}/versions"
);
entry_routes!(
    subjects,
    Kind::Subject,
    "subjects",
    "/api/v1/subjects",
    "/api/v1/subjects/{id}",
    "/api/v1/subjects/{id}/versions"
);

/// A stored subject's assessment.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessmentQuery {
    /// The date of the answer (YYYY-MM-DD). Required.
    #[param(value_type = String, format = Date)]
    pub as_of: Date,
    /// The version to assess (default: the current one).
    pub version: Option<i64>,
    /// Limit to jurisdictions, comma-separated (`EU,US-CA`).
    pub jurisdictions: Option<String>,
    /// `full` (default): the document of `aigov assess --format json`; `summary`: the assessment in brief
    /// (docs/output.md, kind `assessment_summary`).
    #[param(inline)]
    #[serde(default)]
    pub view: AssessView,
}

/// The view's date and form.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ViewQuery {
    /// The date (YYYY-MM-DD). Required.
    #[param(value_type = String, format = Date)]
    pub as_of: Date,
    /// `json` (default): one document; `jsonl`: streamed, a line per subject and a last line with the counts, in
    /// bounded memory for an inventory of any size.
    #[param(inline)]
    #[serde(default)]
    pub format: ViewFormat,
}

/// The form of the inventory view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ViewFormat {
    /// One JSON document.
    #[default]
    Json,
    /// JSON Lines, streamed.
    Jsonl,
}

/// The subject's manifest completed with its organization's current facts.
async fn completed(store: &Store, e: &Entry) -> Result<serde_json::Value, Problem> {
    let org = match &e.organization_id {
        Some(o) => Some(store.get(Kind::Organization, o, None).await?.manifest),
        None => None,
    };
    Ok(request::with_organization(&e.manifest, org.as_ref()))
}

/// Every current subject, completed with its organization's facts, for the view and the calendar.
async fn subjects_completed(store: &Store) -> Result<Vec<inventory::Subject>, Problem> {
    Ok(stored::subjects(store).await?)
}

/// A stored subject assessed as of a date (any version): the document of `aigov assess --format json`.
#[utoipa::path(get, path = "/api/v1/subjects/{id}/assessment", tag = "inventory",
    params(("id" = String, Path, description = "The subject's id"), AssessmentQuery),
    responses((status = 200, description = "The assessment (docs/output.md): the full document (`kind` `assessment`, or `linked_assessment` when the stored manifest holds linked subjects, each finding with its `subject_id`), or with `view=summary` the summary (kind `assessment_summary`)", body = AssessmentDocument),
              (status = 404, description = "No such subject or version", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "The stored manifest no longer fits the corpus", body = Problem, content_type = "application/problem+json")))]
async fn subject_assessment(
    _: Viewer,
    State(s): State<AppState>,
    Path(id): Path<String>,
    q: Result<Query<AssessmentQuery>, QueryRejection>,
) -> Result<JsonText, Problem> {
    let Query(q) = q?;
    let e = s.store.get(Kind::Subject, &id, q.version).await?;
    let manifest = completed(&s.store, &e).await?;
    let jurisdictions: Vec<String> = q
        .jurisdictions
        .iter()
        .flat_map(|j| j.split(','))
        .filter(|j| !j.is_empty())
        .map(str::to_string)
        .collect();
    Ok(JsonText(match q.view {
        AssessView::Full => request::assess_planned(
            &s.engine,
            &manifest,
            q.as_of,
            &jurisdictions,
            false,
            &s.plans,
            &s.corpus_fingerprint,
        )?,
        AssessView::Summary => request::assess_summary_planned(
            &s.engine,
            &manifest,
            q.as_of,
            &jurisdictions,
            false,
            &s.corpus_fingerprint,
            &s.plans,
        )?,
    }))
}

/// The inventory as of a date: classifications per jurisdiction, prohibitions, deadlines ahead, undetermined
/// rules and the questions that would settle them. `format=jsonl` streams it.
#[utoipa::path(get, path = "/api/v1/inventory", tag = "inventory", params(ViewQuery),
    responses((status = 200, description = "The view: one document, or (`format=jsonl`) a line per subject (`kind` `inventory_subject`, with its own deadlines) and a last line with the counts (`kind` `inventory_summary`)",
        content((Object = "application/json"), (String = "application/x-ndjson")))))]
async fn view(
    _: Viewer,
    State(s): State<AppState>,
    q: Result<Query<ViewQuery>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(q) = q?;
    if q.format == ViewFormat::Jsonl {
        return Ok(view_lines(s, q.as_of));
    }
    let subjects = subjects_completed(&s.store).await?;
    let engine = s.engine.clone();
    // Seconds of CPU for a large inventory, off the async workers: every subject assessed once (its deadlines read
    // from the same assessment) and written to JSON on the core that assessed it; the document is joined once.
    let view =
        tokio::task::spawn_blocking(move || inventory::view_json(&engine, &subjects, q.as_of))
            .await
            .map_err(|e| Problem::internal(&e))?
            .map_err(|e| Problem::internal(&e))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], view).into_response())
}

/// Subjects per page of the streamed view: enough to keep both cores busy, few enough to bound memory.
const PAGE: i64 = 1000;

type Lines = tokio::sync::mpsc::Sender<Vec<u8>>;

/// The view as JSON Lines, streamed as it is computed: a page of subjects is read while the one before is
/// assessed and sent, so memory holds about two pages whatever the inventory's size. A failure after the answer
/// has begun ends it with a last line that is a problem document (`kind` `error`).
fn view_lines(s: AppState, as_of: Date) -> Response {
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(2);
    tokio::spawn(async move {
        if let Err(p) = stream_view(&s, as_of, &tx).await {
            #[derive(serde::Serialize)]
            struct ErrorLine {
                kind: &'static str,
                #[serde(flatten)]
                problem: Problem,
            }
            let mut line = serde_json::to_vec(&ErrorLine {
                kind: "error",
                problem: p,
            })
            .unwrap_or_default();
            line.push(b'\n');
            let _ = tx.send(line).await;
        }
    });
    // Fused: a compressing body (gzip, br) polls once more after the end, which an unfused `unfold` answers with
    // a panic.
    let stream =
        futures_util::StreamExt::fuse(futures_util::stream::unfold(rx, |mut rx| async move {
            rx.recv()
                .await
                .map(|bytes| (Ok::<_, std::convert::Infallible>(bytes), rx))
        }));
    (
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        axum::body::Body::from_stream(stream),
    )
        .into_response()
}

/// One line: a document with its `kind`, keys sorted as in every aigov document.
fn line<T: serde::Serialize>(kind: &str, value: &T) -> Result<Vec<u8>, Problem> {
    #[derive(serde::Serialize)]
    struct Line<'a, T> {
        #[serde(flatten)]
        value: &'a T,
        kind: &'a str,
    }
    let mut text =
        aigov_app::json::compact(&Line { value, kind }).map_err(|e| Problem::internal(&e))?;
    text.push('\n');
    Ok(text.into_bytes())
}

async fn stream_view(s: &AppState, as_of: Date, tx: &Lines) -> Result<(), Problem> {
    let orgs = std::sync::Arc::new(stored::organizations(&s.store).await?);
    let page = |after: Option<String>| {
        let store = s.store.clone();
        tokio::spawn(async move { store.list(Kind::Subject, after.as_deref(), PAGE).await })
    };
    let mut summary = inventory::Summary::new(as_of);
    let mut next = Some(page(None));
    while let Some(reading) = next.take() {
        let listing = reading.await.map_err(|e| Problem::internal(&e))??;
        next = listing.next.clone().map(|after| page(Some(after)));
        let (engine, orgs) = (s.engine.clone(), orgs.clone());
        let (bytes, counted) = tokio::task::spawn_blocking(move || {
            let subjects: Vec<inventory::Subject> = listing
                .items
                .into_iter()
                .map(|e| stored::subject(e, &orgs))
                .collect();
            let mut bytes = Vec::new();
            for l in inventory::view_lines(&engine, &subjects, as_of) {
                summary.add(&l);
                bytes.extend(line("inventory_subject", &l)?);
            }
            Ok::<_, Problem>((bytes, summary))
        })
        .await
        .map_err(|e| Problem::internal(&e))??;
        summary = counted;
        if tx.send(bytes).await.is_err() {
            // The client has gone: stop reading and assessing.
            return Ok(());
        }
    }
    let _ = tx.send(line("inventory_summary", &summary)?).await;
    Ok(())
}

/// Two dates.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// The earlier date (YYYY-MM-DD).
    #[param(value_type = String, format = Date)]
    pub from: Date,
    /// The later date (YYYY-MM-DD).
    #[param(value_type = String, format = Date)]
    pub to: Date,
}

/// What changes for the inventory between two dates: for each subject whose answer changes, every change with its
/// cause (revocations, amendments, stays, application dates), as `aigov diff` gives for one subject.
#[utoipa::path(get, path = "/api/v1/inventory/changes", tag = "inventory", params(PeriodQuery),
    responses((status = 200, description = "The changes", body = Object),
              (status = 422, description = "`from` is after `to`", body = Problem, content_type = "application/problem+json")))]
async fn changes(
    _: Viewer,
    State(s): State<AppState>,
    q: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Json<inventory::Changes>, Problem> {
    let Query(q) = q?;
    let subjects = subjects_completed(&s.store).await?;
    let engine = s.engine.clone();
    let changes =
        tokio::task::spawn_blocking(move || inventory::changes(&engine, &subjects, q.from, q.to))
            .await
            .map_err(|e| Problem::internal(&e))??;
    Ok(Json(changes))
}

/// The date of a re-assessment.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReassessQuery {
    /// The date the new answers are recorded as of (YYYY-MM-DD; default: the server's today). Each recorded
    /// answer is compared as of its own date.
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<Date>,
}

/// Re-assesses the stored inventory under the service's corpus as of `as_of`, compares each subject's answer with
/// the one last recorded, and records the new answers (outside the audit log: they are derived data).
pub(crate) async fn reassess_stored(
    s: &AppState,
    as_of: Date,
) -> Result<re::ReassessAnswer, Problem> {
    stored::reassess_stored(
        &s.store,
        s.engine.clone(),
        &s.corpus_fingerprint,
        as_of,
        stored::PAGE,
    )
    .await
    .map_err(|e| match e {
        stored::ReassessError::Store(e) => e.into(),
        e @ stored::ReassessError::Cancelled(_) => Problem::internal(&e),
    })
}

/// Re-assesses the whole inventory under the service's corpus and says which subjects' answers changed since
/// they were last recorded (under another corpus: another `--corpus`, a new release), rule by rule; then records
/// the new answers. The service does this by itself on start when the corpus differs.
#[utoipa::path(post, path = "/api/v1/inventory/reassess", tag = "inventory", params(ReassessQuery),
    responses((status = 200, description = "What changed: `corpus_before` (the fingerprints of the recorded answers), `corpus_after`, `changed` (per subject: `added`, `removed`, `changed` rules with `before` and `after` statuses), `unchanged`, `first_assessed`", body = Object),
              (status = 400, description = "`as_of` is not a date", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an editor", body = Problem, content_type = "application/problem+json")))]
async fn reassess(
    _: Editor,
    State(s): State<AppState>,
    q: Result<Query<ReassessQuery>, QueryRejection>,
) -> Result<Json<re::ReassessAnswer>, Problem> {
    let Query(q) = q?;
    let as_of = q.as_of.unwrap_or_else(|| {
        jiff::tz::Offset::UTC
            .to_datetime(jiff::Timestamp::now())
            .date()
    });
    Ok(Json(reassess_stored(&s, as_of).await?))
}

/// The interchange format.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `jsonl` (the batch format: one manifest per line) or `csv` (every entry with its metadata).
    #[param(inline)]
    pub format: Format,
}

/// The whole inventory as JSONL (subjects' manifests, the batch format) or CSV (every entry and its metadata).
#[utoipa::path(get, path = "/api/v1/inventory/export", tag = "inventory", params(FormatQuery),
    responses((status = 200, description = "The export", content((String = "application/x-ndjson"), (String = "text/csv")))))]
async fn export(
    _: Viewer,
    State(s): State<AppState>,
    q: Result<Query<FormatQuery>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(q) = q?;
    let orgs = s.store.all(Kind::Organization).await?;
    let subjects = s.store.all(Kind::Subject).await?;
    let (body, media) = match q.format {
        Format::Jsonl => (transfer::jsonl(&orgs, &subjects), "application/x-ndjson"),
        Format::Csv => (transfer::csv(&orgs, &subjects)?, "text/csv; charset=utf-8"),
    };
    Ok(([(header::CONTENT_TYPE, media)], body).into_response())
}

/// What an import created.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Imported {
    /// How many entries.
    pub created: usize,
    /// Their ids, in the order created.
    pub ids: Vec<String>,
}

/// Imports entries (all or none): JSONL manifests become subjects; CSV rows (an export) keep their ids and
/// metadata.
#[utoipa::path(post, path = "/api/v1/inventory/import", tag = "inventory", params(FormatQuery),
    request_body(content = String, content_type = "text/plain"),
    responses((status = 201, description = "Imported", body = Imported),
              (status = 422, description = "A line does not fit; nothing was imported", body = Problem, content_type = "application/problem+json")))]
async fn import(
    Editor(who): Editor,
    State(s): State<AppState>,
    q: Result<Query<FormatQuery>, QueryRejection>,
    body: String,
) -> Result<(StatusCode, Json<Imported>), Problem> {
    let Query(q) = q?;
    let items = transfer::parse(&s.engine, q.format, &body)?;
    let created = s.store.import(items, &who.actor()).await?;
    Ok((
        StatusCode::CREATED,
        Json(Imported {
            created: created.len(),
            ids: created.into_iter().map(|e| e.id).collect(),
        }),
    ))
}

/// The calendar feed's parameters.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// The token, for calendar apps that cannot send headers (a viewer token).
    #[expect(
        dead_code,
        reason = "the FeedViewer extractor reads it from the query; declared for the document"
    )]
    pub token: Option<String>,
    /// The date the law is read as of (default: the server's today, since a subscribed feed cannot send one).
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<Date>,
}

/// Every dated start, deadline, amendment and end across the inventory, as one iCalendar feed to subscribe to.
#[utoipa::path(get, path = "/api/v1/inventory/calendar.ics", tag = "inventory", params(CalendarQuery),
    security(("bearer" = []), ()),
    responses((status = 200, description = "The feed", body = String, content_type = "text/calendar")))]
async fn calendar(
    _: FeedViewer,
    State(s): State<AppState>,
    q: Result<Query<CalendarQuery>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(q) = q?;
    let as_of = q.as_of.unwrap_or_else(|| {
        jiff::tz::Offset::UTC
            .to_datetime(jiff::Timestamp::now())
            .date()
    });
    let subjects = subjects_completed(&s.store).await?;
    let engine = s.engine.clone();
    let ics = tokio::task::spawn_blocking(move || inventory::calendar(&engine, &subjects, as_of))
        .await
        .map_err(|e| Problem::internal(&e))?;
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        ics,
    )
        .into_response())
}
