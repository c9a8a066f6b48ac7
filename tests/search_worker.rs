//! The background searcher and the title-only fallback.

mod search_common;

use std::sync::Arc;
use std::time::Duration;

use cloakroom::extract::EntityIndex;
use cloakroom::search::{
    FIRST_DETAILS, MatchField, QueryError, SearchIndex, Searcher, quick_title_search,
};
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
    let (h, total) = quick_title_search(&a, "masie", 10, None);
    assert_eq!(total, 2);
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
        quick_title_search(&a, q, 10, None)
            .0
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

#[test]
fn a_search_within_a_list_counts_only_that_list() {
    let (a, s) = searcher();
    let position = |id: &str| a.iter().position(|x| x.id == id).expect(id) as u32;
    let everywhere = s.submit("summit");
    let r = s.recv_timeout(Duration::from_secs(10)).expect("answered");
    assert_eq!(r.generation, everywhere);
    assert_eq!(r.total, 2);
    let within = Arc::new(vec![
        position("nato-summit-begins"),
        position("massie-nato"),
    ]);
    let g = s.submit_within("summit", Some(within));
    let r = s.recv_timeout(Duration::from_secs(10)).expect("answered");
    assert_eq!(r.generation, g);
    assert_eq!(r.total, 1);
    let ids: Vec<&str> = r
        .result
        .expect("valid")
        .iter()
        .map(|h| a[h.article].id.as_str())
        .collect();
    assert_eq!(ids, ["nato-summit-begins"]);
}

#[test]
fn match_details_come_for_the_first_screen_then_for_the_rest() {
    let a: Vec<cloakroom::Article> = (0..FIRST_DETAILS + 40)
        .map(|i| cloakroom::Article {
            id: format!("s{i}"),
            title: format!("Budget story {i}"),
            body: format!("The budget vote number {i} was close."),
            ..cloakroom::Article::default()
        })
        .collect();
    let index = Arc::new(SearchIndex::build(&a, &EntityIndex::default()));
    let s = Searcher::new(Arc::new(a), index, 1000);
    let g = s.submit("budget");
    let mut answers = Vec::new();
    while answers.len() < 2 {
        let r = s.recv_next(Duration::from_secs(10)).expect("answered");
        assert_eq!(r.generation, g);
        answers.push(r);
    }
    let (first, second) = (&answers[0], &answers[1]);
    assert!(!first.complete && second.complete);
    let hits = first.result.as_ref().expect("valid");
    assert_eq!(hits.len(), FIRST_DETAILS + 40);
    assert!(hits[..FIRST_DETAILS].iter().all(|h| !h.matches.is_empty()));
    assert!(hits[FIRST_DETAILS..].iter().all(|h| h.matches.is_empty()));
    let hits = second.result.as_ref().expect("valid");
    assert!(hits.iter().all(|h| !h.matches.is_empty()));
}

#[test]
fn titles_only_search_within_a_list_filters_before_it_cuts_to_the_limit() {
    let a: Vec<cloakroom::Article> = (0..50)
        .map(|i| cloakroom::Article {
            id: format!("s{i}"),
            title: format!("Summit story {i}"),
            date: chrono::NaiveDate::from_ymd_opt(2025, 1, 1 + (i % 28) as u32),
            ..cloakroom::Article::default()
        })
        .collect();
    // The two oldest stories: a limit of 3 over the whole corpus would cut them both.
    let within = [0, 28];
    let (everywhere, total) = quick_title_search(&a, "summit", 3, None);
    assert_eq!((everywhere.len(), total), (3, 50));
    assert!(everywhere.iter().all(|h| h.article != 0 && h.article != 28));
    let (hits, total) = quick_title_search(&a, "summit", 3, Some(&within));
    let mut found: Vec<usize> = hits.iter().map(|h| h.article).collect();
    found.sort_unstable();
    assert_eq!(found, [0, 28]);
    assert_eq!(total, 2);
}
