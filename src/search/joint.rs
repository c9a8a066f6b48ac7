//! Query-level readings of a query's words: the people and bills consecutive words name together,
//! and each word's forms for the proximity bonus.

use std::sync::Arc;

use rayon::prelude::*;

use super::engine::ClausePlan;
use super::index::SearchIndex;
use super::names::entity_matches;
use super::query::{Clause, Scope, Term};
use super::score::{self, Pair, WordSets, is_stopword};
use super::typo_pair::Joint;
pub(crate) use super::unnamed::Droppable;
use crate::corpus::Article;

/// People and bills a clause is restricted to, with their fuzz.
pub(crate) type Names = (Vec<(u32, f32)>, Vec<(u32, f32)>);

/// The ids of `a` (sorted) that are in `b` (sorted).
fn keep_in(a: &[u32], b: &[u32]) -> Vec<u32> {
    a.iter()
        .filter(|x| b.binary_search(x).is_ok())
        .copied()
        .collect()
}

impl SearchIndex {
    /// People and bills named by consecutive words of the query together ("rand paul", "tax cuts
    /// and jobs act"): for each clause of such a run, the names every word of the run matches
    /// (the clause's own fuzz), which replace the names it matches alone ("paul" alone also
    /// finds Ron Paul), with the number of the run's first clause. `None` for clauses outside a
    /// run. A word read as a typo of a name's word ([`typo_pair`](Self::typo_pair)) comes with
    /// that word, to be searched instead.
    pub(crate) fn joint_names(&self, clauses: &[Clause]) -> Vec<Option<Joint>> {
        let mut out: Vec<Option<Joint>> = vec![None; clauses.len()];
        let lists: Vec<Option<Names>> = clauses
            .iter()
            .map(|c| match (&c.term, c.scope, c.negated) {
                (Term::Word(word), Scope::Any, false) => Some(Names::clone(&self.word_names(word))),
                _ => None,
            })
            .collect();
        let words: Vec<Option<&str>> = clauses
            .iter()
            .map(|c| match &c.term {
                Term::Word(w) => Some(w.as_str()),
                _ => None,
            })
            .collect();
        let ids = |v: &[(u32, f32)]| -> Vec<u32> {
            let mut ids: Vec<u32> = v.iter().map(|x| x.0).collect();
            ids.sort_unstable();
            ids
        };
        let mut i = 0;
        while i < lists.len() {
            let Some((p0, b0)) = &lists[i] else {
                i += 1;
                continue;
            };
            let (mut people, mut bills) = (ids(p0), ids(b0));
            let mut j = i + 1;
            while let Some(Some((p, b))) = lists.get(j) {
                let (np, nb) = (keep_in(&people, &ids(p)), keep_in(&bills, &ids(b)));
                if np.is_empty() && nb.is_empty() {
                    break;
                }
                (people, bills) = (np, nb);
                j += 1;
            }
            if j == i + 1
                && let (Some(a), Some(Some(b))) = (words[i], lists.get(j))
                && let Some(words_j) = words[j]
                && let Some([ja, jb]) = self.typo_pair(i, (a, p0), (words_j, &b.0))
            {
                out[i] = Some(ja);
                out[j] = Some(jb);
                i = j + 1;
                continue;
            }
            if j - i >= 2 {
                for k in i..j {
                    if let Some((p, b)) = &lists[k] {
                        // A name every word of the run matches is the name meant: a typo of it
                        // is not dominated by the other names the word alone matched better
                        // ("alexandra ocasio-cortez": not some Alexandra).
                        let typo = self.weights.typo;
                        let dominated = self.weights.dominated;
                        let only = |v: &[(u32, f32)], keep: &[u32]| -> Vec<(u32, f32)> {
                            v.iter()
                                .filter(|x| keep.binary_search(&x.0).is_ok())
                                .map(|&(id, f)| (id, if f <= dominated { typo } else { f }))
                                .collect()
                        };
                        out[k] = Some(Joint {
                            run: i,
                            names: (only(p, &people), only(b, &bills)),
                            instead: None,
                        });
                    }
                }
            }
            i = j.max(i + 1);
        }
        out
    }

