//! Tests of the entity card on a few extracted stories.

use chrono::NaiveDate;

use super::{EntityCard, EntityKind, EntityRef, Month};
use crate::corpus::Article;
use crate::extract::EntityIndex;

fn story(id: &str, date: Option<&str>, body: &str) -> Article {
    Article {
        id: id.into(),
        title: format!("Story {id}"),
        body: body.into(),
        date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date")),
        ..Article::default()
    }
}

fn corpus() -> Vec<Article> {
    vec![
        story(
            "a",
            Some("2019-01-10"),
            "Rep. Thomas Massie (R-Ky.) introduced H.R. 3684 with Sen. Mike Lee of Utah.",
        ),
        story(
            "b",
            Some("2019-01-20"),
            "Rep. Thomas Massie spoke. Sen. Mike Lee agreed. Massie said more.",
        ),
        story(
            "c",
            Some("2019-04-02"),
            "Rep. Thomas Massie and Speaker Nancy Pelosi argued over H.R. 3684.",
        ),
        story("d", None, "Rep. Thomas Massie said nothing new."),
        story(
            "e",
            Some("2019-02-01"),
            "Speaker Nancy Pelosi met Sen. Mike Lee.",
        ),
    ]
}

fn person(index: &EntityIndex, name: &str) -> EntityRef {
    EntityRef::Person(index.find_person(name).expect(name))
}

#[test]
fn a_person_card_counts_stories_mentions_dates_and_months() {
    let articles = corpus();
    let index = EntityIndex::build(&articles);
    let massie = person(&index, "Thomas Massie");
    let card = EntityCard::build(&index, &articles, massie, None).expect("card");
    assert_eq!(card.name, "Thomas Massie");
    assert_eq!(card.entity.kind(), EntityKind::Person);
    assert_eq!(card.stories, 4);
    assert_eq!(card.mentions, 5, "one in each story, two in b");
    assert_eq!(card.undated, 1);
    assert_eq!(card.first, NaiveDate::from_ymd_opt(2019, 1, 10));
    assert_eq!(card.last, NaiveDate::from_ymd_opt(2019, 4, 2));
    let months: Vec<(String, u32)> = card
        .timeline
        .iter()
        .map(|(m, n)| (m.to_string(), *n))
        .collect();
    assert_eq!(
        months,
        [
            ("2019-01".to_owned(), 2),
            ("2019-02".to_owned(), 0),
            ("2019-03".to_owned(), 0),
            ("2019-04".to_owned(), 1)
        ]
    );
    assert_eq!(card.role.as_deref(), Some("Representative"));
    assert_eq!(card.party_state().as_deref(), Some("R-Kentucky"));
}

#[test]
fn often_with_ranks_people_and_bills_by_shared_stories() {
    let articles = corpus();
    let index = EntityIndex::build(&articles);
    let massie = person(&index, "Thomas Massie");
    let card = EntityCard::build(&index, &articles, massie, None).expect("card");
    let often: Vec<(&str, usize, EntityKind)> = card
        .often_with
        .iter()
        .map(|c| (c.name.as_str(), c.stories, c.entity.kind()))
        .collect();
    assert_eq!(
        often,
        [
            ("H.R. 3684", 2, EntityKind::Bill),
            ("Mike Lee", 2, EntityKind::Person),
            ("Nancy Pelosi", 1, EntityKind::Person),
        ],
        "ties by name; Massie is not his own companion"
    );
}

#[test]
fn a_bill_card_has_its_number_chamber_and_sponsor() {
    let articles = corpus();
    let index = EntityIndex::build(&articles);
    let bill = EntityRef::Bill(index.find_bill("H.R. 3684").expect("bill"));
    let card = EntityCard::build(&index, &articles, bill, None).expect("card");
    assert_eq!(card.name, "H.R. 3684");
    assert_eq!(card.stories, 2);
    assert_eq!(card.record.chamber.as_deref(), Some("House"));
    assert!(
        card.detail
            .as_deref()
            .is_some_and(|d| d.contains("Thomas Massie")),
        "{:?}",
        card.detail
    );
    assert_eq!(card.often_with[0].name, "Thomas Massie");
    assert_eq!(card.often_with[0].stories, 2);
}

#[test]
fn an_unknown_id_has_no_card_and_an_undated_entity_no_timeline() {
    let articles = vec![story("x", None, "Sen. Mike Lee of Utah spoke.")];
    let index = EntityIndex::build(&articles);
    assert!(EntityCard::build(&index, &articles, EntityRef::Person(99), None).is_none());
    let card =
        EntityCard::build(&index, &articles, person(&index, "Mike Lee"), None).expect("card");
    assert!(card.timeline.is_empty() && card.first.is_none());
    assert_eq!(card.undated, 1);
    assert_eq!(card.buckets(10), (Vec::new(), 1));
}

