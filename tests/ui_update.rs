//! Pure tests of `update`: navigation, opening and marks, pivots, the mouse and going back.

mod ui_support;

use cloakroom::ui::Action;
use cloakroom::ui::Effect;
use cloakroom::ui::app::{Focus, Mode, ViewKind};
use cloakroom::ui::status::breadcrumb;
use cloakroom::ui::story::Target;
use crossterm::event::{KeyCode, KeyModifiers};
use ui_support::harness;

#[test]
fn the_list_starts_newest_first_with_undated_stories_last() {
    let h = harness(120, 35);
    let titles: Vec<&str> = h
        .app
        .view()
        .items
        .iter()
        .map(|&i| h.app.articles()[i as usize].id.as_str())
        .collect();
    assert_eq!(titles.first(), Some(&"nato-exit"));
    assert_eq!(titles.last(), Some(&"undated"));
    assert_eq!(h.app.view().selected(), 0);
    assert_eq!(
        h.app.story().map(cloakroom::ui::story::Story::article),
        h.app.view().current()
    );
}

#[test]
fn moving_clamps_at_both_ends() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Char('k'));
    assert_eq!(h.app.view().selected(), 0);
    h.keys("jj");
    assert_eq!(h.app.view().selected(), 2);
    h.press(KeyCode::Char('G'));
    assert_eq!(h.app.view().selected(), 7);
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.view().selected(), 7);
    h.press(KeyCode::Home);
    assert_eq!(h.app.view().selected(), 0);
    h.press(KeyCode::PageDown);
    assert_eq!(
        h.app.view().selected(),
        7,
        "a page is longer than the fixture"
    );
}

#[test]
fn the_reader_follows_the_selection_and_scrolls_within_the_story() {
    let mut h = harness(120, 12);
    h.keys("jjjj");
    assert_eq!(
        h.selected_title().split(',').next(),
        Some("A Long Read on the Committee System")
    );
    h.press(KeyCode::Enter);
    assert_eq!(h.app.focus(), Focus::Reader);
    let story = h.app.story().expect("story open");
    let max = story.doc().len() - 9; // 12 rows: 1 status line, 2 borders
    h.press(KeyCode::Char('G'));
    assert_eq!(
        h.app.story().map(cloakroom::ui::story::Story::scroll),
        Some(max)
    );
    h.press_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(
        h.app.story().map(cloakroom::ui::story::Story::scroll),
        Some(max - 4)
    );
    h.press(KeyCode::Char('g'));
    assert_eq!(
        h.app.story().map(cloakroom::ui::story::Story::scroll),
        Some(0)
    );
}

#[test]
fn opening_marks_read_and_s_m_change_marks() {
    let mut h = harness(120, 35);
    let id = h.app.articles()[h.app.view().current().expect("selected")]
        .id
        .clone();
    assert!(!h.app.marks().is_read(&id));
    h.press(KeyCode::Enter);
    assert!(h.app.marks().is_read(&id));
    assert_eq!(h.effects, vec![Effect::SaveState]);
    h.press(KeyCode::Char('m'));
    assert!(!h.app.marks().is_read(&id));
    h.press(KeyCode::Char('s'));
    assert!(h.app.marks().is_starred(&id));
    h.press(KeyCode::Char('s'));
    assert!(!h.app.marks().is_starred(&id));
    assert_eq!(h.effects.len(), 4);
}

#[test]
fn tab_cycles_the_panes_and_esc_goes_back_before_quitting() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus(), Focus::Reader);
    h.press(KeyCode::Char('l'));
    assert_eq!(h.app.focus(), Focus::Side);
    h.press(KeyCode::Tab);
    assert_eq!(
        h.app.focus(),
        Focus::Card,
        "the card of the side panel's selection"
    );
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus(), Focus::List);
    h.press_with(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(h.app.focus(), Focus::Side);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.focus(), Focus::List);
    assert!(!h.app.quit());
    h.press(KeyCode::Char('q'));
    assert!(h.app.quit());
}

#[test]
fn pivot_lists_every_story_of_a_person_newest_first_and_esc_returns() {
    let mut h = harness(120, 35);
    h.keys("j");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus(), Focus::Side);
    let story = h.app.story().expect("story");
    assert_eq!(story.side()[story.side_selected()].name, "Mike Johnson");
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    let view = h.app.view();
    assert!(matches!(&view.kind, ViewKind::Pivot { label, .. } if label == "Thomas Massie"));
    let ids: Vec<&str> = view
        .items
        .iter()
        .map(|&i| h.app.articles()[i as usize].id.as_str())
        .collect();
    assert_eq!(ids, ["nato-exit", "budget-vote", "long-read"]);
    assert_eq!(
        h.selected_title(),
        "House Passes Stopgap Budget After Late Night Vote"
    );
    assert!(breadcrumb(&h.app).ends_with("Thomas Massie: 3 stories"));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Esc);
    assert_eq!(h.app.views().len(), 1);
    assert_eq!(h.app.view().selected(), 1, "back at the same place");
}

#[test]
fn n_steps_through_the_selected_persons_mentions() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Char('n'));
    let story = h.app.story().expect("story");
    assert_eq!(story.target(), Target::Entity);
    assert_eq!(story.cursor(), Some(0));
    let mentions = story.targets().len();
    assert_eq!(mentions, 3, "Thomas Massie, then Massie twice");
    h.press(KeyCode::Char('N'));
    h.press(KeyCode::Char('N'));
    assert_eq!(
        h.app.story().and_then(cloakroom::ui::story::Story::cursor),
        Some(mentions - 2)
    );
}