    /// The people and bills a word alone names, without those it names only by a word that many
    /// names share ("act" alone is not every act, "john" not every John): a kind of entity is
    /// dropped when the word names more than [`score::GENERIC_NAMES`] of them; and people it
    /// names only by their given name, when it is the given name of two or more ("bill" in
    /// "compensation bill" is neither Bill Clinton nor Bill Taylor; "nancy" alone still names the
    /// one Nancy).
    pub(crate) fn distinctive(&self, word: &str, names: &Names) -> Names {
        let keep = |v: &[(u32, f32)], all: usize| -> Vec<(u32, f32)> {
            if v.len() as f32 > score::GENERIC_NAMES * all as f32 && v.len() > 1 {
                Vec::new()
            } else {
                v.to_vec()
            }
        };
        // No name of theirs has the word but as its first of several.
        let given = |id: u32| {
            self.people[id as usize].names.iter().all(|name| {
                let (mut at, mut first, mut elsewhere) = (0, false, false);
                super::text::for_each_word(name, |w| {
                    first |= at == 0 && w == word;
                    elsewhere |= at > 0 && w == word;
                    at += 1;
                });
                !elsewhere && (at != 1 || !first)
            })
        };
        let mut people = keep(&names.0, self.people.len());
        let given: Vec<bool> = people.iter().map(|p| given(p.0)).collect();
        if given.iter().filter(|&&g| g).count() >= 2 {
            let mut g = given.iter();
            people.retain(|_| g.next() == Some(&false));
        }
        (people, keep(&names.1, self.bills.len()))
    }

    /// The people and bills a word names (remembered while the user types).
    pub(crate) fn word_names(&self, word: &str) -> Arc<Names> {
        if let Some(n) = self.cache.lock().ok().and_then(|c| c.names(word)) {
            return n;
        }
        let w = &self.weights;
        let (people, bills) = rayon::join(
            || entity_matches(&self.people, word, false, w),
            || entity_matches(&self.bills, word, false, w),
        );
        let n = Arc::new((people, bills));
        if let Ok(mut c) = self.cache.lock() {
            c.store_names(word, Arc::clone(&n));
        }
        n
    }

    /// Re-scores the best stories with the phrases and the proximity of the query's words (one
    /// pass over each story's text).
    pub(crate) fn rerank(&self, articles: &[Article], sets: &WordSets, found: &mut [(f32, u32)]) {
        let w = &self.weights;
        found.par_iter_mut().for_each(|(s, d)| {
            if let Some(a) = articles.get(*d as usize) {
                let scan = sets.scan(&a.title, &a.body);
                let inv = self
                    .inv_norms
                    .get(*d as usize)
                    .copied()
                    .unwrap_or((1.0, 1.0));
                let phrases: f32 = sets
                    .pairs
                    .iter()
                    .zip(&scan.pairs)
                    .map(|(p, &(t, b))| w.phrase_part(p.idf, t, b, inv).1)
                    .sum();
                *s = (*s + phrases) * w.proximity_factor(scan.span, sets.words);
            }
        });
    }

    /// The positive clause (its number among them) a story may lack: the commonest of three or
    /// more plain words (stopwords aside), so that "schumer iran deal" goes on with the stories
    /// of Schumer and Iran, or of two or more when the query is plain words naming no person or
    /// bill (a topic such as "opioid crisis"); with the share of its score at which such a story
    /// competes with those that have every word ([`score::Weights::partial`] for a topic,
    /// [`score::Weights::partial_named`] otherwise; 0: it follows them when few have them all).
    /// `None` for shorter queries.
    /// The last word of a query shaped as an act's name that names no act of the stories may be
    /// lacking too ([`unnamed_act`](Self::unnamed_act)).
    pub(crate) fn droppable(&self, plans: &[ClausePlan]) -> Option<Droppable> {
        let positive: Vec<&ClausePlan> = plans.iter().filter(|p| !p.clause.negated).collect();
        let words = self.droppable_words(&positive);
        match self.unnamed_act(&positive) {
            Some(i) => Some(Droppable::optional(words, i, self.weights.partial_act)),
            None => words,
        }
    }