#[test]
fn buckets_merge_whole_months_to_fit_the_columns() {
    let articles = corpus();
    let index = EntityIndex::build(&articles);
    let card =
        EntityCard::build(&index, &articles, person(&index, "Thomas Massie"), None).expect("card");
    assert_eq!(card.buckets(10), (vec![2, 0, 0, 1], 1));
    assert_eq!(card.buckets(2), (vec![2, 1], 2));
    assert_eq!(
        card.buckets(3),
        (vec![2, 1], 2),
        "4 months in 3 columns: 2 a column"
    );
    assert_eq!(card.buckets(1), (vec![3], 4));
}

#[test]
fn months_cross_years() {
    let m = Month::from_ordinal(
        Month::of(NaiveDate::from_ymd_opt(2019, 12, 5).expect("d")).ordinal() + 1,
    );
    assert_eq!(m.to_string(), "2020-01");
}

#[test]
fn a_linked_person_has_the_role_of_the_story_date_and_years_served() {
    let articles = vec![
        story(
            "old",
            Some("2012-06-01"),
            "House Minority Leader Nancy Pelosi (D-Calif.) spoke on the floor.",
        ),
        story(
            "new",
            Some("2020-02-01"),
            "Speaker Nancy Pelosi (D-Calif.) spoke. H.R. 6172 passed.",
        ),
    ];
    let index = EntityIndex::build(&articles);
    let pelosi = person(&index, "Nancy Pelosi");
    let as_of = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let then = EntityCard::build(&index, &articles, pelosi, as_of("2012-06-01")).expect("card");
    let now = EntityCard::build(&index, &articles, pelosi, as_of("2020-02-01")).expect("card");
    assert_eq!(then.record.bioguide.as_deref(), Some("P000197"));
    assert_eq!(now.role.as_deref(), Some("Speaker of the House"));
    assert_ne!(then.role, now.role, "{:?}", then.role);
    assert_eq!(now.party_state().as_deref(), Some("D-California"));
    assert_eq!(now.record.chamber.as_deref(), Some("House"));
    assert_eq!(now.record.served.as_deref(), Some("House 1987–"));
    assert_eq!(
        now.record_line().as_deref(),
        Some("House 1987– · bioguide P000197")
    );
    let last = EntityCard::build(&index, &articles, pelosi, None).expect("card");
    assert_eq!(last.role, now.role, "no date: as of the last story");

    let bill = EntityRef::Bill(index.find_bill("H.R. 6172").expect("bill"));
    let card = EntityCard::build(&index, &articles, bill, None).expect("card");
    assert_eq!(
        card.record.url.as_ref().map(crate::corpus::SafeUrl::as_str),
        Some("https://www.congress.gov/bill/116th-congress/house-bill/6172")
    );
}

#[test]
fn the_flat_index_gives_the_same_cards() {
    let articles = corpus();
    let index = EntityIndex::build(&articles);
    let flat = super::CardIndex::build(&index, &articles);
    assert!(flat.fits(&index));
    let every = (0..index.people.len() as u32)
        .map(EntityRef::Person)
        .chain((0..index.bills.len() as u32).map(EntityRef::Bill));
    for e in every {
        let date = NaiveDate::from_ymd_opt(2019, 2, 1);
        assert_eq!(
            EntityCard::build_with(&index, &articles, Some(&flat), e, date),
            EntityCard::build(&index, &articles, e, date),
            "{e:?}"
        );
    }
    let other = EntityIndex::build(&articles[..2]);
    assert!(!flat.fits(&other), "a copy of another index is not used");
}

#[test]
fn out_of_office_on_the_story_date_is_former() {
    let articles = vec![
        story(
            "vp",
            Some("2014-05-01"),
            "Vice President Joe Biden (D-Del.) spoke.",
        ),
        story(
            "run",
            Some("2020-03-01"),
            "Former Vice President Joe Biden campaigned.",
        ),
    ];
    let index = EntityIndex::build(&articles);
    let biden = person(&index, "Joe Biden");
    let as_of = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let then = EntityCard::build(&index, &articles, biden, as_of("2014-05-01")).expect("card");
    let out = EntityCard::build(&index, &articles, biden, as_of("2020-03-01")).expect("card");
    assert_eq!(then.record.bioguide.as_deref(), Some("B000444"));
    assert_eq!(then.role.as_deref(), Some("Vice President"));
    assert_eq!(out.role.as_deref(), Some("former Vice President"));
    assert_eq!(out.party.as_deref(), Some("D"));
}
