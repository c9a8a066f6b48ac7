//! Tests of name parsing: particles, initials, suffixes and names inside other names.

use super::*;
use crate::extract::token::tokenize;

fn parse(text: &str) -> Option<NameParse<'_>> {
    let toks = tokenize(text);
    parse_name(text, &toks, 0, true)
}

#[test]
fn plain_names() {
    let n = parse("Thomas Massie of Kentucky").unwrap();
    assert_eq!(
        (n.full().as_str(), &*n.surname),
        ("Thomas Massie", "Massie")
    );
    assert_eq!(n.given, Some("Thomas"));
    assert_eq!(n.words, 2);
    let n = parse("Anna Paulina Luna of Florida").unwrap();
    assert_eq!(
        (n.full().as_str(), &*n.surname),
        ("Anna Paulina Luna", "Luna")
    );
}

#[test]
fn surname_forms() {
    assert_eq!(parse("Mitch McConnell said").unwrap().surname, "McConnell");
    assert_eq!(parse("Beto O'Rourke said").unwrap().surname, "O'Rourke");
    assert_eq!(
        parse("Alexandria Ocasio-Cortez said").unwrap().surname,
        "Ocasio-Cortez"
    );
    assert_eq!(
        parse("Chris Van Hollen said").unwrap().surname,
        "Van Hollen"
    );
    assert_eq!(parse("Bill de Blasio said").unwrap().surname, "de Blasio");
    assert_eq!(parse("de Blasio said").unwrap().full(), "de Blasio");
}

#[test]
fn initials_and_suffixes() {
    let n = parse("John F. Kennedy spoke").unwrap();
    assert_eq!(
        (n.full().as_str(), &*n.surname),
        ("John F. Kennedy", "Kennedy")
    );
    // Initials keep the spacing they are written with.
    let n = parse("George H.W. Bush spoke").unwrap();
    assert_eq!(n.full(), "George H.W. Bush");
    assert!(n.full_is("George H.W. Bush") && n.full_words() == 3);
    let n = parse("George H. W. Bush spoke").unwrap();
    assert_eq!(n.full(), "George H. W. Bush");
    let n = parse("Robert P. Casey Jr. said").unwrap();
    assert_eq!(
        (n.full().as_str(), &*n.surname),
        ("Robert P. Casey Jr.", "Casey")
    );
    let text = "Robert P. Casey Jr. said";
    assert_eq!(&text[n.start..n.end], "Robert P. Casey");
    let n = parse("Henry Cuellar III said").unwrap();
    assert_eq!(n.full(), "Henry Cuellar III");
}

#[test]
fn possessives_end_the_name() {
    let n = parse("Massie’s position").unwrap();
    assert_eq!(n.full(), "Massie");
    assert!(n.possessive);
    let n = parse("Paul Ryan's budget").unwrap();
    assert_eq!(n.full(), "Paul Ryan");
}

#[test]
fn stops_at_non_names() {
    assert_eq!(
        parse("Trump Administration officials").unwrap().full(),
        "Trump"
    );
    assert!(parse("The White House").is_none());
    assert!(parse("Senate").is_none());
}

#[test]
fn full_is_compares_with_the_display_name() {
    for text in [
        "Thomas Massie said",
        "George H.W. Bush spoke",
        "Robert P. Casey Jr. said",
        "Chris Van Hollen said",
    ] {
        let n = parse(text).unwrap();
        let full = n.full();
        assert!(n.full_is(&full), "{text}");
        assert_eq!(n.full_words(), full.split(' ').count(), "{text}");
        assert!(!n.full_is(&full[..full.len() - 1]), "{text}");
        assert!(!n.full_is(&format!("{full} X")), "{text}");
        assert!(!n.full_is(&full.replace(' ', "  ")), "{text}");
    }
}

#[test]
fn surnames_written_apart_are_joined_by_one_space() {
    let n = parse("Chris Van  Hollen said").unwrap();
    assert_eq!(n.surname, "Van Hollen");
}

#[test]
fn names_inside_other_names() {
    for (text, inside) in [
        ("Reagan National Airport", true),
        ("Dodd-Frank Act", true),
        ("Kennedy Center", true),
        ("Ted Kennedy said", false),
        ("Kennedy's plan", false),
    ] {
        let toks = tokenize(text);
        let n = parse_name(text, &toks, 0, false).unwrap();
        assert_eq!(inside_other_name(text, &toks, &n), inside, "{text}");
    }
}
