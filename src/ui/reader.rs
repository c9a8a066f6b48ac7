//! The reader pane: headline, source, authors, date and link, then the wrapped body with its marks lit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Padding, Paragraph};

use super::app::{App, EntityKind, Focus};
use super::story::{DocLine, Story, Target};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::extract::Field;

/// A lit stretch of the title or body, with its style and priority (higher wins).
struct Mark {
    field: Field,
    start: usize,
    end: usize,
    rank: u8,
    style: Style,
}

/// Draws the open story.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Reader;
    let mut block = theme
        .block(focused)
        .title(Line::styled(" Story ", theme.pane_title))
        .padding(Padding::horizontal(1));
    let Some(story) = &app.story else {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(Line::styled("No story selected.", theme.meta)),
            inner,
        );
        return;
    };
    let height = usize::from(area.height.saturating_sub(2));
    let total = story.doc().len();
    let shown = (story.scroll() + height).min(total);
    let more = if story.is_complete() { "" } else { "+" };
    let mut info = if total <= height && more.is_empty() {
        " all ".to_owned()
    } else {
        format!(" {}-{shown}/{total}{more} ", story.scroll() + 1)
    };
    let targets = story.targets();
    if let Some(c) = story.cursor().filter(|&c| c < targets.len()) {
        info = format!(" match {}/{} ·{info}", c + 1, targets.len());
    }
    block = block.title(Line::styled(info, theme.meta).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let article = &app.articles[story.article()];
    let bright = app.focus == Focus::Side || story.cursor().is_some();
    let marks = marks(story, theme, &targets, bright);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = story
        .doc()
        .iter()
        .skip(story.scroll())
        .take(usize::from(inner.height))
        .map(|line| match line {
            DocLine::Title(s, e) => {
                lit(&article.title, Field::Title, *s, *e, theme.headline, &marks)
            }
            DocLine::Body(s, e) => lit(&article.body, Field::Body, *s, *e, theme.body, &marks),
            DocLine::Meta(text) => Line::styled(fit(text, width), theme.meta),
            DocLine::Url(url) => Line::styled(fit(url, width), theme.url),
            DocLine::Blank => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every mark of the story: entities, the selected entity, search matches, the current match.
fn marks(
    story: &Story,
    theme: &Theme,
    targets: &[crate::extract::Span],
    bright: bool,
) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, item) in story.side().iter().enumerate() {
        let selected = bright && i == story.side_selected() && story.target() == Target::Entity;
        let (rank, style) = match (selected, item.kind) {
            (true, _) => (3, theme.entity_selected),
            (false, EntityKind::Person) => (1, theme.person),
            (false, EntityKind::Bill) => (1, theme.bill),
        };
        marks.extend(item.mentions.iter().map(|m| Mark {
            field: m.field,
            start: m.start,
            end: m.end,
            rank,
            style,
        }));
    }
    marks.extend(story.search_spans().iter().map(|m| Mark {
        field: m.field,
        start: m.start,
        end: m.end,
        rank: 2,
        style: theme.search_match,
    }));
    if let Some(m) = story.cursor().and_then(|c| targets.get(c)) {
        marks.push(Mark {
            field: m.field,
            start: m.start,
            end: m.end,
            rank: 4,
            style: theme.current_match,
        });
    }
    marks
}

/// Bytes `start..end` of `text` as a line, each stretch in the style of its strongest mark.
fn lit<'a>(
    text: &'a str,
    field: Field,
    start: usize,
    end: usize,
    base: Style,
    marks: &[Mark],
) -> Line<'a> {
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Line::default();
    }
    let here: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.field == field && m.start < end && m.end > start)
        .collect();
    let mut cuts: Vec<usize> = vec![start, end];
    for m in &here {
        cuts.extend([m.start.max(start), m.end.min(end)]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span> = cuts
        .windows(2)
        .map(|w| {
            let style = here
                .iter()
                .filter(|m| m.start <= w[0] && w[1] <= m.end)
                .max_by_key(|m| m.rank)
                .map_or(base, |m| base.patch(m.style));
            Span::styled(clean(&text[w[0]..w[1]]), style)
        })
        .collect();
    Line::from(spans)
}
