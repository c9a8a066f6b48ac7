//! The reader's bridge to the core: background indexing with progress, and the search worker.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

use super::action::{Action, SearchOutcome, Shared, Stage};
use crate::corpus::Article;
use crate::extract::EntityIndex;
use crate::search::{self, Hit, SearchIndex, Searcher};

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
        let query = search::parse(query).map_err(|e| e.to_string())?;
        let ranking = self
            .index
            .rank_within(
                &self.articles,
                &query,
                SEARCH_LIMIT,
                within,
                search::Sort::Relevance,
                &|| false,
            );
        Ok(ranking.map_or_else(Vec::new, |mut r| {
            r.fill(&self.index, &self.articles, 0..r.hits.len());
            r.hits
        }))
    }

    /// What the reader's worker answers first: the ranked hits (at most [`SEARCH_LIMIT`]) with
    /// match details for the first screen, and the number of matches in all.
    pub fn search_first(&self, query: &str) -> Result<(Vec<Hit>, usize), String> {
        let query = search::parse(query).map_err(|e| e.to_string())?;
        let ranking = self
            .index
            .rank_first(&self.articles, &query, SEARCH_LIMIT, None, &|| false);
        Ok(ranking.map_or((Vec::new(), 0), |r| (r.hits, r.total)))
    }
}

/// Starts indexing on a background thread; progress arrives as actions on `tx`, the search
/// index on `index_tx` just before `Action::SearchReady`.
pub fn spawn_indexer(
    articles: Arc<Vec<Article>>,
    tx: Sender<Action>,
    index_tx: Sender<Arc<SearchIndex>>,
) {
    thread::spawn(move || {
        // A pool of its own, so that searches on the global pool never queue behind indexing.
        match rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .thread_name(|i| format!("cloakroom-index-{i}"))
            .build()
        {
            Ok(pool) => pool.install(|| index_all(&articles, &tx, &index_tx)),
            Err(_) => index_all(&articles, &tx, &index_tx),
        }
    });
}

/// Finds the people and bills of every story, then builds the search index, reporting both.
fn index_all(articles: &[Article], tx: &Sender<Action>, index_tx: &Sender<Arc<SearchIndex>>) {
    let report = tx.clone();
    let entities = build_entities(articles, &move |done, total| {
        let _ = report.send(Action::Progress(Stage::Entities, done, total));
    });
    let entities = Arc::new(entities);
    let _ = tx.send(Action::EntitiesReady(Shared(Arc::clone(&entities))));
    let report = tx.clone();
    // Progress comes once per chunk of a few thousand articles: a few dozen reports at most.
    let index = SearchIndex::build_with_progress(articles, &entities, &move |done, total| {
        let _ = report.send(Action::Progress(Stage::Search, done, total));
    });
    let _ = index_tx.send(Arc::new(index));
    let _ = tx.send(Action::SearchReady);
}

/// The reader's searcher: the core [`Searcher`] (titles only until the index is installed),
/// its answers tagged with the app's own generation numbers.
pub struct SearchWorker {
    searcher: Searcher,
    /// (searcher's generation, app's generation) of the newest search.
    last: Option<(u64, u64)>,
}

impl SearchWorker {
    /// Starts the searcher; it answers from titles until [`install`](Self::install).
    pub fn spawn(articles: Arc<Vec<Article>>) -> Self {
        Self {
            searcher: Searcher::awaiting(articles, SEARCH_LIMIT),
            last: None,
        }
    }

    /// Switches to the full index.
    pub fn install(&mut self, index: Arc<SearchIndex>) {
        self.searcher.install(index);
    }

    /// Queues a query (among the articles of `within` when given); older ones become stale.
    pub fn submit(&mut self, generation: u64, query: &str, within: Option<Arc<Vec<u32>>>) {
        self.last = Some((self.searcher.submit_within(query, within), generation));
    }

    /// The newest finished search, if any.
    pub fn try_recv(&self) -> Option<SearchOutcome> {
        let (theirs, ours) = self.last?;
        let done = self.searcher.try_recv()?;
        (done.generation == theirs).then(|| SearchOutcome {
            generation: ours,
            hits: done.result.map_err(|e| e.to_string()),
            partial: !done.indexed,
            total: done.total,
        })
    }
}