    fn droppable_words(&self, positive: &[&ClausePlan]) -> Option<Droppable> {
        let words: Vec<(usize, f32)> = positive
            .iter()
            .enumerate()
            .filter(|(_, p)| p.clause.plain_word().is_some_and(|w| !is_stopword(w)))
            .map(|(i, p)| (i, self.word_idf(&p.resolved)))
            .collect();
        // A word of a run that names a person ("howard" in "howard flight deselection") is never
        // the one a story may lack: Michael Howard's stories are not Howard Flight's.
        // (A clause is in a run only with another: `joint_names`.)
        let in_name =
            |i: usize| positive[i].run.is_some() && !positive[i].resolved.people.is_empty();
        let plain = positive.iter().all(|p| {
            matches!(
                (&p.clause.term, p.clause.scope),
                (Term::Word(_), Scope::Any)
            ) && p.resolved.people.is_empty()
                && p.resolved.bills.is_empty()
        });
        if words.len() == 2 && !plain && positive.len() == 2 {
            return self.droppable_pair(positive);
        }
        if words.len() < self.weights.partial_words
            && !(plain && words.len() >= 2 && self.weights.partial > 0.0)
        {
            return None;
        }
        let share = if plain {
            self.weights.partial
        } else {
            self.weights.partial_named
        };
        let plain_words = words.len();
        let mut words: Vec<(usize, f32)> = words.into_iter().filter(|w| !in_name(w.0)).collect();
        if words.is_empty() {
            return None;
        }
        words.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mask = words
            .iter()
            .take(if plain_words >= 3 {
                self.weights.partial_choices.max(1)
            } else {
                1
            })
            .filter(|w| w.0 < 64)
            .fold(0u64, |m, w| m | 1 << w.0);
        (mask != 0).then(|| Droppable {
            mask,
            commonest: words[0].0,
            share,
            rare: self.weights.partial_rare,
            floor: 0.0,
            optional: 0,
            optional_share: 0.0,
        })
    }

    /// A name and one other word ("livingstone nazi", "tlaib israel"): a story of the name that
    /// lacks the other word follows those with both when few have both; never a story that lacks
    /// the name, nor a word of a two-word name ("jack straw").
    fn droppable_pair(&self, positive: &[&ClausePlan]) -> Option<Droppable> {
        // The word is a word of a name, not its beginning ("net" is not Netanyahu).
        let named = |p: &ClausePlan| {
            let r = &p.resolved;
            r.people
                .iter()
                .chain(&r.bills)
                .any(|&(_, fuzz)| fuzz >= 1.0)
        };
        let one_name = positive[0].run.is_some() && positive[0].run == positive[1].run;
        let other = match (named(positive[0]), named(positive[1])) {
            (true, false) => 1,
            (false, true) => 0,
            _ => return None,
        };
        (!one_name && self.weights.partial_pair >= 0.0).then_some(Droppable {
            mask: 1 << other,
            commonest: other,
            share: self.weights.partial_pair,
            rare: 0.0,
            floor: self.weights.partial_floor,
            optional: 0,
            optional_share: 0.0,
        })
    }

    /// The forms of each positive word (or phrase) clause, for the proximity of a query's words,
    /// and the pairs of consecutive words (stopwords aside) that count as phrases: all but those
    /// within a run naming only people (their mentions already count the name as a whole).
    pub(crate) fn word_sets(&self, plans: &[ClausePlan]) -> WordSets {
        let mut sets = WordSets::default();
        sets.window = self.weights.phrase_window;
        let mut word = 0;
        // The previous word that can start a pair: (its number, plan, idf).
        let mut prev: Option<(usize, &ClausePlan, f32)> = None;
        for p in plans.iter().filter(|p| !p.clause.negated) {
            match (&p.clause.term, p.clause.scope) {
                (Term::Word(w), Scope::Any | Scope::Title) => {
                    let best = p.resolved.terms.iter().map(|t| t.1).fold(0.0, f32::max);
                    for &(t, fuzz) in &p.resolved.terms {
                        if fuzz >= best / 2.0 {
                            sets.add(word, self.vocab.term(t));
                        }
                    }
                    if !is_stopword(w) && word < 32 {
                        let idf = self.word_idf(&p.resolved);
                        if let Some((first, q, q_idf)) = prev
                            && !(p.run.is_some()
                                && p.run == q.run
                                && p.resolved.bills.is_empty()
                                && !p.resolved.people.is_empty())
                            && idf.is_finite()
                        {
                            sets.pairs.push(Pair {
                                first,
                                second: word,
                                label: format!("{} {w}", q.clause),
                                idf: f32::midpoint(idf, q_idf),
                            });
                        }
                        prev = idf.is_finite().then_some((word, p, idf));
                    }
                    word += 1;
                }
                (Term::Phrase(ph), Scope::Any | Scope::Title) => {
                    if let Some(first) = super::text::words(ph).first() {
                        sets.add(word, first);
                        word += 1;
                    }
                    prev = None;
                }
                _ => prev = None,
            }
        }
        sets
    }
}
