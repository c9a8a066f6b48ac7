//! The status bar (breadcrumb, counts, progress, notices, key hints) and the search prompt line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Progress, ViewKind};
use super::text::{clean, fit, fit_tail, width};

/// The breadcrumb of the view stack: `All › search "masie": 9, best first › Thomas Massie: 4 stories`.
pub fn breadcrumb(app: &App) -> String {
    app.views
        .iter()
        .map(|view| match &view.kind {
            ViewKind::All => format!("All: {}", view.items.len()),
            ViewKind::Search {
                query,
                partial,
                more,
            } => {
                let partial = if *partial { ", titles only" } else { "" };
                let n = view.items.len();
                let of = if *more > 0 {
                    format!(" of {}", n + more)
                } else {
                    String::new()
                };
                let order = super::update::sort_label(app.sort);
                format!("search \"{}\": {n}{of}{partial}, {order}", clean(query))
            }
            ViewKind::Pivot { label, .. } => {
                let n = view.items.len();
                format!("{label}: {n} {}", if n == 1 { "story" } else { "stories" })
            }
            ViewKind::Feed { title, .. } => {
                let n = view.items.len();
                let title = clean(title);
                format!(
                    "feed {title}: {n} {}",
                    if n == 1 { "story" } else { "stories" }
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// What the background work is doing, if anything.
fn progress(app: &App) -> Option<String> {
    match app.progress {
        Progress::Loading(n) => Some(format!("loading… {n} stories")),
        Progress::Entities(done, total) if total > 0 => {
            Some(format!("people & bills {}%", done * 100 / total))
        }
        Progress::Entities(..) => Some("people & bills…".to_owned()),
        Progress::Search => Some("search index…".to_owned()),
        Progress::Ready => None,
    }
}

/// Draws the status bar.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let w = usize::from(area.width);
    let mut spans = vec![Span::styled(fit(&breadcrumb(app), w), theme.breadcrumb)];
    let mut used = width(&spans[0].content);
    let mut extra = Vec::new();
    if let Some(note) = &app.notice {
        extra.push(Span::styled(format!("  {note}"), theme.warning));
    } else if let Some(p) = progress(app) {
        extra.push(Span::styled(format!("  ⟳ {p}"), theme.meta));
    }
    if app.notice.is_none() && app.feeds().fetching() {
        extra.push(Span::styled("  ⟳ fetching feeds…".to_owned(), theme.meta));
    }
    for span in extra {
        let room = w.saturating_sub(used);
        let text = fit(&span.content, room);
        used += width(&text);
        spans.push(Span::styled(text, span.style));
    }
    let mut hints: Vec<Span> = Vec::new();
    let mut hint_w = 0;
    for (key, label) in app.keymap.hints(app.mode, app.focus) {
        let piece = width(&key) + width(label) + 3;
        if used + hint_w + piece + 2 > w {
            break;
        }
        hint_w += piece;
        hints.push(Span::styled(format!(" {key}"), theme.key));
        hints.push(Span::styled(format!(" {label} "), theme.meta));
    }
    spans.push(Span::raw(" ".repeat(w.saturating_sub(used + hint_w))));
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}

/// Draws the search prompt with the state of the search.
pub fn render_prompt(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let w = usize::from(area.width);
    let state = if let Some(err) = &app.prompt.error {
        Span::styled(format!(" {err} "), theme.warning)
    } else if app.prompt.pending {
        Span::styled(" searching… ".to_owned(), theme.meta)
    } else {
        let n = app.view().items.len();
        let partial = matches!(app.view().kind, ViewKind::Search { partial: true, .. });
        let note = if partial {
            " (titles only while indexing)"
        } else {
            ""
        };
        Span::styled(
            format!(" {n} {}{note} ", if n == 1 { "result" } else { "results" }),
            theme.meta,
        )
    };
    let state_w = width(&state.content).min(w / 2);
    let query = fit_tail(&app.prompt.query, w.saturating_sub(state_w + 3));
    let used = 2 + width(&query) + 1;
    let line = Line::from(vec![
        Span::styled("/ ", theme.key),
        Span::styled(query, theme.prompt),
        Span::styled("▏", theme.prompt),
        Span::raw(" ".repeat(w.saturating_sub(used + state_w))),
        Span::styled(fit(&state.content, state_w), state.style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
