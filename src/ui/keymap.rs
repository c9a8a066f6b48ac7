//! The keymap: a default table of (scope, key, action, description), rebindable by the config file, and a pure `resolve`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::{Focus, Mode};

pub use super::actions::{ACTIONS, action_name, action_of};

/// Where a binding applies; overlays come before panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, before anything else.
    Global,
    /// The help overlay.
    Help,
    /// The feeds overlay.
    Feeds,
    /// The search prompt.
    Search,
    /// Any pane in normal mode.
    Normal,
    /// The list pane.
    List,
    /// The reader pane.
    Reader,
    /// The people and bills panel.
    Side,
}

impl Scope {
    /// Heading in the help overlay.
    /// Every scope, in the order the help shows them.
    pub const ALL: [Scope; 8] = [
        Scope::Global,
        Scope::Help,
        Scope::Feeds,
        Scope::Search,
        Scope::Normal,
        Scope::List,
        Scope::Reader,
        Scope::Side,
    ];

    /// The scope's name in the config file (`[keys.NAME]`).
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Help => "help",
            Scope::Feeds => "feeds",
            Scope::Search => "search",
            Scope::Normal => "normal",
            Scope::List => "list",
            Scope::Reader => "story",
            Scope::Side => "side",
        }
    }

    /// The scope of a config-file name.
    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Anywhere",
            Scope::Help => "Help",
            Scope::Feeds => "Feeds overlay",
            Scope::Search => "Search prompt",
            Scope::Normal => "All panes",
            Scope::List => "List",
            Scope::Reader => "Story",
            Scope::Side => "People and bills",
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub scope: Scope,
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt (Shift is folded into the character).
    pub mods: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// Description for the help overlay.
    pub desc: &'static str,
    /// Short label for the status bar's hints, if it earns a place there.
    pub hint: Option<&'static str>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn bind(
    scope: Scope,
    code: KeyCode,
    mods: KeyModifiers,
    action: Action,
    desc: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        code,
        mods,
        action,
        desc,
        hint,
    }
}

