//! `update`: the only place the reader's state changes, one `Action` at a time.

mod card;
mod mouse;
mod views;

use super::action::{Action, Effect, Stage};
use super::app::{App, Focus, Mode, Progress};
use super::layout::{self, Areas};
use super::story::{Story, Target};

pub use views::{MAX_QUERY, search_scope, search_terms, sort_label};

/// Applies one action and returns the work it asks of the event loop.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if is_user(&action) {
        app.notice = None;
    }
    let mut effects = Vec::new();
    match action {
        Action::Quit => app.quit = true,
        Action::Back => back(app, &mut effects),
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Down => step(app, 1),
        Action::Up => step(app, -1),
        Action::PageDown => step(app, page(app)),
        Action::PageUp => step(app, -page(app)),
        Action::HalfPageDown => step(app, (page(app) / 2).max(1)),
        Action::HalfPageUp => step(app, -(page(app) / 2).max(1)),
        Action::Top => step(app, isize::MIN / 2),
        Action::Bottom => step(app, isize::MAX / 2),
        Action::FocusNext | Action::FocusRight => cycle(app, 1, &mut effects),
        Action::FocusPrev | Action::FocusLeft => cycle(app, -1, &mut effects),
        // In the feeds overlay, Enter narrows the list to the selected feed.
        Action::Enter if app.mode == Mode::Feeds => super::feeds::narrow(app),
        Action::Enter => match app.focus {
            Focus::List => focus(app, Focus::Reader, &mut effects),
            Focus::Reader => {}
            Focus::Side => views::pivot(app),
            Focus::Card => views::pivot_companion(app),
        },
        Action::SearchStart => views::search_start(app),
        Action::SearchInput(c) => {
            if app.prompt.query.chars().count() >= views::MAX_QUERY {
                return effects;
            }
            app.prompt.query.push(c);
            views::search_changed(app, &mut effects);
        }
        Action::SearchBackspace => {
            app.prompt.query.pop();
            views::search_changed(app, &mut effects);
        }
        Action::SearchDeleteWord => {
            let kept = app.prompt.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
            app.prompt.query.truncate(kept);
            views::search_changed(app, &mut effects);
        }
        Action::SearchClear => {
            app.prompt.query.clear();
            views::search_changed(app, &mut effects);
        }
        Action::Paste(text) => views::paste(app, &text, &mut effects),
        Action::SearchAccept => views::search_accept(app),
        Action::SearchCancel => views::search_cancel(app),
        Action::SearchResults(outcome) => views::search_results(app, outcome),
        Action::NextMatch => jump(app, 1),
        Action::PrevMatch => jump(app, -1),
        Action::ToggleStar => {
            if let Some(id) = selected_id(app) {
                app.marks.toggle_star(&id);
                effects.push(Effect::SaveState);
            }
        }
        Action::ToggleRead => {
            if let Some(id) = selected_id(app) {
                let read = app.marks.is_read(&id);
                app.marks.set_read(&id, !read);
                effects.push(Effect::SaveState);
            }
        }
        Action::OpenUrl => match app.article().and_then(|a| a.url.clone()) {
            Some(url) => {
                app.notice = Some(format!("Opening {url}"));
                effects.push(Effect::OpenUrl(url));
            }
            _ => app.notice = Some("This story has no http(s) link.".to_owned()),
        },
        Action::OpenRecord => card::open_record(app, &mut effects),
        Action::ToggleSide => {
            let show = !app.side_visible();
            app.side_choice = Some(show);
            if show && app.size.0 < layout::SINGLE_MAX_WIDTH {
                app.focus = Focus::Side;
            } else if !show && app.focus == Focus::Side {
                app.focus = Focus::Reader;
            }
        }
        Action::ToggleSort => views::toggle_sort(app, &mut effects),
        Action::ToggleHelp => {
            app.mode = if app.mode == Mode::Help {
                Mode::Normal
            } else {
                Mode::Help
            };
            app.help_scroll = 0;
        }
        Action::Resize(w, h) => app.size = (w, h),
        Action::Click(x, y) => mouse::click(app, x, y, &mut effects),
        Action::WheelDown(x, y) => mouse::wheel(app, x, y, 3),
        Action::WheelUp(x, y) => mouse::wheel(app, x, y, -3),
        Action::MoreStories(batch) => {
            let batch = std::sync::Arc::try_unwrap(batch.0).unwrap_or_else(|b| (*b).clone());
            app.add_stories(batch);
        }
        Action::Loaded { skipped } => loaded(app, skipped, &mut effects),
        Action::Progress(Stage::Entities, done, total) => {
            app.progress = Progress::Entities(done, total);
        }
        Action::Progress(Stage::Search, ..) => app.progress = Progress::Search,
        Action::StoryEntities(article, found) => {
            if let Some(story) = app.story.as_mut().filter(|s| s.article() == article) {
                story.set_own_entities(&found.0, app.entities.as_deref(), &app.articles[article]);
                // A card made before the story's own words were known is made again with them.
                if app.card.as_ref().is_some_and(|c| c.article() == article) {
                    app.card = None;
                }
            }
        }
        Action::EntitiesReady(index) => {
            app.entities = Some(index.0);
            if app.progress != Progress::Ready {
                app.progress = Progress::Search;
            }
            relink_story(app);
        }
        Action::CardIndexReady(flat) => app.card_index = Some(flat.0),
        Action::SearchReady => {
            app.progress = Progress::Ready;
            views::rerun_partial(app, &mut effects);
        }
        Action::Notify(text) => app.notice = Some(text),
        Action::FetchFeeds => super::feeds::refresh(app, &mut effects),
        Action::ToggleFeeds => super::feeds::toggle(app, &mut effects),
        Action::FeedsFetched(report) => {
            let report = std::sync::Arc::try_unwrap(report.0).unwrap_or_else(|r| (*r).clone());
            super::feeds::fetched(app, report, &mut effects);
        }
        Action::FeedsListed(feeds) => app.feeds.set_rows((*feeds.0).clone()),
    }
    // The layout, computed once per action: what the next frame shows and the next action's
    // paging and clicks go by.
    app.areas = layout::areas(app);
    if let Some(article) = sync_story(app) {
        effects.push(Effect::ExtractStory(article));
    }
    if card::sync(app) {
        app.areas = layout::areas(app);
    }
    relayout(app);
    effects
}

