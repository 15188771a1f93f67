//! Liveness and readiness.

use crate::problem::Problem;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// A health answer.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: &'static str,
}

/// Adds the health routes.
pub fn routes(r: OpenApiRouter<crate::AppState>) -> OpenApiRouter<crate::AppState> {
    r.routes(routes!(healthz)).routes(routes!(readyz))
}

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "health", security(()),
    responses((status = 200, description = "The process answers", body = Health)))]
async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// The process is up and its database answers.
#[utoipa::path(get, path = "/readyz", tag = "health", security(()),
    responses((status = 200, description = "The database answers", body = Health),
              (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json")))]
async fn readyz(State(s): State<AppState>) -> Result<Json<Health>, Problem> {
    match s.store.ping().await {
        Ok(()) => Ok(Json(Health { status: "ok" })),
        Err(e) => {
            tracing::warn!(cause = %e, "database not reachable");
            Err(Problem::new(
                "server.unavailable",
                "the database does not answer",
                "check the database server and the URL given to `aigov serve --db`",
            ))
        }
    }
}
