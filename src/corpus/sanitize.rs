//! Cleaning untrusted corpus text: escape sequences, control, bidi and zero-width characters, tabs, line ends, URLs.
//!
//! Every text field of an [`Article`](super::Article) goes through here at load time, so nothing read from a corpus
//! can move the cursor, recolour the terminal, set its title, hide text or reorder it on screen.

use std::borrow::Cow;

/// Tab stops are every this many columns when tabs are expanded.
pub const TAB_WIDTH: usize = 4;

/// Cleans a multi-line text field (a body): see [`clean`].
pub fn clean_owned(text: String) -> String {
    match clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    }
}

/// Cleans a multi-line text field, borrowing when there is nothing to change.
///
/// - terminal escape sequences are removed whole: CSI (`ESC [` or U+009B) with its parameters and final byte; OSC,
///   DCS, APC, PM and SOS strings (`ESC ]`, `ESC P`, `ESC _`, `ESC ^`, `ESC X` or U+009D, U+0090, U+009F, U+009E,
///   U+0098) up to their terminator (BEL, `ESC \` or U+009C; an unterminated string ends at the end of its line);
///   other `ESC` sequences (`ESC ( B`, `ESC c`, ...);
/// - other C0 and C1 control characters and DEL are dropped, except the newline;
/// - CRLF and lone CR become `\n`; U+2028 and U+2029 become `\n`;
/// - tabs are expanded to spaces up to the next multiple of [`TAB_WIDTH`] columns;
/// - bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), directional marks (U+200E, U+200F,
///   U+061C) and invisible characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+180E, U+FFF9-U+FFFB, tag characters
///   U+E0000-U+E007F) are removed;
/// - every other character, in any script, is kept.
pub fn clean(text: &str) -> Cow<'_, str> {
    match first_suspect(text.as_bytes()) {
        None => Cow::Borrowed(text),
        Some(start) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..start]);
            let column = text[..start]
                .rsplit('\n')
                .next()
                .map_or(0, |line| line.chars().count());
            clean_into(&text[start..], column, &mut out);
            Cow::Owned(out)
        }
    }
}

/// Cleans a one-line field (title, source, author, tag, id): [`clean`], then every run of whitespace (newlines
/// included) becomes one space, and the ends are trimmed.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    let simple = !cleaned.contains(['\n', '\u{a0}'])
        && !cleaned.contains("  ")
        && cleaned.trim().len() == cleaned.len();
    if simple {
        return cleaned.into_owned();
    }
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Keeps a URL only if, once cleaned, it is a [`SafeUrl`](super::SafeUrl) (absolute http or
/// https with a host and no credentials or whitespace); the result is its normalized form.
pub fn clean_url(url: &str) -> Option<String> {
    super::SafeUrl::parse(&clean_line(url))
        .ok()
        .map(String::from)
}

/// Whether a byte may start something to clean: a C0 control but the newline, DEL, or the lead byte of a UTF-8
/// sequence that [`suspect_multibyte`] looks at.
#[inline]
fn suspect_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x09 | 0x0B..=0x1F | 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF | 0xF3)
}

/// Index of the first byte that may start something to clean, or `None` when the text is already clean. Blocks with
/// no suspect byte at all are skipped 32 bytes at a time (a test the compiler vectorizes).
fn first_suspect(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut offset = 0;
    for block in blocks.by_ref() {
        let any = block.iter().fold(false, |any, b| any | suspect_byte(*b));
        if any && let Some(i) = suspect_in(bytes, offset, offset + BLOCK) {
            return Some(i);
        }
        offset += BLOCK;
    }
    suspect_in(bytes, offset, bytes.len())
}

/// The first suspect byte among `bytes[from..to]` (multi-byte characters may run past `to`).
fn suspect_in(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&i| {
        let b = bytes[i];
        suspect_byte(b) && (b < 0x80 || suspect_multibyte(&bytes[i..]))
    })
}

