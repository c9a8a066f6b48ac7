//! Spellings a reader types that the stories write otherwise: a plural in "ies" ("assemblies" for
//! "assembly"), a short name's doubled letter typed once ("orin" for Orrin), and a given name
//! that is also a common word ("bill"), on stories written for each.

mod search_common;

use cloakroom::Article;
use search_common::{explained, ids, indexed, story};

fn assemblies() -> Vec<Article> {
    vec![
        story(
            "ballots",
            "Assembly ballot papers 'missing'",
            "Thousands of voters have not received ballot papers for the referendum on a regional \
             assembly for the North East. The regional assembly vote closes next week, and \
             officials said the missing papers would be sent again.",
        ),
        story(
            "regional-only",
            "Regional airports expand",
            "Regional airports in the North expect more flights this summer, officials said, \
             after a year of growth on regional routes.",
        ),
        story(
            "plural",
            "Parties set out their plans",
            "The parties set out their plans for the health service. The policies differ on \
             waiting lists, and both parties promise more nurses.",
        ),
    ]
}

#[test]
fn a_plural_in_ies_finds_the_singular_and_back() {
    let a = assemblies();
    let ix = indexed(&a);
    // The story says "regional assembly" twice; the reader types the plural.
    let got = ids(&a, &ix, "regional assemblies");
    assert_eq!(got.first().map(String::as_str), Some("ballots"), "{got:?}");
    assert!(!got.iter().any(|g| g == "plural"), "{got:?}");
    // And the singular finds the plural ("party": "parties", "policy": "policies").
    assert_eq!(ids(&a, &ix, "party policy"), ["plural"]);
}

fn hatch() -> Vec<Article> {
    vec![
        story(
            "hatch-retires",
            "Republican Senator Hatch to retire",
            "Senator Orrin Hatch of Utah said he would retire at the end of his term. Hatch, the \
             longest-serving Republican senator, chairs the Finance Committee.",
        ),
        story(
            "hatch-tax",
            "Hatch's big moment arrives as tax fight heads to Senate floor",
            "Orrin Hatch, the Finance Committee chairman, brought the tax bill to the floor. \
             Hatch said the bill would pass.",
        ),
        story(
            "hatch-court",
            "Hatch presses nominee on privacy",
            "Senator Orrin Hatch questioned the nominee on privacy. Hatch read from a letter.",
        ),
        story(
            "kerr",
            "Scholars weigh in on warrant case",
            "Orin Kerr, a law professor, said the warrant case would reach the Supreme Court.",
        ),
    ]
}

#[test]
fn a_short_names_doubled_letter_typed_once_is_a_typo_of_it() {
    let a = hatch();
    let ix = indexed(&a);
    // "orin" is four letters: only swaps were typos of it, and it is a word of the corpus (Orin
    // Kerr), so no story had both words: the query found nothing.
    let got = explained(&a, &ix, "orin hatch");
    let mut found: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
    found.sort_unstable();
    assert_eq!(found, ["hatch-court", "hatch-retires", "hatch-tax"]);
    for (id, e) in &got {
        assert!(e.words.iter().all(|w| w.score > 0.0), "{id}: {e}");
        assert!(
            e.words[0].matched.to_lowercase().contains("orrin"),
            "{id}: {e}"
        );
    }
    // Spelled right, the same stories.
    let mut right = ids(&a, &ix, "orrin hatch");
    right.sort();
    assert_eq!(right, found);
}

/// Forty stories, each quoting a senator of their own (so that two people are a small share of
/// those the stories name, as in a real corpus).
fn senators() -> Vec<Article> {
    const FIRST: [&str; 8] = [
        "Alma", "Boris", "Cyrus", "Delia", "Emmett", "Fiona", "Gareth", "Hilda",
    ];
    const LAST: [&str; 5] = ["Quarles", "Rendell", "Stavros", "Tolliver", "Umberto"];
    FIRST
        .iter()
        .flat_map(|f| LAST.iter().map(move |l| (f, l)))
        .map(|(f, l)| {
            story(
                &format!("{f}-{l}"),
                &format!("{l} weighs in on the budget"),
                &format!("Senator {f} {l} said the budget would pass. {l} spoke on Tuesday."),
            )
        })
        .collect()
}

