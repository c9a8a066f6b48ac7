//! Running a query: resolve each clause to terms and entities, mark the articles, AND, rank.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::Hit;
use super::about::About;
use super::index::SearchIndex;
use super::joint::{Droppable, Names};
use super::loose::Loose;
use super::marks::Marks;
use super::query::{Clause, Query, Scope, Term};
use super::score;
use super::some::Gate;
use super::typo_pair::Joint;
use crate::corpus::Article;

/// Field classes of a match, best first: an extracted person or bill, the title or source, the body.
/// They choose what the match details show; the score comes from [`super::score`].
pub(crate) const ENTITY: u32 = 3;
pub(crate) const TITLE: u32 = 2;
pub(crate) const BODY: u32 = 1;

/// Scores are reported as integers: thousandths.
const SCALE: f32 = 1000.0;

/// What one clause resolved to, each with its fuzz (how surely it is the word typed, 0 to 1).
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolved {
    /// Vocabulary terms.
    pub terms: Vec<(u32, f32)>,
    /// The terms (of `terms`) that are forms of the word typed, the word itself included
    /// ("opioid", "opioids"): their occurrences add up, each weighted by its fuzz.
    pub forms: Vec<u32>,
    /// People.
    pub people: Vec<(u32, f32)>,
    /// Bills.
    pub bills: Vec<(u32, f32)>,
    /// Sources.
    pub sources: Vec<(u32, f32)>,
    /// The idf of a phrase (the sum of its words').
    pub phrase_idf: f32,
}

/// A clause with what it resolved to and its score in every article.
#[derive(Debug, Clone)]
pub(crate) struct ClausePlan {
    pub clause: Clause,
    pub resolved: Resolved,
    pub marks: Arc<Marks>,
    /// The first clause of the run of words that name a person or bill together, if in one.
    pub run: Option<usize>,
}

/// A comparison of (score, article) pairs.
type Order<'a> = dyn Fn(&(f32, u32), &(f32, u32)) -> Ordering + 'a;

/// The order of a result list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best first (date breaks exact ties).
    #[default]
    Relevance,
    /// Newest first (score breaks ties).
    Date,
}

/// The ranked stories of one query, without match details until asked for.
#[derive(Debug, Clone)]
pub struct Ranking {
    /// Ranked hits (`matches` empty until [`Ranking::explain`] or [`Ranking::fill`]).
    pub hits: Vec<Hit>,
    /// How many stories matched in all (`hits` may be cut at the limit).
    pub total: usize,
    pub(crate) plans: Arc<Vec<ClausePlan>>,
    /// The order the hits are in.
    pub(crate) sort: Sort,
    /// The stories listed after those with the query's phrases, with the words of the phrases.
    pub(crate) loose: Option<Arc<Loose>>,
}

impl SearchIndex {
    /// Ranks the stories matching `query`, best first, and says why each matched; at most `limit`.
    pub fn search(&self, articles: &[Article], query: &Query, limit: usize) -> Vec<Hit> {
        self.search_sorted(articles, query, limit, Sort::Relevance)
    }

