//! Hash sets over the word tables, built once, behind a cheap first-byte-and-length filter.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::given::GIVEN_NAMES;
use super::tables::{HARD_SUFFIXES, ORG_WORDS, STOP_WORDS};

/// Which (first byte, length) pairs occur in a word list: most words of a text fail this test
/// without being hashed.
pub struct Prefilter {
    lens: [u64; 256],
}

impl Prefilter {
    /// The filter of a word list.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut lens = [0u64; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                lens[b as usize] |= 1 << w.len().min(63);
            }
        }
        Prefilter { lens }
    }

    /// False when `word` is certainly not in the list.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.lens[b as usize] & (1 << word.len().min(63)) != 0)
    }
}

/// A set of words with a `Prefilter` in front of its hash set.
pub struct WordSet {
    filter: Prefilter,
    words: HashSet<&'static str>,
}

impl WordSet {
    /// The set of a word list.
    pub fn new(words: &[&'static str]) -> Self {
        WordSet {
            filter: Prefilter::new(words.iter().copied()),
            words: words.iter().copied().collect(),
        }
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.words.contains(word)
    }
}

fn set(cell: &'static OnceLock<WordSet>, lists: &[&[&'static str]]) -> &'static WordSet {
    cell.get_or_init(|| WordSet::new(&lists.concat()))
}

/// A capitalized word that is never part of a person's name.
pub fn is_stop(word: &str) -> bool {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    set(&CELL, &[STOP_WORDS, ORG_WORDS]).contains(word)
}

/// The gazetteer of given names made by `scripts/build_given.py` (census first names and the roster's).
const GIVEN_FILE: &str = include_str!("../../assets/given_names.txt");

/// A common given name: the hand table or the gazetteer; an accented form is the plain one ("Julián", "José").
pub fn is_given(word: &str) -> bool {
    if given_set().contains(word) {
        return true;
    }
    if word.is_ascii() {
        return false;
    }
    let folded = crate::roster::fold(word);
    let mut chars = folded.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let plain: String = first.to_uppercase().chain(chars).collect();
    plain.is_ascii() && given_set().contains(&plain)
}

fn given_set() -> &'static WordSet {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut words: Vec<&'static str> = GIVEN_NAMES.to_vec();
        words.extend(
            GIVEN_FILE
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        );
        WordSet::new(&words)
    })
}

/// A word that makes a capitalized run an organization, place or law.
pub fn is_hard_suffix(word: &str) -> bool {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    set(&CELL, &[HARD_SUFFIXES, ORG_WORDS]).contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_finds_exactly_its_words() {
        let s = WordSet::new(&["Act", "Bill", "Law", "Laws"]);
        for w in ["Act", "Bill", "Law", "Laws"] {
            assert!(s.contains(w), "{w}");
        }
        for w in ["", "act", "Acts", "Bil", "Lax", "Lawss", "B"] {
            assert!(!s.contains(w), "{w}");
        }
    }
}
