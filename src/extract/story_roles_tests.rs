//! Tests of who a person is in one story, on sentences written for them.

use chrono::NaiveDate;

use super::*;
use crate::extract::extract_text;

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Three stories about an unlinked minister: in office, out of it, and named without a title.
const STORIES: [(&str, &str); 3] = [
    (
        "2004-03-01",
        "Home Secretary David Blunkett said the identity cards bill would be brought back. \
         Mr Blunkett told MPs that the cards were needed.",
    ),
    (
        "2005-04-01",
        "The former Home Secretary David Blunkett said the election would be called on Monday. \
         Mr Blunkett was speaking in Sheffield.",
    ),
    (
        "2005-05-01",
        "Labour sources said Mr Blunkett would return to the cabinet. David Blunkett declined to comment.",
    ),
];

fn corpus() -> (Vec<StoryEntities>, EntityIndex) {
    let stories: Vec<StoryEntities> = STORIES
        .iter()
        .map(|(date, body)| extract_text("", body, day(date)))
        .collect();
    let index = EntityIndex::from_stories(&stories);
    (stories, index)
}

fn role_in(index: &EntityIndex, stories: &[StoryEntities], article: usize) -> Option<String> {
    let (date, body) = STORIES[article];
    people_in_story(index, article, day(date), Some(&stories[article]), body)
        .find(|(_, p, _, _)| p.name == "David Blunkett")
        .and_then(|(_, _, _, who)| who.role)
}

#[test]
fn an_unlinked_ministers_role_is_the_one_each_story_gives() {
    let (stories, index) = corpus();
    let blunkett = index.find_person("David Blunkett").expect("found");
    let person = &index.people[blunkett as usize];
    assert!(
        person.bioguide.is_none(),
        "a UK minister is not in the roster"
    );
    assert_eq!(
        person.role.as_deref(),
        Some("Home Secretary"),
        "corpus vote"
    );
    assert_eq!(
        role_in(&index, &stories, 0).as_deref(),
        Some("Home Secretary")
    );
    assert_eq!(
        role_in(&index, &stories, 1).as_deref(),
        Some("former Home Secretary")
    );
    // No title in the story: the corpus vote.
    assert_eq!(
        role_in(&index, &stories, 2).as_deref(),
        Some("Home Secretary")
    );
}

#[test]
fn without_the_storys_words_the_corpus_vote_shows() {
    let (_, index) = corpus();
    let (date, body) = STORIES[1];
    let who = people_in_story(&index, 1, day(date), None, body)
        .find(|(_, p, _, _)| p.name == "David Blunkett")
        .map(|(_, _, _, who)| who)
        .expect("in story 1");
    assert_eq!(who.role.as_deref(), Some("Home Secretary"));
}

#[test]
fn a_linked_member_keeps_the_rosters_facts_whatever_the_story_says() {
    let body = "Former Senator Mitch McConnell of Kentucky spoke on the floor.";
    let own = extract_text("", body, day("2019-03-01"));
    let index = EntityIndex::from_stories(std::slice::from_ref(&own));
    let (_, p, _, who) = people_in_story(&index, 0, day("2019-03-01"), Some(&own), body)
        .find(|(_, p, _, _)| p.name == "Mitch McConnell")
        .expect("found");
    assert!(p.bioguide.is_some(), "linked");
    assert_ne!(who.role.as_deref(), Some("former Senator"));
    assert_eq!(who.party.as_deref(), Some("R"));
}

#[test]
fn the_storys_party_and_state_replace_the_vote() {
    let first = "Labour MP Jane Ackroyd of Leeds said the plan would fail.";
    let second = "Conservative MP Jane Ackroyd welcomed the plan.";
    let stories = vec![
        extract_text("", first, day("2004-01-01")),
        extract_text("", first, day("2004-01-02")),
        extract_text("", second, day("2005-01-01")),
    ];
    let index = EntityIndex::from_stories(&stories);
    let party = |article: usize, body: &str| {
        people_in_story(&index, article, None, Some(&stories[article]), body)
            .find(|(_, p, _, _)| p.name == "Jane Ackroyd")
            .and_then(|(_, _, _, who)| who.party)
    };
    assert_eq!(
        index.people[0].party.as_deref(),
        Some("Labour"),
        "corpus vote"
    );
    assert_eq!(party(0, first).as_deref(), Some("Labour"));
    assert_eq!(party(2, second).as_deref(), Some("Conservative"));
}

#[test]
fn a_title_before_a_name_and_its_qualifier() {
    assert_eq!(
        title_before("the former Home Secretary ", "Secretary"),
        Some("the former")
    );
    assert_eq!(
        title_before("said Ex-Home Secretary ", "Secretary"),
        Some("said Ex-")
    );
    assert_eq!(title_before("then-Governor ", "Governor"), Some("then-"));
    assert_eq!(
        title_before("Former Prime Minister ", "Minister"),
        Some("Former")
    );
    assert_eq!(title_before("Home Secretary ", "Secretary"), Some(""));
    assert_eq!(title_before("the home secretary, ", "Secretary"), None);
    assert_eq!(title_before("Undersecretary ", "Secretary"), None);
    assert!(is_former("the former"));
    assert!(is_former("said Ex-"));
    assert!(!is_former("Shadow"));
    assert!(!is_former(""));
}

#[test]
fn a_title_after_a_name() {
    assert_eq!(
        title_after(", the former home secretary, said", "Secretary"),
        Some(true)
    );
    assert_eq!(
        title_after(", ex-foreign secretary.", "Secretary"),
        Some(true)
    );
    assert_eq!(
        title_after(", the Home Secretary, said", "Secretary"),
        Some(false)
    );
    assert_eq!(title_after(" said the home secretary", "Secretary"), None);
    assert_eq!(
        title_after(", who met the secretary", "Secretary"),
        Some(false)
    );
}

#[test]
fn a_past_title_is_shown_as_the_story_writes_it() {
    let body = "Ex-Home Secretary David Blunkett gave fresh clues about the election date.";
    let own = extract_text("", body, None);
    let p = own
        .people
        .iter()
        .find(|p| p.name == "David Blunkett")
        .expect("found");
    let role = p.role.clone().expect("a role");
    assert_eq!(qualified_role(body, p, &role), "former Home Secretary");
}

#[test]
fn a_former_title_on_some_mentions_only_is_not_former() {
    let body =
        "Home Secretary David Blunkett spoke. Later the former Home Secretary David Blunkett left.";
    let own = extract_text("", body, None);
    let p = own
        .people
        .iter()
        .find(|p| p.name == "David Blunkett")
        .expect("found");
    let role = p.role.clone().expect("a role");
    assert_eq!(qualified_role(body, p, &role), role);
}

#[test]
fn slim_words_give_the_same_roles() {
    let (stories, index) = corpus();
    for (article, (date, body)) in STORIES.iter().enumerate() {
        let words = own_words(&stories[article], body);
        assert!(words.people.iter().all(|p| p.mentions.len() == 1));
        let full: Vec<AsOf> =
            people_in_story(&index, article, day(date), Some(&stories[article]), body)
                .map(|(.., who)| who)
                .collect();
        let slim: Vec<AsOf> = people_in_story(&index, article, day(date), Some(&words), body)
            .map(|(.., who)| who)
            .collect();
        assert_eq!(full, slim, "story {article}");
    }
}
