//! The event loop: it blocks on the one channel, turns each message into actions, carries out their effects, and draws after each batch.

use std::sync::Arc;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, Effect, Shared};
use super::app::App;
use super::bus::{Bus, Extractor, Msg};
use super::draw::draw;
use super::engine::{SEARCH_LIMIT, spawn_indexer};
use super::load::LoadEvent;
use super::terminal::{self, Tui};
use super::update::{search_scope, update};
use crate::corpus::{Article, LoadReport};
use crate::search::Searcher;

/// Marks are written at most this often while reading (and always on the way out), so a run of
/// `m`/`s` presses or opened stories does not put a file sync on every key.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// A batch of messages is cut after this long so that a backlog of input (a paste into a
/// terminal without bracketed paste, a held key) never holds back the next frame.
const BATCH_BUDGET: Duration = Duration::from_millis(8);

/// The background workers the loop drives, and what they reported.
pub struct Workers {
    /// The channel every source sends into.
    pub bus: Bus,
    /// The searcher, once the corpus is loaded.
    searcher: Option<Searcher>,
    /// Finds one story's people and bills off this thread while the corpus index builds.
    extractor: Extractor,
    /// What loading skipped or warned about, when it ended after the screen was taken over.
    pub report: Option<LoadReport>,
    /// The library that `r` fetches into (`None`: the default one).
    pub library: Option<std::path::PathBuf>,
}

impl Workers {
    /// Workers on this bus, with nothing indexing yet.
    pub fn new(bus: Bus) -> Self {
        let extractor = bus.spawn_extractor();
        Self {
            bus,
            searcher: None,
            extractor,
            report: None,
            library: None,
        }
    }

    /// Starts the entity extraction and the search index in the background, and the searcher.
    pub fn start_indexing(&mut self, articles: Arc<Vec<Article>>) {
        spawn_indexer(Arc::clone(&articles), self.bus.sender());
        self.searcher = Some(self.bus.searcher(articles, SEARCH_LIMIT));
    }
}

/// Turns a terminal event into an action, if it means anything here.
pub fn translate(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.resolve(app.mode, app.focus, *key)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::WheelDown(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::WheelUp(m.column, m.row)),
            _ => None,
        },
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// What one batch of messages left for the end of the batch.
#[derive(Default)]
struct Batch {
    /// Something changed on screen.
    dirty: bool,
    /// The newest search asked for (earlier ones in the batch are stale already).
    search: Option<(u64, String)>,
}

/// Runs until the user quits, a signal ends the reader, or the terminal goes away.
pub fn run(terminal: &mut Tui, app: &mut App, workers: &mut Workers) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    terminal.draw(|frame| draw(frame, app))?;
    let mut last_save: Option<Instant> = None;
    while !app.quit {
        // Block until something happens; the only timer is the next write of changed marks.
        let save_in = app
            .marks
            .is_dirty()
            .then(|| last_save.map_or(Duration::ZERO, |t| SAVE_EVERY.saturating_sub(t.elapsed())));
        let first = match save_in {
            Some(wait) => match workers.bus.receiver().recv_timeout(wait) {
                Ok(msg) => Some(msg),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match workers.bus.receiver().recv() {
                Ok(msg) => Some(msg),
                Err(_) => break,
            },
        };
        let mut batch = Batch::default();
        if let Some(msg) = first {
            let started = Instant::now();
            handle(terminal, app, workers, msg, &mut batch)?;
            while !app.quit && started.elapsed() < BATCH_BUDGET {
                let Ok(msg) = workers.bus.receiver().try_recv() else {
                    break;
                };
                handle(terminal, app, workers, msg, &mut batch)?;
            }
        }
        if let Some((generation, query)) = batch.search.take()
            && let Some(searcher) = &workers.searcher
        {
            searcher.submit_sorted_as(
                generation,
                &query,
                search_scope(app).map(Arc::new),
                app.sort,
            );
        }
        if app.marks.is_dirty() && last_save.is_none_or(|t| t.elapsed() >= SAVE_EVERY) {
            save_marks(app);
            last_save = Some(Instant::now());
        }
        if batch.dirty && !app.quit {
            terminal.draw(|frame| draw(frame, app))?;
        }
    }
    Ok(())
}

/// Carries out one message.
fn handle(
    terminal: &mut Tui,
    app: &mut App,
    workers: &mut Workers,
    msg: Msg,
    batch: &mut Batch,
) -> anyhow::Result<()> {
    match msg {
        Msg::Input(event) => {
            if let Some(action) = translate(app, &event) {
                dispatch(terminal, app, workers, action, batch)?;
            }
        }
        Msg::InputGone(why) => anyhow::bail!("lost the terminal: {why}"),
        Msg::Do(action) => dispatch(terminal, app, workers, action, batch)?,
        Msg::Load(event) => receive_load(terminal, app, workers, event, batch)?,
        Msg::Index(index) => {
            if let Some(searcher) = &workers.searcher {
                searcher.install(index);
            }
        }
        // The exit status comes from `Signals`, which kept the first one.
        Msg::Signal(_) => app.quit = true,
    }
    Ok(())
}

/// Takes in stories loaded in the background; a load error ends the reader (and is printed once
/// the terminal is restored).
fn receive_load(
    terminal: &mut Tui,
    app: &mut App,
    workers: &mut Workers,
    event: LoadEvent,
    batch: &mut Batch,
) -> anyhow::Result<()> {
    match event {
        LoadEvent::Batch(more) => dispatch(
            terminal,
            app,
            workers,
            Action::MoreStories(Shared(Arc::new(more))),
            batch,
        ),
        LoadEvent::Done(result) => {
            let report = result?;
            let skipped = report.skipped.len();
            workers.report = Some(report);
            dispatch(terminal, app, workers, Action::Loaded { skipped }, batch)
        }
    }
}

/// Saves changed marks; a failure shows in the status bar and the marks stay dirty for a retry.
fn save_marks(app: &mut App) {
    if let Err(err) = app.marks.save_if_changed() {
        update(app, Action::Notify(err.to_string()));
    }
}

/// Updates the state and carries out the effects it asks for.
fn dispatch(
    terminal: &mut Tui,
    app: &mut App,
    workers: &mut Workers,
    action: Action,
    batch: &mut Batch,
) -> anyhow::Result<()> {
    batch.dirty = true;
    for effect in update(app, action) {
        match effect {
            // Sent at the end of the batch; while the corpus loads there is no searcher yet, and
            // `update` asks again once the load ends.
            Effect::Search(generation, query) => batch.search = Some((generation, query)),
            Effect::StartIndexing => workers.start_indexing(Arc::clone(&app.articles)),
            Effect::ExtractStory(index) => {
                if let Some(article) = app.articles.get(index) {
                    workers.extractor.submit(index, article.clone());
                }
            }
            Effect::FetchFeeds => super::fetcher::spawn_fetch(
                workers.bus.sender(),
                workers.library.clone(),
                crate::feeds::HttpConfig::default(),
            ),
            Effect::ListFeeds => {
                super::fetcher::spawn_list(workers.bus.sender(), workers.library.clone());
            }
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