/// The whole corpus is in: keep duplicate ids apart, say what was skipped, start the indexing.
fn loaded(app: &mut App, skipped: usize, effects: &mut Vec<Effect>) {
    let duplicates =
        crate::corpus::dedupe_ids(std::sync::Arc::make_mut(&mut app.articles).as_mut_slice());
    let mut notes = Vec::new();
    if skipped > 0 {
        notes.push(format!("{skipped} records skipped (listed on exit)"));
    }
    if !duplicates.is_empty() {
        notes.push(format!("{} duplicate ids kept apart", duplicates.len()));
    }
    if !notes.is_empty() {
        app.notice = Some(notes.join("; "));
    }
    app.progress = Progress::Entities(0, 0);
    effects.push(Effect::StartIndexing);
    // A search typed while loading found no searcher: ask again now that there is one.
    let query = app.prompt.query.trim();
    if app.prompt.pending && !query.is_empty() {
        effects.push(Effect::Search(app.prompt.generation, query.to_owned()));
    }
}

/// Whether the action comes from the user (and so clears the last notice).
fn is_user(action: &Action) -> bool {
    !matches!(
        action,
        Action::Progress(..)
            | Action::MoreStories(_)
            | Action::Loaded { .. }
            | Action::EntitiesReady(_)
            | Action::CardIndexReady(_)
            | Action::SearchReady
            | Action::SearchResults(_)
            | Action::StoryEntities(..)
            | Action::Notify(_)
            | Action::Resize(..)
            | Action::FeedsFetched(_)
            | Action::FeedsListed(_)
    )
}

/// Help, then focus back to the list, then the previous view, then quit.
fn back(app: &mut App, effects: &mut Vec<Effect>) {
    if matches!(app.mode, Mode::Help | Mode::Feeds) {
        app.mode = Mode::Normal;
    } else if app.focus == Focus::Card {
        app.focus = Focus::Side;
    } else if app.focus != Focus::List {
        app.focus = Focus::List;
    } else if app.views.len() > 1 {
        views::pop(app);
        // Back on titles-only results of a search made while indexing: now ask the full index.
        if app.progress == Progress::Ready {
            views::rerun_partial(app, effects);
        }
    } else {
        app.quit = true;
    }
}

/// Rows in one page of the focused pane.
fn page(app: &App) -> isize {
    let areas = app.areas;
    match (app.mode, app.focus) {
        (Mode::Search, _) | (Mode::Normal, Focus::List) => areas.list.map_or(10, |r| {
            layout::list_capacity(r, app.layout).max(2) as isize - 1
        }),
        _ => areas
            .pane(app.focus)
            .map_or(10, |r| (layout::inner(r).height.max(2) - 1) as isize),
    }
}

