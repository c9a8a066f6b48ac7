//! Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed, via `feed-rs`) to sanitized articles, deduplicated.

use std::collections::HashSet;

use feed_rs::model::{Entry, Feed, Link, Text};

use crate::corpus::{Article, Origin, SafeUrl, derive_id, sanitize, text};

/// One story from a feed, with the keys it is deduplicated by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The entry's own id (`guid`, Atom `id`, JSON Feed `id`), cleaned; `None` when it has none.
    pub guid: Option<String>,
    /// The article, every text field sanitized; `url` only when http(s).
    pub article: Article,
    /// True when the body came from the feed's summary alone (no full content).
    pub summary_only: bool,
}

impl Item {
    /// The content key: the article's title and body hashed as the file loaders do ([`derive_id`]).
    pub fn content_key(&self) -> String {
        derive_id(&self.article.title, &self.article.body)
    }
}

/// A parsed feed: its own title and link, and its stories in document order, duplicates removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFeed {
    /// The feed's title, cleaned.
    pub title: Option<String>,
    /// The feed's web page.
    pub site: Option<SafeUrl>,
    /// The stories.
    pub items: Vec<Item>,
    /// Links dropped (not http or https) and duplicates removed, in words.
    pub warnings: Vec<String>,
}

/// Parses a feed document already decoded to UTF-8; `feed_url` names it (relative links resolve against it).
///
/// # Errors
/// The parser's message when the document is no feed it knows (malformed XML, HTML, unknown JSON).
pub fn parse(text: &str, feed_url: &str) -> Result<ParsedFeed, String> {
    let parser = feed_rs::parser::Builder::new()
        // An entry without an id gets none; we key it by link or content instead of a made-up hash.
        .id_generator(|_: &[Link], _: &Option<Text>, _: Option<&str>| String::new())
        .build();
    let feed = parser
        .parse(text.as_bytes())
        .map_err(|e| format!("not a feed: {e}"))?;
    Ok(convert(&feed, feed_url))
}

/// Our articles from `feed-rs`'s model.
fn convert(feed: &Feed, feed_url: &str) -> ParsedFeed {
    let base = url::Url::parse(feed_url).ok();
    let title = feed
        .title
        .as_ref()
        .map(|t| text::line(&t.content))
        .filter(|t| !t.is_empty());
    let site = pick_link(&feed.links, base.as_ref()).and_then(|u| SafeUrl::parse(&u).ok());
    let mut out = ParsedFeed {
        title,
        site,
        ..ParsedFeed::default()
    };
    let source = out
        .title
        .clone()
        .or_else(|| base.as_ref().and_then(|b| b.host_str().map(str::to_owned)));
    for entry in &feed.entries {
        if let Some(item) = item(
            entry,
            feed_url,
            base.as_ref(),
            source.as_deref(),
            &mut out.warnings,
        ) {
            out.items.push(item);
        }
    }
    let removed = dedupe(&mut out.items);
    if removed > 0 {
        out.warnings
            .push(format!("{removed} duplicate stories in the feed left out"));
    }
    out
}

/// One entry as an item; `None` when it has neither title nor text.
fn item(
    entry: &Entry,
    feed_url: &str,
    base: Option<&url::Url>,
    source: Option<&str>,
    warnings: &mut Vec<String>,
) -> Option<Item> {
    let title = entry
        .title
        .as_ref()
        .map(|t| capped(text::line(&t.content), crate::corpus::MAX_TITLE_BYTES))
        .unwrap_or_default();
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty());
    let summary = entry
        .summary
        .as_ref()
        .map(|s| s.content.as_str())
        .filter(|s| !s.trim().is_empty());
    let summary_only = content.is_none();
    let raw_body = content.or(summary).unwrap_or("");
    let body = capped(text::body(raw_body.into()), crate::corpus::MAX_BODY_BYTES);
    if title.is_empty() && body.is_empty() {
        warnings.push("an entry with neither title nor text left out".to_owned());
        return None;
    }
    let link = pick_link(&entry.links, base);
    let url = match link
        .as_deref()
        .map(|l| SafeUrl::parse(&sanitize::clean_line(l)))
    {
        Some(Ok(url)) => Some(url),
        Some(Err(why)) => {
            warnings.push(format!("{title:?}: link dropped: {why}"));
            None
        }
        None => None,
    };
    let guid = Some(sanitize::clean_line(&entry.id)).filter(|g| !g.is_empty());
    let date = entry.published.or(entry.updated).map(|d| d.date_naive());
    let authors = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(text::line))
        .filter(|n| !n.is_empty())
        .collect();
    let tags = entry
        .categories
        .iter()
        .map(|c| text::line(c.label.as_deref().unwrap_or(&c.term)))
        .filter(|t| !t.is_empty())
        .collect();
    Some(Item {
        guid,
        summary_only,
        article: Article {
            // The library makes the id from the feed and the guid, link or content.
            id: String::new(),
            title,
            body,
            source: source.map(str::to_owned),
            authors,
            date,
            url,
            tags,
            origin: Origin {
                file: sanitize::clean_line(feed_url),
                line: None,
            },
        },
    })
}

/// Caps a title or body at the loaders' limit (`max` bytes), on a character boundary.
fn capped(mut body: String, max: usize) -> String {
    if body.len() > max {
        let mut end = max;
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        body.truncate(end);
    }
    body
}

/// The entry's page: the `alternate` link, else the first without a `rel`, else the first; resolved
/// against the feed's URL when relative.
fn pick_link(links: &[Link], base: Option<&url::Url>) -> Option<String> {
    let link = links
        .iter()
        .find(|l| l.rel.as_deref() == Some("alternate"))
        .or_else(|| links.iter().find(|l| l.rel.is_none()))
        .or_else(|| links.first())?;
    let href = link.href.trim();
    match url::Url::parse(href) {
        Ok(url) => Some(url.into()),
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            base.and_then(|b| b.join(href).ok()).map(Into::into)
        }
        Err(_) => Some(href.to_owned()),
    }
}

/// Removes later duplicates: the same guid, else the same link, else the same title and body. Returns how many.
pub fn dedupe(items: &mut Vec<Item>) -> usize {
    let before = items.len();
    let mut guids = HashSet::new();
    let mut links = HashSet::new();
    let mut contents = HashSet::new();
    items.retain(|item| {
        let content = item.content_key();
        let seen = item.guid.as_ref().is_some_and(|g| guids.contains(g))
            || item
                .article
                .url
                .as_ref()
                .is_some_and(|u| links.contains(u.as_str()))
            || contents.contains(&content);
        if !seen {
            if let Some(g) = &item.guid {
                guids.insert(g.clone());
            }
            if let Some(u) = &item.article.url {
                links.insert(u.as_str().to_owned());
            }
            contents.insert(content);
        }
        !seen
    });
    before - items.len()
}
