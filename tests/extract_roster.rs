//! Linking extracted people to the roster: name forms, titles, party-state tags and the story's date; merging
//! linked people across a corpus; bills' congress.gov pages and linked sponsors; the rules of issue 12's
//! generalization pass (long given forms, old titled members, past senators who were Representatives, leaders
//! named by surname). Sentences written for the tests.

use chrono::NaiveDate;
use cloakroom::Article;
use cloakroom::extract::{EntityIndex, StoryPerson, extract_text};

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

#[test]
fn nicknames_and_official_names_link() {
    let body = "Senate Minority Leader Chuck Schumer said the vote would fail. Sen. Thom Tillis disagreed.";
    let schumer = person(body, d(2019, 5, 2), "Chuck Schumer");
    assert_eq!(schumer.bioguide.as_deref(), Some("S000148"));
    assert_eq!(schumer.role.as_deref(), Some("Senate Minority Leader"));
    assert_eq!(
        (
            schumer.party.as_deref(),
            schumer.state.as_deref(),
            schumer.chamber.as_deref()
        ),
        (Some("D"), Some("New York"), Some("Senate"))
    );
    let tillis = person(body, d(2019, 5, 2), "Thom Tillis");
    assert_eq!(tillis.bioguide.as_deref(), Some("T000476"));
    assert_eq!(tillis.state.as_deref(), Some("North Carolina"));
}

#[test]
fn role_is_the_one_held_on_the_story_date() {
    let body =
        "House Minority Leader Nancy Pelosi spoke on Tuesday. Pelosi said the bill would pass.";
    let in_2020 = person(body, d(2020, 3, 10), "Nancy Pelosi");
    assert_eq!(in_2020.bioguide.as_deref(), Some("P000197"));
    assert_eq!(in_2020.role.as_deref(), Some("Speaker of the House"));
    let in_2017 = person(body, d(2017, 3, 10), "Nancy Pelosi");
    assert_eq!(in_2017.role.as_deref(), Some("House Minority Leader"));
}

#[test]
fn a_titled_surname_links_only_when_one_member_fits() {
    let lee = person("Sen. Lee objected to the request.", d(2019, 6, 4), "Lee");
    assert_eq!(lee.bioguide.as_deref(), Some("L000577"), "Mike Lee");
    let johnson = person(
        "Rep. Johnson objected to the request.",
        d(2019, 6, 4),
        "Johnson",
    );
    assert_eq!(
        johnson.bioguide, None,
        "several Representatives Johnson in 2019"
    );
    let brown = person(
        "Rep. Brown objected to the request.",
        d(2019, 6, 4),
        "Brown",
    );
    assert_eq!(
        brown.bioguide, None,
        "Anthony Brown sat, but past Representatives Brown may be meant"
    );
    let untitled = extract_text("", "Lee objected. Lee said so.", d(2019, 6, 4));
    assert!(
        untitled.people.iter().all(|p| p.bioguide.is_none()),
        "no title, no link"
    );
}

#[test]
fn party_state_tags_and_past_members() {
    let massie = person(
        "Rep. Thomas Massie (R-Ky.) introduced a bill.",
        None,
        "Thomas Massie",
    );
    assert_eq!(
        massie.bioguide.as_deref(),
        Some("M001184"),
        "undated, but only one fits"
    );
    let lewis = person(
        "Rep. John Lewis spoke at the rally.",
        d(2019, 8, 1),
        "John Lewis",
    );
    assert_eq!(
        lewis.bioguide.as_deref(),
        Some("L000287"),
        "not the John Lewises of the 1800s"
    );
    let wrong_state = person(
        "Rep. John Lewis (D-Ohio) spoke.",
        d(2019, 8, 1),
        "John Lewis",
    );
    assert_eq!(wrong_state.bioguide, None);
    let fdr = person(
        "Franklin Roosevelt's New Deal was cited.",
        d(2012, 8, 1),
        "Franklin Roosevelt",
    );
    assert_eq!(
        fdr.bioguide, None,
        "not his son, the congressman born in 1914"
    );
    let howard = person(
        "Prime Minister John Howard of Australia spoke.",
        d(2005, 8, 1),
        "John Howard",
    );
    assert_eq!(
        howard.bioguide, None,
        "not Rep. James John Howard: a middle name is no given name"
    );
    let cuomo = person("Gov. Andrew Cuomo spoke.", d(2019, 8, 1), "Andrew Cuomo");
    assert_eq!(cuomo.bioguide, None, "not in the roster");
    let biden = person(
        "Vice President Joe Biden spoke.",
        d(2014, 8, 1),
        "Joe Biden",
    );
    assert_eq!(biden.bioguide.as_deref(), Some("B000444"));
    assert_eq!(biden.role.as_deref(), Some("Vice President"));
}

