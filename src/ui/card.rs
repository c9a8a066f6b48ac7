//! The entity card: who a person or bill is, a sparkline of their stories per month, and "often with" pivots.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Sparkline};

use super::app::{App, EntityKind, Focus};
use super::text::{fit, width};
use crate::extract::EntityCard;

/// Where each part of the card goes inside its border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// Role, record, counts and dates.
    pub facts: Rect,
    /// The stories-per-month sparkline.
    pub spark: Rect,
    /// First month, months per column, last month.
    pub axis: Rect,
    /// The "Often with" heading.
    pub heading: Rect,
    /// One row per companion.
    pub companions: Rect,
}

/// The lines of facts for a card `w` columns wide: role and party-state as of the story (people)
/// or name and number (bills), then the public record, then counts and dates.
pub fn facts(card: &EntityCard, w: usize) -> Vec<String> {
    let join = |parts: Vec<Option<String>>| {
        let parts: Vec<String> = parts
            .into_iter()
            .flatten()
            .filter(|p| !p.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    };
    let mut lines = Vec::new();
    lines.extend(card.title.clone());
    lines.extend(card.detail.clone());
    lines.extend(join(vec![card.role.clone(), card.party_state()]));
    // Years served and bioguide id on one line when they fit, else on two.
    match card.record_line() {
        Some(line) if width(&line) <= w => lines.push(line),
        Some(_) => {
            let office = card.record.served.clone().or(card.record.chamber.clone());
            lines.extend(office);
            lines.extend(
                card.record
                    .bioguide
                    .as_ref()
                    .map(|b| format!("bioguide {b}")),
            );
        }
        None => {}
    }
    lines.extend(card.record.url.as_ref().map(|u| {
        let u = u.as_str();
        u.strip_prefix("https://").unwrap_or(u).to_owned()
    }));
    let stories = if card.stories == 1 {
        "story"
    } else {
        "stories"
    };
    let mentions = if card.mentions == 1 {
        "mention"
    } else {
        "mentions"
    };
    lines.push(format!(
        "{} {stories} · {} {mentions}",
        card.stories, card.mentions
    ));
    match (card.first, card.last) {
        (Some(first), Some(last)) if first == last => lines.push(first.to_string()),
        (Some(first), Some(last)) => lines.push(format!("{first} – {last}")),
        _ => lines.push("no dated story".to_owned()),
    }
    lines
}

/// Splits the inside of the card: facts, then (if any story is dated) a sparkline of up to three
/// rows and its axis, then the companions under their heading.
pub fn parts(card: &EntityCard, inner: Rect) -> Parts {
    let facts_h = facts(card, usize::from(inner.width)).len() as u16;
    let dated = !card.timeline.is_empty();
    let room = inner.height.saturating_sub(facts_h + 2);
    let spark_h = match room {
        _ if !dated => 0,
        0..=1 => room,
        2..=6 => 1,
        _ => 3,
    };
    let axis_h = u16::from(dated && room > spark_h);
    let [facts, spark, axis, heading, companions] = Layout::vertical([
        Constraint::Length(facts_h),
        Constraint::Length(spark_h),
        Constraint::Length(axis_h),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    Parts {
        facts,
        spark,
        axis,
        heading,
        companions,
    }
}

/// The first companion shown in `rows` rows, so that the selected one is in view.
pub fn first_shown(selected: usize, rows: usize) -> usize {
    (selected + 1).saturating_sub(rows.max(1))
}

/// Draws the card of the side panel's selection (over a `Clear` when it covers other panes).
pub fn render(frame: &mut Frame, area: Rect, app: &App, over: bool) {
    let Some(view) = &app.card else { return };
    let card = view.card();
    let theme = &app.theme;
    if over {
        frame.render_widget(Clear, area);
    }
    let focused = app.focus == Focus::Card;
    let name_style = if card.entity.kind() == EntityKind::Person {
        theme.person
    } else {
        theme.bill
    };
    let block = theme.block(focused).title(Line::from(vec![
        Span::raw(" "),
        Span::styled(
            fit(&card.name, usize::from(area.width.saturating_sub(4))),
            name_style,
        ),
        Span::raw(" "),
    ]));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let parts = parts(card, inner);
    let facts: Vec<Line> = facts(card, w)
        .iter()
        .map(|f| Line::styled(fit(f, w), theme.meta))
        .collect();
    frame.render_widget(Paragraph::new(facts), parts.facts);
    let (buckets, per) = card.buckets(w);
    frame.render_widget(
        Sparkline::default().data(&buckets).style(theme.sparkline),
        parts.spark,
    );
    frame.render_widget(
        Paragraph::new(axis(card, per, w)).style(theme.dim),
        parts.axis,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(fit("Often with", w), theme.heading)),
        parts.heading,
    );
    let rows = usize::from(parts.companions.height);
    let first = first_shown(view.selected(), rows);
    let lines: Vec<Line> = card
        .often_with
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, c)| {
            let count = c.stories.to_string();
            let name = fit(&c.name, w.saturating_sub(width(&count) + 1));
            let pad = w.saturating_sub(width(&name) + width(&count));
            let style = if c.entity.kind() == EntityKind::Person {
                theme.person
            } else {
                theme.bill
            };
            let line = Line::from(vec![
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, theme.dim),
            ]);
            match (i == view.selected(), focused) {
                (true, true) => line.style(theme.selected),
                _ => line,
            }
        })
        .collect();
    let lines = if lines.is_empty() {
        vec![Line::styled(fit("nobody else", w), theme.dim)]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), parts.companions);
}

/// The sparkline's axis: its first month at the left, its last at the right, and how many
/// months a column holds between them when there is room.
fn axis(card: &EntityCard, per: usize, w: usize) -> String {
    let (Some((first, _)), Some((last, _))) = (card.timeline.first(), card.timeline.last()) else {
        return String::new();
    };
    let (first, last) = (first.to_string(), last.to_string());
    let scale = if per == 1 {
        "1 mo/col".to_owned()
    } else {
        format!("{per} mo/col")
    };
    let ends = first.len() + last.len();
    if first == last || w < ends + 1 {
        return fit(&first, w);
    }
    let gap = w - ends;
    if gap >= scale.len() + 2 {
        let left = (gap - scale.len()) / 2;
        format!(
            "{first}{}{scale}{}{last}",
            " ".repeat(left),
            " ".repeat(gap - scale.len() - left)
        )
    } else {
        format!("{first}{}{last}", " ".repeat(gap))
    }
}
