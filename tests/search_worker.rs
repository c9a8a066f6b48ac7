//! The background searcher and the title-only fallback.

mod search_common;

use std::sync::Arc;
use std::time::Duration;

use cloakroom::search::{MatchField, QueryError, SearchIndex, Searcher, quick_title_search};
use search_common::{articles, entities, marked};

fn searcher() -> (Arc<Vec<cloakroom::Article>>, Searcher) {
    let a = articles();
    let index = Arc::new(SearchIndex::build(&a, &entities(&a)));
    let a = Arc::new(a);
    let s = Searcher::new(Arc::clone(&a), index, 10);
    (a, s)
}

#[test]
fn newest_result_wins() {
    let (a, s) = searcher();
    let mut last = 0;
    for q in ["m", "ma", "mas", "mass", "massi", "massie"] {
        last = s.submit(q);
    }
    // Wait until the result of the last submission arrives; older ones may be skipped.
    let mut got = None;
    for _ in 0..200 {
        if let Some(r) = s.recv_timeout(Duration::from_millis(50))
            && r.generation == last
        {
            got = Some(r);
            break;
        }
    }
    let r = got.expect("the last query is answered");
    assert_eq!(r.query, "massie");
    assert!(r.indexed);
    let hits = r.result.expect("valid query");
    assert_eq!(a[hits[0].article].id, "massie-nato");
    assert!(!hits[0].matches.is_empty());
    assert!(s.try_recv().is_none());
}

#[test]
fn bad_query_reports_the_error() {
    let (_, s) = searcher();
    let g = s.submit("person:");
    let r = s.recv_timeout(Duration::from_secs(10)).expect("answered");
    assert_eq!(r.generation, g);
    assert!(matches!(r.result, Err(QueryError::EmptyQualifier { .. })));
}

#[test]
fn generations_increase() {
    let (_, s) = searcher();
    let a = s.submit("nato");
    let b = s.submit("nato exit");
    assert!(b > a);
    assert_eq!(s.generation(), b);
}

#[test]
fn building_searcher_answers_while_indexing_and_after() {
    let a = Arc::new(articles());
    let s = Searcher::building(Arc::clone(&a), Arc::new(entities(&a)), 10);
    let g = s.submit("summit");
    let r = s.recv_timeout(Duration::from_secs(10)).expect("answered");
    assert_eq!(r.generation, g);
    let ids: Vec<&str> = r
        .result
        .expect("valid")
        .iter()
        .map(|h| a[h.article].id.as_str())
        .collect();
    assert_eq!(ids, ["nato-summit-ends", "nato-summit-begins"]);
    for _ in 0..200 {
        if s.is_indexed() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(s.is_indexed());
}

#[test]
fn quick_title_search_is_fuzzy_over_titles_only() {
    let a = articles();
    let h = quick_title_search(&a, "masie", 10);
    // "Massie" scores above "Massive".
    let ids: Vec<&str> = h.iter().map(|h| a[h.article].id.as_str()).collect();
    assert_eq!(ids, ["massie-nato", "massive-deal"]);
    assert_eq!(h[0].matches[0].field, MatchField::Title);
    assert_eq!(
        marked(&h[0].matches[0].text, &h[0].matches[0].ranges),
        "Ma|sie"
    );
    // Newer first on equal scores; exclusions and dates apply.
    let ids = |q: &str| -> Vec<String> {
        quick_title_search(&a, q, 10)
            .iter()
            .map(|h| a[h.article].id.clone())
            .collect()
    };
    assert_eq!(ids("summit"), ["nato-summit-ends", "nato-summit-begins"]);
    assert_eq!(ids("summit -ends"), ["nato-summit-begins"]);
    assert_eq!(ids("summit before:2025-06-05"), ["nato-summit-begins"]);
    assert!(ids("\"unclosed").is_empty());
    assert!(ids("ranch").is_empty());
}