use KeyCode::{
    BackTab, Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use Scope::{Feeds, Global, Help, Normal, Reader, Search, Side};

/// Every key binding of the reader.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    bind(Global, Char('c'), CTRL, Action::Quit, "quit at once", None),
    bind(Global, Char('z'), CTRL, Action::Suspend, "suspend to the shell", None),
    bind(Help, Char('?'), NONE, Action::ToggleHelp, "close help", Some("close")),
    bind(Help, Esc, NONE, Action::ToggleHelp, "close help", None),
    bind(Help, Char('q'), NONE, Action::ToggleHelp, "close help", None),
    bind(Help, Char('j'), NONE, Action::Down, "scroll down", None),
    bind(Help, Down, NONE, Action::Down, "scroll down", None),
    bind(Help, Char('k'), NONE, Action::Up, "scroll up", None),
    bind(Help, Up, NONE, Action::Up, "scroll up", None),
    bind(Feeds, Char('F'), NONE, Action::ToggleFeeds, "close the feeds", Some("close")),
    bind(Feeds, Esc, NONE, Action::ToggleFeeds, "close the feeds", None),
    bind(Feeds, Char('q'), NONE, Action::ToggleFeeds, "close the feeds", None),
    bind(Feeds, Char('j'), NONE, Action::Down, "next feed", None),
    bind(Feeds, Down, NONE, Action::Down, "next feed", None),
    bind(Feeds, Char('k'), NONE, Action::Up, "previous feed", None),
    bind(Feeds, Up, NONE, Action::Up, "previous feed", None),
    bind(Feeds, Enter, NONE, Action::Enter, "list the feed's stories", Some("narrow")),
    bind(Feeds, Char('r'), NONE, Action::FetchFeeds, "fetch the feeds", Some("fetch")),
    bind(Search, Enter, NONE, Action::SearchAccept, "keep the results", Some("keep")),
    bind(Search, Esc, NONE, Action::SearchCancel, "cancel, back to the previous list", Some("cancel")),
    bind(Search, Backspace, NONE, Action::SearchBackspace, "delete a character", None),
    bind(Search, Char('w'), CTRL, Action::SearchDeleteWord, "delete a word", None),
    bind(Search, Char('u'), CTRL, Action::SearchClear, "clear the query", None),
    bind(Search, Down, NONE, Action::Down, "next result", Some("results")),
    bind(Search, Char('n'), CTRL, Action::Down, "next result", None),
    bind(Search, Up, NONE, Action::Up, "previous result", None),
    bind(Search, Char('p'), CTRL, Action::Up, "previous result", None),
    bind(Normal, Char('?'), NONE, Action::ToggleHelp, "show this help", Some("help")),
    bind(Normal, Char('q'), NONE, Action::Back, "back, then quit", Some("back")),
    bind(Normal, Esc, NONE, Action::Back, "back, then quit", None),
    bind(Normal, Char('j'), NONE, Action::Down, "down", None),
    bind(Normal, Down, NONE, Action::Down, "down", None),
    bind(Normal, Char('k'), NONE, Action::Up, "up", None),
    bind(Normal, Up, NONE, Action::Up, "up", None),
    bind(Normal, Char('g'), NONE, Action::Top, "to the top", None),
    bind(Normal, Home, NONE, Action::Top, "to the top", None),
    bind(Normal, Char('G'), NONE, Action::Bottom, "to the bottom", None),
    bind(Normal, End, NONE, Action::Bottom, "to the bottom", None),
    bind(Normal, PageDown, NONE, Action::PageDown, "page down", None),
    bind(Normal, PageUp, NONE, Action::PageUp, "page up", None),
    bind(Normal, Char('d'), CTRL, Action::HalfPageDown, "half a page down", None),
    bind(Normal, Char('u'), CTRL, Action::HalfPageUp, "half a page up", None),
    bind(Normal, Tab, NONE, Action::FocusNext, "next pane", Some("pane")),
    bind(Normal, BackTab, NONE, Action::FocusPrev, "previous pane", None),
    bind(Normal, Char('l'), NONE, Action::FocusRight, "pane to the right", None),
    bind(Normal, Right, NONE, Action::FocusRight, "pane to the right", None),
    bind(Normal, Char('h'), NONE, Action::FocusLeft, "pane to the left", None),
    bind(Normal, Left, NONE, Action::FocusLeft, "pane to the left", None),
    bind(Normal, Enter, NONE, Action::Enter, "open the story / pivot to a person or bill", Some("open")),
    bind(Normal, Char('/'), NONE, Action::SearchStart, "search (within the list shown)", Some("search")),
    bind(Normal, Char('n'), NONE, Action::NextMatch, "next match in the story", None),
    bind(Normal, Char('N'), NONE, Action::PrevMatch, "previous match in the story", None),
    bind(Normal, Char('s'), NONE, Action::ToggleStar, "star / unstar", Some("star")),
    bind(Normal, Char('m'), NONE, Action::ToggleRead, "mark read / unread", None),
    bind(Normal, Char('o'), NONE, Action::OpenUrl, "open the link in the browser", None),
    bind(Normal, Char('p'), NONE, Action::ToggleSide, "show / hide people and bills", Some("people")),
    bind(Normal, Char('S'), NONE, Action::ToggleSort, "search results: best first / newest first", None),
    bind(Normal, Char('r'), NONE, Action::FetchFeeds, "fetch the feeds (new stories join the list)", Some("fetch")),
    bind(Normal, Char('F'), NONE, Action::ToggleFeeds, "show the feeds (Enter narrows the list to one)", Some("feeds")),
    bind(Reader, Char(' '), NONE, Action::PageDown, "page down", None),
    bind(Side, Enter, NONE, Action::Enter, "list every story that mentions it", Some("pivot")),
];

/// Folds Shift into characters and Shift-Tab so that the table stays simple.
pub fn normalize(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut mods =
        key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(key.code, Char(_) | BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    let code = match key.code {
        Char(c) if mods.contains(CTRL) => Char(c.to_ascii_lowercase()),
        code => code,
    };
    (code, mods)
}

/// The scopes that see a key, topmost first.
pub fn scopes(mode: Mode, focus: Focus) -> &'static [Scope] {
    match (mode, focus) {
        (Mode::Help, _) => &[Global, Help],
        (Mode::Feeds, _) => &[Global, Feeds],
        (Mode::Search, _) => &[Global, Search],
        (Mode::Normal, Focus::List) => &[Global, Scope::List, Normal],
        (Mode::Normal, Focus::Reader) => &[Global, Reader, Normal],
        (Mode::Normal, Focus::Side) => &[Global, Side, Normal],
    }
}

/// The keymap in force: the default table with the config file's changes.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: KEYMAP.to_vec(),
        }
    }
}

