//! Text helpers for drawing: strip anything a terminal could interpret, and fit text to a width.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

pub use crate::corpus::sanitize::is_unsafe;

/// Whether terminals disagree on a character's width when it joins a cluster, so that a frame drawn with it can
/// leave stray cells behind: regional indicators (a flag such as 🇺🇸 is two), the emoji and text presentation
/// selectors (❤️), skin-tone modifiers and tag characters (subdivision flags).
fn is_unreliable(c: char) -> bool {
    matches!(
        c,
        '\u{1F1E6}'..='\u{1F1FF}' | '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0000}'..='\u{E007F}'
    )
}

/// What a character is drawn as: itself; a space for tabs and line breaks; a regional indicator as its capital
/// letter (🇺🇸 shows as `US`, the same two columns everywhere); nothing for other unsafe or unreliable ones.
fn shown_as(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => Some(' '),
        '\u{1F1E6}'..='\u{1F1FF}' => char::from_u32(u32::from(c) - 0x1F1E6 + u32::from('A')),
        c if is_unsafe(c) || is_unreliable(c) => None,
        c => Some(c),
    }
}

/// The text as it is drawn: unsafe characters removed (tabs and newlines become spaces) and the characters whose
/// width terminals disagree on replaced or dropped, so that every grapheme cluster of the result is as wide in the
/// layout ([`width`], textwrap), in ratatui's buffer and on the terminal.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) || is_unreliable(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter_map(shown_as).collect())
}

/// Display width of a character as drawn (zero for those that are dropped).
pub fn char_width(c: char) -> usize {
    shown_as(c).map_or(0, |c| c.width().unwrap_or(0))
}

/// Display width of text as drawn: the width of each grapheme cluster of its cleaned form, measured as ratatui
/// measures cells. For cleaned text this equals the sum of its characters' widths, which textwrap uses to wrap.
pub fn width(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    clean(text)
        .graphemes(true)
        .map(UnicodeWidthStr::width)
        .sum()
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

#[cfg(test)]
mod tests {
    use super::*;

    const TRICKY: &[&str] = &[
        "Flags 🇺🇸 🇬🇧 and 🇫🇷🇩🇪 together",
        "Love ❤️ and ☺︎ and 1️⃣",
        "Thumbs 👍🏽 and 👋🏿",
        "Wales 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F} flag",
        "Café, naïve, e\u{301}, 한국어, 中文, ｶﾀｶﾅ",
        "Family 👨\u{200D}👩\u{200D}👧 and tab\there",
    ];

    #[test]
    fn every_cluster_is_as_wide_in_the_layout_as_in_the_buffer() {
        use unicode_segmentation::UnicodeSegmentation;
        use unicode_width::UnicodeWidthStr;
        for text in TRICKY {
            let shown = clean(text);
            for g in shown.graphemes(true) {
                let by_chars: usize = g.chars().map(char_width).sum();
                assert_eq!(by_chars, g.width(), "{g:?} in {text:?}");
            }
            let by_chars: usize = text.chars().map(char_width).sum();
            assert_eq!(width(text), by_chars, "{text:?}");
            assert_eq!(
                textwrap::core::display_width(&shown),
                width(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn flags_show_as_their_letters_and_selectors_and_modifiers_go() {
        assert_eq!(clean("🇺🇸 🇬🇧"), "US GB");
        assert_eq!(clean("❤️👍🏽"), "❤👍");
        assert_eq!(width("🇺🇸"), 2);
        assert_eq!(fit("🇺🇸🇬🇧🇫🇷", 5), "USGB…");
    }
}
