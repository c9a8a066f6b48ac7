//! Where each region goes for a terminal size: three panes, two, or one at a time.

use ratatui::layout::Rect;

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

/// Lines per story in the list: one when the title, source and date fit side by side, else two.
pub fn list_row_height(list: Rect) -> usize {
    if inner(list).width >= 70 { 1 } else { 2 }
}

/// How many stories the list shows at once.
pub fn list_capacity(list: Rect) -> usize {
    (usize::from(inner(list).height) / list_row_height(list)).max(1)
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
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
    )
}

/// Lays out a screen of `area` for the given focus, side panel and prompt.
pub fn compute(area: Rect, focus: Focus, side: bool, prompt: bool) -> Areas {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let bottom = 1 + u16::from(prompt);
    let main = Rect {
        height: area.height - bottom,
        ..area
    };
    let status = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    let prompt = prompt.then(|| Rect::new(area.x, status.y - 1, area.width, 1));
    let mut out = Areas {
        status: Some(status),
        prompt,
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
    let side_w = if side { (w / 4).clamp(28, 38) } else { 0 };
    let list_w = (w * 7 / 20).clamp(28, 60).min(w - side_w - 20);
    let reader_w = w - side_w - list_w;
    out.list = Some(Rect {
        width: list_w,
        ..main
    });
    out.reader = Some(Rect {
        x: main.x + list_w,
        width: reader_w,
        ..main
    });
    if side {
        out.side = Some(Rect {
            x: main.x + list_w + reader_w,
            width: side_w,
            ..main
        });
    }
    out
}
