//! A fetch run against the library: the feeds to fetch, their validators, the new stories stored, the history kept.

use super::{FeedRequest, FeedResult, Http, Item, Outcome, Refreshed, refresh};
use crate::library::{FeedItem, FetchRecord, Library};

/// What a fetch run did, for the summary line and the reader's status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Feeds asked for.
    pub feeds: usize,
    /// Stories stored that the library did not have.
    pub new_articles: usize,
    /// Feeds that answered 304.
    pub unchanged: usize,
    /// Feeds that failed: `(url, why)`.
    pub failed: Vec<(String, String)>,
    /// Ids of the new stories, in the order stored.
    pub new_ids: Vec<String>,
}

impl Summary {
    /// One line: `3 feeds fetched, 12 new articles, 1 unchanged, 1 failed`.
    pub fn line(&self) -> String {
        format!(
            "{} fetched, {} new {}, {} unchanged, {} failed",
            plural(self.feeds, "feed"),
            self.new_articles,
            if self.new_articles == 1 {
                "article"
            } else {
                "articles"
            },
            self.unchanged,
            self.failed.len()
        )
    }
}

/// `1 feed`, `2 feeds`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The requests for `urls` (every subscribed feed when empty), with their validators and full-text flags.
///
/// # Errors
/// A URL that is not subscribed (naming it), or a read of the library failed.
pub fn requests(lib: &Library, urls: &[String]) -> anyhow::Result<Vec<FeedRequest>> {
    let feeds = lib.feeds()?;
    let chosen: Vec<_> = if urls.is_empty() {
        feeds
    } else {
        urls.iter()
            .map(|url| {
                feeds
                    .iter()
                    .find(|f| &f.url == url)
                    .cloned()
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "{url}: not subscribed (add it with `cloakroom feed add {url}`)"
                        )
                    })
            })
            .collect::<anyhow::Result<_>>()?
    };
    chosen
        .into_iter()
        .map(|feed| {
            Ok(FeedRequest {
                validators: lib.validators(&feed.url)?,
                url: feed.url,
                full_text: feed.full_text,
            })
        })
        .collect()
}

/// Fetches `requests` (`threads` at once), stores the new stories, and records each fetch in its feed's history.
/// `done` hears of each feed as it ends (for a progress bar); `now` is the clock.
///
/// # Errors
/// A write to the library failed (fetch failures are in the summary, not errors).
pub fn fetch_into(
    lib: &mut Library,
    http: &Http,
    requests: &[FeedRequest],
    threads: usize,
    done: &(dyn Fn(&FeedResult) + Sync),
    now: &dyn Fn() -> i64,
) -> anyhow::Result<Summary> {
    let mut lookup_error = None;
    let refreshed = {
        let lib = &*lib;
        let mut is_new = |url: &str, item: &Item| match lib.has_feed_item(url, &feed_item(item)) {
            Ok(known) => !known,
            Err(err) => {
                lookup_error.get_or_insert(err);
                false
            }
        };
        refresh(http, requests, threads, done, &mut is_new)
    };
    if let Some(err) = lookup_error {
        return Err(err);
    }
    let mut summary = Summary {
        feeds: requests.len(),
        ..Summary::default()
    };
    for (feed, request) in refreshed.into_iter().zip(requests) {
        store(lib, feed, request.full_text, now(), &mut summary)?;
    }
    Ok(summary)
}

/// Stores one feed's result.
fn store(
    lib: &mut Library,
    feed: Refreshed,
    full_text: bool,
    at: i64,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let Refreshed {
        url,
        result,
        new,
        full_text_failures,
    } = feed;
    let mut record = FetchRecord {
        at,
        status: result.status,
        new_articles: 0,
        error: None,
    };
    match result.outcome {
        Outcome::Unchanged => summary.unchanged += 1,
        Outcome::Failed(why) => {
            record.error = Some(why.clone());
            summary.failed.push((url.clone(), why));
        }
        Outcome::Fetched(fetched) => {
            let items: Vec<FeedItem> = new.iter().map(feed_item).collect();
            let inserted = lib.add_feed_articles(&url, &items, at)?;
            record.new_articles = inserted.count() as u64;
            summary.new_articles += inserted.count();
            summary.new_ids.extend(inserted.new_ids);
            lib.set_validators(&url, &fetched.validators)?;
            if let Some(title) = &fetched.feed.title
                && lib.feed(&url)?.is_some_and(|f| f.title.is_none())
            {
                lib.set_feed_title(&url, title)?;
            }
            if full_text && !new.is_empty() {
                let note = (!full_text_failures.is_empty()).then(|| {
                    format!(
                        "summary kept for {} of {} new stories: {}",
                        full_text_failures.len(),
                        new.len(),
                        full_text_failures[0]
                    )
                });
                lib.set_full_text_note(&url, note.as_deref())?;
            }
        }
    }
    lib.record_fetch(&url, &record)
}

/// The library's form of an item.
fn feed_item(item: &Item) -> FeedItem {
    FeedItem {
        guid: item.guid.clone(),
        article: item.article.clone(),
    }
}
