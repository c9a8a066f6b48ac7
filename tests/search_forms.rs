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
    let order = ["forms-about", "exact-twice", "passing"];
    assert_eq!(ids(&a, &ix, "opioid"), order);
    // Typed in the plural, the same order.
    assert_eq!(ids(&a, &ix, "opioids"), order);
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

#[test]
fn a_topics_stories_lacking_its_commoner_word_compete() {
    let (a, ix) = fixture();
    let got = ids(&a, &ix, "opioid crisis");
    // The passing mention of both words first; then the stories about opioids that never say
    // "crisis" (the commoner word), at their coordinated score; a story with "crisis" alone is
    // not about the topic and does not match.
    assert_eq!(got.first().map(String::as_str), Some("passing"), "{got:?}");
    for id in ["forms-about", "exact-twice"] {
        assert!(got.iter().any(|g| g == id), "{id} missing from {got:?}");
    }
    assert!(!got.iter().any(|g| g == "crisis-only"), "{got:?}");
    // The explanation says so, and its score is the hit's.
    let q = parse("opioid crisis").expect("query parses");
    let ranking = ix.rank(&a, &q, 10, &|| false).expect("ranks");
    for (i, hit) in ranking.hits.iter().enumerate() {
        let e = ranking.explain_score(&ix, &a, i).expect("explained");
        assert_eq!((e.score * 1000.0).round() as i64, hit.score, "{e}");
        let lacks = e.words.iter().any(|w| w.score <= 0.0);
        assert_eq!(e.competes, lacks, "{e}");
        assert_eq!(lacks, e.to_string().contains("a topic's story"), "{e}");
    }
    // Sorted by date, only the stories with every word.
    let q = parse("opioid crisis").expect("query parses");
    let by_date: Vec<String> = ix
        .search_sorted(&a, &q, 20, cloakroom::search::Sort::Date)
        .iter()
        .map(|h| a[h.article].id.clone())
        .collect();
    assert_eq!(by_date, ["passing"]);
    // With no share for such stories (partial 0), only the one with both words matches.
    let weights = cloakroom::search::Weights {
        partial: 0.0,
        ..*ix.weights()
    };
    let strict = ix.with_weights(weights);
    assert_eq!(ids(&a, &strict, "opioid crisis"), ["passing"]);
}

#[test]
fn a_story_lacking_only_the_commonest_word_of_a_named_query_competes() {
    let path = "tests/fixtures/ranking/partial.jsonl";
    let corpus = corpus::load(&[path.into()], &LoadOptions::default()).expect("fixture loads");
    let entities = EntityIndex::build(&corpus.articles);
    let ix = SearchIndex::build(&corpus.articles, &entities);
    let a = corpus.articles;
    // The story about Schumer and Iran that never says "deal" (the commonest word) ranks above
    // the passing mention of all three words, at its coordinated score.
    assert_eq!(
        ids(&a, &ix, "schumer iran deal"),
        ["schumer-iran", "passing-all"]
    );
    // With no share for such stories (partial_named 0), it follows the one with every word.
    let weights = cloakroom::search::Weights {
        partial_named: 0.0,
        ..*ix.weights()
    };
    let strict = ix.with_weights(weights);
    assert_eq!(
        ids(&a, &strict, "schumer iran deal"),
        ["passing-all", "schumer-iran"]
    );
}

#[test]
fn a_story_lacking_a_rarer_word_of_a_named_query_follows_those_with_every_word() {
    let path = "tests/fixtures/ranking/partial_rare.jsonl";
    let corpus = corpus::load(&[path.into()], &LoadOptions::default()).expect("fixture loads");
    let entities = EntityIndex::build(&corpus.articles);
    let ix = SearchIndex::build(&corpus.articles, &entities);
    let a = corpus.articles;
    // The story about King's "white supremacist" remarks lacks "supremacy", the rarest word, not
    // "white", the commonest: it follows the one story that has every word.
    assert_eq!(
        ids(&a, &ix, "steve king white supremacy"),
        ["king-all", "king-supremacist"]
    );
    // The explanation does not say it competes, and its score is the hit's.
    let q = parse("steve king white supremacy").expect("query parses");
    let ranking = ix.rank(&a, &q, 10, &|| false).expect("ranks");
    for (i, hit) in ranking.hits.iter().enumerate() {
        let e = ranking.explain_score(&ix, &a, i).expect("explained");
        assert_eq!((e.score * 1000.0).round() as i64, hit.score, "{e}");
        assert!(!e.competes, "{e}");
    }
    // Only the commonest word may be missing (partial_choices 1, the earlier rule): not found.
    let weights = *ix.weights();
    let only_commonest =
        SearchIndex::build(&a, &entities).with_weights(cloakroom::search::Weights {
            partial_choices: 1,
            ..weights
        });
    assert_eq!(
        ids(&a, &only_commonest, "steve king white supremacy"),
        ["king-all"]
    );
    // Competing at a share of its score (partial_rare 1), the explanation says so.
    let competes = ix.with_weights(cloakroom::search::Weights {
        partial_rare: 1.0,
        ..weights
    });
    let ranking = competes.rank(&a, &q, 10, &|| false).expect("ranks");
    assert_eq!(ranking.hits.len(), 2);
    for (i, hit) in ranking.hits.iter().enumerate() {
        let e = ranking.explain_score(&competes, &a, i).expect("explained");
        assert_eq!((e.score * 1000.0).round() as i64, hit.score, "{e}");
        assert_eq!(e.competes, a[hit.article].id == "king-supremacist", "{e}");
    }
}
