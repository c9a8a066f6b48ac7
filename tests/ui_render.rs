//! Drawing tests: insta snapshots of every screen and mode, highlight styles, hostile text, tiny sizes.

mod ui_support;

use cloakroom::extract::Field;
use cloakroom::ui::Action;
use cloakroom::ui::theme::Theme;
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use ratatui::layout::Position;
use ui_support::{draw_at, harness, text};

#[test]
fn start_screen() {
    let h = harness(120, 35);
    assert_snapshot!(h.screen());
}

#[test]
fn story_open() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Enter);
    assert_snapshot!(h.screen());
}

#[test]
fn search_with_results_while_typing() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Char('/'));
    h.keys("massie");
    assert_snapshot!(h.screen());
}

#[test]
fn pivot_on_a_person() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    assert_snapshot!(h.screen());
}

#[test]
fn help_overlay() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Char('?'));
    assert_snapshot!(h.screen());
}

#[test]
fn medium_terminal_folds_the_side_panel() {
    let h = harness(90, 24);
    assert_snapshot!(h.screen());
}

#[test]
fn narrow_terminal_shows_one_pane_at_a_time() {
    let mut h = harness(50, 16);
    assert_snapshot!("narrow_list", h.screen());
    h.press(KeyCode::Enter);
    assert_snapshot!("narrow_story", h.screen());
}

#[test]
fn a_persons_mention_in_the_body_has_the_person_style() {
    let h = harness(120, 35);
    let buffer = h.buffer();
    let theme = Theme::color();
    let screen = text(&buffer);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Representative Thomas Massie"))
        .expect("the body line is on screen");
    let col = line[..line.find("Thomas Massie").expect("name")]
        .chars()
        .count() as u16;
    for dx in 0..13 {
        let cell = &buffer[Position::new(col + dx, row as u16)];
        assert_eq!(
            cell.fg,
            theme.person.fg.expect("person colour"),
            "column {dx}"
        );
    }
    let before = &buffer[Position::new(col - 2, row as u16)];
    assert_ne!(before.fg, theme.person.fg.expect("person colour"));
}

#[test]
fn the_selected_entity_is_brightest_and_search_matches_are_lit() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    let theme = Theme::color();
    let buffer = h.buffer();
    let screen = text(&buffer);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Representative Thomas Massie"))
        .expect("body line");
    let col = line[..line.find("Thomas Massie").expect("name")]
        .chars()
        .count() as u16;
    assert_eq!(
        buffer[Position::new(col, row as u16)].bg,
        theme.entity_selected.bg.expect("bg")
    );
    let story = h.app.story().expect("story");
    assert!(
        story.side()[story.side_selected()]
            .mentions
            .iter()
            .all(|m| m.field == Field::Body)
    );

    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('/'));
    h.keys("nato");
    h.press(KeyCode::Enter);
    let buffer = h.buffer();
    let screen = text(&buffer);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("from NATO."))
        .expect("match line");
    let col = line[..line.find("NATO.").expect("word")].chars().count() as u16;
    assert_eq!(
        buffer[Position::new(col, row as u16)].bg,
        theme.search_match.bg.expect("bg")
    );
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let mut h = harness(120, 35);
    h.press(KeyCode::Char('/'));
    h.keys("escape");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let screen = h.screen();
    assert!(
        screen.contains("│ Title with [31mescape[0m and bidi and zero"),
        "{screen}"
    );
    for c in screen.chars() {
        assert!(
            !cloakroom::ui::text::is_unsafe(c) || c == '\n',
            "{c:?} reached the screen"
        );
    }
    assert!(screen.contains("BadSource"));
}

#[test]
fn tiny_and_empty_terminals_never_panic() {
    let mut h = harness(120, 35);
    for (w, h_) in [
        (0, 0),
        (1, 1),
        (0, 5),
        (5, 0),
        (2, 2),
        (15, 3),
        (16, 4),
        (20, 5),
    ] {
        h.act(Action::Resize(w, h_));
        let buffer = draw_at(&h.app, w, h_);
        assert_eq!(buffer.area.width, w);
    }
    h.act(Action::Resize(1, 1));
    assert_eq!(text(&draw_at(&h.app, 1, 1)), "t\n");
}

#[test]
fn every_small_size_in_every_mode_draws() {
    let mut h = harness(120, 35);
    let keys = [
        KeyCode::Char('j'),
        KeyCode::Tab,
        KeyCode::Tab,
        KeyCode::Char('n'),
        KeyCode::Char('/'),
        KeyCode::Char('m'),
        KeyCode::Enter,
        KeyCode::Char('?'),
        KeyCode::Esc,
        KeyCode::Enter,
        KeyCode::Char('p'),
        KeyCode::Esc,
    ];
    for w in (0..=130).step_by(3) {
        for ht in 0..=24 {
            h.act(Action::Resize(w, ht));
            let key = keys[(usize::from(w) + usize::from(ht)) % keys.len()];
            h.press(key);
            let buffer = draw_at(&h.app, w, ht);
            assert_eq!((buffer.area.width, buffer.area.height), (w, ht));
        }
    }
}

#[test]
fn no_color_uses_modifiers_only() {
    use ratatui::style::{Color, Modifier};
    let mut h = harness(120, 35);
    h.app.set_theme(Theme::mono());
    let buffer = h.buffer();
    for cell in buffer.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "{:?}",
            cell.symbol()
        );
    }
    let screen = text(&buffer);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Representative Thomas Massie"))
        .expect("body line");
    let col = line[..line.find("Thomas Massie").expect("name")]
        .chars()
        .count() as u16;
    let cell = &buffer[Position::new(col, row as u16)];
    assert!(cell.modifier.contains(Modifier::UNDERLINED));
}
