//! Articles in the library: inserting them with deduplication, and reading them back in arrival order.

use anyhow::Context;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use super::Library;
use crate::corpus::{Article, Origin, SafeUrl};

/// Where an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginKind {
    /// Imported from a file, folder or standard input (`cloakroom add`).
    File,
    /// Fetched from a feed.
    Feed,
}

impl OriginKind {
    fn as_str(self) -> &'static str {
        match self {
            OriginKind::File => "file",
            OriginKind::Feed => "feed",
        }
    }
}

/// What an insert did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inserted {
    /// Ids of the articles that were new, in the order given.
    pub new_ids: Vec<String>,
    /// Articles skipped because the library already had one with the same id (file imports) or guid (feeds).
    pub same_id: usize,
    /// Articles skipped because the library already had one with the same link (feeds only).
    pub same_link: usize,
    /// Articles skipped because the library already had one with the same title, body and date.
    pub same_content: usize,
}

impl Inserted {
    /// How many articles were new.
    pub fn count(&self) -> usize {
        self.new_ids.len()
    }

    /// How many were already there.
    pub fn skipped(&self) -> usize {
        self.same_id + self.same_link + self.same_content
    }
}

/// The content hash of an article: XXH3-64 of its title, body and date (the date gives bill numbers their
/// Congress, so it is part of what extraction sees). Dedup and the extraction cache are keyed on it.
pub fn content_hash(article: &Article) -> i64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(article.title.as_bytes());
    h.update(&[0]);
    h.update(article.body.as_bytes());
    h.update(&[0]);
    if let Some(date) = article.date {
        h.update(date.format("%Y-%m-%d").to_string().as_bytes());
    }
    h.digest() as i64
}

/// An import under way; dropped without [`Import::commit`], it keeps nothing.
pub struct Import<'a> {
    tx: Transaction<'a>,
    now_ms: i64,
    done: Inserted,
}

impl Import<'_> {
    /// Adds articles: one whose id, or whose title, body and date, the library already has (from before or from
    /// this import) is skipped; the others keep their id and origin file and line, and arrive at the import's
    /// time.
    ///
    /// # Errors
    /// A write failed.
    pub fn add(&mut self, articles: &[Article]) -> anyhow::Result<()> {
        for article in articles {
            if has_id(&self.tx, &article.id)? {
                self.done.same_id += 1;
                continue;
            }
            let hash = content_hash(article);
            if has_hash(&self.tx, hash)? {
                self.done.same_content += 1;
                continue;
            }
            let row = Row {
                article,
                id: &article.id,
                hash,
                kind: OriginKind::File,
                origin: &article.origin.file,
                guid: None,
                arrived_at: self.now_ms,
            };
            insert_row(&self.tx, &row)?;
            self.done.new_ids.push(article.id.clone());
        }
        Ok(())
    }

    /// What was added and skipped so far.
    pub fn progress(&self) -> &Inserted {
        &self.done
    }

    /// Keeps the import.
    ///
    /// # Errors
    /// The commit failed; nothing is kept.
    pub fn commit(self) -> anyhow::Result<Inserted> {
        self.tx.commit().context("cannot save the articles")?;
        Ok(self.done)
    }
}

/// Lists are stored joined by the unit separator, which sanitized text never holds.
const SEP: char = '\u{1f}';

/// One article row to insert.
pub(super) struct Row<'a> {
    pub article: &'a Article,
    pub id: &'a str,
    pub hash: i64,
    pub kind: OriginKind,
    pub origin: &'a str,
    pub guid: Option<&'a str>,
    pub arrived_at: i64,
}

