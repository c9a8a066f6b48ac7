//! Whether the library already has a feed's item, asked before its page is fetched for full text.

use rusqlite::OptionalExtension;

use super::Library;
use super::articles::{content_hash, has_hash};
use super::feeds::FeedItem;
use crate::corpus::SafeUrl;

impl Library {
    /// Whether [`Library::add_feed_articles`] would skip `item` of `feed_url`: the library has an article from
    /// this feed with the same guid, or one with the same link, or one with the same title, body and date.
    ///
    /// # Errors
    /// A read failed.
    pub fn has_feed_item(&self, feed_url: &str, item: &FeedItem) -> anyhow::Result<bool> {
        let tx = self.conn.unchecked_transaction()?;
        if let Some(guid) = item.guid.as_deref() {
            let found = tx
                .prepare_cached(
                    "SELECT 1 FROM articles WHERE origin_kind = 'feed' AND origin = ?1 AND guid = ?2 LIMIT 1",
                )?
                .query_row([feed_url, guid], |_| Ok(()))
                .optional()?;
            if found.is_some() {
                return Ok(true);
            }
        }
        if let Some(link) = item.article.url.as_ref().map(SafeUrl::as_str) {
            let found = tx
                .prepare_cached("SELECT 1 FROM articles WHERE link = ?1 LIMIT 1")?
                .query_row([link], |_| Ok(()))
                .optional()?;
            if found.is_some() {
                return Ok(true);
            }
        }
        Ok(has_hash(&tx, content_hash(&item.article))?)
    }
}
