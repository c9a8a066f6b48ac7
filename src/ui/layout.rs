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
    compute(
        Rect::new(0, 0, app.size.0, app.size.1),
        app.focus,
        app.side_visible(),
        app.mode == Mode::Search,
        app.layout,
    )
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
            Focus::Side if side => &mut out.side,
            Focus::Side | Focus::Reader => &mut out.reader,
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
