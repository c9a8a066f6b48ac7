//! Search on a small fixture: typos, bill numbers, named acts, qualifiers, exclusions, dates,
//! ranking and the reasons given for each hit (phrases: `search_phrase_words.rs`).

mod search_common;

use cloakroom::search::MatchField;
use search_common::{fixture, hits, ids, indexed, marked, story};

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn misspelled_name_finds_the_person_entity_first() {
    let (a, ix) = fixture();
    // The person's stories (Massie in the title first), then the story that has the word only
    // in its body; "massive" is not plausibly "masie" (two letters longer) and does not match.
    assert_eq!(
        ids(&a, &ix, "masie"),
        ["massie-nato", "farm-bill", "kentucky-roundup"]
    );
}

#[test]
fn misspelled_name_says_which_person() {
    let (a, ix) = fixture();
    let h = hits(&a, &ix, "wickr");
    assert_eq!(a[h[0].article].id, "wicker-defense");
    let m = &h[0].matches[0];
    assert_eq!(m.field, MatchField::Person);
    assert_eq!(m.text, "Roger Wicker");
    assert_eq!(marked(&m.text, &m.ranges), "Wick|r");
}

#[test]
fn a_wrong_letter_is_forgiven() {
    let (a, ix) = fixture();
    assert_eq!(
        ids(&a, &ix, "massei").first().map(String::as_str),
        Some("massie-nato")
    );
    assert_eq!(ids(&a, &ix, "pelosy"), ["pelosi-speaks"]);
    // The typo reaches the person too, not only the word.
    let h = hits(&a, &ix, "pelosy");
    assert_eq!(h[0].matches[0].field, MatchField::Person);
    assert_eq!(h[0].matches[0].text, "Nancy Pelosi");
}

#[test]
fn one_letter_too_many_beats_a_longer_word_that_contains_the_letters() {
    let a = vec![
        story(
            "think-tank",
            "A think tank report",
            "It shaped Blairite Third Way politics.",
        ),
        story(
            "blair",
            "Blair rejects the offer",
            "The prime minister spoke.",
        ),
    ];
    let ix = cloakroom::search::SearchIndex::build(&a, &cloakroom::extract::EntityIndex::default());
    let query = cloakroom::search::parse("blaire").expect("valid");
    let found: Vec<&str> = ix
        .search(&a, &query, 10)
        .iter()
        .map(|h| a[h.article].id.as_str())
        .collect();
    assert_eq!(found, ["blair", "think-tank"]);
}

#[test]
fn bill_number_in_every_spelling() {
    let (a, ix) = fixture();
    for q in [
        "hr1234",
        "HR1234",
        "HR 1234",
        "H.R.1234",
        "H.R. 1234",
        "h. r. 1234",
        "\"H.R. 1234\"",
        "bill:hr1234",
    ] {
        assert_eq!(
            sorted(ids(&a, &ix, q)),
            ["budget-stall", "massie-nato"],
            "query {q:?}"
        );
    }
    assert_eq!(ids(&a, &ix, "s744"), ["senate-744"]);
    assert_eq!(ids(&a, &ix, "S. 744"), ["senate-744"]);
}

#[test]
fn bill_number_match_is_explained() {
    let (a, ix) = fixture();
    let h = hits(&a, &ix, "hr 1234");
    let of = |id: &str| h.iter().find(|h| a[h.article].id == id).expect(id);
    assert_eq!(of("massie-nato").matches[0].field, MatchField::Bill);
    assert_eq!(of("massie-nato").matches[0].text, "H.R. 1234");
    let body = &of("budget-stall").matches[0];
    assert_eq!(body.field, MatchField::Body);
    assert_eq!(marked(&body.text, &body.ranges), "HR 1234");
}

#[test]
fn half_typed_bill_number_finds_longer_numbers() {
    let (a, ix) = fixture();
    assert_eq!(
        sorted(ids(&a, &ix, "hr 12")),
        ["budget-stall", "massie-nato"]
    );
    assert!(ids(&a, &ix, "hr 9").is_empty());
}

#[test]
fn named_act_and_alias() {
    let (a, ix) = fixture();
    let h = hits(&a, &ix, "patriot act");
    assert_eq!(a[h[0].article].id, "patriot-renewal");
    assert_eq!(h[0].matches[0].field, MatchField::Bill);
    assert_eq!(ids(&a, &ix, "obamacare"), ["repeal-push"]);
    assert_eq!(ids(&a, &ix, "hunting act"), ["hunting-vote"]);
}