fn article(id: &str, date: Option<NaiveDate>, body: &str) -> Article {
    Article {
        id: id.into(),
        title: String::new(),
        body: body.into(),
        date,
        ..Article::default()
    }
}

#[test]
fn linked_people_merge_across_stories_by_bioguide() {
    let arts = vec![
        article(
            "a",
            d(2019, 1, 10),
            "Senate Minority Leader Chuck Schumer spoke.",
        ),
        article("b", d(2019, 2, 10), "Sen. Charles Schumer (D-N.Y.) spoke."),
        article("c", None, "Chuck Schumer spoke to reporters."),
        article("d", d(2019, 2, 10), "Rep. Mike Rogers (R-Ala.) spoke."),
        article("e", d(2013, 2, 10), "Rep. Mike Rogers (R-Mich.) spoke."),
    ];
    let index = EntityIndex::build(&arts);
    let id = index.person_by_bioguide("S000148").expect("Schumer linked");
    let p = &index.people[id as usize];
    assert_eq!(p.articles, vec![0, 1, 2], "{p:?}");
    assert_eq!(p.chamber.as_deref(), Some("Senate"));
    let rogers: Vec<_> = index
        .people
        .iter()
        .filter(|p| p.name == "Mike Rogers")
        .collect();
    assert_eq!(
        rogers.len(),
        2,
        "two members named Mike Rogers stay apart: {rogers:?}"
    );
    assert!(
        rogers
            .iter()
            .any(|p| p.bioguide.as_deref() == Some("R000575"))
    );
}

#[test]
fn numbered_bills_get_their_page_and_sponsors_their_ids() {
    let body = "Rep. Thomas Massie (R-Ky.) introduced H.R. 6172 on Monday. The bill would end the program.";
    let got = extract_text("", body, d(2020, 3, 10));
    let bill = got
        .bills
        .iter()
        .find(|b| b.key == "hr6172-116")
        .expect("H.R. 6172");
    assert_eq!(
        bill.url.as_deref(),
        Some("https://www.congress.gov/bill/116th-congress/house-bill/6172")
    );
    assert_eq!(bill.sponsors, vec!["Thomas Massie".to_string()]);
    assert_eq!(bill.sponsor_ids, vec![Some("M001184".to_string())]);
    let undated = extract_text("", body, None);
    assert_eq!(undated.bills[0].url, None, "no Congress without a date");
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
    let got = extract_text("", body, d(2019, 3, 1));
    assert!(
        got.people
            .iter()
            .all(|p| p.name != "Tillis" || p.bioguide.is_none()),
        "{:?}",
        got.people
    );
}

#[test]
fn an_undated_story_links_only_on_its_own_words() {
    // Undated, as BBC stories are: a bare name, or a name with another office, is as often a namesake.
    let uk = "Shadow home secretary David Davis said the plans were flawed. Culture Secretary Chris Smith agreed.";
    assert_eq!(link(uk, None, "David Davis"), None);
    assert_eq!(link(uk, None, "Chris Smith"), None);
    // The same names dated inside the member's term still link by the roster's terms.
    let us = "David Davis said the plans were flawed.";
    assert_eq!(
        link(us, d(2008, 5, 1), "David Davis").as_deref(),
        Some("D000606")
    );
    // A title of Congress is evidence enough without a date.
    let titled = "Sen. John McCain said the plans were flawed.";
    assert_eq!(
        link(titled, None, "John McCain").as_deref(),
        Some("M000303")
    );
    // Except the presidency: undated, "President George Bush" may be either (the roster holds the father only).
    let bush = "President George Bush said the plans were flawed.";
    assert_eq!(link(bush, None, "George Bush"), None);
    assert_eq!(
        link(bush, d(1990, 5, 1), "George Bush").as_deref(),
        Some("B001166")
    );
}
