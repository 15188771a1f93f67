//! The documents of docs/output.md for a posted manifest: assessment, explanation, diff, timeline, US map,
//! compute and export classification. Each handler is one aigov-app call.

use super::{AssessView, AssessmentDocument, Body, JsonText};
use crate::auth::{AssessCaller, Viewer};
use crate::problem::Problem;
use crate::AppState;
use aigov_app::request;
use aigov_core::Date;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Adds the document routes.
pub fn routes(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(assess))
        .routes(routes!(explain))
        .routes(routes!(diff))
        .routes(routes!(timeline))
        .routes(routes!(map))
        .routes(routes!(compute))
        .routes(routes!(classify))
        .routes(routes!(changes))
        .routes(routes!(plan))
        .routes(routes!(compare))
}

/// What changed in the law itself between two dates.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangesRequest {
    /// The earlier date (changes after it count).
    #[schema(value_type = String, format = Date)]
    pub from: Date,
    /// The later date (changes up to and including it count).
    #[schema(value_type = String, format = Date)]
    pub to: Date,
    /// Limit to jurisdictions (`US` includes `US-CA`).
    #[serde(default)]
    pub jurisdictions: Vec<String>,
}

/// The law's own changes between two dates, with causes and citations (`aigov changes --format json`).
#[utoipa::path(post, path = "/api/v1/changes", tag = "documents", request_body = ChangesRequest,
    responses(
        (status = 200, description = "The law's changes (docs/output.md, kind law_changes)", body = Object),
        (status = 422, description = "Dates out of order, or an unknown jurisdiction", body = Problem, content_type = "application/problem+json")))]
async fn changes(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<ChangesRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::changes(
        &s.engine,
        r.from,
        r.to,
        &r.jurisdictions,
    )?))
}

/// The deduplicated control work list of a manifest, by deadline (`aigov plan --format json`).
#[utoipa::path(post, path = "/api/v1/plan", tag = "documents", request_body = AssessRequest,
    responses(
        (status = 200, description = "The plan (docs/output.md, kind plan)", body = Object),
        (status = 422, description = "The manifest does not fit", body = Problem, content_type = "application/problem+json")))]
async fn plan(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<AssessRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::plan(
        &s.engine,
        &s.catalogue,
        &r.manifest,
        r.as_of,
        &r.jurisdictions,
    )?))
}

/// One manifest under several jurisdictions side by side, grouped by control (`aigov compare --format json`).
#[utoipa::path(post, path = "/api/v1/compare", tag = "documents", request_body = AssessRequest,
    responses(
        (status = 200, description = "The comparison (docs/output.md, kind comparison)", body = Object),
        (status = 422, description = "The manifest does not fit, or no jurisdictions", body = Problem, content_type = "application/problem+json")))]
async fn compare(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<AssessRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::compare(
        &s.engine,
        &s.catalogue,
        &r.manifest,
        r.as_of,
        &r.jurisdictions,
    )?))
}

/// Assess a manifest as of a date.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessRequest {
    /// The manifest (the JSON form of the YAML manifests in examples/): one subject, or an organization and
    /// linked subjects under `subjects` (the `linked_*` documents: assessment, plan, comparison).
    #[schema(value_type = Object)]
    pub manifest: serde_json::Value,
    /// The date of the answer (YYYY-MM-DD). Required: time is an input.
    #[schema(value_type = String, format = Date, example = "2026-11-28")]
    pub as_of: Date,
    /// Limit to jurisdictions (`US` includes `US-CA`).
    #[serde(default)]
    pub jurisdictions: Vec<String>,
    /// Also list the rules that do not apply.
    #[serde(default)]
    pub all: bool,
}

/// Explain one rule for a manifest.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainRequest {
    /// The manifest: one subject, or linked subjects under `subjects` (the `linked_explanation` document).
    #[schema(value_type = Object)]
    pub manifest: serde_json::Value,
    /// The rule's id.
    pub rule: String,
    /// For linked subjects: the id of the subject to explain the rule for (default: every subject of the rule's
    /// kind).
    #[serde(default)]
    pub subject: Option<String>,
    /// The date (YYYY-MM-DD).
    #[schema(value_type = String, format = Date)]
    pub as_of: Date,
}

/// What changes for a manifest between two dates.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DiffRequest {
    /// The manifest: one subject, or linked subjects under `subjects` (the `linked_diff` document).
    #[schema(value_type = Object)]
    pub manifest: serde_json::Value,
    /// The earlier date.
    #[schema(value_type = String, format = Date)]
    pub from: Date,
    /// The later date.
    #[schema(value_type = String, format = Date)]
    pub to: Date,
    /// Limit to jurisdictions.
    #[serde(default)]
    pub jurisdictions: Vec<String>,
}

/// A manifest and a date (timeline, map, compute).
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DatedRequest {
    /// The manifest: one subject, or linked subjects under `subjects` (the `linked_timeline`, `linked_map` and
    /// `linked_compute` documents, every item naming the subject it concerns).
    #[schema(value_type = Object)]
    pub manifest: serde_json::Value,
    /// The date (YYYY-MM-DD).
    #[schema(value_type = String, format = Date)]
    pub as_of: Date,
    /// Limit to jurisdictions (timeline only).
    #[serde(default)]
    pub jurisdictions: Vec<String>,
}

/// Classify a catalogued chip or an item manifest for export control.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifyRequest {
    /// A catalogued accelerator's name (give this or `manifest`).
    #[serde(default)]
    pub chip: Option<String>,
    /// An `item` or `export` manifest.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub manifest: Option<serde_json::Value>,
    /// The date (YYYY-MM-DD).
    #[schema(value_type = String, format = Date)]
    pub as_of: Date,
}

