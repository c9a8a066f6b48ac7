//! The background searcher the reader uses: one thread, newest query wins, stale work dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use super::{Hit, QueryError, SearchIndex, Sort, parse, quick_title_search};
use crate::corpus::Article;
use crate::extract::EntityIndex;

/// A finished search.
#[derive(Debug, Clone)]
pub struct SearchResult {
    /// The number [`Searcher::submit`] returned for this query.
    pub generation: u64,
    /// The query text as submitted.
    pub query: String,
    /// The ranked hits (with match details), or why the query is malformed.
    pub result: Result<Vec<Hit>, QueryError>,
    /// How many stories matched in all (the hits stop at the limit).
    pub total: usize,
    /// Time from the start of the search to its result.
    pub elapsed: Duration,
    /// False when the index was still being built and only titles were searched.
    pub indexed: bool,
    /// False when only the first [`FIRST_DETAILS`] hits have their match details yet: a second
    /// result for the same generation follows with all of them (unless a newer query came).
    pub complete: bool,
}

/// Hits whose match details come with the first answer (more than a screen); the rest follow.
pub const FIRST_DETAILS: usize = 64;

struct Job {
    generation: u64,
    text: String,
    within: Option<Arc<Vec<u32>>>,
    sort: Sort,
}

/// Where a searcher delivers its results; false when nobody listens any more.
pub type Sink = Box<dyn Fn(SearchResult) -> bool + Send>;

/// Runs searches on a background thread. `submit` never blocks; results go to the sink given
/// at the start ([`Searcher::with_sink`]), or to an inner channel read by `try_recv`.
/// Submitting makes every older query stale: a pending one is skipped and a running one stops
/// at its next check.
pub struct Searcher {
    jobs: Option<Sender<Job>>,
    results: Receiver<SearchResult>,
    generation: Arc<AtomicU64>,
    index: Arc<OnceLock<Arc<SearchIndex>>>,
    worker: Option<thread::JoinHandle<()>>,
}

impl Searcher {
    /// A searcher over an index that is already built. Each result holds at most `limit` hits.
    pub fn new(articles: Arc<Vec<Article>>, index: Arc<SearchIndex>, limit: usize) -> Searcher {
        let cell = Arc::new(OnceLock::new());
        let _ = cell.set(index);
        Self::start(articles, cell, limit)
    }

    /// A searcher that builds the index on its own thread first; until it is ready, queries are
    /// answered by [`quick_title_search`] (results say `indexed: false`).
    pub fn building(
        articles: Arc<Vec<Article>>,
        entities: Arc<EntityIndex>,
        limit: usize,
    ) -> Searcher {
        let cell = Arc::new(OnceLock::new());
        let (a, c) = (Arc::clone(&articles), Arc::clone(&cell));
        thread::spawn(move || {
            let _ = c.set(Arc::new(SearchIndex::build(&a, &entities)));
        });
        Self::start(articles, cell, limit)
    }

    /// A searcher whose index is built elsewhere and handed over with [`install`](Self::install);
    /// until then, queries are answered by [`quick_title_search`] (results say `indexed: false`).
    pub fn awaiting(articles: Arc<Vec<Article>>, limit: usize) -> Searcher {
        Self::start(articles, Arc::new(OnceLock::new()), limit)
    }

    /// As [`awaiting`](Self::awaiting), delivering every result to `sink` (the reader's event
    /// channel) instead of the inner channel, so that the caller can block on one channel.
    pub fn with_sink(articles: Arc<Vec<Article>>, limit: usize, sink: Sink) -> Searcher {
        let (_, results) = mpsc::channel();
        Self::start_with(articles, Arc::new(OnceLock::new()), limit, results, sink)
    }

    /// Hands over the index for [`awaiting`](Self::awaiting); false if there was one already.
    pub fn install(&self, index: Arc<SearchIndex>) -> bool {
        self.index.set(index).is_ok()
    }

    fn start(
        articles: Arc<Vec<Article>>,
        index: Arc<OnceLock<Arc<SearchIndex>>>,
        limit: usize,
    ) -> Searcher {
        let (res_tx, res_rx) = mpsc::channel();
        let sink: Sink = Box::new(move |result| res_tx.send(result).is_ok());
        Self::start_with(articles, index, limit, res_rx, sink)
    }

    fn start_with(
        articles: Arc<Vec<Article>>,
        index: Arc<OnceLock<Arc<SearchIndex>>>,
        limit: usize,
        results: Receiver<SearchResult>,
        sink: Sink,
    ) -> Searcher {
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let generation = Arc::new(AtomicU64::new(0));
        let (g, ix) = (Arc::clone(&generation), Arc::clone(&index));
        let worker = thread::spawn(move || run(&articles, &ix, &g, limit, &job_rx, &*sink));
        Searcher {
            jobs: Some(job_tx),
            results,
            generation,
            index,
            worker: Some(worker),
        }
    }

