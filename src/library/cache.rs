//! The cache of each story's people and bills, keyed by the story's content hash and the extractor's version,
//! so that a relaunch extracts only the stories it has not seen.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rusqlite::{Transaction, params};

use super::{Library, content_hash};
use crate::corpus::Article;
use crate::extract::{self, EntityIndex, StoryEntities};

/// The extractor's version: a fingerprint of its source (made by `build.rs`), so any change to it sets the
/// cache aside.
pub fn extractor_version() -> i64 {
    u64::from_str_radix(env!("CLOAKROOM_EXTRACTOR_FINGERPRINT"), 16).unwrap_or(0) as i64
}

/// What the cache holds: encoded people and bills by content hash.
pub type Cache = HashMap<i64, Vec<u8>>;

/// One story's people and bills, and its cache entry when it had to be extracted.
type Found = (StoryEntities, Option<(i64, Vec<u8>)>);

/// The corpus-wide people and bills, with the stories that had to be extracted (to store in the cache).
pub struct CachedIndex {
    /// The index, as `EntityIndex::build` makes it.
    pub index: EntityIndex,
    /// `(content hash, encoded entities)` of the stories not found in the cache.
    pub fresh: Vec<(i64, Vec<u8>)>,
    /// How many stories came from the cache.
    pub hits: usize,
}

impl Library {
    /// Every cached extraction of the current extractor version, by content hash.
    ///
    /// # Errors
    /// The query failed.
    pub fn cached_extractions(&self) -> anyhow::Result<Cache> {
        let mut stmt = self
            .conn
            .prepare("SELECT hash, data FROM extractions WHERE version = ?1")?;
        let rows = stmt.query_map([extractor_version()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores extractions made by the current extractor (one transaction), and drops those of other versions.
    ///
    /// # Errors
    /// The write failed; nothing is then stored.
    pub fn store_extractions(&mut self, fresh: &[(i64, Vec<u8>)]) -> anyhow::Result<()> {
        let tx = self.write()?;
        tx.execute(
            "DELETE FROM extractions WHERE version != ?1",
            [extractor_version()],
        )?;
        insert(&tx, fresh)?;
        tx.commit()?;
        Ok(())
    }
}

/// Stores extractions of the current version in a transaction under way.
pub(super) fn insert(tx: &Transaction<'_>, fresh: &[(i64, Vec<u8>)]) -> rusqlite::Result<()> {
    let version = extractor_version();
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO extractions (hash, version, data) VALUES (?1, ?2, ?3)",
    )?;
    for (hash, data) in fresh {
        stmt.execute(params![hash, version, data])?;
    }
    Ok(())
}

/// One story's people and bills, extracted and encoded for the cache.
pub(super) fn encode(article: &Article) -> Vec<u8> {
    postcard::to_stdvec(&extract::extract(article)).unwrap_or_default()
}

/// Finds every story's people and bills (in parallel), taking them from `cache` where it has them, and links
/// them; `progress` gets the number of stories done so far, every 64 and at the end.
pub fn build_index(
    articles: &[Article],
    cache: &Cache,
    progress: &(dyn Fn(usize) + Sync),
) -> CachedIndex {
    let done = AtomicUsize::new(0);
    let total = articles.len();
    let found: Vec<Found> = articles
        .par_iter()
        .map(|article| {
            let hash = content_hash(article);
            let cached = cache
                .get(&hash)
                .and_then(|bytes| postcard::from_bytes::<StoryEntities>(bytes).ok());
            let out = if let Some(entities) = cached {
                (entities, None)
            } else {
                let entities = extract::extract(article);
                let bytes = postcard::to_stdvec(&entities).unwrap_or_default();
                (entities, Some((hash, bytes)))
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_multiple_of(64) && n != total {
                progress(n);
            }
            out
        })
        .collect();
    progress(total);
    let mut stories = Vec::with_capacity(found.len());
    let mut fresh = Vec::new();
    for (entities, new) in found {
        stories.push(entities);
        fresh.extend(new);
    }
    let hits = total - fresh.len();
    let index = EntityIndex::from_stories(&stories);
    stories.into_par_iter().for_each(drop);
    CachedIndex { index, fresh, hits }
}
