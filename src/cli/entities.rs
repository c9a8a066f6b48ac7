//! `cloakroom entities`: print the people and bills found in a corpus, as a table or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::LoadArgs;

/// Arguments of `entities`.
#[derive(Debug, Clone, Args)]
pub struct EntitiesArgs {
    /// Files or folders; none uses the bundled corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Runs `entities`.
pub fn run(args: &EntitiesArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("entities is not implemented yet")
}
