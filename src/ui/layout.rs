//! Where each region goes for a terminal size: three panes, two, or one at a time.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::{App, Focus, Mode};

/// Below this width the side panel folds away unless asked for.
pub const SIDE_MIN_WIDTH: u16 = 110;
/// Below this width only the focused pane shows.
pub const SINGLE_MAX_WIDTH: u16 = 70;
/// Below this size the reader only says it is too small.
pub const MIN_SIZE: (u16, u16) = (16, 4);

/// The rectangles of every region; a region that is not shown is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The list of stories.
    pub list: Option<Rect>,
    /// The open story.
    pub reader: Option<Rect>,
    /// People and bills.
    pub side: Option<Rect>,
    /// The card of the selected person or bill.
    pub card: Option<Rect>,
    /// True when the card is drawn over other panes (over a `Clear`) rather than docked under
    /// the side panel.
    pub card_over: bool,
    /// The search prompt line.
    pub prompt: Option<Rect>,
    /// The status bar line.
    pub status: Option<Rect>,
    /// True when the terminal is too small for anything but a note.
    pub too_small: bool,
}

impl Areas {
    /// The area of one pane.
    pub fn pane(&self, focus: Focus) -> Option<Rect> {
        match focus {
            Focus::List => self.list,
            Focus::Reader => self.reader,
            Focus::Side => self.side,
            Focus::Card => self.card,
        }
    }
}

/// The user's layout choices (from the config file); `None` follows the terminal's size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefs {
    /// Columns of the side panel.
    pub side_width: Option<u16>,
    /// Lines per story in the list: 1 or 2.
    pub list_lines: Option<u8>,
}

/// Lines per story in the list: one when the title, source and date fit side by side, else
/// two, unless the user chose.
pub fn list_row_height(list: Rect, prefs: Prefs) -> usize {
    match prefs.list_lines {
        Some(1) => 1,
        None if inner(list).width >= 70 => 1,
        Some(_) | None => 2,
    }
}

/// How many stories the list shows at once.
pub fn list_capacity(list: Rect, prefs: Prefs) -> usize {
    (usize::from(inner(list).height) / list_row_height(list, prefs)).max(1)
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// The width of the reader's text: inside the border, with one column of padding each side.
pub fn text_width(reader: Rect) -> u16 {
    reader.width.saturating_sub(4).max(1)
}

/// Lays out the app for its stored size.
pub fn areas(app: &App) -> Areas {
    let areas = compute(
        Rect::new(0, 0, app.size.0, app.size.1),
        app.focus,
        app.side_visible(),
        app.mode == Mode::Search,
        app.layout,
    );
    if app.card.is_some() {
        with_card(areas)
    } else {
        areas
    }
}

/// The card's rows when docked under the side panel, borders included.
pub const CARD_HEIGHT: u16 = 22;
/// The side panel must be this wide for the card to dock under it.
pub const CARD_DOCK_WIDTH: u16 = 30;
/// The side panel must be this tall for the card to dock under it (the people and bills keep
/// at least ten rows).
pub const CARD_DOCK_HEIGHT: u16 = 26;
/// The widest the card grows when it is drawn over the other panes.
pub const CARD_OVER_WIDTH: u16 = 64;

/// Places the card: docked under the side panel when the panel is wide and tall enough (three
/// panes from 120 columns, or the side panel alone on a narrow terminal), else over the panes to
/// the left of the side panel (the list and the story), so the panel's selection stays in view.
pub fn with_card(mut areas: Areas) -> Areas {
    let Some(side) = areas.side.or(areas.list).or(areas.reader) else {
        return areas;
    };
    let alone = side.x == 0;
    if areas.side.is_some()
        && (side.width >= CARD_DOCK_WIDTH || alone)
        && side.height >= CARD_DOCK_HEIGHT
    {
        let card_h = CARD_HEIGHT.min(side.height - 10);
        let [top, card] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(card_h)]).areas(side);
        areas.side = Some(top);
        areas.card = Some(card);
        areas.card_over = false;
        return areas;
    }
    // Over the panes left of the side panel, against it; the whole screen when nothing is left of it.
    let left = if alone {
        side
    } else {
        Rect::new(0, side.y, side.x, side.height)
    };
    let w = left.width.min(CARD_OVER_WIDTH);
    // A sliver of the panes under the card would only show their bottom borders.
    let h = if left.height <= CARD_HEIGHT + 4 {
        left.height
    } else {
        CARD_HEIGHT
    };
    areas.card = Some(Rect::new(left.right() - w, left.y, w, h));
    areas.card_over = true;
    areas
}

/// Lays out a screen of `area` for the given focus, side panel, prompt and preferences.
pub fn compute(area: Rect, focus: Focus, side: bool, prompt: bool, prefs: Prefs) -> Areas {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let [main, prompt_row, status] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(prompt)),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut out = Areas {
        status: Some(status),
        prompt: prompt.then_some(prompt_row),
        ..Areas::default()
    };
    if area.width < SINGLE_MAX_WIDTH {
        let pane = match focus {
            Focus::Side | Focus::Card if side => &mut out.side,
            Focus::Side | Focus::Card | Focus::Reader => &mut out.reader,
            Focus::List => &mut out.list,
        };
        *pane = Some(main);
        return out;
    }
    let w = main.width;
    let side_w = match (side, prefs.side_width) {
        (false, _) => 0,
        (true, Some(chosen)) => chosen.clamp(16, w.saturating_sub(48).max(16)),
        (true, None) => (w / 4).clamp(28, 38),
    };
    let list_w = (w * 7 / 20)
        .clamp(28, 60)
        .min(w.saturating_sub(side_w + 20));
    let [list, reader, side_area] = Layout::horizontal([
        Constraint::Length(list_w),
        Constraint::Fill(1),
        Constraint::Length(side_w),
    ])
    .areas(main);
    out.list = Some(list);
    out.reader = Some(reader);
    out.side = side.then_some(side_area);
    out
}
