//! The help overlay, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::app::App;
use super::keymap::Scope;
use super::text::fit;

/// The help text, one line per binding under a heading per scope.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    let mut scope: Option<Scope> = None;
    for (s, keys, desc) in app.keymap.help_rows() {
        if scope != Some(s) {
            if scope.is_some() {
                out.push(Line::default());
            }
            out.push(Line::styled(s.title().to_owned(), theme.heading));
            scope = Some(s);
        }
        let keys = fit(&keys, 18);
        out.push(Line::from(vec![
            Span::styled(format!("  {keys:<18} "), theme.key),
            Span::styled(fit(desc, width.saturating_sub(21)), theme.body),
        ]));
    }
    out
}

/// How many lines the help text has.
pub fn line_count(app: &App) -> usize {
    let rows = app.keymap.help_rows();
    let mut scopes = rows.iter().map(|r| r.0).collect::<Vec<_>>();
    scopes.dedup();
    rows.len() + scopes.len() * 2 - 1
}

/// The title's reminder of the keys that close the help, from the keymap.
fn close_hint(app: &App) -> String {
    let keys: Vec<String> = app
        .keymap
        .keys_of(Scope::Help, &crate::ui::Action::ToggleHelp)
        .into_iter()
        .take(2)
        .map(|(code, mods)| super::keymap::key_label(code, mods))
        .collect();
    if keys.is_empty() {
        String::new()
    } else {
        format!(" {} to close ", keys.join(" or "))
    }
}

/// Draws the help overlay over the middle of the screen.
pub fn render(frame: &mut Frame, screen: Rect, app: &App) {
    let w = screen.width.saturating_sub(4).min(72);
    let h = screen.height.saturating_sub(2);
    let area = Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(" Keys ", app.theme.pane_title))
        .title(Line::styled(close_hint(app), app.theme.meta).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(app, usize::from(inner.width));
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let skip = app.help_scroll.min(max);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
        inner,
    );
}
