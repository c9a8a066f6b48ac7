//! A common word weak in a story costs less than a rare word weak in it (the balance weighs each
//! word's shortfall by its weight in the query), on stories written for it
//! (`tests/fixtures/ranking/coordination.jsonl`).

use cloakroom::Article;
use cloakroom::corpus::{self, LoadOptions};
use cloakroom::extract::EntityIndex;
use cloakroom::search::{SearchIndex, Weights, parse};

fn fixture() -> (Vec<Article>, SearchIndex) {
    let path = "tests/fixtures/ranking/coordination.jsonl";
    let corpus = corpus::load(&[path.into()], &LoadOptions::default()).expect("fixture loads");
    let entities = EntityIndex::build(&corpus.articles);
    let index = SearchIndex::build(&corpus.articles, &entities);
    (corpus.articles, index)
}

fn rank(a: &[Article], ix: &SearchIndex, query: &str, id: &str) -> usize {
    let q = parse(query).expect("query parses");
    ix.search(a, &q, 20)
        .iter()
        .position(|h| a[h.article].id == id)
        .unwrap_or_else(|| panic!("{id} is found for {query:?}"))
}

#[test]
fn a_story_about_the_rare_word_beats_one_full_of_the_common_word() {
    let (a, mut ix) = fixture();
    // The hunting story names "act" once; the veterans story says "act" seven times and "hunt"
    // once. "act" is in nearly every story: its weakness should cost the hunting story little.
    assert!(
        rank(&a, &ix, "hunting act", "hunt-ban") < rank(&a, &ix, "hunting act", "veterans-act")
    );
    // Every word alike (the balance as it was), the veterans story wins: the test can fail.
    ix.set_weights(Weights {
        coordination_idf: 0.0,
        ..Weights::default()
    });
    assert!(
        rank(&a, &ix, "hunting act", "hunt-ban") > rank(&a, &ix, "hunting act", "veterans-act")
    );
}
