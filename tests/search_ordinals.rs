//! An ordinal typed in figures finds it in words and back ("5th amendment": "the Fifth
//! Amendment"), on stories written for it.

mod search_common;

use cloakroom::Article;
use cloakroom::search::MatchField;
use search_common::{explained, hits, ids, indexed, marked, story};

fn stories() -> Vec<Article> {
    vec![
        story(
            "fifth",
            "Official takes the Fifth",
            "The official invoked her Fifth Amendment right and declined to answer questions.",
        ),
        story(
            "second-words",
            "Gun owners rally",
            "Speakers defended the Second Amendment at the rally on Saturday.",
        ),
        story(
            "second-figures",
            "Sheriffs back gun rights",
            "The county declared itself a 2nd Amendment sanctuary.",
        ),
        story(
            "twenty-fifth",
            "Cabinet talk of removal",
            "Aides discussed the twenty-fifth amendment in private, reports said.",
        ),
        story(
            "second-place",
            "Amendment fails",
            "The amendment came second to last in a long night of votes.",
        ),
    ]
}

#[test]
fn an_ordinal_in_figures_finds_it_in_words() {
    let a = stories();
    let ix = indexed(&a);
    // Before, "5th" matched no word of the corpus and the query found nothing. (The
    // "twenty-fifth" story follows: its hyphenated word holds "fifth".)
    let got = ids(&a, &ix, "5th amendment");
    assert_eq!(got.first().map(String::as_str), Some("fifth"), "{got:?}");
    let h = hits(&a, &ix, "5th amendment");
    let shown: Vec<String> = (h[0].matches.iter())
        .filter(|m| m.field != MatchField::Missing)
        .map(|m| marked(&m.text, &m.ranges))
        .collect();
    assert!(shown.iter().any(|m| m.contains("Fifth")), "{shown:?}");
    // A compound ordinal written with a hyphen.
    assert_eq!(ids(&a, &ix, "25th amendment"), ["twenty-fifth"]);
    // Each explanation adds up to its hit's score (checked by `explained`).
    assert!(!explained(&a, &ix, "5th amendment").is_empty());
}

#[test]
fn figures_and_words_find_the_same_stories() {
    let a = stories();
    let ix = indexed(&a);
    let mut figures = ids(&a, &ix, "2nd amendment");
    let mut words = ids(&a, &ix, "second amendment");
    // The two stories of the Second Amendment first, either way it is written.
    for got in [&figures, &words] {
        let mut top: Vec<&str> = got.iter().take(2).map(String::as_str).collect();
        top.sort_unstable();
        assert_eq!(top, ["second-figures", "second-words"], "{got:?}");
    }
    figures.sort();
    words.sort();
    assert_eq!(figures, words);
}
