//! The open story: its wrapped lines, its people and bills, and the marks n/N step through.

use super::app::EntityKind;
use crate::corpus::Article;
use crate::extract::{EntityIndex, Field, Span, StoryEntities};

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

/// A person or bill in the side panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideItem {
    /// Person or bill.
    pub kind: EntityKind,
    /// Index in the corpus-wide entity index, once it is built.
    pub id: Option<u32>,
    /// Name or label.
    pub name: String,
    /// Role and party-state, or number, chamber and sponsors.
    pub detail: String,
    /// Number of stories in the corpus that mention it, once known.
    pub stories: Option<usize>,
    /// Where the story mentions it.
    pub mentions: Vec<Span>,
}

/// What n/N step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The mentions of the person or bill selected in the side panel.
    Entity,
    /// The search matches.
    Search,
}

/// The story in the reader pane: its lines, side items, scroll and marks, changed only through
/// its methods (as ratatui's `ListState` is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Index of the article in the corpus.
    article: usize,
    /// People then bills.
    side: Vec<SideItem>,
    /// Selected side item.
    side_selected: usize,
    /// First side row on screen.
    side_offset: usize,
    /// True when `side` comes from the corpus-wide index (counts are known).
    linked: bool,
    /// Lines wrapped to `width`.
    doc: Vec<DocLine>,
    /// Width the lines were wrapped to.
    width: u16,
    /// First line on screen.
    scroll: usize,
    /// Where the search terms occur.
    search_spans: Vec<Span>,
    /// What n/N step through.
    target: Target,
    /// Which mark of the target n/N last went to.
    cursor: Option<usize>,
}

impl Story {
    /// Builds the story's lines, and its side items from the corpus index when it is ready;
    /// before that the side stays empty until [`Story::set_own_entities`] (extraction never
    /// runs here, on the UI thread).
    pub fn new(
        article_index: usize,
        article: &Article,
        entities: Option<&EntityIndex>,
        width: u16,
        terms: &[Highlight],
    ) -> Self {
        let (side, linked) = match entities {
            Some(index) => (sorted(linked_items(index, article_index)), true),
            None => (Vec::new(), false),
        };
        let search_spans = find_terms(article, terms);
        Self {
            article: article_index,
            side,
            side_selected: 0,
            side_offset: 0,
            linked,
            doc: wrap_article(article, width),
            width,
            scroll: 0,
            target: if search_spans.is_empty() {
                Target::Entity
            } else {
                Target::Search
            },
            search_spans,
            cursor: None,
        }
    }

    /// Fills the side panel with the story's own people and bills, found by the extraction
    /// thread, unless the corpus index got there first.
    pub fn set_own_entities(&mut self, found: &StoryEntities) {
        if !self.linked {
            self.side = sorted(story_items(found));
            self.side_selected = 0;
            self.side_offset = 0;
        }
    }

    /// Index of the article in the corpus.
    pub fn article(&self) -> usize {
        self.article
    }

    /// People then bills.
    pub fn side(&self) -> &[SideItem] {
        &self.side
    }

    /// The selected side item's index.
    pub fn side_selected(&self) -> usize {
        self.side_selected
    }

    /// The selected side item.
    pub fn selected_item(&self) -> Option<&SideItem> {
        self.side.get(self.side_selected)
    }

    /// First side row on screen.
    pub fn side_offset(&self) -> usize {
        self.side_offset
    }

    /// True when the side items come from the corpus-wide index (counts are known).
    pub fn is_linked(&self) -> bool {
        self.linked
    }

    /// The wrapped lines.
    pub fn doc(&self) -> &[DocLine] {
        &self.doc
    }

    /// First line on screen.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Where the search terms occur.
    pub fn search_spans(&self) -> &[Span] {
        &self.search_spans
    }

    /// What n/N step through.
    pub fn target(&self) -> Target {
        self.target
    }

    /// Which mark of the target n/N last went to.
    pub fn cursor(&self) -> Option<usize> {
        self.cursor
    }

