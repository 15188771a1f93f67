//! `aigov`: which AI rules apply to this system, model or project, where, on which date, and why.
#![forbid(unsafe_code)]

/// mimalloc: batches allocate and free many small strings per subject; it is markedly faster than the system
/// allocator there (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Prints to standard output (through anstream, which strips colour where it is not wanted). A reader that stops
/// early (`aigov ... | head`) closes the pipe: that ends the program quietly with success, as ripgrep does, instead
/// of the panic of `print!`; any other write error is reported and exits 74 (EX_IOERR).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::write_stdout(format_args!($($arg)*))
    };
}

/// [`out!`] with a newline.
macro_rules! outln {
    () => {
        $crate::write_stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Writes to standard output; see [`out!`].
fn write_stdout(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = anstream::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("aigov: cannot write to standard output: {e}");
        std::process::exit(74);
    }
}

mod batch;
mod error;
mod input;
mod interview;
mod inventory;
mod screen;
mod serve;

use aigov_app::{chips, compute, linked, map, report, timeline};
use aigov_core::assess::{Engine, Options};
use aigov_core::Date;
use clap::{Parser, Subcommand, ValueEnum};
use error::CliError;
use std::path::PathBuf;
use std::process::ExitCode;

/// Which rules of AI law apply to a system, model or project, in which jurisdictions, as of a date, and why.
#[derive(Debug, Parser)]
#[command(name = "aigov", version, about, long_about = None, max_term_width = 110)]
struct Cli {
    /// Load the corpus from this folder instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// Colour in text reports: `auto` (a terminal, unless NO_COLOR is set), `always` or `never`.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// The language of reports: `en-US` or `zh-CN` (default: from LC_ALL, LC_MESSAGES or LANG, else English).
    /// JSON stays language-neutral.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// When to colour text reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    /// On a colour terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// What `--fail-on` does with a classification that is undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Undetermined {
    /// The gate fails: a missing fact must not turn a gate green.
    Fail,
    /// The gate passes (say so explicitly, e.g. while the facts are being gathered).
    Pass,
}

/// Output formats for reports (the command-line spelling of [`aigov_app::OutputFormat`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable report for a person.
    Text,
    /// A report to save as a file.
    Markdown,
    /// Stable JSON for programs (see docs/output.md).
    Json,
}

