//! The reader's feeds: `r` fetches in the background, new stories join the list, `F` lists feeds, Enter narrows.

mod ui_support;

use std::sync::Arc;

use chrono::NaiveDate;
use cloakroom::corpus::{Article, Origin};
use cloakroom::feeds::sync::Summary;
use cloakroom::library::Feed;
use cloakroom::ui::action::{FetchReport, Shared};
use cloakroom::ui::app::{Mode, ViewKind};
use cloakroom::ui::status::breadcrumb;
use cloakroom::ui::{Action, Effect};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use ui_support::{draw_at, harness};

const WIRE: &str = "https://wire.example/politics.xml";
const BROKEN: &str = "https://broken.example/rss";

fn story(id: &str, title: &str, date: &str) -> Article {
    Article {
        id: id.to_owned(),
        title: title.to_owned(),
        body: format!("{title}. The story's text."),
        source: Some("Capitol Wire".to_owned()),
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        origin: Origin {
            file: WIRE.to_owned(),
            line: None,
        },
        ..Article::default()
    }
}

fn feeds() -> Vec<Feed> {
    vec![
        Feed {
            url: WIRE.to_owned(),
            title: Some("Capitol Wire: Politics".to_owned()),
            last_fetch: Some(1_765_036_800_000),
            articles: 2,
            unread: 2,
            ..Feed::default()
        },
        Feed {
            url: BROKEN.to_owned(),
            title: None,
            last_fetch: Some(1_765_036_800_000),
            last_error: Some("HTTP 500".to_owned()),
            ..Feed::default()
        },
        Feed {
            url: "https://long.example/feed".to_owned(),
            title: Some("Summaries only".to_owned()),
            full_text: true,
            full_text_note: Some(
                "summary kept for 1 of 3 new stories: https://long.example/a: HTTP 404".to_owned(),
            ),
            ..Feed::default()
        },
    ]
}

fn report() -> FetchReport {
    FetchReport {
        summary: Summary {
            feeds: 2,
            new_articles: 2,
            unchanged: 0,
            failed: vec![(BROKEN.to_owned(), "HTTP 500".to_owned())],
            new_ids: vec!["w1".into(), "w2".into()],
        },
        articles: vec![
            story("w1", "Senate confirms the fixture nominee", "2099-01-02"),
            story("w2", "House adjourns for the fixture recess", "2099-01-01"),
        ],
        feeds: Some(feeds()),
        error: None,
    }
}

#[test]
fn r_asks_for_one_background_fetch_at_a_time() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Char('r'));
    assert_eq!(h.effects, [Effect::FetchFeeds]);
    assert!(h.app.feeds().fetching());
    h.press(KeyCode::Char('r'));
    assert_eq!(
        h.effects,
        [Effect::FetchFeeds],
        "no second fetch while one runs"
    );
    assert!(h.app.notice().unwrap().contains("Already fetching"));
}

#[test]
fn new_stories_join_the_list_with_a_count_and_failures_in_the_status_bar() {
    let mut h = harness(120, 35);
    let before = h.app.articles().len();
    h.press(KeyCode::Char('r'));
    h.act(Action::FeedsFetched(Shared(Arc::new(report()))));
    assert!(!h.app.feeds().fetching());
    assert_eq!(h.app.articles().len(), before + 2);
    assert_eq!(
        h.selected_title(),
        "Senate confirms the fixture nominee",
        "newest first, at the top"
    );
    let notice = h.app.notice().unwrap();
    assert_eq!(
        notice,
        format!("2 new from 2 feeds; failed: {BROKEN}: HTTP 500")
    );
    assert!(
        h.effects.contains(&Effect::StartIndexing),
        "people, bills and search take the new stories in"
    );
    let screen = h.screen();
    assert!(screen.contains("2 new from 2 feeds"), "{screen}");
    assert!(breadcrumb(&h.app).starts_with(&format!("All: {}", before + 2)));
}

#[test]
fn a_fetch_that_cannot_run_is_told_and_changes_nothing() {
    let mut h = harness(120, 35);
    let before = h.screen();
    h.press(KeyCode::Char('r'));
    let report = FetchReport {
        error: Some("cannot open /nope/library.db: permission denied".to_owned()),
        ..FetchReport::default()
    };
    h.act(Action::FeedsFetched(Shared(Arc::new(report))));
    assert_eq!(
        h.app.notice(),
        Some("Fetch failed: cannot open /nope/library.db: permission denied")
    );
    assert!(!h.app.feeds().fetching(), "r works again");
    let after = h.screen();
    assert_eq!(before.lines().next(), after.lines().next());
}

