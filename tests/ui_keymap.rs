//! Pure tests of the keymap: resolving keys per mode and focus, and the help generated from it.

use cloakroom::ui::Action;
use cloakroom::ui::app::{Focus, Mode};
use cloakroom::ui::keymap::{KEYMAP, Scope, help_rows, hints, resolve};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn vim_keys_and_arrows_move_in_every_pane() {
    for focus in [Focus::List, Focus::Reader, Focus::Side] {
        assert_eq!(
            resolve(Mode::Normal, focus, key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            resolve(Mode::Normal, focus, key(KeyCode::Down)),
            Some(Action::Down)
        );
        assert_eq!(
            resolve(Mode::Normal, focus, key(KeyCode::Char('k'))),
            Some(Action::Up)
        );
        assert_eq!(
            resolve(Mode::Normal, focus, key(KeyCode::Home)),
            Some(Action::Top)
        );
        assert_eq!(
            resolve(Mode::Normal, focus, ctrl('d')),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            resolve(Mode::Normal, focus, key(KeyCode::PageUp)),
            Some(Action::PageUp)
        );
    }
}

#[test]
fn shift_is_folded_into_letters_and_back_tab() {
    let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(
        resolve(Mode::Normal, Focus::List, big_g),
        Some(Action::Bottom)
    );
    let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        resolve(Mode::Normal, Focus::List, back_tab),
        Some(Action::FocusPrev)
    );
    let big_n = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
    assert_eq!(
        resolve(Mode::Normal, Focus::Reader, big_n),
        Some(Action::PrevMatch)
    );
}

#[test]
fn ctrl_c_quits_from_every_mode() {
    for mode in [Mode::Normal, Mode::Search, Mode::Help] {
        assert_eq!(resolve(mode, Focus::List, ctrl('c')), Some(Action::Quit));
    }
}

#[test]
fn the_search_prompt_takes_letters_that_panes_would_use() {
    assert_eq!(
        resolve(Mode::Search, Focus::List, key(KeyCode::Char('j'))),
        Some(Action::SearchInput('j'))
    );
    assert_eq!(
        resolve(Mode::Search, Focus::List, key(KeyCode::Char('q'))),
        Some(Action::SearchInput('q'))
    );
    assert_eq!(
        resolve(Mode::Search, Focus::List, key(KeyCode::Enter)),
        Some(Action::SearchAccept)
    );
    assert_eq!(
        resolve(Mode::Search, Focus::List, key(KeyCode::Esc)),
        Some(Action::SearchCancel)
    );
    assert_eq!(
        resolve(Mode::Search, Focus::List, ctrl('w')),
        Some(Action::SearchDeleteWord)
    );
    assert_eq!(resolve(Mode::Search, Focus::List, ctrl('x')), None);
}

#[test]
fn help_is_topmost_and_swallows_pane_keys() {
    assert_eq!(
        resolve(Mode::Help, Focus::List, key(KeyCode::Esc)),
        Some(Action::ToggleHelp)
    );
    assert_eq!(
        resolve(Mode::Help, Focus::List, key(KeyCode::Char('?'))),
        Some(Action::ToggleHelp)
    );
    assert_eq!(
        resolve(Mode::Help, Focus::List, key(KeyCode::Char('s'))),
        None
    );
    assert_eq!(
        resolve(Mode::Help, Focus::List, key(KeyCode::Char('j'))),
        Some(Action::Down)
    );
}

#[test]
fn enter_opens_in_the_list_and_pivots_in_the_side_panel() {
    assert_eq!(
        resolve(Mode::Normal, Focus::List, key(KeyCode::Enter)),
        Some(Action::Enter)
    );
    assert_eq!(
        resolve(Mode::Normal, Focus::Side, key(KeyCode::Enter)),
        Some(Action::Enter)
    );
    assert_eq!(
        resolve(Mode::Normal, Focus::Reader, key(KeyCode::Char(' '))),
        Some(Action::PageDown)
    );
    assert_eq!(
        resolve(Mode::Normal, Focus::List, key(KeyCode::Char(' '))),
        None
    );
}

#[test]
fn every_binding_is_reachable_and_none_is_bound_twice() {
    for (i, b) in KEYMAP.iter().enumerate() {
        let dup = KEYMAP[..i]
            .iter()
            .any(|o| o.scope == b.scope && o.code == b.code && o.mods == b.mods);
        assert!(
            !dup,
            "{:?} {:?} is bound twice in {:?}",
            b.code, b.mods, b.scope
        );
        let (mode, focus) = match b.scope {
            Scope::Global | Scope::Normal | Scope::List => (Mode::Normal, Focus::List),
            Scope::Help => (Mode::Help, Focus::List),
            Scope::Feeds => (Mode::Feeds, Focus::List),
            Scope::Search => (Mode::Search, Focus::List),
            Scope::Reader => (Mode::Normal, Focus::Reader),
            Scope::Side => (Mode::Normal, Focus::Side),
        };
        let got = resolve(mode, focus, KeyEvent::new(b.code, b.mods));
        assert_eq!(
            got.as_ref(),
            Some(&b.action),
            "{:?} in {:?}",
            b.code,
            b.scope
        );
    }
}

#[test]
fn help_lists_every_description_once_per_scope() {
    let rows = help_rows();
    for b in KEYMAP {
        let n = rows
            .iter()
            .filter(|(s, _, d)| *s == b.scope && *d == b.desc)
            .count();
        assert_eq!(n, 1, "{}", b.desc);
    }
    let down = rows
        .iter()
        .find(|(s, _, d)| *s == Scope::Normal && *d == "down")
        .expect("down row");
    assert_eq!(down.1, "j ↓");
}

#[test]
fn hints_come_from_the_keymap_for_the_mode() {
    let normal = hints(Mode::Normal, Focus::List);
    assert!(normal.contains(&("/".to_owned(), "search")));
    assert!(normal.contains(&("?".to_owned(), "help")));
    let search = hints(Mode::Search, Focus::List);
    assert!(search.contains(&("Esc".to_owned(), "cancel")));
    assert!(!search.iter().any(|(_, h)| *h == "search"));
}

#[test]
fn capital_s_toggles_the_order_of_search_results_and_the_help_says_so() {
    for focus in [Focus::List, Focus::Reader, Focus::Side] {
        assert_eq!(
            resolve(Mode::Normal, focus, key(KeyCode::Char('S'))),
            Some(Action::ToggleSort)
        );
    }
    assert!(
        help_rows()
            .iter()
            .any(|(_, k, d)| k == "S" && d.contains("newest first"))
    );
}