/// Moves the selection or scroll of what has the keyboard by `delta`.
fn step(app: &mut App, delta: isize) {
    match (app.mode, app.focus) {
        (Mode::Help, _) => {
            let max = super::help::line_count(app)
                .saturating_sub(usize::from(app.size.1.saturating_sub(4)));
            app.help_scroll = app.help_scroll.saturating_add_signed(delta).min(max);
        }
        (Mode::Feeds, _) => app.feeds.move_by(delta),
        (Mode::Search, _) | (Mode::Normal, Focus::List) => {
            app.view_mut().move_by(delta);
        }
        (Mode::Normal, Focus::Reader) => {
            if let Some(story) = &mut app.story {
                story.scroll_by(delta);
            }
        }
        (Mode::Normal, Focus::Side) => {
            if let Some(story) = &mut app.story {
                story.move_side(delta);
            }
        }
        (Mode::Normal, Focus::Card) => {
            if let Some(card) = &mut app.card {
                card.move_by(delta);
            }
        }
    }
}

/// The panes that can take the focus now, left to right.
fn panes(app: &App) -> Vec<Focus> {
    let mut panes = vec![Focus::List, Focus::Reader];
    if app.side_visible() || app.size.0 < layout::SINGLE_MAX_WIDTH {
        panes.push(Focus::Side);
    }
    if app.card.is_some() {
        panes.push(Focus::Card);
    }
    panes
}

fn cycle(app: &mut App, delta: isize, effects: &mut Vec<Effect>) {
    let panes = panes(app);
    let at = panes.iter().position(|&p| p == app.focus).unwrap_or(0);
    let next = (at as isize + delta).rem_euclid(panes.len() as isize) as usize;
    focus(app, panes[next], effects);
}

/// Gives a pane the focus; focusing the story marks it read.
fn focus(app: &mut App, pane: Focus, effects: &mut Vec<Effect>) {
    app.focus = pane;
    if pane == Focus::Side
        && let Some(story) = &mut app.story
    {
        story.aim_at_entities();
    }
    if pane == Focus::Reader
        && let Some(id) = selected_id(app)
        && !app.marks.is_read(&id)
    {
        app.marks.set_read(&id, true);
        effects.push(Effect::SaveState);
    }
}

/// Id of the selected story.
fn selected_id(app: &App) -> Option<String> {
    app.view().current().map(|i| app.articles[i].id.clone())
}

/// Steps to the next or previous mark in the story and scrolls it into view.
fn jump(app: &mut App, delta: isize) {
    let height = app
        .areas
        .reader
        .map_or(10, |r| usize::from(layout::inner(r).height));
    let Some(story) = &mut app.story else { return };
    if !story.step_mark(&app.articles[story.article()], delta, height) {
        app.notice = Some(match story.target() {
            Target::Search => "No search matches in this story.".to_owned(),
            Target::Entity => {
                "Nothing to step through: pick a person or bill in the side panel.".to_owned()
            }
        });
    }
}

/// Shows the selected story in the reader when the selection moved; returns its article when
/// its people and bills must still be found (the corpus index is not ready).
fn sync_story(app: &mut App) -> Option<usize> {
    let Some(article) = app.view().current() else {
        app.story = None;
        return None;
    };
    if app.story.as_ref().is_some_and(|s| s.article() == article) {
        return None;
    }
    let width = reader_text_width(app);
    let terms = search_terms(app, article);
    app.story = Some(Story::new(
        article,
        &app.articles[article],
        app.entities.as_deref(),
        width,
        &terms,
    ));
    // Before the corpus index is ready the story's own extraction fills the side panel; after, its
    // words give unlinked people their role in this story.
    Some(article)
}

/// Rebuilds the side items from the corpus index, keeping the selected name.
fn relink_story(app: &mut App) {
    let Some(old) = app.story.take() else { return };
    let terms = search_terms(app, old.article());
    let mut story = Story::new(
        old.article(),
        &app.articles[old.article()],
        app.entities.as_deref(),
        reader_text_width(app),
        &terms,
    );
    if let Some(own) = old.own_shared() {
        story.set_own_entities(&own, app.entities.as_deref(), &app.articles[old.article()]);
    }
    story.carry_over(&old);
    app.story = Some(story);
}

/// The width the reader pane's text has (or would have if it were shown).
fn reader_text_width(app: &App) -> u16 {
    let areas = app.areas;
    let reader = areas.reader.or(areas.list).or(areas.side);
    reader.map_or(1, layout::text_width)
}

/// Re-wraps the story for the current width and keeps every offset within bounds.
fn relayout(app: &mut App) {
    let areas: Areas = app.areas;
    let width = reader_text_width(app);
    let rows = |r: Option<ratatui::layout::Rect>| {
        r.map_or(1, |r| usize::from(layout::inner(r).height.max(1)))
    };
    let (list_h, reader_h, side_h) = (
        areas
            .list
            .map_or(1, |r| layout::list_capacity(r, app.layout)),
        rows(areas.reader.or(areas.list)),
        rows(areas.side.or(areas.list)),
    );
    app.view_mut().scroll_into_view(list_h);
    if let Some(story) = &mut app.story {
        story.fit(&app.articles[story.article()], width, reader_h, side_h);
    }
}
