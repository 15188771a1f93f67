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
        /// Measure the lists' ages on this date (YYYY-MM-DD); default: today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<jiff::civil::Date>,
        /// Warn about lists published more than this many days before that date.
        #[arg(long, value_name = "DAYS", default_value_t = lists::DEFAULT_MAX_AGE_DAYS)]
        max_age: u32,
    },
    /// Import list files as published (CSL CSV or JSON, OFAC sdn.csv, alt.csv, add.csv; detected by content), and
    /// the PRC Unreliable Entity List as CSV in the layout of docs/output.md.
    Import {
        /// The files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// The publication date (YYYY-MM-DD) of files that do not carry one (OFAC's CSV files, CSL CSV); the CSL
        /// JSON's own date wins. Without it such a list's date is "unknown" and screening warns.
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// Accept a new version with more than 5 % fewer records than the stored one (refused by default: a
        /// file cut off at a record boundary still parses).
        #[arg(long)]
        allow_shrink: bool,
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
        /// Accept a new version with more than 5 % fewer records than the stored one.
        #[arg(long)]
        allow_shrink: bool,
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
    /// Measure the lists' ages on this date (YYYY-MM-DD); default: today (stated in the output).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<jiff::civil::Date>,
    /// Warn about lists published more than this many days before that date (or with no known date).
    #[arg(long, value_name = "DAYS", default_value_t = lists::DEFAULT_MAX_AGE_DAYS)]
    pub max_age: u32,
}

/// The date list ages are measured on: the one given, else today.
pub fn age_check(as_of: Option<jiff::civil::Date>, max_age_days: u32) -> lists::AgeCheck {
    lists::AgeCheck {
        as_of: as_of.unwrap_or_else(|| jiff::ZonedDateTime::now().date()),
        given: as_of.is_some(),
        max_age_days,
    }
}

/// Runs `aigov lists ...`.
pub fn lists(
    dir: Option<&Path>,
    command: Option<ListsCommand>,
) -> Result<std::process::ExitCode, CliError> {
    let store = lists::store_dir(dir);
    match command.unwrap_or(ListsCommand::Status {
        format: ScreenFormat::Text,
        as_of: None,
        max_age: lists::DEFAULT_MAX_AGE_DAYS,
    }) {
        ListsCommand::Status {
            format,
            as_of,
            max_age,
        } => {
            out!(
                "{}",
                lists::status(
                    &store,
                    format == ScreenFormat::Json,
                    age_check(as_of, max_age)
                )?
            );
        }
        ListsCommand::Import {
            files,
            published,
            allow_shrink,
        } => {
            let opts = lists::ImportOptions {
                published: published.as_deref(),
                allow_shrink,
            };
            let stored = lists::import(&store, &files, opts)?;
            out!("{}", lists::report_stored(&store, &stored));
        }
        ListsCommand::Update {
            base_url,
            source,
            allow_shrink,
        } => {
            let stored = lists::update(&store, base_url.as_deref(), source.into(), allow_shrink)?;
            out!("{}", lists::report_stored(&store, &stored));
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// Runs `aigov screen ...`: exit 0 when no name has a hit, 1 when one has.
pub fn screen(
    args: ScreenArgs,
    lang: aigov_app::i18n::Lang,
) -> Result<std::process::ExitCode, CliError> {
    let (out, any) = aigov_app::screen::run(
        &args.names,
        args.batch.as_deref(),
        args.country.as_deref(),
        args.threshold,
        args.limit,
        args.lists_dir.as_deref(),
        age_check(args.as_of, args.max_age),
        args.format == ScreenFormat::Json,
        lang,
    )?;
    out!("{out}");
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
