//! Matching query words against the names of people, bills and sources.

use rayon::prelude::*;

use super::index::Named;
use super::matcher::{self, char_mask, typo_distance};
use super::score::{MatchKind, Weights, is_stopword};
use super::text;

/// People (and bills) kept per word of one or two letters (the most mentioned).
const TOP_PREFIX_ENTITIES: usize = 256;

/// A query word (or phrase) prepared once for matching against every name.
struct Pattern<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// Its letters, as a mask.
    mask: u64,
    /// Its first letter, as a mask.
    initial: u64,
    /// Its words joined by one space, padded (`exact` matching only).
    padded: String,
    /// The score a typo match gets (0: typos are not tried).
    typo_score: i64,
    /// Whole words only (for exclusions).
    exact: bool,
    /// Its words, when it has more than one ("born-alive", "patriot act"): matched across a
    /// name's words, never within one.
    words: Vec<String>,
}

impl<'a> Pattern<'a> {
    fn new(text: &'a str, exact: bool) -> Pattern<'a> {
        let chars: Vec<char> = text.chars().collect();
        let words = Some(text::words(text))
            .filter(|w| w.len() > 1)
            .unwrap_or_default();
        // A stopword is a name's word only as itself ("and" is not Andrew).
        let exact = exact || (chars.len() > 2 && is_stopword(text));
        // A typo ranks after every fuzzy match of a name ("masie": Massie before Marie).
        let typo_score = if !exact && chars.len() >= 4 && words.is_empty() {
            matcher::min_score(chars.len()) - 1
        } else {
            0
        };
        Pattern {
            text,
            // A run of words is matched on its letters, whatever joins them.
            mask: if words.is_empty() {
                char_mask(&text.to_lowercase())
            } else {
                char_mask(&words.concat())
            },
            initial: char_mask(&text[..text.ceil_char_boundary(1)]),
            padded: if exact {
                format!(" {} ", text::words(text).join(" "))
            } else {
                String::new()
            },
            typo_score,
            chars,
            exact,
            words,
        }
    }

    /// The name has the pattern's words in a row, whatever joins them ("born-alive" and
    /// "Born Alive", "patriot act" and "PATRIOT-Act").
    fn has_run(&self, name: &str) -> bool {
        let name = text::words(name);
        name.windows(self.words.len())
            .any(|w| w == self.words.as_slice())
    }

    /// The name contains the pattern as whole words.
    fn contains_words(&self, name: &str) -> bool {
        format!(" {} ", text::words(name).join(" ")).contains(&self.padded)
    }

    /// One or two letters: a word of the name begins with them, scored without the fuzzy matcher
    /// (a word start is all there is to see); the name's first word counts more.
    fn short(&self, name: &str, initials: Option<u64>) -> Option<i64> {
        if initials.is_some_and(|m| m & self.initial == 0) {
            return None;
        }
        let n = self.chars.len() as i64;
        if n == 1 && initials.is_some() {
            // One letter: the initials say it all.
            let lead = name
                .chars()
                .next()
                .is_some_and(|c| c.to_lowercase().eq(self.text.chars()));
            return Some(36 + if lead { 20 } else { 0 });
        }
        let (mut first, mut starts, mut at) = (false, false, 0);
        text::for_each_word(name, |w| {
            let hit = w.starts_with(self.text);
            first |= hit && at == 0;
            starts |= hit;
            at += 1;
        });
        starts.then_some(16 + 20 * n + if first { 20 } else { 0 })
    }

    /// The whole name, fuzzily (for phrases, which may span the name's words). Names are long: a
    /// fuzzy match must be better than for a word ("act" must not match "Diane Rodham Clinton").
    fn fuzzy_whole(&self, name: &str) -> Option<i64> {
        let floor = matcher::min_score(self.chars.len()) * 3 / 2;
        matcher::score(name, self.text).filter(|&s| s >= floor)
    }

    /// One word matched within one word of the name, from its first letter and with at most a
    /// letter or two skipped: "mcconel" finds `McConnell`, but "nato" finds neither
    /// "Nathan L. Gonzales" nor "National Emergencies Act".
    fn fuzzy_word(&self, name: &str) -> Option<i64> {
        let chars = self.chars.len();
        let slack = match chars {
            0..=4 => 0,
            5 => 1,
            _ => 2,
        };
        let mut best: Option<i64> = None;
        text::for_each_word(name, |w| {
            if w.as_bytes().first() == self.text.as_bytes().first()
                && let Some((s, at)) = matcher::indices(w, self.text)
                && let (Some(&first), Some(&last)) = (at.first(), at.last())
                && last - first < chars + slack
            {
                best = best.max(Some(s));
            }
        });
        best.filter(|&s| s >= matcher::min_score(chars))
    }

    /// One letter wrong, missing or extra in one word of the name: "pelosy" finds Nancy Pelosi.
    /// Cheap tests first (first letter, length) before the distance.
    fn typo(&self, name: &str) -> Option<i64> {
        let mut typo = false;
        text::for_each_word(name, |w| typo = typo || self.is_typo_of(w));
        typo.then_some(self.typo_score)
    }

    /// The pattern is `w` with one letter wrong, missing or extra (a word of a name).
    fn is_typo_of(&self, w: &str) -> bool {
        if w.len().abs_diff(self.text.len()) > 1
            || w.as_bytes().first() != self.text.as_bytes().first()
        {
            return false;
        }
        let w: Vec<char> = w.chars().collect();
        // Four letters: only two swapped ("pual" for Paul) or one left out ("mich" for Mitch,
        // "staw" for Straw), never one wrong.
        let four = (w.len() == 4 && char_mask(&w.iter().collect::<String>()) == self.mask)
            || (w.len() == 5 && is_subsequence(&self.chars, &w));
        (self.chars.len() > 4 || four) && typo_distance(&self.chars, &w, 1).is_some()
    }

    /// How well one name (with its masks) matches, if at all.
    fn score(&self, name: &str, mask: Option<u64>, initials: Option<u64>) -> Option<i64> {
        // Letters of the pattern that the name lacks: none for a match, one for a typo.
        let missing = (self.mask & !mask.unwrap_or(u64::MAX)).count_ones();
        if self.exact {
            if !self.contains_words(name) {
                return None;
            }
        } else if missing > 1 {
            return None;
        } else if self.chars.len() <= 2 {
            return if missing == 0 {
                self.short(name, initials)
            } else {
                None
            };
        }
        let fuzzy = match missing {
            0 if !self.words.is_empty() => self.fuzzy_whole(name).or_else(|| {
                self.has_run(name)
                    .then(|| matcher::score(self.text, self.text).unwrap_or(1))
            }),
            0 => self.fuzzy_word(name),
            _ => None,
        };
        if self.typo_score > 0 && fuzzy.is_none_or(|s| s < self.typo_score) {
            return self.typo(name).or(fuzzy);
        }
        fuzzy
    }
}

/// `short`'s letters occur in `long` in order.
fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut it = long.iter();
    short.iter().all(|c| it.any(|x| x == c))
}