impl From<OutputFormat> for aigov_app::OutputFormat {
    fn from(f: OutputFormat) -> aigov_app::OutputFormat {
        match f {
            OutputFormat::Text => aigov_app::OutputFormat::Text,
            OutputFormat::Markdown => aigov_app::OutputFormat::Markdown,
            OutputFormat::Json => aigov_app::OutputFormat::Json,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP service (JSON API, inventory, tokens, audit log; docs/api.md).
    Serve(serve::ServeArgs),
    /// Manage API tokens of the service.
    Token {
        #[command(subcommand)]
        command: serve::TokenCommand,
    },
    /// The service's stored inventory without a server: import, list, re-assess under a corpus.
    Inventory {
        #[command(subcommand)]
        command: inventory::InventoryCommand,
    },
    /// Check the service's audit log.
    Audit {
        #[command(subcommand)]
        command: serve::AuditCommand,
    },
    /// Assess a manifest: which rules apply as of a date, with citations.
    Assess {
        /// The manifest (YAML, JSON or TOML by extension; `-` reads stdin, any of the three).
        #[arg(required_unless_present = "batch")]
        file: Option<String>,
        /// The date of the answer (YYYY-MM-DD); default: today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Limit to jurisdictions (repeatable; `US` includes `US-CA`).
        #[arg(long = "jurisdiction", short = 'j', value_name = "J")]
        jurisdictions: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Exit 1 if a classification at this tier or above is in effect or upcoming (for CI gates); one that is
        /// only undetermined also fails, unless `--undetermined pass`. Not with --batch, whose lines say each
        /// subject's classifications.
        #[arg(long, value_name = "TIER", conflicts_with = "batch")]
        fail_on: Option<String>,
        /// With --fail-on: whether a classification at the tier that is undetermined (facts missing) passes or
        /// fails the gate.
        #[arg(long, value_enum, requires = "fail_on", default_value_t = Undetermined::Fail)]
        undetermined: Undetermined,
        /// Also list the rules that do not apply.
        #[arg(long)]
        all: bool,
        /// Assess many subjects: a JSONL file, one manifest per line; writes one JSON line per subject.
        #[arg(long, value_name = "FILE.jsonl", conflicts_with = "file")]
        batch: Option<PathBuf>,
        /// With --batch: write full assessments instead of one summary line per subject.
        #[arg(long, requires = "batch")]
        full: bool,
        /// With --batch: write to this file instead of stdout.
        #[arg(long, short = 'o', requires = "batch", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Screen the export's parties against the stored lists (in a manifest of linked subjects, those of every
        /// linked export); sets `export.parties_listed` if not given.
        #[arg(long, conflicts_with = "batch")]
        screen: bool,
        /// With --screen: the lists folder (default: $AIGOV_LISTS_DIR or ~/.local/share/aigov/lists).
        #[arg(long, requires = "screen", value_name = "DIR")]
        lists_dir: Option<PathBuf>,
        /// With --screen: the hit threshold (0..1).
        #[arg(long, requires = "screen", value_name = "X", default_value_t = aigov_screening::DEFAULT_THRESHOLD)]
        threshold: f32,
        /// With --screen: mark the answer when a list was published more than this many days before --as-of.
        #[arg(long, requires = "screen", value_name = "DAYS", default_value_t = aigov_app::lists::DEFAULT_MAX_AGE_DAYS)]
        max_age: u32,
    },
    /// Explain one rule for a manifest: its derivation tree with citations.
    Explain {
        /// The manifest.
        file: String,
        /// The rule id (see `aigov corpus show`).
        rule: String,
        /// For a manifest of linked subjects: the id of the subject to explain the rule for (default: every
        /// subject of the rule's kind).
        #[arg(long, value_name = "ID")]
        subject: Option<String>,
        /// The date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// What changed for a manifest between two dates, and why.
    Diff {
        /// The manifest.
        file: String,
        /// The earlier date.
        #[arg(long, value_name = "DATE")]
        from: Date,
        /// The later date.
        #[arg(long, value_name = "DATE")]
        to: Date,
        /// Limit to jurisdictions.
        #[arg(long = "jurisdiction", short = 'j', value_name = "J")]
        jurisdictions: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// What changed in the law itself between two dates (no manifest): instruments adopted, revoked, amended,
    /// stayed, not enforced; rules that began or stopped to apply; each with its cause and citation.
    Changes {
        /// The earlier date (changes after it count).
        #[arg(long, value_name = "DATE")]
        from: Date,
        /// The later date (changes up to and including it count).
        #[arg(long, value_name = "DATE")]
        to: Date,
        /// Limit to jurisdictions (repeatable; `US` includes `US-CA`).
        #[arg(long = "jurisdiction", short = 'j', value_name = "J")]
        jurisdictions: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Every dated obligation and deadline for a manifest, past and coming.
    Timeline {
        /// The manifest.
        file: String,
        /// Read the law as of this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Limit to jurisdictions.
        #[arg(long = "jurisdiction", short = 'j', value_name = "J")]
        jurisdictions: Vec<String>,
        /// Write an iCalendar file of the dates.
        #[arg(long, value_name = "OUT.ics")]
        ics: Option<PathBuf>,
        /// Write an SVG chart (one lane per regime).
        #[arg(long, value_name = "OUT.svg")]
        svg: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Ask only the questions needed to settle undetermined rules, then assess.
    Interview {
        /// Start from this manifest instead of an empty one.
        #[arg(long, value_name = "FILE")]
        from: Option<String>,
        /// The subject kind, when starting empty.
        #[arg(long, default_value = "ai_system")]
        subject: String,
        /// Save the manifest here when done (YAML, JSON or TOML by extension).
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
        /// The date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
    },
    /// Write a commented manifest template for a subject kind (every fact its rules read, with its question).
    Init {
        /// The subject kind: ai_system, model, agency_use_case, datacenter_project, item, export, ...
        #[arg(default_value = "ai_system")]
        kind: String,
        /// Write the template to this file (refuses to overwrite it) instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Inspect, lint and test the corpus.
    Corpus {
        #[command(subcommand)]
        command: CorpusCommand,
    },
    /// The US checkerboard: for each state, DC and NYC, the binding duties in effect, their laws, challenges.
    Map {
        /// The manifest.
        file: String,
        /// The date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Write an SVG choropleth map of the United States.
        #[arg(long, value_name = "OUT.svg")]
        svg: Option<PathBuf>,
        /// Output format of the table.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Training compute of a model, given or estimated (6·N·D or hardware), against every compute threshold.
    Compute {
        /// A model manifest to start from (optional; flags override its facts).
        file: Option<String>,
        /// Training compute, in operations (given directly).
        #[arg(long, value_name = "OPS")]
        flop: Option<f64>,
        /// Parameters (N), for 6·N·D.
        #[arg(long, value_name = "N")]
        parameters: Option<f64>,
        /// Training tokens (D), for 6·N·D.
        #[arg(long, value_name = "D")]
        tokens: Option<f64>,
        /// Number of training accelerators.
        #[arg(long, value_name = "N")]
        accelerators: Option<f64>,
        /// Peak dense FLOP/s of one accelerator at the training precision.
        #[arg(long, value_name = "FLOP/S")]
        peak_flops: Option<f64>,
        /// Share of peak achieved (0 to 1).
        #[arg(long, value_name = "U")]
        utilization: Option<f64>,
        /// Days of training.
        #[arg(long, value_name = "DAYS")]
        days: Option<f64>,
        /// The date of the thresholds (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Print the JSON Schema of manifests.
    Schema,
    /// Restricted-party screening lists: show what is stored (`status`), `import` files, `update` (download).
    Lists {
        /// The lists folder (default: $AIGOV_LISTS_DIR, else $XDG_DATA_HOME/aigov/lists or ~/.local/share/aigov/lists).
        #[arg(long, global = true, value_name = "DIR")]
        lists_dir: Option<PathBuf>,
        #[command(subcommand)]
        command: Option<screen::ListsCommand>,
    },
    /// Screen names against the stored lists (fuzzy, explained). Exit 0: no hit; 1: a hit; 2: error.
    Screen(screen::ScreenArgs),
    /// List the chip catalog (accelerators with TPP, PD, datacenter flag, estimated figures).
    Chips {
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// The work list: each control once, with every rule it serves, earliest date first (text, Markdown, JSON, OSCAL).
    Plan(PlanArgs),
    /// One subject under several jurisdictions side by side, grouped by control, with conflicts and the checkerboard.
    Compare(CompareArgs),
    /// US export controls on AI chips.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
}

/// `aigov plan` arguments.
#[derive(Debug, clap::Args)]
struct PlanArgs {
    /// The manifest.
    file: String,
    /// The date (default: today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// Limit to jurisdictions (repeatable).
    #[arg(long = "jurisdiction", short = 'j', value_name = "J")]
    jurisdictions: Vec<String>,
    /// Output format (`oscal`: OSCAL 1.1 assessment results).
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    format: PlanFormat,
    /// Also write the OSCAL catalog of the controls to this file.
    #[arg(long, value_name = "OUT.json")]
    catalog: Option<PathBuf>,
}

/// `aigov plan` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PlanFormat {
    Text,
    Markdown,
    Json,
    Oscal,
}

/// `aigov compare` arguments.
#[derive(Debug, clap::Args)]
struct CompareArgs {
    /// The manifest.
    file: String,
    /// The jurisdictions to compare (repeatable, at least one: -j EU -j US-CO -j CN).
    #[arg(long = "jurisdiction", short = 'j', value_name = "J", required = true)]
    jurisdictions: Vec<String>,
    /// The date (default: today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// `aigov export ...` subcommands.
#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// Classify a chip (a catalog name) or an item manifest: TPP/PD, ECCN on the date, and its timeline.
    Classify {
        /// A chip of the catalog (`aigov chips`, case-insensitive) or an item/export manifest file.
        target: String,
        /// The date of the answer (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
}

#[derive(Debug, Subcommand)]
enum CorpusCommand {
    /// List the instruments and how many rules each has.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Show an instrument (its lifecycle and rules) or a rule (its versions and conditions).
    Show {
        /// An instrument id or a rule id.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Validate every corpus file; errors are printed as file:line:col with a hint.
    Lint,
    /// Run every example of every corpus file.
    Test,
}

fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// The engine for assessments (the precompiled embedded corpus, or the corpus in `dir`).
fn engine(dir: Option<&PathBuf>) -> Result<Engine, CliError> {
    Ok(aigov_app::engine(dir.map(PathBuf::as_path))?)
}

/// Loads and validates the corpus from its sources, with its examples (for lint and test).
fn load_engine(dir: Option<&PathBuf>) -> Result<(Engine, Vec<aigov_corpus::Example>), CliError> {
    Ok(aigov_app::load_engine(dir.map(PathBuf::as_path))?)
}

/// The language asked for with `--lang`, else the environment's.
fn language(flag: Option<&str>) -> Result<aigov_app::i18n::Lang, CliError> {
    use aigov_app::i18n::Lang;
    match flag {
        None => Ok(Lang::from_env()),
        Some(tag) => Lang::parse(tag).ok_or_else(|| CliError::Usage {
            message: format!("aigov does not speak `{tag}`"),
            help: format!(
                "use --lang {}",
                Lang::ALL.map(Lang::tag).join(" or --lang ")
            ),
        }),
    }
}

/// The corpus's texts in `lang`: none for English or JSON (which stays language-neutral), so they are loaded
/// only when a report will print them.
fn texts_for(
    dir: Option<&PathBuf>,
    lang: aigov_app::i18n::Lang,
    format: OutputFormat,
) -> Result<aigov_app::Translations, CliError> {
    if lang == aigov_app::i18n::Lang::En || matches!(format, OutputFormat::Json) {
        Ok(aigov_app::Translations::default())
    } else {
        Ok(aigov_app::translations(dir.map(PathBuf::as_path))?)
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let lang = language(cli.lang.as_deref())?;
    match cli.command {
        Command::Map {
            file,
            as_of,
            svg,
            format,
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            let as_of = as_of.unwrap_or_else(today);
            let facts = match input::read_any(&file, &engine.corpus.vocabulary)? {
                aigov_core::manifest::Manifest::Single(facts) => facts,
                aigov_core::manifest::Manifest::Linked(subjects) => {
                    let cat = aigov_app::plan::catalogue(cli.corpus.as_deref(), &engine.corpus)?;
                    let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
                    let maps = linked::maps(
                        &engine,
                        &cat,
                        &subjects,
                        as_of,
                        format.into(),
                        lang,
                        &translations,
                    )?;
                    if let Some(path) = svg {
                        for m in &maps {
                            let path = linked::chart_path(&path, &m.id);
                            input::write_file(&path, &m.answer.svg)?;
                            eprintln!("wrote {}", path.display());
                        }
                    }
                    out!(
                        "{}",
                        linked::render_maps(&maps, &subjects, as_of, format.into(), lang)
                    );
                    return Ok(ExitCode::SUCCESS);
                }
            };
            let a = engine.assess(&facts, &Options::as_of(as_of));
            let board = map::checkerboard(&a);
            if let Some(path) = svg {
                input::write_file(&path, &map::svg(&board))?;
                eprintln!("wrote {}", path.display());
            }
            let cat = aigov_app::plan::catalogue(cli.corpus.as_deref(), &engine.corpus)?;
            let measure = map::measured(&engine, &cat, &facts, as_of, &board)?;
            let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
            out!(
                "{}",
                map::report_measured_in(
                    &board,
                    measure.as_ref(),
                    format.into(),
                    lang,
                    translations.get(lang.tag())
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Compute {
            file,
            flop,
            parameters,
            tokens,
            accelerators,
            peak_flops,
            utilization,
            days,
            as_of,
            format,
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            let manifest = match &file {
                Some(f) => input::read_any(f, &engine.corpus.vocabulary)?,
                None => aigov_core::manifest::Manifest::Single(aigov_core::manifest::Facts::empty(
                    "model",
                    &engine.corpus.vocabulary,
                )),
            };
            let mut facts = match manifest {
                aigov_core::manifest::Manifest::Single(facts) => facts,
                aigov_core::manifest::Manifest::Linked(subjects) => {
                    let given = [
                        flop,
                        parameters,
                        tokens,
                        accelerators,
                        peak_flops,
                        utilization,
                        days,
                    ]
                    .iter()
                    .any(Option::is_some);
                    check_compute_flags(
                        flop,
                        parameters,
                        tokens,
                        accelerators,
                        peak_flops,
                        utilization,
                        days,
                    )?;
                    let inputs = compute::Inputs {
                        flop,
                        parameters,
                        tokens,
                        accelerators,
                        peak_flops,
                        utilization,
                        days,
                    };
                    let c = linked::computes(
                        &engine,
                        &subjects,
                        &inputs,
                        given,
                        as_of.unwrap_or_else(today),
                    )?;
                    let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
                    out!(
                        "{}",
                        linked::render_computes(
                            &c,
                            format.into(),
                            lang,
                            translations.get(lang.tag())
                        )
                    );
                    return Ok(ExitCode::SUCCESS);
                }
            };
            if facts.subject != "model" {
                return Err(CliError::Usage {
                    message: format!(
                        "`aigov compute` reads a model manifest; {} describes a `{}`",
                        file.as_deref().unwrap_or("the input"),
                        facts.subject
                    ),
                    help: "give a manifest with `subject: model`, or only flags".into(),
                });
            }
            let inputs = compute::Inputs {
                flop,
                parameters,
                tokens,
                accelerators,
                peak_flops,
                utilization,
                days,
            };
            check_compute_flags(
                flop,
                parameters,
                tokens,
                accelerators,
                peak_flops,
                utilization,
                days,
            )?;
            inputs
                .apply(&mut facts, &engine)
                .map_err(|message| CliError::Usage {
                    message,
                    help: "use the embedded corpus or one with the model compute facts".into(),
                })?;
            let report = compute::compute(&engine, &facts, as_of.unwrap_or_else(today));
            let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
            out!(
                "{}",
                compute::render_in(&report, format.into(), lang, translations.get(lang.tag()))
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Chips { format } => {
            out!("{}", chips::list(format.into())?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            command:
                ExportCommand::Classify {
                    target,
                    as_of,
                    format,
                },
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            let as_of = as_of.unwrap_or_else(today);
            let looks_like_file = std::path::Path::new(&target).is_file()
                || target == "-"
                || aigov_core::manifest::Format::from_path(&target).is_some();
            let target = if looks_like_file {
                match input::read_any(&target, &engine.corpus.vocabulary)? {
                    aigov_core::manifest::Manifest::Single(facts) => {
                        chips::ClassifyTarget::Manifest {
                            name: target,
                            facts,
                        }
                    }
                    // Linked subjects: each item and export classified under its subject's heading.
                    aigov_core::manifest::Manifest::Linked(subjects) => {
                        let c = linked::classifications(&engine, &subjects, as_of)?;
                        let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
                        out!(
                            "{}",
                            linked::render_classifications(
                                &c,
                                format.into(),
                                lang,
                                translations.get(lang.tag())
                            )
                        );
                        return Ok(ExitCode::SUCCESS);
                    }
                }
            } else {
                chips::ClassifyTarget::Chip(target)
            };
            let classified = chips::classified(&engine, target, as_of)?;
            let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
            out!(
                "{}",
                chips::render_in(
                    &classified,
                    format.into(),
                    lang,
                    translations.get(lang.tag())
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            let engine = engine(cli.corpus.as_ref())?;
            let schema = aigov_core::schema::manifest_schema(&engine.corpus.vocabulary);
            outln!(
                "{}",
                serde_json::to_string_pretty(&schema).expect("a JSON value serializes")
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Assess {
            file,
            as_of,
            jurisdictions,
            format,
            fail_on,
            undetermined,
            all,
            batch,
            full,
            output,
            screen,
            lists_dir,
            threshold,
            max_age,
        } => {
            let age = screen::age_check(as_of, max_age);
            let engine = engine(cli.corpus.as_ref())?;
            if let Some(tier) = &fail_on {
                if engine.corpus.vocabulary.tier(tier).is_none() {
                    let tiers: Vec<&str> = engine
                        .corpus
                        .vocabulary
                        .tiers
                        .iter()
                        .map(|t| t.id.as_str())
                        .collect();
                    return Err(CliError::Usage {
                        message: format!("unknown tier `{tier}` for --fail-on"),
                        help: aigov_core::vocabulary::did_you_mean(tier, tiers.iter().copied())
                            .map(|s| format!("did you mean `{s}`?"))
                            .unwrap_or_else(|| format!("tiers: {}", tiers.join(", "))),
                    });
                }
            }
            input::check_jurisdictions(&engine.corpus, &jurisdictions)?;
            let as_of = as_of.unwrap_or_else(today);
            if let Some(path) = batch {
                return batch::run(
                    &engine,
                    &path,
                    output.as_deref(),
                    as_of,
                    &jurisdictions,
                    full,
                );
            }
            let file = file.expect("clap requires FILE without --batch");
            let mut facts = match input::read_any(&file, &engine.corpus.vocabulary)? {
                aigov_core::manifest::Manifest::Single(facts) => facts,
                aigov_core::manifest::Manifest::Linked(mut subjects) => {
                    // The parties every linked export names (an export's end user inside a product manifest).
                    let screening = screen
                        .then(|| {
                            aigov_app::screen::screen_linked(
                                &engine.corpus.vocabulary,
                                &mut subjects,
                                lists_dir.as_deref(),
                                threshold,
                                age,
                            )
                        })
                        .transpose()?;
                    let mut options = Options::as_of(as_of);
                    options.jurisdictions = jurisdictions;
                    options.include_not_applicable = all;
                    let answers = aigov_app::assess::assess_linked(&engine, &subjects, &options);
                    let translations = if lang == aigov_app::i18n::Lang::En
                        || matches!(format, OutputFormat::Json)
                    {
                        aigov_app::Translations::default()
                    } else {
                        aigov_app::translations(cli.corpus.as_deref())?
                    };
                    let text = aigov_app::assess::render_linked(
                        &engine,
                        &answers,
                        format.into(),
                        lang,
                        &translations,
                    );
                    match (&screening, format) {
                        (Some(s), OutputFormat::Json) => {
                            out!("{}", s.attach_json(&text))
                        }
                        (Some(s), _) => out!("{}", s.wrap_text_in(&text, lang)),
                        (None, _) => out!("{text}"),
                    }
                    let failed = answers.iter().any(|a| {
                        let s = &a.answer.assessment;
                        s.prohibited
                            || fail_on.as_deref().is_some_and(|tier| {
                                input::fail_on_gate(
                                    &engine,
                                    s,
                                    tier,
                                    undetermined == Undetermined::Fail,
                                )
                            })
                    });
                    return Ok(if failed {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    });
                }
            };
            let screening = screen
                .then(|| {
                    aigov_app::screen::screen_manifest(
                        &engine.corpus.vocabulary,
                        &mut facts,
                        lists_dir.as_deref(),
                        threshold,
                        age,
                    )
                })
                .transpose()?;
            let mut options = Options::as_of(as_of);
            options.jurisdictions = jurisdictions;
            options.include_not_applicable = all;
            let answer = aigov_app::assess::assess(&engine, &facts, &options);
            let a = &answer.assessment;
            // The corpus's texts in the reader's language (JSON stays language-neutral: no need to load them).
            let translations =
                if lang == aigov_app::i18n::Lang::En || matches!(format, OutputFormat::Json) {
                    aigov_app::Translations::default()
                } else {
                    aigov_app::translations(cli.corpus.as_deref())?
                };
            let text =
                aigov_app::assess::render(&engine, &answer, format.into(), lang, &translations);
            match (&screening, format) {
                (Some(s), OutputFormat::Json) => out!("{}", s.attach_json(&text)),
                (Some(s), _) => out!("{}", s.wrap_text_in(&text, lang)),
                (None, _) => out!("{text}"),
            }
            let gate = fail_on.as_deref().is_some_and(|tier| {
                input::fail_on_gate(&engine, a, tier, undetermined == Undetermined::Fail)
            });
            Ok(if a.prohibited || gate {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Explain {
            file,
            rule,
            subject,
            as_of,
            format,
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            let manifest = input::read_any(&file, &engine.corpus.vocabulary)?;
            let Some(index) = engine.corpus.rule_index(&rule) else {
                return Err(CliError::Usage {
                    message: format!("unknown rule `{rule}`"),
                    help: aigov_core::vocabulary::did_you_mean(
                        &rule,
                        engine.corpus.rules.iter().map(|r| r.id.as_str()),
                    )
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| {
                        "`aigov corpus list` and `aigov corpus show ID` list the rules".into()
                    }),
                });
            };
            let as_of = as_of.unwrap_or_else(today);
            let facts = match manifest {
                aigov_core::manifest::Manifest::Linked(subjects) => {
                    let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
                    let text = linked::explain(
                        &engine,
                        &subjects,
                        index,
                        subject.as_deref(),
                        as_of,
                        format.into(),
                        lang,
                        &translations,
                    )?;
                    out!("{text}");
                    return Ok(ExitCode::SUCCESS);
                }
                aigov_core::manifest::Manifest::Single(facts) => facts,
            };
            if let Some(id) = subject {
                return Err(CliError::Usage {
                    message: format!(
                        "--subject {id}: {file} describes one subject, not linked subjects"
                    ),
                    help: "leave out --subject for a manifest of one subject".into(),
                });
            }
            let subject = &engine.corpus.rules[index].subject;
            if subject != &facts.subject {
                return Err(CliError::Usage {
                    message: format!(
                        "`{rule}` addresses subject `{subject}`, but {file} describes subject `{}`",
                        facts.subject
                    ),
                    help: format!("explain it with a manifest whose `subject` is `{subject}`"),
                });
            }
            let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
            out!(
                "{}",
                report::explain_in(
                    &engine,
                    &facts,
                    index,
                    as_of,
                    format.into(),
                    lang,
                    &translations
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            file,
            from,
            to,
            jurisdictions,
            format,
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            if from > to {
                return Err(CliError::Usage {
                    message: format!("--from {from} is after --to {to}"),
                    help: "swap the two dates".into(),
                });
            }
            input::check_jurisdictions(&engine.corpus, &jurisdictions)?;
            let facts = match input::read_any(&file, &engine.corpus.vocabulary)? {
                aigov_core::manifest::Manifest::Single(facts) => facts,
                aigov_core::manifest::Manifest::Linked(subjects) => {
                    let ds = linked::diffs(&engine, &subjects, from, to, &jurisdictions);
                    let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
                    out!(
                        "{}",
                        linked::render_diffs(
                            &ds,
                            format.into(),
                            lang,
                            &translations,
                            Some(&engine.corpus)
                        )
                    );
                    return Ok(ExitCode::SUCCESS);
                }
            };
            let d = aigov_core::diff::diff(&engine, &facts, from, to, &jurisdictions);
            let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
            out!(
                "{}",
                report::diff_with(&d, format.into(), lang, &translations, Some(&engine.corpus))
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Changes {
            from,
            to,
            jurisdictions,
            format,
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            let changes = aigov_app::changes::changes(&engine, from, to, &jurisdictions)?;
            let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
            out!(
                "{}",
                aigov_app::changes::render_in(
                    &changes,
                    format.into(),
                    lang,
                    translations.get(lang.tag())
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline {
            file,
            as_of,
            jurisdictions,
            ics,
            svg,
            format,
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            input::check_jurisdictions(&engine.corpus, &jurisdictions)?;
            let as_of = as_of.unwrap_or_else(today);
            let facts = match input::read_any(&file, &engine.corpus.vocabulary)? {
                aigov_core::manifest::Manifest::Single(facts) => facts,
                aigov_core::manifest::Manifest::Linked(subjects) => {
                    let ts = linked::timelines(&engine, &subjects, as_of, &jurisdictions);
                    let merged = linked::merged_timeline(&ts);
                    if let Some(path) = ics {
                        input::write_file(&path, &timeline::ics(&merged))?;
                        eprintln!("wrote {}", path.display());
                    }
                    if let Some(path) = svg {
                        input::write_file(&path, &timeline::svg(&merged))?;
                        eprintln!("wrote {}", path.display());
                    }
                    let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
                    out!(
                        "{}",
                        linked::render_timelines(
                            &ts,
                            format.into(),
                            lang,
                            &translations,
                            Some(&engine.corpus)
                        )
                    );
                    return Ok(ExitCode::SUCCESS);
                }
            };
            let t = aigov_core::timeline::timeline(&engine, &facts, as_of, &jurisdictions);
            if let Some(path) = ics {
                input::write_file(&path, &timeline::ics(&t))?;
                eprintln!("wrote {}", path.display());
            }
            if let Some(path) = svg {
                input::write_file(&path, &timeline::svg(&t))?;
                eprintln!("wrote {}", path.display());
            }
            let translations = texts_for(cli.corpus.as_ref(), lang, format)?;
            out!(
                "{}",
                report::timeline_in(&t, format.into(), lang, &translations, Some(&engine.corpus))
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Interview {
            from,
            subject,
            save,
            as_of,
        } => {
            let engine = engine(cli.corpus.as_ref())?;
            let translations = if lang == aigov_app::i18n::Lang::En {
                aigov_app::Translations::default()
            } else {
                aigov_app::translations(cli.corpus.as_deref())?
            };
            interview::run(
                &engine,
                from.as_deref(),
                &subject,
                save.as_deref(),
                as_of.unwrap_or_else(today),
                lang,
                &translations,
            )
        }
        Command::Init { kind, output } => {
            let engine = engine(cli.corpus.as_ref())?;
            let text = aigov_app::init::template(&engine, &kind)?;
            match output {
                Some(path) => {
                    input::create_new_file(&path, &text)?;
                    eprintln!("wrote {}", path.display());
                }
                None => out!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Corpus { command } => corpus_command(cli.corpus.as_ref(), command, lang),
        Command::Plan(a) => {
            let engine = engine(cli.corpus.as_ref())?;
            aigov_app::jurisdictions::check(&engine.corpus, &a.jurisdictions)?;
            let cat = aigov_app::plan::catalogue(cli.corpus.as_deref(), &engine.corpus)?;
            let manifest = input::read_any(&a.file, &engine.corpus.vocabulary)?;
            let as_of = a.as_of.unwrap_or_else(today);
            let p = match &manifest {
                aigov_core::manifest::Manifest::Single(facts) => {
                    aigov_app::plan::plan(&engine, &cat, facts, as_of, &a.jurisdictions)
                }
                aigov_core::manifest::Manifest::Linked(subjects) => {
                    aigov_app::plan::plan_linked(&engine, &cat, subjects, as_of, &a.jurisdictions)
                }
            };
            if let Some(path) = &a.catalog {
                let c = aigov_app::oscal::catalog(&cat, &as_of.to_string());
                input::write_file(path, &aigov_app::oscal::to_string(&c))?;
                eprintln!("wrote {}", path.display());
            }
            let format = match a.format {
                PlanFormat::Oscal => None,
                PlanFormat::Text => Some(OutputFormat::Text),
                PlanFormat::Markdown => Some(OutputFormat::Markdown),
                PlanFormat::Json => Some(OutputFormat::Json),
            };
            match format {
                Some(f) => {
                    let translations = texts_for(cli.corpus.as_ref(), lang, f)?;
                    out!(
                        "{}",
                        aigov_app::plan::render_in(
                            &p,
                            f.into(),
                            lang,
                            translations.get(lang.tag())
                        )
                    )
                }
                None => out!(
                    "{}",
                    aigov_app::oscal::to_string(&aigov_app::oscal::assessment_results(&p))
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare(a) => {
            let engine = engine(cli.corpus.as_ref())?;
            let cat = aigov_app::plan::catalogue(cli.corpus.as_deref(), &engine.corpus)?;
            let manifest = input::read_any(&a.file, &engine.corpus.vocabulary)?;
            let as_of = a.as_of.unwrap_or_else(today);
            let translations = texts_for(cli.corpus.as_ref(), lang, a.format)?;
            let text = match &manifest {
                aigov_core::manifest::Manifest::Single(facts) => {
                    let c =
                        aigov_app::compare::compare(&engine, &cat, facts, as_of, &a.jurisdictions)?;
                    aigov_app::compare::render_in(
                        &c,
                        a.format.into(),
                        lang,
                        translations.get(lang.tag()),
                        Some(&engine.corpus),
                    )
                }
                aigov_core::manifest::Manifest::Linked(subjects) => {
                    let cs = linked::compares(&engine, &cat, subjects, as_of, &a.jurisdictions)?;
                    linked::render_compares(
                        &cs,
                        a.format.into(),
                        lang,
                        translations.get(lang.tag()),
                        Some(&engine.corpus),
                    )
                }
            };
            out!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Lists { lists_dir, command } => screen::lists(lists_dir.as_deref(), command),
        Command::Screen(args) => screen::screen(args, lang),
        Command::Serve(args) => serve::serve(cli.corpus.as_ref(), args),
        Command::Token { command } => serve::token(command),
        Command::Audit { command } => serve::audit(command),
        Command::Inventory { command } => inventory::inventory(cli.corpus.as_ref(), command),
    }
}

/// The flags of `aigov compute` are finite numbers, zero or more, and the utilization a share.
fn check_compute_flags(
    flop: Option<f64>,
    parameters: Option<f64>,
    tokens: Option<f64>,
    accelerators: Option<f64>,
    peak_flops: Option<f64>,
    utilization: Option<f64>,
    days: Option<f64>,
) -> Result<(), CliError> {
    for (flag, v) in [
        ("--flop", flop),
        ("--parameters", parameters),
        ("--tokens", tokens),
        ("--accelerators", accelerators),
        ("--peak-flops", peak_flops),
        ("--utilization", utilization),
        ("--days", days),
    ] {
        if v.is_some_and(|v| !v.is_finite() || v < 0.0) {
            return Err(CliError::Usage {
                message: format!("{flag} must be a finite number, zero or more"),
                help: "write numbers like 7e10 or 70000000000".into(),
            });
        }
    }
    if utilization.is_some_and(|u| u > 1.0) {
        return Err(CliError::Usage {
            message: "--utilization is a share of peak, between 0 and 1".into(),
            help: "e.g. --utilization 0.4 for 40 %".into(),
        });
    }
    Ok(())
}

fn corpus_command(
    dir: Option<&PathBuf>,
    command: CorpusCommand,
    lang: aigov_app::i18n::Lang,
) -> Result<ExitCode, CliError> {
    match command {
        CorpusCommand::Lint => {
            let (engine, examples) = load_engine(dir)?;
            let c = &engine.corpus;
            outln!(
                "corpus OK: {} instruments, {} rules, {} parameters, {} penalties, {} facts, {} examples",
                c.instruments.len(),
                c.rules.len(),
                c.parameters.len(),
                c.penalties.len(),
                c.vocabulary.facts.len(),
                examples.len()
            );
            let k = aigov_app::plan::lint(dir.map(PathBuf::as_path), c)?;
            outln!(
                "controls OK: {} controls, {} mappings cover all {} obligations and prohibitions, {} declared conflicts",
                k.controls, k.mappings, k.rules, k.conflicts
            );
            Ok(ExitCode::SUCCESS)
        }
        CorpusCommand::Test => {
            let (engine, examples) = load_engine(dir)?;
            let results = aigov_corpus::examples::run(&engine, &examples);
            let mut failed = 0;
            for r in &results {
                if r.passed() {
                    continue;
                }
                failed += 1;
                outln!(
                    "FAIL {}:{}: {} (as of {})",
                    r.example.file,
                    r.example.line,
                    r.example.name,
                    r.example.as_of
                );
                for m in &r.mismatches {
                    outln!(
                        "  {}: expected {}, found {}",
                        m.rule,
                        m.expected.map(|s| s.as_str()).unwrap_or("not yet law"),
                        m.actual.map(|s| s.as_str()).unwrap_or("not yet law")
                    );
                }
            }
            let checks: usize = examples.iter().map(|e| e.expect.len()).sum();
            outln!(
                "{} passed, {} failed ({} examples, {} expectations)",
                results.len() - failed,
                failed,
                results.len(),
                checks
            );
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        CorpusCommand::List { format } => {
            let engine = engine(dir)?;
            let translations = texts_for(dir, lang, format)?;
            out!(
                "{}",
                report::corpus_list_in(&engine.corpus, format.into(), lang, &translations)
            );
            Ok(ExitCode::SUCCESS)
        }
        CorpusCommand::Show { id, format } => {
            let engine = engine(dir)?;
            let translations = texts_for(dir, lang, format)?;
            match report::corpus_show_in(
                &engine.corpus,
                &id,
                format.into(),
                lang,
                translations.get(lang.tag()),
            ) {
                Some(s) => {
                    out!("{s}");
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    let mut ids: Vec<&str> = engine
                        .corpus
                        .instruments
                        .iter()
                        .map(|i| i.id.as_str())
                        .collect();
                    ids.extend(engine.corpus.rules.iter().map(|r| r.id.as_str()));
                    Err(CliError::Usage {
                        message: format!("no instrument or rule `{id}`"),
                        help: aigov_core::vocabulary::did_you_mean(&id, ids.iter().copied())
                            .map(|s| format!("did you mean `{s}`?"))
                            .unwrap_or_else(|| "`aigov corpus list` lists the instruments".into()),
                    })
                }
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.color {
        ColorWhen::Auto => {}
        ColorWhen::Always => anstream::ColorChoice::Always.write_global(),
        ColorWhen::Never => anstream::ColorChoice::Never.write_global(),
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            e.print();
            ExitCode::from(2)
        }
    }
}
