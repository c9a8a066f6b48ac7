//! Drawing: a pure function of the app that paints every region, then the overlay on top.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, Mode};
use super::layout;
use super::{feeds_view, help, list, reader, side, status};

/// Paints the whole screen from the state, without changing it.
pub fn draw(frame: &mut Frame, app: &App) {
    let screen = frame.area();
    // The layout `update` computed, unless the frame is not the size it was computed for.
    let areas = if (screen.width, screen.height) == app.size {
        app.areas
    } else {
        layout::compute(
            screen,
            app.focus,
            app.side_visible(),
            app.mode == Mode::Search,
            app.layout,
        )
    };
    if areas.too_small {
        if screen.width > 0 && screen.height > 0 {
            frame.render_widget(
                Paragraph::new(Line::styled("too small", app.theme.warning)),
                screen,
            );
        }
        return;
    }
    if let Some(area) = areas.list {
        list::render(frame, area, app);
    }
    if let Some(area) = areas.reader {
        reader::render(frame, area, app);
    }
    if let Some(area) = areas.side {
        side::render(frame, area, app);
    }
    if let Some(area) = areas.prompt {
        status::render_prompt(frame, area, app);
    }
    if let Some(area) = areas.status {
        status::render(frame, area, app);
    }
    if app.mode == Mode::Help {
        help::render(frame, screen, app);
    }
    if app.mode == Mode::Feeds {
        feeds_view::render(frame, screen, app);
    }
}
