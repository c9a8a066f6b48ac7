//! The library: one SQLite file that keeps articles (from files and feeds), read and star marks, feeds with
//! their fetch history, and a cache of what was extracted from each article.
//!
//! Every write is one transaction; the file is in WAL mode with a busy timeout, so several readers and a
//! `cloakroom fetch` can share it, and a process killed at any moment leaves it consistent.

mod articles;
mod cache;
mod feeds;
mod known;
mod marks;
mod schema;
mod snapshot;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use rusqlite::Connection;

pub use articles::{Import, Inserted, OriginKind, content_hash};
pub use cache::{Cache, CachedIndex, build_index, extractor_version};
pub use feeds::{Feed, FeedItem, FetchRecord, Validators};
pub use marks::{Mark, MarkKind};
pub use schema::SCHEMA_VERSION;
pub use snapshot::{SnapshotKey, read_snapshot, save_index, snapshot_path, write_snapshot};

/// How long a write waits for another process's transaction before it gives up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open library.
#[derive(Debug)]
pub struct Library {
    conn: Connection,
    path: PathBuf,
}

/// What `cloakroom library` prints.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// The library file.
    pub path: String,
    /// Articles kept.
    pub articles: u64,
    /// Articles that came from files.
    pub from_files: u64,
    /// Articles that came from feeds.
    pub from_feeds: u64,
    /// Feeds subscribed to.
    pub feeds: u64,
    /// Distinct sources (outlets) among the articles.
    pub sources: u64,
    /// Articles marked read.
    pub read: u64,
    /// Articles starred.
    pub starred: u64,
    /// Unread articles in the library.
    pub unread: u64,
    /// Stories whose people and bills are cached.
    pub extractions: u64,
    /// Bytes on disk: the database with its write-ahead log.
    pub bytes: u64,
}

/// The error is SQLite's "busy" or "locked": another connection holds the lock for now.
fn is_busy(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<rusqlite::Error>().is_some_and(|r| {
            matches!(
                r.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            )
        })
    })
}

impl Library {
    /// Opens the library at `path`, creating it (and its folder) when missing, and migrates its schema.
    ///
    /// # Errors
    /// The folder cannot be created, the file is not an SQLite database, or its schema is newer than this
    /// build knows; the error names the file.
    pub fn open(path: &Path) -> anyhow::Result<Library> {
        // Opening sets the journal mode and may migrate, and SQLite answers "locked" at once, without waiting
        // out the busy timeout, when another process opens the same file in the same moment: try again then.
        let start = std::time::Instant::now();
        loop {
            match Self::open_inner(path) {
                Err(e) if is_busy(&e) && start.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return other.with_context(|| format!("library {}", path.display())),
            }
        }
    }

    fn open_inner(path: &Path) -> anyhow::Result<Library> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).context("cannot create its folder")?;
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Pages of 16 KiB hold a whole news story each (4 KiB pages chain most of them through overflow pages,
        // which makes reading the library half as fast); it applies to a new file only.
        conn.pragma_update(None, "page_size", 16384)?;
        // No memory map: it would read a third faster, but every page of the library read would count as the
        // reader's resident memory (a relaunch at 100k peaked at 1.39 GB with it, 0.60 GB without).
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            anyhow::bail!("cannot switch it to WAL mode (it stays in {mode} mode)");
        }
        // In WAL mode NORMAL keeps the file consistent through any crash; a power loss may lose the last commit.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        schema::migrate(&mut conn)?;
        Ok(Library {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens `flag` (`--library FILE`) when given, else the default library.
    ///
    /// # Errors
    /// As [`Library::open`]; also when no data directory is known and no file was named.
    pub fn open_default(flag: Option<&Path>) -> anyhow::Result<Library> {
        let path = match flag {
            Some(path) => path.to_path_buf(),
            None => default_path().context(
                "no data directory is known for the library (set XDG_DATA_HOME or use --library FILE)",
            )?,
        };
        Self::open(&path)
    }

    /// Opens the library `flag` names (else the default one) when its file exists; `None` when it does not, so
    /// that commands that only read never create one.
    ///
    /// # Errors
    /// As [`Library::open`].
    pub fn open_existing(flag: Option<&Path>) -> anyhow::Result<Option<Library>> {
        let path = match flag {
            Some(path) => path.to_path_buf(),
            None => match default_path() {
                Some(path) => path,
                None => return Ok(None),
            },
        };
        if !path.exists() {
            return Ok(None);
        }
        Self::open(&path).map(Some)
    }

    /// Starts a write: an immediate transaction, which takes the write lock at once (waiting up to the busy
    /// timeout for another process's), so a transaction that reads before it writes never fails half-way
    /// because another writer got in between.
    pub(crate) fn write(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The key of the stories the library holds now: how many, and the last one's sequence number. Reading
    /// stories up to that number ([`Library::read_articles_upto`]) gives exactly these, whatever is added meanwhile.
    ///
    /// # Errors
    /// The query failed.
    pub fn snapshot_key(&self) -> anyhow::Result<SnapshotKey> {
        let (count, last): (i64, Option<i64>) =
            self.conn
                .query_row("SELECT COUNT(*), MAX(seq) FROM articles", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        Ok(SnapshotKey::new(count as u64, last.unwrap_or(0)))
    }

    /// Counts of what the library holds, and its size on disk.
    ///
    /// # Errors
    /// A query failed.
    pub fn stats(&self) -> anyhow::Result<Stats> {
        let count = |sql: &str| -> anyhow::Result<u64> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            Ok(n as u64)
        };
        let file_size = |p: PathBuf| std::fs::metadata(p).map_or(0, |m| m.len());
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        Ok(Stats {
            path: self.path.display().to_string(),
            articles: count("SELECT COUNT(*) FROM articles")?,
            from_files: count("SELECT COUNT(*) FROM articles WHERE origin_kind = 'file'")?,
            from_feeds: count("SELECT COUNT(*) FROM articles WHERE origin_kind = 'feed'")?,
            feeds: count("SELECT COUNT(*) FROM feeds")?,
            sources: count("SELECT COUNT(DISTINCT source) FROM articles")?,
            read: count(
                "SELECT COUNT(*) FROM marks m JOIN articles a ON a.id = m.id WHERE m.kind = 'read' AND m.value = 1",
            )?,
            starred: count(
                "SELECT COUNT(*) FROM marks m JOIN articles a ON a.id = m.id WHERE m.kind = 'star' AND m.value = 1",
            )?,
            unread: count(
                "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS
                 (SELECT 1 FROM marks m WHERE m.id = a.id AND m.kind = 'read' AND m.value = 1)",
            )?,
            extractions: count("SELECT COUNT(*) FROM extractions")?,
            bytes: file_size(self.path.clone()) + file_size(PathBuf::from(wal)),
        })
    }
}

/// The default library: `$XDG_DATA_HOME/cloakroom/library.db` when that variable holds an absolute path, else
/// the platform's data directory (`~/.local/share/cloakroom/library.db`). `None` when no home is known.
pub fn default_path() -> Option<PathBuf> {
    default_path_from(std::env::var_os("XDG_DATA_HOME"), dirs::data_dir())
}

/// [`default_path`] with its inputs given, for testing.
pub fn default_path_from(
    xdg_data_home: Option<OsString>,
    data_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    Some(crate::state::data_dir_from(xdg_data_home, data_dir)?.join("library.db"))
}

/// Milliseconds since the Unix epoch, as the library stores times.
pub fn now_ms() -> i64 {
    crate::state::system_clock() as i64
}