/// How well a matched entity's names fit the pattern: one of its words is the pattern, or begins
/// with it, or else a typo or a fuzzy match (with its share of a perfect score).
fn kind_of(p: &Pattern<'_>, n: &Named, raw: i64) -> MatchKind {
    let multi = !p.words.is_empty();
    let wanted = &p.words;
    let mut best: Option<u32> = None;
    for name in &n.names {
        // Words come lower-cased from the tokenizer: no allocation per name for one word.
        let mut exact = false;
        if multi {
            let words = text::words(name);
            exact = words.windows(wanted.len()).any(|w| w == wanted.as_slice());
        } else {
            text::for_each_word(name, |w| {
                if w == p.text {
                    exact = true;
                } else if let Some(rest) = w.strip_prefix(p.text) {
                    let extra = rest.chars().count() as u32;
                    best = Some(best.map_or(extra, |b| b.min(extra)));
                }
            });
        }
        if exact {
            return MatchKind::Exact;
        }
    }
    if let Some(extra) = best {
        return MatchKind::Prefix(extra);
    }
    if p.typo_score > 0 && raw <= p.typo_score {
        return MatchKind::Typo;
    }
    // Letters left out of a word of the name ("masie" for Massie) is a typo too.
    if p.chars.len() >= 5 && !multi {
        let max = if p.chars.len() >= 8 { 2 } else { 1 };
        let close = n.names.iter().any(|name| {
            let mut found = false;
            text::for_each_word(name, |w| {
                let w: Vec<char> = w.chars().collect();
                found |= w.first() == p.chars.first() && typo_distance(&p.chars, &w, max).is_some();
            });
            found
        });
        if close {
            return MatchKind::Typo;
        }
    }
    let full = matcher::score(p.text, p.text).unwrap_or(1).max(1);
    MatchKind::Fuzzy(raw as f32 / full as f32)
}

