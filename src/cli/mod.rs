//! The command line: clap definitions and dispatch to the reader and the headless subcommands.

mod check;
mod entities;
mod search;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

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

/// Parses the command line and runs what it asks for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Entities(args)) => entities::run(&args),
        Some(Command::Search(args)) => search::run(&args),
        None => crate::ui::run(&cli.reader),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("cloakroom: {err:#}");
            ExitCode::from(2)
        }
    }
}
