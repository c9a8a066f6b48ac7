//! The seed article: exactly its seven people and the bills it describes, with sponsors.

use cloakroom::Article;
use cloakroom::extract::{Field, StoryEntities, extract};

fn seed() -> Article {
    let raw = include_str!("fixtures/extract/seed.json");
    let v: serde_json::Value = serde_json::from_str(raw).expect("fixture is JSON");
    let a = &v[0];
    Article {
        id: a["id"].as_str().unwrap_or_default().to_string(),
        title: a["title"].as_str().unwrap_or_default().to_string(),
        body: a["body"].as_str().unwrap_or_default().to_string(),
        ..Article::default()
    }
}

fn entities() -> StoryEntities {
    extract(&seed())
}

#[test]
fn exactly_the_seven_people_with_roles_and_states() {
    let e = entities();
    let got: Vec<(&str, Option<&str>, Option<&str>)> = e
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.state.as_deref()))
        .collect();
    let want = [
        ("Thomas Massie", Some("Representative"), Some("Kentucky")),
        ("Anna Paulina Luna", Some("Representative"), Some("Florida")),
        ("Mike Lee", Some("Senator"), Some("Utah")),
        // The story names no state for these three: the undated story's roster links give their last term's.
        (
            "Roger Wicker",
            Some("Senate Armed Services Chair"),
            Some("Mississippi"),
        ),
        ("Michael Bennet", Some("Senator"), Some("Colorado")),
        ("Joni Ernst", Some("Senator"), Some("Iowa")),
        ("Trump", Some("President"), None),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for w in want {
        assert!(got.contains(&w), "missing {w:?} in {got:?}");
    }
}

#[test]
fn surnames_link_to_the_full_name() {
    let e = entities();
    let massie = e
        .people
        .iter()
        .find(|p| p.name == "Thomas Massie")
        .expect("Massie");
    assert_eq!(massie.aliases, ["Massie"]);
    // "Representative Thomas Massie", then Massie declared/argued/emphasized, Massie's, Massie noted.
    assert_eq!(massie.mentions.len(), 6);
    let trump = e.people.iter().find(|p| p.name == "Trump").expect("Trump");
    assert_eq!(trump.mentions.len(), 3);
}

#[test]
fn mentions_are_spans_of_the_name() {
    let a = seed();
    for p in entities().people {
        for m in &p.mentions {
            let text = match m.field {
                Field::Title => &a.title[m.start..m.end],
                Field::Body => &a.body[m.start..m.end],
            };
            assert!(
                text == p.name || p.aliases.iter().any(|x| x == text),
                "{text:?} for {}",
                p.name
            );
        }
    }
}

#[test]
fn the_bills_with_their_sponsors_and_the_companion_apart() {
    let e = entities();
    assert_eq!(e.bills.len(), 3, "{:?}", e.bills);
    let nato = e
        .bills
        .iter()
        .find(|b| b.label.starts_with("Bill") && b.label.contains("NATO"))
        .expect("the NATO withdrawal bill");
    assert!(
        nato.label
            .contains("withdrawing the United States from NATO"),
        "{}",
        nato.label
    );
    assert_eq!(nato.chamber.as_deref(), Some("House"));
    assert_eq!(nato.sponsors, ["Thomas Massie", "Anna Paulina Luna"]);
    assert!(nato.number.is_none() && nato.title.is_none());
    // "Senator Mike Lee of Utah introduced companion legislation in the Senate": its own bill, pointing at the
    // House bill.
    let companion = e
        .bills
        .iter()
        .find(|b| b.companion_of.is_some())
        .expect("the Senate companion");
    assert_eq!(companion.companion_of.as_deref(), Some(nato.key.as_str()));
    assert_eq!(companion.chamber.as_deref(), Some("Senate"));
    assert_eq!(companion.sponsors, ["Mike Lee"]);
    assert!(
        companion
            .label
            .starts_with("Senate companion to the bill aimed at withdrawing"),
        "{}",
        companion.label
    );
    assert_eq!(
        &seed().body[companion.mentions[0].start..companion.mentions[0].end],
        "companion legislation"
    );
    let air = e
        .bills
        .iter()
        .find(|b| b.label.contains("integrated air defense"))
        .expect("the air defense bill");
    assert_eq!(air.chamber.as_deref(), Some("Senate"));
    assert_eq!(air.sponsors, ["Michael Bennet", "Joni Ernst"]);
}

#[test]
fn nothing_else() {
    let e = entities();
    let all: Vec<&str> = e
        .people
        .iter()
        .map(|p| p.name.as_str())
        .chain(e.bills.iter().map(|b| b.label.as_str()))
        .collect();
    for not in [
        "NATO",
        "White House",
        "Soviet Union",
        "Cold War",
        "Security Investment Program",
        "Kentucky",
    ] {
        assert!(!all.contains(&not), "{not} found in {all:?}");
    }
}
