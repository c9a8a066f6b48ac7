//! A word found in many stories is taken as typed even beside a far commoner neighbour ("flight"
//! is not "fight"), and a story may lack a query word, but never a word of the person the query
//! names ("howard flight deselection": not Michael Howard's stories).

mod search_common;

use cloakroom::Article;
use search_common::{indexed, story};

fn ids(a: &[Article], query: &str) -> Vec<String> {
    search_common::ids(a, &indexed(a), query)
}

#[test]
fn a_word_in_ten_stories_is_no_misspelling_of_a_commoner_one() {
    let mut a = Vec::new();
    // "flight" in the title and body of 5 stories (10 fields), "fight" in 120 stories' (240):
    // more than 20 times as many, the old test for a rare misspelling.
    for i in 0..5 {
        a.push(story(
            &format!("flight-{i}"),
            &format!("Flight plan number {i}"),
            "The flight left late, and the airline said delays were due to weather.",
        ));
    }
    for i in 0..120 {
        a.push(story(
            &format!("fight-{i}"),
            &format!("Budget fight delays vote, part {i}"),
            "The fight over spending delays the vote; more delays are likely, and delays cost money.",
        ));
    }
    // Other news, so that "fight" stays a word of a part of the corpus.
    for i in 0..400 {
        a.push(story(
            &format!("other-{i}"),
            &format!("Farm report {i}"),
            "Farmers met on Tuesday to talk about crops and the weather.",
        ));
    }
    let index = indexed(&a);
    let q = cloakroom::search::parse("flight").expect("query parses");
    let ranking = index.rank(&a, &q, 200, &|| false).expect("not stale");
    let fight = ranking
        .hits
        .iter()
        .position(|h| a[h.article].id.starts_with("fight-"))
        .expect("a fight story is found, far below");
    let e = ranking.explain_score(&index, &a, fight).expect("explained");
    // "fight" for "flight" is a typo dominated by the word itself (it was a typo at 0.9).
    assert_eq!(e.words[0].matched, "fight");
    assert!(e.words[0].fuzz < 0.1, "{:?}", e.words[0]);
}

#[test]
fn a_story_may_lack_a_word_but_not_the_named_persons_word() {
    let f =
        " Aides said the talks would continue into the evening and that a vote could come later.";
    let mut a = vec![story(
        "flight",
        "Tories reject rethink on axed MP",
        &format!(
            "Howard Flight will not be allowed to stand. Mr Flight was told the party would deselect him after his remarks.{f}"
        ),
    )];
    // Michael Howard in many stories: "howard" is the query's commonest word.
    for i in 0..20 {
        a.push(story(
            &format!("howard-{i}"),
            &format!("Michael Howard speech {i}"),
            &format!(
                "Tory leader Michael Howard spoke on schools. Mr Howard said taxes would fall.{f}"
            ),
        ));
    }
    // Stories with the other two words and no Howard.
    for i in 0..3 {
        a.push(story(
            &format!("other-{i}"),
            &format!("Councillor faces deselection {i}"),
            &format!("Local members debated the deselection of a councillor after the flight of donors.{f}"),
        ));
    }
    let found = ids(&a, "howard flight deselection");
    assert_eq!(
        found.first().map(String::as_str),
        Some("flight"),
        "{found:?}"
    );
}
