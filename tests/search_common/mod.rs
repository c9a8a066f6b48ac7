//! Shared fixture for the search tests: the stories of `tests/fixtures/search` and their entities.

#![allow(dead_code)]

use chrono::NaiveDate;
use cloakroom::Article;
use cloakroom::extract::{Bill, EntityIndex, Person};
use cloakroom::search::{Explanation, Hit, SearchIndex, parse};

/// The fixture stories, in file order.
pub fn articles() -> Vec<Article> {
    let text = include_str!("../fixtures/search/stories.jsonl");
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
            let s = |k: &str| v[k].as_str().map(str::to_string);
            Article {
                id: s("id").expect("id"),
                title: s("title").unwrap_or_default(),
                body: s("body").unwrap_or_default(),
                source: s("source"),
                date: s("date").map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").expect("date")),
                ..Article::default()
            }
        })
        .collect()
}

fn position(articles: &[Article], id: &str) -> u32 {
    articles
        .iter()
        .position(|a| a.id == id)
        .expect("fixture id") as u32
}

/// The people and bills an extractor should find in the fixture, written by hand.
pub fn entities(articles: &[Article]) -> EntityIndex {
    let at = |ids: &[&str]| -> Vec<u32> {
        let mut v: Vec<u32> = ids.iter().map(|id| position(articles, id)).collect();
        v.sort_unstable();
        v
    };
    let person = |name: &str, aliases: &[&str], ids: &[&str]| Person {
        name: name.into(),
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        articles: at(ids),
        mentions: ids.len() as u32,
        ..Person::default()
    };
    let bill = |key: &str,
                label: &str,
                number: Option<&str>,
                title: Option<&str>,
                aliases: &[&str],
                ids: &[&str]| Bill {
        key: key.into(),
        label: label.into(),
        number: number.map(str::to_string),
        title: title.map(str::to_string),
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        articles: at(ids),
        mentions: ids.len() as u32,
        ..Bill::default()
    };
    EntityIndex {
        people: vec![
            person("Thomas Massie", &["Massie"], &["massie-nato", "farm-bill"]),
            person("Roger Wicker", &["Wicker"], &["wicker-defense"]),
            person("Nancy Pelosi", &["Pelosi"], &["pelosi-speaks"]),
        ],
        bills: vec![
            bill(
                "hr1234-119",
                "H.R. 1234",
                Some("H.R. 1234"),
                None,
                &[],
                &["massie-nato"],
            ),
            bill(
                "act:usa patriot",
                "USA PATRIOT Act",
                None,
                Some("USA PATRIOT Act"),
                &["Patriot Act"],
                &["patriot-renewal"],
            ),
            bill(
                "act:affordable care",
                "Affordable Care Act",
                None,
                Some("Affordable Care Act"),
                &["Obamacare", "ACA"],
                &["repeal-push"],
            ),
            bill(
                "act:hunting",
                "Hunting Act 2004",
                None,
                Some("Hunting Act"),
                &[],
                &["hunting-vote"],
            ),
            bill(
                "s744-113",
                "S. 744",
                Some("S. 744"),
                None,
                &[],
                &["senate-744"],
            ),
        ],
        stories: Vec::new(),
    }
}

/// The fixture, indexed.
pub fn fixture() -> (Vec<Article>, SearchIndex) {
    let a = articles();
    let e = entities(&a);
    let index = SearchIndex::build(&a, &e);
    (a, index)
}

/// A story written for a test: an id, a headline and a body.
pub fn story(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        ..Article::default()
    }
}

/// Twenty-four short stories on subjects no search test asks for, as most of a real corpus is
/// (so that a test's words are not in every story).
pub fn background() -> Vec<Article> {
    let mut v = Vec::new();
    for topic in [
        "tariffs",
        "wildfires",
        "pipelines",
        "vaccines",
        "satellites",
        "ports",
    ] {
        for j in 0..4 {
            v.push(story(
                &format!("other-{topic}-{j}"),
                &format!("Hearing on {topic}"),
                &format!("The committee heard testimony on {topic} for the {j}th time this year."),
            ));
        }
    }
    v
}

/// These stories indexed with the people and bills the extractor finds in them.
pub fn indexed(articles: &[Article]) -> SearchIndex {
    SearchIndex::build(articles, &EntityIndex::build(articles))
}

/// Ids of the hits of `query`, best first.
pub fn ids(articles: &[Article], index: &SearchIndex, query: &str) -> Vec<String> {
    hits(articles, index, query)
        .iter()
        .map(|h| articles[h.article].id.clone())
        .collect()
}

/// The hits of `query`.
pub fn hits(articles: &[Article], index: &SearchIndex, query: &str) -> Vec<Hit> {
    let q = parse(query).unwrap_or_else(|e| panic!("{query:?} should parse: {e}"));
    index.search(articles, &q, 50)
}

/// The characters of `text` inside `ranges`, joined.
pub fn marked(text: &str, ranges: &[[usize; 2]]) -> String {
    ranges
        .iter()
        .map(|r| {
            text.chars()
                .skip(r[0])
                .take(r[1] - r[0])
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The explanation of each hit of `query` (the first 10), best first, each checked to add up to
/// its hit's score.
pub fn explained(
    articles: &[Article],
    index: &SearchIndex,
    query: &str,
) -> Vec<(String, Explanation)> {
    let q = parse(query).unwrap_or_else(|e| panic!("{query:?} should parse: {e}"));
    let ranking = index.rank(articles, &q, 10, &|| false).expect("ranks");
    (0..ranking.hits.len())
        .map(|i| {
            let hit = &ranking.hits[i];
            let e = ranking
                .explain_score(index, articles, i)
                .expect("explained");
            assert_eq!(
                (e.score * 1000.0).round() as i64,
                hit.score,
                "{query:?}: {e}"
            );
            (articles[hit.article].id.clone(), e)
        })
        .collect()
}
