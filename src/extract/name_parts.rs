//! The words of a name being parsed, kept inline (names are parsed at every capitalized word).

/// One word (or initial, written with its period) of a name, by token index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// Token index.
    pub k: usize,
    /// The word as written.
    pub word: &'a str,
    /// An initial, displayed with a period.
    pub dot: bool,
    /// Written against the previous initial, with no space ("H.W.").
    pub tight: bool,
}

const NO_PART: Part<'static> = Part {
    k: 0,
    word: "",
    dot: false,
    tight: false,
};

/// At most six parts, kept inline: names are parsed at every capitalized word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts<'a> {
    items: [Part<'a>; 6],
    /// How many of `items` are parts.
    pub len: usize,
}

impl<'a> Parts<'a> {
    /// No parts.
    pub fn new() -> Self {
        Parts {
            items: [NO_PART; 6],
            len: 0,
        }
    }
    /// Adds a part (beyond six, nothing).
    pub fn push(&mut self, k: usize, word: &'a str, dot: bool) {
        self.push_tight(k, word, dot, false);
    }
    /// Adds a part written with no space after the previous one.
    pub fn push_tight(&mut self, k: usize, word: &'a str, dot: bool, tight: bool) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Part {
                k,
                word,
                dot,
                tight,
            };
            self.len += 1;
        }
    }
    /// The parts.
    pub fn as_slice(&self) -> &[Part<'a>] {
        &self.items[..self.len]
    }
}
