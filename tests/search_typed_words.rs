//! A word of the corpus in its own right is taken as typed: a person only a typo from it
//! ("Imran" for "iran") counts at the dominated fuzz, while a misspelling the corpus lacks
//! ("pelosy") still finds the name.

mod search_common;

use cloakroom::Article;
use cloakroom::search::SearchIndex;
use search_common::{explained, indexed, story};

fn stories() -> Vec<Article> {
    vec![
        story(
            "imran",
            "Aide charged",
            "Imran Awan, a former aide, was charged on Friday. Imran Awan denies it. Awan's lawyer \
             said Imran Awan would fight the charge.",
        ),
        story(
            "iran-1",
            "Talks resume",
            "Iran and the envoys met in Vienna.",
        ),
        story("iran-2", "Oil prices", "Oil rose after Iran cut exports."),
        story(
            "pelosi",
            "Speaker speaks",
            "Speaker Nancy Pelosi said the House would vote. Pelosi spoke on Friday.",
        ),
    ]
}

/// The id and the best fuzz of the query's only word in each hit, best first.
fn fuzz(a: &[Article], ix: &SearchIndex, query: &str) -> Vec<(String, f32)> {
    explained(a, ix, query)
        .into_iter()
        .map(|(id, e)| (id, e.words[0].fuzz))
        .collect()
}

#[test]
fn a_word_of_the_corpus_is_no_typo_of_a_name() {
    let a = stories();
    let ix = indexed(&a);
    let got = fuzz(&a, &ix, "iran");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].0, "imran", "{got:?}");
    // Before, Imran Awan matched at a typo's fuzz (0.9), nearly as surely as the word itself.
    assert!(got[2].1 <= ix.weights().dominated, "{got:?}");
}

#[test]
fn a_misspelling_the_corpus_lacks_still_finds_the_name() {
    let a = stories();
    let ix = indexed(&a);
    let got = fuzz(&a, &ix, "pelosy");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "pelosi");
    assert!(
        (got[0].1 - ix.weights().typo).abs() < f32::EPSILON,
        "{got:?}"
    );
}
