//! How much a story is about the people and bills a query names: named in its title, their share of the story's mentions, and how often.

use super::SearchIndex;
use super::engine::ClausePlan;
use super::index::Named;
use super::score::{Mentions, Weights};

/// Every story's mentions of the entities of `named` in all (the denominator of one's share).
pub(crate) fn mention_totals(named: &[Named], n: usize) -> Vec<u32> {
    let mut totals = vec![0u32; n];
    for e in named {
        for (&doc, m) in e.articles.iter().zip(&e.mentions) {
            if let Some(t) = totals.get_mut(doc as usize) {
                *t += u32::from(m.count);
            }
        }
    }
    totals
}

/// The entities the query's words name surely (in a run of words that name one together, or as
/// the word itself), each with its best fuzz and how many of the words name it.
fn named_by(
    positive: &[&ClausePlan],
    list: impl Fn(&ClausePlan) -> &[(u32, f32)],
) -> Vec<(u32, f32, usize)> {
    let mut found: Vec<(u32, f32, usize)> = Vec::new();
    for p in positive {
        for &(id, fuzz) in list(p) {
            if p.run.is_none() && fuzz < 1.0 {
                continue;
            }
            match found.iter_mut().find(|x| x.0 == id) {
                Some(x) => {
                    x.1 = x.1.max(fuzz);
                    x.2 += 1;
                }
                None => found.push((id, fuzz, 1)),
            }
        }
    }
    found
}

/// The people and bills a query names, each with its part of the bonus and the mention totals
/// its share is taken of.
pub(crate) struct About<'a> {
    weights: &'a Weights,
    named: Vec<(&'a Named, &'a [u32], f32)>,
}

impl<'a> About<'a> {
    /// Those the query's positive clauses name (`None`: nobody, or the weights are 0). Each
    /// counts at its fuzz and at the share of the query's words that name it: a query of a
    /// person and other words wants both.
    pub(crate) fn of(index: &'a SearchIndex, plans: &[ClausePlan]) -> Option<About<'a>> {
        let w = &index.weights;
        if w.about_title == 0.0 && w.about_share == 0.0 && w.about_count == 0.0 {
            return None;
        }
        let positive: Vec<&ClausePlan> = plans.iter().filter(|p| !p.clause.negated).collect();
        let words = positive.len().max(1) as f32;
        let mut named = Vec::new();
        for (found, all, totals, weight) in [
            (
                named_by(&positive, |p| &p.resolved.people),
                &index.people,
                &index.mention_totals.0,
                1.0,
            ),
            (
                named_by(&positive, |p| &p.resolved.bills),
                &index.bills,
                &index.mention_totals.1,
                w.about_bills,
            ),
        ] {
            for (id, fuzz, naming) in found {
                if let Some(e) = all.get(id as usize) {
                    named.push((e, totals.as_slice(), weight * fuzz * naming as f32 / words));
                }
            }
        }
        (!named.is_empty()).then_some(About { weights: w, named })
    }

    /// What one mention record adds, before its part.
    fn bonus(&self, m: Mentions, total: u32) -> f32 {
        let w = self.weights;
        let count = f32::from(m.count);
        (if m.title { w.about_title } else { 0.0 })
            + w.about_share * (count / total.max(1) as f32).min(1.0)
            + w.about_count * count.ln_1p()
    }

    /// Every story's factor (1 or more), for ranking.
    pub(crate) fn factors(&self, n: usize) -> Vec<f32> {
        let mut factor = vec![1.0f32; n];
        for &(e, totals, part) in &self.named {
            for (&doc, &m) in e.articles.iter().zip(&e.mentions) {
                let total = totals.get(doc as usize).copied().unwrap_or(0);
                if let Some(f) = factor.get_mut(doc as usize) {
                    *f += part * self.bonus(m, total);
                }
            }
        }
        factor
    }

    /// One story's factor, for its explanation.
    pub(crate) fn factor(&self, doc: usize) -> f32 {
        let mut f = 1.0;
        for &(e, totals, part) in &self.named {
            if let Ok(i) = e.articles.binary_search(&(doc as u32))
                && let Some(&m) = e.mentions.get(i)
            {
                f += part * self.bonus(m, totals.get(doc).copied().unwrap_or(0));
            }
        }
        f
    }
}
