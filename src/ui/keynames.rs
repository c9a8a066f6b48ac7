//! Key names as the config file and the help write them: `j`, `G`, `Down`, `PgDn`, `C-d`, `A-x`, `S-Tab`, `F5`.

use crossterm::event::{KeyCode, KeyModifiers};

/// A key with its modifiers, as the keymap stores it (Shift folded into characters).
pub type Key = (KeyCode, KeyModifiers);

/// Reads a key name: an optional `C-`/`Ctrl-`, `A-`/`Alt-` prefix, then one character or a
/// named key (`Enter`, `Esc`, `Tab`, `S-Tab`, `Backspace`, `Space`, `Up`, `Down`, `Left`,
/// `Right`, `Home`, `End`, `PgUp`/`PageUp`, `PgDn`/`PageDown`, `Delete`, `Insert`, `F1`-`F12`).
///
/// # Errors
/// When the name is empty or names no key; the message says what was wrong.
pub fn parse_key(name: &str) -> Result<Key, String> {
    let mut rest = name;
    let mut mods = KeyModifiers::NONE;
    loop {
        let lower = rest.to_ascii_lowercase();
        let cut = ["c-", "ctrl-", "ctrl+", "a-", "alt-", "alt+"]
            .iter()
            .find(|p| lower.starts_with(**p) && rest.len() > p.len());
        let Some(prefix) = cut else { break };
        mods |= if prefix.starts_with('c') {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::ALT
        };
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (None, _) => return Err(format!("empty key name {name:?}")),
        (Some(c), None) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        (Some(c), None) => KeyCode::Char(c),
        _ => named(rest).ok_or_else(|| format!("unknown key {name:?}"))?,
    };
    Ok((code, mods))
}

/// A named key, case-insensitively.
fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "s-tab" | "backtab" | "shift-tab" => KeyCode::BackTab,
        "backspace" | "bs" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" | "pgdown" => KeyCode::PageDown,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        f if f.starts_with('f') => {
            let n: u8 = f[1..].parse().ok()?;
            if !(1..=12).contains(&n) {
                return None;
            }
            KeyCode::F(n)
        }
        _ => return None,
    })
}

/// How the config file writes a key (the form [`parse_key`] reads back).
pub fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let name = match code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "S-Tab".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::Up => "Up".to_owned(),
        KeyCode::Down => "Down".to_owned(),
        KeyCode::Left => "Left".to_owned(),
        KeyCode::Right => "Right".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Delete => "Delete".to_owned(),
        KeyCode::Insert => "Insert".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => other.to_string(),
    };
    let mut out = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        out.push_str("C-");
    }
    if mods.contains(KeyModifiers::ALT) {
        out.push_str("A-");
    }
    out.push_str(&name);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_written() {
        for name in [
            "j", "G", "Down", "PgDn", "C-d", "A-x", "S-Tab", "F5", "Space", "Enter",
        ] {
            let (code, mods) = parse_key(name).expect(name);
            assert_eq!(key_name(code, mods), name);
        }
        assert_eq!(
            parse_key("ctrl-D"),
            Ok((KeyCode::Char('d'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse_key("pagedown"),
            Ok((KeyCode::PageDown, KeyModifiers::NONE))
        );
        assert!(
            parse_key("Dwn")
                .unwrap_err()
                .contains("unknown key \"Dwn\"")
        );
        assert!(parse_key("F13").is_err());
        assert!(parse_key("").is_err());
    }
}