    /// Scrolls the text by `delta` lines (kept within the text by [`Story::fit`]).
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
    }

    /// Selects side item `i` (within bounds); n/N then step through its mentions.
    pub fn select_side(&mut self, i: usize) {
        let i = i.min(self.side.len().saturating_sub(1));
        if i != self.side_selected {
            self.cursor = None;
        }
        self.side_selected = i;
        self.target = Target::Entity;
    }

    /// Moves the side selection by `delta` items.
    pub fn move_side(&mut self, delta: isize) {
        self.select_side(
            self.side_selected
                .saturating_add_signed(delta.clamp(-1000, 1000)),
        );
    }

    /// n/N step through the selected person's or bill's mentions from now on.
    pub fn aim_at_entities(&mut self) {
        self.target = Target::Entity;
    }

    /// Steps to the next (`delta` > 0) or previous mark and scrolls it into a view of `height`
    /// lines; `false` when there is nothing to step through.
    pub fn step_mark(&mut self, delta: isize, height: usize) -> bool {
        let targets = self.targets();
        if targets.is_empty() {
            return false;
        }
        let n = targets.len() as isize;
        let next = match self.cursor {
            Some(c) => (c as isize + delta).rem_euclid(n) as usize,
            None if delta > 0 => 0,
            None => targets.len() - 1,
        };
        self.cursor = Some(next);
        if let Some(line) = self.line_of(targets[next])
            && (line < self.scroll || line >= self.scroll + height)
        {
            self.scroll = line.saturating_sub(height / 3);
        }
        true
    }

    /// Takes over what the reader was doing with `old`, the same article before its side was
    /// linked to the corpus: the selected name, the scroll and what n/N step through.
    pub fn carry_over(&mut self, old: &Story) {
        if let Some(name) = old.selected_item().map(|i| &i.name) {
            self.side_selected = self.side.iter().position(|i| &i.name == name).unwrap_or(0);
        }
        self.scroll = old.scroll;
        self.target = old.target;
    }

    /// Re-wraps for a new `width` (keeping the top line's place) and keeps the scroll and the
    /// side panel's offset within a reader of `reader_h` and a side panel of `side_h` rows.
    pub fn fit(&mut self, article: &Article, width: u16, reader_h: usize, side_h: usize) {
        if self.width != width {
            let top = self.doc.get(self.scroll).cloned();
            self.doc = wrap_article(article, width);
            self.width = width;
            self.scroll = top.map_or(0, |line| same_place(&self.doc, &line));
        }
        self.scroll = self.scroll.min(self.doc.len().saturating_sub(reader_h));
        let rows = self.side_rows();
        let sel = rows
            .iter()
            .position(|r| *r == SideRow::Name(self.side_selected))
            .unwrap_or(0);
        let sel_end =
            sel + usize::from(rows.get(sel + 1) == Some(&SideRow::Detail(self.side_selected)));
        if sel < self.side_offset {
            self.side_offset = sel.saturating_sub(1);
        } else if sel_end >= self.side_offset + side_h {
            self.side_offset = sel_end + 1 - side_h.min(sel_end + 1);
        }
        self.side_offset = self.side_offset.min(rows.len().saturating_sub(side_h));
    }

    /// The marks n/N step through, in reading order.
    pub fn targets(&self) -> Vec<Span> {
        let mut spans = match self.target {
            Target::Search => self.search_spans.clone(),
            Target::Entity => self
                .side
                .get(self.side_selected)
                .map(|item| item.mentions.clone())
                .unwrap_or_default(),
        };
        spans.sort();
        spans
    }

    /// The line that shows the start of `span`.
    pub fn line_of(&self, span: Span) -> Option<usize> {
        self.doc.iter().position(|line| match (line, span.field) {
            (DocLine::Title(s, e), Field::Title) | (DocLine::Body(s, e), Field::Body) => {
                *s <= span.start && span.start < (*e).max(*s + 1)
            }
            _ => false,
        })
    }
}

/// People first, then bills, each in order of first mention.
fn sorted(mut side: Vec<SideItem>) -> Vec<SideItem> {
    side.sort_by_key(|item| {
        (
            item.kind == EntityKind::Bill,
            item.mentions.iter().min().copied(),
        )
    });
    side
}

fn party_state(party: Option<&String>, state: Option<&String>) -> Option<String> {
    match (party, state) {
        (Some(p), Some(s)) => Some(format!("{p}-{s}")),
        (Some(x), None) | (None, Some(x)) => Some(x.clone()),
        (None, None) => None,
    }
}

