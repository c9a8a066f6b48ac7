//! Evidence from how the story itself writes a word: a capitalized word the same story also writes in lower case
//! is an everyday word that a sentence start capitalized, not a name.

use std::cell::OnceCell;

use rustc_hash::FxHashSet as HashSet;

use crate::extract::token::{CAP, Kind, Tok};

/// The lower-case words of one story, gathered on first use (most stories never ask).
pub(super) struct Casing<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lower: OnceCell<HashSet<&'a str>>,
}

impl<'a> Casing<'a> {
    pub(super) fn new(text: &'a str, toks: &'a [Tok]) -> Self {
        Casing {
            text,
            toks,
            lower: OnceCell::new(),
        }
    }

    /// Whether the story also writes `word` (capitalized) in lower case somewhere: "Unlike" and "unlike".
    pub(super) fn written_lower(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        // Only a capital followed by lower case letters ("Unlike"), not "McCain" or "NATO".
        if !first.is_uppercase() || !chars.clone().all(char::is_lowercase) {
            return false;
        }
        let lower: String = first.to_lowercase().chain(chars).collect();
        let set = self.lower.get_or_init(|| {
            self.toks
                .iter()
                .filter(|t| t.kind == Kind::Word && !t.has(CAP))
                .map(|t| t.text(self.text))
                .collect()
        });
        set.contains(lower.as_str())
    }
}
