//! The config file (`config.toml`): key bindings, theme colours, layout and search defaults, read before the screen is taken.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use super::app::App;
use super::keymap::{self, ACTIONS, Keymap, Scope};
use super::keynames::{Key, key_name, parse_key};
use super::layout::Prefs;
use super::theme::{STYLE_NAMES, Theme};

/// How search results are ordered by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SearchSort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// The effective configuration: the defaults with the file's changes.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The keys in force.
    pub keymap: Keymap,
    /// Colours the file sets, by style name: (foreground, background).
    pub colours: BTreeMap<String, (Option<Color>, Option<Color>)>,
    /// Side panel width and lines per story.
    pub layout: Prefs,
    /// Default order of search results.
    pub sort: SearchSort,
}

/// A config file that cannot be used: where, and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ConfigError {
    /// The file, as named.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Keys>>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<Colour>>,
    #[serde(default)]
    layout: RawLayout,
    #[serde(default)]
    search: RawSearch,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Colour {
    Fg(String),
    Both {
        fg: Option<String>,
        bg: Option<String>,
    },
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLayout {
    side_width: Option<Spanned<u16>>,
    list_lines: Option<Spanned<u8>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    sort: Option<Spanned<String>>,
}

impl Config {
    /// `$XDG_CONFIG_HOME/cloakroom/config.toml`, or the platform's config directory.
    pub fn default_path() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join("cloakroom").join("config.toml"))
    }

    /// The file named with `--config` (which must exist), else the default file if there is
    /// one, else the defaults.
    ///
    /// # Errors
    /// An unreadable or invalid file, with its `path:line:column`.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(path) => path.to_owned(),
            None => match Self::default_path().filter(|p| p.exists()) {
                Some(path) => path,
                None => return Ok(Config::default()),
            },
        };
        let name = crate::corpus::sanitize::clean_line(&path.display().to_string());
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
            file: name.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read the config file: {e}"),
        })?;
        Self::parse(&text, &name)
    }

    /// Reads a config file's text (`file` names it in errors).
    ///
    /// # Errors
    /// Invalid TOML, an unknown section, scope, action, key, style or colour, with where.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = line_column(text, span.start);
            ConfigError {
                file: file.to_owned(),
                line,
                column,
                message,
            }
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().to_owned();
            at(e.span().unwrap_or(0..0), message)
        })?;
        let mut config = Config::default();
        for (scope_name, actions) in &raw.keys {
            let scope = Scope::from_name(scope_name.get_ref()).ok_or_else(|| {
                at(
                    scope_name.span(),
                    format!(
                        "unknown key scope `{}` (one of: {})",
                        scope_name.get_ref(),
                        Scope::ALL.map(Scope::name).join(", ")
                    ),
                )
            })?;
            for (action_name, keys) in actions {
                let (_, action, _) = keymap::action_of(action_name.get_ref()).ok_or_else(|| {
                    at(
                        action_name.span(),
                        format!(
                            "unknown action `{}` (`cloakroom config` lists them all)",
                            action_name.get_ref()
                        ),
                    )
                })?;
                let names: Vec<&String> = match keys.get_ref() {
                    Keys::One(k) => vec![k],
                    Keys::Many(ks) => ks.iter().collect(),
                };
                let parsed: Vec<Key> = names
                    .iter()
                    .map(|n| parse_key(n))
                    .collect::<Result<_, _>>()
                    .map_err(|e| at(keys.span(), format!("{e} for `{}`", action_name.get_ref())))?;
                config.keymap.rebind(scope, action, &parsed);
            }
        }
        for (style, colour) in &raw.theme {
            if !STYLE_NAMES.contains(&style.get_ref().as_str()) {
                return Err(at(
                    style.span(),
                    format!(
                        "unknown style `{}` (one of: {})",
                        style.get_ref(),
                        STYLE_NAMES.join(", ")
                    ),
                ));
            }
            let read = |c: &Option<String>| -> Result<Option<Color>, ConfigError> {
                c.as_deref()
                    .map(|name| {
                        name.parse::<Color>().map_err(|_| {
                            at(
                                colour.span(),
                                format!("unknown colour `{name}` (a name such as `lightblue`, or `#rrggbb`)"),
                            )
                        })
                    })
                    .transpose()
            };
            let pair = match colour.get_ref() {
                Colour::Fg(fg) => (read(&Some(fg.clone()))?, None),
                Colour::Both { fg, bg } => (read(fg)?, read(bg)?),
            };
            config.colours.insert(style.get_ref().clone(), pair);
        }
        if let Some(w) = &raw.layout.side_width {
            if !(16..=120).contains(w.get_ref()) {
                return Err(at(
                    w.span(),
                    "side_width must be 16 to 120 columns".to_owned(),
                ));
            }
            config.layout.side_width = Some(*w.get_ref());
        }
        if let Some(n) = &raw.layout.list_lines {
            if !(1..=2).contains(n.get_ref()) {
                return Err(at(n.span(), "list_lines must be 1 or 2".to_owned()));
            }
            config.layout.list_lines = Some(*n.get_ref());
        }
        if let Some(sort) = &raw.search.sort {
            config.sort = match sort.get_ref().as_str() {
                "relevance" => SearchSort::Relevance,
                "date" => SearchSort::Date,
                other => {
                    return Err(at(
                        sort.span(),
                        format!("unknown sort `{other}` (relevance or date)"),
                    ));
                }
            };
        }
        Ok(config)
    }

    /// The theme: the colour one with the file's colours, or the monochrome one when
    /// `NO_COLOR` is set (which wins over the file).
    pub fn theme(&self) -> Theme {
        if Theme::no_color() {
            return Theme::mono();
        }
        self.coloured(Theme::color())
    }

    /// `theme` with the file's colours put on it.
    fn coloured(&self, mut theme: Theme) -> Theme {
        for (name, (fg, bg)) in &self.colours {
            if let Some(style) = theme.style_mut(name) {
                if let Some(fg) = fg {
                    *style = style.fg(*fg);
                }
                if let Some(bg) = bg {
                    *style = style.bg(*bg);
                }
            }
        }
        theme
    }

    /// Puts the keys and layout choices into the app (the theme goes in with [`Config::theme`]).
    pub fn apply(&self, app: &mut App) {
        app.keymap = self.keymap.clone();
        app.layout = self.layout;
        app.sort = match self.sort {
            SearchSort::Relevance => crate::search::Sort::Relevance,
            SearchSort::Date => crate::search::Sort::Date,
        };
    }

    /// The effective configuration as a commented TOML file a user can start from.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(
            "# Cloakroom configuration: $XDG_CONFIG_HOME/cloakroom/config.toml (or --config FILE).\n\
             # Every value below is in force now; delete what you do not change.\n\n",
        );
        out.push_str(
            "[search]\n# Order of search results: \"relevance\" or \"date\" (newest first).\n",
        );
        let sort = match self.sort {
            SearchSort::Relevance => "relevance",
            SearchSort::Date => "date",
        };
        let _ = writeln!(out, "sort = \"{sort}\"\n");
        out.push_str("[layout]\n# Columns of the people & bills panel (16-120); unset: a quarter of the width.\n");
        match self.layout.side_width {
            Some(w) => {
                let _ = writeln!(out, "side_width = {w}");
            }
            None => out.push_str("# side_width = 32\n"),
        }
        out.push_str(
            "# Lines per story in the list (1 or 2); unset: 1 when the list is wide enough.\n",
        );
        match self.layout.list_lines {
            Some(n) => {
                let _ = writeln!(out, "list_lines = {n}\n");
            }
            None => out.push_str("# list_lines = 2\n\n"),
        }
        out.push_str(
            "[theme]\n# Colours by style: a colour for the text, or { fg = ..., bg = ... }.\n\
             # Names (red, lightblue, darkgray, ...) or #rrggbb. NO_COLOR in the environment wins.\n",
        );
        let theme_with = self.coloured(Theme::color());
        for name in STYLE_NAMES {
            let style = theme_with.style(name).unwrap_or_default();
            let colour = |c: Option<Color>| c.map(|c| format!("\"{}\"", colour_name(c)));
            match (colour(style.fg), colour(style.bg)) {
                (Some(fg), None) => {
                    let _ = writeln!(out, "{name} = {fg}");
                }
                (fg, Some(bg)) => {
                    let fg = fg.map(|f| format!("fg = {f}, ")).unwrap_or_default();
                    let _ = writeln!(out, "{name} = {{ {fg}bg = {bg} }}");
                }
                (None, None) => {
                    let _ = writeln!(out, "# {name} = \"white\"  (no colour: text style only)");
                }
            }
        }
        out.push_str(
            "\n# Keys by scope, then action: one key or a list. A list replaces the action's keys in\n\
             # that scope ([] unbinds it). Keys: a character (j, G, ?), C-x (Ctrl), A-x (Alt), Enter,\n\
             # Esc, Tab, S-Tab, Backspace, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1-F12.\n",
        );
        out.push_str("# Actions: ");
        out.push_str(
            &ACTIONS
                .iter()
                .map(|(n, ..)| *n)
                .collect::<Vec<_>>()
                .join(", "),
        );
        out.push('\n');
        for scope in Scope::ALL {
            let mut seen: Vec<&str> = Vec::new();
            let mut rows = String::new();
            for b in self.keymap.bindings().iter().filter(|b| b.scope == scope) {
                let Some(name) = keymap::action_name(&b.action) else {
                    continue;
                };
                if seen.contains(&name) {
                    continue;
                }
                seen.push(name);
                let keys: Vec<String> = self
                    .keymap
                    .keys_of(scope, &b.action)
                    .into_iter()
                    .map(|(c, m)| format!("{:?}", key_name(c, m)))
                    .collect();
                let _ = writeln!(rows, "{name} = [{}]  # {}", keys.join(", "), b.desc);
            }
            if !rows.is_empty() {
                let _ = writeln!(out, "\n[keys.{}]  # {}", scope.name(), scope.title());
                out.push_str(&rows);
            }
        }
        out
    }
}

/// How the config file writes a colour.
fn colour_name(c: Color) -> String {
    c.to_string().to_ascii_lowercase()
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
