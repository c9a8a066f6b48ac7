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
pub mod load;
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

use anyhow::Context;

use crate::cli::ReaderArgs;
use crate::corpus::{self, LoadOptions, LoadReport};
use crate::state::ReadState;

pub use action::{Action, Effect};
pub use app::App;
pub use draw::draw;
pub use update::update;

/// Loads the corpus (showing the list as soon as the first stories are in), then runs the
/// reader until the user quits.
pub fn run(args: &ReaderArgs) -> anyhow::Result<ExitCode> {
    let start = start(args)?;
    let mut articles = start.articles;
    if let Some(mut report) = start.report {
        report.duplicate_ids = corpus::dedupe_ids(&mut articles);
        print_report(&report);
        anyhow::ensure!(!articles.is_empty(), "no stories to show");
    }
    let state_path = args.state.clone().or_else(crate::state::default_path);
    let (marks, warning) = match &state_path {
        Some(path) => ReadState::load(path),
        None => (ReadState::in_memory(), None),
    };
    let mut app = App::new(Arc::new(articles), marks, theme::Theme::from_env());
    app.notice.clone_from(&warning);
    let mut channels = event_loop::Channels::new(terminal::Signals::install()?);
    match start.rest {
        Some(rest) => {
            app.progress = app::Progress::Loading(app.articles.len());
            channels.load = Some(rest);
        }
        None => channels.start_indexing(Arc::clone(&app.articles)),
    }
    let mut tui = terminal::init()?;
    let guard = terminal::TerminalGuard::new();
    let result = event_loop::run(&mut tui, &mut app, &mut channels);
    drop(guard);
    if let Some(report) = &channels.report {
        print_report(report);
    }
    // The status bar showed it until the first key; say it again where it stays.
    if let Some(warning) = warning {
        eprintln!("cloakroom: warning: {warning}");
    }
    // A failed last save is not exit 0 with the marks gone: say so, naming the state file.
    let saved = app.marks.save_if_changed();
    if let Err(err) = &saved {
        eprintln!("cloakroom: {err}");
    }
    result.map(|()| match (saved, channels.signals.received()) {
        (Err(_), None) => ExitCode::from(1),
        _ => channels.signals.exit_code(),
    })
}

/// The bundled corpus, or what the command line names as far as it loads within the first
/// frame's budget (load errors before then, such as a missing path, are returned, to be printed
/// as normal errors).
fn start(args: &ReaderArgs) -> anyhow::Result<load::Start> {
    if args.paths.is_empty() {
        let corpus = corpus::bundled();
        return Ok(load::Start {
            articles: corpus.articles,
            report: Some(corpus.report),
            rest: None,
        });
    }
    let mut options = LoadOptions::default();
    for field in &args.load.fields {
        let (name, key) = field
            .split_once('=')
            .with_context(|| format!("--field {field}: expected FIELD=KEY"))?;
        options
            .fields
            .push((name.trim().to_owned(), key.trim().to_owned()));
    }
    let events = load::spawn(args.paths.clone(), options);
    load::first_screen(events, load::FIRST_FRAME_BUDGET)
}

/// Prints skipped records, warnings and duplicate ids to standard error.
fn print_report(report: &LoadReport) {
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
}
