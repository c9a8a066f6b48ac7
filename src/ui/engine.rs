//! The reader's bridge to the core: background indexing with progress, and the search worker.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use rayon::prelude::*;

use super::action::{Action, SearchOutcome, Shared, Stage};
use super::interim::{self, SearchIndex};
use crate::corpus::Article;
use crate::extract::{self, Bill, EntityIndex, Person, StoryLinks};
use crate::search::Hit;

/// Builds the corpus-wide people and bills, reporting `(done, total)` now and then.
pub fn build_entities(
    articles: &[Article],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> EntityIndex {
    let total = articles.len();
    let step = (total / 100).max(64);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let per_story: Vec<_> = articles
        .par_iter()
        .map(|a| {
            let e = extract::extract(a);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(step) {
                progress(n, total);
            }
            e
        })
        .collect();
    let mut index = EntityIndex::default();
    let mut people: HashMap<String, u32> = HashMap::new();
    let mut bills: HashMap<String, u32> = HashMap::new();
    for (i, story) in per_story.into_iter().enumerate() {
        let mut links = StoryLinks::default();
        for p in story.people {
            let id = *people.entry(p.name.clone()).or_insert_with(|| {
                index.people.push(Person {
                    name: p.name.clone(),
                    role: p.role.clone(),
                    party: p.party.clone(),
                    state: p.state.clone(),
                    ..Person::default()
                });
                (index.people.len() - 1) as u32
            });
            let person = &mut index.people[id as usize];
            person.articles.push(i as u32);
            person.mentions += p.mentions.len() as u32;
            links.people.push((id, p.mentions));
        }
        for b in story.bills {
            let id = *bills.entry(b.key.clone()).or_insert_with(|| {
                index.bills.push(Bill {
                    key: b.key.clone(),
                    label: b.label.clone(),
                    number: b.number.clone(),
                    title: b.title.clone(),
                    chamber: b.chamber.clone(),
                    sponsors: b.sponsors.clone(),
                    ..Bill::default()
                });
                (index.bills.len() - 1) as u32
            });
            let bill = &mut index.bills[id as usize];
            bill.articles.push(i as u32);
            bill.mentions += b.mentions.len() as u32;
            links.bills.push((id, b.mentions));
        }
        index.stories.push(links);
    }
    progress(total, total);
    index
}

/// The search index over a corpus and its people and bills.
pub struct SearchEngine {
    articles: Arc<Vec<Article>>,
    index: SearchIndex,
}

impl SearchEngine {
    /// Builds the index synchronously (the event loop does it on a background thread).
    pub fn build(articles: Arc<Vec<Article>>, entities: &EntityIndex) -> Self {
        let index = SearchIndex::build(&articles, entities);
        Self { articles, index }
    }

    /// Runs one query over the whole corpus.
    pub fn search(&self, query: &str) -> Result<Vec<Hit>, String> {
        self.index.search(&self.articles, query)
    }
}

/// A title-only search for while the index is building.
pub fn quick_search(articles: &[Article], query: &str) -> Result<Vec<Hit>, String> {
    interim::quick_title_search(articles, query)
}

/// Starts indexing on a background thread; progress and results arrive as actions on `tx`.
pub fn spawn_indexer(
    articles: Arc<Vec<Article>>,
    tx: Sender<Action>,
    engine_tx: Sender<Arc<SearchEngine>>,
) {
    thread::spawn(move || {
        let report = tx.clone();
        let entities = build_entities(&articles, &move |done, total| {
            let _ = report.send(Action::Progress(Stage::Entities, done, total));
        });
        let entities = Arc::new(entities);
        let _ = tx.send(Action::EntitiesReady(Shared(Arc::clone(&entities))));
        let _ = tx.send(Action::Progress(Stage::Search, 0, articles.len()));
        let engine = Arc::new(SearchEngine::build(articles, &entities));
        let _ = engine_tx.send(engine);
        let _ = tx.send(Action::SearchReady);
    });
}

/// Runs searches off the UI thread, always answering the newest query and dropping stale ones.
pub struct SearchWorker {
    queries: Sender<(u64, String)>,
    results: Receiver<SearchOutcome>,
}

impl SearchWorker {
    /// Starts the worker: title-only answers until `engine` delivers the full index.
    pub fn spawn(articles: Arc<Vec<Article>>, engine: Receiver<Arc<SearchEngine>>) -> Self {
        let (qtx, qrx) = mpsc::channel::<(u64, String)>();
        let (rtx, rrx) = mpsc::channel();
        thread::spawn(move || {
            let mut full: Option<Arc<SearchEngine>> = None;
            while let Ok(mut job) = qrx.recv() {
                while let Ok(newer) = qrx.try_recv() {
                    job = newer;
                }
                if full.is_none() {
                    full = engine.try_recv().ok();
                }
                let (generation, query) = job;
                let outcome = match &full {
                    Some(engine) => SearchOutcome {
                        generation,
                        hits: engine.search(&query),
                        partial: false,
                    },
                    None => SearchOutcome {
                        generation,
                        hits: quick_search(&articles, &query),
                        partial: true,
                    },
                };
                if rtx.send(outcome).is_err() {
                    break;
                }
            }
        });
        Self {
            queries: qtx,
            results: rrx,
        }
    }

    /// Queues a query; older queued ones are skipped.
    pub fn submit(&self, generation: u64, query: String) {
        let _ = self.queries.send((generation, query));
    }

    /// The next finished search, if any.
    pub fn try_recv(&self) -> Option<SearchOutcome> {
        self.results.try_recv().ok()
    }
}
