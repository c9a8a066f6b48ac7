//! The list pane: one row per story with read mark, star, title (search matches lit), source and date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Focus, Mode, ViewKind};
use super::text::{char_width, clean, fit, is_unsafe, width};
use crate::search::MatchField;

/// Draws the list of the view on top of the stack.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let view = app.view();
    let focused = app.focus == Focus::List || app.mode == Mode::Search;
    let title = match &view.kind {
        ViewKind::All => " Stories ".to_owned(),
        ViewKind::Search { .. } => " Results ".to_owned(),
        ViewKind::Pivot { .. } => " Mentions ".to_owned(),
        ViewKind::Feed { .. } => " Feed ".to_owned(),
    };
    let position = if view.items.is_empty() {
        " 0/0 ".to_owned()
    } else {
        format!(" {}/{} ", view.selected() + 1, view.items.len())
    };
    let block = theme
        .block(focused)
        .title(Line::styled(title, theme.pane_title))
        .title(Line::styled(position, theme.meta).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let tall = super::layout::list_row_height(area, app.layout) == 2;
    let rows = super::layout::list_capacity(area, app.layout);
    let width = usize::from(inner.width);
    let mut lines = Vec::with_capacity(rows);
    if view.items.is_empty() {
        let note = if app.prompt.pending {
            "Searching…"
        } else {
            "No stories."
        };
        lines.push(Line::styled(fit(note, width), theme.meta));
    }
    for (row, &article) in view.items.iter().enumerate().skip(view.offset()).take(rows) {
        let a = &app.articles[article as usize];
        let read = app.marks.is_read(&a.id);
        let mut spans = vec![
            Span::styled(if read { "  " } else { "● " }, theme.unread),
            Span::styled(
                if app.marks.is_starred(&a.id) {
                    "★ "
                } else {
                    "  "
                },
                theme.star,
            ),
        ];
        let date = a
            .date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let source = a.source.as_deref().unwrap_or("");
        let meta = match (source.is_empty(), date.is_empty()) {
            (false, false) => format!("{} · {date}", fit(source, 24)),
            (false, true) => fit(source, 24),
            (true, _) => date,
        };
        // A story ranked without one of the query's words says which.
        let meta = match view
            .matches
            .get(row)
            .and_then(|ms| ms.iter().find(|m| m.field == MatchField::Missing))
        {
            Some(m) if meta.is_empty() => format!("no {}", fit(&m.text, 16)),
            Some(m) => format!("no {} · {meta}", fit(&m.text, 16)),
            None => meta,
        };
        let right = if tall {
            String::new()
        } else {
            format!(" {meta}")
        };
        let budget = width.saturating_sub(4 + width_of(&right));
        let ranges = view
            .matches
            .get(row)
            .and_then(|ms| {
                ms.iter()
                    .find(|m| m.field == MatchField::Title && m.text == a.title)
            })
            .map(|m| m.ranges.as_slice())
            .unwrap_or_default();
        let base = if read {
            theme.list_title_read
        } else {
            theme.list_title
        };
        let title_spans = highlighted(&a.title, ranges, budget, base, theme.search_match);
        let used: usize = title_spans.iter().map(|s| width_of(&s.content)).sum();
        spans.extend(title_spans);
        spans.push(Span::raw(" ".repeat(budget.saturating_sub(used))));
        spans.push(Span::styled(right, theme.meta));
        let mut row_lines = vec![Line::from(spans)];
        if tall {
            row_lines.push(Line::styled(fit(&format!("    {meta}"), width), theme.meta));
        }
        for mut line in row_lines {
            if row == view.selected() {
                line = line.style(if focused {
                    theme.selected
                } else {
                    theme.selected_unfocused
                });
            }
            lines.push(line);
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn width_of(text: &str) -> usize {
    width(&clean(text))
}

/// The title cut to `budget` columns, with characters in `ranges` in the match style.
fn highlighted(
    title: &str,
    ranges: &[[usize; 2]],
    budget: usize,
    base: Style,
    lit: Style,
) -> Vec<Span<'static>> {
    if ranges.is_empty() {
        return vec![Span::styled(fit(title, budget), base)];
    }
    let total = width_of(title);
    let limit = if total > budget {
        budget.saturating_sub(1)
    } else {
        budget
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut current = String::new();
    let mut current_lit = false;
    let mut used = 0;
    for (i, c) in title.chars().enumerate() {
        if is_unsafe(c) {
            continue;
        }
        let w = char_width(c);
        if used + w > limit {
            break;
        }
        used += w;
        let on = ranges.iter().any(|&[s, e]| s <= i && i < e);
        if on != current_lit && !current.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut current),
                if current_lit { lit } else { base },
            ));
        }
        current_lit = on;
        current.push(c);
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, if current_lit { lit } else { base }));
    }
    if total > budget && budget > 0 {
        spans.push(Span::styled("…", base));
    }
    spans
}
