//! A fallback search over titles only, with no index: what the reader uses while indexing.

use rayon::prelude::*;

use super::engine::TITLE;
use super::query::{Scope, Term};
use super::{FieldMatch, Hit, MatchField, matcher, parse, text};
use crate::corpus::Article;

/// Fuzzy-matches every positive word of `query_text` against the titles of `within` (every
/// article when `None`; all words must match), honouring exclusions and dates; a malformed
/// query gives no hits. Best first, then newest: at most `limit` hits, and how many matched.
pub fn quick_title_search(
    articles: &[Article],
    query_text: &str,
    limit: usize,
    within: Option<&[u32]>,
) -> (Vec<Hit>, usize) {
    let Ok(query) = parse(query_text) else {
        return (Vec::new(), 0);
    };
    if query.is_empty() {
        return (Vec::new(), 0);
    }
    let mut patterns = Vec::new();
    let mut excluded = Vec::new();
    for c in &query.clauses {
        if matches!(c.scope, Scope::Person | Scope::Source) {
            continue;
        }
        let p = match &c.term {
            Term::Word(w) | Term::Phrase(w) => w.clone(),
            Term::Bill(k) => text::bill_display(k).to_lowercase(),
        };
        if c.negated {
            excluded.push(p);
        } else {
            patterns.push(p);
        }
    }
    let hit = |i: usize| {
        let a = articles.get(i)?;
        if query.after.is_some_and(|d| a.date.is_none_or(|x| x < d))
            || query.before.is_some_and(|d| a.date.is_none_or(|x| x >= d))
        {
            return None;
        }
        if !excluded.is_empty() {
            let words = text::words(&a.title);
            if excluded.iter().any(|e| words.iter().any(|w| w == e)) {
                return None;
            }
        }
        let mut score = 0;
        for p in &patterns {
            let s = matcher::score(&a.title, p)?;
            if s < matcher::min_score(p.chars().count()) {
                return None;
            }
            score += s.min(999) + 1000 * i64::from(TITLE);
        }
        Some(Hit {
            article: i,
            score,
            matches: Vec::new(),
        })
    };
    // Over the scoped list, or every article (no list of all indexes made per keystroke).
    let mut hits: Vec<Hit> = match within {
        Some(list) => list
            .par_iter()
            .with_min_len(1024)
            .filter_map(|&i| hit(i as usize))
            .collect(),
        None => (0..articles.len())
            .into_par_iter()
            .with_min_len(1024)
            .filter_map(hit)
            .collect(),
    };
    hits.sort_unstable_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| articles[b.article].date.cmp(&articles[a.article].date))
            .then_with(|| a.article.cmp(&b.article))
    });
    let total = hits.len();
    hits.truncate(limit);
    for h in &mut hits {
        let title = &articles[h.article].title;
        let mut all: Vec<usize> = patterns
            .iter()
            .filter_map(|p| matcher::indices(title, p))
            .flat_map(|(_, i)| i)
            .collect();
        all.sort_unstable();
        all.dedup();
        if !patterns.is_empty() {
            h.matches.push(FieldMatch {
                field: MatchField::Title,
                text: title.clone(),
                ranges: text::indexes_to_ranges(&all, 0),
            });
        }
    }
    (hits, total)
}
