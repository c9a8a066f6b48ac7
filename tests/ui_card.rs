//! The entity card in the reader: when it shows, where (docked or over the panes), its pivots, `o`, and snapshots.

mod ui_support;

use chrono::NaiveDate;
use cloakroom::corpus::Article;
use cloakroom::extract::EntityRef;
use cloakroom::ui::Action;
use cloakroom::ui::app::{EntityKind, Focus, ViewKind};
use cloakroom::ui::theme::Theme;
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use ui_support::{Harness, draw_at, entity_index, harness_over, harness_with};

/// Two and a half years of stories: Massie in most, with Lee, Johnson and H.R. 3684 in turns.
fn stories() -> Vec<Article> {
    // Months after December 2022 of each story: some months have several, some none.
    const MONTHS: [u32; 30] = [
        1, 1, 1, 2, 4, 4, 5, 5, 5, 5, 7, 8, 8, 10, 11, 11, 11, 13, 13, 14, 16, 16, 16, 16, 17, 18,
        18, 18, 18, 18,
    ];
    let mut out = Vec::new();
    for i in 0..30u32 {
        let m = MONTHS[i as usize] - 1;
        let (year, month) = (2023 + (m / 12) as i32, 1 + m % 12);
        let day = 1 + i;
        let date = NaiveDate::from_ymd_opt(year, month, day).expect("date");
        let mut body = String::from("Representative Thomas Massie of Kentucky spoke on Tuesday.");
        if i % 2 == 1 {
            body.push_str(" Senator Mike Lee of Utah agreed with Massie.");
        }
        if i % 3 == 2 {
            body.push_str(" The bill, H.R. 3684, would leave NATO.");
        }
        if i % 5 == 4 {
            body.push_str(" Speaker Mike Johnson said no vote was planned.");
        }
        if i == 7 {
            body.push_str(" Senator Joni Ernst of Iowa stayed out of it.");
        }
        out.push(Article {
            id: format!("s{i}"),
            title: format!("Massie story number {i}"),
            body,
            source: Some("Fixture Wire".to_owned()),
            date: Some(date),
            ..Article::default()
        });
    }
    out
}

fn reader(width: u16, height: u16) -> Harness {
    harness_over(stories(), width, height)
}

/// Opens the newest story and puts the focus on the side panel.
fn to_side(h: &mut Harness) {
    for _ in 0..4 {
        if h.app.focus() == Focus::Side {
            return;
        }
        h.press(KeyCode::Tab);
    }
    panic!("Tab never reached the side panel");
}

#[test]
fn the_card_shows_while_the_side_panel_has_the_focus_and_follows_its_selection() {
    let mut h = reader(140, 40);
    assert!(
        h.app.card().is_none(),
        "no card while the list has the focus"
    );
    to_side(&mut h);
    let card = h.app.card().expect("a card").card();
    assert_eq!(card.name, "Thomas Massie");
    assert_eq!(card.stories, 30);
    assert_eq!(card.often_with[0].name, "Mike Lee");
    assert_eq!(card.often_with[0].stories, 15);
    h.press(KeyCode::Char('j'));
    let card = h.app.card().expect("a card").card();
    assert_eq!(card.name, "Mike Lee", "the card follows the selection");
    assert_eq!(card.entity.kind(), EntityKind::Person);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.focus(), Focus::List);
    assert!(h.app.card().is_none());
}

#[test]
fn docked_under_the_side_panel_when_wide_over_the_panes_when_narrow() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    let areas = h.app.areas();
    let (side, card) = (areas.side.expect("side"), areas.card.expect("card"));
    assert!(!areas.card_over);
    assert_eq!((card.x, card.width), (side.x, side.width));
    assert_eq!(
        card.y,
        side.bottom(),
        "the card is under the people and bills"
    );

    let mut h = reader(80, 24);
    h.press(KeyCode::Char('p'));
    to_side(&mut h);
    let areas = h.app.areas();
    let (side, card) = (areas.side.expect("side"), areas.card.expect("card"));
    assert!(areas.card_over);
    assert_eq!(
        card.right(),
        side.x,
        "over the list and story, against the side panel"
    );
}

#[test]
fn often_with_entries_pivot_and_back_returns() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus(), Focus::Card);
    h.press(KeyCode::Char('j'));
    let companion = h
        .app
        .card()
        .and_then(|c| c.companion())
        .expect("companion")
        .clone();
    assert_eq!(companion.name, "H.R. 3684");
    assert!(matches!(companion.entity, EntityRef::Bill(_)));
    h.press(KeyCode::Enter);
    let view = h.app.view();
    assert_eq!(
        view.kind,
        ViewKind::Pivot {
            label: "H.R. 3684".to_owned(),
            kind: EntityKind::Bill,
            id: companion.entity.id()
        }
    );
    assert_eq!(view.items.len(), companion.stories);
    assert_eq!(h.app.focus(), Focus::List);
    assert!(
        h.screen().contains("All: 30 › H.R. 3684: 10 stories"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Esc);
    assert_eq!(h.app.views().len(), 1, "back to the whole list");
}

#[test]
fn esc_in_the_card_goes_back_to_the_side_panel() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.focus(), Focus::Side);
    assert!(h.app.card().is_some());
}

