//! The errors of the store: each says what failed; database causes are kept for the log, never for the client.

/// Everything the store can refuse or fail at.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened (the URL is shown without its password).
    #[error("cannot open the database `{url}`: {message}")]
    Open {
        /// The URL, redacted.
        url: String,
        /// The cause.
        message: String,
    },
    /// The migrations could not be applied.
    #[error("cannot migrate the database: {message}")]
    Migrate {
        /// The cause.
        message: String,
    },
    /// No entry (organization or subject) with this id, or no such version of it.
    #[error("no {kind} `{id}`{}", version.map(|v| format!(" version {v}")).unwrap_or_default())]
    NotFound {
        /// `organization` or `subject`.
        kind: &'static str,
        /// The id asked for.
        id: String,
        /// The version asked for, if any.
        version: Option<i64>,
    },
    /// The caller's copy is stale: the entry has changed since it was read.
    #[error("{kind} `{id}` is at version {current}, not version {expected}")]
    Stale {
        /// `organization` or `subject`.
        kind: &'static str,
        /// The id.
        id: String,
        /// The version the caller expected.
        expected: i64,
        /// The current version.
        current: i64,
    },
    /// A reference to another entry does not resolve (a subject's organization).
    #[error("{message}")]
    Reference {
        /// What does not resolve.
        message: String,
    },
    /// The operating system's random source failed (tokens, ids).
    #[error("cannot draw random bytes: {message}")]
    Random {
        /// The cause.
        message: String,
    },
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value does not decode (a damaged row).
    #[error("a stored value does not decode: {message}")]
    Corrupt {
        /// What does not decode.
        message: String,
    },
}

impl StoreError {
    /// A stable dotted code for programs (the service's problem types use it).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Open { .. } => "store.open",
            StoreError::Migrate { .. } => "store.migrate",
            StoreError::NotFound { .. } => "inventory.not_found",
            StoreError::Stale { .. } => "inventory.stale",
            StoreError::Reference { .. } => "inventory.reference",
            StoreError::Random { .. } => "store.random",
            StoreError::Database(_) => "store.database",
            StoreError::Corrupt { .. } => "store.corrupt",
        }
    }

    /// Advice for the user.
    pub fn help(&self) -> String {
        match self {
            StoreError::Open { .. } => "check the URL, that the server runs and the credentials".into(),
            StoreError::Migrate { .. } => {
                "the database was changed outside aigov or by a newer release; restore it or use a newer aigov".into()
            }
            StoreError::NotFound { kind, .. } => format!("list the {kind}s with GET /api/v1/{kind}s"),
            StoreError::Stale { .. } => {
                "read the entry again (GET), reapply your change and send it with the new ETag in If-Match".into()
            }
            StoreError::Reference { .. } => "an `organization_id` must name an existing organization, and an organization with subjects cannot be deleted (move or delete them first)".into(),
            StoreError::Random { .. } | StoreError::Database(_) | StoreError::Corrupt { .. } => {
                "try again; if it persists, the server log has the cause".into()
            }
        }
    }
}
