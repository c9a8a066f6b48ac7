//! The fuzzy matcher behind our API: one `SkimMatcherV2` per thread, plus a small edit distance.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

thread_local! {
    static MATCHER: SkimMatcherV2 = SkimMatcherV2::default().ignore_case();
}

/// Fuzzy score of `pattern` in `haystack` (higher is better), or `None` when it is not a
/// subsequence.
pub fn score(haystack: &str, pattern: &str) -> Option<i64> {
    MATCHER.with(|m| m.fuzzy_match(haystack, pattern))
}

/// Like [`score`], with the character indexes of `haystack` that matched.
pub fn indices(haystack: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    MATCHER.with(|m| m.fuzzy_indices(haystack, pattern))
}

/// The lowest score a match of a pattern of `chars` characters must reach to count: about ten
/// points a character, so a few gaps are tolerated and scattered letters are not.
pub fn min_score(chars: usize) -> i64 {
    (chars as i64) * 10
}

/// Optimal-string-alignment distance between two short words (a typo: one letter wrong, missing,
/// extra or two letters swapped counts 1), or `None` when it exceeds `max`.
pub fn typo_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut cur = vec![0usize; w];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// A bit per character class, so "every character of the query occurs in the term" is one AND.
pub fn char_mask(s: &str) -> u64 {
    let mut m = 0u64;
    for c in s.chars() {
        m |= 1u64
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                _ => 36 + (c as u32 % 28),
            };
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        typo_distance(&a, &b, max)
    }

    #[test]
    fn typos() {
        assert_eq!(d("massie", "massie", 1), Some(0));
        assert_eq!(d("massey", "massie", 2), Some(2));
        assert_eq!(d("masise", "massie", 1), Some(1));
        assert_eq!(d("pelosy", "pelosi", 1), Some(1));
        assert_eq!(d("trump", "obama", 2), None);
    }

    #[test]
    fn subsequence_scores() {
        assert!(score("Thomas Massie", "masie").is_some());
        assert!(score("wicker", "wickr").is_some());
        assert!(score("wicker", "wickz").is_none());
        let (_, idx) = indices("Massie", "masie").expect("matches");
        assert_eq!(idx, [0, 1, 3, 4, 5]);
    }

    #[test]
    fn masks() {
        assert_eq!(char_mask("ab") & char_mask("abc"), char_mask("ab"));
        assert_ne!(char_mask("é"), 0);
    }
}