fn bills() -> Vec<Article> {
    let mut stories = vec![
        story(
            "compensation",
            "Compensation law shake-up planned",
            "Ministers will publish a Compensation Bill to curb claims companies. The bill would \
             regulate firms that advertise no-win no-fee compensation for accidents at work.",
        ),
        story(
            "clinton",
            "Clinton library opens",
            "Former President Bill Clinton opened his library in Little Rock. Bill Clinton spoke \
             of his years in office; Clinton said the library would hold every paper of his \
             presidency. Bill Clinton also praised the workers, who won compensation after a \
             dispute. President Bill Clinton thanked Bill Taylor, the architect.",
        ),
        story(
            "taylor",
            "Envoy testifies",
            "Ambassador Bill Taylor told the committee what he had heard. Bill Taylor said the aid \
             was held back. Taylor spoke for ten hours.",
        ),
    ];
    stories.extend(senators());
    stories
}

#[test]
fn a_given_name_many_people_share_does_not_name_them_alone() {
    let a = bills();
    let ix = indexed(&a);
    // "bill" is the given name of Bill Clinton and Bill Taylor: alone it names neither (the
    // word still matches "Bill" in the text), so the stories full of their mentions gain
    // nothing from them.
    for query in ["bill", "claims bill"] {
        for (id, e) in explained(&a, &ix, query) {
            let bill = e
                .words
                .iter()
                .find(|w| w.query == "bill")
                .expect("the word");
            assert!(bill.fields.iter().all(|f| f.field != "person"), "{id}: {e}");
        }
    }
    // With the other words of a bill's name, the bill.
    let got = ids(&a, &ix, "compensation bill");
    assert_eq!(
        got.first().map(String::as_str),
        Some("compensation"),
        "{got:?}"
    );
    // The full name still names the person.
    let got = explained(&a, &ix, "bill clinton");
    assert_eq!(got[0].0, "clinton");
    assert!(
        got[0].1.words[0].fields.iter().any(|f| f.field == "person"),
        "{}",
        got[0].1
    );
    // A surname alone still names its one person.
    let got = explained(&a, &ix, "taylor");
    assert_eq!(got[0].0, "taylor");
    assert!(
        got[0].1.words[0].fields.iter().any(|f| f.field == "person"),
        "{}",
        got[0].1
    );
}

#[test]
fn a_word_written_solid_finds_it_hyphenated() {
    let a = vec![
        story(
            "hyphenated",
            "Resolution condemns anti-Semitism",
            "The House voted on a resolution condemning anti-Semitism and other hatred.",
        ),
        story(
            "parts",
            "Anti-war protest",
            "Protesters marched against the war; Semitism was not mentioned.",
        ),
        story("numbers", "Budget 2018-19", "The 2018-19 budget passed."),
    ];
    let ix = indexed(&a);
    // "antisemitism" found nothing: the story writes it with a hyphen.
    let hits = search_common::hits(&a, &ix, "antisemitism");
    let got: Vec<&str> = hits.iter().map(|h| a[h.article].id.as_str()).collect();
    assert_eq!(got, ["hyphenated"]);
    // Where it matched is the hyphenated word.
    let m = &hits[0].matches[0];
    assert_eq!(search_common::marked(&m.text, &m.ranges), "anti-Semitism");
    // Each compound is its own word ("anti-war": antiwar), never one of the next word; numbers
    // are not joined.
    assert_eq!(ids(&a, &ix, "antiwar"), ["parts"]);
    assert!(ids(&a, &ix, "201819").is_empty());
    // Typed with its hyphen, as before: both words.
    assert_eq!(
        ids(&a, &ix, "anti-semitism").first().map(String::as_str),
        Some("hyphenated")
    );
}
