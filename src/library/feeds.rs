//! Feeds in the library: subscriptions, their HTTP validators, fetch history, and articles from feeds.

use anyhow::Context;
use rusqlite::{OptionalExtension, Row as SqlRow, Transaction, params};

use super::Library;
use super::articles::{self, Inserted, OriginKind, Row, content_hash, has_hash, has_id};
use crate::corpus::{Article, SafeUrl};

/// A subscribed feed, with counts of its articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Feed {
    /// The feed's URL (its key).
    pub url: String,
    /// Its title: the one given with `feed add --title`, or the feed's own once fetched.
    pub title: Option<String>,
    /// Whether each new article's page is fetched for its full text.
    pub full_text: bool,
    /// When it was added (ms since the Unix epoch).
    pub added_at: i64,
    /// The last fetch (ms since the Unix epoch), successful or not.
    pub last_fetch: Option<i64>,
    /// The last fetch's error, `None` when it succeeded.
    pub last_error: Option<String>,
    /// Why full text could not be had for some articles (the summary was kept), when it could not.
    pub full_text_note: Option<String>,
    /// Articles from this feed in the library.
    pub articles: u64,
    /// Of those, the ones not marked read.
    pub unread: u64,
}

/// A feed's HTTP validators, sent back on the next fetch for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header of the last successful response.
    pub etag: Option<String>,
    /// The `Last-Modified` header of the last successful response.
    pub last_modified: Option<String>,
}

/// One fetch of a feed, as its history keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FetchRecord {
    /// When it happened (ms since the Unix epoch).
    pub at: i64,
    /// The HTTP status, when a response came (304 for unchanged).
    pub status: Option<u16>,
    /// New articles it brought.
    pub new_articles: u64,
    /// What went wrong, `None` for a success.
    pub error: Option<String>,
}

/// An article from a feed: the article (already cleaned, as the loaders clean text) and the item's guid.
/// The article's `url` is the item's link. An empty `id` is made by the library (see
/// [`Library::add_feed_articles`]).
#[derive(Debug, Clone, Default)]
pub struct FeedItem {
    /// The item's guid (RSS `guid`, Atom `id`, JSON Feed `id`), when it has one.
    pub guid: Option<String>,
    /// The article.
    pub article: Article,
}

const FEED_COLUMNS: &str = "f.url, f.title, f.full_text, f.added_at, f.last_fetch, f.last_error, f.full_text_note,
    (SELECT COUNT(*) FROM articles a WHERE a.origin_kind = 'feed' AND a.origin = f.url),
    (SELECT COUNT(*) FROM articles a WHERE a.origin_kind = 'feed' AND a.origin = f.url AND NOT EXISTS
        (SELECT 1 FROM marks m WHERE m.id = a.id AND m.kind = 'read' AND m.value = 1))";

fn feed_of(r: &SqlRow<'_>) -> rusqlite::Result<Feed> {
    Ok(Feed {
        url: r.get(0)?,
        title: r.get(1)?,
        full_text: r.get(2)?,
        added_at: r.get(3)?,
        last_fetch: r.get(4)?,
        last_error: r.get(5)?,
        full_text_note: r.get(6)?,
        articles: r.get::<_, i64>(7)? as u64,
        unread: r.get::<_, i64>(8)? as u64,
    })
}

