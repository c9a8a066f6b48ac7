//! How a bill's name and its number are tied in the text, on sentences written for this: apposition words,
//! the same sponsor, coordinated lists in the same order, and a name whose year falls in the number's Congress.

use chrono::NaiveDate;
use cloakroom::extract::{StoryBill, extract_text};

fn bills_on(body: &str, date: &str) -> Vec<StoryBill> {
    extract_text("", body, NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()).bills
}

/// Each bill as "number = title".
fn ties(body: &str) -> Vec<String> {
    bills_on(body, "2019-05-01")
        .iter()
        .map(|b| {
            format!(
                "{} = {}",
                b.number.as_deref().unwrap_or("-"),
                b.title.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn apposition_words_tie_a_number_to_a_name() {
    for body in [
        "The House passed H.R. 1, formally titled the For the People Act, on Friday.",
        "The House passed H.R. 1, officially the For the People Act, on Friday.",
        "The House passed H.R. 1, also called the For the People Act, on Friday.",
        "The House passed H.R. 1, which is known as the For the People Act, on Friday.",
        "The House passed H.R. 1, better known as the For the People Act, on Friday.",
        "The House passed H.R. 1, the so-called For the People Act, on Friday.",
        "The House passed the For the People Act, designated H.R. 1, on Friday.",
        "The House passed the For the People Act, numbered H.R. 1, on Friday.",
        "The House passed the For the People Act, known in the House as H.R. 1, on Friday.",
        "The House passed the For the People Act \u{2014} H.R. 1 \u{2014} on Friday.",
    ] {
        assert_eq!(ties(body), ["H.R. 1 = For the People Act"], "{body}");
    }
}

#[test]
fn the_same_sponsor_ties_a_number_to_a_name() {
    let body = "Rep. Thomas Massie of Kentucky introduced H.R. 3684 on Tuesday. \
                The NATO Exit Act, sponsored by Massie, would take the country out of the alliance.";
    assert_eq!(ties(body), ["H.R. 3684 = NATO Exit Act"], "{body}");
}

#[test]
fn a_sponsor_with_two_bills_of_a_kind_ties_none() {
    let body = "Rep. Thomas Massie of Kentucky introduced H.R. 3684 on Tuesday. \
                The second bill, H.R. 3685, sponsored by Massie, cuts aid. \
                The NATO Exit Act, sponsored by Massie, would take the country out of the alliance.";
    let got = ties(body);
    assert!(got.contains(&"- = NATO Exit Act".to_owned()), "{got:?}");
}

#[test]
fn coordinated_names_and_numbers_in_the_same_order_pair_up() {
    let body = "The House passed the Bipartisan Background Checks Act and the Enhanced Background Checks Act \
                last year. Pelosi asked the Senate to bring H.R. 8 and H.R. 1112 to a vote.";
    assert_eq!(
        ties(body),
        [
            "H.R. 8 = Bipartisan Background Checks Act",
            "H.R. 1112 = Enhanced Background Checks Act"
        ]
    );
}

#[test]
fn a_name_whose_year_is_the_numbers_congress_is_that_bill() {
    let body = "The House passed the Keep Your Health Plan Act of 2013 on Friday. \
                If the president were presented with H.R. 3350, he would veto it.";
    let got: Vec<String> = bills_on(body, "2013-11-15")
        .iter()
        .map(|b| b.label.clone())
        .collect();
    assert_eq!(got, ["H.R. 3350"]);
    // An act of another Congress stays its own bill.
    let body = "The House voted to amend the Clean Air Act of 1990 on Friday. \
                If the president were presented with H.R. 3350, he would veto it.";
    assert_eq!(bills_on(body, "2013-11-15").len(), 2);
}

#[test]
fn a_law_and_an_unrelated_number_stay_apart() {
    let body = "H.R. 3222 would amend the Religious Freedom Restoration Act, Democrats said.";
    assert_eq!(
        ties(body),
        ["H.R. 3222 = -", "- = Religious Freedom Restoration Act"]
    );
    let body = "Pelosi's plan builds on H.R. 1. The Families First Coronavirus Response Act passed in March.";
    assert_eq!(ties(body).len(), 2);
}

#[test]
fn a_groups_possessive_is_part_of_a_bills_name() {
    let labels = |body: &str| -> Vec<String> {
        bills_on(body, "2021-09-24")
            .into_iter()
            .map(|b| b.label)
            .collect()
    };
    assert_eq!(
        labels("The House passed the Women's Health Protection Act on Friday."),
        ["Women's Health Protection Act"]
    );
    assert_eq!(
        labels("He signed America's Water Infrastructure Act of 2018 into law."),
        ["America's Water Infrastructure Act of 2018"]
    );
    assert_eq!(
        labels("MPs debated the Christmas & New Year's Day Trading Bill on Tuesday."),
        ["Christmas & New Year's Day Trading Bill"]
    );
    // A person's possessive is not: the sponsor's name stays out.
    assert_eq!(
        labels("Critics attacked Pelosi's Health Care Freedom Act on Friday."),
        ["Health Care Freedom Act"]
    );
}

#[test]
fn a_name_in_apposition_to_the_bill_names_the_number_before() {
    for body in [
        "The House passed H.R. 1 in March. The bill, known as the For the People Act, would expand voting.",
        "Pelosi called H.R. 1 urgent. The legislation, dubbed the For the People Act, would expand voting.",
        "Pelosi called H.R. 1 urgent. The measure, the For the People Act, would expand voting.",
    ] {
        assert_eq!(ties(body), ["H.R. 1 = For the People Act"], "{body}");
    }
    // Not in apposition to "the bill": two bills.
    let body = "The House passed H.R. 1 in March. Critics of the bill cited the Voting Rights Act of 1965.";
    assert_eq!(ties(body).len(), 2, "{body}");
}

#[test]
fn brackets_and_lists_inside_a_bills_name() {
    let labels = |body: &str| -> Vec<String> {
        bills_on(body, "2020-03-30")
            .into_iter()
            .map(|b| b.label)
            .collect()
    };
    assert_eq!(
        labels("MPs backed the Safety of Rwanda (Asylum and Immigration) Bill on Monday."),
        ["Safety of Rwanda (Asylum and Immigration) Bill"]
    );
    assert_eq!(
        labels(
            "The House passed the Coronavirus Aid, Relief, and Economic Security Act on Friday."
        ),
        ["Coronavirus Aid, Relief, and Economic Security Act"]
    );
    assert_eq!(
        labels("Lawmakers said the Coronavirus Aid, Relief and Economic Security Act would pass."),
        ["Coronavirus Aid, Relief and Economic Security Act"]
    );
    // A list of other things before a name is not part of it.
    assert_eq!(
        labels("Senators Smith, Jones and Brown backed the Clean Air Act."),
        ["Clean Air Act"]
    );
    assert_eq!(
        labels("In Washington, Republicans and Democrats fought over the Clean Air Act."),
        ["Clean Air Act"]
    );
    assert_eq!(
        labels("Sen. Mike Lee (R-Utah) praised the Clean Air Act."),
        ["Clean Air Act"]
    );
}

#[test]
fn idioms_and_adages_are_not_bills() {
    for body in [
        "It is a case of Murphy's Law, he said.",
        "Moore's Law has slowed.",
        "It was a Delicate Balancing Act for Pelosi.",
        "Biden plans his Second Act in Delaware.",
        "Congress read Facebook the Riot Act.",
    ] {
        assert!(bills_on(body, "2019-05-01").is_empty(), "{body}");
    }
    // A law named for a person by her given name, and acts whose last word only looks like one, are bills.
    for (body, label) in [
        ("Voters backed Kate's Law in 2017.", "Kate's Law"),
        (
            "The Senate passed the Second Chance Act.",
            "Second Chance Act",
        ),
        ("The First Step Act passed in 2018.", "First Step Act"),
    ] {
        let got: Vec<String> = bills_on(body, "2019-05-01")
            .into_iter()
            .map(|b| b.label)
            .collect();
        assert_eq!(got, [label], "{body}");
    }
}
