//! Vocabulary terms for a query word (prefix, fuzzy, typos), bill-number terms and phrases.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::index::SearchIndex;
use super::matcher::{self, char_mask, typo_distance};
use super::query::Scope;
use super::score::{MatchKind, STEM_LETTERS, SUFFIXES, derived, is_form, is_stopword, y_plural};
use super::text;
use crate::corpus::Article;

/// Vocabulary terms kept per word (the best fuzzy matches).
const TOP_TERMS: usize = 64;
/// Terms kept per word of one or two letters (prefix matches, most frequent first).
const TOP_PREFIX_TERMS: usize = 12;
/// Terms scored per parallel task.
const TERM_BATCH: usize = 8192;

impl SearchIndex {
    /// Vocabulary terms for a word, each with its fuzz: the word itself, longer words it begins,
    /// and, for three letters or more, fuzzy matches (narrowed from the previous keystroke's) that
    /// are plausibly that word and one- or two-letter typos. A stopword matches only itself.
    pub(crate) fn word_terms(
        &self,
        word: &str,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(u32, f32)>> {
        let chars: Vec<char> = word.chars().collect();
        let v = &self.vocab;
        let w = &self.weights;
        let df = |t: u32| self.title.count(t) + self.body.count(t);
        if is_stopword(word) && chars.len() > 2 {
            return Some(v.find(word).map(|t| vec![(t, 1.0)]).unwrap_or_default());
        }
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
                    .map(|t| (t, w.fuzz(kind(v.term(t), word, 0, 0), true)))
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
        let full = matcher::score(word, word).unwrap_or(1).max(1);
        let first = word.as_bytes().first();
        let slack = match chars.len() {
            0..=4 => 0,
            5 => 1,
            _ => 2,
        };
        // Kept: the word, words it begins, and fuzzy matches from its first letter at most a
        // letter or two longer ("masie": massie, not massive; "nato": not nation or senator); a
        // short word with a doubled letter typed once is a typo ("orin" for orrin).
        let mut out: Vec<(u32, MatchKind)> = matched
            .iter()
            .filter(|&&(_, s)| s >= floor)
            .filter_map(|&(t, s)| match kind(v.term(t), word, s, full) {
                MatchKind::Fuzzy(_) if doubled_letter(&chars, v.term(t)) => {
                    Some((t, MatchKind::Typo))
                }
                MatchKind::Fuzzy(_)
                    if v.term(t).as_bytes().first() != first
                        || usize::from(v.lens[t as usize]) > chars.len() + slack =>
                {
                    None
                }
                k => Some((t, k)),
            })
            .collect();
        // A fuzzy match one typo away is a typo ("masie" for massie).
        let max_typo = if chars.len() >= 8 { 2 } else { 1 };
        let mut buf: Vec<char> = Vec::new();
        for (t, k) in &mut out {
            if matches!(k, MatchKind::Fuzzy(_)) && chars.len() >= 5 {
                buf.clear();
                buf.extend(v.term(*t).chars());
                if typo_distance(&chars, &buf, max_typo).is_some() {
                    *k = MatchKind::Typo;
                }
            }
        }
        // Letters left out ("masie" in massie) is likelier than letters wrong ("marie"): a typo
        // that is not a subsequence is dominated when one that is exists.
        let subsequence_typo = out.iter().any(|(_, k)| matches!(k, MatchKind::Typo));
        let typos = self.typo_terms(&chars, &matched);
        let first_typo = out.len();
        out.extend(typos.into_iter().map(|(t, _, _)| (t, MatchKind::Typo)));
        // A typo or fuzzy match is far below the word itself, unless the word is only a rare
        // misspelling of a common one.
        let exact_df = out
            .iter()
            .filter(|(_, k)| matches!(k, MatchKind::Exact | MatchKind::Prefix(_)))
            .map(|&(t, _)| df(t))
            .max();
        let close_df = out
            .iter()
            .filter(|(_, k)| matches!(k, MatchKind::Typo | MatchKind::Fuzzy(_)))
            .map(|&(t, _)| df(t))
            .max()
            .unwrap_or(0);
        let found_exact = exact_df.is_some_and(|d| super::score::taken_as_typed(d, close_df));
        let word_exists = out.iter().any(|(_, k)| matches!(k, MatchKind::Exact));
        let mut out: Vec<(u32, f32)> = out
            .into_iter()
            .enumerate()
            .map(|(i, (t, k))| {
                let dominated = found_exact || (subsequence_typo && i >= first_typo);
                match k {
                    MatchKind::Prefix(_) => (t, w.prefix_fuzz(word, v.term(t), word_exists)),
                    _ => (t, w.fuzz(k, dominated)),
                }
            })
            .collect();
        // Shorter forms: "terror" for "terrorism", "fee" for "fees"; "assembly" and
        // "assemblies" both ways; a place's people's word and back ("welsh" for "wales").
        let plural = y_plural(word);
        let derived = derived(word);
        for stem in stems(word)
            .chain(plural.as_deref())
            .chain(derived.iter().map(String::as_str))
            .chain(super::demonyms::related(word))
        {
            if let Some(t) = v.find(stem)
                && !out.iter().any(|x| x.0 == t)
            {
                out.push((t, w.stem));
            }
        }
        // The same ordinal the other way ("second" for "2nd"): the word itself.
        if let Some(t) = super::ordinals::other(word).and_then(|o| v.find(&o)) {
            out.retain(|x| x.0 != t);
            out.push((t, 1.0));
        }
        out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then_with(|| df(b.0).cmp(&df(a.0))));
        out.truncate(TOP_TERMS);
        Some(out)
    }

