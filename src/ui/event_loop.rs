//! The event loop: terminal events and background reports become actions; effects are carried out here.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, Effect, Shared};
use super::app::App;
use super::draw::draw;
use super::engine::{SearchWorker, spawn_indexer};
use super::keymap;
use super::load::LoadEvent;
use super::terminal::{self, Signals, Tui};
use super::update::{search_scope, update};
use crate::corpus::{Article, LoadReport};
use crate::search::SearchIndex;

/// Marks are written at most this often while reading (and always on the way out), so a run of
/// `m`/`s` presses or opened stories does not put a file sync on every key.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// What the loop listens to besides the terminal.
pub struct Channels {
    /// Progress and results of the background indexing.
    pub background: Receiver<Action>,
    background_tx: Sender<Action>,
    /// The search index, once built.
    pub index: Receiver<Arc<SearchIndex>>,
    index_tx: Sender<Arc<SearchIndex>>,
    /// The search worker, once the corpus is loaded.
    pub searcher: Option<SearchWorker>,
    /// The rest of the corpus, while it loads.
    pub load: Option<Receiver<LoadEvent>>,
    /// What loading skipped or warned about, when it ended after the screen was taken over.
    pub report: Option<LoadReport>,
    /// SIGTERM, SIGHUP and SIGINT.
    pub signals: Signals,
}

impl Channels {
    /// Channels with nothing running yet.
    pub fn new(signals: Signals) -> Self {
        let (background_tx, background) = mpsc::channel();
        let (index_tx, index) = mpsc::channel();
        Self {
            background,
            background_tx,
            index,
            index_tx,
            searcher: None,
            load: None,
            report: None,
            signals,
        }
    }

    /// Starts the entity extraction and the search index in the background, and the searcher.
    pub fn start_indexing(&mut self, articles: Arc<Vec<Article>>) {
        spawn_indexer(
            Arc::clone(&articles),
            self.background_tx.clone(),
            self.index_tx.clone(),
        );
        self.searcher = Some(SearchWorker::spawn(articles));
    }
}

/// Turns a terminal event into an action, if it means anything here.
pub fn translate(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::resolve(app.mode, app.focus, *key)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::WheelDown(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::WheelUp(m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Runs until the user quits or a signal asks to stop.
pub fn run(terminal: &mut Tui, app: &mut App, channels: &mut Channels) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut last_save: Option<Instant> = None;
    while !app.quit {
        if dirty {
            terminal.draw(|frame| draw(frame, app))?;
            dirty = false;
        }
        if event::poll(Duration::from_millis(30))? {
            loop {
                let event = event::read()?;
                if let Some(action) = translate(app, &event) {
                    dirty = true;
                    dispatch(terminal, app, channels, action)?;
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if channels.load.is_some() {
            dirty |= receive_stories(terminal, app, channels)?;
        }
        if let Ok(index) = channels.index.try_recv()
            && let Some(searcher) = &mut channels.searcher
        {
            searcher.install(index);
        }
        while let Ok(action) = channels.background.try_recv() {
            dirty = true;
            dispatch(terminal, app, channels, action)?;
        }
        while let Some(outcome) = channels.searcher.as_ref().and_then(SearchWorker::try_recv) {
            dirty = true;
            dispatch(terminal, app, channels, Action::SearchResults(outcome))?;
        }
        if app.marks.is_dirty() && last_save.is_none_or(|t| t.elapsed() >= SAVE_EVERY) {
            save_marks(app);
            last_save = Some(Instant::now());
        }
        if channels.signals.pending().is_some() {
            app.quit = true;
        }
    }
    Ok(())
}

/// Takes in the stories loaded since the last look; a load error ends the reader (and is printed
/// once the terminal is restored). True when anything arrived.
fn receive_stories(
    terminal: &mut Tui,
    app: &mut App,
    channels: &mut Channels,
) -> anyhow::Result<bool> {
    let Some(load) = &channels.load else {
        return Ok(false);
    };
    let mut batch = Vec::new();
    let mut done = None;
    while let Ok(event) = load.try_recv() {
        match event {
            LoadEvent::Batch(mut more) => batch.append(&mut more),
            LoadEvent::Done(result) => {
                done = Some(result);
                break;
            }
        }
    }
    let any = !batch.is_empty() || done.is_some();
    if !batch.is_empty() {
        dispatch(
            terminal,
            app,
            channels,
            Action::MoreStories(Shared(Arc::new(batch))),
        )?;
    }
    if let Some(result) = done {
        channels.load = None;
        let report = result?;
        let skipped = report.skipped.len();
        channels.report = Some(report);
        dispatch(terminal, app, channels, Action::Loaded { skipped })?;
    }
    Ok(any)
}

/// Saves changed marks; a failure shows in the status bar and the marks stay dirty for a retry.
fn save_marks(app: &mut App) {
    if let Err(err) = app.marks.save_if_changed() {
        update(
            app,
            Action::Notify(format!("Could not save read marks: {err}")),
        );
    }
}

/// Updates the state and carries out the effects it asks for.
fn dispatch(
    terminal: &mut Tui,
    app: &mut App,
    channels: &mut Channels,
    action: Action,
) -> anyhow::Result<()> {
    for effect in update(app, action) {
        match effect {
            Effect::Search(generation, query) => {
                // While the corpus loads there is no searcher yet: `update` asks again once the
                // load ends.
                if let Some(searcher) = &mut channels.searcher {
                    searcher.submit(generation, &query, search_scope(app).map(Arc::new));
                }
            }
            Effect::StartIndexing => channels.start_indexing(Arc::clone(&app.articles)),
            // The marks are dirty now; the loop writes them, at most once per `SAVE_EVERY`.
            Effect::SaveState => {}
            Effect::OpenUrl(url) => {
                if let Err(err) = super::open_url::open_url(&url) {
                    update(
                        app,
                        Action::Notify(format!("Could not open the link: {err}")),
                    );
                }
            }
            Effect::Suspend => {
                terminal::suspend(terminal)?;
                let size = terminal.size()?;
                update(app, Action::Resize(size.width, size.height));
            }
        }
    }
    Ok(())
}