    /// Queues a search and returns its generation number (increasing).
    pub fn submit(&self, query: &str) -> u64 {
        self.submit_within(query, None)
    }

    /// Queues a search among the articles listed in `within` (all when `None`).
    pub fn submit_within(&self, query: &str, within: Option<Arc<Vec<u32>>>) -> u64 {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.queue(generation, query, within);
        generation
    }

    /// Queues a search under the caller's own generation number, which must be greater than
    /// every earlier one (the reader numbers its queries itself: one counter, owned by the app).
    pub fn submit_as(&self, generation: u64, query: &str, within: Option<Arc<Vec<u32>>>) {
        self.submit_sorted_as(generation, query, within, Sort::Relevance);
    }

    /// Like [`submit_as`](Self::submit_as), with the results in the order `sort` asks for.
    pub fn submit_sorted_as(
        &self,
        generation: u64,
        query: &str,
        within: Option<Arc<Vec<u32>>>,
        sort: Sort,
    ) {
        self.generation.fetch_max(generation, Ordering::SeqCst);
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job {
                generation,
                text: query.to_string(),
                within,
                sort,
            });
        }
    }

    fn queue(&self, generation: u64, query: &str, within: Option<Arc<Vec<u32>>>) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job {
                generation,
                text: query.to_string(),
                within,
                sort: Sort::Relevance,
            });
        }
    }

    /// The newest finished result, if any arrived since the last call (older ones are dropped).
    pub fn try_recv(&self) -> Option<SearchResult> {
        self.results.try_iter().last()
    }

    /// Waits up to `timeout` for a result (for tools and tests; the reader polls `try_recv`).
    pub fn recv_timeout(&self, timeout: Duration) -> Option<SearchResult> {
        match self.results.recv_timeout(timeout) {
            Ok(r) => Some(self.results.try_iter().last().unwrap_or(r)),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Waits up to `timeout` for the next result, skipping none (for tests that follow every
    /// answer, such as the second one that completes the match details).
    pub fn recv_next(&self, timeout: Duration) -> Option<SearchResult> {
        self.results.recv_timeout(timeout).ok()
    }

    /// The generation of the newest submitted query.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// True once the full index is built (before that, only titles are searched).
    pub fn is_indexed(&self) -> bool {
        self.index.get().is_some()
    }

    /// The index, once built.
    pub fn index(&self) -> Option<Arc<SearchIndex>> {
        self.index.get().cloned()
    }
}

impl Drop for Searcher {
    fn drop(&mut self) {
        // Make running work stale, close the queue, and let the thread finish.
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.jobs = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

fn run(
    articles: &[Article],
    index: &OnceLock<Arc<SearchIndex>>,
    generation: &AtomicU64,
    limit: usize,
    jobs: &Receiver<Job>,
    sink: &(dyn Fn(SearchResult) -> bool + Send),
) {
    while let Ok(mut job) = jobs.recv() {
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        let stale = || generation.load(Ordering::Relaxed) != job.generation;
        if stale() {
            continue;
        }
        let start = Instant::now();
        let within = job.within.as_deref().map(Vec::as_slice);
        let reply = |result, total, indexed, complete| {
            sink(SearchResult {
                generation: job.generation,
                query: job.text.clone(),
                result,
                total,
                elapsed: start.elapsed(),
                indexed,
                complete,
            })
        };
        let sent = match (parse(&job.text), index.get()) {
            (Err(e), ix) => reply(Err(e), 0, ix.is_some(), true),
            (Ok(q), Some(ix)) => {
                let Some(mut r) = ix.rank_first(articles, &q, limit, within, job.sort, &stale)
                else {
                    continue;
                };
                // The first screen's details came at once; the rest follow, a slice at a time
                // so that a newer keystroke never waits long behind them.
                let more = r.hits.len() > FIRST_DETAILS;
                if stale() {
                    continue;
                }
                if !reply(Ok(r.hits.clone()), r.total, true, !more) {
                    break;
                }
                let mut from = FIRST_DETAILS;
                while from < r.hits.len() && !stale() {
                    r.fill(ix, articles, from..from + FIRST_DETAILS);
                    from += FIRST_DETAILS;
                }
                if !more || stale() {
                    continue;
                }
                reply(Ok(r.hits), r.total, true, true)
            }
            (Ok(_), None) => {
                let (mut hits, n) = quick_title_search(articles, &job.text, limit, within);
                if job.sort == Sort::Date {
                    hits.sort_by(|a, b| articles[b.article].date.cmp(&articles[a.article].date));
                }
                if stale() {
                    continue;
                }
                reply(Ok(hits), n, false, true)
            }
        };
        if !sent {
            break;
        }
    }
}
