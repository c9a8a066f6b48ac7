//! Text helpers for drawing: strip anything a terminal could interpret, and fit text to a width.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

pub use crate::corpus::sanitize::is_unsafe;

/// The text with unsafe characters removed (tabs and newlines become spaces).
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Display width of a character (zero for unsafe ones, which are dropped).
pub fn char_width(c: char) -> usize {
    if is_unsafe(c) {
        0
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display width of cleaned text.
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Cleans `text` and cuts it to `max` columns, ending with `…` when cut.
pub fn fit(text: &str, max: usize) -> String {
    let text = clean(text);
    if width(&text) <= max {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Cleans `text` and keeps its last `max` columns, starting with `…` when cut (a prompt shows
/// the end of a long query, where the typing goes on).
pub fn fit_tail(text: &str, max: usize) -> String {
    let text = clean(text);
    if width(&text) <= max {
        return text.into_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        used += w;
        kept.push(c);
    }
    let mut out = String::new();
    if max > 0 {
        out.push('…');
    }
    out.extend(kept.into_iter().rev());
    out
}
