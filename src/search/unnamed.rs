//! A query shaped as an act's name ("health and safety at work act") that names no act of the
//! stories: they discuss such an act without naming it, so its last word is optional; and the
//! clauses a story may lack ([`Droppable`]).

use super::engine::ClausePlan;
use super::index::SearchIndex;
use super::score::is_stopword;

impl SearchIndex {
    /// The number among the positive clauses of the last word of a query shaped as an act's or
    /// bill's name that names none the stories name: a story may lack it, at
    /// [`score::Weights::partial_act`](super::score::Weights::partial_act) of its score. Not for
    /// a person's bill ("goodlatte bill"), nor for words naming a bill together ("patriot act").
    pub(crate) fn unnamed_act(&self, positive: &[&ClausePlan]) -> Option<usize> {
        let last = positive.len().checked_sub(1)?;
        let shaped = matches!(
            positive[last].clause.plain_word(),
            Some("act" | "acts" | "bill" | "bills")
        );
        let others = positive[..last]
            .iter()
            .filter(|p| p.clause.plain_word().is_some_and(|w| !is_stopword(w)))
            .count();
        // "act" alone names no bill (too many have it); the query's words all in one run naming
        // a bill do. A person's name ("goodlatte bill") is a bill of theirs, not a subject.
        let named = (positive[last].run == Some(0) && !positive[last].resolved.bills.is_empty())
            || positive.iter().any(|p| self.names_someone(p));
        (shaped
            && others >= 1
            && positive.iter().all(|p| p.clause.plain_word().is_some())
            && !named
            && last < 64
            && self.weights.partial_act > 0.0)
            .then_some(last)
    }

    /// Whether a clause names a person exactly, as a name more than as a word: the stories of
    /// someone it names are at least [`Weights::name_share`](super::score::Weights::name_share)
    /// of those with the word ("goodlatte", not "care" for the one story's "Care" of a misread
    /// title).
    pub(crate) fn names_someone(&self, p: &ClausePlan) -> bool {
        let exact = || p.resolved.people.iter().filter(|x| x.1 >= 1.0);
        if exact().next().is_none() {
            return false;
        }
        let with_word = (p.clause.plain_word())
            .and_then(|w| self.vocab.find(w))
            .map_or(0, |t| self.df(t));
        exact().any(|&(id, _)| {
            (self.people.get(id as usize)).is_some_and(|n| {
                n.articles.len() as f32 >= self.weights.name_share * with_word as f32
            })
        })
    }
}

/// The positive clauses a story may lack one of ([`SearchIndex::droppable`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Droppable {
    /// Bit `i` set: a story may lack positive clause `i`.
    pub mask: u64,
    /// The commonest of them.
    pub commonest: usize,
    /// The share of its score at which a story lacking the commonest competes (0: it follows).
    pub share: f32,
    /// The same for a story lacking another of them ([`score::Weights::partial_rare`]).
    pub rare: f32,
    /// Bit `i` set: a story lacking positive clause `i` competes at [`Droppable::optional_share`]
    /// ([`SearchIndex::unnamed_act`]).
    pub optional: u64,
    /// The share of its score at which a story lacking an optional clause competes.
    pub optional_share: f32,
    /// When above 0, a story lacking a word is ranked only when each word it keeps names a
    /// person or bill of the story, at this share of the word's best score or more (a typo of
    /// the name in another person's story does not, nor the word in another sense).
    pub floor: f32,
}

impl Droppable {
    /// `words` (the words a story may lack, if any), with positive clause `i` optional at
    /// `share`.
    pub fn optional(words: Option<Droppable>, i: usize, share: f32) -> Droppable {
        let bit = if i < 64 { 1 << i } else { 0 };
        let mut d = words.unwrap_or(Droppable {
            mask: 0,
            commonest: i,
            share,
            rare: 0.0,
            floor: 0.0,
            optional: 0,
            optional_share: share,
        });
        d.mask |= bit;
        d.optional |= bit;
        d.optional_share = share;
        d
    }

    /// Whether a story may lack positive clause `i`.
    pub fn allows(&self, i: usize) -> bool {
        i < 64 && self.mask & (1 << i) != 0
    }

    /// The share of its score at which a story competes: all of it when it lacks no clause (`missing` is
    /// `None`), else that of the clause it lacks (0: it follows those with every clause).
    pub fn mix(drop: Option<Droppable>, missing: Option<usize>) -> f32 {
        match (missing, drop) {
            (Some(i), Some(x)) => x.share_of(i),
            _ => 1.0,
        }
    }

    /// The share of its score at which a story lacking the positive clauses `missing` competes:
    /// [`share_of`](Self::share_of) the one it may lack, else `some` when the query is an act's
    /// name that names none ([`SearchIndex::some_words`]' stories), else 0.
    pub fn share_lacking(&self, missing: &[usize], some: f32) -> f32 {
        match missing {
            [] => 1.0,
            [i] if self.allows(*i) => self.share_of(*i),
            _ if self.optional != 0 => some,
            _ => 0.0,
        }
    }

    /// The share of its score at which a story lacking positive clause `i` competes.
    pub fn share_of(&self, i: usize) -> f32 {
        if i < 64 && self.optional & (1 << i) != 0 {
            self.optional_share
        } else if i == self.commonest {
            self.share
        } else {
            self.rare
        }
    }
}
