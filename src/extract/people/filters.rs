//! Found names that are no people: a month in a date ("in May") and a party-state tag ("D-Calif").

use crate::extract::token::{Kind, Tok};

/// "D-Calif", "R-Texas", "I-Vt": a party letter, a hyphen and a state.
pub(super) fn is_party_tag(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() >= 4
        && matches!(b[0], b'D' | b'R' | b'I')
        && b[1] == b'-'
        && crate::extract::tables::state_by_abbrev(&name[2..]).is_some()
}

pub(super) fn is_date_word(text: &str, toks: &[Tok], i: usize) -> bool {
    let w = toks[i].text(text);
    if !matches!(w, "May" | "June" | "April") {
        return false;
    }
    let before = i.checked_sub(1).map(|j| toks[j].text(text));
    let after = toks.get(i + 1);
    matches!(
        before,
        Some(
            "in" | "In"
                | "of"
                | "since"
                | "until"
                | "by"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "that"
                | "before"
                | "after"
                | "on"
                | "through"
        )
    ) || after.is_some_and(|t| t.kind == Kind::Num)
}
