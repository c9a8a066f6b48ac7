//! A given name typed as another person's given name ("claire short" for Clare Short, while
//! "claire" alone is Claire Foster's), or a surname typed as another's ("gordon browne" for
//! Gordon Brown, while "browne" is Des Browne's), reads as the person the two words nearly name
//! together: the stories found are those of the name spelled right, in the same order.

mod search_common;

use cloakroom::Article;
use search_common::{ids, indexed, story};

fn stories() -> Vec<Article> {
    vec![
        story(
            "short-aid",
            "Short attacks aid delays",
            "International development secretary Clare Short attacked the delays. Clare Short \
             said Britain would give more, and Ms Short called on others to follow.",
        ),
        story(
            "short-war",
            "Minister quits over war",
            "Clare Short resigned from the cabinet on Monday. Clare Short said the war was wrong.",
        ),
        story(
            "foster-short",
            "Foster warns of short deadline",
            "Senator Claire Foster said the short deadline left no time. Claire Foster voted no, \
             and Claire Foster said the short-term deal would fail.",
        ),
        story(
            "foster",
            "Foster backs farm bill",
            "Senator Claire Foster backed the farm bill. Claire Foster said it would pass.",
        ),
        story(
            "brown-budget",
            "Brown sets out budget",
            "Chancellor Gordon Brown set out his budget on Wednesday. Gordon Brown said growth \
             would hold, and Mr Brown promised help for pensioners.",
        ),
        story(
            "brown-unity",
            "Brown calls for unity",
            "Gordon Brown called for Labour unity. Gordon Brown spoke in Brighton.",
        ),
        story(
            "browne",
            "Browne visits troops",
            "Defence secretary Des Browne visited the troops with General Gordon Lewis. Des Browne \
             said Des Browne would return, and General Gordon Lewis agreed.",
        ),
    ]
}

#[test]
fn a_given_name_typed_as_another_persons_reads_as_the_name_meant() {
    let a = stories();
    let ix = indexed(&a);
    let right = ids(&a, &ix, "clare short");
    assert_eq!(right[..2], ["short-aid", "short-war"], "{right:?}");
    // Before, "claire" was taken as typed (Claire Foster's name and a word of the corpus), and
    // her story with the word "short" came first.
    let typed = ids(&a, &ix, "claire short");
    assert_eq!(typed, right, "{typed:?}");
    // Each word alone keeps its own reading.
    assert_eq!(ids(&a, &ix, "claire")[..2], ["foster-short", "foster"]);
    assert_eq!(
        ids(&a, &ix, "claire foster")[..2],
        ["foster-short", "foster"]
    );
}

#[test]
fn a_surname_typed_as_another_persons_reads_as_the_name_meant() {
    let a = stories();
    let ix = indexed(&a);
    let right = ids(&a, &ix, "gordon brown");
    assert_eq!(right[..2], ["brown-budget", "brown-unity"], "{right:?}");
    // Before, "browne" was Des Browne's name, and his story with a Gordon in it came first.
    let typed = ids(&a, &ix, "gordon browne");
    assert_eq!(typed, right, "{typed:?}");
    assert_eq!(ids(&a, &ix, "browne")[0], "browne");
}
