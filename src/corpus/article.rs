//! The `Article` record and the `Corpus` that holds a loaded collection with its load report.

use chrono::NaiveDate;
use serde::Serialize;

/// One news story, with every text field already sanitized.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable identifier: the record's own id, or one derived from its content.
    pub id: String,
    /// Headline (may be empty when only a body was given).
    pub title: String,
    /// Plain-text body with paragraphs separated by blank lines.
    pub body: String,
    /// Outlet or publication name.
    pub source: Option<String>,
    /// Authors, in the order given.
    pub authors: Vec<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Link to the original, kept only when it is http or https.
    pub url: Option<super::SafeUrl>,
    /// Tags, section or topic labels.
    pub tags: Vec<String>,
    /// Where the record was read from.
    #[serde(skip)]
    pub origin: Origin,
}

/// The file (and line, for JSON Lines) an article came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// Path as the user gave it (or `-` for standard input, `<bundled>` for the sample corpus).
    pub file: String,
    /// 1-based line of the record, when meaningful.
    pub line: Option<usize>,
}

/// A record or file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file it was in.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What was wrong, in words.
    pub reason: String,
}

/// What happened while loading: files read, records skipped, duplicates, warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LoadReport {
    /// Number of files (or streams) read.
    pub files_read: usize,
    /// Records or files skipped, each with a reason.
    pub skipped: Vec<Skipped>,
    /// Ids that occurred more than once; the articles were kept apart under suffixed ids.
    pub duplicate_ids: Vec<String>,
    /// Other warnings (lossy decoding, dropped URLs, ...).
    pub warnings: Vec<String>,
}

/// A loaded collection of articles.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The articles, in load order.
    pub articles: Vec<Article>,
    /// What the load reported.
    pub report: LoadReport,
}
