//! The command line: clap definitions and dispatch to the reader and the headless subcommands.

mod add;
mod check;
mod entities;
mod feed;
mod fetch;
mod library;
mod search;
pub mod source;

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
    /// The library file.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a corpus and summarize it: files, articles, skipped records, duplicates, dates, sources.
    Check(check::CheckArgs),
    /// List the people and bills found in a corpus.
    Entities(entities::EntitiesArgs),
    /// Search a corpus and print the ranked stories.
    Search(search::SearchArgs),
    /// Manage feed subscriptions: add, list, remove, import and export (OPML).
    Feed(feed::FeedArgs),
    /// Fetch the feeds (all, or the URLs given) into the library.
    Fetch(fetch::FetchArgs),
    /// Import files, folders or standard input (`-`) into the library, skipping articles it already has.
    Add(add::AddArgs),
    /// Print what the library holds: articles, feeds, sources, marks, size on disk.
    Library(library::LibraryCmdArgs),
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
    /// Files or folders to open without importing them (`-` for standard input); none opens the library (the
    /// bundled sample corpus while the library is empty).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A JSON file to keep read and starred marks in (default: the library).
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

/// Where the library is (every command that reads or writes it).
#[derive(Debug, Clone, Default, Args)]
pub struct LibraryArgs {
    /// The library file (default: `$XDG_DATA_HOME/cloakroom/library.db`).
    #[arg(long = "library", value_name = "FILE", global = true)]
    pub library: Option<PathBuf>,
}

impl LibraryArgs {
    /// Opens the library this flag names, or the default one.
    ///
    /// # Errors
    /// As [`crate::library::Library::open_default`].
    pub fn open(&self) -> anyhow::Result<crate::library::Library> {
        crate::library::Library::open_default(self.library.as_deref())
    }
}

/// Parses the command line and runs what it asks for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(&args, &cli.library),
        Some(Command::Entities(args)) => entities::run(&args, &cli.library),
        Some(Command::Search(args)) => search::run(&args, &cli.library),
        Some(Command::Add(args)) => add::run(&args, &cli.library),
        Some(Command::Library(args)) => library::run(&args, &cli.library),
        Some(Command::Feed(args)) => feed::run(&args, &cli.library),
        Some(Command::Fetch(args)) => fetch::run(&args, &cli.library),
        Some(Command::Config) => crate::ui::Config::load(cli.config.config.as_deref())
            .map(|config| {
                print!("{}", config.to_toml());
                ExitCode::SUCCESS
            })
            .map_err(anyhow::Error::from),
        None => reader(cli.reader, &cli.config, &cli.library),
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
fn reader(
    args: ReaderArgs,
    config: &ConfigArgs,
    library: &LibraryArgs,
) -> anyhow::Result<ExitCode> {
    let config = crate::ui::Config::load(config.config.as_deref())?;
    let load = crate::corpus::LoadOptions::from_field_args(&args.load.fields)?;
    crate::ui::run(&crate::ui::Options {
        paths: args.paths,
        load,
        state: args.state,
        library: library.library.clone(),
        config,
    })
}
