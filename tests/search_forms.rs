//! The forms of a query word ("opioid", "opioids", "fee" for "fees") add up into one frequency, on
//! stories written for it (`tests/fixtures/ranking/forms.jsonl`).

use cloakroom::Article;
use cloakroom::corpus::{self, LoadOptions};
use cloakroom::extract::EntityIndex;
use cloakroom::search::{SearchIndex, parse};

fn fixture() -> (Vec<Article>, SearchIndex) {
    let path = "tests/fixtures/ranking/forms.jsonl";
    let corpus = corpus::load(&[path.into()], &LoadOptions::default()).expect("fixture loads");
    let entities = EntityIndex::build(&corpus.articles);
    let index = SearchIndex::build(&corpus.articles, &entities);
    (corpus.articles, index)
}

fn ids(a: &[Article], ix: &SearchIndex, query: &str) -> Vec<String> {
    let q = parse(query).expect("query parses");
    ix.search(a, &q, 20)
        .iter()
        .map(|h| a[h.article].id.clone())
        .collect()
}

#[test]
fn a_story_full_of_a_words_forms_is_about_it() {
    let (a, ix) = fixture();
    // "opioids" three times and in the title, "opioid" once: about opioids. Counted as the
    // best single term (the plural alone, at its fuzz), it lost to two passing mentions of
    // "opioid" in a budget story.
    assert_eq!(ids(&a, &ix, "opioid"), ["forms-about", "exact-twice"]);
    // Typed in the plural, the same order.
    assert_eq!(ids(&a, &ix, "opioids"), ["forms-about", "exact-twice"]);
}

#[test]
fn the_explanation_adds_up_the_forms_and_matches_the_score() {
    let (a, ix) = fixture();
    let q = parse("opioid").expect("query parses");
    let ranking = ix.rank(&a, &q, 10, &|| false).expect("ranks");
    let e = ranking.explain_score(&ix, &a, 0).expect("explained");
    let word = &e.words[0];
    assert_eq!(word.matched, "opioid + opioids", "{e}");
    assert!(
        word.fields.iter().any(|f| f.field == "title") && word.fields.len() >= 3,
        "{e}"
    );
    for (i, hit) in ranking.hits.iter().enumerate() {
        let e = ranking.explain_score(&ix, &a, i).expect("explained");
        assert_eq!((e.score * 1000.0).round() as i64, hit.score, "{e}");
    }
}
