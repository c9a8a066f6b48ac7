//! Running a query: resolve each clause to terms and entities, mark the articles, AND, rank.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::index::{Named, SearchIndex};
use super::matcher::{self, char_mask, typo_distance};
use super::query::{Clause, Query, Scope, Term};
use super::{Hit, text};
use crate::corpus::Article;

/// Ranking classes, best first: an extracted person or bill, the title or source, the body.
pub(crate) const ENTITY: u32 = 3;
pub(crate) const TITLE: u32 = 2;
pub(crate) const BODY: u32 = 1;

/// Vocabulary terms kept per word (the best fuzzy matches).
const TOP_TERMS: usize = 64;
/// Terms kept per word of one or two letters (prefix matches, most frequent first).
const TOP_PREFIX_TERMS: usize = 24;
/// People (and bills) kept per word of one or two letters (the most mentioned).
const TOP_PREFIX_ENTITIES: usize = 256;
/// Score of an exact phrase match (fuzzy scores of single words stay below it).
const PHRASE_SCORE: i64 = STRONG + 400;
/// Terms scored per parallel task.
const TERM_BATCH: usize = 8192;

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

    /// Vocabulary terms for a word: prefix matches for one or two letters, otherwise fuzzy matches
    /// (narrowed from the previous keystroke's) plus one- or two-letter typos.
    pub(crate) fn word_terms(
        &self,
        word: &str,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(u32, i64)>> {
        let chars: Vec<char> = word.chars().collect();
        let v = &self.vocab;
        let df = |t: u32| self.title.count(t) + self.body.count(t);
        if chars.len() <= 2 {
            let mut ids: Vec<u32> = v.prefix_range(word).collect();
            ids.sort_unstable_by_key(|&t| std::cmp::Reverse(df(t)));
            // One letter matches nearly every story whatever the terms: fewer, commoner ones.
            ids.truncate(if chars.len() == 1 {
                TOP_PREFIX_TERMS / 3
            } else {
                TOP_PREFIX_TERMS
            });
            return Some(
                ids.into_iter()
                    .map(|t| {
                        (
                            t,
                            STRONG
                                + quality(
                                    v.term(t),
                                    word,
                                    matcher::score(v.term(t), word).unwrap_or(1),
                                ),
                        )
                    })
                    .collect(),
            );
        }
        let cached = self.cache.lock().ok().and_then(|c| c.exact(word));
        let matched = if let Some(m) = cached {
            m
        } else {
            let narrowed = self.cache.lock().ok().and_then(|c| c.narrowing(word));
            let base: Vec<u32> = match &narrowed {
                Some(prev) => prev.iter().map(|&(t, _)| t).collect(),
                None => (v.bill_end..v.len() as u32).collect(),
            };
            let qmask = char_mask(word);
            let min_len = chars.len() as u8;
            let found: Vec<(u32, i64)> = base
                .par_chunks(TERM_BATCH)
                .map(|batch| {
                    if stale() {
                        return None;
                    }
                    Some(
                        batch
                            .iter()
                            .filter(|&&t| {
                                v.masks[t as usize] & qmask == qmask
                                    && v.lens[t as usize] >= min_len
                            })
                            .filter_map(|&t| matcher::score(v.term(t), word).map(|s| (t, s)))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Option<Vec<_>>>()?
                .concat();
            let found = Arc::new(found);
            if let Ok(mut c) = self.cache.lock() {
                c.store_word(word, Arc::clone(&found));
            }
            found
        };
        let floor = matcher::min_score(chars.len());
        let mut out: Vec<(u32, i64)> = matched
            .iter()
            .filter(|&&(_, s)| s >= floor)
            .map(|&(t, s)| (t, quality(v.term(t), word, s)))
            .collect();
        let typos = self.typo_terms(&chars, &out);
        let best = out.iter().map(|&(_, q)| q).max().unwrap_or(0);
        for (t, q) in &mut out {
            if v.term(*t).starts_with(word) || *q >= best - STRONG_MARGIN {
                *q += STRONG;
            }
        }
        // One letter wrong, missing or extra in a word of five or more ("blaire" for Blair,
        // "pelosy") is as strong as a good fuzzy match when no close fuzzy match exists: it is
        // what the user meant more often than a longer word that merely contains the letters
        // ("Blairite"), but "masie" means Massie rather than Marie.
        let close = out
            .iter()
            .any(|&(t, q)| q >= STRONG && usize::from(v.lens[t as usize]) <= chars.len() + 1);
        out.extend(typos.into_iter().map(|(t, q, d)| {
            if d == 1 && chars.len() >= 5 && !close {
                (t, q + STRONG)
            } else {
                (t, q)
            }
        }));
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| df(b.0).cmp(&df(a.0))));
        out.truncate(TOP_TERMS);
        Some(out)
    }

    /// Terms one edit away (two for long words) that are not subsequence matches: "pelosy" for
    /// "pelosi", with their edit distance. Scored below an exact match of the same length.
    fn typo_terms(&self, chars: &[char], already: &[(u32, i64)]) -> Vec<(u32, i64, usize)> {
        if chars.len() < 4 {
            return Vec::new();
        }
        let max = if chars.len() >= 8 { 2 } else { 1 };
        let word: String = chars.iter().collect();
        let qmask = char_mask(&word);
        let full = matcher::score(&word, &word).unwrap_or(0);
        let v = &self.vocab;
        let lo = chars.len().saturating_sub(max);
        let hi = (chars.len() + max).min(v.by_len.len().saturating_sub(1));
        let mut out = Vec::new();
        let mut buf: Vec<char> = Vec::new();
        let mut seen: Vec<u32> = already.iter().map(|&(t, _)| t).collect();
        seen.sort_unstable();
        for len in lo..=hi {
            for &t in v.by_len.get(len).map(Vec::as_slice).unwrap_or_default() {
                if (qmask & !v.masks[t as usize]).count_ones() as usize > max
                    || seen.binary_search(&t).is_ok()
                {
                    continue;
                }
                buf.clear();
                buf.extend(v.term(t).chars());
                if buf.first() != chars.first() && max == 1 {
                    continue;
                }
                if let Some(d) = typo_distance(chars, &buf, max) {
                    out.push((t, full * 3 / 4 - (d as i64 - 1) * full / 8, d));
                }
            }
        }
        out
    }

    /// Bill-number terms of the vocabulary: the exact number first, then longer ones it begins.
    fn bill_terms(&self, key: &str, exact: bool) -> Vec<(u32, i64)> {
        let want = format!("#{key}");
        let mut out: Vec<(u32, i64)> = self
            .vocab
            .prefix_range(&want)
            .filter_map(|t| {
                let term = self.vocab.term(t);
                if term == want {
                    Some((t, STRONG + 300))
                } else if exact {
                    None
                } else {
                    Some((t, STRONG + 200 - (term.len() - want.len()) as i64))
                }
            })
            .collect();
        out.sort_unstable_by_key(|&(_, s)| std::cmp::Reverse(s));
        out.truncate(TOP_TERMS);
        out
    }

    /// Articles whose title (or body) contains the phrase, verified on candidates that have
    /// every word of it.
    fn phrase_dense(
        &self,
        articles: &[Article],
        phrase: &str,
        scope: Scope,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        let mut d = vec![0u32; self.n];
        let mut candidates: Option<Vec<u32>> = None;
        for w in text::words(phrase) {
            let Some(t) = self.vocab.find(&w) else {
                return Some(d);
            };
            let mut docs: Vec<u32> = self.title.iter(t).collect();
            if scope == Scope::Any {
                docs.extend(self.body.iter(t));
                docs.sort_unstable();
                docs.dedup();
            }
            candidates = Some(match candidates {
                None => docs,
                Some(c) => intersect(&c, &docs),
            });
        }
        let needle = super::details::fold(phrase);
        let hits: Vec<(u32, u32)> = candidates
            .unwrap_or_default()
            .par_chunks(256)
            .map(|chunk| {
                if stale() {
                    return None;
                }
                Some(
                    chunk
                        .iter()
                        .filter_map(|&doc| {
                            let a = articles.get(doc as usize)?;
                            if super::details::contains_folded(&a.title, &needle) {
                                Some((doc, pack(TITLE, PHRASE_SCORE)))
                            } else if scope == Scope::Any
                                && super::details::contains_folded(&a.body, &needle)
                            {
                                Some((doc, pack(BODY, PHRASE_SCORE)))
                            } else {
                                None
                            }
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Option<Vec<_>>>()?
            .concat();
        for (doc, p) in hits {
            d[doc as usize] = p;
        }
        Some(d)
    }
}

/// Added to an entity match when the story's title matches the word too.
const TITLE_TOO: i64 = 500;

/// How many points a fuzzy word match may trail the best one and still be strong.
const STRONG_MARGIN: i64 = 6;

/// A term's match quality for a word: exact beats prefix beats a fuzzy match, and every extra
/// letter of a fuzzy match costs a little ("massie" before "massive" for "masie").
fn quality(term: &str, word: &str, skim: i64) -> i64 {
    let extra = term.chars().count().saturating_sub(word.chars().count()) as i64;
    if term == word {
        skim + 40
    } else if term.starts_with(word) {
        skim + 20 - extra.min(10)
    } else {
        skim - 2 * extra
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Entities whose names match `pattern` fuzzily (or, when `exact`, contain it as a word or
/// phrase). One- and two-letter patterns must begin a word of the name.
pub(crate) fn entity_matches(list: &[Named], pattern: &str, exact: bool) -> Vec<(u32, i64)> {
    let chars = pattern.chars().count();
    // Names are long: ask more of a fuzzy match than for a word ("act" must not match
    // "Diane Rodham Clinton").
    let floor = matcher::min_score(chars) * 3 / 2;
    let pattern_chars: Vec<char> = pattern.chars().collect();
    // Within one word of a name the word-level floor applies, and a typo ranks after every
    // fuzzy match ("masie": Massie before Marie).
    let word_floor = matcher::min_score(chars);
    let typo_score = if !exact && chars >= 5 && !pattern.contains(' ') {
        word_floor - 1
    } else {
        0
    };
    let pmask = char_mask(&pattern.to_lowercase());
    let one = |n: &Named| -> Option<i64> {
        n.names
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                // Letters of the pattern that the name lacks: none for a match, one for a typo.
                let missing = (pmask & !n.masks.get(i).copied().unwrap_or(u64::MAX)).count_ones();
                if !exact && missing > 1 {
                    return None;
                }
                if exact {
                    let words = text::words(name);
                    let want = text::words(pattern).join(" ");
                    if !format!(" {} ", words.join(" ")).contains(&format!(" {want} ")) {
                        return None;
                    }
                } else if chars <= 2 {
                    let initial = char_mask(&pattern[..pattern.ceil_char_boundary(1)]);
                    if missing > 0 || n.initials.get(i).is_some_and(|m| m & initial == 0) {
                        return None;
                    }
                    if chars == 1 && n.initials.get(i).is_some() {
                        // One letter: the initials say it all.
                        let lead = name
                            .chars()
                            .next()
                            .is_some_and(|c| c.to_lowercase().eq(pattern.chars()));
                        return Some(36 + if lead { 20 } else { 0 });
                    }
                    // One or two letters: a word of the name must begin with them (no allocation:
                    // this runs over every name while the first letters are typed).
                    let (mut first, mut starts, mut at) = (false, false, 0);
                    text::for_each_word(name, |w| {
                        let hit = w.starts_with(pattern);
                        first |= hit && at == 0;
                        starts |= hit;
                        at += 1;
                    });
                    // Scored without the fuzzy matcher (a word start is all there is to see in
                    // one or two letters): the name's first word counts more.
                    return starts.then_some(16 + 20 * chars as i64 + if first { 20 } else { 0 });
                }
                let fuzzy = if missing > 0 {
                    None
                } else if pattern.contains(' ') {
                    matcher::score(name, pattern).filter(|&s| s >= floor)
                } else {
                    // One word is matched within one word of the name, from its first letter and
                    // with at most a letter or two skipped: "mcconel" finds McConnell, but "nato"
                    // finds neither "Nathan L. Gonzales" nor "National Emergencies Act".
                    let slack = match chars {
                        0..=4 => 0,
                        5 => 1,
                        _ => 2,
                    };
                    let mut best: Option<i64> = None;
                    text::for_each_word(name, |w| {
                        if w.as_bytes().first() == pattern.as_bytes().first()
                            && let Some((s, at)) = matcher::indices(w, pattern)
                            && let (Some(&first), Some(&last)) = (at.first(), at.last())
                            && last - first < chars + slack
                        {
                            best = best.max(Some(s));
                        }
                    });
                    best.filter(|&s| s >= word_floor)
                };
                if typo_score > 0 && fuzzy.is_none_or(|s| s < typo_score) {
                    // One letter wrong, missing or extra in one word of the name: "pelosy" finds
                    // Nancy Pelosi. Cheap tests first (first letter, length) before the distance.
                    let mut typo = false;
                    text::for_each_word(name, |w| {
                        if !typo
                            && w.len().abs_diff(pattern.len()) <= 1
                            && w.as_bytes().first() == pattern.as_bytes().first()
                        {
                            let w: Vec<char> = w.chars().collect();
                            typo = typo_distance(&pattern_chars, &w, 1).is_some();
                        }
                    });
                    if typo {
                        return Some(typo_score);
                    }
                }
                fuzzy
            })
            .max()
            .map(|s| s + STRONG)
    };
    let found: Vec<(u32, i64)> = list
        .par_iter()
        .with_min_len(512)
        .enumerate()
        .filter_map(|(i, n)| one(n).map(|s| (i as u32, s)))
        .collect();
    // One or two letters begin a word of nearly every name: keep the most-mentioned ones.
    if chars <= 2 && found.len() > TOP_PREFIX_ENTITIES {
        let mut found = found;
        found.select_nth_unstable_by_key(TOP_PREFIX_ENTITIES, |&(i, _)| {
            std::cmp::Reverse(list[i as usize].articles.len())
        });
        found.truncate(TOP_PREFIX_ENTITIES);
        found.sort_unstable();
        return found;
    }
    // Typos only when no name matches fuzzily ("masie" finds Massie, not Marie too).
    if typo_score > 0 && found.iter().any(|&(_, s)| s > typo_score + STRONG) {
        found
            .into_iter()
            .filter(|&(_, s)| s > typo_score + STRONG)
            .collect()
    } else {
        found
    }
}

/// Bills whose number is `key`, or begins with it while being typed.
fn bill_entities(list: &[Named], key: &str, exact: bool) -> Vec<(u32, i64)> {
    list.iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let s = b
                .keys
                .iter()
                .filter_map(|k| {
                    if k == key {
                        Some(STRONG + 300)
                    } else if !exact && k.starts_with(key) {
                        Some(STRONG + 200 - (k.len() - key.len()) as i64)
                    } else {
                        None
                    }
                })
                .max()?;
            Some((i as u32, s))
        })
        .collect()
}
