//! Fuzzy search over the corpus: query parsing, the index, ranking and match positions.

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
