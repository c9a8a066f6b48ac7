//! Which stories a query may list at all, and, when few have every word, those with some of its words.

use chrono::NaiveDate;
use rayon::prelude::*;

use super::engine::ClausePlan;
use super::index::SearchIndex;
use super::marks::Marks;
use super::query::Query;
use super::score::{self, is_stopword};

/// What every listed story must pass: within the stories asked for, no excluded word, in the
/// date range.
pub(crate) struct Gate<'a> {
    allowed: Option<Vec<u64>>,
    negative: Vec<&'a [f32]>,
    after: Option<NaiveDate>,
    before: Option<NaiveDate>,
    dates: &'a [Option<NaiveDate>],
}

impl<'a> Gate<'a> {
    pub fn new(
        index: &'a SearchIndex,
        query: &Query,
        plans: &'a [ClausePlan],
        within: Option<&[u32]>,
    ) -> Gate<'a> {
        let allowed = within.map(|list| {
            let mut bits = vec![0u64; index.n.div_ceil(64)];
            for &d in list {
                if let Some(word) = bits.get_mut(d as usize / 64) {
                    *word |= 1 << (d % 64);
                }
            }
            bits
        });
        Gate {
            allowed,
            negative: (plans.iter().filter(|p| p.clause.negated))
                .map(|p| p.marks.score.as_slice())
                .collect(),
            after: query.after,
            before: query.before,
            dates: &index.dates,
        }
    }

    /// `None` when story `d` may not be listed; else whether it is undated under a date bound
    /// (it may be in the range or not: it follows the dated ones).
    pub fn admits(&self, d: usize) -> Option<bool> {
        if (self.allowed.as_ref()).is_some_and(|bits| bits[d / 64] & (1 << (d % 64)) == 0)
            || self.negative.iter().any(|n| n[d] > 0.0)
        {
            return None;
        }
        let date = self.dates[d];
        if self.after.is_some_and(|a| date.is_some_and(|x| x < a))
            || self.before.is_some_and(|b| date.is_some_and(|x| x >= b))
        {
            return None;
        }
        Some(date.is_none() && (self.after.is_some() || self.before.is_some()))
    }
}

impl SearchIndex {
    /// The stories not yet `listed` that have two or more but not all of the query's plain words
    /// (stopwords aside; not a word naming a person, alone as a name or in a run, though a word
    /// that is more a word than a name may be lacked: "care", not the one story's misread
    /// "Care"; [`SearchIndex::names_someone`]), and every other clause, as (score, story): the
    /// sum of their words' scores at the coordination of the words' balance and the story's
    /// aboutness (`about`), as for those with every word. "political parties elections and
    /// referendums act": the stories of party funding and elections that name no act. Empty
    /// when the query has fewer than three such words (a story lacking one of two is
    /// [`SearchIndex::droppable`]'s to rank).
    /// `marks` and `weight` are the positive clauses' marks and balance weights, as the first
    /// pass ranked them.
    pub(crate) fn some_words(
        &self,
        plans: &[ClausePlan],
        marks: &[&Marks],
        weight: &[f32],
        gate: &Gate<'_>,
        about: Option<&[f32]>,
        listed: &[(f32, u32)],
    ) -> Vec<(f32, u32)> {
        let positive: Vec<&ClausePlan> = plans.iter().filter(|p| !p.clause.negated).collect();
        // Per positive clause: whether a story may lack it, and whether it counts as a word had.
        let loose: Vec<(bool, bool)> = positive
            .iter()
            .map(|p| match p.clause.plain_word() {
                Some(w)
                    if (p.run.is_none() || p.resolved.people.is_empty())
                        && !self.names_someone(p) =>
                {
                    (true, !is_stopword(w))
                }
                _ => (false, false),
            })
            .collect();
        if loose.iter().filter(|l| l.1).count() < 3 {
            return Vec::new();
        }
        let w = &self.weights;
        let mut seen = vec![0u64; self.n.div_ceil(64)];
        for &(_, d) in listed {
            seen[d as usize / 64] |= 1 << (d % 64);
        }
        (0..self.n)
            .into_par_iter()
            .with_min_len(4096)
            .filter_map(|d| {
                if seen[d / 64] & (1 << (d % 64)) != 0 {
                    return None;
                }
                gate.admits(d)?;
                let (mut sum, mut balance, mut had, mut lacks) = (0.0, 1.0f32, 0, false);
                for ((m, &(may_lack, counts)), &wt) in marks.iter().zip(&loose).zip(weight) {
                    let s = m.score[d];
                    if s <= 0.0 {
                        if !may_lack {
                            return None;
                        }
                        lacks = true;
                    } else if counts {
                        had += 1;
                    }
                    sum += s;
                    balance = balance.min(score::Weights::share(s, m.best, wt));
                }
                let about = about.and_then(|f| f.get(d)).copied().unwrap_or(1.0);
                (had >= 2 && lacks).then(|| (sum * w.coordinate(balance) * about, d as u32))
            })
            .collect()
    }
}
