//! People rules, one sentence at a time: titles, surname forms, party and state, linking, exclusions.

use cloakroom::extract::{StoryPerson, extract_text};

fn people(body: &str) -> Vec<StoryPerson> {
    extract_text("", body, None).people
}

fn names(body: &str) -> Vec<String> {
    people(body).into_iter().map(|p| p.name).collect()
}

fn one(body: &str) -> StoryPerson {
    let p = people(body);
    assert_eq!(p.len(), 1, "{body}: {p:?}");
    p.into_iter().next().unwrap_or_default()
}

#[test]
fn titles_are_not_part_of_the_name() {
    for (text, name, role) in [
        (
            "Rep. Jim Jordan said so.",
            "Jim Jordan",
            Some("Representative"),
        ),
        (
            "Representative Thomas Massie of Kentucky said so.",
            "Thomas Massie",
            Some("Representative"),
        ),
        (
            "Congresswoman Ilhan Omar said so.",
            "Ilhan Omar",
            Some("Representative"),
        ),
        (
            "Sen. Mitch McConnell said so.",
            "Mitch McConnell",
            Some("Senator"),
        ),
        ("Senator Mike Lee said so.", "Mike Lee", Some("Senator")),
        (
            "Speaker Nancy Pelosi said so.",
            "Nancy Pelosi",
            Some("Speaker"),
        ),
        (
            "Vice President Mike Pence said so.",
            "Mike Pence",
            Some("Vice President"),
        ),
        (
            "Gov. Andrew Cuomo said so.",
            "Andrew Cuomo",
            Some("Governor"),
        ),
        (
            "Attorney General William Barr said so.",
            "William Barr",
            Some("Attorney General"),
        ),
        (
            "Senate Majority Leader Mitch McConnell said so.",
            "Mitch McConnell",
            Some("Senate Majority Leader"),
        ),
        (
            "Mayor Bill de Blasio said so.",
            "Bill de Blasio",
            Some("Mayor"),
        ),
        (
            "Justice Brett Kavanaugh said so.",
            "Brett Kavanaugh",
            Some("Justice"),
        ),
        (
            "Prime Minister Tony Blair said so.",
            "Tony Blair",
            Some("Prime Minister"),
        ),
        (
            "Home Secretary David Blunkett said so.",
            "David Blunkett",
            Some("Home Secretary"),
        ),
        (
            "Chancellor Gordon Brown said so.",
            "Gordon Brown",
            Some("Chancellor"),
        ),
        (
            "Sir Menzies Campbell said so.",
            "Menzies Campbell",
            Some("Sir"),
        ),
        ("Lord Falconer said so.", "Falconer", Some("Lord")),
        ("Mr Blair said so.", "Blair", None),
        ("Mrs. Clinton said so.", "Clinton", None),
        ("Dr Fox said so.", "Fox", None),
    ] {
        let p = one(text);
        assert_eq!((p.name.as_str(), p.role.as_deref()), (name, role), "{text}");
    }
}

#[test]
fn surname_forms() {
    for (text, name) in [
        ("Sen. Chris Van Hollen spoke.", "Chris Van Hollen"),
        ("Rep. Beto O'Rourke spoke.", "Beto O'Rourke"),
        (
            "Rep. Alexandria Ocasio-Cortez spoke.",
            "Alexandria Ocasio-Cortez",
        ),
        ("Sen. Robert P. Casey Jr. spoke.", "Robert P. Casey Jr."),
        ("Rep. Henry Cuellar III spoke.", "Henry Cuellar III"),
        ("Mayor Bill de Blasio spoke.", "Bill de Blasio"),
    ] {
        assert_eq!(names(text), [name], "{text}");
    }
}

#[test]
fn party_and_state_forms() {
    for (text, party, state) in [
        ("Sen. Rand Paul (R-Ky.) spoke.", Some("R"), Some("Kentucky")),
        (
            "said Sen. Rand Paul, R-Ky., on Monday.",
            Some("R"),
            Some("Kentucky"),
        ),
        (
            "Rep. Jerry Nadler (D-NY) spoke.",
            Some("D"),
            Some("New York"),
        ),
        ("Sen. Mike Lee (R-Utah) spoke.", Some("R"), Some("Utah")),
        (
            "Sen. Chuck Schumer (D-N.Y.) spoke.",
            Some("D"),
            Some("New York"),
        ),
        (
            "Rep. Adam Kinzinger (R., Ill.) spoke.",
            Some("R"),
            Some("Illinois"),
        ),
        (
            "Ted Cruz, a Republican from Texas, spoke.",
            Some("R"),
            Some("Texas"),
        ),
        (
            // The story gives no party; the roster link does.
            "Representative Thomas Massie of Kentucky spoke.",
            Some("R"),
            Some("Kentucky"),
        ),
        ("The Labour MP Kate Hoey spoke.", Some("Labour"), None),
        ("Texas Republican Ted Cruz spoke.", Some("R"), Some("Texas")),
    ] {
        let p = one(text);
        assert_eq!(
            (p.party.as_deref(), p.state.as_deref()),
            (party, state),
            "{text}"
        );
    }
}

