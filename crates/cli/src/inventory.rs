//! `aigov inventory ...`: the service's stored inventory from a terminal, without a running server: import a JSONL
//! or CSV file, list the subjects, re-assess them all under a corpus. Parsing and printing only: the operations are
//! aigov-app's (`stored`, `reassess`), the import's reading is the API's (`transfer`, the same rules as
//! `POST /api/v1/inventory/import`), the database aigov-store.

use crate::error::CliError;
use crate::serve::{open, runtime, store_error};
use aigov_core::Date;
use aigov_store::Kind;
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// The format of an import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// One manifest per line (the batch format); each becomes a subject.
    Jsonl,
    /// An export of the inventory (`GET /api/v1/inventory/export?format=csv`): entries keep their ids and metadata.
    Csv,
}

/// How `list` and `reassess` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InventoryFormat {
    /// For a person.
    Text,
    /// JSON (`reassess`: the document of `POST /api/v1/inventory/reassess`).
    Json,
}

/// `aigov inventory ...`.
#[derive(Debug, Subcommand)]
pub enum InventoryCommand {
    /// Import subjects into the inventory, all or nothing; every manifest is checked against the corpus first.
    Import {
        /// The file (`-`: stdin).
        file: String,
        /// Its format.
        #[arg(long, value_enum, default_value_t = ImportFormat::Jsonl)]
        format: ImportFormat,
        /// The database (as for `aigov serve`).
        #[arg(
            long,
            value_name = "URL",
            env = "AIGOV_DATABASE_URL",
            hide_env_values = true
        )]
        db: Option<String>,
    },
    /// List the inventory's current subjects: id, version and name.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = InventoryFormat::Text)]
        format: InventoryFormat,
        /// The database (as for `aigov serve`).
        #[arg(
            long,
            value_name = "URL",
            env = "AIGOV_DATABASE_URL",
            hide_env_values = true
        )]
        db: Option<String>,
    },
    /// Re-assess every stored subject under the corpus (`--corpus`, else the embedded one) and report whose answers
    /// changed since they were last recorded, rule by rule; then record the new answers. Exits 0 whether or not
    /// answers changed.
    Reassess {
        /// The date the new answers are recorded as of (default: today); each recorded answer is compared as of
        /// its own date, so that only the corpus (or an edit of the subject) can make a difference.
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = InventoryFormat::Text)]
        format: InventoryFormat,
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

/// `aigov inventory ...`.
pub fn inventory(
    corpus: Option<&PathBuf>,
    command: InventoryCommand,
) -> Result<ExitCode, CliError> {
    let corpus = corpus.map(PathBuf::as_path);
    match command {
        InventoryCommand::Import { file, format, db } => {
            let text = crate::input::read_text(&file)?;
            let engine = aigov_app::engine(corpus)?;
            let format = match format {
                ImportFormat::Jsonl => aigov_api::transfer::Format::Jsonl,
                ImportFormat::Csv => aigov_api::transfer::Format::Csv,
            };
            let items = aigov_api::transfer::parse(&engine, format, &text).map_err(|p| {
                CliError::Usage {
                    message: format!("{file}: {}; nothing was imported", p.detail),
                    help: p.hint,
                }
            })?;
            runtime()?.block_on(async {
                let store = open(db.as_deref()).await?;
                let created = store.import(items, "cli").await.map_err(store_error)?;
                outln!(
                    "imported {} entr{}",
                    created.len(),
                    if created.len() == 1 { "y" } else { "ies" }
                );
                Ok(ExitCode::SUCCESS)
            })
        }
        InventoryCommand::List { format, db } => runtime()?.block_on(async {
            let store = open(db.as_deref()).await?;
            let subjects = store.all(Kind::Subject).await.map_err(store_error)?;
            match format {
                InventoryFormat::Json => {
                    #[derive(serde::Serialize)]
                    struct Row<'a> {
                        id: &'a str,
                        version: i64,
                        name: &'a str,
                        organization_id: Option<&'a str>,
                    }
                    let rows: Vec<Row> = subjects
                        .iter()
                        .map(|e| Row {
                            id: &e.id,
                            version: e.version,
                            name: &e.name,
                            organization_id: e.organization_id.as_deref(),
                        })
                        .collect();
                    outln!("{}", json(&rows)?);
                }
                InventoryFormat::Text => {
                    for e in &subjects {
                        outln!("{}  v{}  {}", e.id, e.version, e.name);
                    }
                    let n = subjects.len();
                    eprintln!("{n} subject{}", if n == 1 { "" } else { "s" });
                }
            }
            Ok(ExitCode::SUCCESS)
        }),
        InventoryCommand::Reassess { as_of, format, db } => {
            let engine = aigov_app::engine(corpus)?;
            let fingerprint = aigov_app::corpus_fingerprint(corpus)?;
            let as_of = as_of.unwrap_or_else(crate::today);
            runtime()?.block_on(async {
                let store = open(db.as_deref()).await?;
                let answer = aigov_app::stored::reassess_stored(
                    &store,
                    std::sync::Arc::new(engine),
                    &fingerprint,
                    as_of,
                    aigov_app::stored::PAGE,
                )
                .await
                .map_err(|e| match e {
                    aigov_app::stored::ReassessError::Store(e) => store_error(e),
                    e => CliError::Usage {
                        message: e.to_string(),
                        help: "run the command again".into(),
                    },
                })?;
                match format {
                    InventoryFormat::Json => outln!("{}", json(&answer)?),
                    InventoryFormat::Text => {
                        out!("{}", aigov_app::reassess::render_text(&answer))
                    }
                }
                Ok(ExitCode::SUCCESS)
            })
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    aigov_app::json::pretty(value).map_err(|e| CliError::Usage {
        message: format!("cannot write the answer as JSON: {e}"),
        help: "this is a bug; please report it".into(),
    })
}
