//! Who an unlinked person is in the open story: the side panel and the card give the role that story's own words
//! give (issue 12), not the role most stories give.

mod ui_support;

use chrono::NaiveDate;
use cloakroom::corpus::Article;
use cloakroom::extract::EntityIndex;
use cloakroom::ui::app::Focus;
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use ui_support::{Harness, harness_with};

fn story(id: &str, date: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.to_owned(),
        title: title.to_owned(),
        body: body.to_owned(),
        source: Some("Fixture Wire".to_owned()),
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        ..Article::default()
    }
}

/// A minister in office in two stories of 2004, out of it in one of 2005 (the newest, opened first), and named
/// without a title in one of 2005.
fn stories() -> Vec<Article> {
    vec![
        story(
            "h1",
            "2004-03-01",
            "Cards plan defended",
            "Home Secretary David Blunkett defended the identity cards plan. Mr Blunkett spoke in Sheffield.",
        ),
        story(
            "h2",
            "2004-06-01",
            "Cards bill back",
            "Home Secretary David Blunkett said the cards bill would return. Mr Blunkett met police chiefs.",
        ),
        story(
            "h3",
            "2005-04-01",
            "Nanny inquiry",
            "Labour sources said Mr Blunkett would not comment. David Blunkett stayed at home.",
        ),
        story(
            "h4",
            "2005-04-10",
            "Election hint",
            "Ex-Home Secretary David Blunkett has given fresh clues about the election date. \
             Prime Minister Tony Blair was in Downing Street.",
        ),
    ]
}

/// The reader over the stories with the extractor's own index (the roles are the extractor's).
fn reader() -> Harness {
    let articles = stories();
    let index = EntityIndex::build(&articles);
    harness_with(articles, index, 120, 30)
}

/// The side panel's detail line under a name.
fn detail_under(screen: &str, name: &str) -> String {
    let mut lines = screen.lines().skip_while(|l| !l.contains(name));
    lines.next();
    lines.next().unwrap_or("").to_owned()
}

fn open(h: &mut Harness, title: &str) {
    for _ in 0..8 {
        if h.selected_title().contains(title) {
            return;
        }
        h.press(KeyCode::Char('j'));
    }
    panic!("no story {title}");
}

#[test]
fn the_side_panel_gives_the_role_of_the_open_storys_own_words() {
    let mut h = reader();
    open(&mut h, "Election hint");
    let screen = h.screen();
    assert!(
        detail_under(&screen, "David Blunkett").contains("former Home Secretary"),
        "{screen}"
    );
    // No title in this story: what most stories say.
    open(&mut h, "Nanny inquiry");
    let screen = h.screen();
    let detail = detail_under(&screen, "David Blunkett");
    assert!(
        detail.contains("Home Secretary") && !detail.contains("former"),
        "{screen}"
    );
    open(&mut h, "Cards bill back");
    let screen = h.screen();
    let detail = detail_under(&screen, "David Blunkett");
    assert!(
        detail.contains("Home Secretary") && !detail.contains("former"),
        "{screen}"
    );
}

#[test]
fn the_card_gives_the_role_of_the_open_storys_own_words() {
    let mut h = reader();
    open(&mut h, "Election hint");
    for _ in 0..4 {
        if h.app.focus() == Focus::Side {
            break;
        }
        h.press(KeyCode::Tab);
    }
    let card = h.app.card().expect("card").card();
    assert_eq!(card.name, "David Blunkett");
    assert_eq!(card.role.as_deref(), Some("former Home Secretary"));
    assert_eq!(card.stories, 4);
}

#[test]
fn the_role_shows_once_the_extraction_thread_answers() {
    let articles = stories();
    let newest = articles.len() - 1;
    let index = EntityIndex::build(&articles);
    let story = cloakroom::ui::story::Story::new(newest, &articles[newest], Some(&index), 60, &[]);
    let before = story
        .side()
        .iter()
        .find(|i| i.name == "David Blunkett")
        .map(|i| i.detail.clone());
    assert_eq!(before.as_deref(), Some("Home Secretary"), "the corpus vote");
    let mut story = story;
    let own = std::sync::Arc::new(cloakroom::extract::extract(&articles[newest]));
    story.set_own_entities(&own, Some(&index), &articles[newest]);
    let after = story
        .side()
        .iter()
        .find(|i| i.name == "David Blunkett")
        .map(|i| i.detail.clone());
    assert_eq!(after.as_deref(), Some("former Home Secretary"));
}

#[test]
fn side_panel_of_a_former_minister() {
    let mut h = reader();
    open(&mut h, "Election hint");
    assert_snapshot!(h.screen());
}

#[test]
fn before_the_index_is_ready_the_story_gives_the_role_as_it_says_it() {
    let articles = stories();
    let newest = articles.len() - 1;
    let mut story = cloakroom::ui::story::Story::new(newest, &articles[newest], None, 60, &[]);
    assert!(story.side().is_empty());
    let own = std::sync::Arc::new(cloakroom::extract::extract(&articles[newest]));
    story.set_own_entities(&own, None, &articles[newest]);
    let detail = story
        .side()
        .iter()
        .find(|i| i.name == "David Blunkett")
        .map(|i| i.detail.clone());
    assert_eq!(detail.as_deref(), Some("former Home Secretary"));
}
