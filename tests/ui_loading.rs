//! The reader while the corpus loads: stories arriving in batches join the list, then indexing starts.

mod ui_support;

use std::sync::Arc;

use cloakroom::state::ReadState;
use cloakroom::ui::action::Shared;
use cloakroom::ui::app::{App, Progress};
use cloakroom::ui::theme::Theme;
use cloakroom::ui::{Action, Effect, update};
use ui_support::{articles, draw_at, text};

fn ids(app: &App) -> Vec<String> {
    app.view()
        .items
        .iter()
        .map(|&i| app.articles()[i as usize].id.clone())
        .collect()
}

#[test]
fn batches_join_the_list_newest_first_and_the_selection_stays() {
    let all = articles();
    let whole = App::new(
        Arc::new(all.clone()),
        ReadState::in_memory(),
        Theme::color(),
    );
    let (first, rest) = all.split_at(all.len() / 2);
    let mut app = App::new(
        Arc::new(first.to_vec()),
        ReadState::in_memory(),
        Theme::color(),
    );
    app.start_loading();
    update(&mut app, Action::Resize(120, 35));
    update(&mut app, Action::Down);
    let chosen = app.view().current();
    assert!(chosen.is_some());
    let screen = text(&draw_at(&app, 120, 35));
    assert!(
        screen.contains(&format!("loading… {} stories", first.len())),
        "{screen}"
    );

    for story in rest {
        update(
            &mut app,
            Action::MoreStories(Shared(Arc::new(vec![story.clone()]))),
        );
    }
    assert_eq!(ids(&app), ids(&whole));
    assert_eq!(
        app.view().current(),
        chosen,
        "the same story stays selected"
    );
    assert_eq!(app.progress(), Progress::Loading(all.len()));

    let effects = update(&mut app, Action::Loaded { skipped: 2 });
    assert_eq!(effects, vec![Effect::StartIndexing]);
    assert_eq!(app.progress(), Progress::Entities(0, 0));
    let notice = app.notice().unwrap_or_default().to_owned();
    assert!(notice.contains("2 records skipped"), "{notice}");
}

#[test]
fn duplicate_ids_across_batches_are_kept_apart_when_loading_ends() {
    let all = articles();
    let mut app = App::new(
        Arc::new(all[..2].to_vec()),
        ReadState::in_memory(),
        Theme::color(),
    );
    app.start_loading();
    let mut again = all[0].clone();
    again.title = "The same id again".into();
    update(&mut app, Action::MoreStories(Shared(Arc::new(vec![again]))));
    update(
        &mut app,
        Action::MoreStories(Shared(Arc::new(all[2..].to_vec()))),
    );
    assert_eq!(
        app.view().selected(),
        0,
        "a list at its top stays at its top"
    );
    let newest = App::new(
        Arc::new(all.clone()),
        ReadState::in_memory(),
        Theme::color(),
    );
    assert_eq!(ids(&app)[0], ids(&newest)[0]);
    update(&mut app, Action::Loaded { skipped: 0 });
    let first = all[0].id.clone();
    assert_eq!(app.articles()[0].id, first);
    assert_eq!(app.articles()[2].id, format!("{first}~2"));
    let notice = app.notice().unwrap_or_default().to_owned();
    assert!(notice.contains("1 duplicate ids kept apart"), "{notice}");
}

#[test]
fn a_search_typed_while_loading_is_asked_again_when_loading_ends() {
    let all = articles();
    let mut app = App::new(
        Arc::new(all[..3].to_vec()),
        ReadState::in_memory(),
        Theme::color(),
    );
    app.start_loading();
    update(&mut app, Action::SearchStart);
    for c in "nato".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    assert!(app.prompt().pending);
    let effects = update(&mut app, Action::Loaded { skipped: 0 });
    assert_eq!(
        effects,
        vec![
            Effect::StartIndexing,
            Effect::Search(app.prompt().generation, "nato".into())
        ]
    );
}
