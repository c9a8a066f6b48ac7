//! The entity data model: per-story mentions and corpus-wide people and bills.

use serde::{Deserialize, Serialize};

/// Index of a person in `EntityIndex::people`.
pub type PersonId = u32;
/// Index of a bill in `EntityIndex::bills`.
pub type BillId = u32;

/// Which text of an article a span points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    /// The headline.
    Title,
    /// The body.
    Body,
}

/// A mention: a byte range into the article's title or body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Title or body.
    pub field: Field,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A person as one story names them, with every mention resolved to the full name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryPerson {
    /// Fullest name the story gives ("Thomas Massie").
    pub name: String,
    /// Other forms seen in the story ("Massie").
    pub aliases: Vec<String>,
    /// Most specific role the story gives ("Representative", "Senator", "Prime Minister").
    pub role: Option<String>,
    /// Party initial or name ("R", "D", "Labour").
    pub party: Option<String>,
    /// State or constituency, spelled out ("Kentucky").
    pub state: Option<String>,
    /// "Senate" or "House" on the story's date, for a member of Congress.
    pub chamber: Option<String>,
    /// Bioguide id of the roster entry this person is linked to ("M001184"), if the evidence fits one.
    /// When linked and in office on the story's date, `role`, `party`, `state` and `chamber` are the roster's.
    pub bioguide: Option<String>,
    /// Every mention in title and body.
    pub mentions: Vec<Span>,
}

/// A bill as one story describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryBill {
    /// Normalized matching key ("hr3684-117", "act:affordable care", "purpose:massie:withdraw nato").
    pub key: String,
    /// What to show ("H.R. 3684", "Affordable Care Act", "bill to withdraw the United States from NATO").
    pub label: String,
    /// Normalized number, when one is cited ("H.R. 3684").
    pub number: Option<String>,
    /// Name, when one is cited ("Infrastructure Investment and Jobs Act").
    pub title: Option<String>,
    /// Other forms seen ("Obamacare", "ACA").
    pub aliases: Vec<String>,
    /// "House", "Senate", or a parliament ("UK Parliament").
    pub chamber: Option<String>,
    /// Full names of sponsors and cosponsors the story gives.
    pub sponsors: Vec<String>,
    /// Bioguide ids of `sponsors`, in the same order (`None` where a sponsor is not linked).
    pub sponsor_ids: Vec<Option<String>>,
    /// The bill's congress.gov page, for a numbered bill with a Congress.
    pub url: Option<String>,
    /// Key of the bill this one is the companion of (the other chamber's version), when the story says so.
    pub companion_of: Option<String>,
    /// Every mention in title and body.
    pub mentions: Vec<Span>,
}

/// Everything one story mentions, before corpus-wide linking.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryEntities {
    /// People, each once.
    pub people: Vec<StoryPerson>,
    /// Bills, each once.
    pub bills: Vec<StoryBill>,
}

/// A person across the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Display name.
    pub name: String,
    /// Every other form seen.
    pub aliases: Vec<String>,
    /// Most specific role seen.
    pub role: Option<String>,
    /// Party.
    pub party: Option<String>,
    /// State or constituency.
    pub state: Option<String>,
    /// "Senate" or "House" (most stories' word, for a member of Congress).
    pub chamber: Option<String>,
    /// Bioguide id: people linked to the roster merge across the corpus by it.
    pub bioguide: Option<String>,
    /// Indexes of the articles that mention this person, ascending.
    pub articles: Vec<u32>,
    /// Total number of mentions.
    pub mentions: u32,
}

/// A bill across the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bill {
    /// Matching key.
    pub key: String,
    /// Display label.
    pub label: String,
    /// Normalized number.
    pub number: Option<String>,
    /// Name.
    pub title: Option<String>,
    /// Other forms seen.
    pub aliases: Vec<String>,
    /// Chamber.
    pub chamber: Option<String>,
    /// Sponsors' display names.
    pub sponsors: Vec<String>,
    /// Bioguide ids of `sponsors`, in the same order.
    pub sponsor_ids: Vec<Option<String>>,
    /// The congress.gov page of a numbered bill with a Congress.
    pub url: Option<String>,
    /// Key of the bill this one is the companion of (see [`EntityIndex::bill_by_key`]).
    pub companion_of: Option<String>,
    /// Keys of the story bills merged into this one (a named act into its number), for `bill_by_key`.
    pub merged_keys: Vec<String>,
    /// Indexes of the articles that mention this bill, ascending.
    pub articles: Vec<u32>,
    /// Total number of mentions.
    pub mentions: u32,
}

/// Which entities one article mentions, and where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryLinks {
    /// People with their mentions in this article.
    pub people: Vec<(PersonId, Vec<Span>)>,
    /// Bills with their mentions in this article.
    pub bills: Vec<(BillId, Vec<Span>)>,
}

/// People and bills of a whole corpus, linked to the articles.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EntityIndex {
    /// All people.
    pub people: Vec<Person>,
    /// All bills.
    pub bills: Vec<Bill>,
    /// Per article (same order as the corpus), what it mentions.
    pub stories: Vec<StoryLinks>,
}
