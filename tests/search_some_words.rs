//! When few stories have every word of a query, those with two or more of its words follow,
//! marked with the words they lack; on stories written for it.

mod search_common;

use chrono::NaiveDate;
use cloakroom::Article;
use cloakroom::search::{MatchField, Sort, Weights, parse};
use search_common::{explained, hits, ids, indexed, story};

fn dated(mut a: Article, date: &str, source: &str) -> Article {
    a.date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    a.source = Some(source.into());
    a
}

fn stories() -> Vec<Article> {
    vec![
        dated(
            story(
                "all",
                "Welsh universities to keep tuition fees down",
                "Universities in Wales will charge lower tuition fees to Welsh students, the \
                 assembly said.",
            ),
            "2005-02-10",
            "BBC",
        ),
        dated(
            story(
                "fees-unis",
                "Tuition fees rise at English universities",
                "Universities in England may charge top-up tuition fees from next year.",
            ),
            "2005-01-20",
            "BBC",
        ),
        dated(
            story(
                "welsh-fees",
                "Welsh students face higher fees",
                "Welsh students who study in England will pay the higher fees, ministers said.",
            ),
            "2005-03-01",
            "BBC",
        ),
        dated(
            story(
                "welsh-fees-old",
                "Welsh assembly debates fees",
                "The Welsh assembly debated fees for students in a long session.",
            ),
            "2003-05-01",
            "BBC",
        ),
        dated(
            story(
                "welsh-fees-strike",
                "Welsh lecturers strike",
                "Welsh lecturers went on strike over pay; fees were not discussed.",
            ),
            "2005-03-02",
            "Guardian",
        ),
        dated(
            story(
                "fees-only",
                "Parking fees rise",
                "Council parking fees will rise in April.",
            ),
            "2005-03-03",
            "BBC",
        ),
        dated(
            story(
                "welsh-only",
                "The Welsh and the English",
                "It is a story of the Welsh and of the English, and of their rugby.",
            ),
            "2005-03-04",
            "BBC",
        ),
    ]
}

const QUERY: &str = "tuition fees welsh universities";

#[test]
fn the_stories_with_two_or_more_of_the_words_follow_those_with_all_but_one() {
    let a = stories();
    let ix = indexed(&a);
    let got = ids(&a, &ix, QUERY);
    // Every word; all but one (welsh); then two of the four, each lacking the other two. Before,
    // the list ended with the first two: the stories of Welsh fees were not found.
    assert_eq!(got[..2], ["all", "fees-unis"], "{got:?}");
    let mut rest = got[2..].to_vec();
    rest.sort();
    assert_eq!(
        rest,
        ["welsh-fees", "welsh-fees-old", "welsh-fees-strike"],
        "{got:?}"
    );
    // One word of the query (fees, or welsh with stopwords) is not enough: `fees-only` and
    // `welsh-only` are not listed. The followers say which words they lack.
    let h = hits(&a, &ix, QUERY);
    for hit in &h[2..] {
        let lacks: Vec<&str> = (hit.matches.iter())
            .filter(|m| m.field == MatchField::Missing)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(lacks, ["tuition", "universities"], "{hit:?}");
    }
    // Each explanation adds up to its hit's score (checked by `explained`) and names the words
    // the story lacks.
    for (id, e) in explained(&a, &ix, QUERY).iter().skip(2) {
        let lacking = e.words.iter().filter(|w| w.score <= 0.0).count();
        assert_eq!(lacking, 2, "{id}: {e}");
    }
}

#[test]
fn the_followers_keep_the_querys_exclusions_dates_and_qualifiers() {
    let a = stories();
    let ix = indexed(&a);
    let got = ids(&a, &ix, &format!("{QUERY} -strike"));
    assert!(!got.iter().any(|g| g == "welsh-fees-strike"), "{got:?}");
    assert!(got.iter().any(|g| g == "welsh-fees"), "{got:?}");
    let got = ids(&a, &ix, &format!("{QUERY} after:2004-01-01"));
    assert!(!got.iter().any(|g| g == "welsh-fees-old"), "{got:?}");
    assert!(got.iter().any(|g| g == "welsh-fees"), "{got:?}");
    let got = ids(&a, &ix, &format!("source:bbc {QUERY}"));
    assert!(!got.iter().any(|g| g == "welsh-fees-strike"), "{got:?}");
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn the_followers_come_only_when_few_have_the_words_and_only_by_relevance() {
    let a = stories();
    let ix = indexed(&a);
    // Newest first (a pivot's order): only the stories with every word.
    let q = parse(QUERY).expect("query parses");
    let by_date = ix.search_sorted(&a, &q, 20, Sort::Date);
    assert_eq!(by_date.len(), 1, "{by_date:?}");
    // When one story with every word is enough (partial_below 1), none follow.
    let weights = *ix.weights();
    let enough = indexed(&a).with_weights(Weights {
        partial_below: 1,
        ..weights
    });
    assert_eq!(ids(&a, &enough, QUERY), ["all"]);
    // With room for two, the one lacking a word fills it, and no story with fewer words.
    let two = indexed(&a).with_weights(Weights {
        partial_below: 2,
        ..weights
    });
    assert_eq!(ids(&a, &two, QUERY), ["all", "fees-unis"]);
}
