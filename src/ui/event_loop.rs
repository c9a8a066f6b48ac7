//! The event loop: terminal events and background reports become actions; effects are carried out here.

use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, Effect};
use super::app::App;
use super::draw::draw;
use super::engine::SearchWorker;
use super::keymap;
use super::terminal::{self, Signals, Tui};
use super::update::update;
use crate::search::SearchIndex;

/// Marks are written at most this often while reading (and always on the way out), so a run of
/// `m`/`s` presses or opened stories does not put a file sync on every key.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// What the loop listens to besides the terminal.
pub struct Channels {
    /// Progress and results of the background indexing.
    pub background: Receiver<Action>,
    /// The search index, once built.
    pub index: Receiver<Arc<SearchIndex>>,
    /// The search worker.
    pub searcher: SearchWorker,
    /// SIGTERM, SIGHUP and SIGINT.
    pub signals: Signals,
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
        if let Ok(index) = channels.index.try_recv() {
            channels.searcher.install(index);
        }
        while let Ok(action) = channels.background.try_recv() {
            dirty = true;
            dispatch(terminal, app, channels, action)?;
        }
        while let Some(outcome) = channels.searcher.try_recv() {
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
            Effect::Search(generation, query) => channels.searcher.submit(generation, &query),
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