#[test]
fn surnames_link_within_the_story() {
    let p = one("Rep. Thomas Massie spoke. Later, Massie left. Massie’s aides stayed.");
    assert_eq!(p.name, "Thomas Massie");
    assert_eq!(p.mentions.len(), 3);
    let p = one("President Trump spoke. Donald Trump then left.");
    assert_eq!(p.name, "Donald Trump");
    assert_eq!(p.mentions.len(), 2);
}

#[test]
fn a_surname_alone_needs_evidence() {
    assert!(names("Massie argued that the plan failed.").is_empty());
}

#[test]
fn untitled_names_need_a_given_name_or_a_link() {
    assert_eq!(
        names("House Speaker Paul Ryan said it. Paul Ryan left."),
        ["Paul Ryan"]
    );
    assert_eq!(names("Paul Ryan said it."), ["Paul Ryan"]);
    assert!(names("Armed Services met. Planned Parenthood said it.").is_empty());
    assert_eq!(
        names("Secretary Nielsen spoke. Kirstjen Nielsen left."),
        ["Kirstjen Nielsen"]
    );
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let n = names("Sen. Rand Paul spoke, and Rep. Ron Paul answered.");
    assert_eq!(n, ["Rand Paul", "Ron Paul"]);
}

#[test]
fn lists_after_plural_titles() {
    let p = people("Sens. Chuck Schumer (D-N.Y.) and Dick Durbin (D-Ill.) spoke.");
    let n: Vec<_> = p
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.state.as_deref()))
        .collect();
    assert_eq!(
        n,
        [
            ("Chuck Schumer", Some("Senator"), Some("New York")),
            ("Dick Durbin", Some("Senator"), Some("Illinois"))
        ]
    );
}

#[test]
fn not_people() {
    for text in [
        "The White House said nothing.",
        "The Soviet Union collapsed after the Cold War.",
        "Senate Armed Services met on Monday.",
        "The Dodd-Frank Act was passed.",
        "He flew into Reagan National Airport.",
        "The Kennedy Center Honors aired.",
        "On Wednesday, the Republican Party met.",
        "American and European officials met in Washington.",
        "In May, the House voted.",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
}

#[test]
fn names_in_the_title_link_to_the_body() {
    let e = extract_text(
        "Massie Proposes NATO Exit",
        "Rep. Thomas Massie filed it.",
        None,
    );
    assert_eq!(e.people.len(), 1);
    let title_mentions = e.people[0]
        .mentions
        .iter()
        .filter(|m| m.field == cloakroom::extract::Field::Title)
        .count();
    assert_eq!(title_mentions, 1);
    // Capitalized headline words are not people by themselves.
    let e = extract_text("Kentucky Congressman Proposes Exit", "Nothing here.", None);
    assert!(e.people.is_empty());
}

#[test]
fn a_party_tag_without_its_period_is_not_a_name() {
    assert_eq!(
        names("Sens. Dianne Feinstein, D-Calif, and Barbara Boxer, D-Calif, spoke."),
        ["Dianne Feinstein", "Barbara Boxer"]
    );
}

#[test]
fn the_story_authors_are_not_its_people() {
    let a = cloakroom::Article {
        title: "Op-ed".into(),
        body: "I am Jane Roe. Sen. Mike Lee spoke. Jane Roe is a reporter.".into(),
        authors: vec!["Jane Roe".into()],
        ..cloakroom::Article::default()
    };
    let got: Vec<String> = cloakroom::extract::extract(&a)
        .people
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(got, ["Mike Lee"]);
}

#[test]
fn a_nickname_split_at_its_capital_is_still_the_act() {
    let e = cloakroom::extract::extract_text("", "They voted to reform ObamaCare again.", None);
    assert_eq!(e.bills.len(), 1, "{:?}", e.bills);
    assert_eq!(e.bills[0].title.as_deref(), Some("Affordable Care Act"));
    assert!(
        e.bills[0].aliases.contains(&"ObamaCare".to_string()),
        "{:?}",
        e.bills[0]
    );
}

#[test]
fn a_liberal_democrat_is_not_a_us_democrat() {
    let body = "Liberal Democrat leader Charles Kennedy said the war was wrong. \
                Liberal Democrat Sarah Teather agreed with him on Monday.";
    let got = cloakroom::extract::extract_text("", body, None);
    let party = |name: &str| {
        got.people
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not in {:?}", got.people))
            .party
            .clone()
    };
    assert_eq!(
        party("Charles Kennedy").as_deref(),
        Some("Liberal Democrat")
    );
    assert_eq!(party("Sarah Teather").as_deref(), Some("Liberal Democrat"));
    let us = cloakroom::extract::extract_text("", "Texas Democrat Beto O'Rourke spoke.", None);
    assert_eq!(us.people[0].party.as_deref(), Some("D"));
}
