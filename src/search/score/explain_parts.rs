//! The parts of an explained score: the whole, each word's, each field's and each phrase's.

use serde::Serialize;

/// A story's score taken apart, as Lucene's explain does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The score (the hit's score is this times 1000, rounded).
    pub score: f32,
    /// The sum of the words' scores.
    pub sum: f32,
    /// The weakest word's score as a share of its best score in the corpus.
    pub balance: f32,
    /// The factor the balance gives (1 for a one-word query).
    pub coordination: f32,
    /// The factor for how much the story is about the people and bills the query names
    /// ([`Weights::about_title`](super::Weights::about_title) and after; 1 when it names none).
    pub about: f32,
    /// Fewest words spanning one of each query word, when the proximity bonus was applied.
    pub span: Option<u32>,
    /// The proximity factor (1 when not applied).
    pub proximity: f32,
    /// The factor for a topic's story that lacks one of its words ([`Weights::partial`](super::Weights::partial); 1
    /// when it has them all).
    pub partial: f32,
    /// It lacks a word of a topic (plain words naming no one) and competes with the stories that
    /// have them all, at [`Explanation::partial`] of its score.
    pub competes: bool,
    /// Each positive word (clause) of the query.
    pub words: Vec<ClausePart>,
    /// The consecutive words found together in the story (phrases), added to the sum after
    /// coordination (empty when not applied).
    pub phrases: Vec<PhrasePart>,
    /// The query's quoted phrases the story has the words of but not as phrases: it is scored
    /// on their words and listed after every story with the phrases (empty for those).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unphrased: Vec<String>,
}

/// Two consecutive query words found together in the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhrasePart {
    /// The two words.
    pub words: String,
    /// Its score: phrase weight × idf × tf / (k1 + tf).
    pub score: f32,
    /// The mean of the two words' idf.
    pub idf: f32,
    /// Occurrences together in the title.
    pub title: u32,
    /// Occurrences together in the body.
    pub body: u32,
    /// Weighted frequency over title and body.
    pub tf: f32,
}

/// One query word's score in the story.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClausePart {
    /// The word (clause) as parsed.
    pub query: String,
    /// Its score: fuzz × idf × tf / (k1 + tf).
    pub score: f32,
    /// The term, phrase or name that counted (the best of those the word matched).
    pub matched: String,
    /// How surely `matched` is the word typed (1: the word itself).
    pub fuzz: f32,
    /// Inverse document frequency.
    pub idf: f32,
    /// Weighted frequency summed over the fields.
    pub tf: f32,
    /// `tf / (k1 + tf)`.
    pub saturation: f32,
    /// The fields that made `tf`.
    pub fields: Vec<FieldPart>,
}

/// One field's share of a word's weighted frequency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldPart {
    /// "title", "body", "lead" (the lead bonus of a word's forms together), "person", "bill", "source".
    pub field: &'static str,
    /// The name, for a person, bill or source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Occurrences (mentions for a person or bill).
    pub count: u32,
    /// For a body, one is in the lead; for a person or bill, it is named in the title.
    pub flag: bool,
    /// What it adds to the weighted frequency.
    pub weight: f32,
}
