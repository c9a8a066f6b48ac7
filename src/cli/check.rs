//! `cloakroom check`: load a corpus and summarize what was read, skipped and found.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::LoadArgs;

/// Arguments of `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files or folders to check; none checks the bundled corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Runs `check`.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("check is not implemented yet")
}
