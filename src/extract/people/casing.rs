//! Evidence from how the story itself writes a word: a capitalized word the same story also writes in lower case
//! is an everyday word that a sentence start capitalized, not a name.

use std::cell::OnceCell;

use crate::extract::token::{CAP, Kind, Tok};

/// Bits of the filter of lower-case words (a Bloom filter with two probes; a false hit, of the filter or of the
/// short key it hashes, only costs a scan of the story's tokens).
const BITS: usize = 8192;

/// The lower-case words of one story, gathered on first use (most candidates never ask).
pub(super) struct Casing<'a> {
    text: &'a str,
    toks: &'a [Tok],
    filter: OnceCell<Box<[u64; BITS / 64]>>,
}

/// Two probes from a word's length and its first, middle and last bytes: a handful of instructions per word of the
/// story (a collision only costs a scan).
fn probes(word: &[u8]) -> (usize, usize) {
    let n = word.len();
    let key = u64::from(word[0])
        | u64::from(word[n / 2]) << 8
        | u64::from(word[n - 1]) << 16
        | (n as u64) << 24;
    let x = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    // Truncation is the point: two probes from the hash's two halves.
    #[allow(clippy::cast_possible_truncation)]
    let (a, b) = ((x >> 20) as usize % BITS, (x >> 44) as usize % BITS);
    (a, b)
}

impl<'a> Casing<'a> {
    pub(super) fn new(text: &'a str, toks: &'a [Tok]) -> Self {
        Casing {
            text,
            toks,
            filter: OnceCell::new(),
        }
    }

    fn lower_words(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        self.toks
            .iter()
            .filter(|t| t.kind == Kind::Word && !t.has(CAP))
            .map(|t| &self.text.as_bytes()[t.start as usize..t.end as usize])
    }

    /// Whether the story also writes `word` (capitalized) in lower case somewhere: "Praising" and "praising".
    pub(super) fn written_lower(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        // Only a capital followed by lower case letters ("Praising"), not "McCain" or "NATO".
        if !first.is_uppercase() || !chars.clone().all(char::is_lowercase) {
            return false;
        }
        // An ASCII word is lowered on the stack; the rare other one in a new string.
        let mut buf = [0u8; 32];
        let owned: String;
        let lower: &[u8] = if word.is_ascii() && word.len() <= buf.len() {
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[0] = buf[0].to_ascii_lowercase();
            &buf[..word.len()]
        } else {
            owned = first.to_lowercase().chain(chars).collect();
            owned.as_bytes()
        };
        let filter = self.filter.get_or_init(|| {
            let mut bits = Box::new([0u64; BITS / 64]);
            for w in self.lower_words() {
                let (a, b) = probes(w);
                bits[a / 64] |= 1 << (a % 64);
                bits[b / 64] |= 1 << (b % 64);
            }
            bits
        });
        let (a, b) = probes(lower);
        filter[a / 64] & (1 << (a % 64)) != 0
            && filter[b / 64] & (1 << (b % 64)) != 0
            && self.lower_words().any(|w| w == lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn finds_exactly_the_words_written_in_lower_case() {
        let text = "Praising the plan, Visit said: visit us. McCain and NATO met mccain.";
        let toks = tokenize(text);
        let c = Casing::new(text, &toks);
        assert!(c.written_lower("Visit"));
        assert!(c.written_lower("Plan") && c.written_lower("Us"));
        assert!(!c.written_lower("Praising"), "only written capitalized");
        assert!(c.written_lower("Met") && !c.written_lower("Mett"));
        assert!(
            !c.written_lower("McCain"),
            "inner capitals are never an everyday word"
        );
        assert!(!c.written_lower("NATO"));
        assert!(!c.written_lower(""));
    }
}