/// Whether the UTF-8 sequence at the start of `s` is a character [`clean`] changes.
fn suspect_multibyte(s: &[u8]) -> bool {
    match s {
        // U+0080-U+009F (C1 controls)
        [0xC2, b, ..] => (0x80..=0x9F).contains(b),
        // U+061C arabic letter mark, U+180E mongolian vowel separator, U+FEFF, U+E0000-U+E007F (tags)
        [0xD8, 0x9C, ..]
        | [0xE1, 0xA0, 0x8E, ..]
        | [0xEF, 0xBB, 0xBF, ..]
        | [0xF3, 0xA0, 0x80 | 0x81, ..] => true,
        // U+200B-U+200F, U+2028-U+202E
        [0xE2, 0x80, b, ..] => (0x8B..=0x8F).contains(b) || (0xA8..=0xAE).contains(b),
        // U+2060-U+206F
        [0xE2, 0x81, b, ..] => (0xA0..=0xAF).contains(b),
        // U+FFF9-U+FFFB
        [0xEF, 0xBF, b, ..] => (0xB9..=0xBB).contains(b),
        _ => false,
    }
}

/// Whether a character is removed without trace: bidi controls, directional marks and invisible
/// characters. The one list, used by the loader and (with control characters) by the reader's
/// last check before drawing.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}')
}

/// What an introducer starts.
enum Seq {
    /// A control sequence: parameters, intermediates, one final byte.
    Csi,
    /// A string ended by BEL or ST.
    Str,
}

/// The slow path: cleans `text` into `out`, `column` being the column `text` starts at.
fn clean_into(text: &str, mut column: usize, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let seq = match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    Some(Seq::Csi)
                }
                Some(']' | 'P' | '_' | '^' | 'X') => {
                    chars.next();
                    Some(Seq::Str)
                }
                Some(_) => {
                    // nF escape: intermediates 0x20-0x2F then one final byte 0x30-0x7E.
                    while chars
                        .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                        .is_some()
                    {}
                    chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
                    None
                }
                None => None,
            },
            '\u{9b}' => Some(Seq::Csi),
            '\u{9d}' | '\u{90}' | '\u{9f}' | '\u{9e}' | '\u{98}' => Some(Seq::Str),
            '\n' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
                None
            }
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
                column = 0;
                None
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                None
            }
            c if c.is_control() || is_invisible(c) => None,
            c => {
                out.push(c);
                column += 1;
                None
            }
        };
        match seq {
            Some(Seq::Csi) => {
                while chars
                    .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
                    .is_some()
                {}
                chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
            }
            Some(Seq::Str) => loop {
                match chars.peek() {
                    None | Some('\n' | '\r') => break,
                    Some('\u{7}' | '\u{9c}') => {
                        chars.next();
                        break;
                    }
                    Some('\u{1b}') => {
                        chars.next();
                        chars.next_if_eq(&'\\');
                        break;
                    }
                    Some(_) => {
                        chars.next();
                    }
                }
            },
            None => {}
        }
    }
}

