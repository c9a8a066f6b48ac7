//! Tests of the eval scorer: name and bill matching, links, optional furniture and F1.

use super::*;

fn bill(label: &str, number: Option<&str>, title: Option<&str>) -> StoryBill {
    StoryBill {
        label: label.into(),
        number: number.map(Into::into),
        title: title.map(Into::into),
        ..StoryBill::default()
    }
}

fn gold(label: &str, kind: &str, aliases: &[&str]) -> GoldBill {
    GoldBill {
        label: label.into(),
        aliases: aliases.iter().map(|s| (*s).to_string()).collect(),
        kind: kind.into(),
        sponsors: vec![],
        keywords: vec![],
    }
}

#[test]
fn bill_numbers_normalize_to_one_form() {
    for s in ["H.R. 1234", "HR 1234", "H.R.1234", "H. R. 1234", "hr1234"] {
        assert_eq!(bill_norm(s), "hr1234", "{s}");
    }
    assert_eq!(bill_norm("S. 744"), "s744");
    assert_eq!(bill_norm("H.Res. 660"), "hres660");
    assert_eq!(bill_norm("Pub. L. 117-58"), "pl117-58");
    assert_eq!(bill_norm("Public Law 117-58"), "pl117-58");
    assert_ne!(bill_norm("S. 744"), bill_norm("H.R. 744"));
    assert_eq!(bill_norm("House Bill 1557"), "hb1557");
    assert_eq!(bill_norm("H.B. 1557"), "hb1557");
}

#[test]
fn bill_names_ignore_the_year_and_leading_the() {
    assert_eq!(bill_norm("the Hunting Act 2004"), "hunting act");
    assert_eq!(
        bill_norm("Stop the War on Coal Act of 2012"),
        "stop the war on coal act"
    );
    assert_eq!(bill_norm("The CHIMP  Act"), "chimp act");
    assert_eq!(bill_norm("Women\u{2019}s Act"), "women's act");
}

#[test]
fn bills_match_on_any_form_but_not_across_numbers() {
    let g = gold("H.R. 1", "numbered", &["For the People Act"]);
    assert!(bill_matches(&bill("HR 1", Some("H.R. 1"), None), &g));
    assert!(bill_matches(
        &bill("For The People Act", None, Some("For The People Act")),
        &g
    ));
    assert!(!bill_matches(&bill("H.R. 11", Some("H.R. 11"), None), &g));
    assert!(!bill_matches(&bill("S. 1", Some("S. 1"), None), &g));
}

#[test]
fn described_bills_match_by_sponsor_or_keywords() {
    let mut g = gold("bill to leave NATO", "described", &[]);
    g.sponsors = vec!["Thomas Massie".into()];
    g.keywords = vec!["nato".into()];
    let mut p = bill("withdrawal from the alliance", None, None);
    assert!(!bill_matches(&p, &g));
    p.sponsors = vec!["Thomas  Massie".into()];
    assert!(bill_matches(&p, &g));
    assert!(bill_matches(
        &bill("bill to withdraw from NATO", None, None),
        &g
    ));
    assert!(!bill_matches(
        &bill("NATO", Some("H.R. 1"), None),
        &gold("H.R. 2", "numbered", &[])
    ));
}

#[test]
fn people_match_name_or_alias_ignoring_case_and_periods() {
    let g = GoldPerson::Full {
        name: "Donald J. Trump".into(),
        aliases: vec!["Trump".into()],
        bioguide: None,
    };
    assert!(person_matches("donald j trump", &g));
    assert!(person_matches("Trump", &g));
    assert!(!person_matches("Donald Trump Jr.", &g));
    assert!(person_matches(
        "Beto O\u{2019}Rourke",
        &GoldPerson::Name("Beto O'Rourke".into())
    ));
}

#[test]
fn links_score_right_wrong_and_missing_ids() {
    let gold = |b: Option<Option<&str>>| GoldPerson::Full {
        name: "Nancy Pelosi".into(),
        aliases: vec![],
        bioguide: b.map(|x| x.map(str::to_string)),
    };
    let mut t = Tally::default();
    let mut e = Errors::default();
    score_link(
        Some("P000197"),
        &gold(Some(Some("P000197"))),
        &mut t,
        &mut e,
    );
    score_link(
        Some("X000001"),
        &gold(Some(Some("P000197"))),
        &mut t,
        &mut e,
    );
    score_link(None, &gold(Some(Some("P000197"))), &mut t, &mut e);
    score_link(Some("P000197"), &gold(Some(None)), &mut t, &mut e);
    score_link(Some("P000197"), &gold(None), &mut t, &mut e);
    assert_eq!((t.tp, t.fp, t.fn_), (1, 2, 2));
}

#[test]
fn optional_people_and_bills_are_neither_right_nor_wrong() {
    let article = Article {
        title: "Senate votes".into(),
        body: "Sen. Mitch McConnell said the Senate would take up the USA PATRIOT Act on Tuesday. \
               McConnell spoke to reporters."
            .into(),
        ..Article::default()
    };
    let labelled = |optional: bool| -> Labelled {
        let extra = if optional {
            r#", "optional_people": ["Mitch McConnell"], "optional_bills": [{"label": "USA PATRIOT Act", "kind": "named", "aliases": ["PATRIOT Act"]}]"#
        } else {
            ""
        };
        serde_json::from_str(&format!(
            r#"{{"source": "x", "id": "x", "people": [], "bills": []{extra}}}"#
        ))
        .unwrap()
    };
    let (t, _) = score_article(&labelled(false), &article, false);
    assert_eq!(
        (t.people.fp, t.named.fp),
        (1, 1),
        "both found and counted wrong"
    );
    let (t, _) = score_article(&labelled(true), &article, false);
    assert_eq!(
        (t.people.fp, t.people.fn_, t.named.fp, t.named.fn_),
        (0, 0, 0, 0)
    );
}

#[test]
pub fn f1_of_a_tally() {
    let t = Tally {
        tp: 8,
        fp: 2,
        fn_: 2,
    };
    assert!((t.f1() - 0.8).abs() < 1e-9);
    assert!(Tally::default().f1().abs() < f64::EPSILON);
}
