//! Companion bills ("Senator Mike Lee introduced companion legislation in the Senate"): a bill of their own that
//! points at the one they accompany, and the chamber a sentence names.

use super::super::people::Found;
use super::super::types::{Span, StoryBill};
use super::Acc;

/// The companion of `other` ("Senator Mike Lee introduced companion legislation in the Senate"): its own bill,
/// in the chamber the sentence or its sponsors' titles name (else the other chamber), pointing at `other`.
pub(super) fn companion_of(
    other: &StoryBill,
    sentence: &[&str],
    subjects: &[usize],
    found: &[Found],
    span: Span,
) -> StoryBill {
    let chamber = chamber_of(sentence)
        .or_else(|| {
            subjects
                .iter()
                .find_map(|&p| match found[p].person.role.as_deref() {
                    Some("Senator") => Some("Senate"),
                    Some("Representative") => Some("House"),
                    _ => None,
                })
        })
        .or(match other.chamber.as_deref() {
            Some("House") => Some("Senate"),
            Some("Senate") => Some("House"),
            _ => None,
        });
    let mut of = other.label.clone();
    if of.starts_with("Bill ") || of.starts_with("Resolution ") {
        of[..1].make_ascii_lowercase();
        of.insert_str(0, "the ");
    }
    let label = match chamber {
        Some(c) => format!("{c} companion to {of}"),
        None => format!("Companion to {of}"),
    };
    StoryBill {
        key: format!(
            "companion:{}:{}",
            chamber.unwrap_or("").to_ascii_lowercase(),
            other.key
        ),
        label,
        chamber: chamber.map(str::to_string),
        companion_of: Some(other.key.clone()),
        mentions: vec![span],
        ..StoryBill::default()
    }
}

pub(super) fn chamber_of(words: &[&str]) -> Option<&'static str> {
    words.windows(3).find_map(|w| match w {
        ["in" | "to", "the", "Senate"] => Some("Senate"),
        ["in" | "to", "the", "House"] => Some("House"),
        _ => None,
    })
}

/// "Sen. Mike Lee introduced a companion bill, S. 567": the numbered bill `i` points at bill `other`, the one
/// before it, unless it already points somewhere.
pub(super) fn numbered_companion(bills: &mut [Acc], i: usize, other: usize) {
    if i != other && bills[i].bill.companion_of.is_none() {
        bills[i].bill.companion_of = Some(bills[other].bill.key.clone());
    }
}
