//! A noun in "-ation" finds its verb ("reauthorization": "reauthorize"), and a source filter
//! that names several sources weighs their stories alike; on stories written for it.

mod search_common;

use cloakroom::Article;
use search_common::{background, ids, indexed, story};

fn from(mut a: Article, source: &str) -> Article {
    a.source = Some(source.into());
    a
}

#[test]
fn a_noun_in_ation_finds_the_verb_it_is_made_from() {
    let mut a = vec![
        story(
            "chip",
            "States freeze enrollment in the children's health program",
            "States warned families that CHIP coverage ends unless Congress acts. CHIP covers \
             nine million children, and governors asked lawmakers to reauthorize CHIP before \
             the money runs out. Alabama froze CHIP enrollment on Monday.",
        ),
        story(
            "chips",
            "Chip makers want tax relief",
            "A chip maker asked for tax relief. The chip plant will hire workers.",
        ),
    ];
    a.extend(background());
    let ix = indexed(&a);
    let got = ids(&a, &ix, "chip reauthorization");
    // Before, no story had "reauthorization" or a form of it: the story about CHIP's renewal
    // was not told from the chip maker's.
    assert_eq!(got.first().map(String::as_str), Some("chip"), "{got:?}");
    // The verb alone is still found by the noun, and the noun alone by nothing else.
    assert_eq!(ids(&a, &ix, "reauthorization"), ["chip"]);
}

#[test]
fn a_source_filter_naming_several_sources_weighs_their_stories_alike() {
    let mut a = vec![
        from(
            story(
                "news-about",
                "Senate debates immigration bill",
                "The Senate opened debate on the immigration bill. Immigration hawks and \
                 immigration advocates lined up amendments.",
            ),
            "New York Times - News",
        ),
        from(
            story(
                "opinion-passing",
                "The case for reparations",
                "Reparations are owed. The essay touches on housing, schools and, once, on \
                 immigration among many other subjects of the day, before it turns to history, \
                 to the law and to what Congress could do next.",
            ),
            "New York Times - Opinion",
        ),
    ];
    for i in 0..8 {
        a.push(from(
            story(
                &format!("news-{i}"),
                &format!("Budget talks, day {i}"),
                "Budget talks went on.",
            ),
            "New York Times - News",
        ));
    }
    a.extend(background());
    let ix = indexed(&a);
    let got = ids(&a, &ix, "source:\"new york times\" immigration");
    // Before, the opinion pages (one story) had a far higher idf than the news pages (nine), and
    // the passing mention there came first.
    assert_eq!(got, ["news-about", "opinion-passing"]);
}
