//! The side panel: the people and bills of the open story, with how many stories mention each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, EntityKind, Focus};
use super::story::SideRow;
use super::text::{fit, width};

/// Draws the people and bills of the open story.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Side;
    let mut block = theme
        .block(focused)
        .title(Line::styled(" People & bills ", theme.pane_title));
    if app.story.as_ref().is_some_and(|s| !s.is_linked()) {
        block = block.title(Line::styled(" indexing… ", theme.dim).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(story) = &app.story else { return };
    let w = usize::from(inner.width);
    let lines: Vec<Line> = story
        .side_rows()
        .into_iter()
        .skip(story.side_offset())
        .take(usize::from(inner.height))
        .map(|row| match row {
            SideRow::Heading(kind, n) => {
                let name = if kind == EntityKind::Person {
                    "People"
                } else {
                    "Bills"
                };
                let text = if n == 0 && !story.is_found() {
                    format!("{name}: finding…")
                } else if n == 0 {
                    format!("{name}: none found")
                } else {
                    format!("{name} ({n})")
                };
                Line::styled(fit(&text, w), theme.heading)
            }
            SideRow::Name(i) => {
                let item = &story.side()[i];
                let count = match item.stories {
                    Some(1) => "1 story".to_owned(),
                    Some(n) => format!("{n} stories"),
                    None => String::new(),
                };
                let style = if item.kind == EntityKind::Person {
                    theme.person
                } else {
                    theme.bill
                };
                let name = fit(&item.name, w.saturating_sub(width(&count) + 2));
                let pad = w.saturating_sub(width(&name) + width(&count));
                let line = Line::from(vec![
                    Span::styled(name, style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, theme.dim),
                ]);
                selected(line, app, i, focused)
            }
            SideRow::Detail(i) => {
                let line = Line::styled(
                    format!("  {}", fit(&story.side()[i].detail, w.saturating_sub(2))),
                    theme.dim,
                );
                selected(line, app, i, focused)
            }
            SideRow::Gap => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn selected<'a>(line: Line<'a>, app: &App, item: usize, focused: bool) -> Line<'a> {
    match &app.story {
        Some(story) if story.side_selected() == item => line.style(if focused {
            app.theme.selected
        } else {
            app.theme.selected_unfocused
        }),
        _ => line,
    }
}
