//! Roster linking rules of issue 12's generalization pass: long given forms, old titled members, past senators
//! who were Representatives, and leaders named by surname. Sentences written for the tests.

use chrono::NaiveDate;
use cloakroom::extract::{StoryPerson, extract_text};

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn person(body: &str, date: Option<NaiveDate>, name: &str) -> StoryPerson {
    let got = extract_text("", body, date);
    got.people
        .iter()
        .find(|p| p.name == name)
        .cloned()
        .unwrap_or_else(|| panic!("{name} not found in {:?}", got.people))
}

fn link(body: &str, date: Option<NaiveDate>, name: &str) -> Option<String> {
    person(body, date, name).bioguide
}

#[test]
fn a_long_form_of_a_members_short_name_needs_more_than_the_name() {
    // The roster knows Rep. Bob Gibbs only as "Bob": "Robert Gibbs" alone is as likely a namesake.
    let body = "Robert Gibbs, a former press secretary, said the race was close.";
    assert_eq!(link(body, d(2014, 5, 1), "Robert Gibbs"), None);
    let body = "Rep. Robert Gibbs (R-Ohio) said the race was close.";
    assert_eq!(
        link(body, d(2014, 5, 1), "Robert Gibbs").as_deref(),
        Some("G000563")
    );
    let body = "Bob Gibbs said the race was close.";
    assert_eq!(
        link(body, d(2014, 5, 1), "Bob Gibbs").as_deref(),
        Some("G000563")
    );
}

#[test]
fn an_old_member_links_when_titled_with_the_office() {
    let titled = "Rep. John Conyers (D-Mich.) said he would stay.";
    assert_eq!(
        link(titled, d(2017, 11, 30), "John Conyers").as_deref(),
        Some("C000714")
    );
    // Past 85 and untitled, a namesake is likelier.
    let bare = "John Conyers said he would stay.";
    assert_eq!(link(bare, d(2017, 11, 30), "John Conyers"), None);
}

#[test]
fn a_representative_may_be_a_past_member_whose_last_term_was_in_the_senate() {
    let body = "Republican Rep. Martha McSally said she would run.";
    assert_eq!(
        link(body, None, "Martha McSally").as_deref(),
        Some("M001197")
    );
}

#[test]
fn a_leader_is_named_by_surname_alone() {
    let body = "The vote was set for Tuesday. McConnell said the Senate would not wait.";
    assert_eq!(
        link(body, d(2019, 3, 1), "McConnell").as_deref(),
        Some("M000355")
    );
    // Before he led his party (2007), the surname alone links to no one.
    assert_eq!(link(body, d(2005, 3, 1), "McConnell"), None);
    // A member who leads nothing is not linked by surname alone.
    let body = "The vote was set for Tuesday. Pelosi and Tillis said the Senate would not wait.";
    assert_eq!(link(body, d(2019, 3, 1), "Tillis"), None);
}
