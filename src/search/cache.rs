//! What the previous queries computed, reused while the user keeps typing.

use std::sync::Arc;

use super::engine::Resolved;
use super::marks::Marks;

/// How many recent words (and clauses) are remembered.
const KEEP: usize = 24;

/// Vocabulary terms with their fuzzy scores.
type Terms = Arc<Vec<(u32, i64)>>;

/// What a clause resolved to and its score per article.
type Clause = (Arc<Resolved>, Arc<Marks>);

/// People and bills a word names, with their fuzz.
pub(crate) type Names = Arc<(Vec<(u32, f32)>, Vec<(u32, f32)>)>;

/// Terms that matched recent words, the people and bills they name, and the per-article matches
/// of recent clauses.
#[derive(Debug, Default)]
pub(crate) struct TermCache {
    words: Vec<(String, Terms)>,
    clauses: Vec<(String, Clause)>,
    names: Vec<(String, Names)>,
}

impl TermCache {
    /// Every vocabulary term that is a fuzzy match of `word` (with its score), if `word` was seen.
    pub fn exact(&self, word: &str) -> Option<Arc<Vec<(u32, i64)>>> {
        self.words
            .iter()
            .find(|(w, _)| w == word)
            .map(|(_, t)| Arc::clone(t))
    }

    /// The matches of the longest remembered word that `word` extends. Every term matching
    /// `word` is among them, since a prefix of a pattern matches wherever the pattern does.
    pub fn narrowing(&self, word: &str) -> Option<Arc<Vec<(u32, i64)>>> {
        self.words
            .iter()
            .filter(|(w, _)| word.starts_with(w.as_str()))
            .max_by_key(|(w, _)| w.len())
            .map(|(_, t)| Arc::clone(t))
    }

    /// Remembers the matches of `word`.
    pub fn store_word(&mut self, word: &str, terms: Arc<Vec<(u32, i64)>>) {
        self.words.retain(|(w, _)| w != word);
        if self.words.len() >= KEEP {
            self.words.remove(0);
        }
        self.words.push((word.to_string(), terms));
    }

    /// The people and bills `word` names, if it was seen recently.
    pub fn names(&self, word: &str) -> Option<Names> {
        self.names
            .iter()
            .find(|(w, _)| w == word)
            .map(|(_, n)| Arc::clone(n))
    }

    /// Remembers the people and bills `word` names.
    pub fn store_names(&mut self, word: &str, names: Names) {
        self.names.retain(|(w, _)| w != word);
        if self.names.len() >= KEEP {
            self.names.remove(0);
        }
        self.names.push((word.to_string(), names));
    }

    /// What a clause evaluated recently resolved to, and its per-article packed matches.
    pub fn clause(&self, key: &str) -> Option<Clause> {
        self.clauses
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, (r, d))| (Arc::clone(r), Arc::clone(d)))
    }

    /// Remembers what a clause resolved to and its per-article matches.
    pub fn store_clause(&mut self, key: &str, resolved: Arc<Resolved>, dense: Arc<Marks>) {
        self.clauses.retain(|(k, _)| k != key);
        if self.clauses.len() >= KEEP / 4 {
            self.clauses.remove(0);
        }
        self.clauses.push((key.to_string(), (resolved, dense)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_picks_longest_prefix() {
        let mut c = TermCache::default();
        c.store_word("ma", Arc::new(vec![(1, 10)]));
        c.store_word("mas", Arc::new(vec![(2, 20)]));
        c.store_word("x", Arc::new(vec![(3, 30)]));
        assert_eq!(c.narrowing("mass").map(|v| v[0].0), Some(2));
        assert_eq!(c.narrowing("mb"), None);
        assert_eq!(c.exact("ma").map(|v| v[0].0), Some(1));
        assert!(c.exact("m").is_none());
    }
}
