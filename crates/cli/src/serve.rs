//! `aigov serve`, `aigov token` and `aigov audit`: the service and its local administration. Parsing and
//! printing only: the service is aigov-api (JSON under `/api/v1`) with aigov-web (the pages at `/`), the
//! database aigov-store.

use crate::error::CliError;
use aigov_store::{Role, Store, StoreError};
use clap::{Args, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Options of `aigov serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,
    /// The database: `sqlite://PATH` or `postgres://USER:PASSWORD@HOST/DB` (default: $AIGOV_DATABASE_URL, else
    /// SQLite at $AIGOV_HOME/aigov.db or ~/.local/share/aigov/aigov.db).
    #[arg(
        long,
        value_name = "URL",
        env = "AIGOV_DATABASE_URL",
        hide_env_values = true
    )]
    db: Option<String>,
    /// Let callers without a token use `POST /api/v1/assess` (a posted manifest against the corpus; nothing
    /// stored). Every other route still needs a token.
    #[arg(long)]
    allow_anonymous_assess: bool,
    /// The largest request body, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024, value_name = "BYTES")]
    max_body: usize,
    /// The longest a request may take, in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
    /// Log format: `text` or `json` (filter with RUST_LOG, default `info`).
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
}

/// `aigov token ...`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token; it is printed once, and only its hash is stored.
    Create {
        /// The token's role: viewer (read), editor (read and change the inventory), admin (also the audit log).
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// A name for the token, recorded in the audit log with every change made with it.
        #[arg(long, default_value = "token")]
        name: String,
        /// The database (as for `aigov serve`).
        #[arg(
            long,
            value_name = "URL",
            env = "AIGOV_DATABASE_URL",
            hide_env_values = true
        )]
        db: Option<String>,
    },
    /// Revoke a token by its id (`tok_...`).
    Revoke {
        /// The token's id.
        id: String,
        /// The database (as for `aigov serve`).
        #[arg(
            long,
            value_name = "URL",
            env = "AIGOV_DATABASE_URL",
            hide_env_values = true
        )]
        db: Option<String>,
    },
}

/// `aigov audit ...`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the audit log's hash chain; report the first broken link and exit 1 if there is one.
    Verify {
        /// The database (as for `aigov serve`).
        #[arg(
            long,
            value_name = "URL",
            env = "AIGOV_DATABASE_URL",
            hide_env_values = true
        )]
        db: Option<String>,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
}

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Usage {
            message: format!("cannot start the async runtime: {e}"),
            help: "check the process limits (threads, file descriptors)".into(),
        })
}

pub(crate) fn store_error(e: StoreError) -> CliError {
    CliError::Usage {
        message: e.to_string(),
        help: e.help(),
    }
}

pub(crate) async fn open(db: Option<&str>) -> Result<Store, CliError> {
    Store::open(db).await.map_err(store_error)
}

/// `aigov serve`.
pub fn serve(corpus: Option<&PathBuf>, args: ServeArgs) -> Result<ExitCode, CliError> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    if args.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
    let engine = aigov_app::engine(corpus.map(PathBuf::as_path))?;
    let catalogue = aigov_app::plan::catalogue(corpus.map(PathBuf::as_path), &engine.corpus)?;
    let translations = aigov_app::translations(corpus.map(PathBuf::as_path))?;
    let fingerprint = aigov_app::corpus_fingerprint(corpus.map(PathBuf::as_path))?;
    runtime()?.block_on(async {
        let store = open(args.db.as_deref()).await?;
        tracing::info!(
            backend = ?store.backend(),
            rules = engine.corpus.rules.len(),
            anonymous_assess = args.allow_anonymous_assess,
            "database migrated; starting"
        );
        let engine = Arc::new(engine);
        // The web app at `/`, sharing the engine and the database with the API.
        let web_state =
            aigov_web::WebState::new(engine.clone(), store.clone(), Arc::new(translations));
        // The inventory page's view as of today, computed while the server starts answering.
        web_state.warm();
        let web = aigov_web::router(web_state);
        let state = aigov_api::AppState {
            catalogue: Arc::new(catalogue),
            corpus_fingerprint: fingerprint.into(),
            engine,
            store,
            anonymous_assess: args.allow_anonymous_assess,
            plans: Default::default(),
        };
        let config = aigov_api::Config {
            addr: args.addr,
            anonymous_assess: args.allow_anonymous_assess,
            max_body: args.max_body,
            timeout: Duration::from_secs(args.timeout),
        };
        aigov_api::serve(state, config, Some(web))
            .await
            .map_err(|e| CliError::Usage {
                message: e.to_string(),
                help: "choose another address with --addr".into(),
            })
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `aigov token ...`.
pub fn token(command: TokenCommand) -> Result<ExitCode, CliError> {
    runtime()?.block_on(async {
        match command {
            TokenCommand::Create { role, name, db } => {
                let store = open(db.as_deref()).await?;
                let t = store
                    .create_token(&name, role, "cli")
                    .await
                    .map_err(store_error)?;
                eprintln!(
                    "created token {} ({}, role {}); it is shown only this once:",
                    t.id,
                    t.name,
                    t.role.as_str()
                );
                outln!("{}", t.secret);
                Ok(ExitCode::SUCCESS)
            }
            TokenCommand::Revoke { id, db } => {
                let store = open(db.as_deref()).await?;
                if store.revoke_token(&id, "cli").await.map_err(store_error)? {
                    outln!("revoked {id}");
                    Ok(ExitCode::SUCCESS)
                } else {
                    Err(CliError::Usage {
                        message: format!("no live token `{id}`"),
                        help: "token ids start with `tok_`; the audit log lists them".into(),
                    })
                }
            }
        }
    })
}

/// `aigov audit ...`.
pub fn audit(command: AuditCommand) -> Result<ExitCode, CliError> {
    runtime()?.block_on(async {
        match command {
            AuditCommand::Verify { db } => {
                let store = open(db.as_deref()).await?;
                let v = store.audit_verify().await.map_err(store_error)?;
                match v.broken {
                    None => {
                        let noun = if v.entries == 1 { "entry" } else { "entries" };
                        outln!(
                            "audit log intact: {} {noun}, every link verified",
                            v.entries
                        );
                        Ok(ExitCode::SUCCESS)
                    }
                    Some(b) => {
                        outln!("audit log BROKEN at entry {}: {}", b.seq, b.reason);
                        Ok(ExitCode::from(1))
                    }
                }
            }
        }
    })
}
