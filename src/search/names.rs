//! Matching query words against the names of people, bills and sources.

use rayon::prelude::*;

use super::engine::STRONG;
use super::index::Named;
use super::matcher::{self, char_mask, typo_distance};
use super::text;

/// People (and bills) kept per word of one or two letters (the most mentioned).
const TOP_PREFIX_ENTITIES: usize = 256;

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
pub(crate) fn bill_entities(list: &[Named], key: &str, exact: bool) -> Vec<(u32, i64)> {
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
