//! The full-screen reader: app state, actions, keymap, theme and one render function per region.

pub mod action;
mod actions;
pub mod app;
mod bus;
pub mod config;
pub mod draw;
pub mod engine;
mod event_loop;
pub mod feeds;
mod feeds_view;
mod fetcher;
pub mod help;
pub mod keymap;
pub mod keynames;
pub mod layout;
mod list;
pub mod load;
pub mod open_url;
mod reader;
mod side;
mod side_items;
pub mod status;
pub mod story;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;
mod wrap;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::corpus::{self, LoadOptions, LoadReport};
use crate::state::ReadState;

pub use action::{Action, Effect};
pub use app::App;
pub use config::Config;
pub use draw::draw;
pub use update::update;

/// What the reader is asked to open, and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files or folders to open (`-` for standard input); none opens the bundled corpus.
    pub paths: Vec<PathBuf>,
    /// How records' fields map to the article's.
    pub load: LoadOptions,
    /// A JSON file to keep read and starred marks in (`--state`); `None` keeps them in the library.
    pub state: Option<PathBuf>,
    /// The library (`--library`; `None`: the default one). With no paths its stories open; `r` fetches feeds into
    /// it and `F` lists them.
    pub library: Option<PathBuf>,
    /// Keys, colours and layout, from the config file.
    pub config: Config,
}

/// Loads the corpus (showing the list as soon as the first stories are in), then runs the
/// reader until the user quits.
pub fn run(options: &Options) -> anyhow::Result<ExitCode> {
    let start = start(options)?;
    let mut articles = start.articles;
    if let Some(mut report) = start.report {
        report.duplicate_ids = corpus::dedupe_ids(&mut articles);
        print_report(&report);
        anyhow::ensure!(!articles.is_empty(), "no stories to show");
    }
    let (marks, warning) = marks(options);
    let mut app = App::new(Arc::new(articles), marks, options.config.theme());
    options.config.apply(&mut app);
    app.notice.clone_from(&warning);
    let bus = bus::Bus::default();
    let tx = bus.sender();
    let signals = terminal::Signals::install(move |signal| {
        let _ = tx.send(bus::Msg::Signal(signal));
    })?;
    let mut workers = event_loop::Workers::new(bus);
    workers.library.clone_from(&options.library);
    fetcher::spawn_list(workers.bus.sender(), options.library.clone());
    match start.rest {
        Some(rest) => {
            app.start_loading();
            workers.bus.forward_load(rest);
        }
        None => workers.start_indexing(Arc::clone(&app.articles)),
    }
    let mut tui = terminal::init()?;
    let guard = terminal::TerminalGuard::new();
    workers.bus.spawn_input()?;
    let result = event_loop::run(&mut tui, &mut app, &mut workers);
    drop(guard);
    if let Some(report) = &workers.report {
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
    result.map(|()| match (saved, signals.received()) {
        (Err(_), None) => ExitCode::from(1),
        _ => signals.exit_code(),
    })
}

/// The read and starred marks: in the `--state` file when one is named, else in the library (an old default
/// `state.json` is moved into it first, once), else (no data directory) only in memory.
fn marks(options: &Options) -> (ReadState, Option<String>) {
    if let Some(path) = &options.state {
        return ReadState::load(path);
    }
    let Some(library) = options
        .library
        .clone()
        .or_else(crate::library::default_path)
    else {
        return (ReadState::in_memory(), None);
    };
    let moved = crate::state::default_path()
        .filter(|json| json.exists())
        .and_then(|json| crate::state::migrate_json(&json, &library));
    let (marks, warning) = ReadState::load_library(&library);
    (marks, warning.or(moved))
}

/// The bundled corpus, or what the options name as far as it loads within the first frame's
/// budget (load errors before then, such as a missing path, are returned, to be printed as
/// normal errors).
fn start(options: &Options) -> anyhow::Result<load::Start> {
    if options.paths.is_empty() {
        if let Some(events) = load::spawn_library(options.library.as_deref())? {
            return load::first_screen(events, load::FIRST_FRAME_BUDGET);
        }
        let corpus = corpus::bundled();
        return Ok(load::Start {
            articles: corpus.articles,
            report: Some(corpus.report),
            rest: None,
        });
    }
    let events = load::spawn(options.paths.clone(), options.load.clone());
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
