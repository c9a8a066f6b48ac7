//! How near a query's words occur in a story: the shortest run of words holding one of each.

use rustc_hash::FxHashMap;

use crate::search::text;

/// From 1 (the words adjacent) towards 0 as they get further apart; halves `scale` words out.
pub(crate) fn closeness(span: u32, words: usize, scale: f32) -> f32 {
    let extra = span.saturating_sub(words as u32) as f32;
    scale / (scale + extra)
}

/// Which of a query's words each vocabulary term stands for (a bit per word).
#[derive(Debug, Default)]
pub(crate) struct WordSets {
    terms: FxHashMap<String, u32>,
    /// Number of words (bits).
    pub words: usize,
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
    pub fn min_span(&self, title: &str, body: &str) -> Option<u32> {
        if self.words < 2 {
            return None;
        }
        let a = self.span_in(title);
        let b = self.span_in(body);
        match (a, b) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        }
    }

    fn span_in(&self, text: &str) -> Option<u32> {
        let all = if self.words == 32 {
            u32::MAX
        } else {
            (1u32 << self.words) - 1
        };
        let mut events: Vec<(u32, u32)> = Vec::new();
        let mut seen = 0u32;
        let mut at = 0u32;
        text::for_each_word(text, |w| {
            if let Some(&mask) = self.terms.get(w) {
                events.push((at, mask));
                seen |= mask;
            }
            at += 1;
        });
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
        assert!((closeness(3, 3, 8.0) - 1.0).abs() < f32::EPSILON);
    }
}