#[test]
fn the_side_panel_folds_on_narrow_screens_and_p_brings_it_back() {
    let mut h = harness(90, 30);
    assert!(!h.app.side_visible());
    h.press(KeyCode::Char('p'));
    assert!(h.app.side_visible());
    h.act(Action::Resize(50, 20));
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus(), Focus::Reader);
}

#[test]
fn o_asks_to_open_only_http_links() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Char('o'));
    assert_eq!(
        h.effects,
        vec![Effect::OpenUrl(
            cloakroom::corpus::SafeUrl::parse("https://example.com/nato-exit").expect("valid")
        )]
    );
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Char('o'));
    assert_eq!(h.effects.len(), 1);
    assert!(h.app.notice().is_some_and(|n| n.contains("no http")));
}

#[test]
fn a_click_selects_in_the_list_and_a_second_click_opens() {
    let mut h = harness(120, 35);
    h.act(Action::Click(5, 5));
    assert_eq!(h.app.view().selected(), 2);
    assert_eq!(h.app.focus(), Focus::List);
    h.act(Action::Click(5, 5));
    assert_eq!(h.app.focus(), Focus::Reader);
    h.act(Action::Click(5, 30));
    assert_eq!(
        h.app.view().selected(),
        2,
        "a click below the last row selects nothing"
    );
}

#[test]
fn a_click_in_the_side_panel_selects_that_person_and_the_wheel_scrolls() {
    let mut h = harness(120, 20);
    h.act(Action::Click(100, 4));
    assert_eq!(h.app.focus(), Focus::Side);
    let story = h.app.story().expect("story");
    assert_eq!(story.side()[story.side_selected()].name, "Mike Lee");
    h.press(KeyCode::Esc);
    h.keys("jjjj");
    h.press(KeyCode::Enter);
    h.act(Action::WheelDown(60, 10));
    assert_eq!(
        h.app.story().map(cloakroom::ui::story::Story::scroll),
        Some(3)
    );
    h.act(Action::WheelUp(60, 10));
    h.act(Action::WheelUp(60, 10));
    assert_eq!(
        h.app.story().map(cloakroom::ui::story::Story::scroll),
        Some(0)
    );
    h.act(Action::WheelDown(5, 10));
    assert_eq!(
        h.app.view().selected(),
        7,
        "three down from the fifth, at most the last"
    );
}

#[test]
fn help_scrolls_within_its_text_and_closes() {
    let mut h = harness(120, 20);
    h.press(KeyCode::Char('?'));
    assert_eq!(h.app.mode(), Mode::Help);
    for _ in 0..200 {
        h.press(KeyCode::Char('j'));
    }
    let bottom = h.app.help_scroll();
    assert!(bottom > 0);
    h.press(KeyCode::Char('k'));
    assert_eq!(h.app.help_scroll(), bottom - 1);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.mode(), Mode::Normal);
    assert!(!h.app.quit());
}

#[test]
fn resizing_keeps_the_reader_on_the_same_text() {
    let mut h = harness(120, 12);
    h.keys("jjjj");
    h.press(KeyCode::Enter);
    h.keys("jjjjjjjjjj");
    let story = h.app.story().expect("story");
    let cloakroom::ui::story::DocLine::Body(start, _) = story.doc()[story.scroll()] else {
        panic!("scrolled into the body");
    };
    h.act(Action::Resize(90, 12));
    let story = h.app.story().expect("story");
    let cloakroom::ui::story::DocLine::Body(s, e) = story.doc()[story.scroll()] else {
        panic!("still in the body");
    };
    assert!(s <= start && start < e, "{s}..{e} should hold byte {start}");
}

#[test]
fn a_huge_story_is_wrapped_a_piece_at_a_time_and_ends_as_a_whole_wrap_would() {
    use cloakroom::ui::story::{Story, WRAP_CHUNK, WRAP_PER_ACTION, wrap_article};
    let paragraph = "Senator Mike Lee of Utah spoke on the floor about the budget. ".repeat(40);
    let body = vec![paragraph; 3 * WRAP_PER_ACTION / 2400].join("\n\n");
    assert!(body.len() > 2 * WRAP_PER_ACTION);
    let article = cloakroom::Article {
        id: "huge".into(),
        title: "A huge story".into(),
        body,
        ..cloakroom::Article::default()
    };
    let whole = wrap_article(&article, 60);
    let mut story = Story::new(0, &article, None, 60, &[]);
    assert!(
        !story.is_complete(),
        "only the first piece is wrapped at first"
    );
    assert!(story.doc().len() < whole.len());
    assert!(
        story.doc().len() * 60 >= WRAP_CHUNK / 2,
        "the first piece fills screens"
    );
    // Scrolling to the end wraps on, at most WRAP_PER_ACTION bytes an action.
    let mut actions = 0;
    while !story.is_complete() {
        story.scroll_by(isize::MAX / 2);
        story.fit(&article, 60, 30, 30);
        actions += 1;
        assert!(actions < 100, "wrapping never ends");
    }
    assert!(
        actions >= 2,
        "a bounded piece per action ({actions} actions)"
    );
    assert_eq!(
        story.doc(),
        whole.as_slice(),
        "pieces join as the whole wrap"
    );
}
