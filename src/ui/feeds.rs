//! Feeds in the reader: the overlay's state, `r` (fetch in the background) and what a finished fetch changes.

use std::fmt::Write as _;

use super::action::{Effect, FetchReport};
use super::app::{App, Focus, Mode, View, ViewKind};
use crate::library::Feed;

/// The feeds overlay and the background fetch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedsState {
    /// The subscribed feeds, as the library last listed them.
    rows: Vec<Feed>,
    /// The selected row of the overlay.
    selected: usize,
    /// A fetch is running.
    fetching: bool,
}

impl FeedsState {
    /// The feeds, as listed.
    pub fn rows(&self) -> &[Feed] {
        &self.rows
    }

    /// The selected row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Whether a fetch is running.
    pub fn fetching(&self) -> bool {
        self.fetching
    }

    /// Replaces the list, keeping the selection on the same feed when it is still there.
    pub fn set_rows(&mut self, rows: Vec<Feed>) {
        let url = self.rows.get(self.selected).map(|f| f.url.clone());
        self.rows = rows;
        self.selected = url
            .and_then(|u| self.rows.iter().position(|f| f.url == u))
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection by `delta`, within the list.
    pub fn move_by(&mut self, delta: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.rows.len().saturating_sub(1));
    }
}

/// `r`: starts a fetch of every feed unless one is running.
pub fn refresh(app: &mut App, effects: &mut Vec<Effect>) {
    if app.feeds.fetching {
        app.notice = Some("Already fetching the feeds…".to_owned());
        return;
    }
    app.feeds.fetching = true;
    effects.push(Effect::FetchFeeds);
}

/// `F`: opens the feeds overlay (asking the library for fresh counts) or closes it.
pub fn toggle(app: &mut App, effects: &mut Vec<Effect>) {
    if app.mode == Mode::Feeds {
        app.mode = Mode::Normal;
    } else {
        app.mode = Mode::Feeds;
        effects.push(Effect::ListFeeds);
    }
}

/// A fetch ended: its new stories join the list, the status bar says how many (and what failed).
pub fn fetched(app: &mut App, report: FetchReport, effects: &mut Vec<Effect>) {
    app.feeds.fetching = false;
    if let Some(feeds) = report.feeds {
        app.feeds.set_rows(feeds);
    }
    let FetchReport {
        summary,
        articles,
        error,
        ..
    } = report;
    if let Some(error) = error {
        app.notice = Some(format!("Fetch failed: {error}"));
        return;
    }
    // A story the reader already holds (read by a library load that overlapped the fetch) is not added twice.
    let held: std::collections::HashSet<&str> =
        app.articles.iter().map(|a| a.id.as_str()).collect();
    let articles: Vec<_> = articles
        .into_iter()
        .filter(|a| !held.contains(a.id.as_str()))
        .collect();
    drop(held);
    let new = articles.len();
    if new > 0 {
        let loading = matches!(app.progress, super::app::Progress::Loading(_));
        app.add_stories(articles);
        refresh_feed_views(app);
        // The corpus-wide people, bills and search index are rebuilt with the new stories (a load in progress
        // indexes them when it ends).
        if !loading {
            app.progress = super::app::Progress::Entities(0, 0);
            effects.push(Effect::StartIndexing);
        }
    }
    let mut notice = if summary.feeds == 0 {
        "No feeds to fetch: add one with `cloakroom feed add URL`".to_owned()
    } else {
        format!("{new} new")
    };
    if summary.feeds > 0 {
        let _ = write!(
            notice,
            " from {} feed{}",
            summary.feeds,
            if summary.feeds == 1 { "" } else { "s" }
        );
    }
    if let Some((url, why)) = summary.failed.first() {
        let more = summary.failed.len() - 1;
        let _ = write!(notice, "; failed: {url}: {why}");
        if more > 0 {
            let _ = write!(notice, " (and {more} more; F lists them)");
        }
    }
    app.notice = Some(notice);
}

/// Enter in the overlay: the list narrows to the selected feed's stories, newest first (Esc goes back).
pub fn narrow(app: &mut App) {
    let Some(feed) = app.feeds.rows.get(app.feeds.selected).cloned() else {
        return;
    };
    app.mode = Mode::Normal;
    let title = feed.title.clone().unwrap_or_else(|| feed.url.clone());
    let items = feed_items(app, &feed.url);
    app.views.push(View::new(
        ViewKind::Feed {
            title,
            url: feed.url,
        },
        items,
    ));
    app.focus = Focus::List;
}

/// The stories of one feed, newest first.
fn feed_items(app: &App, url: &str) -> Vec<u32> {
    let mut items: Vec<u32> = app
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.origin.file == url)
        .map(|(i, _)| i as u32)
        .collect();
    items.sort_by(|&a, &b| {
        app.articles[b as usize]
            .date
            .cmp(&app.articles[a as usize].date)
    });
    items
}

/// Feed views on the stack take in stories that just arrived.
fn refresh_feed_views(app: &mut App) {
    for i in 0..app.views.len() {
        if let ViewKind::Feed { url, .. } = &app.views[i].kind {
            let items = feed_items(app, url);
            let view = &mut app.views[i];
            let current = view.current();
            view.items = items;
            let at = current.and_then(|c| view.items.iter().position(|&a| a as usize == c));
            view.select(at.unwrap_or(0));
        }
    }
}

/// Unread stories of a feed among those the reader holds, by the reader's marks.
pub fn unread_here(app: &App, url: &str) -> Option<usize> {
    let mut any = false;
    let unread = app
        .articles
        .iter()
        .filter(|a| a.origin.file == url)
        .inspect(|_| any = true)
        .filter(|a| !app.marks.is_read(&a.id))
        .count();
    any.then_some(unread)
}

impl App {
    /// The feeds overlay and the background fetch.
    pub fn feeds(&self) -> &FeedsState {
        &self.feeds
    }
}
