//! `aigov screen` and `aigov lists`: their arguments, and printing what the application layer answers.

use crate::error::CliError;
use aigov_app::lists;
use std::path::Path;

/// `aigov lists` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum ListsCommand {
    /// Show the stored lists with their publication and import dates (the default).
    Status {
        /// Output format: text or json.
        #[arg(long, value_enum, default_value_t = ScreenFormat::Text)]
        format: ScreenFormat,
    },
    /// Import list files as published (CSL CSV or JSON, OFAC sdn.csv, alt.csv, add.csv; detected by content).
    Import {
        /// The files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// The publication date, when known (otherwise the file's modification time is recorded).
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
    },
    /// Download the lists from the official addresses and store them.
    Update {
        /// Download `sdn.csv`, `alt.csv`, `add.csv` and `consolidated.json` from this address instead (mirrors,
        /// tests).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Which lists.
        #[arg(long, value_enum, default_value_t = UpdateSourceArg::All)]
        source: UpdateSourceArg,
    },
}

/// Output formats of `aigov screen` and `aigov lists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScreenFormat {
    /// Readable text.
    Text,
    /// JSON.
    Json,
}

/// `aigov screen` arguments.
#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    /// The names to screen.
    #[arg(required_unless_present = "batch")]
    pub names: Vec<String>,
    /// Screen the names in a CSV file (a `name` column and optional `country`, or name[,country] rows).
    #[arg(long, value_name = "FILE.csv")]
    pub batch: Option<std::path::PathBuf>,
    /// The parties' country (ISO 3166-1 alpha-2): favours entries listed there, disfavours entries elsewhere.
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Report hits scoring at least this (0..1).
    #[arg(long, value_name = "X", default_value_t = aigov_screening::DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// At most this many hits per name.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// The lists folder (default: $AIGOV_LISTS_DIR, else $XDG_DATA_HOME/aigov/lists or ~/.local/share/aigov/lists).
    #[arg(long, value_name = "DIR")]
    pub lists_dir: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScreenFormat::Text)]
    pub format: ScreenFormat,
}

/// Runs `aigov lists ...`.
pub fn lists(
    dir: Option<&Path>,
    command: Option<ListsCommand>,
) -> Result<std::process::ExitCode, CliError> {
    let store = lists::store_dir(dir);
    match command.unwrap_or(ListsCommand::Status {
        format: ScreenFormat::Text,
    }) {
        ListsCommand::Status { format } => {
            print!("{}", lists::status(&store, format == ScreenFormat::Json)?);
        }
        ListsCommand::Import { files, published } => {
            let metas = lists::import(&store, &files, published.as_deref())?;
            print!("{}", lists::report_stored(&store, &metas));
        }
        ListsCommand::Update { base_url, source } => {
            let metas = lists::update(&store, base_url.as_deref(), source.into())?;
            print!("{}", lists::report_stored(&store, &metas));
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// Runs `aigov screen ...`: exit 0 when no name has a hit, 1 when one has.
pub fn screen(args: ScreenArgs) -> Result<std::process::ExitCode, CliError> {
    let (out, any) = aigov_app::screen::run(
        &args.names,
        args.batch.as_deref(),
        args.country.as_deref(),
        args.threshold,
        args.limit,
        args.lists_dir.as_deref(),
        args.format == ScreenFormat::Json,
    )?;
    print!("{out}");
    Ok(if any {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    })
}

/// Which lists `aigov lists update` downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UpdateSourceArg {
    /// OFAC's SDN files and the Consolidated Screening List.
    All,
    /// OFAC's sdn.csv, alt.csv and add.csv.
    Ofac,
    /// The Consolidated Screening List (JSON).
    Csl,
}

impl From<UpdateSourceArg> for lists::UpdateSource {
    fn from(a: UpdateSourceArg) -> lists::UpdateSource {
        match a {
            UpdateSourceArg::All => lists::UpdateSource::All,
            UpdateSourceArg::Ofac => lists::UpdateSource::Ofac,
            UpdateSourceArg::Csl => lists::UpdateSource::Csl,
        }
    }
}
