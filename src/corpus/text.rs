//! Turning raw field text into article text: HTML to plain text, paragraph spacing, author lists.

use std::borrow::Cow;

use super::sanitize;

/// Tags whose presence makes text HTML.
const HTML_TAGS: &[&str] = &[
    "a",
    "b",
    "i",
    "p",
    "u",
    "br",
    "em",
    "hr",
    "li",
    "ol",
    "td",
    "th",
    "tr",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "img",
    "nav",
    "pre",
    "sub",
    "sup",
    "body",
    "code",
    "font",
    "head",
    "html",
    "span",
    "cite",
    "table",
    "tbody",
    "thead",
    "style",
    "small",
    "script",
    "strong",
    "iframe",
    "figure",
    "header",
    "footer",
    "article",
    "section",
    "noscript",
    "figcaption",
    "blockquote",
];

/// Whether text looks like HTML: it has a known tag (`<p>`, `</b>`, `<br/>`, `<a href=...>`), a comment, or an
/// entity (`&amp;`, `&#8217;`). Only then is the (slow) HTML conversion run, so that `<SOT: ...>` or `a < b` in plain
/// text are left alone.
pub fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    let tag = memchr::memchr_iter(b'<', bytes).any(|i| {
        let rest = &bytes[i + 1..];
        if rest.starts_with(b"!--") {
            return true;
        }
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let len = rest
            .iter()
            .take(12)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        matches!(rest.get(len), Some(b'>' | b' ' | b'/' | b'\n' | b'\t'))
            && HTML_TAGS
                .iter()
                .any(|t| t.as_bytes().eq_ignore_ascii_case(&rest[..len]))
    });
    tag || memchr::memchr_iter(b'&', bytes).any(|i| {
        let rest = &bytes[i + 1..];
        let end = rest.iter().take(10).position(|b| *b == b';');
        end.is_some_and(|n| {
            n >= 2
                && (rest[..n].iter().all(u8::is_ascii_alphanumeric)
                    || (rest[0] == b'#' && rest[1..n].iter().all(u8::is_ascii_alphanumeric)))
        })
    })
}

/// Converts HTML to plain text: paragraphs and line breaks kept (paragraphs separated by blank lines), entities
/// decoded, tags, scripts and styles dropped, links reduced to their text. Falls back to the input on failure.
pub fn html_to_text(html: &str) -> String {
    let decorator = html2text::render::TrivialDecorator::new();
    let converted = html2text::config::with_decorator(decorator)
        .link_footnotes(false)
        .no_table_borders()
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), 1_000_000);
    match converted {
        Ok(text) => text,
        Err(_) => html.to_owned(),
    }
}

/// Cleans a body: HTML converted when it looks like HTML, then sanitized, lines' trailing spaces trimmed when
/// needed, runs of blank lines collapsed to one, the ends trimmed, and page furniture removed.
pub fn body(raw: Cow<'_, str>) -> String {
    let text = if looks_like_html(&raw) {
        html_to_text(&raw)
    } else {
        raw.into_owned()
    };
    super::furniture::strip(paragraphs(sanitize::clean_owned(text)))
}

/// A one-line field, HTML decoded when it looks like HTML.
pub fn line(raw: &str) -> String {
    if looks_like_html(raw) {
        sanitize::clean_line(&html_to_text(raw))
    } else {
        sanitize::clean_line(raw)
    }
}

/// Normalizes paragraph spacing: no trailing spaces on lines, at most one blank line in a row, no blank ends.
fn paragraphs(text: String) -> String {
    let bytes = text.as_bytes();
    let messy = memchr::memmem::find(bytes, b"\n\n\n").is_some()
        || memchr::memmem::find(bytes, b" \n").is_some()
        || text.trim().len() != text.len();
    if !messy {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Splits author text into names: on `;`, `|`, `,`, `&`, and the word "and"; a leading "By" is dropped.
pub fn split_authors(text: &str) -> Vec<String> {
    let text = line(text);
    let text = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .unwrap_or(&text);
    let parts: Vec<&str> = text
        .split([';', '|', ',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<p>Hello</p>"));
        assert!(looks_like_html("Tom &amp; Jerry"));
        assert!(looks_like_html("it&#8217;s"));
        assert!(looks_like_html("line<br/>break"));
        assert!(looks_like_html("<A HREF=\"x\">y</A>"));
        assert!(!looks_like_html("a < b and c > d"));
        assert!(!looks_like_html(
            "// <SOT: Mitch McConnell, from a speech> quote"
        ));
        assert!(!looks_like_html("<<Breaking>>"));
        assert!(!looks_like_html("AT&T; R&D"));
        assert!(!looks_like_html("Plain text."));
    }

    #[test]
    fn html_becomes_paragraphs() {
        let text = body(Cow::Borrowed(
            "<p>First &amp; <b>bold</b> para.</p><p>Second&nbsp;one with <a href=\"http://x\">a link</a>.</p>\
             <script>alert(1)</script>",
        ));
        assert_eq!(text, "First & bold para.\n\nSecond\u{a0}one with a link.");
    }

    #[test]
    fn paragraphs_are_normalized() {
        assert_eq!(paragraphs("  a  \n\n\n\nb \nc\n\n".into()), "a\n\nb\nc");
        assert_eq!(paragraphs("a\n\nb".into()), "a\n\nb");
    }

    #[test]
    fn authors_split() {
        assert_eq!(split_authors("Ian Mason"), ["Ian Mason"]);
        assert_eq!(
            split_authors("Ian Mason, Jane Roe"),
            ["Ian Mason", "Jane Roe"]
        );
        assert_eq!(
            split_authors("By Ian Mason and Jane Roe"),
            ["Ian Mason", "Jane Roe"]
        );
        assert_eq!(
            split_authors("A. One; B. Two & C. Three"),
            ["A. One", "B. Two", "C. Three"]
        );
    }
}
