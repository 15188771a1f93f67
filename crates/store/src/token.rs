//! API tokens. A token is 256 random bits from the operating system (`aigov_` and 64 hex digits), shown once;
//! only its SHA-256 is stored. A fast hash suffices because the secret is uniformly random and long: nobody can
//! guess it from the hash, and a slow password hash (argon2, bcrypt) protects only low-entropy secrets while
//! costing milliseconds on every request. The hash is also the look-up key (unique index), so checking a token is
//! one indexed read.

use crate::{now, random_hex, sha256_hex, Store, StoreError};
use sqlx::Row;

/// What a token may do. Each role includes the ones below it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Read the inventory, its assessments, the audit log and the calendar.
    Viewer,
    /// Also create, change, delete and import inventory entries.
    Editor,
    /// Everything, including what may come later for administrators.
    Admin,
}

impl Role {
    /// The role's name as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        match s {
            "viewer" => Ok(Role::Viewer),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            other => Err(format!("unknown role `{other}`: viewer, editor or admin")),
        }
    }
}

/// Who is calling: the token's id, name and role (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The token's id (`tok_...`), recorded in the audit log.
    pub id: String,
    /// The token's name, recorded in the audit log.
    pub name: String,
    /// The token's role.
    pub role: Role,
}

impl Principal {
    /// The actor as written in the audit log: `name (id)`.
    pub fn actor(&self) -> String {
        format!("{} ({})", self.name, self.id)
    }
}

/// A token just created: the only time the secret exists outside the caller's hands.
#[derive(Debug, Clone)]
pub struct NewToken {
    /// The token's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// The secret, to show once.
    pub secret: String,
}

impl Store {
    /// Creates a token; the secret is returned once and only its hash is stored. The creation is audited.
    pub async fn create_token(
        &self,
        name: &str,
        role: Role,
        actor: &str,
    ) -> Result<NewToken, StoreError> {
        let id = format!("tok_{}", random_hex(8)?);
        let secret = format!("aigov_{}", random_hex(32)?);
        let at = now();
        let (mut tx, seq, head) = self.begin_write().await?;
        sqlx::query(
            "insert into api_token (api_token_id, name, role, token_hash, created_at) values ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(name)
        .bind(role.as_str())
        .bind(sha256_hex(secret.as_bytes()))
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        let described =
            serde_json::json!({"id": id, "name": name, "role": role.as_str()}).to_string();
        crate::audit::append(
            &mut tx,
            seq,
            &head,
            crate::audit::Change {
                at: &at,
                actor,
                action: "token.create",
                target: &format!("token/{id}"),
                before: None,
                after: Some(sha256_hex(described.as_bytes())),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(NewToken {
            id,
            name: name.to_string(),
            role,
            secret,
        })
    }

    /// Revokes a token by id; returns whether a live token was revoked. The revocation is audited.
    pub async fn revoke_token(&self, id: &str, actor: &str) -> Result<bool, StoreError> {
        let at = now();
        let (mut tx, seq, head) = self.begin_write().await?;
        let done = sqlx::query(
            "update api_token set revoked_at = $1 where api_token_id = $2 and revoked_at is null",
        )
        .bind(&at)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if done {
            crate::audit::append(
                &mut tx,
                seq,
                &head,
                crate::audit::Change {
                    at: &at,
                    actor,
                    action: "token.revoke",
                    target: &format!("token/{id}"),
                    before: None,
                    after: None,
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(done)
    }

    /// The caller behind a presented token, if it is a live token.
    pub async fn authenticate(&self, secret: &str) -> Result<Option<Principal>, StoreError> {
        let row = sqlx::query(
            "select api_token_id, name, role from api_token where token_hash = $1 and revoked_at is null",
        )
        .bind(sha256_hex(secret.as_bytes()))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let role: String = row.try_get("role")?;
        Ok(Some(Principal {
            id: row.try_get("api_token_id")?,
            name: row.try_get("name")?,
            role: role
                .parse()
                .map_err(|message| StoreError::Corrupt { message })?,
        }))
    }
}
