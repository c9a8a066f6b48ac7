//! The open story: its wrapped lines, its people and bills, and the marks n/N step through.

use std::sync::Arc;

use crate::corpus::Article;
use crate::extract::{EntityIndex, Field, Span, StoryEntities};

pub use super::side_items::{SideItem, SideRow};
use super::side_items::{linked_items, sorted, story_items};
pub use super::wrap::{DocLine, WRAP_CHUNK, WRAP_PER_ACTION, wrap_article};
use super::wrap::{chunk_end, same_place, wrap_body, wrap_head};

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
    /// The story's own extraction, once the extraction thread has sent it: its words give unlinked people
    /// their role, party and state in this story.
    own: Option<Arc<StoryEntities>>,
    /// Lines wrapped to `width`.
    doc: Vec<DocLine>,
    /// True once the side items are known: linked, or found by the extraction thread.
    found: bool,
    /// Bytes of the body the lines cover so far (all of it but for very long stories).
    wrapped: usize,
    /// The body's length.
    body_len: usize,
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
            Some(index) => (
                sorted(linked_items(index, article_index, article, None)),
                true,
            ),
            None => (Vec::new(), false),
        };
        let search_spans = find_terms(article, terms);
        let (doc, wrapped) = wrap_head(article, width);
        Self {
            article: article_index,
            side,
            side_selected: 0,
            side_offset: 0,
            linked,
            own: None,
            doc,
            found: linked,
            wrapped,
            body_len: article.body.len(),
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

    /// Takes the story's own people and bills, found by the extraction thread: before the corpus index is
    /// ready they fill the side panel; after, their words give unlinked people their role, party and state in
    /// this story (`index` and `article` are the corpus index and this story).
    pub fn set_own_entities(
        &mut self,
        found: &Arc<StoryEntities>,
        index: Option<&EntityIndex>,
        article: &Article,
    ) {
        self.own = Some(Arc::clone(found));
        let Some(index) = index.filter(|_| self.linked) else {
            self.side = sorted(story_items(found, &article.body));
            self.side_selected = 0;
            self.side_offset = 0;
            self.found = true;
            return;
        };
        let selected = self.selected_item().map(|i| (i.kind, i.id));
        self.side = sorted(linked_items(index, self.article, article, Some(found)));
        if let Some(at) =
            selected.and_then(|sel| self.side.iter().position(|i| (i.kind, i.id) == sel))
        {
            self.side_selected = at;
        }
    }

    /// The story's own extraction, once known.
    pub fn own_entities(&self) -> Option<&StoryEntities> {
        self.own.as_deref()
    }

    /// The story's own extraction, shared.
    pub fn own_shared(&self) -> Option<Arc<StoryEntities>> {
        self.own.clone()
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

    /// True once the side items are known (before that the extraction thread is still at work).
    pub fn is_found(&self) -> bool {
        self.found
    }

    /// True when the whole body is wrapped (a very long one is wrapped as the reader scrolls).
    pub fn is_complete(&self) -> bool {
        self.wrapped >= self.body_len
    }

    /// Wraps the next piece of the body.
    fn wrap_more(&mut self, article: &Article) {
        let end = chunk_end(&article.body, self.wrapped);
        let width = usize::from(self.width.max(1));
        wrap_body(&article.body, self.wrapped, end, width, &mut self.doc);
        self.wrapped = end.max(self.wrapped + 1).min(self.body_len);
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
    pub fn step_mark(&mut self, article: &Article, delta: isize, height: usize) -> bool {
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
        while !self.is_complete() && self.line_of(targets[next]).is_none() {
            self.wrap_more(article);
        }
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
        self.found |= old.found;
    }

    /// Re-wraps for a new `width` (keeping the top line's place) and keeps the scroll and the
    /// side panel's offset within a reader of `reader_h` and a side panel of `side_h` rows.
    pub fn fit(&mut self, article: &Article, width: u16, reader_h: usize, side_h: usize) {
        if self.width != width {
            let top = self.doc.get(self.scroll).cloned();
            let covered = self.wrapped;
            let (doc, wrapped) = wrap_head(article, width);
            (self.doc, self.wrapped, self.width) = (doc, wrapped, width);
            while self.wrapped < covered {
                self.wrap_more(article);
            }
            self.scroll = top.map_or(0, |line| same_place(&self.doc, &line));
        }
        // Wrap on while the view comes within three screens of the end of what is wrapped, at
        // most `WRAP_PER_ACTION` bytes an action (`G` in a huge story goes further each time).
        let budget = self.wrapped.saturating_add(WRAP_PER_ACTION);
        while !self.is_complete()
            && self.wrapped < budget
            && self.scroll + 3 * reader_h.max(1) >= self.doc.len()
        {
            self.wrap_more(article);
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
