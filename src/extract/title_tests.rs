//! Tests of titles before names: offices, honorifics, plurals and qualifiers.

use super::*;
use crate::extract::token::tokenize;

fn title_at(text: &str, word: &str) -> Option<TitleMatch> {
    let toks = tokenize(text);
    let i = toks.iter().position(|t| t.text(text) == word)?;
    match_title(text, &toks, i)
}

#[test]
fn abbreviations_take_their_period() {
    let text = "said Sen. Mike Lee";
    let m = title_at(text, "Sen").unwrap();
    assert_eq!(m.role.as_deref(), Some("Senator"));
    assert_eq!(m.after, 3);
}

#[test]
fn honorifics_have_no_role() {
    assert_eq!(title_at("and Mr Blair", "Mr").unwrap().role, None);
    assert_eq!(title_at("and Mrs. May", "Mrs").unwrap().role, None);
}

#[test]
fn compound_roles() {
    let m = title_at(
        "Meanwhile, Senate Armed Services Chair Roger Wicker",
        "Chair",
    )
    .unwrap();
    assert_eq!(m.role.as_deref(), Some("Senate Armed Services Chair"));
    let m = title_at("said Vice President Mike Pence", "President").unwrap();
    assert_eq!(m.role.as_deref(), Some("Vice President"));
    let m = title_at("said Prime Minister Tony Blair", "Minister").unwrap();
    assert_eq!(m.role.as_deref(), Some("Prime Minister"));
    let m = title_at("and Attorney General Jeff Sessions", "General").unwrap();
    assert_eq!(m.role.as_deref(), Some("Attorney General"));
    let m = title_at("by Secretary of State Mike Pompeo", "Secretary").unwrap();
    assert_eq!(m.role.as_deref(), Some("Secretary of State"));
    let m = title_at("The Chancellor of the Exchequer Gordon Brown", "Chancellor").unwrap();
    assert_eq!(m.role.as_deref(), Some("Chancellor of the Exchequer"));
}

#[test]
fn party_and_state_qualifiers() {
    let m = title_at("the Labour MP Kate Hoey", "MP").unwrap();
    assert_eq!((m.role.as_deref(), m.party), (Some("MP"), Some("Labour")));
    let m = title_at("A Kentucky Congressman Proposes", "Congressman").unwrap();
    assert_eq!(m.state, Some("Kentucky"));
    let m = title_at("and Republican Sen. Rand Paul", "Sen").unwrap();
    assert_eq!(m.party, Some("R"));
}

#[test]
fn general_needs_a_qualifier() {
    assert!(title_at("at General Motors", "General").is_none());
}

#[test]
fn plural_titles() {
    assert!(
        title_at("Sens. Chuck Schumer and Dick Durbin", "Sens")
            .unwrap()
            .plural
    );
    assert!(
        title_at("senators including Michael Bennet", "senators")
            .unwrap()
            .plural
    );
}