/// The form of the assessment.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessQuery {
    /// `full` (default): the document of `aigov assess --format json`; `summary`: the assessment in brief
    /// (docs/output.md, kind `assessment_summary`).
    #[param(inline)]
    #[serde(default)]
    pub view: AssessView,
}

/// The assessment of a posted manifest: the same document as `aigov assess --format json`, or with
/// `view=summary` the assessment in brief. A manifest of linked subjects (`subjects: [...]`) answers the
/// `linked_assessment` document: each subject's assessment with its `id` and `built_on`, every finding and
/// classification with the `subject_id` it concerns.
#[utoipa::path(post, path = "/api/v1/assess", tag = "documents", request_body = AssessRequest,
    params(AssessQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The assessment (docs/output.md): the full document (`kind` `assessment`, or `linked_assessment` for a manifest of linked subjects, each finding with its `subject_id`), or with `view=summary` the summary (kind `assessment_summary`)", body = AssessmentDocument),
        (status = 400, description = "Unreadable body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No token (unless anonymous assessment is on)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The manifest or the request does not fit", body = Problem, content_type = "application/problem+json")))]
async fn assess(
    _: AssessCaller,
    State(s): State<AppState>,
    q: Result<Query<AssessQuery>, QueryRejection>,
    Body(r): Body<AssessRequest>,
) -> Result<JsonText, Problem> {
    let Query(q) = q?;
    Ok(JsonText(match q.view {
        AssessView::Full => request::assess_planned(
            &s.engine,
            &r.manifest,
            r.as_of,
            &r.jurisdictions,
            r.all,
            &s.plans,
            &s.corpus_fingerprint,
        )?,
        AssessView::Summary => request::assess_summary_planned(
            &s.engine,
            &r.manifest,
            r.as_of,
            &r.jurisdictions,
            r.all,
            &s.corpus_fingerprint,
            &s.plans,
        )?,
    }))
}

/// The explanation of one rule for a posted manifest (`aigov explain --format json`).
#[utoipa::path(post, path = "/api/v1/explain", tag = "documents", request_body = ExplainRequest,
    responses(
        (status = 200, description = "The explanation (docs/output.md; `linked_explanation` for linked subjects)", body = Object),
        (status = 422, description = "The manifest or the rule does not fit", body = Problem, content_type = "application/problem+json")))]
async fn explain(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<ExplainRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::explain(
        &s.engine,
        &r.manifest,
        &r.rule,
        r.subject.as_deref(),
        r.as_of,
    )?))
}

/// What changes between two dates, with causes (`aigov diff --format json`).
#[utoipa::path(post, path = "/api/v1/diff", tag = "documents", request_body = DiffRequest,
    responses(
        (status = 200, description = "The diff (docs/output.md; `linked_diff` for linked subjects)", body = Object),
        (status = 422, description = "The manifest or the dates do not fit", body = Problem, content_type = "application/problem+json")))]
async fn diff(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<DiffRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::diff(
        &s.engine,
        &r.manifest,
        r.from,
        r.to,
        &r.jurisdictions,
    )?))
}

/// Every dated start, deadline, amendment and end (`aigov timeline --format json`).
#[utoipa::path(post, path = "/api/v1/timeline", tag = "documents", request_body = DatedRequest,
    responses(
        (status = 200, description = "The timeline (docs/output.md; `linked_timeline` for linked subjects)", body = Object),
        (status = 422, description = "The manifest does not fit", body = Problem, content_type = "application/problem+json")))]
async fn timeline(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<DatedRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::timeline(
        &s.engine,
        &r.manifest,
        r.as_of,
        &r.jurisdictions,
    )?))
}

/// The US checkerboard: which state laws reach the subject (`aigov map --format json`).
#[utoipa::path(post, path = "/api/v1/map", tag = "documents", request_body = DatedRequest,
    responses(
        (status = 200, description = "The checkerboard (docs/output.md; `linked_map` for linked subjects)", body = Object),
        (status = 422, description = "The manifest does not fit", body = Problem, content_type = "application/problem+json")))]
async fn map(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<DatedRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::checkerboard(
        &s.engine,
        &s.catalogue,
        &r.manifest,
        r.as_of,
    )?))
}

/// Training compute and the thresholds it crosses, for a model manifest (`aigov compute --format json`).
#[utoipa::path(post, path = "/api/v1/compute", tag = "documents", request_body = DatedRequest,
    responses(
        (status = 200, description = "The compute report (docs/output.md)", body = Object),
        (status = 422, description = "The manifest does not fit", body = Problem, content_type = "application/problem+json")))]
async fn compute(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<DatedRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::compute(&s.engine, &r.manifest, r.as_of)?))
}

/// Export classification of a chip or an item (`aigov export classify --format json`).
#[utoipa::path(post, path = "/api/v1/export/classify", tag = "documents", request_body = ClassifyRequest,
    responses(
        (status = 200, description = "The classification (docs/output.md)", body = Object),
        (status = 422, description = "Unknown chip, or the manifest does not fit", body = Problem, content_type = "application/problem+json")))]
async fn classify(
    _: Viewer,
    State(s): State<AppState>,
    Body(r): Body<ClassifyRequest>,
) -> Result<JsonText, Problem> {
    Ok(JsonText(request::classify(
        &s.engine,
        r.chip.as_deref(),
        r.manifest.as_ref(),
        r.as_of,
    )?))
}
