//! Everything that can change the reader's state: one `Action` per user intent or background report.

use std::fmt;
use std::sync::Arc;

use crate::corpus::Article;
use crate::extract::{EntityIndex, StoryEntities};
use crate::search::Hit;

/// The one enum that `update` consumes.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the reader now.
    Quit,
    /// Close the topmost thing: help, then focus back to the list, then the previous list, then quit.
    Back,
    /// Suspend the process to the shell (Ctrl-Z) and redraw everything on resume.
    Suspend,
    /// Move down one row or line in the focused pane.
    Down,
    /// Move up one row or line in the focused pane.
    Up,
    /// Move down one page.
    PageDown,
    /// Move up one page.
    PageUp,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Go to the first row or the top of the story.
    Top,
    /// Go to the last row or the end of the story.
    Bottom,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus the pane to the left.
    FocusLeft,
    /// Focus the pane to the right.
    FocusRight,
    /// Open the selected story, or pivot to the stories of the selected person or bill.
    Enter,
    /// Start typing a search over the current list.
    SearchStart,
    /// Type one character into the search prompt.
    SearchInput(char),
    /// Delete the character before the cursor in the search prompt.
    SearchBackspace,
    /// Delete the word before the cursor in the search prompt.
    SearchDeleteWord,
    /// Clear the search prompt.
    SearchClear,
    /// Text pasted into the terminal (bracketed paste): one edit of the search prompt, which
    /// opens if it is not open.
    Paste(String),
    /// Keep the search results as the list.
    SearchAccept,
    /// Cancel the search and restore the previous list.
    SearchCancel,
    /// Jump to the next highlighted match in the story.
    NextMatch,
    /// Jump to the previous highlighted match in the story.
    PrevMatch,
    /// Star or unstar the selected story.
    ToggleStar,
    /// Mark the selected story read or unread.
    ToggleRead,
    /// Open the story's link in the system's browser.
    OpenUrl,
    /// Show or hide the people and bills panel.
    ToggleSide,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Order search results best first or newest first (and search again).
    ToggleSort,
    /// Fetch every feed in the background; new stories join the list.
    FetchFeeds,
    /// Show or hide the feeds overlay.
    ToggleFeeds,
    /// A background fetch of the feeds ended.
    FeedsFetched(Shared<FetchReport>),
    /// The library listed its feeds (for the overlay).
    FeedsListed(Shared<Vec<crate::library::Feed>>),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse was clicked at this column and row.
    Click(u16, u16),
    /// The wheel turned down over this column and row.
    WheelDown(u16, u16),
    /// The wheel turned up over this column and row.
    WheelUp(u16, u16),
    /// More stories arrived while the corpus loads.
    MoreStories(Shared<Vec<Article>>),
    /// The corpus is loaded: this many records were skipped (listed on the way out).
    Loaded { skipped: usize },
    /// The background indexing reached this many articles out of that many.
    Progress(Stage, usize, usize),
    /// The people and bills of one story (by article index), found off the UI thread while the
    /// corpus-wide index is not ready.
    StoryEntities(usize, Shared<StoryEntities>),
    /// The corpus-wide people and bills are ready.
    EntitiesReady(Shared<EntityIndex>),
    /// The full search index is ready: searches are no longer partial.
    SearchReady,
    /// Results of the search with this generation; `partial` while the full index is building.
    SearchResults(SearchOutcome),
    /// Something to tell the user in the status bar (a failed save, an opened link).
    Notify(String),
}

/// What a background fetch of the feeds brought.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FetchReport {
    /// Feeds fetched, new stories, unchanged, failed.
    pub summary: crate::feeds::sync::Summary,
    /// The new stories, as the library keeps them.
    pub articles: Vec<Article>,
    /// The feeds with their counts after the fetch, when the library could list them.
    pub feeds: Option<Vec<crate::library::Feed>>,
    /// Why the fetch could not run at all (the library could not be opened ...).
    pub error: Option<String>,
}

/// Which background stage a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Finding people and bills in every story.
    Entities,
    /// Building the search index.
    Search,
}

/// What a search returned, tagged with the query generation it answers.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOutcome {
    /// The generation of the query, to drop stale answers.
    pub generation: u64,
    /// The hits, best first, or why the query could not run.
    pub hits: Result<Vec<Hit>, String>,
    /// True when only titles were searched because the index is still building.
    pub partial: bool,
    /// How many stories matched in all (the hits stop at a limit).
    pub total: usize,
}

/// A value shared with the background thread; two are equal when they are the same allocation.
#[derive(Clone)]
pub struct Shared<T>(pub Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Shared(..)")
    }
}

/// Work that `update` asks the event loop to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal and stop the process until it is resumed.
    Suspend,
    /// Open this http(s) link with the system's opener.
    OpenUrl(crate::corpus::SafeUrl),
    /// Run this query (generation, text) on the background searcher.
    Search(u64, String),
    /// Write the read and starred marks.
    SaveState,
    /// The corpus is complete: start finding people and bills, indexing, and the searcher.
    StartIndexing,
    /// Find the people and bills of this article (by index) on the extraction thread.
    ExtractStory(usize),
    /// Fetch every feed into the library on a thread of its own; a `FeedsFetched` follows.
    FetchFeeds,
    /// Read the feeds and their counts from the library; a `FeedsListed` follows.
    ListFeeds,
}