#[test]
fn qualifiers_restrict_the_field() {
    let (a, ix) = fixture();
    assert_eq!(
        sorted(ids(&a, &ix, "person:masie")),
        ["farm-bill", "massie-nato"]
    );
    assert_eq!(ids(&a, &ix, "source:reuters"), ["wicker-defense"]);
    assert_eq!(ids(&a, &ix, "bill:patriot"), ["patriot-renewal"]);
    assert_eq!(ids(&a, &ix, "person:\"nancy pelosi\""), ["pelosi-speaks"]);
    // Three titles with NATO once: the shorter titles first, then the newer.
    assert_eq!(
        ids(&a, &ix, "title:nato"),
        ["nato-summit-ends", "nato-summit-begins", "massie-nato"]
    );
    assert!(ids(&a, &ix, "title:wicker").is_empty());
}

#[test]
fn source_match_is_explained() {
    let (a, ix) = fixture();
    let h = hits(&a, &ix, "source:hill");
    assert_eq!(a[h[0].article].id, "massie-nato");
    assert_eq!(h[0].matches[0].field, MatchField::Source);
    assert_eq!(
        marked(&h[0].matches[0].text, &h[0].matches[0].ranges),
        "Hill"
    );
}

#[test]
fn exclusions() {
    let (a, ix) = fixture();
    assert_eq!(
        ids(&a, &ix, "nato -massie"),
        ["nato-summit-ends", "nato-summit-begins"]
    );
    assert_eq!(ids(&a, &ix, "nato -source:bbc"), ["massie-nato"]);
    assert!(ids(&a, &ix, "summit -summit").is_empty());
}

#[test]
fn date_bounds() {
    let (a, ix) = fixture();
    assert_eq!(ids(&a, &ix, "nato after:2025-06-05"), ["nato-summit-ends"]);
    assert_eq!(
        ids(&a, &ix, "title:nato before:2025-06-05"),
        ["nato-summit-begins", "massie-nato"]
    );
    // Only a date: every dated story in range, newest first; an undated story may be in the
    // range or not, so it follows them (fewer than ten are in range here).
    assert_eq!(
        ids(&a, &ix, "after:2025-06-01"),
        [
            "massive-deal",
            "kentucky-roundup",
            "nato-summit-ends",
            "massie-nato",
            "nato-summit-begins",
            "hunting-vote"
        ]
    );
    // Ten or more dated stories in range: the undated one is not listed.
    assert!(!ids(&a, &ix, "after:2000").contains(&"hunting-vote".to_string()));
    // A dated story out of range is never listed.
    assert!(!ids(&a, &ix, "after:2025-06-05").contains(&"massie-nato".to_string()));
}

#[test]
fn undated_stories_follow_only_when_few_dated_ones_are_in_range() {
    let story = |id: &str, date: Option<&str>| cloakroom::Article {
        id: id.into(),
        title: format!("Senate budget talks {id}"),
        body: "Senators met on the budget.".into(),
        date: date.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date")),
        ..cloakroom::Article::default()
    };
    let mut a: Vec<cloakroom::Article> = (0..12)
        .map(|i| {
            story(
                &format!("dated-{i}"),
                Some(&format!("2019-01-{:02}", i + 1)),
            )
        })
        .collect();
    a.push(story("undated", None));
    let entities = cloakroom::extract::EntityIndex::build(&a);
    let ix = cloakroom::search::SearchIndex::build(&a, &entities);
    let q = cloakroom::search::parse("budget after:2018-01-01").expect("parses");
    let many: Vec<String> = ix
        .search(&a, &q, 20)
        .iter()
        .map(|h| a[h.article].id.clone())
        .collect();
    assert_eq!(
        many.len(),
        12,
        "twelve dated stories in range: no undated one follows"
    );
    let q = cloakroom::search::parse("budget after:2019-01-08").expect("parses");
    let few: Vec<String> = ix
        .search(&a, &q, 20)
        .iter()
        .map(|h| a[h.article].id.clone())
        .collect();
    assert_eq!(few.len(), 6, "{few:?}");
    assert_eq!(few.last().map(String::as_str), Some("undated"), "{few:?}");
}

#[test]
fn no_results() {
    let (a, ix) = fixture();
    assert!(ids(&a, &ix, "zqxjvw").is_empty());
    assert!(ids(&a, &ix, "massie after:2030-01-01").is_empty());
    assert!(ids(&a, &ix, "").is_empty());
}

#[test]
fn ranking_title_before_body_and_newer_first() {
    let (a, ix) = fixture();
    // "summit" is in two titles (newer first) and nowhere else.
    assert_eq!(
        ids(&a, &ix, "summit"),
        ["nato-summit-ends", "nato-summit-begins"]
    );
    // "senate": in the title of one story, in the bodies of others.
    let got = ids(&a, &ix, "senate");
    assert_eq!(got[0], "wicker-defense");
    let h = hits(&a, &ix, "senate");
    assert!(h[0].score > h[1].score);
    assert_eq!(h[1].matches[0].field, MatchField::Body);
}