/// Entities whose names match `pattern` fuzzily (or, when `exact`, contain it as a word or
/// phrase), with their fuzz. One- and two-letter patterns must begin a word of the name.
pub(crate) fn entity_matches(
    list: &[Named],
    pattern: &str,
    exact: bool,
    w: &Weights,
) -> Vec<(u32, f32)> {
    let p = Pattern::new(pattern, exact);
    let one = |n: &Named| -> Option<i64> {
        n.names
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                let (mask, initials) = (n.masks.get(i).copied(), n.initials.get(i).copied());
                p.score(name, mask, initials)
            })
            .max()
    };
    let found: Vec<(u32, i64)> = list
        .par_iter()
        .with_min_len(512)
        .enumerate()
        .filter_map(|(i, n)| one(n).map(|s| (i as u32, s)))
        .collect();
    // One or two letters begin a word of nearly every name: keep the most-mentioned ones.
    // One letter keeps fewer: each of them is scored in every story that names it.
    let top = if p.chars.len() == 1 {
        TOP_PREFIX_ENTITIES / 8
    } else {
        TOP_PREFIX_ENTITIES / 2
    };
    let found = if p.chars.len() <= 2 && found.len() > top {
        let mut found = found;
        found.select_nth_unstable_by_key(top, |&(i, _)| {
            std::cmp::Reverse(list[i as usize].articles.len())
        });
        found.truncate(top);
        found.sort_unstable();
        found
    } else {
        found
    };
    // A typo is dominated when a name matches fuzzily ("masie": Massie far before Marie); it is
    // kept at the dominated fuzz, for a run of words that only it matches whole ("al frankin":
    // Al Franken, not Franklin Roosevelt), unless the word is itself a word of a name ("david"
    // is no typo of Davis).
    let dominated = p.typo_score > 0 && found.iter().any(|&(_, s)| s > p.typo_score);
    let mut kinds: Vec<(u32, i64, MatchKind)> = found
        .iter()
        .map(|&(i, raw)| (i, raw, kind_of(&p, &list[i as usize], raw)))
        .collect();
    if dominated && kinds.iter().any(|k| matches!(k.2, MatchKind::Exact)) {
        kinds.retain(|k| k.1 > p.typo_score);
    }
    let found_exact = kinds
        .iter()
        .any(|k| matches!(k.2, MatchKind::Exact | MatchKind::Prefix(_)));
    kinds
        .into_iter()
        .map(|(i, raw, k)| {
            if dominated && raw <= p.typo_score {
                (i, w.dominated)
            } else {
                (i, w.fuzz(k, found_exact))
            }
        })
        .collect()
}

/// Of the entities `ids` of `list`, those with a word of a name one letter off `word` (a typo,
/// as [`entity_matches`] finds them), even when the word is itself a word of other names
/// ("claire" of Clare Short, though a senator is named Claire): each id with that word of its
/// name.
pub(crate) fn typos_among(list: &[Named], ids: &[u32], word: &str) -> Vec<(u32, String)> {
    let p = Pattern::new(word, false);
    if p.typo_score == 0 {
        return Vec::new();
    }
    ids.iter()
        .filter_map(|&id| {
            let mut found = None;
            for name in &list.get(id as usize)?.names {
                text::for_each_word(name, |w| {
                    if found.is_none() && p.is_typo_of(w) {
                        found = Some(w.to_owned());
                    }
                });
            }
            found.map(|w| (id, w))
        })
        .collect()
}

/// Bills whose number is `key` (fuzz 1), or begins with it while being typed.
pub(crate) fn bill_entities(
    list: &[Named],
    key: &str,
    exact: bool,
    w: &Weights,
) -> Vec<(u32, f32)> {
    list.iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let s = b
                .keys
                .iter()
                .filter_map(|k| {
                    if k == key {
                        Some(1.0)
                    } else if !exact && k.starts_with(key) {
                        Some(w.fuzz(MatchKind::Prefix((k.len() - key.len()) as u32), true))
                    } else {
                        None
                    }
                })
                .reduce(f32::max)?;
            Some((i as u32, s))
        })
        .collect()
}
