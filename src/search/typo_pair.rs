//! Two words of a query that nearly name someone together: one a typo of a word of a name the
//! other names exactly ("claire short": Clare Short), searched as that name.

use std::borrow::Cow;

use super::index::SearchIndex;
use super::joint::Names;
use super::query::{Clause, Term};

/// What a word of a run of words naming someone together reads as.
#[derive(Debug, Clone)]
pub(crate) struct Joint {
    /// The number of the run's first clause.
    pub run: usize,
    /// The people and bills the run names, with this word's fuzz.
    pub names: Names,
    /// The word of the name to search instead of the word typed, when the word is a typo of it.
    pub instead: Option<String>,
}

impl Joint {
    /// The clause to search for this word and the names it is restricted to: a typo of a name's
    /// word is searched as that word ("claire short": "clare").
    pub(crate) fn read(joint: Option<Joint>, clause: &Clause) -> (Cow<'_, Clause>, Option<Names>) {
        match joint {
            Some(Joint {
                names,
                instead: Some(word),
                ..
            }) => (
                Cow::Owned(Clause {
                    term: Term::Word(word),
                    ..clause.clone()
                }),
                Some(names),
            ),
            other => (Cow::Borrowed(clause), other.map(|n| n.names)),
        }
    }
}

impl SearchIndex {
    /// Two words that name no one together, each a word of some name, where one is a typo of a
    /// word of a name that the other has exactly ("claire short": Clare Short, though "claire"
    /// alone is a senator's given name; "gordon browne": Gordon Brown, though "browne" is Des
    /// Browne's): for each word, those people with its fuzz (the typo's is
    /// [`score::Weights::typo`]) and, for the typo, the name's word to search instead. `None`
    /// when there is no such name.
    pub(crate) fn typo_pair(
        &self,
        run: usize,
        (a, pa): (&str, &[(u32, f32)]),
        (b, pb): (&str, &[(u32, f32)]),
    ) -> Option<[Joint; 2]> {
        // In id order, so that the name's word searched instead is the same whatever the order.
        let exact = |v: &[(u32, f32)]| -> Vec<(u32, f32)> {
            let mut e: Vec<(u32, f32)> = v.iter().filter(|x| x.1 >= 1.0).copied().collect();
            e.sort_unstable_by_key(|x| x.0);
            e
        };
        let (ea, eb) = (exact(pa), exact(pb));
        if ea.is_empty() || eb.is_empty() {
            return None;
        }
        // The people one word names exactly whose names have a typo of the other word (only
        // those few are read, not every name).
        let read = |exact: &[(u32, f32)], typo_word: &str| -> Option<(Joint, Joint)> {
            let ids: Vec<u32> = exact.iter().map(|x| x.0).collect();
            let found = super::names::typos_among(&self.people, &ids, typo_word);
            let instead = found.first()?.1.clone();
            let joint = |names: Vec<(u32, f32)>, instead: Option<String>| Joint {
                run,
                names: (names, Vec::new()),
                instead,
            };
            let exact_side = exact
                .iter()
                .filter(|x| found.iter().any(|t| t.0 == x.0))
                .copied()
                .collect();
            let typo_side = found.iter().map(|t| (t.0, self.weights.typo)).collect();
            Some((joint(exact_side, None), joint(typo_side, Some(instead))))
        };
        if let Some((exact_b, typo_a)) = read(&eb, a) {
            return Some([typo_a, exact_b]);
        }
        read(&ea, b).map(|(exact_a, typo_b)| [exact_a, typo_b])
    }
}
