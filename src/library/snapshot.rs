//! The saved index: the corpus-wide people and bills and the search index of the library's stories, kept in a
//! file beside the library so a relaunch reads them instead of building them.
//!
//! The file is a cache, never the only copy of anything: it names what it was built from (the number of stories,
//! the last one's sequence number, and fingerprints of the extractor's and the index's source), and one that
//! does not match, or cannot be read, is ignored and written anew.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::extract::EntityIndex;
use crate::search::SearchIndex;

/// The first bytes of the file.
const MAGIC: &[u8; 8] = b"CLKIDX01";

/// What a saved index was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotKey {
    /// Number of stories, in arrival order.
    pub count: u64,
    /// Sequence number of the last story.
    pub last_seq: i64,
    /// Fingerprint of the extractor's and the search index's source.
    pub code: u64,
}

impl SnapshotKey {
    /// The key of `count` stories up to `last_seq`, with this build's code.
    pub fn new(count: u64, last_seq: i64) -> SnapshotKey {
        SnapshotKey {
            count,
            last_seq,
            code: u64::from_str_radix(env!("CLOAKROOM_INDEX_FINGERPRINT"), 16).unwrap_or(0),
        }
    }
}

/// The file of the saved index of the library at `library`: `library.db.index` beside `library.db`.
pub fn snapshot_path(library: &Path) -> PathBuf {
    let mut name = library.as_os_str().to_owned();
    name.push(".index");
    PathBuf::from(name)
}

/// Reads the saved index at `path` when it was built from `key`; `None` when there is none, it was built from
/// something else, or it cannot be read.
pub fn read_snapshot(path: &Path, key: SnapshotKey) -> Option<(EntityIndex, SearchIndex)> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut head = [0u8; 8 + 24];
    file.read_exact(&mut head).ok()?;
    if &head[..8] != MAGIC || head[8..] != key_bytes(key) {
        return None;
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    postcard::from_bytes(&bytes).ok()
}

/// Saves the index built from `key`, atomically (a temporary file renamed over the old one).
///
/// # Errors
/// The file cannot be written.
pub fn write_snapshot(
    path: &Path,
    key: SnapshotKey,
    entities: &EntityIndex,
    search: &SearchIndex,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let bytes = postcard::to_stdvec(&(entities, search)).context("cannot encode the index")?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".index-")
        .tempfile_in(dir)?;
    tmp.write_all(MAGIC)?;
    tmp.write_all(&key_bytes(key))?;
    tmp.write_all(&bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Builds the saved index of everything the library holds now (people and bills from its cache, the rest
/// extracted and cached) and writes it, so the next launch reads it instead of building it.
///
/// # Errors
/// The library cannot be read or the index file cannot be written.
pub fn save_index(lib: &mut super::Library) -> anyhow::Result<()> {
    let key = lib.snapshot_key()?;
    let mut articles = Vec::new();
    lib.read_articles_upto(key.last_seq, 4096, &mut |mut b| articles.append(&mut b))?;
    let cached = lib.cached_extractions()?;
    let built = super::build_index(&articles, &cached, &|_| {});
    drop(cached);
    if !built.fresh.is_empty() {
        lib.store_extractions(&built.fresh)?;
    }
    let search = SearchIndex::build(&articles, &built.index);
    write_snapshot(&snapshot_path(lib.path()), key, &built.index, &search)
}

fn key_bytes(key: SnapshotKey) -> [u8; 24] {
    let mut out = [0u8; 24];
    out[..8].copy_from_slice(&key.count.to_le_bytes());
    out[8..16].copy_from_slice(&key.last_seq.to_le_bytes());
    out[16..].copy_from_slice(&key.code.to_le_bytes());
    out
}
