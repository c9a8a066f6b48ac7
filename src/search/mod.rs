//! Fuzzy search over the corpus: query parsing, the index, ranking and match positions.
//!
//! # Using it from the reader
//! ```no_run
//! use std::sync::Arc;
//! use cloakroom::search::{SearchIndex, Searcher, parse, quick_title_search};
//! # let articles: Vec<cloakroom::Article> = Vec::new();
//! # let entities = cloakroom::extract::EntityIndex::default();
//! // Once per load (in the background for a large corpus; `Searcher::building` does that):
//! let index = Arc::new(SearchIndex::build(&articles, &entities));
//! let articles = Arc::new(articles);
//! // One call, synchronously:
//! let query = parse("masie after:2025-01-01").expect("valid query");
//! let hits = index.search(&articles, &query, 50);
//! // As the user types: submit every keystroke, poll for the newest finished result.
//! let searcher = Searcher::new(Arc::clone(&articles), index, 200);
//! let generation = searcher.submit("hr 1234");
//! if let Some(done) = searcher.try_recv() {
//!     // done.generation, done.query, done.result (Ok(hits) or Err(QueryError)), done.elapsed
//! }
//! // While the index is not built yet: titles only, no index needed.
//! let (quick, matched) = quick_title_search(&articles, "wickr", 20, None);
//! ```
//!
//! # The query language
//! Words must all match, fuzzily ("masie" finds Massie, "wickr" Wicker; a one-letter typo such
//! as "pelosy" too). Bill numbers in any spelling ("hr1234", "HR 1234", "H.R.1234") match that
//! bill, and while typed ("hr 12") every number they begin. `"exact phrase"`, `-word` excludes,
//! `person:`, `bill:`, `source:`, `title:` restrict a word (or a quoted value) to a field, and
//! `after:2025-01-01` (inclusive) / `before:2025-02` (exclusive) bound the date. Malformed
//! queries give a [`QueryError`].
//!
//! # Ranking
//! Per clause, a match on a person or bill extracted from the story beats one in the title (or
//! source), which beats one in the body; then better fuzzy scores; then newer stories.
//!
//! # How it stays fast
//! Bodies are never fuzzy-matched. Titles and bodies are tokenized into a lower-case vocabulary
//! with delta-varint postings (built in parallel); each query word is fuzzy-matched against the
//! vocabulary (narrowed from the previous keystroke's matches, prefiltered by a character mask)
//! and against the entity names, and the best terms' postings are unioned, and the words are intersected.
//! Phrases are verified with `memchr::memmem` on candidates only. Match positions are computed
//! only for returned hits ([`Ranking::fill`] does it for chosen rows).

mod about;
mod build;
mod cache;
mod demonyms;
mod details;
mod engine;
mod entity;
mod index;
mod intern;
mod joint;
mod links;
mod loose;
mod marks;
mod matcher;
mod names;
mod ordinals;
mod postings;
mod query;
mod quick;
mod resolve;
pub mod score;
mod some;
mod terms;
pub mod text;
mod typo_pair;
mod unnamed;
mod words;
mod worker;

pub use engine::{Ranking, Sort};
pub use entity::best_entity;
pub use index::SearchIndex;
pub use query::{Clause, Query, QueryError, Scope, Term, parse};
pub use quick::quick_title_search;
pub use score::{Explanation, Weights};
pub use worker::{FIRST_DETAILS, SearchResult, Searcher};

use serde::Serialize;

/// Which field a match was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchField {
    /// An extracted person's name.
    Person,
    /// An extracted bill's label, number or name.
    Bill,
    /// The headline.
    Title,
    /// The body.
    Body,
    /// The outlet.
    Source,
    /// A query word the story lacks (it is ranked after the stories that have every word, or at
    /// a share of its score): `text` is the word, `ranges` empty.
    Missing,
}

/// Why a story matched: a field or entity, its text, and the matched character ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldMatch {
    /// The field or kind of entity.
    pub field: MatchField,
    /// The text that matched (a name, a label, the title, a body excerpt).
    pub text: String,
    /// Half-open character ranges into `text`.
    pub ranges: Vec<[usize; 2]>,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Higher is better.
    pub score: i64,
    /// Why it matched.
    pub matches: Vec<FieldMatch>,
}