/// Whether a character must never reach a terminal: a control character (any of C0, DEL, C1)
/// or an [invisible](is_invisible) one.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suspects_are_found_in_every_position_of_a_block() {
        for len in [1, 31, 32, 33, 64, 100] {
            for at in 0..len {
                let mut text = "a".repeat(len);
                text.replace_range(at..=at, "\u{7}");
                assert_eq!(clean(&text).len(), len - 1, "len {len} at {at}");
                let mut text = "a".repeat(len);
                text.insert(at, '\u{202e}');
                assert_eq!(clean(&text), "a".repeat(len), "len {len} at {at}");
            }
        }
    }

    #[test]
    fn clean_text_is_borrowed_untouched() {
        let text = "Plain “quoted” text — with é, 中文, العربية and emoji 🗳\n\nSecond paragraph.";
        assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}[2J\u{1b}[1;1Hy"), "xy");
        assert_eq!(clean("x\u{1b}[?1049hy"), "xy");
        assert_eq!(clean("8bit\u{9b}31mcsi"), "8bitcsi");
    }

    #[test]
    fn string_sequences_are_removed_to_their_terminator() {
        assert_eq!(clean("t\u{1b}]0;evil title\u{7}ok"), "tok");
        assert_eq!(
            clean("t\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "tlink"
        );
        assert_eq!(clean("d\u{1b}Pq#0;2;0;0;0\u{1b}\\e"), "de");
        assert_eq!(
            clean("a\u{1b}_apc\u{1b}\\b\u{1b}^pm\u{7}c\u{1b}Xsos\u{9c}d"),
            "abcd"
        );
        assert_eq!(clean("c1\u{9d}0;title\u{9c}osc"), "c1osc");
        assert_eq!(
            clean("c1\u{90}dcs\u{9c}x\u{9f}apc\u{9c}y\u{9e}pm\u{9c}z\u{98}sos\u{9c}!"),
            "c1xyz!"
        );
    }

    #[test]
    fn unterminated_strings_end_at_the_line_end() {
        assert_eq!(clean("a\u{1b}]0;no end\nnext line"), "a\nnext line");
    }

    #[test]
    fn other_escapes_and_controls_are_dropped() {
        assert_eq!(clean("a\u{1b}(Bb\u{1b}cc\u{1b}7d"), "abcd");
        assert_eq!(
            clean("bell\u{7} back\u{8}space\u{0}nul\u{7f}del\u{85}nel"),
            "bell backspacenuldelnel"
        );
        assert_eq!(clean("trailing escape\u{1b}"), "trailing escape");
    }

    #[test]
    fn line_ends_are_normalized() {
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean("a\u{2028}b\u{2029}c"), "a\nb\nc");
    }

    #[test]
    fn tabs_expand_to_tab_stops() {
        assert_eq!(clean("\tx"), "    x");
        assert_eq!(clean("ab\tx"), "ab  x");
        assert_eq!(clean("line\nab\tx"), "line\nab  x");
        assert_eq!(clean("é\tx"), "é   x");
    }

    #[test]
    fn bidi_and_zero_width_characters_are_removed() {
        let hostile =
            "safe\u{202E}txt.exe\u{202C} \u{2066}iso\u{2069} zw\u{200B}sp\u{200D}j\u{FEFF}\u{2060}";
        assert_eq!(clean(hostile), "safetxt.exe iso zwspj");
        assert_eq!(
            clean("\u{200E}\u{200F}\u{061C}mark\u{E0041}\u{E007F}"),
            "mark"
        );
    }

    #[test]
    fn all_other_unicode_is_kept() {
        let text = "Zoë Ørsted, Łódź, Ελλάδα, Москва, 北京, עברית, हिन्दी, 🇺🇸 and a non\u{a0}breaking space";
        assert_eq!(clean(text), text);
        assert_eq!(clean(&format!("{text}\u{7}")), text);
    }

    #[test]
    fn clean_line_collapses_whitespace() {
        assert_eq!(
            clean_line("  Senate\n passes\t bill \u{1b}[1m"),
            "Senate passes bill"
        );
        assert_eq!(clean_line("Plain"), "Plain");
    }

    #[test]
    fn only_http_urls_are_kept() {
        assert_eq!(
            clean_url("https://example.org/a?b=c"),
            Some("https://example.org/a?b=c".into())
        );
        assert_eq!(
            clean_url(" HTTP://example.org "),
            Some("http://example.org/".into())
        );
        assert_eq!(clean_url("javascript:alert(1)"), None);
        assert_eq!(clean_url("file:///etc/passwd"), None);
        assert_eq!(clean_url("www.example.org"), None);
        assert_eq!(clean_url("https://"), None);
        assert_eq!(
            clean_url("https://exa\u{1b}]8;;x\u{7}mple.org"),
            Some("https://example.org/".into())
        );
        assert_eq!(clean_url("https://a.org/x y"), None);
    }
}