#[test]
fn feeds_overlay() {
    let mut h = harness(120, 30);
    h.act(Action::FeedsFetched(Shared(Arc::new(report()))));
    h.press(KeyCode::Char('F'));
    assert_eq!(h.app.mode(), Mode::Feeds);
    assert_eq!(
        h.effects.last(),
        Some(&Effect::ListFeeds),
        "fresh counts asked of the library"
    );
    h.act(Action::FeedsListed(Shared(Arc::new(feeds()))));
    assert_snapshot!(h.screen());
}

#[test]
fn enter_on_a_feed_narrows_the_list_and_back_returns() {
    let mut h = harness(120, 30);
    h.act(Action::FeedsFetched(Shared(Arc::new(report()))));
    let all = breadcrumb(&h.app);
    h.press(KeyCode::Char('F'));
    h.act(Action::FeedsListed(Shared(Arc::new(feeds()))));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('k'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.mode(), Mode::Normal);
    assert!(matches!(&h.app.view().kind, ViewKind::Feed { url, .. } if url == WIRE));
    assert_eq!(h.app.view().items.len(), 2);
    assert_eq!(
        breadcrumb(&h.app),
        format!("{all} › feed Capitol Wire: Politics: 2 stories")
    );
    assert_snapshot!(h.screen());
    h.press(KeyCode::Esc);
    assert_eq!(breadcrumb(&h.app), all);
}

#[test]
fn the_overlay_closes_with_its_keys_and_moves_within_the_list() {
    let mut h = harness(120, 30);
    h.press(KeyCode::Char('F'));
    h.act(Action::FeedsListed(Shared(Arc::new(feeds()))));
    for _ in 0..10 {
        h.press(KeyCode::Down);
    }
    assert_eq!(h.app.feeds().selected(), 2, "stops at the last feed");
    h.press(KeyCode::Char('q'));
    assert_eq!(
        h.app.mode(),
        Mode::Normal,
        "q closes the overlay, not the reader"
    );
    assert!(!h.app.quit());
    h.press(KeyCode::Char('F'));
    h.press(KeyCode::Esc);
    assert_eq!(h.app.mode(), Mode::Normal);
}

#[test]
fn no_feeds_says_how_to_add_one() {
    let mut h = harness(100, 20);
    h.press(KeyCode::Char('F'));
    h.act(Action::FeedsListed(Shared(Arc::new(Vec::new()))));
    let screen = h.screen();
    assert!(screen.contains("cloakroom feed add URL"), "{screen}");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.mode(), Mode::Feeds, "Enter on no feed does nothing");
}

#[test]
fn hostile_feed_titles_and_errors_are_cleaned_on_screen() {
    let mut h = harness(120, 30);
    h.press(KeyCode::Char('F'));
    let mut hostile = feeds();
    hostile[0].title = Some("Wire\u{1b}]0;pwned\u{7}\u{202e}txet".to_owned());
    hostile[1].last_error = Some("bad\u{1b}[2Jthing".to_owned());
    h.act(Action::FeedsListed(Shared(Arc::new(hostile))));
    let buffer = h.buffer();
    for cell in buffer.content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}'),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn the_overlay_draws_at_any_size() {
    let mut h = harness(120, 30);
    h.press(KeyCode::Char('F'));
    h.act(Action::FeedsListed(Shared(Arc::new(feeds()))));
    for (w, hgt) in [(0, 0), (1, 1), (5, 3), (20, 6), (40, 10)] {
        h.act(Action::Resize(w, hgt));
        let _ = draw_at(&h.app, w, hgt);
    }
}

#[test]
fn help_lists_the_feed_keys_from_the_keymap() {
    let rows = cloakroom::ui::keymap::help_rows();
    let has = |keys: &str, desc: &str| {
        rows.iter()
            .any(|(_, k, d)| k == keys && d.starts_with(desc))
    };
    assert!(has("r", "fetch the feeds"), "{rows:?}");
    assert!(has("F", "show the feeds"), "{rows:?}");
    assert!(has("Enter", "list the feed's stories"), "{rows:?}");
}

#[test]
fn the_mouse_does_not_reach_the_list_under_the_overlay() {
    let mut h = harness(120, 30);
    h.press(KeyCode::Char('F'));
    h.act(Action::FeedsListed(Shared(Arc::new(feeds()))));
    let selected = h.app.view().selected();
    h.act(Action::WheelDown(30, 10));
    assert_eq!(
        h.app.feeds().selected(),
        1,
        "the wheel moves in the overlay"
    );
    assert_eq!(h.app.view().selected(), selected);
    h.act(Action::Click(10, 8));
    assert_eq!(h.app.mode(), Mode::Normal, "a click closes the overlay");
    assert_eq!(
        h.app.view().selected(),
        selected,
        "and selects nothing under it"
    );
}
