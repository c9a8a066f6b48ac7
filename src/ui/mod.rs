//! The full-screen reader: app state, actions, keymap, theme and one render function per region.

pub mod open_url;
pub mod terminal;

use std::process::ExitCode;

use crate::cli::ReaderArgs;

/// Loads the corpus, then runs the reader until the user quits.
pub fn run(args: &ReaderArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("the reader is not implemented yet")
}
