//! The feeds overlay: each feed with its unread and article counts, last fetch and last error, over a `Clear`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::app::App;
use super::feeds::unread_here;
use super::keymap::{Scope, key_label};
use super::text::{clean, fit, width};
use crate::library::Feed;

/// Columns of the counts and the last fetch.
const COUNTS: usize = 16;
const WHEN: usize = 16;

/// The overlay's lines: a header, then one line per feed (its error, if any, on the next).
pub fn lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let rows = app.feeds.rows();
    if rows.is_empty() {
        return vec![
            Line::styled("No feeds yet.", theme.body),
            Line::default(),
            Line::styled("Add one:   cloakroom feed add URL", theme.meta),
            Line::styled(
                "or import: cloakroom feed import assets/feeds.opml",
                theme.meta,
            ),
        ];
    }
    let title_w = w.saturating_sub(COUNTS + WHEN + 4).max(8);
    let mut out = vec![Line::styled(
        format!(
            "{:title_w$}  {:>COUNTS$}  {:WHEN$}",
            "Feed", "unread/stories", "last fetch"
        ),
        theme.heading,
    )];
    for (i, feed) in rows.iter().enumerate() {
        let style = if i == app.feeds.selected() {
            theme.selected
        } else {
            theme.body
        };
        let unread = unread_here(app, &feed.url).unwrap_or(feed.unread as usize);
        let counts = format!("{unread}/{}", feed.articles);
        let when = feed
            .last_fetch
            .map_or_else(|| "never".to_owned(), crate::feeds::format_time);
        let name = fit(&clean(&title(feed)), title_w);
        let pad = title_w.saturating_sub(width(&name));
        out.push(Line::from(vec![Span::styled(
            format!("{name}{}  {counts:>COUNTS$}  {when:WHEN$}", " ".repeat(pad)),
            style,
        )]));
        if let Some(error) = &feed.last_error {
            out.push(Line::styled(
                fit(&format!("  ✗ {}", clean(error)), w),
                theme.warning,
            ));
        }
        if let Some(note) = &feed.full_text_note {
            out.push(Line::styled(
                fit(&format!("  full text: {}", clean(note)), w),
                theme.meta,
            ));
        }
    }
    out
}

/// A feed's name in the overlay.
fn title(feed: &Feed) -> String {
    feed.title.clone().unwrap_or_else(|| feed.url.clone())
}

/// The title's reminder of the overlay's keys, from the keymap.
fn keys_hint(app: &App) -> String {
    let key = |action: &crate::ui::Action| {
        app.keymap
            .keys_of(Scope::Feeds, action)
            .first()
            .map(|&(code, mods)| key_label(code, mods))
    };
    let mut parts = Vec::new();
    if let Some(k) = key(&crate::ui::Action::Enter) {
        parts.push(format!("{k} narrow"));
    }
    if let Some(k) = key(&crate::ui::Action::FetchFeeds) {
        parts.push(format!("{k} fetch"));
    }
    if let Some(k) = key(&crate::ui::Action::ToggleFeeds) {
        parts.push(format!("{k} close"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" · "))
    }
}

/// Draws the overlay over the middle of the screen, the selected feed kept in view.
pub fn render(frame: &mut Frame, screen: Rect, app: &App) {
    let w = screen.width.saturating_sub(4).min(96);
    let h = screen.height.saturating_sub(2);
    if w < 4 || h < 3 {
        return;
    }
    let area = Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, area);
    let title = if app.feeds.fetching() {
        " Feeds · fetching… "
    } else {
        " Feeds "
    };
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(title, app.theme.pane_title))
        .title(Line::styled(keys_hint(app), app.theme.meta).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(app, usize::from(inner.width));
    // Keep the selected feed's line in view: find the line it starts on.
    let selected_line = {
        let mut line = 1;
        for feed in app.feeds.rows().iter().take(app.feeds.selected()) {
            line += 1
                + usize::from(feed.last_error.is_some())
                + usize::from(feed.full_text_note.is_some());
        }
        line
    };
    let height = usize::from(inner.height);
    let skip = (selected_line + 3)
        .saturating_sub(height)
        .min(lines.len().saturating_sub(height));
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
        inner,
    );
}
