//! `cloakroom search`: answer one or more queries against a loaded corpus.

use std::process::ExitCode;

use clap::Args;

use super::LoadArgs;

/// Arguments of `search`.
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Files or folders, then the query (unless queries are given with `-q`).
    #[arg(value_name = "PATH... QUERY")]
    pub args: Vec<String>,
    /// A query (repeatable); with `-q` every positional argument is a path.
    #[arg(short = 'q', long = "query", value_name = "QUERY")]
    pub queries: Vec<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Print at most N stories per query.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print timings to standard error.
    #[arg(long)]
    pub stats: bool,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Runs `search`.
pub fn run(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("search is not implemented yet")
}
