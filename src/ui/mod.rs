//! The full-screen reader: app state, actions, keymap, theme and one render function per region.

pub mod action;
pub mod app;
pub mod draw;
pub mod engine;
mod event_loop;
pub mod help;
pub mod keymap;
pub mod layout;
mod list;
pub mod open_url;
mod reader;
mod side;
pub mod status;
pub mod story;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;

use anyhow::Context;

use crate::cli::ReaderArgs;
use crate::corpus::{self, Corpus, LoadOptions};
use crate::state::ReadState;

pub use action::{Action, Effect};
pub use app::App;
pub use draw::draw;
pub use update::update;

/// Loads the corpus, then runs the reader until the user quits.
pub fn run(args: &ReaderArgs) -> anyhow::Result<ExitCode> {
    let corpus = load(args)?;
    let state_path = args.state.clone().or_else(crate::state::default_path);
    let (marks, warning) = match &state_path {
        Some(path) => ReadState::load(path),
        None => (ReadState::in_memory(), None),
    };
    let articles = Arc::new(corpus.articles);
    let mut app = App::new(Arc::clone(&articles), marks, theme::Theme::from_env());
    app.notice = warning;

    let (tx, background) = mpsc::channel();
    let (index_tx, index) = mpsc::channel();
    engine::spawn_indexer(Arc::clone(&articles), tx, index_tx);
    let mut channels = event_loop::Channels {
        background,
        index,
        searcher: engine::SearchWorker::spawn(articles),
        signals: terminal::Signals::install()?,
    };
    let mut tui = terminal::init()?;
    let guard = terminal::TerminalGuard::new();
    let result = event_loop::run(&mut tui, &mut app, &mut channels);
    drop(guard);
    if let Err(err) = app.marks.save_if_changed() {
        eprintln!("cloakroom: could not save read marks: {err}");
    }
    result.map(|()| channels.signals.exit_code())
}

/// Loads what the command line names (or the bundled corpus) and reports problems on stderr.
fn load(args: &ReaderArgs) -> anyhow::Result<Corpus> {
    let corpus = if args.paths.is_empty() {
        corpus::bundled()
    } else {
        let mut options = LoadOptions::default();
        for field in &args.load.fields {
            let (name, key) = field
                .split_once('=')
                .with_context(|| format!("--field {field}: expected FIELD=KEY"))?;
            options
                .fields
                .push((name.trim().to_owned(), key.trim().to_owned()));
        }
        corpus::load(&args.paths, &options)?
    };
    let report = &corpus.report;
    for skipped in &report.skipped {
        match skipped.line {
            Some(line) => eprintln!(
                "cloakroom: skipped {}:{line}: {}",
                skipped.file, skipped.reason
            ),
            None => eprintln!("cloakroom: skipped {}: {}", skipped.file, skipped.reason),
        }
    }
    for warning in &report.warnings {
        eprintln!("cloakroom: warning: {warning}");
    }
    if !report.duplicate_ids.is_empty() {
        eprintln!(
            "cloakroom: {} duplicate ids kept apart",
            report.duplicate_ids.len()
        );
    }
    anyhow::ensure!(!corpus.articles.is_empty(), "no stories to show");
    Ok(corpus)
}
