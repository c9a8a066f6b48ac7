//! The reader's state: the corpus, the stack of list views, the open story, mode, focus and sizes.

use std::sync::Arc;

use super::keymap::Keymap;
use super::story::Story;
use super::theme::Theme;
use crate::corpus::Article;
use crate::extract::EntityIndex;
use crate::search::{FieldMatch, Sort};
use crate::state::ReadState;

/// What has the keyboard, topmost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys go to the focused pane.
    Normal,
    /// Keys go to the search prompt.
    Search,
    /// Keys go to the help overlay.
    Help,
    /// Keys go to the feeds overlay.
    Feeds,
}

/// Which pane has the focus in normal mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of stories.
    List,
    /// The open story.
    Reader,
    /// The people and bills of the open story.
    Side,
}

/// A person or a bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A bill.
    Bill,
}

/// What a list view shows, for the breadcrumb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewKind {
    /// Every story, newest first.
    All,
    /// The results of a search within the view below.
    Search {
        /// The query as typed.
        query: String,
        /// True while only titles could be searched.
        partial: bool,
        /// Matches beyond those listed (the search stops at a limit).
        more: usize,
    },
    /// Every story that mentions one person or bill, newest first.
    Pivot {
        /// The person's name or the bill's label.
        label: String,
        /// Person or bill.
        kind: EntityKind,
        /// Index in the entity index.
        id: u32,
    },
    /// The stories of one feed, newest first.
    Feed {
        /// The feed's title (its URL when it has none).
        title: String,
        /// The feed's URL (the stories' origin).
        url: String,
    },
}

/// One list of stories with its own selection; the app keeps a stack of them.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// What the list shows.
    pub kind: ViewKind,
    /// Article indexes, in display order.
    pub items: Vec<u32>,
    /// For search views, why each item matched (parallel to `items`); empty otherwise.
    pub matches: Vec<Vec<FieldMatch>>,
    /// Selected row.
    selected: usize,
    /// First row on screen.
    offset: usize,
}

impl View {
    /// A view of these items, nothing scrolled.
    pub fn new(kind: ViewKind, items: Vec<u32>) -> Self {
        Self {
            kind,
            items,
            matches: Vec::new(),
            selected: 0,
            offset: 0,
        }
    }

    /// The selected article's index, if the list is not empty.
    pub fn current(&self) -> Option<usize> {
        self.items.get(self.selected).map(|&i| i as usize)
    }

    /// The selected row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first row on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Selects row `row` (the last one when past the end).
    pub fn select(&mut self, row: usize) {
        self.selected = row.min(self.items.len().saturating_sub(1));
    }

    /// Moves the selection by `delta` rows, within the list.
    pub fn move_by(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    /// Puts these items in the list, best or newest first, with the first one selected.
    pub fn replace(&mut self, items: Vec<u32>, matches: Vec<Vec<FieldMatch>>) {
        self.items = items;
        self.matches = matches;
        self.selected = 0;
        self.offset = 0;
    }

    /// Scrolls so that the selected row is among the `rows` on screen.
    pub fn scroll_into_view(&mut self, rows: usize) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.items.len().saturating_sub(rows));
    }
}

/// How far the background indexing has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Still reading the corpus: this many stories so far.
    Loading(usize),
    /// Finding people and bills: done out of total.
    Entities(usize, usize),
    /// Building the search index.
    Search,
    /// Everything is ready.
    Ready,
}

/// The live search prompt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    /// The query typed so far.
    pub query: String,
    /// Generation of the newest query sent to the searcher.
    pub generation: u64,
    /// True until the answer to `generation` arrives.
    pub pending: bool,
    /// Why the query could not run, if it could not.
    pub error: Option<String>,
}

/// The whole state of the reader. Its fields are the `ui` layer's own (`update` changes them,
/// drawing reads them); everything outside reads them through methods.
pub struct App {
    /// The loaded stories.
    pub(super) articles: Arc<Vec<Article>>,
    /// Read and starred marks.
    pub(super) marks: ReadState,
    /// Stack of list views; never empty, the last one is on screen.
    pub(super) views: Vec<View>,
    /// The story shown in the reader pane (the selected one).
    pub(super) story: Option<Story>,
    /// Which layer gets the keys.
    pub(super) mode: Mode,
    /// Which pane has the focus.
    pub(super) focus: Focus,
    /// The user's choice to show or hide the side panel; `None` follows the width.
    pub(super) side_choice: Option<bool>,
    /// Terminal size from the last resize: (columns, rows).
    pub(super) size: (u16, u16),
    /// Corpus-wide people and bills, once built.
    pub(super) entities: Option<Arc<EntityIndex>>,
    /// Background progress.
    pub(super) progress: Progress,
    /// The search prompt.
    pub(super) prompt: Prompt,
    /// First line of the help overlay on screen.
    pub(super) help_scroll: usize,
    /// A message for the status bar, cleared by the next key.
    pub(super) notice: Option<String>,
    /// Every style.
    pub(super) theme: Theme,
    /// The user's layout choices.
    pub(super) layout: super::layout::Prefs,
    /// Where each region is, computed once per action by `update` for the stored size.
    pub(super) areas: super::layout::Areas,
    /// The keys in force (the defaults with the config file's changes).
    pub(super) keymap: Keymap,
    /// The order of search results: best first (the default) or newest first.
    pub(super) sort: Sort,
    /// Set when the reader should exit.
    pub(super) quit: bool,
    /// The feeds overlay and the background fetch.
    pub(super) feeds: super::feeds::FeedsState,
}

