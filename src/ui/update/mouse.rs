//! Mouse: a click selects (and a second click opens) in any pane; the wheel scrolls the pane under it.

use ratatui::layout::{Position, Rect};

use super::super::action::Effect;
use super::super::app::{App, Focus, Mode};
use super::super::layout::{self, inner};
use super::super::story::SideRow;

/// The pane under a point, with the row inside its border.
fn hit(app: &App, x: u16, y: u16) -> Option<(Focus, usize)> {
    let areas = app.areas;
    let at = Position::new(x, y);
    [Focus::List, Focus::Reader, Focus::Side]
        .into_iter()
        .find_map(|pane| {
            let area: Rect = areas.pane(pane)?;
            area.contains(at).then(|| {
                let body = inner(area);
                (pane, usize::from(y.saturating_sub(body.y)))
            })
        })
}

/// A click: focus the pane and select the row under it; clicking the selected story opens it.
pub fn click(app: &mut App, x: u16, y: u16, effects: &mut Vec<Effect>) {
    // A click closes an overlay (help, feeds) rather than reaching the panes under it.
    if matches!(app.mode, Mode::Help | Mode::Feeds) {
        app.mode = Mode::Normal;
        return;
    }
    let Some((pane, row)) = hit(app, x, y) else {
        return;
    };
    match pane {
        Focus::List => {
            let height = app
                .areas
                .list
                .map_or(1, |r| layout::list_row_height(r, app.layout));
            let view = app.view_mut();
            let target = view.offset() + row / height;
            if target < view.items.len() {
                let again = target == view.selected() && app.focus == Focus::List;
                app.view_mut().select(target);
                if again && app.mode == Mode::Normal {
                    super::focus(app, Focus::Reader, effects);
                    return;
                }
            }
            if app.mode == Mode::Normal {
                app.focus = Focus::List;
            }
        }
        Focus::Reader if app.mode == Mode::Normal => super::focus(app, Focus::Reader, effects),
        Focus::Side if app.mode == Mode::Normal => {
            app.focus = Focus::Side;
            if let Some(story) = &mut app.story {
                let rows = story.side_rows();
                if let Some(SideRow::Name(i) | SideRow::Detail(i)) =
                    rows.get(story.side_offset() + row)
                {
                    story.select_side(*i);
                }
            }
        }
        Focus::Reader | Focus::Side => {}
    }
}

/// The wheel: scroll the pane under the pointer by `delta` rows.
pub fn wheel(app: &mut App, x: u16, y: u16, delta: isize) {
    if app.mode == Mode::Feeds {
        app.feeds.move_by(delta.signum());
        return;
    }
    match hit(app, x, y).map(|(pane, _)| pane) {
        Some(Focus::List) => {
            app.view_mut().move_by(delta);
        }
        Some(Focus::Reader) => {
            if let Some(story) = &mut app.story {
                story.scroll_by(delta);
            }
        }
        Some(Focus::Side) => {
            if let Some(story) = &mut app.story {
                story.move_side(delta.signum());
            }
        }
        None => {}
    }
}
