//! Every style the reader uses, in one place; `NO_COLOR` swaps colours for plain modifiers.

use ratatui::style::{Color, Modifier, Style};

/// The styles of every region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Pane borders.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// Pane titles.
    pub pane_title: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// The selected row of a list in a pane without focus.
    pub selected_unfocused: Style,
    /// The unread mark.
    pub unread: Style,
    /// The star.
    pub star: Style,
    /// A story's title in the list.
    pub list_title: Style,
    /// A read story's title in the list.
    pub list_title_read: Style,
    /// Source and date in the list and the reader.
    pub meta: Style,
    /// The story's headline in the reader.
    pub headline: Style,
    /// The link in the reader.
    pub url: Style,
    /// The body text.
    pub body: Style,
    /// A person mentioned in the story.
    pub person: Style,
    /// A bill mentioned in the story.
    pub bill: Style,
    /// Mentions of the entity selected in the side panel.
    pub entity_selected: Style,
    /// Search matches.
    pub search_match: Style,
    /// The match n/N went to.
    pub current_match: Style,
    /// Section headings of the side panel.
    pub heading: Style,
    /// Secondary text (details, counts).
    pub dim: Style,
    /// The status bar.
    pub status: Style,
    /// The breadcrumb in the status bar.
    pub breadcrumb: Style,
    /// Key names in hints and help.
    pub key: Style,
    /// Warnings and errors.
    pub warning: Style,
    /// The search prompt.
    pub prompt: Style,
    /// The bars of the entity card's stories-per-month sparkline.
    pub sparkline: Style,
}

impl Theme {
    /// The colour theme, or the monochrome one when `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Self {
        if Self::no_color() {
            Self::mono()
        } else {
            Self::color()
        }
    }

    /// Whether `NO_COLOR` is set (to anything non-empty).
    pub fn no_color() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// Colours for terminals that have them.
    pub fn color() -> Self {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        Self {
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::Cyan),
            pane_title: plain.add_modifier(bold),
            selected: plain.bg(Color::Blue).fg(Color::White),
            selected_unfocused: plain.bg(Color::DarkGray).fg(Color::White),
            unread: plain.fg(Color::Cyan).add_modifier(bold),
            star: plain.fg(Color::Yellow),
            list_title: plain.add_modifier(bold),
            list_title_read: plain,
            meta: plain.fg(Color::Gray),
            headline: plain.fg(Color::White).add_modifier(bold),
            url: plain.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            body: plain,
            person: plain.fg(Color::LightGreen),
            bill: plain.fg(Color::LightMagenta),
            entity_selected: plain
                .fg(Color::Black)
                .bg(Color::LightGreen)
                .add_modifier(bold),
            search_match: plain.fg(Color::Black).bg(Color::Yellow),
            current_match: plain
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(bold),
            heading: plain.fg(Color::Cyan).add_modifier(bold),
            dim: plain.fg(Color::DarkGray),
            status: plain.bg(Color::Black).fg(Color::Gray),
            breadcrumb: plain.fg(Color::White).add_modifier(bold),
            key: plain.fg(Color::Cyan).add_modifier(bold),
            warning: plain.fg(Color::LightRed).add_modifier(bold),
            prompt: plain.fg(Color::Yellow),
            sparkline: plain.fg(Color::Cyan),
        }
    }

    /// Modifiers only, for `NO_COLOR`.
    pub fn mono() -> Self {
        let plain = Style::new();
        let m = |m: Modifier| plain.add_modifier(m);
        Self {
            border: plain,
            border_focused: m(Modifier::BOLD),
            pane_title: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            selected_unfocused: m(Modifier::UNDERLINED),
            unread: m(Modifier::BOLD),
            star: m(Modifier::BOLD),
            list_title: m(Modifier::BOLD),
            list_title_read: plain,
            meta: plain,
            headline: m(Modifier::BOLD),
            url: m(Modifier::UNDERLINED),
            body: plain,
            person: m(Modifier::UNDERLINED),
            bill: m(Modifier::ITALIC | Modifier::UNDERLINED),
            entity_selected: m(Modifier::REVERSED | Modifier::BOLD),
            search_match: m(Modifier::REVERSED),
            current_match: m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            heading: m(Modifier::BOLD),
            dim: m(Modifier::DIM),
            status: plain,
            breadcrumb: m(Modifier::BOLD),
            key: m(Modifier::BOLD),
            warning: m(Modifier::BOLD),
            prompt: m(Modifier::BOLD),
            sparkline: plain,
        }
    }
}

/// The name of every style, as the config file's `[theme]` table writes them.
pub const STYLE_NAMES: &[&str] = &[
    "border",
    "border_focused",
    "pane_title",
    "selected",
    "selected_unfocused",
    "unread",
    "star",
    "list_title",
    "list_title_read",
    "meta",
    "headline",
    "url",
    "body",
    "person",
    "bill",
    "entity_selected",
    "search_match",
    "current_match",
    "heading",
    "dim",
    "status",
    "breadcrumb",
    "key",
    "warning",
    "prompt",
    "sparkline",
];

impl Theme {
    /// The style of this name, to change.
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "pane_title" => &mut self.pane_title,
            "selected" => &mut self.selected,
            "selected_unfocused" => &mut self.selected_unfocused,
            "unread" => &mut self.unread,
            "star" => &mut self.star,
            "list_title" => &mut self.list_title,
            "list_title_read" => &mut self.list_title_read,
            "meta" => &mut self.meta,
            "headline" => &mut self.headline,
            "url" => &mut self.url,
            "body" => &mut self.body,
            "person" => &mut self.person,
            "bill" => &mut self.bill,
            "entity_selected" => &mut self.entity_selected,
            "search_match" => &mut self.search_match,
            "current_match" => &mut self.current_match,
            "heading" => &mut self.heading,
            "dim" => &mut self.dim,
            "status" => &mut self.status,
            "breadcrumb" => &mut self.breadcrumb,
            "key" => &mut self.key,
            "warning" => &mut self.warning,
            "prompt" => &mut self.prompt,
            "sparkline" => &mut self.sparkline,
            _ => return None,
        })
    }

    /// The style of this name.
    pub fn style(&self, name: &str) -> Option<Style> {
        Some(match name {
            "border" => self.border,
            "border_focused" => self.border_focused,
            "pane_title" => self.pane_title,
            "selected" => self.selected,
            "selected_unfocused" => self.selected_unfocused,
            "unread" => self.unread,
            "star" => self.star,
            "list_title" => self.list_title,
            "list_title_read" => self.list_title_read,
            "meta" => self.meta,
            "headline" => self.headline,
            "url" => self.url,
            "body" => self.body,
            "person" => self.person,
            "bill" => self.bill,
            "entity_selected" => self.entity_selected,
            "search_match" => self.search_match,
            "current_match" => self.current_match,
            "heading" => self.heading,
            "dim" => self.dim,
            "status" => self.status,
            "breadcrumb" => self.breadcrumb,
            "key" => self.key,
            "warning" => self.warning,
            "prompt" => self.prompt,
            "sparkline" => self.sparkline,
            _ => return None,
        })
    }

    /// A pane's border block, in the focused style when it has the focus.
    pub fn block(&self, focused: bool) -> ratatui::widgets::Block<'static> {
        ratatui::widgets::Block::bordered().border_style(if focused {
            self.border_focused
        } else {
            self.border
        })
    }
}
