//! The bindable actions by name: what the config file's `[keys.*]` tables and `cloakroom config` call them.

use super::action::Action;

/// Every action a key can be bound to: its name in the config file, and what the help says of
/// it when the config binds it where the default table does not.
pub static ACTIONS: &[(&str, Action, &str)] = &[
    ("quit", Action::Quit, "quit at once"),
    ("back", Action::Back, "back, then quit"),
    ("suspend", Action::Suspend, "suspend to the shell"),
    ("down", Action::Down, "down"),
    ("up", Action::Up, "up"),
    ("page-down", Action::PageDown, "page down"),
    ("page-up", Action::PageUp, "page up"),
    ("half-page-down", Action::HalfPageDown, "half a page down"),
    ("half-page-up", Action::HalfPageUp, "half a page up"),
    ("top", Action::Top, "to the top"),
    ("bottom", Action::Bottom, "to the bottom"),
    ("focus-next", Action::FocusNext, "next pane"),
    ("focus-prev", Action::FocusPrev, "previous pane"),
    ("focus-left", Action::FocusLeft, "pane to the left"),
    ("focus-right", Action::FocusRight, "pane to the right"),
    (
        "enter",
        Action::Enter,
        "open the story / pivot to a person or bill",
    ),
    (
        "search",
        Action::SearchStart,
        "search (within the list shown)",
    ),
    (
        "search-backspace",
        Action::SearchBackspace,
        "delete a character",
    ),
    (
        "search-delete-word",
        Action::SearchDeleteWord,
        "delete a word",
    ),
    ("search-clear", Action::SearchClear, "clear the query"),
    ("search-accept", Action::SearchAccept, "keep the results"),
    (
        "search-cancel",
        Action::SearchCancel,
        "cancel, back to the previous list",
    ),
    ("next-match", Action::NextMatch, "next match in the story"),
    (
        "prev-match",
        Action::PrevMatch,
        "previous match in the story",
    ),
    ("toggle-star", Action::ToggleStar, "star / unstar"),
    ("toggle-read", Action::ToggleRead, "mark read / unread"),
    ("open-url", Action::OpenUrl, "open the link in the browser"),
    (
        "toggle-side",
        Action::ToggleSide,
        "show / hide people and bills",
    ),
    ("toggle-help", Action::ToggleHelp, "show / close this help"),
    (
        "toggle-sort",
        Action::ToggleSort,
        "search results: best first / newest first",
    ),
    (
        "fetch-feeds",
        Action::FetchFeeds,
        "fetch the feeds (new stories join the list)",
    ),
    (
        "toggle-feeds",
        Action::ToggleFeeds,
        "show / close the feeds",
    ),
];

/// The config-file name of a bindable action.
pub fn action_name(action: &Action) -> Option<&'static str> {
    ACTIONS
        .iter()
        .find(|(_, a, _)| a == action)
        .map(|(n, ..)| *n)
}

/// The bindable action of a config-file name.
pub fn action_of(name: &str) -> Option<&'static (&'static str, Action, &'static str)> {
    ACTIONS.iter().find(|(n, ..)| *n == name)
}
