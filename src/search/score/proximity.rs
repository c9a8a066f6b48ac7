//! How near a query's words occur in a story: the shortest run of words holding one of each, and
//! how often consecutive query words occur together (as a phrase).

use rustc_hash::FxHashMap;

use crate::search::text;

/// From 1 (the words adjacent) towards 0 as they get further apart; halves `scale` words out.
pub(crate) fn closeness(span: u32, words: usize, scale: f32) -> f32 {
    let extra = span.saturating_sub(words as u32) as f32;
    scale / (scale + extra)
}

/// Two query words that read as a phrase when the second follows the first closely ("tuition
/// fees", "first step act" without "and"/"of"): their occurrences together measure how much a
/// story is about what they say together.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pair {
    /// Word numbers (bits) of the first and second word.
    pub first: usize,
    pub second: usize,
    /// The two words as typed, for the explanation.
    pub label: String,
    /// The pair's weight as a word: the mean of the two words' idf.
    pub idf: f32,
}

/// What one pass over a story's words found.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Scan {
    /// The shortest span holding every word, if one field has them all.
    pub span: Option<u32>,
    /// Per pair of [`WordSets::pairs`]: occurrences together in the title and in the body.
    pub pairs: Vec<(u32, u32)>,
}

/// Which of a query's words each vocabulary term stands for (a bit per word).
#[derive(Debug, Default)]
pub(crate) struct WordSets {
    terms: FxHashMap<String, u32>,
    /// Number of words (bits).
    pub words: usize,
    /// Consecutive words counted as phrases.
    pub pairs: Vec<Pair>,
    /// Positions within which the second word of a pair must follow the first.
    pub window: u32,
}

impl WordSets {
    /// Adds `term` as a form of word number `word`.
    pub fn add(&mut self, word: usize, term: &str) {
        if word < 32 {
            *self.terms.entry(term.to_string()).or_default() |= 1 << word;
            self.words = self.words.max(word + 1);
        }
    }

    /// The shortest span (first to last word, inclusive) of `title` or `body` that holds a form of
    /// every word, or `None` when no field has them all.
    #[cfg(test)]
    pub fn min_span(&self, title: &str, body: &str) -> Option<u32> {
        self.scan(title, body).span
    }

    /// One pass over the title and the body: the shortest span and the pairs' occurrences.
    pub fn scan(&self, title: &str, body: &str) -> Scan {
        if self.words < 2 {
            return Scan::default();
        }
        let (a, ta) = self.scan_in(title);
        let (b, tb) = self.scan_in(body);
        let span = match (a, b) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        Scan {
            span,
            pairs: ta.into_iter().zip(tb).collect(),
        }
    }

    /// The shortest span in one field, and each pair's occurrences in it.
    fn scan_in(&self, text: &str) -> (Option<u32>, Vec<u32>) {
        let mut events: Vec<(u32, u32)> = Vec::new();
        let mut at = 0u32;
        text::for_each_word(text, |w| {
            if let Some(&mask) = self.terms.get(w) {
                events.push((at, mask));
            }
            at += 1;
        });
        let pairs = self
            .pairs
            .iter()
            .map(|p| self.together(&events, p))
            .collect();
        (self.span_of(&events), pairs)
    }

    /// Occurrences of the pair's second word at most [`WordSets::window`] positions after its first.
    fn together(&self, events: &[(u32, u32)], p: &Pair) -> u32 {
        let (a, b) = (1u32 << p.first, 1u32 << p.second);
        let mut last_first: Option<u32> = None;
        let mut count = 0;
        for &(at, mask) in events {
            if mask & b != 0 && last_first.is_some_and(|f| at > f && at - f <= self.window) {
                count += 1;
                last_first = None;
            }
            if mask & a != 0 {
                last_first = Some(at);
            }
        }
        count
    }

    fn span_of(&self, events: &[(u32, u32)]) -> Option<u32> {
        let all = if self.words == 32 {
            u32::MAX
        } else {
            (1u32 << self.words) - 1
        };
        let seen = events.iter().fold(0, |m, e| m | e.1);
        if seen != all {
            return None;
        }
        // Sliding window over the matching words, with a count per query word.
        let mut counts = [0u32; 32];
        let mut covered = 0u32;
        let mut best: Option<u32> = None;
        let mut lo = 0;
        for hi in 0..events.len() {
            for bit in bits(events[hi].1) {
                counts[bit] += 1;
                covered |= 1 << bit;
            }
            while covered == all {
                let span = events[hi].0 - events[lo].0 + 1;
                best = Some(best.map_or(span, |b: u32| b.min(span)));
                for bit in bits(events[lo].1) {
                    counts[bit] -= 1;
                    if counts[bit] == 0 {
                        covered &= !(1 << bit);
                    }
                }
                lo += 1;
            }
        }
        best
    }
}

fn bits(mask: u32) -> impl Iterator<Item = usize> {
    (0..32).filter(move |b| mask & (1 << b) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_window_holding_every_word() {
        let mut s = WordSets::default();
        s.add(0, "schumer");
        s.add(1, "iran");
        s.add(2, "deal");
        let body = "Schumer spoke. Later, on Iran, the deal was. Schumer opposes the Iran deal.";
        assert_eq!(s.min_span("A title", body), Some(5));
        assert_eq!(s.min_span("Schumer: Iran deal", body), Some(3));
        assert_eq!(s.min_span("Schumer", "Iran"), None);
        assert!(closeness(3, 3, 8.0) > closeness(10, 3, 8.0));
        s.window = 2;
        s.pairs.push(Pair {
            first: 1,
            second: 2,
            label: "iran deal".into(),
            idf: 1.0,
        });
        // "Iran, the deal" and "Iran deal" in the body, "Iran deal" in the title.
        let scan = s.scan("Schumer: Iran deal", body);
        assert_eq!(scan.pairs, [(1, 2)]);
        s.window = 1;
        assert_eq!(s.scan("Schumer: Iran deal", body).pairs, [(1, 1)]);
        s.window = 2;
        let scan = s.scan("Iran deal? The Iran deal, an Iran and deal", "");
        assert_eq!(scan.pairs, [(3, 0)]);
        assert!((closeness(3, 3, 8.0) - 1.0).abs() < f32::EPSILON);
    }
}
