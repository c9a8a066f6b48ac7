//! Hash sets over the word tables, built once.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::given::GIVEN_NAMES;
use super::tables::{HARD_SUFFIXES, STOP_WORDS};

fn set(
    cell: &'static OnceLock<HashSet<&'static str>>,
    words: &[&'static str],
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| words.iter().copied().collect())
}

/// A capitalized word that is never part of a person's name.
pub fn is_stop(word: &str) -> bool {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(&CELL, STOP_WORDS).contains(word)
}

/// A common given name.
pub fn is_given(word: &str) -> bool {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(&CELL, GIVEN_NAMES).contains(word)
}

/// A word that makes a capitalized run an organization, place or law.
pub fn is_hard_suffix(word: &str) -> bool {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(&CELL, HARD_SUFFIXES).contains(word)
}