fn join(parts: &[Option<String>]) -> String {
    parts
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

fn bill_detail(
    label: &str,
    number: Option<&String>,
    chamber: Option<&String>,
    sponsors: &[String],
) -> String {
    let sponsors = (!sponsors.is_empty()).then(|| format!("by {}", sponsors.join(", ")));
    let number = number.filter(|n| n.as_str() != label).cloned();
    join(&[number, chamber.cloned(), sponsors])
}

/// Side items from the story's own extraction (before the corpus index is ready).
fn story_items(found: &StoryEntities) -> Vec<SideItem> {
    let people = found.people.iter().map(|p| SideItem {
        kind: EntityKind::Person,
        id: None,
        name: p.name.clone(),
        detail: join(&[
            p.role.clone(),
            party_state(p.party.as_ref(), p.state.as_ref()),
        ]),
        stories: None,
        mentions: p.mentions.clone(),
    });
    let bills = found.bills.iter().map(|b| SideItem {
        kind: EntityKind::Bill,
        id: None,
        name: b.label.clone(),
        detail: bill_detail(&b.label, b.number.as_ref(), b.chamber.as_ref(), &b.sponsors),
        stories: None,
        mentions: b.mentions.clone(),
    });
    people.chain(bills).collect()
}

/// Side items from the corpus-wide index, with story counts.
fn linked_items(index: &EntityIndex, article: usize) -> Vec<SideItem> {
    let Some(links) = index.stories.get(article) else {
        return Vec::new();
    };
    let people = links.people.iter().filter_map(|(id, spans)| {
        let p = index.people.get(*id as usize)?;
        Some(SideItem {
            kind: EntityKind::Person,
            id: Some(*id),
            name: p.name.clone(),
            detail: join(&[
                p.role.clone(),
                party_state(p.party.as_ref(), p.state.as_ref()),
            ]),
            stories: Some(p.articles.len()),
            mentions: spans.clone(),
        })
    });
    let bills = links.bills.iter().filter_map(|(id, spans)| {
        let b = index.bills.get(*id as usize)?;
        Some(SideItem {
            kind: EntityKind::Bill,
            id: Some(*id),
            name: b.label.clone(),
            detail: bill_detail(&b.label, b.number.as_ref(), b.chamber.as_ref(), &b.sponsors),
            stories: Some(b.articles.len()),
            mentions: spans.clone(),
        })
    });
    people.chain(bills).collect()
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

/// The reader's lines for an article at a width: title, meta, link, then the body.
pub fn wrap_article(article: &Article, width: u16) -> Vec<DocLine> {
    let width = usize::from(width.max(1));
    let mut doc: Vec<DocLine> = wrap_ranges(&article.title, width)
        .into_iter()
        .flatten()
        .map(|(s, e)| DocLine::Title(s, e))
        .collect();
    let authors =
        (!article.authors.is_empty()).then(|| format!("by {}", article.authors.join(", ")));
    let date = article.date.map(|d| d.format("%Y-%m-%d").to_string());
    let meta = join(&[article.source.clone(), authors, date]);
    let options =
        textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(&meta, options) {
        doc.push(DocLine::Meta(line.into_owned()));
    }
    if let Some(url) = &article.url {
        doc.push(DocLine::Url(url.to_string()));
    }
    doc.push(DocLine::Blank);
    doc.extend(
        wrap_ranges(&article.body, width)
            .into_iter()
            .map(|r| match r {
                Some((s, e)) => DocLine::Body(s, e),
                None => DocLine::Blank,
            }),
    );
    doc
}

/// What a search asks the reader to highlight: a word or a whole phrase, in the title only
/// (`title:`) or anywhere in the story.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Highlight {
    /// The word or phrase, matched case-insensitively from a word's start.
    pub text: String,
    /// True for `title:` words, which the body does not show.
    pub title_only: bool,
}

/// Case-insensitive occurrences of the highlights in the title and body, each starting a word.
pub fn find_terms(article: &Article, terms: &[Highlight]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (field, text) in [(Field::Title, &article.title), (Field::Body, &article.body)] {
        let lower = text.to_ascii_lowercase();
        for term in terms
            .iter()
            .filter(|t| field == Field::Title || !t.title_only)
        {
            let term = term.text.to_ascii_lowercase();
            if term.is_empty() {
                continue;
            }
            let mut from = 0;
            while let Some(i) = lower[from..].find(&term) {
                let start = from + i;
                let end = start + term.len();
                let before = lower[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                if before {
                    spans.push(Span { field, start, end });
                }
                from = end;
            }
        }
    }
    spans.sort();
    spans.dedup();
    spans
}

/// One row of the side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRow {
    /// "People (3)" or "Bills (1)".
    Heading(EntityKind, usize),
    /// The name line of item `i`.
    Name(usize),
    /// The detail line of item `i`.
    Detail(usize),
    /// Space between the sections.
    Gap,
}

impl Story {
    /// The side panel's rows: each section's heading, then two rows per item.
    pub fn side_rows(&self) -> Vec<SideRow> {
        let mut rows = Vec::new();
        for kind in [EntityKind::Person, EntityKind::Bill] {
            let items: Vec<usize> = (0..self.side.len())
                .filter(|&i| self.side[i].kind == kind)
                .collect();
            if !rows.is_empty() {
                rows.push(SideRow::Gap);
            }
            rows.push(SideRow::Heading(kind, items.len()));
            for i in items {
                rows.push(SideRow::Name(i));
                if !self.side[i].detail.is_empty() {
                    rows.push(SideRow::Detail(i));
                }
            }
        }
        rows
    }
}

/// The line of a re-wrapped story that shows what `old` showed (the same title or body byte).
fn same_place(doc: &[DocLine], old: &DocLine) -> usize {
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
