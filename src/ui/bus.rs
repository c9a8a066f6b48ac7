//! The one channel the event loop blocks on: terminal input, loader, indexer, searcher, extractor and signals all send into it.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::{self, Event};

use super::action::{Action, SearchOutcome, Shared};
use super::load::LoadEvent;
use super::terminal::Signal;
use crate::corpus::Article;
use crate::search::{SearchIndex, SearchResult, Searcher};

/// Everything the event loop hears about, in the order it happened.
#[derive(Debug)]
pub enum Msg {
    /// A key, mouse, paste or resize event from the terminal.
    Input(Event),
    /// Reading the terminal failed (it went away): why.
    InputGone(String),
    /// A background report, as the action it becomes.
    Do(Action),
    /// More of the corpus, or the end of loading.
    Load(LoadEvent),
    /// The search index is built: hand it to the searcher (the `SearchReady` action follows).
    Index(Arc<SearchIndex>),
    /// A signal that ends the reader arrived.
    Signal(Signal),
}

/// The channel: senders for every source, one receiver for the loop.
pub struct Bus {
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
}

impl Default for Bus {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        Self { tx, rx }
    }
}

impl Bus {
    /// A sender for another source.
    pub fn sender(&self) -> Sender<Msg> {
        self.tx.clone()
    }

    /// The loop's end of the channel.
    pub fn receiver(&self) -> &Receiver<Msg> {
        &self.rx
    }

    /// Starts the thread that reads terminal events and sends them into the channel. It blocks
    /// in `crossterm::event::read`, so input costs nothing while nothing happens.
    pub fn spawn_input(&self) -> std::io::Result<()> {
        let tx = self.sender();
        thread::Builder::new()
            .name("cloakroom-input".to_owned())
            .spawn(move || {
                loop {
                    match event::read() {
                        Ok(ev) => {
                            if tx.send(Msg::Input(ev)).is_err() {
                                return;
                            }
                        }
                        Err(err) => {
                            let _ = tx.send(Msg::InputGone(err.to_string()));
                            return;
                        }
                    }
                }
            })
            .map(|_| ())
    }

    /// Forwards the rest of a background load into the channel.
    pub fn forward_load(&self, rest: Receiver<LoadEvent>) {
        let tx = self.sender();
        thread::spawn(move || {
            for event in rest {
                if tx.send(Msg::Load(event)).is_err() {
                    return;
                }
            }
        });
    }

    /// A searcher (titles only until its index is installed) whose answers arrive as
    /// `SearchResults` actions, tagged with the generation the app gave the query.
    pub fn searcher(&self, articles: Arc<Vec<Article>>, limit: usize) -> Searcher {
        let tx = self.sender();
        Searcher::with_sink(
            articles,
            limit,
            Box::new(move |done: SearchResult| {
                let outcome = SearchOutcome {
                    generation: done.generation,
                    hits: done.result.map_err(|e| e.to_string()),
                    partial: !done.indexed,
                    total: done.total,
                };
                tx.send(Msg::Do(Action::SearchResults(outcome))).is_ok()
            }),
        )
    }

    /// Starts the thread that finds one story's people and bills while the corpus index is
    /// not ready; only the newest request is worked on.
    pub fn spawn_extractor(&self) -> Extractor {
        let (jobs, rx) = mpsc::channel::<(usize, Article)>();
        let tx = self.sender();
        thread::spawn(move || {
            while let Ok(mut job) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                let (index, article) = job;
                let found = crate::extract::extract(&article);
                let action = Action::StoryEntities(index, Shared(Arc::new(found)));
                if tx.send(Msg::Do(action)).is_err() {
                    return;
                }
            }
        });
        Extractor { jobs }
    }
}

/// The extraction thread's queue.
pub struct Extractor {
    jobs: Sender<(usize, Article)>,
}

impl Extractor {
    /// Asks for the people and bills of `article` (its index in the corpus).
    pub fn submit(&self, index: usize, article: Article) {
        let _ = self.jobs.send((index, article));
    }
}
