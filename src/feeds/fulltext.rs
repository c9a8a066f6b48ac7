//! `--full-text` feeds: each new story's page is fetched (one request at a time per host, with a pause) and its main text kept.

use std::collections::BTreeMap;
use std::thread;

use super::http::{Http, Response, Validators};
use super::parse::Item;
use crate::corpus::text;

/// Hosts fetched at once (each by one thread, one request at a time).
const MAX_THREADS: usize = 4;

/// Below this many characters an extracted text is taken for a failed extraction.
const MIN_TEXT_CHARS: usize = 200;

/// What happened to one story's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageOutcome {
    /// The page's main text replaced the summary.
    Extracted,
    /// The summary was kept, for this reason.
    Kept(String),
}

/// Fetches the page of every item (that has a link), at most four hosts at once and one request at a time per
/// host with the client's `host_delay` between them, and replaces each body by the page's main text. Items whose
/// page fails keep their summary. Returns one outcome per item, in order.
pub fn fill(http: &Http, items: &mut [Item]) -> Vec<PageOutcome> {
    let mut by_host: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut outcomes = vec![PageOutcome::Kept("the story has no link".to_owned()); items.len()];
    for (i, item) in items.iter().enumerate() {
        if let Some(url) = &item.article.url {
            let host = url::Url::parse(url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned));
            by_host.entry(host.unwrap_or_default()).or_default().push(i);
        }
    }
    let urls: Vec<Option<String>> = items
        .iter()
        .map(|i| i.article.url.as_ref().map(|u| u.as_str().to_owned()))
        .collect();
    let results: Vec<(usize, Result<String, String>)> = thread::scope(|scope| {
        let hosts: Vec<&Vec<usize>> = by_host.values().collect();
        let threads = hosts.len().min(MAX_THREADS);
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let urls = &urls;
                let mine: Vec<&Vec<usize>> =
                    hosts.iter().skip(t).step_by(threads).copied().collect();
                scope.spawn(move || {
                    let mut done = Vec::new();
                    for indexes in mine {
                        for (n, &i) in indexes.iter().enumerate() {
                            if n > 0 {
                                thread::sleep(http.config().host_delay);
                            }
                            let url = urls[i].as_deref().unwrap_or_default();
                            done.push((i, page_text(http, url)));
                        }
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    for (i, result) in results {
        outcomes[i] = match result {
            Ok(body) => {
                items[i].article.body = body;
                items[i].summary_only = false;
                PageOutcome::Extracted
            }
            Err(why) => PageOutcome::Kept(why),
        };
    }
    outcomes
}

/// The main text of the page at `url`.
///
/// # Errors
/// Why there is none: the fetch failed, or the readability pass found no article.
pub fn page_text(http: &Http, url: &str) -> Result<String, String> {
    let response = http
        .get(
            url,
            &Validators::default(),
            "text/html,application/xhtml+xml",
        )
        .map_err(|e| format!("{url}: {e}"))?;
    let Response::Body {
        bytes,
        content_type,
        final_url,
        ..
    } = response
    else {
        return Err(format!("{url}: the server said not modified"));
    };
    let (html, _) = super::decode::to_utf8(&bytes, content_type.as_deref());
    extract(&html, &final_url).map_err(|why| format!("{url}: {why}"))
}

/// The main text of an HTML page, through the corpus's HTML-to-text path and sanitizer.
///
/// # Errors
/// When the readability pass fails or keeps fewer than 200 characters.
pub fn extract(html: &str, url: &str) -> Result<String, String> {
    let mut readability = dom_smoothie::Readability::new(html, Some(url), None)
        .map_err(|e| format!("no article found ({e})"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article found ({e})"))?;
    let body = text::body(article.content.to_string().into());
    if body.chars().count() < MIN_TEXT_CHARS {
        return Err("no article found (the page's main text is too short)".to_owned());
    }
    Ok(body)
}
