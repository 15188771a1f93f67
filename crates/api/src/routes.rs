//! The routes, one module per resource; each adds its handlers (with their OpenAPI annotations) to the router.

pub mod audit;
pub mod documents;
pub mod health;
pub mod inventory;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// A JSON document already rendered by aigov-app (the same bytes as the CLI's `--format json`).
pub struct JsonText(pub String);

impl IntoResponse for JsonText {
    fn into_response(self) -> Response {
        let mut r = self.0.into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        r
    }
}