impl App {
    /// A reader over these articles, listing them all newest first.
    pub fn new(articles: Arc<Vec<Article>>, marks: ReadState, theme: Theme) -> Self {
        let items = newest_first(&articles, 0);
        Self {
            articles,
            marks,
            views: vec![View::new(ViewKind::All, items)],
            story: None,
            mode: Mode::Normal,
            focus: Focus::List,
            side_choice: None,
            size: (0, 0),
            entities: None,
            progress: Progress::Entities(0, 0),
            prompt: Prompt::default(),
            help_scroll: 0,
            notice: None,
            theme,
            keymap: Keymap::default(),
            layout: super::layout::Prefs::default(),
            sort: Sort::Relevance,
            areas: super::layout::Areas::default(),
            quit: false,
            feeds: super::feeds::FeedsState::default(),
        }
    }

    /// The loaded stories.
    pub fn articles(&self) -> &Arc<Vec<Article>> {
        &self.articles
    }

    /// Read and starred marks.
    pub fn marks(&self) -> &ReadState {
        &self.marks
    }

    /// The stack of list views, the one on screen last.
    pub fn views(&self) -> &[View] {
        &self.views
    }

    /// The story in the reader pane.
    pub fn story(&self) -> Option<&Story> {
        self.story.as_ref()
    }

    /// Which layer gets the keys.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Which pane has the focus.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Terminal size from the last resize: (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Corpus-wide people and bills, once built.
    pub fn entities(&self) -> Option<&Arc<EntityIndex>> {
        self.entities.as_ref()
    }

    /// Background progress.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// The search prompt.
    pub fn prompt(&self) -> &Prompt {
        &self.prompt
    }

    /// The status bar's message, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Every style.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The order of search results: best first or newest first.
    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The user's layout choices.
    pub fn layout(&self) -> super::layout::Prefs {
        self.layout
    }

    /// True once the reader should exit.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// First line of the help overlay on screen.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// Uses another theme (tests; the reader takes its theme at start).
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// The stories shown are the first of a corpus still loading.
    pub fn start_loading(&mut self) {
        self.progress = Progress::Loading(self.articles.len());
    }

    /// The list on screen.
    pub fn view(&self) -> &View {
        self.views.last().expect("the view stack is never empty")
    }

    /// The list on screen, mutably.
    pub fn view_mut(&mut self) -> &mut View {
        self.views
            .last_mut()
            .expect("the view stack is never empty")
    }

    /// The article shown in the reader, if any.
    pub fn article(&self) -> Option<&Article> {
        self.story.as_ref().map(|s| &self.articles[s.article()])
    }

    /// Whether the side panel is shown at the current width.
    pub fn side_visible(&self) -> bool {
        self.side_choice
            .unwrap_or(self.size.0 >= super::layout::SIDE_MIN_WIDTH)
    }

    /// Appends stories that arrived while the corpus loads: the whole list takes them in, newest
    /// first; a selection at the top stays at the top, any other stays on its story.
    pub fn add_stories(&mut self, batch: Vec<Article>) {
        let old = self.articles.len();
        Arc::make_mut(&mut self.articles).extend(batch);
        let added = newest_first(&self.articles, old);
        let root = &mut self.views[0];
        let current = root.current();
        let articles = &self.articles;
        let before = |a: u32, b: u32| {
            let (x, y) = (&articles[a as usize], &articles[b as usize]);
            x.date > y.date || (x.date == y.date && a < b)
        };
        let mut merged = Vec::with_capacity(root.items.len() + added.len());
        let (mut i, mut j) = (0, 0);
        while i < root.items.len() && j < added.len() {
            if before(added[j], root.items[i]) {
                merged.push(added[j]);
                j += 1;
            } else {
                merged.push(root.items[i]);
                i += 1;
            }
        }
        merged.extend_from_slice(&root.items[i..]);
        merged.extend_from_slice(&added[j..]);
        root.items = merged;
        // At the top, the list stays at its top (the newest story); further down, on its story.
        if let Some(current) = current.filter(|_| root.selected() > 0) {
            let at = root.items.iter().position(|&a| a as usize == current);
            root.select(at.unwrap_or(0));
        }
        if let Progress::Loading(_) = self.progress {
            self.progress = Progress::Loading(self.articles.len());
        }
    }
}

/// The articles from `from` on, newest first (undated last, ties in corpus order).
fn newest_first(articles: &[Article], from: usize) -> Vec<u32> {
    let mut items: Vec<u32> = (from as u32..articles.len() as u32).collect();
    items.sort_by(|&a, &b| articles[b as usize].date.cmp(&articles[a as usize].date));
    items
}
