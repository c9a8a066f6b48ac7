//! Running a query: resolve each clause to terms and entities, mark the articles, AND, rank.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::Hit;
use super::index::SearchIndex;
use super::names::{bill_entities, entity_matches};
use super::query::{Clause, Query, Scope, Term};
use crate::corpus::Article;

/// Ranking classes, best first: an extracted person or bill, the title or source, the body.
pub(crate) const ENTITY: u32 = 3;
pub(crate) const TITLE: u32 = 2;
pub(crate) const BODY: u32 = 1;

/// Added to the score of a strong match: an entity, an exact or prefix word, a fuzzy word about
/// as good as the best one. Weak matches ("massive" for "masie" when "massie" exists) rank after
/// every strong one, whatever their field.
pub(crate) const STRONG: i64 = 1 << 20;

/// Packs strength, class and fuzzy score into one comparable number (0 means no match).
pub(crate) fn pack(class: u32, score: i64) -> u32 {
    let strong = u32::from(score >= STRONG);
    (strong << 28) | (class << 24) | ((score % STRONG).clamp(1, 0xF_FFFF) as u32)
}

/// The class of a packed match.
pub(crate) fn class_of(packed: u32) -> u32 {
    (packed >> 24) & 0xF
}

/// Weight of one clause's packed match in a story's score: strength, then class, then score.
fn weight(packed: u32) -> i64 {
    i64::from(packed >> 28) * 10_000
        + i64::from(class_of(packed)) * 1000
        + i64::from(packed & 0xF_FFFF).min(999)
}

/// What one clause resolved to.
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolved {
    /// Vocabulary terms with scores.
    pub terms: Vec<(u32, i64)>,
    /// People with scores.
    pub people: Vec<(u32, i64)>,
    /// Bills with scores.
    pub bills: Vec<(u32, i64)>,
    /// Sources with scores.
    pub sources: Vec<(u32, i64)>,
}

/// A clause with what it resolved to and the articles it matches (packed class and score).
#[derive(Debug, Clone)]
pub(crate) struct ClausePlan {
    pub clause: Clause,
    pub resolved: Resolved,
    pub dense: Arc<Vec<u32>>,
}

/// The ranked stories of one query, without match details until asked for.
#[derive(Debug, Clone)]
pub struct Ranking {
    /// Ranked hits (`matches` empty until [`Ranking::explain`] or [`Ranking::fill`]).
    pub hits: Vec<Hit>,
    /// How many stories matched in all (`hits` may be cut at the limit).
    pub total: usize,
    pub(crate) plans: Arc<Vec<ClausePlan>>,
}

impl SearchIndex {
    /// Ranks the stories matching `query`, best first, and says why each matched; at most `limit`.
    pub fn search(&self, articles: &[Article], query: &Query, limit: usize) -> Vec<Hit> {
        match self.rank(articles, query, limit, &|| false) {
            Some(mut r) => {
                r.fill(self, articles, 0..r.hits.len());
                r.hits
            }
            None => Vec::new(),
        }
    }

