//! The static files, embedded in the binary (nothing is read from disk or fetched at run time). Pages link them
//! as `/static/<name>?v=<hash>`: the hash changes with the content, so browsers may cache them for a year
//! (`immutable`); each answer also carries an `ETag`, and `If-None-Match` gets a 304.

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::OnceLock;

/// One embedded file.
struct Asset {
    name: &'static str,
    media: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "app.css",
        media: "text/css; charset=utf-8",
        body: include_bytes!("../static/app.css"),
    },
    Asset {
        name: "app.js",
        media: "text/javascript; charset=utf-8",
        body: include_bytes!("../static/app.js"),
    },
    // htmx 2 (https://htmx.org), BSD Zero Clause licence (static/htmx.LICENSE), vendored from the npm package
    // `htmx.org` so that the Rust build needs no JavaScript toolchain.
    Asset {
        name: "htmx.min.js",
        media: "text/javascript; charset=utf-8",
        body: include_bytes!("../static/htmx.min.js"),
    },
    Asset {
        name: "htmx.LICENSE",
        media: "text/plain; charset=utf-8",
        body: include_bytes!("../static/htmx.LICENSE"),
    },
    Asset {
        name: "favicon.svg",
        media: "image/svg+xml",
        body: include_bytes!("../static/favicon.svg"),
    },
];

/// The content hashes (the first 16 hex digits of each file's SHA-256), computed once.
fn hashes() -> &'static [String] {
    static H: OnceLock<Vec<String>> = OnceLock::new();
    H.get_or_init(|| {
        ASSETS
            .iter()
            .map(|a| aigov_store::sha256_hex(a.body)[..16].to_string())
            .collect()
    })
}

/// The URL of a static file, with its content hash: `/static/app.css?v=0123abcd...`.
pub fn url(name: &str) -> String {
    match ASSETS.iter().position(|a| a.name == name) {
        Some(i) => format!("/static/{name}?v={}", hashes()[i]),
        None => format!("/static/{name}"),
    }
}

/// `GET /static/{name}`.
pub async fn serve(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(i) = ASSETS.iter().position(|a| a.name == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let asset = &ASSETS[i];
    let etag = format!("\"{}\"", hashes()[i]);
    let cache = (
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let etag = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\""));
    if matches {
        return (StatusCode::NOT_MODIFIED, [cache, (header::ETAG, etag)]).into_response();
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(asset.media)),
            cache,
            (header::ETAG, etag),
        ],
        asset.body,
    )
        .into_response()
}
