//! Loading the user's corpus on a background thread, so that the list shows while the rest is parsed.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use crate::corpus::{self, Article, LoadOptions, LoadReport};
use crate::library::Library;

/// How long the reader waits for the whole corpus before it shows what it has.
pub const FIRST_FRAME_BUDGET: Duration = Duration::from_millis(250);

/// What the loading thread reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// More stories, in corpus order.
    Batch(Vec<Article>),
    /// Loading ended: what was skipped and warned about, or why the corpus cannot be read.
    Done(anyhow::Result<LoadReport>),
}

/// How the reader starts.
#[derive(Debug)]
pub struct Start {
    /// The stories loaded so far.
    pub articles: Vec<Article>,
    /// The report, when loading has ended.
    pub report: Option<LoadReport>,
    /// The rest of the stories, when loading goes on.
    pub rest: Option<Receiver<LoadEvent>>,
}

/// Starts loading `paths` on a background thread.
pub fn spawn(paths: Vec<PathBuf>, options: LoadOptions) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let batches = tx.clone();
        let result = corpus::load_streaming(&paths, &options, &mut |articles| {
            if !articles.is_empty() {
                let _ = batches.send(LoadEvent::Batch(std::mem::take(articles)));
            }
        });
        let report = result.map(|c| {
            if !c.articles.is_empty() {
                let _ = tx.send(LoadEvent::Batch(c.articles));
            }
            c.report
        });
        let _ = tx.send(LoadEvent::Done(report));
    });
    rx
}

/// Stories read from the library per batch.
const LIBRARY_BATCH: usize = 4096;

/// Starts reading the library's stories on a background thread, or returns `None` when there is no library or
/// it holds none (the bundled sample opens then).
///
/// # Errors
/// The library cannot be opened (named in the error), before the screen is taken over.
pub fn spawn_library(flag: Option<&Path>) -> anyhow::Result<Option<Receiver<LoadEvent>>> {
    let Some(lib) = Library::open_existing(flag)? else {
        return Ok(None);
    };
    if lib.article_count()? == 0 {
        return Ok(None);
    }
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let batches = tx.clone();
        let result = lib.read_articles(LIBRARY_BATCH, &mut |batch| {
            let _ = batches.send(LoadEvent::Batch(batch));
        });
        let report = result.map(|_| LoadReport {
            files_read: 1,
            ..LoadReport::default()
        });
        let _ = tx.send(LoadEvent::Done(report));
    });
    Ok(Some(rx))
}

/// Collects stories until loading ends or, once there is at least one story, `budget` has passed.
///
/// # Errors
/// Loading failed before the screen was taken over.
pub fn first_screen(rx: Receiver<LoadEvent>, budget: Duration) -> anyhow::Result<Start> {
    let deadline = Instant::now() + budget;
    let mut articles = Vec::new();
    loop {
        let wait = deadline.saturating_duration_since(Instant::now());
        let event = if articles.is_empty() {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            rx.recv_timeout(wait)
        };
        match event {
            Ok(LoadEvent::Batch(mut batch)) => articles.append(&mut batch),
            Ok(LoadEvent::Done(report)) => {
                return Ok(Start {
                    articles,
                    report: Some(report?),
                    rest: None,
                });
            }
            Err(RecvTimeoutError::Timeout) => {
                return Ok(Start {
                    articles,
                    report: None,
                    rest: Some(rx),
                });
            }
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("the loading thread stopped"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_corpus_is_whole_before_the_first_frame() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"x\",\"title\":\"One\"}\n{\"id\":\"x\",\"title\":\"Two\"}\nnope\n",
        )?;
        let start = first_screen(
            spawn(vec![path], LoadOptions::default()),
            Duration::from_secs(30),
        )?;
        assert_eq!(start.articles.len(), 2);
        assert!(start.rest.is_none());
        let report = start.report.expect("done");
        assert_eq!(report.skipped.len(), 1);
        assert_eq!(report.skipped[0].line, Some(3));
        Ok(())
    }

    #[test]
    fn what_is_in_after_the_budget_shows_and_the_rest_follows() -> anyhow::Result<()> {
        let (tx, rx) = mpsc::channel();
        let story = |id: &str| Article {
            id: id.into(),
            ..Article::default()
        };
        tx.send(LoadEvent::Batch(vec![story("a"), story("b")]))?;
        let start = first_screen(rx, Duration::from_millis(50))?;
        assert_eq!(start.articles.len(), 2);
        assert!(start.report.is_none());
        let rest = start.rest.expect("still loading");
        tx.send(LoadEvent::Batch(vec![story("c")]))?;
        tx.send(LoadEvent::Done(Ok(LoadReport::default())))?;
        let events: Vec<LoadEvent> = rest.try_iter().collect();
        assert!(matches!(&events[0], LoadEvent::Batch(b) if b[0].id == "c"));
        assert!(matches!(&events[1], LoadEvent::Done(Ok(_))));
        Ok(())
    }

    #[test]
    fn a_broken_file_is_an_error_before_the_screen() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("bad.json");
        std::fs::write(&path, "[{\"title\": \"a\"},\n{\"title\" \"b\"}]")?;
        let err = first_screen(
            spawn(vec![path], LoadOptions::default()),
            Duration::from_secs(30),
        )
        .expect_err("invalid JSON");
        assert!(
            err.to_string().contains("bad.json:2:10: expected `:`"),
            "{err}"
        );
        Ok(())
    }
}