/// Inserts one article row.
pub(super) fn insert_row(tx: &Transaction<'_>, row: &Row<'_>) -> rusqlite::Result<()> {
    let a = row.article;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO articles (id, hash, origin_kind, origin, origin_line, guid, link, arrived_at,
                               title, body, source, authors, date, url, tags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let link = a.url.as_ref().map(SafeUrl::as_str);
    stmt.execute(params![
        row.id,
        row.hash,
        row.kind.as_str(),
        row.origin,
        a.origin.line.map(|l| l as i64),
        row.guid,
        link,
        row.arrived_at,
        a.title,
        a.body,
        a.source,
        join(&a.authors),
        a.date.map(|d| d.format("%Y-%m-%d").to_string()),
        link,
        join(&a.tags),
    ])?;
    Ok(())
}

/// Whether an article with this content hash is kept.
pub(super) fn has_hash(tx: &Transaction<'_>, hash: i64) -> rusqlite::Result<bool> {
    exists(tx, "SELECT 1 FROM articles WHERE hash = ?1 LIMIT 1", hash)
}

/// Whether an article with this id is kept.
pub(super) fn has_id(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<bool> {
    exists(tx, "SELECT 1 FROM articles WHERE id = ?1", id)
}

fn exists(tx: &Transaction<'_>, sql: &str, key: impl rusqlite::ToSql) -> rusqlite::Result<bool> {
    tx.prepare_cached(sql)?
        .query_row([key], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

fn join(list: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in list.iter().enumerate() {
        if i > 0 {
            out.push(SEP);
        }
        out.push_str(item);
    }
    out
}

fn split(joined: &str) -> Vec<String> {
    if joined.is_empty() {
        Vec::new()
    } else {
        joined.split(SEP).map(str::to_owned).collect()
    }
}

impl Library {
    /// Imports articles loaded from files, in one transaction: see [`Import::add`].
    ///
    /// # Errors
    /// A write failed; nothing of this call is then kept.
    pub fn add_file_articles(
        &mut self,
        articles: &[Article],
        now_ms: i64,
    ) -> anyhow::Result<Inserted> {
        let mut import = self.begin_import(now_ms)?;
        import.add(articles)?;
        import.commit()
    }

    /// Starts an import of articles from files (`cloakroom add`): one transaction that [`Import::commit`] ends,
    /// so an import that fails half-way (an invalid JSON document after many good ones) leaves the library as
    /// it was.
    ///
    /// # Errors
    /// Another process holds the library's write lock for longer than the busy timeout.
    pub fn begin_import(&mut self, now_ms: i64) -> anyhow::Result<Import<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Import {
            tx,
            now_ms,
            done: Inserted::default(),
        })
    }

    /// Number of articles kept.
    ///
    /// # Errors
    /// The query failed.
    pub fn article_count(&self) -> anyhow::Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Reads every article in arrival order, handing them to `sink` `batch` at a time (so a reader can show the
    /// first while the rest is read). Each article's origin is its file (and line) or its feed's URL.
    ///
    /// # Errors
    /// A query failed or a row is not what this build wrote.
    pub fn read_articles(
        &self,
        batch: usize,
        sink: &mut dyn FnMut(Vec<Article>),
    ) -> anyhow::Result<usize> {
        let mut stmt = self.conn.prepare(
            "SELECT id, origin, origin_line, title, body, source, authors, date, url, tags
             FROM articles ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::with_capacity(batch);
        let mut total = 0;
        while let Some(r) = rows.next()? {
            let date: Option<String> = r.get(7)?;
            let url: Option<String> = r.get(8)?;
            out.push(Article {
                id: r.get(0)?,
                origin: Origin {
                    file: r.get(1)?,
                    line: r.get::<_, Option<i64>>(2)?.map(|l| l as usize),
                },
                title: r.get(3)?,
                body: r.get(4)?,
                source: r.get(5)?,
                authors: split(r.get_ref(6)?.as_str()?),
                date: date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                url: url.and_then(|u| SafeUrl::parse(&u).ok()),
                tags: split(r.get_ref(9)?.as_str()?),
            });
            if out.len() == batch {
                total += out.len();
                sink(std::mem::replace(&mut out, Vec::with_capacity(batch)));
            }
        }
        total += out.len();
        if !out.is_empty() {
            sink(out);
        }
        Ok(total)
    }

    /// Every article, in arrival order.
    ///
    /// # Errors
    /// As [`Library::read_articles`].
    pub fn articles(&self) -> anyhow::Result<Vec<Article>> {
        let mut all = Vec::new();
        self.read_articles(4096, &mut |mut batch| all.append(&mut batch))?;
        Ok(all)
    }
}
