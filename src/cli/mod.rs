//! The command line: clap definitions and dispatch to the reader and the headless subcommands.

mod check;
mod entities;
mod entity;
mod search;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::corpus::Corpus;

/// Cloakroom: read political news in the terminal, with the people and bills of every story.
#[derive(Debug, Parser)]
#[command(
    name = "cloakroom",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A headless subcommand; without one the reader opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the reader.
    #[command(flatten)]
    pub reader: ReaderArgs,
    /// The config file.
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a corpus and summarize it: files, articles, skipped records, duplicates, dates, sources.
    Check(check::CheckArgs),
    /// List the people and bills found in a corpus.
    Entities(entities::EntitiesArgs),
    /// Print the card of one person or bill (the best match of a name or bill number): who,
    /// how often, when, and who with.
    Entity(entity::EntityArgs),
    /// Search a corpus and print the ranked stories.
    Search(search::SearchArgs),
    /// Print the effective configuration (every default, with the config file's changes) as a
    /// commented TOML file to start from.
    Config,
}

/// Options shared by every command that loads a corpus.
#[derive(Debug, Clone, Default, Args)]
pub struct LoadArgs {
    /// Map a field to a source key, e.g. `--field body=content_original` (repeatable).
    #[arg(long = "field", value_name = "FIELD=KEY")]
    pub fields: Vec<String>,
}

/// Options of the full-screen reader.
#[derive(Debug, Clone, Default, Args)]
pub struct ReaderArgs {
    /// Files or folders to open (`-` for standard input); none opens the bundled sample corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where read and starred marks are kept (default: the user's data directory).
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Options that apply to the reader and to `cloakroom config`.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// The config file (default: `$XDG_CONFIG_HOME/cloakroom/config.toml`, if it exists).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

/// Parses the command line and runs what it asks for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Entities(args)) => entities::run(&args),
        Some(Command::Search(args)) => search::run(&args),
        Some(Command::Entity(args)) => entity::run(&args),
        Some(Command::Config) => crate::ui::Config::load(cli.config.config.as_deref())
            .map(|config| {
                print!("{}", config.to_toml());
                ExitCode::SUCCESS
            })
            .map_err(anyhow::Error::from),
        None => reader(cli.reader, &cli.config),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`| head`): end quietly, as other Unix tools do.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("cloakroom: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes from writing to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Tells on standard error what a load skipped (each record with its place and reason) and how many warnings it
/// gave (all of them when nothing loaded, since they say why), as `entities` and `search` do before their output.
/// Returns the exit status `check` uses too: 0 all loaded, 1 something skipped, 2 nothing loaded.
pub fn report_load(corpus: &Corpus) -> u8 {
    let report = &corpus.report;
    for s in &report.skipped {
        match s.line {
            Some(line) => eprintln!("cloakroom: skipped {}:{line}: {}", s.file, s.reason),
            None => eprintln!("cloakroom: skipped {}: {}", s.file, s.reason),
        }
    }
    if corpus.articles.is_empty() {
        for w in &report.warnings {
            eprintln!("cloakroom: warning: {w}");
        }
        eprintln!("cloakroom: no articles loaded");
        return 2;
    }
    if !report.warnings.is_empty() {
        eprintln!(
            "cloakroom: {} warning(s) while loading; `cloakroom check` lists them",
            report.warnings.len()
        );
    }
    u8::from(!report.skipped.is_empty())
}

/// Reads the config file and the field mapping (errors before the screen is taken), then runs
/// the reader.
fn reader(args: ReaderArgs, config: &ConfigArgs) -> anyhow::Result<ExitCode> {
    let config = crate::ui::Config::load(config.config.as_deref())?;
    let load = crate::corpus::LoadOptions::from_field_args(&args.load.fields)?;
    crate::ui::run(&crate::ui::Options {
        paths: args.paths,
        load,
        state: args.state,
        config,
    })
}