#[test]
fn several_words_must_all_match() {
    let (a, ix) = fixture();
    // A name and a word: the story with both first; Massie's other story (linked to him)
    // follows only because fewer than ten have both, and no story of "nato" alone.
    assert_eq!(ids(&a, &ix, "massie nato"), ["massie-nato", "farm-bill"]);
    assert_eq!(
        ids(&a, &ix, "summit nato"),
        ["nato-summit-ends", "nato-summit-begins"]
    );
    // The farm bill story names only "Massie", linked to Thomas Massie by extraction.
    assert_eq!(ids(&a, &ix, "thomas massie"), ["massie-nato", "farm-bill"]);
    let h = hits(&a, &ix, "summit hague");
    assert_eq!(h.len(), 2);
    let fields: Vec<MatchField> = h[0].matches.iter().map(|m| m.field).collect();
    assert_eq!(fields, [MatchField::Title, MatchField::Body]);
}

#[test]
fn body_excerpt_ranges_point_into_the_excerpt() {
    let (a, ix) = fixture();
    let h = hits(&a, &ix, "ranch");
    assert_eq!(a[h[0].article].id, "kentucky-roundup");
    let m = &h[0].matches[0];
    assert_eq!(m.field, MatchField::Body);
    assert_eq!(marked(&m.text, &m.ranges), "ranch");
    assert!(m.text.chars().count() <= 160);
}

#[test]
fn limit_cuts_the_list() {
    let (a, ix) = fixture();
    let q = cloakroom::search::parse("after:2000").expect("parses");
    assert_eq!(ix.search(&a, &q, 3).len(), 3);
    assert!(ix.search(&a, &q, 0).is_empty());
}

#[test]
fn a_hyphenated_word_in_a_qualifier_matches_the_name_s_words() {
    let a = vec![
        story(
            "survivors",
            "Senate vote on abortion survivors",
            "Sen. Ben Sasse asked for consent to pass the Born-Alive Abortion Survivors \
             Protection Act, and Democrats objected.",
        ),
        story(
            "infants",
            "An older law",
            "The Born Alive Infants Protection Act was signed in 2002.",
        ),
        story(
            "other",
            "Farm bill",
            "The Agriculture Improvement Act passed the House on Thursday.",
        ),
    ];
    let entities = cloakroom::extract::EntityIndex::build(&a);
    assert_eq!(entities.bills.len(), 3, "{:?}", entities.bills);
    let ix = indexed(&a);
    let found = |q: &str| sorted(ids(&a, &ix, q));
    // The name's words in a row, joined by a hyphen or a space, on either side.
    assert_eq!(found("bill:\"born-alive\""), ["infants", "survivors"]);
    assert_eq!(found("bill:born-alive"), ["infants", "survivors"]);
    assert_eq!(found("bill:\"born alive\""), ["infants", "survivors"]);
    assert!(found("bill:\"alive-born\"").is_empty());
}

#[test]
fn a_place_finds_its_peoples_word_and_back() {
    let story = |id: &str, title: &str| cloakroom::Article {
        id: id.into(),
        title: title.into(),
        body: "The assembly met on Tuesday.".into(),
        ..cloakroom::Article::default()
    };
    let a = vec![
        story("welsh", "Hospital suspends 'no Welsh' plan"),
        story("wales", "Thousands join strike in Wales"),
        story("other", "Budget talks stall"),
    ];
    let ix = indexed(&a);
    let found = |q: &str| ids(&a, &ix, q);
    // The place's own word first, its people's word after; and the other way round.
    assert_eq!(found("title:wales"), ["wales", "welsh"]);
    assert_eq!(found("welsh"), ["welsh", "wales"]);
}

#[test]
fn a_bill_number_written_out_is_found_by_either_reading() {
    let story = |id: &str, body: &str| cloakroom::Article {
        id: id.into(),
        title: format!("Health plans {id}"),
        body: body.into(),
        ..cloakroom::Article::default()
    };
    let a = vec![
        story(
            "written",
            "Is there legislation? Yes, Senate Bill 1016, from Sen. Ben Sasse.",
        ),
        story("federal", "The Senate passed S. 1016 on Tuesday."),
        story("texas", "Texas lawmakers passed SB 8 in May."),
    ];
    let ix = indexed(&a);
    let found = |q: &str| ids(&a, &ix, q);
    // "Senate Bill 1016" may be S. 1016 or a state senate's SB 1016: either reading finds it.
    assert_eq!(found("S. 1016"), ["federal", "written"]);
    assert_eq!(sorted(found("sb 1016")), ["federal", "written"]);
    // A state bill's number is a bill number too.
    assert_eq!(found("sb 8"), ["texas"]);
}
