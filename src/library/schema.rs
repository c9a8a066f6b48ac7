//! The library's schema and its migrations, numbered by SQLite's `PRAGMA user_version`.

use anyhow::Context;
use rusqlite::{Connection, TransactionBehavior};

/// Each migration takes the schema from version `i` to `i + 1`; never edit one that has shipped, add another.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1: articles, marks, feeds, fetch history, extraction cache.
    "
    CREATE TABLE articles (
        seq          INTEGER PRIMARY KEY,
        id           TEXT    NOT NULL UNIQUE,
        hash         INTEGER NOT NULL,
        origin_kind  TEXT    NOT NULL CHECK (origin_kind IN ('file', 'feed')),
        origin       TEXT    NOT NULL,
        origin_line  INTEGER,
        guid         TEXT,
        link         TEXT,
        arrived_at   INTEGER NOT NULL,
        title        TEXT    NOT NULL,
        body         TEXT    NOT NULL,
        source       TEXT,
        authors      TEXT    NOT NULL,
        date         TEXT,
        url          TEXT,
        tags         TEXT    NOT NULL
    );
    CREATE INDEX articles_hash ON articles (hash);
    CREATE INDEX articles_link ON articles (link) WHERE link IS NOT NULL;
    CREATE INDEX articles_origin ON articles (origin_kind, origin, guid);
    CREATE TABLE marks (
        id          TEXT    NOT NULL,
        kind        TEXT    NOT NULL CHECK (kind IN ('read', 'star')),
        value       INTEGER NOT NULL,
        changed_at  INTEGER NOT NULL,
        PRIMARY KEY (id, kind)
    ) WITHOUT ROWID;
    CREATE TABLE feeds (
        url             TEXT    PRIMARY KEY,
        title           TEXT,
        full_text       INTEGER NOT NULL DEFAULT 0,
        added_at        INTEGER NOT NULL,
        etag            TEXT,
        last_modified   TEXT,
        last_fetch      INTEGER,
        last_error      TEXT,
        full_text_note  TEXT
    );
    CREATE TABLE fetches (
        seq           INTEGER PRIMARY KEY,
        feed          TEXT    NOT NULL,
        at            INTEGER NOT NULL,
        status        INTEGER,
        new_articles  INTEGER NOT NULL DEFAULT 0,
        error         TEXT
    );
    CREATE INDEX fetches_feed ON fetches (feed, at);
    CREATE TABLE extractions (
        hash     INTEGER NOT NULL,
        version  INTEGER NOT NULL,
        data     BLOB    NOT NULL,
        PRIMARY KEY (hash, version)
    ) WITHOUT ROWID;
    ",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to [`SCHEMA_VERSION`], each step in a transaction of its own that also sets
/// `user_version`, so a crash leaves the library at one version or the next.
///
/// # Errors
/// A migration failed, or the library was written by a newer Cloakroom (its schema is unknown here).
pub fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    loop {
        // Read inside an immediate transaction: two readers opening a new library at once migrate it once.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            anyhow::bail!(
                "its schema is version {version}, written by a newer Cloakroom (this one knows up to {SCHEMA_VERSION})"
            );
        }
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        let step = MIGRATIONS[version as usize];
        tx.execute_batch(step)
            .with_context(|| format!("migrating the schema from version {version}"))?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}
