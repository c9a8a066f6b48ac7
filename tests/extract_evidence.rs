//! Evidence that holds on any text (issue 12): the story's own casing (a capitalized word the same story also writes
//! in lower case is an everyday word, not part of a name) and the roster's names. Every fixture is a sentence written
//! for the test.

use cloakroom::extract::{StoryPerson, extract_text};

fn people(body: &str) -> Vec<StoryPerson> {
    extract_text("", body, None).people
}

fn names(body: &str) -> Vec<String> {
    people(body).into_iter().map(|p| p.name).collect()
}

#[test]
fn a_sentence_word_written_lower_elsewhere_is_not_a_given_name() {
    let body = "Sen. Lankford voted for the bill. Praising Lankford, most senators voted for it, praising his work.";
    let got = people(body);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].name, "Lankford");
    assert_eq!(
        got[0].mentions.len(),
        2,
        "the glued word is cut, the surname links"
    );
    assert_eq!(
        names("Sen. Lankford spoke. Visit Lankford online, or visit his office."),
        ["Lankford"]
    );
    // Without the lower-case form the story gives no evidence either way, and the pair is taken as written.
    let body = "Sen. Lankford voted for the bill. Praising Lankford, most senators voted for it.";
    assert_eq!(names(body), ["Praising Lankford"]);
}

#[test]
fn a_given_name_keeps_its_place_even_when_written_lower() {
    // "Will" is left out of the gazetteer (an everyday word); the cut surname still links to the full name.
    let body = "Rep. Will Hurd spoke first. Will Hurd said he will run again.";
    let got = people(body);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].name, "Will Hurd");
    assert_eq!(got[0].mentions.len(), 2);
    assert_eq!(
        names("Kayla Brindlemore spoke. Kayla said she would kayla nothing."),
        ["Kayla Brindlemore"]
    );
}

#[test]
fn a_titled_word_written_lower_elsewhere_is_no_surname() {
    assert!(
        names("The bank's Chairman Emeritus spoke first, and the emeritus board agreed.")
            .is_empty()
    );
    // Without the lower-case form, the word after the title is taken for a surname.
    assert_eq!(
        names("The bank's Chairman Emeritus spoke first, and the board agreed."),
        ["Emeritus"]
    );
    assert_eq!(
        names("The bank's Chairman Hensarling spoke first, and the board agreed."),
        ["Hensarling"]
    );
    // A surname that someone found already has is kept.
    assert_eq!(
        names("Bill Field ran the board. Chairman Field said the field was open."),
        ["Bill Field"]
    );
}

#[test]
fn an_honorific_is_always_followed_by_a_surname() {
    assert_eq!(names("Mr Field said the field was open."), ["Field"]);
    assert_eq!(names("Mrs May said she may stay."), ["May"]);
}

#[test]
fn a_pair_named_like_a_member_of_the_roster_is_a_person() {
    // "Carter" is no given name of the gazetteer (more often a surname); the roster has Rep. Carter Manasco.
    assert_eq!(
        names("The archive held letters that Carter Manasco kept for years."),
        ["Carter Manasco"]
    );
    assert!(names("The archive held letters that Carter Smithers kept for years.").is_empty());
    // The roster's given name must go with its own surname.
    assert!(names("The archive held letters that Carter Manchin kept for years.").is_empty());
}
