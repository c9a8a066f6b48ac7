//! Feeds: fetching (bounded pool, conditional GET), decoding, parsing to sanitized articles, full text, OPML.
//!
//! The domain core of subscriptions; it knows nothing of the terminal or of where articles are stored: the caller
//! says which stories are new ([`refresh`]'s `is_new`) and stores what comes back.

mod decode;
pub mod fulltext;
pub mod http;
pub mod opml;
mod parse;
pub mod sync;

use std::time::Instant;

pub use decode::to_utf8;
pub use http::{Http, HttpConfig, HttpError, Response, Validators};
pub use parse::{Item, ParsedFeed, dedupe, parse};

/// What the feeds accept, in the `Accept` header.
const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
                      application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/// Feeds fetched at once by [`fetch_all`].
pub const POOL_SIZE: usize = 8;

/// One feed to fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedRequest {
    /// Its address.
    pub url: String,
    /// Validators of the last fetch, for a conditional GET.
    pub validators: Validators,
    /// Fetch each new story's page for its main text.
    pub full_text: bool,
}

/// A feed that answered with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The parsed document.
    pub feed: ParsedFeed,
    /// Validators to send next time.
    pub validators: Validators,
    /// The character set it was decoded from, when not UTF-8.
    pub encoding: Option<&'static str>,
}

/// How one feed's fetch ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 304: nothing changed.
    Unchanged,
    /// A document, parsed.
    Fetched(Fetched),
    /// Why it failed (HTTP, timeout, size, not a feed ...).
    Failed(String),
}

/// One feed's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedResult {
    /// The feed's address as requested.
    pub url: String,
    /// What happened.
    pub outcome: Outcome,
    /// The HTTP status, when a response came (200 for a document, 304 unchanged, 404 ...).
    pub status: Option<u16>,
    /// Milliseconds the fetch took.
    pub millis: u64,
}

/// Fetches and parses one feed.
pub fn fetch(http: &Http, request: &FeedRequest) -> FeedResult {
    let start = Instant::now();
    let mut status = None;
    let outcome = match http.get(&request.url, &request.validators, ACCEPT) {
        Ok(Response::NotModified) => {
            status = Some(304);
            Outcome::Unchanged
        }
        Ok(Response::Body {
            bytes,
            content_type,
            validators,
            final_url,
        }) => {
            status = Some(200);
            let (text, encoding) = to_utf8(&bytes, content_type.as_deref());
            match parse(&text, &final_url) {
                Ok(feed) => Outcome::Fetched(Fetched {
                    feed,
                    validators,
                    encoding,
                }),
                Err(why) => Outcome::Failed(why),
            }
        }
        Err(err) => {
            if let HttpError::Status(code) = err {
                status = Some(code);
            }
            Outcome::Failed(err.to_string())
        }
    };
    FeedResult {
        url: request.url.clone(),
        outcome,
        status,
        millis: start.elapsed().as_millis() as u64,
    }
}

/// Fetches every feed, at most `threads` at once (0: [`POOL_SIZE`]), calling `done` as each ends (from the pool's
/// threads, in the order they end). Results come back in the order asked.
pub fn fetch_all(
    http: &Http,
    requests: &[FeedRequest],
    threads: usize,
    done: &(dyn Fn(&FeedResult) + Sync),
) -> Vec<FeedResult> {
    use rayon::prelude::*;
    let threads = if threads == 0 { POOL_SIZE } else { threads };
    let work = || {
        requests
            .par_iter()
            .map(|r| {
                let result = fetch(http, r);
                done(&result);
                result
            })
            .collect()
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads.min(requests.len()).max(1))
        .thread_name(|i| format!("cloakroom-fetch-{i}"))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => requests
            .iter()
            .map(|r| fetch(http, r))
            .inspect(|r| done(r))
            .collect(),
    }
}

/// A feed's new stories after [`refresh`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refreshed {
    /// The feed's address as requested.
    pub url: String,
    /// The fetch (its document's items are all of the feed's, new or not).
    pub result: FeedResult,
    /// The stories the caller did not have, bodies filled from their pages for a full-text feed.
    pub new: Vec<Item>,
    /// For a full-text feed: why some pages' text could not be had (their summary was kept).
    pub full_text_failures: Vec<String>,
}

/// Fetches `requests` (see [`fetch_all`]), keeps the stories `is_new` says are new (asked on the calling thread,
/// so it may read a database), and for full-text feeds fetches those stories' pages. Nothing is stored.
pub fn refresh(
    http: &Http,
    requests: &[FeedRequest],
    threads: usize,
    done: &(dyn Fn(&FeedResult) + Sync),
    is_new: &mut dyn FnMut(&str, &Item) -> bool,
) -> Vec<Refreshed> {
    let results = fetch_all(http, requests, threads, done);
    let mut out: Vec<Refreshed> = results
        .into_iter()
        .map(|result| {
            let new = match &result.outcome {
                Outcome::Fetched(f) => f
                    .feed
                    .items
                    .iter()
                    .filter(|i| is_new(&result.url, i))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            Refreshed {
                url: result.url.clone(),
                result,
                new,
                full_text_failures: Vec::new(),
            }
        })
        .collect();
    for (feed, request) in out.iter_mut().zip(requests) {
        if request.full_text && !feed.new.is_empty() {
            let outcomes = fulltext::fill(http, &mut feed.new);
            feed.full_text_failures = outcomes
                .into_iter()
                .filter_map(|o| match o {
                    fulltext::PageOutcome::Kept(why) => Some(why),
                    fulltext::PageOutcome::Extracted => None,
                })
                .collect();
        }
    }
    out
}

/// A time in ms since the Unix epoch as `YYYY-MM-DD HH:MM` (UTC), as `feed list` and the reader show it.
pub fn format_time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map_or_else(
        || "?".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M").to_string(),
    )
}