    /// The terms of `terms` that are forms of `word`, the word itself included ("opioid",
    /// "opioids"; "fees", "fee"; "2nd", "second"); none for a word of fewer than
    /// [`STEM_LETTERS`] letters (a word still being typed: "p" is not a form of "per").
    pub(crate) fn forms_of(&self, word: &str, terms: &[(u32, f32)]) -> Vec<u32> {
        if word.chars().count() < STEM_LETTERS {
            return Vec::new();
        }
        let ordinal = super::ordinals::other(word);
        terms
            .iter()
            .map(|&(t, _)| t)
            .filter(|&t| {
                let term = self.vocab.term(t);
                term == word
                    || is_form(word, term)
                    || is_form(term, word)
                    || ordinal.as_deref() == Some(term)
            })
            .collect()
    }

    /// Terms one edit away (two for long words) that are not subsequence matches: "pelosy" for
    /// "pelosi", with their edit distance. Scored below an exact match of the same length.
    pub(crate) fn typo_terms(
        &self,
        chars: &[char],
        already: &[(u32, i64)],
    ) -> Vec<(u32, i64, usize)> {
        // Four letters are too short to guess from ("nat" is not "nato"), except two letters
        // swapped ("pual" for paul); three or fewer never.
        if chars.len() < 4 {
            return Vec::new();
        }
        let swaps_only = chars.len() == 4;
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
                if swaps_only && (buf.len() != 4 || v.masks[t as usize] != qmask) {
                    continue;
                }
                if let Some(d) = typo_distance(chars, &buf, max) {
                    out.push((t, full * 3 / 4 - (d as i64 - 1) * full / 8, d));
                }
            }
        }
        out
    }

    /// Bill-number terms of the vocabulary: the exact number, then (while it is typed) longer
    /// ones it begins.
    pub(crate) fn bill_terms(&self, key: &str, exact: bool) -> Vec<(u32, f32)> {
        let want = format!("#{key}");
        let w = &self.weights;
        let mut out: Vec<(u32, f32)> = self
            .vocab
            .prefix_range(&want)
            .filter_map(|t| {
                let term = self.vocab.term(t);
                if term == want {
                    Some((t, 1.0))
                } else if exact {
                    None
                } else {
                    let extra = (term.len() - want.len()) as u32;
                    Some((t, w.fuzz(MatchKind::Prefix(extra), true)))
                }
            })
            .collect();
        out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        out.truncate(TOP_TERMS);
        out
    }

    /// Articles whose title (or body) contains the phrase, verified on candidates that have
    /// every word of it: (article, in the title, occurrences in the body).
    pub(crate) fn phrase_hits(
        &self,
        articles: &[Article],
        phrase: &str,
        scope: Scope,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(u32, bool, u32)>> {
        let mut candidates: Option<Vec<u32>> = None;
        for w in text::words(phrase) {
            let Some(t) = self.vocab.find(&w) else {
                return Some(Vec::new());
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
        let hits: Vec<(u32, bool, u32)> = candidates
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
                            let title = super::details::count_folded(&a.title, &needle) > 0;
                            let body = if scope == Scope::Any {
                                super::details::count_folded(&a.body, &needle)
                            } else {
                                0
                            };
                            (title || body > 0).then_some((doc, title, body as u32))
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Option<Vec<_>>>()?
            .concat();
        Some(hits)
    }
}

/// The word less each ending of [`SUFFIXES`] it has, keeping at least [`STEM_LETTERS`] letters.
fn stems(word: &str) -> impl Iterator<Item = &str> {
    SUFFIXES.iter().filter_map(move |suffix| {
        word.strip_suffix(suffix)
            .filter(|stem| stem.chars().count() >= STEM_LETTERS)
    })
}

/// `term` is the typed word of four letters with one of its letters doubled ("orrin" for
/// "orin"): the commonest misspelling of a short name, which the four-letter rule of
/// [`SearchIndex::typo_terms`] (swaps only) does not otherwise allow.
fn doubled_letter(word: &[char], term: &str) -> bool {
    if word.len() != 4 || term.chars().count() != 5 {
        return false;
    }
    let t: Vec<char> = term.chars().collect();
    t[0] == word[0]
        && (1..5).any(|i| t[i] == t[i - 1] && t[..i].iter().chain(&t[i + 1..]).eq(word.iter()))
}

/// How a vocabulary term matched a word (`skim` its matcher score, `full` the word's own).
fn kind(term: &str, word: &str, skim: i64, full: i64) -> MatchKind {
    if term == word {
        MatchKind::Exact
    } else if term.starts_with(word) {
        MatchKind::Prefix((term.chars().count() - word.chars().count()) as u32)
    } else {
        MatchKind::Fuzzy(skim as f32 / full.max(1) as f32)
    }
}

#[cfg(test)]
#[test]
fn a_short_word_typed_with_a_doubled_letter_once() {
    let w = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(doubled_letter(&w("orin"), "orrin") && doubled_letter(&w("wolf"), "wolff"));
    // Another letter added, a letter doubled elsewhere, a longer word, another first letter.
    assert!(doubled_letter(&w("orin"), "orinn") && !doubled_letter(&w("orin"), "oring"));
    assert!(!doubled_letter(&w("paul"), "paula") && !doubled_letter(&w("orin"), "orrins"));
    assert!(!doubled_letter(&w("lena"), "allena") && !doubled_letter(&w("mass"), "amass"));
}

#[cfg(test)]
#[test]
fn shorter_forms_keep_three_letters() {
    let all: Vec<&str> = stems("terrorism").collect();
    assert_eq!(all, ["terror"]);
    assert_eq!(stems("fees").collect::<Vec<_>>(), ["fee"]);
    assert!(stems("bus").next().is_none());
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
