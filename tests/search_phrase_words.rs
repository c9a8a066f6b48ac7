//! Quoted phrases: the stories with the phrase, then (when few have it) those with its words, marked
//! as lacking the phrase, on the shared fixture and on stories written for it.

mod search_common;

use cloakroom::Article;
use cloakroom::search::{Hit, MatchField, Sort, parse};
use search_common::{fixture, hits, ids, indexed, marked, story};

fn stories() -> Vec<Article> {
    vec![
        story(
            "phrase",
            "Freshmen arrive",
            "The new members campaigned on equal pay and paid family leave.",
        ),
        story(
            "words",
            "Labour plans maternity pay rise",
            "Paid leave for new mothers would rise to nine months, and families could share it, \
             ministers said. Paid leave is the centre of the plan for families.",
        ),
        story(
            "leave-only",
            "MPs leave for the recess",
            "MPs leave Westminster for the summer recess on Thursday.",
        ),
    ]
}

#[test]
fn the_stories_with_a_rare_phrases_words_follow_those_with_it() {
    let a = stories();
    let ix = indexed(&a);
    let q = parse("\"paid family leave\"").expect("query parses");
    let hits = ix.search(&a, &q, 20);
    let got: Vec<&str> = hits.iter().map(|h| a[h.article].id.as_str()).collect();
    // Before, only the story with the phrase: the quoted words in another order found nothing.
    assert_eq!(got, ["phrase", "words"]);
    // The story with the words says it lacks the phrase; the one with it does not.
    let lacks = |i: usize| {
        hits[i]
            .matches
            .iter()
            .any(|m| m.field == MatchField::Missing && m.text == "\"paid family leave\"")
    };
    assert!(!lacks(0) && lacks(1), "{hits:?}");
    // Its explanation says so, and adds up to its score.
    let ranking = ix.rank(&a, &q, 20, &|| false).expect("ranks");
    for (i, hit) in ranking.hits.iter().enumerate() {
        let e = ranking.explain_score(&ix, &a, i).expect("explained");
        assert_eq!((e.score * 1000.0).round() as i64, hit.score, "{e}");
        assert_eq!(e.unphrased.is_empty(), i == 0, "{e}");
        assert_eq!(e.to_string().contains("as a phrase"), i == 1, "{e}");
    }
    assert_eq!(ranking.total, 2);
    // Newest first (a pivot's order), only the stories with the phrase.
    let by_date = ix.search_sorted(&a, &q, 20, Sort::Date);
    assert_eq!(by_date.len(), 1);
    // Excluded, a phrase never brings its words' stories.
    let q = parse("leave -\"paid family leave\"").expect("query parses");
    let got: Vec<&str> = ix
        .search(&a, &q, 20)
        .iter()
        .map(|h| a[h.article].id.as_str())
        .collect();
    assert!(!got.contains(&"phrase"), "{got:?}");
}

#[test]
fn exact_phrase() {
    let (a, ix) = fixture();
    let lacks = |h: &Hit, phrase: &str| {
        h.matches
            .iter()
            .any(|m| m.field == MatchField::Missing && m.text == format!("\"{phrase}\""))
    };
    let h = hits(&a, &ix, "\"air defense legislation\"");
    assert_eq!(a[h[0].article].id, "wicker-defense");
    let m = &h[0].matches[0];
    assert_eq!(m.field, MatchField::Body);
    assert_eq!(marked(&m.text, &m.ranges), "air defense legislation");
    assert!(!lacks(&h[0], "air defense legislation"));
    // The one story with the phrase first; any story with its words follows, saying it lacks it.
    assert!(
        h[1..].iter().all(|h| lacks(h, "air defense legislation")),
        "{h:?}"
    );
    // No story has the words in that order: the stories with them are listed, each saying so.
    let h = hits(&a, &ix, "\"legislation defense air\"");
    assert_eq!(a[h[0].article].id, "wicker-defense");
    assert!(
        h.iter().all(|h| lacks(h, "legislation defense air")),
        "{h:?}"
    );
    assert_eq!(
        ids(&a, &ix, "\"nato summit\""),
        ["nato-summit-ends", "nato-summit-begins"]
    );
}