impl Keymap {
    /// Every binding, in help order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Replaces the keys of `action` in `scope` with `keys` (none: the action is unbound
    /// there). The key no longer does what it did before in that scope.
    pub fn rebind(&mut self, scope: Scope, action: &Action, keys: &[(KeyCode, KeyModifiers)]) {
        let template = self
            .bindings
            .iter()
            .position(|b| b.scope == scope && b.action == *action);
        let (desc, hint) = template.map_or_else(
            || {
                let desc = ACTIONS
                    .iter()
                    .find(|(_, a, _)| a == action)
                    .map_or("", |(_, _, d)| *d);
                (desc, None)
            },
            |i| (self.bindings[i].desc, self.bindings[i].hint),
        );
        self.bindings.retain(|b| {
            b.scope != scope || (b.action != *action && !keys.contains(&(b.code, b.mods)))
        });
        let at = template
            .unwrap_or(self.bindings.len())
            .min(self.bindings.len());
        let new = keys.iter().map(|&(code, mods)| Binding {
            scope,
            code,
            mods,
            action: action.clone(),
            desc,
            hint,
        });
        self.bindings.splice(at..at, new);
    }

    /// The keys bound to `action` in `scope`.
    pub fn keys_of(&self, scope: Scope, action: &Action) -> Vec<(KeyCode, KeyModifiers)> {
        self.bindings
            .iter()
            .filter(|b| b.scope == scope && b.action == *action)
            .map(|b| (b.code, b.mods))
            .collect()
    }

    /// What a key does in this mode and focus, if anything.
    pub fn resolve(&self, mode: Mode, focus: Focus, key: KeyEvent) -> Option<Action> {
        let (code, modifiers) = normalize(key);
        for &scope in scopes(mode, focus) {
            if let Some(b) = self
                .bindings
                .iter()
                .find(|b| b.scope == scope && b.code == code && b.mods == modifiers)
            {
                return Some(b.action.clone());
            }
        }
        match (mode, code) {
            (Mode::Search, Char(c)) if !modifiers.intersects(CTRL | KeyModifiers::ALT) => {
                Some(Action::SearchInput(c))
            }
            _ => None,
        }
    }

    /// Rows of the help overlay: (scope, keys, description), keys of one action merged.
    pub fn help_rows(&self) -> Vec<(Scope, String, &'static str)> {
        let mut rows: Vec<(Scope, String, &'static str)> = Vec::new();
        for b in &self.bindings {
            let label = key_label(b.code, b.mods);
            match rows
                .iter_mut()
                .find(|(s, _, d)| *s == b.scope && *d == b.desc)
            {
                Some(row) => {
                    row.1.push(' ');
                    row.1.push_str(&label);
                }
                None => rows.push((b.scope, label, b.desc)),
            }
        }
        rows.sort_by_key(|r| Scope::ALL.iter().position(|s| *s == r.0));
        rows
    }

    /// Key hints for the status bar in this mode and focus: (key, label).
    pub fn hints(&self, mode: Mode, focus: Focus) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for &scope in scopes(mode, focus) {
            for b in self.bindings.iter().filter(|b| b.scope == scope) {
                if let Some(hint) = b.hint {
                    let key = key_label(b.code, b.mods);
                    if !out.iter().any(|(k, h)| *h == hint || *k == key) {
                        out.push((key, hint));
                    }
                }
            }
        }
        out
    }
}

/// The default keymap, shared.
fn default_keymap() -> &'static Keymap {
    static DEFAULT: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(Keymap::default);
    &DEFAULT
}

/// What a key does in this mode and focus with the default keys.
pub fn resolve(mode: Mode, focus: Focus, key: KeyEvent) -> Option<Action> {
    default_keymap().resolve(mode, focus, key)
}

/// Rows of the help overlay with the default keys.
pub fn help_rows() -> Vec<(Scope, String, &'static str)> {
    default_keymap().help_rows()
}

/// Key hints with the default keys.
pub fn hints(mode: Mode, focus: Focus) -> Vec<(String, &'static str)> {
    default_keymap().hints(mode, focus)
}

/// How a key is written in help and hints.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let name = match code {
        Char(' ') => "Space".to_owned(),
        Char(c) => c.to_string(),
        Down => "↓".to_owned(),
        Up => "↑".to_owned(),
        Left => "←".to_owned(),
        Right => "→".to_owned(),
        PageDown => "PgDn".to_owned(),
        PageUp => "PgUp".to_owned(),
        BackTab => "S-Tab".to_owned(),
        other => other.to_string(),
    };
    let mut label = String::new();
    if mods.contains(CTRL) {
        label.push_str("C-");
    }
    if mods.contains(KeyModifiers::ALT) {
        label.push_str("A-");
    }
    label.push_str(&name);
    label
}