    /// Like [`search`](Self::search), in the order asked for.
    pub fn search_sorted(
        &self,
        articles: &[Article],
        query: &Query,
        limit: usize,
        sort: Sort,
    ) -> Vec<Hit> {
        match self.rank_within(articles, query, limit, None, sort, &|| false) {
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
        self.rank_within(articles, query, limit, None, Sort::Relevance, stale)
    }

    /// Like [`rank`](Self::rank), counting only the articles listed in `within` (for a search
    /// inside a pivot or an earlier search), so that the limit applies to what can be shown, in
    /// the order `sort` asks for.
    pub fn rank_within(
        &self,
        articles: &[Article],
        query: &Query,
        limit: usize,
        within: Option<&[u32]>,
        sort: Sort,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranking> {
        let names = self.joint_names(&query.clauses);
        let mut plans = Vec::with_capacity(query.clauses.len());
        for (clause, names) in query.clauses.iter().zip(names) {
            if stale() {
                return None;
            }
            let run = names.as_ref().map(|n| n.run);
            let (clause, names) = Joint::read(names, clause);
            let mut plan = self.plan(articles, &clause, names, stale)?;
            plan.run = run;
            plans.push(plan);
        }
        if stale() {
            return None;
        }
        let positive: Vec<&Marks> = plans
            .iter()
            .filter(|p| !p.clause.negated)
            .map(|p| p.marks.as_ref())
            .collect();
        let gate = Gate::new(self, query, &plans, within);
        if query.is_empty() {
            return Some(Ranking {
                hits: Vec::new(),
                total: 0,
                plans: Arc::new(plans),
                sort,
                loose: None,
            });
        }
        let w = &self.weights;
        // Stories lacking only the commonest word compete with those that have every word at a
        // share of their score, or (share 0) follow them when few have every word. For an act's
        // name that names none, those with some of its words compete too.
        let drop = (sort == Sort::Relevance)
            .then(|| self.droppable(&plans))
            .flatten();
        let top = positive.iter().map(|p| p.best).fold(0.0f32, f32::max);
        let weight: Vec<f32> = positive
            .iter()
            .map(|p| w.balance_weight(p.best, top))
            .collect();
        let about = (sort == Sort::Relevance)
            .then(|| About::of(self, &plans).map(|a| a.factors(self.n)))
            .flatten();
        let matched: Vec<(f32, u32, bool)> = (0..self.n)
            .into_par_iter()
            .with_min_len(4096)
            .filter_map(|d| {
                let undated = gate.admits(d)?;
                let mut sum = 0.0;
                let mut balance = 1.0f32;
                let mut missing = None;
                for (i, p) in positive.iter().enumerate() {
                    let s = p.score[d];
                    if s <= 0.0 {
                        if missing.is_some() || !drop.is_some_and(|x| x.allows(i)) {
                            return None;
                        }
                        missing = Some(i);
                    }
                    sum += s;
                    balance = balance.min(score::Weights::share(s, p.best, weight[i]));
                }
                if let (Some(m), Some(x)) = (missing, drop)
                    && x.floor > 0.0
                    && positive.iter().enumerate().any(|(i, p)| {
                        i != m && (p.score[d] < x.floor * p.best || u32::from(p.class[d]) != ENTITY)
                    })
                {
                    return None;
                }
                let mut score = if positive.len() > 1 {
                    sum * w.coordinate(balance)
                } else {
                    sum
                };
                // Share 0: the story keeps its score to rank among those that follow.
                let mix = Droppable::mix(drop, missing);
                score *= if mix > 0.0 { mix } else { 1.0 };
                score *= about
                    .as_ref()
                    .and_then(|f| f.get(d))
                    .copied()
                    .unwrap_or(1.0);
                Some((score, d as u32, mix > 0.0 && !undated))
            })
            .collect();
        let (found, partial): (Vec<_>, Vec<_>) = matched.into_iter().partition(|m| m.2);
        let mut found: Vec<(f32, u32)> = found.into_iter().map(|m| (m.0, m.1)).collect();
        // An act's name that names none: the stories with some of its words compete (read here,
        // not again among the followers below).
        let some_compete = drop.is_some_and(|x| x.optional != 0) && w.partial_some_act > 0.0;
        if some_compete {
            let listed: Vec<_> = (found.iter().copied())
                .chain(partial.iter().map(|m| (m.0, m.1)))
                .collect();
            let some =
                self.some_words(&plans, &positive, &weight, &gate, about.as_deref(), &listed);
            found.extend(some.into_iter().map(|(s, d)| (s * w.partial_some_act, d)));
        }
        let mut total = found.len();
        let by_score = |a: &(f32, u32), b: &(f32, u32)| -> Ordering {
            b.0.total_cmp(&a.0)
                .then_with(|| self.dates[b.1 as usize].cmp(&self.dates[a.1 as usize]))
                .then_with(|| a.1.cmp(&b.1))
        };
        let by_date = |a: &(f32, u32), b: &(f32, u32)| -> Ordering {
            self.dates[b.1 as usize]
                .cmp(&self.dates[a.1 as usize])
                .then_with(|| b.0.total_cmp(&a.0))
                .then_with(|| a.1.cmp(&b.1))
        };
        let sets = (sort == Sort::Relevance)
            .then(|| self.word_sets(&plans))
            .filter(|s| s.words > 1);
        let keep = match &sets {
            Some(_) => limit.max(w.proximity_depth),
            None => limit,
        };
        let order: &Order<'_> = if sort == Sort::Date {
            &by_date
        } else {
            &by_score
        };
        let cut = |found: &mut Vec<(f32, u32)>, keep: usize| {
            if keep < found.len() {
                if keep == 0 {
                    found.clear();
                } else {
                    found.select_nth_unstable_by(keep - 1, order);
                    found.truncate(keep);
                }
            }
            found.sort_unstable_by(order);
            if let Some(sets) = &sets {
                let depth = w.proximity_depth.min(found.len());
                self.rerank(articles, sets, &mut found[..depth]);
                found[..depth].sort_unstable_by(by_score);
                found.truncate(limit);
            }
        };
        cut(&mut found, keep);
        // Followers: the dated stories lacking a word first, then the undated ones (a date
        // bound cannot say whether they are in range); then, still few, those with only some
        // of the query's words, the same way.
        let bounded = query.after.is_some() || query.before.is_some();
        let split = |v: Vec<(f32, u32)>| -> [Vec<(f32, u32)>; 2] {
            let (undated, dated) = v
                .into_iter()
                .partition(|m| bounded && self.dates[m.1 as usize].is_none());
            [dated, undated]
        };
        let partial = split(partial.into_iter().map(|m| (m.0, m.1)).collect());
        let few =
            |total: usize, found: &Vec<(f32, u32)>| total < w.partial_below && found.len() < limit;
        for tier in [Some(partial), None] {
            let tier = match tier {
                Some(t) => t,
                None if sort == Sort::Relevance && !some_compete && few(total, &found) => split(
                    self.some_words(&plans, &positive, &weight, &gate, about.as_deref(), &found),
                ),
                None => break,
            };
            for mut more in tier {
                if few(total, &found) {
                    let room = (w.partial_below - total).min(limit - found.len());
                    cut(&mut more, room);
                    more.truncate(room);
                    total += more.len();
                    found.extend(more);
                }
            }
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .map(|(score, d)| Hit {
                article: d as usize,
                score: (score * SCALE).round() as i64,
                matches: Vec::new(),
            })
            .collect();
        // Few stories have the query's phrases: those with their words follow.
        let loose = if sort == Sort::Relevance && total < w.partial_below && hits.len() < limit {
            let room = (w.partial_below - total).min(limit - hits.len());
            self.loose_phrases(articles, query, within, &mut hits, room, stale)?
        } else {
            None
        };
        total += loose.as_ref().map_or(0, |l| l.at.len());
        Some(Ranking {
            hits,
            total,
            plans: Arc::new(plans),
            sort,
            loose: loose.map(Arc::new),
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
        sort: Sort,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranking> {
        let mut r = self.rank_within(articles, query, limit, within, sort, stale)?;
        r.fill(self, articles, 0..super::FIRST_DETAILS);
        Some(r)
    }

    /// Resolves one clause and marks the articles it matches (cached while the user types).
    fn plan(
        &self,
        articles: &[Article],
        clause: &Clause,
        names: Option<Names>,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<ClausePlan> {
        let key = match &names {
            Some((people, bills)) => format!("{clause} @{people:?}{bills:?}"),
            None => clause.to_string(),
        };
        let cached = self.cache.lock().ok().and_then(|c| c.clause(&key));
        let (resolved, marks) = if let Some((r, m)) = cached {
            (Resolved::clone(&r), m)
        } else {
            let mut resolved = self.resolve(clause, stale)?;
            if let Some((people, bills)) = names {
                resolved.people = people;
                resolved.bills = bills;
            }
            let m = Arc::new(match &clause.term {
                Term::Phrase(p) if matches!(clause.scope, Scope::Any | Scope::Title) => {
                    resolved.phrase_idf = super::text::words(p)
                        .iter()
                        .map(|w| {
                            self.vocab
                                .find(w)
                                .map_or(0.0, |t| score::idf(self.df(t), self.n))
                        })
                        .sum();
                    let hits = self.phrase_hits(articles, p, clause.scope, stale)?;
                    self.phrase_marks(&resolved, resolved.phrase_idf, &hits)
                }
                _ => self.word_marks(&resolved, clause.scope),
            });
            if let Ok(mut c) = self.cache.lock() {
                c.store_clause(&key, Arc::new(resolved.clone()), Arc::clone(&m));
            }
            (resolved, m)
        };
        Some(ClausePlan {
            clause: clause.clone(),
            resolved,
            marks,
            run: None,
        })
    }
}