impl Library {
    /// Subscribes to `url`. Returns false when it was already subscribed; its title (when one is given) and
    /// full-text flag are then updated.
    ///
    /// # Errors
    /// The write failed.
    pub fn add_feed(
        &mut self,
        url: &str,
        title: Option<&str>,
        full_text: bool,
        now_ms: i64,
    ) -> anyhow::Result<bool> {
        let tx = self.write()?;
        let added = tx.execute(
            "INSERT INTO feeds (url, title, full_text, added_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (url) DO NOTHING",
            params![url, title, full_text, now_ms],
        )? == 1;
        if !added {
            tx.execute(
                "UPDATE feeds SET title = COALESCE(?2, title), full_text = ?3 WHERE url = ?1",
                params![url, title, full_text],
            )?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// Unsubscribes from `url`: the feed and its fetch history go; its articles and their marks stay (they are
    /// still read and searched, and starred ones are not lost). Returns false when it was not subscribed.
    ///
    /// # Errors
    /// The write failed.
    pub fn remove_feed(&mut self, url: &str) -> anyhow::Result<bool> {
        let tx = self.write()?;
        let removed = tx.execute("DELETE FROM feeds WHERE url = ?1", [url])? == 1;
        tx.execute("DELETE FROM fetches WHERE feed = ?1", [url])?;
        tx.commit()?;
        Ok(removed)
    }

    /// Every feed, by title (then URL), with its article and unread counts.
    ///
    /// # Errors
    /// The query failed.
    pub fn feeds(&self) -> anyhow::Result<Vec<Feed>> {
        let sql = format!(
            "SELECT {FEED_COLUMNS} FROM feeds f ORDER BY COALESCE(f.title, f.url) COLLATE NOCASE, f.url"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let feeds = stmt.query_map([], feed_of)?.collect::<Result<_, _>>()?;
        Ok(feeds)
    }

    /// One feed, with its counts; `None` when not subscribed.
    ///
    /// # Errors
    /// The query failed.
    pub fn feed(&self, url: &str) -> anyhow::Result<Option<Feed>> {
        let sql = format!("SELECT {FEED_COLUMNS} FROM feeds f WHERE f.url = ?1");
        Ok(self.conn.query_row(&sql, [url], feed_of).optional()?)
    }

    /// Sets a feed's title (the feed's own, once fetched, when none was given).
    ///
    /// # Errors
    /// The write failed.
    pub fn set_feed_title(&mut self, url: &str, title: &str) -> anyhow::Result<()> {
        self.conn.execute(
            "UPDATE feeds SET title = ?2 WHERE url = ?1",
            params![url, title],
        )?;
        Ok(())
    }

    /// The validators to send on the next fetch of `url` (empty when unknown or not subscribed).
    ///
    /// # Errors
    /// The query failed.
    pub fn validators(&self, url: &str) -> anyhow::Result<Validators> {
        let found = self
            .conn
            .query_row(
                "SELECT etag, last_modified FROM feeds WHERE url = ?1",
                [url],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()?;
        Ok(found.unwrap_or_default())
    }

    /// Keeps the validators of a successful response for the next conditional GET.
    ///
    /// # Errors
    /// The write failed.
    pub fn set_validators(&mut self, url: &str, validators: &Validators) -> anyhow::Result<()> {
        self.conn.execute(
            "UPDATE feeds SET etag = ?2, last_modified = ?3 WHERE url = ?1",
            params![url, validators.etag, validators.last_modified],
        )?;
        Ok(())
    }

    /// Adds a fetch to `url`'s history and sets the feed's last fetch and last error (cleared by a success).
    ///
    /// # Errors
    /// The write failed.
    pub fn record_fetch(&mut self, url: &str, fetch: &FetchRecord) -> anyhow::Result<()> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO fetches (feed, at, status, new_articles, error) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![url, fetch.at, fetch.status, fetch.new_articles as i64, fetch.error],
        )?;
        tx.execute(
            "UPDATE feeds SET last_fetch = ?2, last_error = ?3 WHERE url = ?1",
            params![url, fetch.at, fetch.error],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The last `limit` fetches of `url`, newest first.
    ///
    /// # Errors
    /// The query failed.
    pub fn fetches(&self, url: &str, limit: usize) -> anyhow::Result<Vec<FetchRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, status, new_articles, error FROM fetches WHERE feed = ?1 ORDER BY at DESC, seq DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![url, limit as i64], |r| {
            Ok(FetchRecord {
                at: r.get(0)?,
                status: r.get(1)?,
                new_articles: r.get::<_, i64>(2)? as u64,
                error: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets (or with `None` clears) the note saying why full text could not be had for some of a feed's articles.
    ///
    /// # Errors
    /// The write failed.
    pub fn set_full_text_note(&mut self, url: &str, note: Option<&str>) -> anyhow::Result<()> {
        self.conn.execute(
            "UPDATE feeds SET full_text_note = ?2 WHERE url = ?1",
            params![url, note],
        )?;
        Ok(())
    }

    /// The full-text note of a feed, if any.
    ///
    /// # Errors
    /// The query failed.
    pub fn full_text_note(&self, url: &str) -> anyhow::Result<Option<String>> {
        let note = self
            .conn
            .query_row(
                "SELECT full_text_note FROM feeds WHERE url = ?1",
                [url],
                |r| r.get(0),
            )
            .optional()?;
        Ok(note.flatten())
    }

    /// Adds the items of one fetch of `feed_url`, in one transaction, skipping an item when the library already
    /// has one from this feed with the same guid, else one (from anywhere) with the same link, else one with the
    /// same title, body and date. Items are checked against each other too. An item with an empty `id` gets
    /// `feed-` and 16 hex digits of XXH3-64 of the feed URL and its guid (or link, or content); an id already
    /// taken by another article gets `~2`, `~3`, ... The new articles arrive at `now_ms`, with the feed's URL as
    /// their origin.
    ///
    /// # Errors
    /// A write failed; nothing of this call is then kept.
    pub fn add_feed_articles(
        &mut self,
        feed_url: &str,
        items: &[FeedItem],
        now_ms: i64,
    ) -> anyhow::Result<Inserted> {
        let tx = self.write()?;
        let mut done = Inserted::default();
        for item in items {
            let article = &item.article;
            let link = article.url.as_ref().map(SafeUrl::as_str);
            if let Some(guid) = item.guid.as_deref()
                && has_guid(&tx, feed_url, guid)?
            {
                done.same_id += 1;
                continue;
            }
            if let Some(link) = link
                && has_link(&tx, link)?
            {
                done.same_link += 1;
                continue;
            }
            let hash = content_hash(article);
            if has_hash(&tx, hash)? {
                done.same_content += 1;
                continue;
            }
            let id = free_id(&tx, &item_id(feed_url, item))?;
            let row = Row {
                article,
                id: &id,
                hash,
                kind: OriginKind::Feed,
                origin: feed_url,
                guid: item.guid.as_deref(),
                arrived_at: now_ms,
            };
            articles::insert_row(&tx, &row)?;
            done.new_ids.push(id);
        }
        tx.commit().context("cannot save the feed's articles")?;
        Ok(done)
    }
}

fn has_guid(tx: &Transaction<'_>, feed: &str, guid: &str) -> rusqlite::Result<bool> {
    tx.prepare_cached(
        "SELECT 1 FROM articles WHERE origin_kind = 'feed' AND origin = ?1 AND guid = ?2 LIMIT 1",
    )?
    .query_row([feed, guid], |_| Ok(()))
    .optional()
    .map(|f| f.is_some())
}

fn has_link(tx: &Transaction<'_>, link: &str) -> rusqlite::Result<bool> {
    tx.prepare_cached("SELECT 1 FROM articles WHERE link = ?1 LIMIT 1")?
        .query_row([link], |_| Ok(()))
        .optional()
        .map(|f| f.is_some())
}

/// The id an item asks for: its own, or one made from the feed and its guid, link or content.
fn item_id(feed_url: &str, item: &FeedItem) -> String {
    let article = &item.article;
    if !article.id.is_empty() {
        return article.id.clone();
    }
    let key = match (&item.guid, &article.url) {
        (Some(guid), _) => guid.clone(),
        (None, Some(url)) => url.as_str().to_owned(),
        (None, None) => format!("{:016x}", content_hash(article)),
    };
    let seed = xxhash_rust::xxh3::xxh3_64(feed_url.as_bytes());
    format!(
        "feed-{:016x}",
        xxhash_rust::xxh3::xxh3_64_with_seed(key.as_bytes(), seed)
    )
}

/// `id`, or `id~2`, `id~3`, ... whichever no article has.
fn free_id(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<String> {
    if !has_id(tx, id)? {
        return Ok(id.to_owned());
    }
    let mut n = 2;
    loop {
        let candidate = format!("{id}~{n}");
        if !has_id(tx, &candidate)? {
            return Ok(candidate);
        }
        n += 1;
    }
}
