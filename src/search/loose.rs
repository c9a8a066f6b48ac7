//! A quoted phrase few stories have: the stories with its words follow those with it.

use super::engine::{Ranking, Sort};
use super::index::SearchIndex;
use super::query::{Clause, Query, Scope, Term};
use super::score::Explanation;
use super::text;
use super::{FieldMatch, Hit, MatchField};
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

impl Loose {
    /// Why story `j` of [`Loose::ranking`] matched: its words, where they are; then each phrase
    /// it lacks as a phrase.
    pub(crate) fn matches(
        &self,
        index: &SearchIndex,
        articles: &[Article],
        j: usize,
    ) -> Vec<FieldMatch> {
        let mut out = self.ranking.explain(index, articles, j);
        out.extend(self.phrases.iter().map(|p| FieldMatch {
            field: MatchField::Missing,
            text: format!("\"{p}\""),
            ranges: Vec::new(),
        }));
        out
    }

    /// The score of story `j` of [`Loose::ranking`] taken apart, with the phrases it lacks.
    pub(crate) fn explain_score(
        &self,
        index: &SearchIndex,
        articles: &[Article],
        j: usize,
    ) -> Option<Explanation> {
        let mut e = self.ranking.explain_score(index, articles, j)?;
        e.unphrased.clone_from(&self.phrases);
        Some(e)
    }
}

impl Ranking {
    /// For hit `i` listed for the words of the query's phrases: those stories and its place
    /// among them.
    pub(crate) fn loose_at(&self, i: usize) -> Option<(&Loose, usize)> {
        let loose = self.loose.as_deref()?;
        let k = i.checked_sub(loose.from)?;
        loose.at.get(k).map(|&j| (loose, j))
    }
}

impl SearchIndex {
    /// The stories with the words of the query's phrases but not the phrases, best first, after
    /// `hits` (`"paid family leave"`: the stories of paid leave for families), at most `room` of
    /// them; `None` when stale, `Some(None)` when the query has no phrase or none follow.
    #[allow(clippy::option_option)]
    pub(crate) fn loose_phrases(
        &self,
        articles: &[Article],
        query: &Query,
        within: Option<&[u32]>,
        hits: &mut Vec<Hit>,
        room: usize,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Option<Loose>> {
        let Some((words, phrases)) = phrases_as_words(query) else {
            return Some(None);
        };
        let from = hits.len();
        let ranking = self.rank_within(
            articles,
            &words,
            from + room,
            within,
            Sort::Relevance,
            stale,
        )?;
        let mut at = Vec::new();
        for (j, h) in ranking.hits.iter().enumerate() {
            if at.len() == room {
                break;
            }
            if !hits[..from].iter().any(|x| x.article == h.article) {
                at.push(j);
                hits.push(Hit {
                    matches: Vec::new(),
                    ..h.clone()
                });
            }
        }
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
