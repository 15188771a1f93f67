//! The aigov inventory on a database: organizations and subjects stored as versioned manifests, API tokens with
//! roles, and a hash-chained audit log of every change.
//!
//! SQLite (embedded, the default) and PostgreSQL share one code path: sqlx's `Any` driver with runtime-checked
//! queries and `$N` placeholders, which both databases accept. The only difference is how a write transaction
//! starts (`BEGIN IMMEDIATE` on SQLite, so the single writer is chosen up front). Migrations (one folder per
//! database, `migrations/`) run on [`Store::open`]; they only go forward, so an older database is migrated in
//! place, never dropped.
//!
//! Every change runs in one transaction that first locks the audit log's head row (`audit_head`), reads the
//! entry's current version under that lock, checks the caller's expected version (the ETag), writes the new
//! version and appends one audit entry carrying the previous entry's hash. Writers are therefore serialised on
//! the head: two servers on one PostgreSQL database never lose an update and keep one intact chain.
//!
//! This crate stores and retrieves; it does not read manifests (the service binds them with aigov-core before
//! storing) and knows nothing of HTTP. Front ends (aigov-api, the `aigov` CLI) depend on it; it depends on no
//! aigov crate.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod audit;
mod digest;
mod entry;
mod error;
mod token;

pub use audit::{AuditEntry, Broken, Verification};
pub use digest::{AnswerDigest, AnswerRecorder};
pub use entry::{Entry, EntryInput, EntryPatch, Kind, Listing, SubjectRow, VersionInfo};
pub use error::StoreError;
pub use token::{NewToken, Principal, Role};

use sha2::{Digest, Sha256};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// The two supported databases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Rows a multi-row statement writes, at `width` parameters a row. PostgreSQL: many, since each statement is
    /// a round trip (up to 5,000 parameters, well under its 65,535). SQLite: few, since there is no round trip
    /// to save and SQLite finds each `$N` parameter by walking the statement's list of names, so binding costs
    /// the square of a statement's parameters (at 5,000 a statement, that walk was half of an import's time).
    pub(crate) fn rows_per_statement(self, width: usize) -> usize {
        let parameters = match self {
            Backend::Postgres => 5000,
            Backend::Sqlite => 256,
        };
        (parameters / width.max(1)).max(1)
    }
}

/// The inventory database: a connection pool and the backend behind it.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The default database: `$AIGOV_HOME/aigov.db`, else `~/.local/share/aigov/aigov.db`.
pub fn default_path() -> PathBuf {
    path_for(std::env::var_os("AIGOV_HOME"), std::env::var_os("HOME"))
}

/// [`default_path`] for given values of `AIGOV_HOME` and `HOME`. An empty variable counts as unset (as XDG's
/// do), so that `AIGOV_HOME=` does not put the database in whatever folder the command runs from.
fn path_for(aigov_home: Option<std::ffi::OsString>, home: Option<std::ffi::OsString>) -> PathBuf {
    let set = |v: Option<std::ffi::OsString>| v.filter(|v| !v.is_empty());
    let folder = set(aigov_home)
        .map(PathBuf::from)
        .or_else(|| set(home).map(|h| PathBuf::from(h).join(".local/share/aigov")))
        .unwrap_or_else(|| PathBuf::from("."));
    folder.join("aigov.db")
}

#[cfg(test)]
mod default_path_tests {
    use super::path_for;
    use std::path::PathBuf;

    #[test]
    fn an_empty_variable_counts_as_unset() {
        let home = Some("/home/u".into());
        assert_eq!(
            path_for(Some("/srv/aigov".into()), home.clone()),
            PathBuf::from("/srv/aigov/aigov.db")
        );
        assert_eq!(
            path_for(Some("".into()), home.clone()),
            PathBuf::from("/home/u/.local/share/aigov/aigov.db")
        );
        assert_eq!(
            path_for(None, home),
            PathBuf::from("/home/u/.local/share/aigov/aigov.db")
        );
        assert_eq!(
            path_for(Some("".into()), Some("".into())),
            PathBuf::from("./aigov.db")
        );
    }
}

/// The database URL of a SQLite file (created when missing).
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

