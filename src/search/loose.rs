//! A quoted phrase few stories have: the stories with its words follow those with it.

use super::Hit;
use super::engine::{Ranking, Sort};
use super::index::SearchIndex;
use super::query::{Clause, Query, Scope, Term};
use super::score::Explanation;
use super::text;
use crate::corpus::Article;

/// Stories that have every word of the query's phrases but not as phrases, listed after those
/// with the phrases when few have them: where they begin in the hits, and the ranking of the
/// query with its phrases taken as words, which explains them.
#[derive(Debug)]
pub(crate) struct Loose {
    /// The first of them in [`Ranking::hits`].
    pub from: usize,
    /// The ranking of the query with its phrases as words.
    pub ranking: Ranking,
    /// For each of them, its place in `ranking`.
    pub at: Vec<usize>,
    /// The phrases they lack.
    pub phrases: Vec<String>,
}

impl Ranking {
    /// For hit `i` listed for the words of the query's phrases: those stories and its place
    /// among them.
    pub(crate) fn loose_at(&self, i: usize) -> Option<(&Loose, usize)> {
        let loose = self.loose.as_deref()?;
        let k = i.checked_sub(loose.from)?;
        loose.at.get(k).map(|&j| (loose, j))
    }

    /// The explanation of hit `i` listed for the words of the query's phrases: its words' (as
    /// the query with its phrases as words scored it), with the phrases it lacks.
    pub(crate) fn explain_loose(
        &self,
        index: &SearchIndex,
        articles: &[Article],
        i: usize,
    ) -> Option<Explanation> {
        let (loose, j) = self.loose_at(i)?;
        let mut e = loose.ranking.explain_score(index, articles, j)?;
        e.unphrased.clone_from(&loose.phrases);
        Some(e)
    }
}

impl SearchIndex {
    /// When fewer than [`Weights::partial_below`](super::score::Weights::partial_below) stories
    /// have the query's phrases, the stories with their words follow, best first (`"paid family
    /// leave"`: the stories of paid leave for families), up to `limit` hits in all; `None` when
    /// stale, `Some(None)` when none follow.
    #[allow(clippy::too_many_arguments, clippy::option_option)]
    pub(crate) fn loose_phrases(
        &self,
        articles: &[Article],
        query: &Query,
        limit: usize,
        within: Option<&[u32]>,
        hits: &mut Vec<Hit>,
        total: &mut usize,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Option<Loose>> {
        let Some((words, phrases)) = phrases_as_words(query) else {
            return Some(None);
        };
        let room = (self.weights.partial_below - *total).min(limit - hits.len());
        let ranking = self.rank_within(
            articles,
            &words,
            room + hits.len(),
            within,
            Sort::Relevance,
            stale,
        )?;
        let from = hits.len();
        let mut at = Vec::new();
        for (j, h) in ranking.hits.iter().enumerate() {
            if at.len() == room {
                break;
            }
            if !hits[..from].iter().any(|x| x.article == h.article) {
                at.push(j);
                hits.push(Hit {
                    article: h.article,
                    score: h.score,
                    matches: Vec::new(),
                });
            }
        }
        *total += at.len();
        Some((!at.is_empty()).then_some(Loose {
            from,
            ranking,
            at,
            phrases,
        }))
    }
}

/// The query with each positive phrase of the text or title taken as its words (`"paid
/// family leave"`: paid family leave), and the phrases so taken; `None` when it has none.
fn phrases_as_words(query: &Query) -> Option<(Query, Vec<String>)> {
    let mut phrases = Vec::new();
    let mut clauses = Vec::with_capacity(query.clauses.len());
    for c in &query.clauses {
        match &c.term {
            Term::Phrase(p) if !c.negated && matches!(c.scope, Scope::Any | Scope::Title) => {
                phrases.push(p.clone());
                clauses.extend(text::words(p).into_iter().map(|w| Clause {
                    negated: false,
                    scope: c.scope,
                    term: Term::Word(w),
                }));
            }
            _ => clauses.push(c.clone()),
        }
    }
    (!phrases.is_empty()).then(|| {
        let q = Query {
            clauses,
            ..query.clone()
        };
        (q, phrases)
    })
}
