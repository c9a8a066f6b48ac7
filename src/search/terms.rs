//! Vocabulary terms for a query word (prefix, fuzzy, typos), bill-number terms and phrases.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::engine::{BODY, STRONG, TITLE, pack};
use super::index::SearchIndex;
use super::matcher::{self, char_mask, typo_distance};
use super::query::Scope;
use super::text;
use crate::corpus::Article;

/// Vocabulary terms kept per word (the best fuzzy matches).
const TOP_TERMS: usize = 64;
/// Terms kept per word of one or two letters (prefix matches, most frequent first).
const TOP_PREFIX_TERMS: usize = 24;
/// Score of an exact phrase match (fuzzy scores of single words stay below it).
const PHRASE_SCORE: i64 = STRONG + 400;
/// Terms scored per parallel task.
const TERM_BATCH: usize = 8192;

/// How many points a fuzzy word match may trail the best one and still be strong.
const STRONG_MARGIN: i64 = 6;

impl SearchIndex {
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
    pub(crate) fn typo_terms(
        &self,
        chars: &[char],
        already: &[(u32, i64)],
    ) -> Vec<(u32, i64, usize)> {
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
    pub(crate) fn bill_terms(&self, key: &str, exact: bool) -> Vec<(u32, i64)> {
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
    pub(crate) fn phrase_dense(
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
