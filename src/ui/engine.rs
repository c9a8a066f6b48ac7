//! The reader's bridge to the core: background indexing with progress, and synchronous search for tests.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::thread;

use super::action::{Action, Shared, Stage};
use super::bus::Msg;
use super::load::Saved;
use crate::corpus::Article;
use crate::extract::EntityIndex;
use crate::library::{Library, SnapshotKey, build_index, snapshot_path, write_snapshot};
use crate::search::{self, Hit, SearchIndex};

/// Builds the corpus-wide people and bills, reporting `(done, total)` about a hundred times.
pub fn build_entities(
    articles: &[Article],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> EntityIndex {
    let total = articles.len();
    let step = (total / 100).max(1);
    let last = AtomicUsize::new(0);
    EntityIndex::build_with_progress(articles, &|done| {
        let bucket = done / step;
        if last.fetch_max(bucket, Ordering::Relaxed) < bucket {
            progress(done, total);
        }
    })
}

/// How many hits one search returns to the list (match details come for the first screen at
/// once and for the rest just after).
pub const SEARCH_LIMIT: usize = 2000;

/// The search index over a corpus, searched synchronously (tests, benchmarks).
pub struct SearchEngine {
    articles: Arc<Vec<Article>>,
    index: Arc<SearchIndex>,
}

impl SearchEngine {
    /// Builds the index synchronously (the event loop does it on a background thread).
    pub fn build(articles: Arc<Vec<Article>>, entities: &EntityIndex) -> Self {
        let index = Arc::new(SearchIndex::build(&articles, entities));
        Self { articles, index }
    }

    /// Runs one query among the articles of `within` (all when `None`), with match details for
    /// every hit.
    pub fn search(&self, query: &str, within: Option<&[u32]>) -> Result<Vec<Hit>, String> {
        self.search_sorted(query, within, search::Sort::Relevance)
    }

    /// Like [`search`](Self::search), in the order `sort` asks for.
    pub fn search_sorted(
        &self,
        query: &str,
        within: Option<&[u32]>,
        sort: search::Sort,
    ) -> Result<Vec<Hit>, String> {
        let query = search::parse(query).map_err(|e| e.to_string())?;
        let ranking =
            self.index
                .rank_within(&self.articles, &query, SEARCH_LIMIT, within, sort, &|| {
                    false
                });
        Ok(ranking.map_or_else(Vec::new, |mut r| {
            r.fill(&self.index, &self.articles, 0..r.hits.len());
            r.hits
        }))
    }

    /// What the reader's worker answers first: the ranked hits (at most [`SEARCH_LIMIT`]) with
    /// match details for the first screen, and the number of matches in all.
    pub fn search_first(&self, query: &str) -> Result<(Vec<Hit>, usize), String> {
        let query = search::parse(query).map_err(|e| e.to_string())?;
        let ranking = self.index.rank_first(
            &self.articles,
            &query,
            SEARCH_LIMIT,
            None,
            search::Sort::Relevance,
            &|| false,
        );
        Ok(ranking.map_or((Vec::new(), 0), |r| (r.hits, r.total)))
    }
}

/// Where a library's stories are indexed from: its file (cache of people and bills), what was read from it, and
/// its saved index as it is being read.
pub struct IndexSource {
    /// The library file.
    pub path: PathBuf,
    /// The stories read from it.
    pub key: SnapshotKey,
    /// The saved index, if not taken by an earlier indexing.
    pub saved: Option<Receiver<Saved>>,
}

/// Starts indexing on a background thread; progress arrives on the bus as actions, the search
/// index as [`Msg::Index`] just before `Action::SearchReady`. With a library, a saved index of the same
/// stories is used as it is; otherwise people and bills come from the library's cache where it has them, and
/// what was built is saved for the next launch.
pub fn spawn_indexer(articles: Arc<Vec<Article>>, tx: Sender<Msg>, library: Option<IndexSource>) {
    thread::spawn(move || {
        // A pool of its own, so that searches on the global pool never queue behind indexing.
        match rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .thread_name(|i| format!("cloakroom-index-{i}"))
            .build()
        {
            Ok(pool) => pool.install(|| index_all(&articles, &tx, library)),
            Err(_) => index_all(&articles, &tx, library),
        }
    });
}

/// Finds the people and bills of every story, then builds the search index, reporting both.
fn index_all(articles: &[Article], tx: &Sender<Msg>, library: Option<IndexSource>) {
    let whole = library
        .as_ref()
        .is_some_and(|l| l.key.count == articles.len() as u64);
    if whole
        && let Some(saved) = library.as_ref().and_then(|l| l.saved.as_ref())
        && let Ok(Some(saved)) = saved.recv()
    {
        let (entities, index) = *saved;
        let _ = tx.send(Msg::Do(Action::EntitiesReady(Shared(Arc::new(entities)))));
        let _ = tx.send(Msg::Index(Arc::new(index)));
        let _ = tx.send(Msg::Do(Action::SearchReady));
        return;
    }
    let report = tx.clone();
    let progress = move |done, total| {
        let _ = report.send(Msg::Do(Action::Progress(Stage::Entities, done, total)));
    };
    let mut cache = library.as_ref().and_then(|l| Library::open(&l.path).ok());
    let (entities, fresh) = match &cache {
        Some(lib) => {
            let cached = lib.cached_extractions().unwrap_or_default();
            let total = articles.len();
            let built = build_index(articles, &cached, &|done| progress(done, total));
            drop(cached);
            (built.index, built.fresh)
        }
        None => (build_entities(articles, &progress), Vec::new()),
    };
    let entities = Arc::new(entities);
    let _ = tx.send(Msg::Do(Action::EntitiesReady(Shared(Arc::clone(
        &entities,
    )))));
    let flat = crate::extract::card::CardIndex::build(&entities, articles);
    let _ = tx.send(Msg::Do(Action::CardIndexReady(Shared(Arc::new(flat)))));
    let report = tx.clone();
    // Progress comes once per chunk of a few thousand articles: a few dozen reports at most.
    let index = Arc::new(SearchIndex::build_with_progress(
        articles,
        &entities,
        &move |done, total| {
            let _ = report.send(Msg::Do(Action::Progress(Stage::Search, done, total)));
        },
    ));
    // Taken before the reader hears the index is ready, so that a reader quitting at once still waits for
    // the save below (after the terminal is given back).
    let saving = SAVING.lock();
    let _ = tx.send(Msg::Index(Arc::clone(&index)));
    let _ = tx.send(Msg::Do(Action::SearchReady));
    // Last, so it never delays the reader.
    if let Some(lib) = cache.as_mut()
        && !fresh.is_empty()
    {
        let _ = lib.store_extractions(&fresh);
    }
    if let Some(source) = library.filter(|_| whole) {
        let _ = write_snapshot(&snapshot_path(&source.path), source.key, &entities, &index);
    }
    drop(saving);
}

/// Held while the indexer saves what it built into the library; the reader takes it on its way out.
pub static SAVING: std::sync::Mutex<()> = std::sync::Mutex::new(());