#[test]
fn o_on_a_bill_without_a_congress_gov_page_says_so() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    for _ in 0..10 {
        if h.app
            .card()
            .is_some_and(|c| c.card().entity.kind() == EntityKind::Bill)
        {
            break;
        }
        h.press(KeyCode::Char('j'));
    }
    h.press(KeyCode::Char('o'));
    assert_eq!(
        h.app.notice(),
        Some("H.R. 3684 has no congress.gov page (a numbered bill with a known Congress has one).")
    );
    assert!(
        h.effects
            .iter()
            .all(|e| !matches!(e, cloakroom::ui::Effect::OpenUrl(_)))
    );
}

#[test]
fn o_on_a_bill_with_a_congress_gov_page_opens_it_and_the_card_shows_it() {
    let articles = stories();
    let mut index = entity_index(&articles);
    let url = "https://www.congress.gov/bill/119th-congress/house-bill/3684";
    index.bills[0].url = Some(url.to_owned());
    let mut h = harness_with(articles, index, 140, 40);
    to_side(&mut h);
    for _ in 0..10 {
        if h.app
            .card()
            .is_some_and(|c| c.card().entity.kind() == EntityKind::Bill)
        {
            break;
        }
        h.press(KeyCode::Char('j'));
    }
    assert!(
        h.screen().contains("www.congress.gov/bill/119t"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('o'));
    let opened: Vec<String> = h
        .effects
        .iter()
        .filter_map(|e| match e {
            cloakroom::ui::Effect::OpenUrl(u) => Some(u.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(opened, [url]);
    assert_eq!(h.app.notice(), Some(format!("Opening {url}").as_str()));
}

#[test]
fn a_click_on_an_often_with_row_selects_it() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    let card = h.app.areas().card.expect("card");
    let screen = h.screen();
    let row = screen
        .lines()
        .enumerate()
        .find(|(y, l)| *y >= usize::from(card.y) && l.contains("Mike Johnson"))
        .map(|(y, _)| y as u16)
        .expect("Mike Johnson in the card");
    h.act(Action::Click(card.x + 2, row));
    assert_eq!(h.app.focus(), Focus::Card);
    assert_eq!(
        h.app
            .card()
            .and_then(|c| c.companion())
            .map(|c| c.name.as_str()),
        Some("Mike Johnson")
    );
}

#[test]
fn the_sparkline_is_drawn_in_its_theme_style() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    let buffer = h.buffer();
    let card = h.app.areas().card.expect("card");
    let spark = Theme::color().sparkline;
    let found = (card.y..card.bottom())
        .flat_map(|y| (card.x..card.right()).map(move |x| (x, y)))
        .any(|(x, y)| {
            let cell = &buffer[(x, y)];
            "▁▂▃▄▅▆▇█".contains(cell.symbol()) && cell.fg == spark.fg.expect("a colour")
        });
    assert!(found, "{}", h.screen());
}

#[test]
fn any_size_with_a_card_draws_without_a_panic() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    for (w, h2) in [
        (0, 0),
        (1, 1),
        (16, 4),
        (30, 10),
        (69, 20),
        (80, 24),
        (200, 60),
    ] {
        draw_at(&h.app, w, h2);
    }
    for size in [(20, 6), (60, 12), (100, 20)] {
        h.act(Action::Resize(size.0, size.1));
        h.buffer();
    }
}

#[test]
fn card_wide() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    h.press(KeyCode::Tab);
    assert_snapshot!(h.screen());
}

#[test]
fn card_narrow() {
    let mut h = reader(80, 24);
    h.press(KeyCode::Char('p'));
    to_side(&mut h);
    assert_snapshot!(h.screen());
}

#[test]
fn the_flat_card_index_gives_the_same_card() {
    let mut h = reader(140, 40);
    to_side(&mut h);
    let before = h.app.card().expect("card").card().clone();
    let index = h.app.entities().expect("index").clone();
    let flat = cloakroom::extract::card::CardIndex::build(&index, h.app.articles());
    h.act(Action::CardIndexReady(cloakroom::ui::action::Shared(
        std::sync::Arc::new(flat),
    )));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('k'));
    assert_eq!(h.app.card().expect("card").card(), &before);
}

#[test]
fn the_side_panel_and_card_give_a_linked_persons_role_as_of_the_story() {
    let articles = stories();
    let mut index = entity_index(&articles);
    let johnson = index
        .people
        .iter()
        .position(|p| p.name == "Mike Johnson")
        .expect("Mike Johnson");
    index.people[johnson].bioguide = Some("J000299".to_owned());
    let mut h = harness_with(articles, index, 140, 40);
    // The newest story (June 2024): Speaker since October 2023.
    assert!(
        h.screen().contains("Speaker of the House · R-Louis"),
        "{}",
        h.screen()
    );
    to_side(&mut h);
    for _ in 0..5 {
        if h.app
            .card()
            .is_some_and(|c| c.card().name == "Mike Johnson")
        {
            break;
        }
        h.press(KeyCode::Char('j'));
    }
    let card = h.app.card().expect("card").card();
    assert_eq!(card.role.as_deref(), Some("Speaker of the House"));
    assert_eq!(card.record.bioguide.as_deref(), Some("J000299"));
    // A story of April 2023: a Representative then, whatever most stories say.
    let early = h
        .app
        .articles()
        .iter()
        .position(|a| a.id == "s4")
        .expect("s4");
    let date = h.app.articles()[early].date;
    let index = h.app.entities().expect("index").clone();
    let items =
        cloakroom::ui::story::Story::new(early, &h.app.articles()[early], Some(&index), 40, &[]);
    let item = items
        .side()
        .iter()
        .find(|i| i.name == "Mike Johnson")
        .expect("Johnson in s4");
    assert_eq!(item.detail, "Representative · R-Louisiana", "{date:?}");
}
