//! Bill rules of issue 12's generalization pass: numbered companions, short forms of a long name, amending acts,
//! and UK bills named in lower case. Sentences written for the tests.

use cloakroom::extract::{StoryBill, extract_text};

fn bills(body: &str) -> Vec<StoryBill> {
    extract_text("", body, None).bills
}

fn labels(body: &str) -> Vec<String> {
    bills(body).into_iter().map(|b| b.label).collect()
}

#[test]
fn a_numbered_companion_is_its_own_bill_pointing_at_the_other() {
    for body in [
        "Rep. Thomas Massie introduced H.R. 1234, the Clean Water Access Act, on Monday. Sen. Mike Lee \
         introduced a companion bill, S. 567, in the Senate.",
        "Rep. Thomas Massie introduced H.R. 1234, the Clean Water Access Act, on Monday. Its Senate \
         companion, S. 567, was introduced by Sen. Mike Lee.",
    ] {
        let got = bills(body);
        assert_eq!(got.len(), 2, "{body}: {got:?}");
        let house = &got[0];
        let senate = &got[1];
        assert_eq!(house.label, "H.R. 1234");
        assert_eq!(house.title.as_deref(), Some("Clean Water Access Act"));
        assert_eq!(house.sponsors, ["Thomas Massie"]);
        assert_eq!(senate.label, "S. 567");
        assert_eq!(senate.sponsors, ["Mike Lee"]);
        assert_eq!(senate.companion_of.as_deref(), Some(house.key.as_str()));
    }
}

#[test]
fn a_short_form_after_a_long_name_is_the_same_bill() {
    let got = bills(
        "The House passed the Fetal Pain Awareness Protection Act on Tuesday. The Fetal Pain Act would ban \
         the procedure after 20 weeks.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].aliases.iter().any(|a| a == "Fetal Pain Act"),
        "{got:?}"
    );
}

#[test]
fn an_act_that_extends_an_older_act_is_another_bill() {
    let got = labels(
        "The Open Records Act of 2009 expired. Congress passed the Open Records Reauthorization Act instead.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn a_uk_bill_named_in_lower_case() {
    assert_eq!(
        labels(
            "Ministers want to push the prevention of terrorism bill through the Commons this week."
        ),
        ["Prevention of Terrorism Bill"]
    );
    assert!(labels("Critics attacked the cost of the spending bill.").is_empty());
}
