//! Wrapping a story for the reader pane: lines that point into the article's title and body, a piece at a time for very long stories.

use crate::corpus::Article;

/// One line of the reader pane, pointing into the article where it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// Bytes `start..end` of the title.
    Title(usize, usize),
    /// A line of source, authors and date.
    Meta(String),
    /// The link.
    Url(String),
    /// Bytes `start..end` of the body.
    Body(usize, usize),
    /// A paragraph break.
    Blank,
}

/// Byte offset of `piece` inside `parent` when it is a slice of it.
fn offset_in(parent: &str, piece: &str) -> Option<usize> {
    let start = (piece.as_ptr() as usize).checked_sub(parent.as_ptr() as usize)?;
    (start + piece.len() <= parent.len()).then_some(start)
}

/// Wraps `text` to `width`, returning byte ranges of each line (paragraph breaks as `None`).
fn wrap_ranges(text: &str, width: usize) -> Vec<Option<(usize, usize)>> {
    // textwrap skips ANSI sequences when measuring, but drawing strips only the ESC byte:
    // measure a copy where ESC is another control byte of the same length.
    let shadow;
    let text = if text.contains('\u{1b}') {
        shadow = text.replace('\u{1b}', "\u{1}");
        shadow.as_str()
    } else {
        text
    };
    let mut out = Vec::new();
    let mut base = 0;
    for raw in text.split('\n') {
        let line_start = base;
        base += raw.len() + 1;
        if raw.trim().is_empty() {
            if matches!(out.last(), Some(Some(_))) {
                out.push(None);
            }
            continue;
        }
        let mut cursor = 0;
        for piece in textwrap::wrap(raw, width.max(1)) {
            let at = offset_in(raw, &piece).or_else(|| {
                raw[cursor..]
                    .find(piece.trim_end_matches('-'))
                    .map(|i| i + cursor)
            });
            if let Some(at) = at {
                let end = (at + piece.len()).min(raw.len());
                out.push(Some((line_start + at, line_start + end)));
                cursor = end;
            }
        }
    }
    while matches!(out.last(), Some(None)) {
        out.pop();
    }
    out
}

/// Bytes of body wrapped at a time: a story of many megabytes is wrapped a piece at a time as
/// the reader scrolls into it, so that opening it never holds up a frame.
pub const WRAP_CHUNK: usize = 64 * 1024;

/// Bytes of body one action may wrap while scrolling (some tens of milliseconds).
pub const WRAP_PER_ACTION: usize = 512 * 1024;

/// The reader's lines for an article at a width: title, meta, link, then the body.
pub fn wrap_article(article: &Article, width: u16) -> Vec<DocLine> {
    let (mut doc, wrapped) = wrap_head(article, width);
    let width = usize::from(width.max(1));
    wrap_body(&article.body, wrapped, article.body.len(), width, &mut doc);
    doc
}

/// The title, meta and link lines, and the first piece of the body ([`WRAP_CHUNK`] bytes to
/// a line break); returns the lines and how many bytes of the body they cover.
pub fn wrap_head(article: &Article, width: u16) -> (Vec<DocLine>, usize) {
    let width = usize::from(width.max(1));
    let mut doc: Vec<DocLine> = wrap_ranges(&article.title, width)
        .into_iter()
        .flatten()
        .map(|(s, e)| DocLine::Title(s, e))
        .collect();
    let authors =
        (!article.authors.is_empty()).then(|| format!("by {}", article.authors.join(", ")));
    let date = article.date.map(|d| d.format("%Y-%m-%d").to_string());
    let meta = [article.source.clone(), authors, date]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let options =
        textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(&meta, options) {
        doc.push(DocLine::Meta(line.into_owned()));
    }
    if let Some(url) = &article.url {
        doc.push(DocLine::Url(url.to_string()));
    }
    doc.push(DocLine::Blank);
    let end = chunk_end(&article.body, 0);
    wrap_body(&article.body, 0, end, width, &mut doc);
    (doc, end)
}

/// Where the piece of `body` that starts at `from` ends: the first line break at least
/// [`WRAP_CHUNK`] bytes on (or a space, for a paragraph that long), or the end.
pub fn chunk_end(body: &str, from: usize) -> usize {
    let want = from.saturating_add(WRAP_CHUNK);
    if want >= body.len() {
        return body.len();
    }
    let rest = &body.as_bytes()[want..];
    let at = memchr::memchr(b'\n', rest)
        .filter(|&i| i < WRAP_CHUNK)
        .or_else(|| memchr::memchr(b' ', rest));
    at.map_or(body.len(), |i| want + i + 1)
}

/// Appends the lines of `body[from..to]` (which starts a line) wrapped to `width`.
pub fn wrap_body(body: &str, from: usize, to: usize, width: usize, doc: &mut Vec<DocLine>) {
    if from >= to {
        return;
    }
    let piece = &body[from..to];
    // A paragraph break at the seam between two pieces.
    let blank_before = from > 0 && piece.starts_with('\n') && body[..from].ends_with('\n');
    if blank_before && !matches!(doc.last(), Some(DocLine::Blank)) {
        doc.push(DocLine::Blank);
    }
    doc.extend(wrap_ranges(piece, width).into_iter().map(|r| match r {
        Some((s, e)) => DocLine::Body(from + s, from + e),
        None => DocLine::Blank,
    }));
}

/// The line of a re-wrapped story that shows what `old` showed (the same title or body byte).
pub fn same_place(doc: &[DocLine], old: &DocLine) -> usize {
    let found = match *old {
        DocLine::Body(start, _) => doc
            .iter()
            .position(|l| matches!(*l, DocLine::Body(s, e) if s <= start && start < e.max(s + 1))),
        DocLine::Title(start, _) => doc
            .iter()
            .position(|l| matches!(*l, DocLine::Title(s, e) if s <= start && start < e.max(s + 1))),
        _ => doc.iter().position(|l| l == old),
    };
    found.unwrap_or(0)
}
