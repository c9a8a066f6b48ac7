//! The reader's background feed work: a fetch into the library (`r`) and a listing of the feeds (`F`), each on a
//! thread of its own that answers on the event channel.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;

use super::action::{Action, FetchReport, Shared};
use super::bus::Msg;
use crate::feeds::sync::{fetch_into, requests};
use crate::feeds::{Http, HttpConfig};
use crate::library::{Library, now_ms};

/// Fetches every feed into the library at `library` (the default one when `None`), then sends what it brought as
/// a `FeedsFetched` action.
pub fn spawn_fetch(tx: Sender<Msg>, library: Option<PathBuf>, http: HttpConfig) {
    thread::spawn(move || {
        let report = fetch(library.as_deref(), http).unwrap_or_else(|err| FetchReport {
            error: Some(format!("{err:#}")),
            ..FetchReport::default()
        });
        let _ = tx.send(Msg::Do(Action::FeedsFetched(Shared(Arc::new(report)))));
    });
}

/// The fetch itself.
fn fetch(library: Option<&std::path::Path>, http: HttpConfig) -> anyhow::Result<FetchReport> {
    let mut lib = Library::open_default(library)?;
    let requests = requests(&lib, &[])?;
    let summary = fetch_into(&mut lib, &Http::new(http), &requests, 0, &|_| {}, &now_ms)?;
    let mut articles = Vec::new();
    if !summary.new_ids.is_empty() {
        let wanted: HashSet<&str> = summary.new_ids.iter().map(String::as_str).collect();
        lib.read_articles(4096, &mut |batch| {
            articles.extend(batch.into_iter().filter(|a| wanted.contains(a.id.as_str())));
        })?;
    }
    Ok(FetchReport {
        summary,
        articles,
        feeds: lib.feeds().ok(),
        error: None,
    })
}

/// Lists the feeds of the library (when it exists; the listing never creates one) as a `FeedsListed` action.
pub fn spawn_list(tx: Sender<Msg>, library: Option<PathBuf>) {
    thread::spawn(move || {
        let Some(path) = library.or_else(crate::library::default_path) else {
            return;
        };
        if !path.exists() {
            let _ = tx.send(Msg::Do(Action::FeedsListed(Shared(Arc::new(Vec::new())))));
            return;
        }
        match Library::open(&path).and_then(|lib| lib.feeds()) {
            Ok(feeds) => {
                let _ = tx.send(Msg::Do(Action::FeedsListed(Shared(Arc::new(feeds)))));
            }
            Err(err) => {
                let _ = tx.send(Msg::Do(Action::Notify(format!(
                    "Could not list the feeds: {err:#}"
                ))));
            }
        }
    });
}