    /// Ranks without match details, checking `stale()` between steps and giving up (`None`)
    /// as soon as it returns true. Fill in details for the rows shown with [`Ranking::fill`].
    pub fn rank(
        &self,
        articles: &[Article],
        query: &Query,
        limit: usize,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranking> {
        self.rank_within(articles, query, limit, None, stale)
    }

    /// Like [`rank`](Self::rank), counting only the articles listed in `within` (for a search
    /// inside a pivot or an earlier search), so that the limit applies to what can be shown.
    pub fn rank_within(
        &self,
        articles: &[Article],
        query: &Query,
        limit: usize,
        within: Option<&[u32]>,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranking> {
        let allowed: Option<Vec<u64>> = within.map(|list| {
            let mut bits = vec![0u64; self.n.div_ceil(64)];
            for &d in list {
                if let Some(word) = bits.get_mut(d as usize / 64) {
                    *word |= 1 << (d % 64);
                }
            }
            bits
        });
        let mut plans = Vec::with_capacity(query.clauses.len());
        for clause in &query.clauses {
            if stale() {
                return None;
            }
            plans.push(self.plan(articles, clause, stale)?);
        }
        if stale() {
            return None;
        }
        let positive: Vec<&[u32]> = plans
            .iter()
            .filter(|p| !p.clause.negated)
            .map(|p| p.dense.as_slice())
            .collect();
        let negative: Vec<&[u32]> = plans
            .iter()
            .filter(|p| p.clause.negated)
            .map(|p| p.dense.as_slice())
            .collect();
        if query.is_empty() {
            return Some(Ranking {
                hits: Vec::new(),
                total: 0,
                plans: Arc::new(plans),
            });
        }
        let mut found: Vec<(i64, u32)> = (0..self.n)
            .into_par_iter()
            .with_min_len(4096)
            .filter_map(|d| {
                if allowed
                    .as_ref()
                    .is_some_and(|bits| bits[d / 64] & (1 << (d % 64)) == 0)
                {
                    return None;
                }
                if negative.iter().any(|n| n[d] != 0) {
                    return None;
                }
                let date = self.dates[d];
                if query.after.is_some_and(|a| date.is_none_or(|x| x < a))
                    || query.before.is_some_and(|b| date.is_none_or(|x| x >= b))
                {
                    return None;
                }
                let mut score = 0;
                for p in &positive {
                    if p[d] == 0 {
                        return None;
                    }
                    score += weight(p[d]);
                }
                Some((score, d as u32))
            })
            .collect();
        let total = found.len();
        let order = |a: &(i64, u32), b: &(i64, u32)| -> Ordering {
            b.0.cmp(&a.0)
                .then_with(|| self.dates[b.1 as usize].cmp(&self.dates[a.1 as usize]))
                .then_with(|| a.1.cmp(&b.1))
        };
        if limit < found.len() {
            if limit == 0 {
                found.clear();
            } else {
                found.select_nth_unstable_by(limit - 1, order);
                found.truncate(limit);
            }
        }
        found.sort_unstable_by(order);
        let hits = found
            .into_iter()
            .map(|(score, d)| Hit {
                article: d as usize,
                score,
                matches: Vec::new(),
            })
            .collect();
        Some(Ranking {
            hits,
            total,
            plans: Arc::new(plans),
        })
    }

    /// What a reader shows first: [`rank_within`](Self::rank_within), with the match details of
    /// the first [`FIRST_DETAILS`](super::FIRST_DETAILS) hits filled in.
    pub fn rank_first(
        &self,
        articles: &[Article],
        query: &Query,
        limit: usize,
        within: Option<&[u32]>,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranking> {
        let mut r = self.rank_within(articles, query, limit, within, stale)?;
        r.fill(self, articles, 0..super::FIRST_DETAILS);
        Some(r)
    }

    /// Resolves one clause and marks the articles it matches (cached while the user types).
    fn plan(
        &self,
        articles: &[Article],
        clause: &Clause,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<ClausePlan> {
        let key = clause.to_string();
        let cached = self.cache.lock().ok().and_then(|c| c.clause(&key));
        let (resolved, dense) = if let Some((r, d)) = cached {
            (Resolved::clone(&r), d)
        } else {
            let resolved = self.resolve(clause, stale)?;
            let d = Arc::new(match &clause.term {
                Term::Phrase(p) if matches!(clause.scope, Scope::Any | Scope::Title) => {
                    self.phrase_dense(articles, p, clause.scope, stale)?
                }
                _ => self.dense(clause, &resolved),
            });
            if let Ok(mut c) = self.cache.lock() {
                c.store_clause(&key, Arc::new(resolved.clone()), Arc::clone(&d));
            }
            (resolved, d)
        };
        Some(ClausePlan {
            clause: clause.clone(),
            resolved,
            dense,
        })
    }

    /// Finds the terms, people, bills and sources a clause can match.
    fn resolve(&self, clause: &Clause, stale: &(dyn Fn() -> bool + Sync)) -> Option<Resolved> {
        let mut r = Resolved::default();
        let exact = clause.negated;
        match (&clause.term, clause.scope) {
            (Term::Word(w), Scope::Any | Scope::Title) => {
                r.terms = if exact {
                    self.vocab
                        .find(w)
                        .map(|t| vec![(t, 999)])
                        .unwrap_or_default()
                } else {
                    self.word_terms(w, stale)?
                };
                if clause.scope == Scope::Any {
                    r.people = entity_matches(&self.people, w, exact);
                    r.bills = entity_matches(&self.bills, w, exact);
                }
            }
            (Term::Phrase(p), Scope::Any | Scope::Title) => {
                if clause.scope == Scope::Any {
                    r.people = entity_matches(&self.people, p, true);
                    r.bills = entity_matches(&self.bills, p, true);
                }
            }
            (Term::Word(w) | Term::Phrase(w), Scope::Person) => {
                r.people = entity_matches(&self.people, w, false);
            }
            (Term::Word(w) | Term::Phrase(w), Scope::Bill) => {
                r.bills = entity_matches(&self.bills, w, false);
            }
            (Term::Word(w) | Term::Phrase(w), Scope::Source) => {
                r.sources = entity_matches(&self.sources, w, false);
            }
            (Term::Bill(k), scope) => {
                if scope != Scope::Person && scope != Scope::Source {
                    r.terms = self.bill_terms(k, exact);
                }
                if matches!(scope, Scope::Any | Scope::Bill) {
                    r.bills = bill_entities(&self.bills, k, exact);
                }
            }
        }
        Some(r)
    }

    /// Packed match per article for a resolved clause.
    fn dense(&self, clause: &Clause, r: &Resolved) -> Vec<u32> {
        let body = clause.scope != Scope::Title;
        let mark_terms = |d: &mut Vec<u32>, terms: &[(u32, i64)]| {
            for &(t, s) in terms {
                let packed = pack(TITLE, s);
                for doc in self.title.iter(t) {
                    if let Some(x) = d.get_mut(doc as usize) {
                        *x = (*x).max(packed);
                    }
                }
                if body {
                    let packed = pack(BODY, s);
                    for doc in self.body.iter(t) {
                        if let Some(x) = d.get_mut(doc as usize) {
                            *x = (*x).max(packed);
                        }
                    }
                }
            }
        };
        // Long postings (short prefixes such as "h") are decoded on both cores, each into its own
        // array, merged by maximum.
        let postings: usize = r
            .terms
            .iter()
            .map(|&(t, _)| (self.title.count(t) + self.body.count(t)) as usize)
            .sum();
        let mut d = if postings > 4 * self.n && r.terms.len() > 1 {
            let (first, second) = r.terms.split_at(r.terms.len() / 2);
            let one = |terms: &[(u32, i64)]| {
                let mut marks = vec![0u32; self.n];
                mark_terms(&mut marks, terms);
                marks
            };
            let (mut left, right) = rayon::join(|| one(first), || one(second));
            for (p, q) in left.iter_mut().zip(right) {
                *p = (*p).max(q);
            }
            left
        } else {
            let mut d = vec![0u32; self.n];
            mark_terms(&mut d, &r.terms);
            d
        };
        for (list, named, class) in [
            (&r.people, &self.people, ENTITY),
            (&r.bills, &self.bills, ENTITY),
            (&r.sources, &self.sources, TITLE),
        ] {
            for &(e, s) in list {
                for &doc in &named[e as usize].articles {
                    if let Some(x) = d.get_mut(doc as usize) {
                        // An entity that the title names too ranks above a passing mention.
                        let bonus = if class == ENTITY && class_of(*x) == TITLE {
                            TITLE_TOO
                        } else {
                            0
                        };
                        *x = (*x).max(pack(class, s + bonus));
                    }
                }
            }
        }
        d
    }
}

/// Added to an entity match when the story's title matches the word too.
const TITLE_TOO: i64 = 500;
