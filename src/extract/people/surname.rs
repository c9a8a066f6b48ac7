//! A surname alone as a person: the surname of a member of Congress in office on the story's date, unless it is
//! an everyday word, a given name or a state.

use chrono::NaiveDate;

use super::super::name::NameParse;
use super::super::sets::{is_given, is_stop};
use super::super::tables::{is_state_part, state_by_name};
use super::super::token::{SENT, Tok};

/// Surnames of members of Congress that are also everyday words or places in political news ("Capitol Hill",
/// "young voters", "Martin Luther King"): never a person on the roster's word alone.
const WORD_SURNAMES: &[&str] = &[
    "Hill",
    "Young",
    "King",
    "Price",
    "Long",
    "Wild",
    "Love",
    "Case",
    "Rose",
    "Banks",
    "Bishop",
    "Rice",
    "Waters",
    "Gray",
    "Green",
    "Brown",
    "White",
    "Black",
    "Street",
    "Lamb",
    "Fields",
    "Way",
    "Hern",
    "Bass",
    "Mast",
    "Cline",
    "Hunt",
    "Carter",
    "Jackson",
    "Houston",
    "Lincoln",
    "Kennedy",
    "Washington",
    "Ryan",
];

/// How many years after leaving office a member's surname alone still names them.
const RECENT_YEARS: i32 = 4;

/// A single word inside a sentence of a dated story that is the surname of a member of Congress in office on
/// that date ("Ocasio-Cortez said"), and no common word, given name or state.
pub(super) fn sitting_surname(
    text: &str,
    toks: &[Tok],
    name: &NameParse,
    date: Option<NaiveDate>,
) -> bool {
    let w: &str = &name.surname;
    let first = &toks[name.first];
    date.is_some()
        && !first.has(SENT)
        && !WORD_SURNAMES.contains(&w)
        && w.len() >= 3
        && !is_stop(w)
        && !is_given(w)
        && state_by_name(w).is_none()
        && !is_state_part(w)
        && !name
            .first
            .checked_sub(1)
            .is_some_and(|j| matches!(toks[j].text(text), "the" | "The"))
        && crate::roster::Roster::embedded().is_recent_surname(w, date, RECENT_YEARS)
}
