//! The `entities --json` document as typed, borrowed records written straight to the output (keys in the
//! alphabetical order the earlier `serde_json::Value` form gave them), so that 100k stories' roles do not make a
//! tree of values in memory.

use serde::Serialize;

use crate::corpus::Article;
use crate::extract::card::AsOf;
use crate::extract::story_roles::people_in_story;
use crate::extract::{EntityIndex, Span, StoryEntities};

/// The whole document.
#[derive(Serialize)]
pub struct Doc<'a> {
    articles: Vec<JsonArticle<'a>>,
    bills: Vec<JsonBill<'a>>,
    people: Vec<JsonPerson<'a>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    bills: Vec<&'a str>,
    id: &'a str,
    people: Vec<&'a str>,
    roles: Vec<JsonRole<'a>>,
    title: &'a str,
}

/// Who a person is in one article.
#[derive(Serialize)]
struct JsonRole<'a> {
    bioguide: Option<&'a str>,
    chamber: Option<String>,
    name: &'a str,
    party: Option<String>,
    role: Option<String>,
    state: Option<String>,
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    aliases: &'a [String],
    articles: Vec<&'a str>,
    bioguide: Option<&'a str>,
    chamber: Option<&'a str>,
    mentions: u32,
    name: &'a str,
    party: Option<&'a str>,
    role: Option<&'a str>,
    state: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonBill<'a> {
    aliases: &'a [String],
    articles: Vec<&'a str>,
    chamber: Option<&'a str>,
    companion_of: Option<&'a str>,
    key: &'a str,
    label: &'a str,
    mentions: u32,
    number: Option<&'a str>,
    sponsor_ids: &'a [Option<String>],
    sponsors: &'a [String],
    title: Option<&'a str>,
    url: Option<&'a str>,
}

/// The document of `articles` and their `index`; `stories` are the articles' own extractions (or their
/// `own_words`) for their people's roles in each (empty: the corpus-wide facts).
pub fn doc<'a>(
    articles: &'a [Article],
    index: &'a EntityIndex,
    stories: &'a [StoryEntities],
) -> Doc<'a> {
    let id_of = |i: &u32| articles.get(*i as usize).map_or("", |a| a.id.as_str());
    let arts = articles
        .iter()
        .enumerate()
        .map(|(i, a)| JsonArticle {
            bills: index
                .bills_of(i)
                .map(|(_, b, _)| b.label.as_str())
                .collect(),
            id: &a.id,
            people: index
                .people_of(i)
                .map(|(_, p, _)| p.name.as_str())
                .collect(),
            roles: people_in_story(index, i, a.date, stories.get(i), &a.body)
                .map(|(_, p, _, who): (u32, _, &[Span], AsOf)| JsonRole {
                    bioguide: p.bioguide.as_deref(),
                    chamber: who.chamber,
                    name: &p.name,
                    party: who.party,
                    role: who.role,
                    state: who.state,
                })
                .collect(),
            title: &a.title,
        })
        .collect();
    let people = index
        .people
        .iter()
        .map(|p| JsonPerson {
            aliases: &p.aliases,
            articles: p.articles.iter().map(id_of).collect(),
            bioguide: p.bioguide.as_deref(),
            chamber: p.chamber.as_deref(),
            mentions: p.mentions,
            name: &p.name,
            party: p.party.as_deref(),
            role: p.role.as_deref(),
            state: p.state.as_deref(),
        })
        .collect();
    let bills = index
        .bills
        .iter()
        .map(|b| JsonBill {
            aliases: &b.aliases,
            articles: b.articles.iter().map(id_of).collect(),
            chamber: b.chamber.as_deref(),
            companion_of: b.companion_of.as_deref(),
            key: &b.key,
            label: &b.label,
            mentions: b.mentions,
            number: b.number.as_deref(),
            sponsor_ids: &b.sponsor_ids,
            sponsors: &b.sponsors,
            title: b.title.as_deref(),
            url: b.url.as_deref(),
        })
        .collect();
    Doc {
        articles: arts,
        bills,
        people,
    }
}
