//! The audit log, for administrators: its entries and a walk of its chain.

use crate::auth::Admin;
use crate::problem::Problem;
use crate::AppState;
use aigov_store::{AuditEntry, Verification};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Adds the audit routes.
pub fn routes(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(entries)).routes(routes!(verify))
}

/// A page of the log.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Entries after this sequence number (default 0).
    pub after: Option<i64>,
    /// Entries per page (1 to 1000; default 100).
    pub limit: Option<i64>,
}

/// Audit entries, oldest first.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, description = "Entries", body = Vec<AuditEntry>),
              (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json")))]
async fn entries(
    _: Admin,
    State(s): State<AppState>,
    q: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<Vec<AuditEntry>>, Problem> {
    let Query(q) = q?;
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    Ok(Json(
        s.store.audit_entries(q.after.unwrap_or(0), limit).await?,
    ))
}

/// Walks the chain and reports the first broken link, as `aigov audit verify` does.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit",
    responses((status = 200, description = "The verification", body = Verification)))]
async fn verify(_: Admin, State(s): State<AppState>) -> Result<Json<Verification>, Problem> {
    Ok(Json(s.store.audit_verify().await?))
}