impl Store {
    /// Opens the database at `url` (`sqlite://PATH` or `postgres://...`; `None`: the default SQLite file, see
    /// [`default_path`]), creating a SQLite file and its folder when missing, and runs the migrations.
    pub async fn open(url: Option<&str>) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let url = match url {
            Some(u) => u.to_string(),
            None => {
                let path = default_path();
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                        url: dir.display().to_string(),
                        message: e.to_string(),
                    })?;
                }
                sqlite_url(&path)
            }
        };
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::Open {
                url: redact(&url),
                message: "the database URL must start with `sqlite:` or `postgres://`".into(),
            });
        };
        let url = match backend {
            Backend::Sqlite if !url.contains('?') && !url.contains(":memory:") => {
                format!("{url}?mode=rwc")
            }
            _ => url,
        };
        let options =
            sqlx::any::AnyConnectOptions::from_str(&url).map_err(|e| StoreError::Open {
                url: redact(&url),
                message: e.to_string(),
            })?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 8,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Every commit reaches the disk before it is acknowledged, whatever the build's default.
                        sqlx::query("pragma synchronous = full")
                            .execute(conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Open {
                url: redact(&url),
                message: e.to_string(),
            })?;
        if backend == Backend::Sqlite {
            // WAL: readers never wait for the writer; the setting is kept in the file.
            sqlx::query("pragma journal_mode = wal")
                .execute(&pool)
                .await?;
        }
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await.map_err(|e| StoreError::Migrate {
            message: e.to_string(),
        })?;
        Ok(Store { pool, backend })
    }

    /// Opens a PostgreSQL database inside one schema, created when missing: several inventories in one database
    /// (the tests use one schema each, so they run in parallel on one server).
    pub async fn open_schema(url: &str, schema: &str) -> Result<Store, StoreError> {
        let valid = !schema.is_empty()
            && schema.len() <= 63
            && schema
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid || !(url.starts_with("postgres:") || url.starts_with("postgresql:")) {
            return Err(StoreError::Open {
                url: redact(url),
                message: format!(
                    "a schema (`{schema}`: lowercase letters, digits, `_`) needs a PostgreSQL URL"
                ),
            });
        }
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .connect(url)
            .await
            .map_err(|e| StoreError::Open {
                url: redact(url),
                message: e.to_string(),
            })?;
        sqlx::query(&format!("create schema if not exists {schema}"))
            .execute(&pool)
            .await?;
        pool.close().await;
        let sep = if url.contains('?') { '&' } else { '?' };
        Store::open(Some(&format!(
            "{url}{sep}options=-c%20search_path%3D{schema}"
        )))
        .await
    }

    /// Empties every table and resets the audit chain (tests only: a fresh inventory in a reused schema).
    #[doc(hidden)]
    pub async fn reset_for_tests(&self) -> Result<(), StoreError> {
        for t in [
            "answer_digest",
            "entry_version",
            "entry",
            "api_token",
            "audit_entry",
        ] {
            sqlx::query(&format!("delete from {t}"))
                .execute(&self.pool)
                .await?;
        }
        sqlx::query("update audit_head set seq = 0, entry_hash = $1 where audit_head_id = 1")
            .bind(audit::GENESIS)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The backend of this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("select 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The audit log's head sequence number. Every change appends an audit entry, so the number grows with every
    /// change and a reader can tell cheaply whether anything changed since it last looked (the web app caches the
    /// inventory's view on it).
    pub async fn revision(&self) -> Result<i64, StoreError> {
        let row: AnyRow = sqlx::query("select seq from audit_head where audit_head_id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("seq")?)
    }

    /// Closes the pool, waiting for connections in use to be returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Starts a write transaction and locks the audit head, returning the head's sequence number and hash. Every
    /// change goes through here, so writers (threads or processes) are serialised on one row.
    async fn begin_write(
        &self,
    ) -> Result<(sqlx::Transaction<'static, sqlx::Any>, i64, String), StoreError> {
        let mut tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("begin immediate").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        sqlx::query("update audit_head set seq = seq where audit_head_id = 1")
            .execute(&mut *tx)
            .await?;
        let row: AnyRow =
            sqlx::query("select seq, entry_hash from audit_head where audit_head_id = 1")
                .fetch_one(&mut *tx)
                .await?;
        let seq: i64 = row.try_get("seq")?;
        let hash: String = row.try_get("entry_hash")?;
        Ok((tx, seq, hash))
    }
}

/// The time now, as stored (RFC 3339, UTC).
fn now() -> String {
    jiff::Timestamp::now().to_string()
}

/// SHA-256 of bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    s
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `n` random bytes from the operating system, as lowercase hex.
fn random_hex(n: usize) -> Result<String, StoreError> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).map_err(|e| StoreError::Random {
        message: e.to_string(),
    })?;
    let mut s = String::with_capacity(2 * n);
    for b in buf {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    Ok(s)
}

/// A database URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests;
