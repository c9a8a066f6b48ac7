//! The baseline: textbook Okapi BM25 (k1 = 1.2, b = 0.75) over title + body, with a standard tokenizer.

use std::collections::HashMap;

/// Term-frequency saturation.
pub const K1: f64 = 1.2;
/// Length normalization.
pub const B: f64 = 0.75;

/// Lower-cases and splits on every character that is not alphanumeric; no stemming, no stop words.
pub fn tokenize(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words BM25 scores for a Cloakroom query: qualifier keys (`person:`, `bill:`, `title:`,
/// `source:`) and quotes are dropped and their values kept as plain words; `after:`/`before:`
/// dates and `-excluded` words are dropped (they are filters, not words the reader looks for).
pub fn query_words(query: &str) -> Vec<String> {
    let mut kept = String::new();
    let mut rest = query;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        // A token runs to the next space outside quotes.
        let mut in_quotes = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    in_quotes = !in_quotes;
                }
                c.is_whitespace() && !in_quotes
            })
            .map_or(rest.len(), |(i, _)| i);
        let token = &rest[..end];
        rest = &rest[end..];
        let lower = token.to_lowercase();
        if token.starts_with('-') || lower.starts_with("after:") || lower.starts_with("before:") {
            continue;
        }
        let value = ["person:", "bill:", "title:", "source:"]
            .iter()
            .find_map(|key| lower.strip_prefix(key))
            .unwrap_or(&lower);
        kept.push_str(value);
        kept.push(' ');
    }
    let mut words = tokenize(&kept);
    let mut seen = std::collections::HashSet::new();
    words.retain(|w| seen.insert(w.clone()));
    words
}

/// An in-memory inverted index of term frequencies.
pub struct Bm25 {
    postings: HashMap<String, Vec<(u32, u32)>>,
    lengths: Vec<u32>,
    avg_len: f64,
}

impl Bm25 {
    /// Indexes each document (title and body joined).
    pub fn build<'a>(docs: impl Iterator<Item = (&'a str, &'a str)>) -> Bm25 {
        let mut postings: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        let mut lengths = Vec::new();
        for (d, (title, body)) in docs.enumerate() {
            let mut tf: HashMap<String, u32> = HashMap::new();
            let mut len = 0u32;
            for w in tokenize(title).into_iter().chain(tokenize(body)) {
                *tf.entry(w).or_insert(0) += 1;
                len += 1;
            }
            for (w, n) in tf {
                postings.entry(w).or_default().push((d as u32, n));
            }
            lengths.push(len);
        }
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let avg_len = if lengths.is_empty() {
            0.0
        } else {
            total as f64 / lengths.len() as f64
        };
        Bm25 {
            postings,
            lengths,
            avg_len,
        }
    }

    /// Inverse document frequency, `ln(1 + (N - n + 0.5) / (n + 0.5))` (never negative).
    fn idf(&self, n: usize) -> f64 {
        let big_n = self.lengths.len() as f64;
        let n = n as f64;
        (1.0 + (big_n - n + 0.5) / (n + 0.5)).ln()
    }

    /// The `limit` best documents for `words` (each counted once), as (document, score), best first;
    /// equal scores keep load order.
    pub fn search(&self, words: &[String], limit: usize) -> Vec<(usize, f64)> {
        let mut scores: HashMap<u32, f64> = HashMap::new();
        for w in words {
            let Some(list) = self.postings.get(w) else {
                continue;
            };
            let idf = self.idf(list.len());
            for &(d, tf) in list {
                let tf = f64::from(tf);
                let len = f64::from(self.lengths[d as usize]);
                let norm = K1 * (1.0 - B + B * len / self.avg_len);
                *scores.entry(d).or_insert(0.0) += idf * tf * (K1 + 1.0) / (tf + norm);
            }
        }
        let mut ranked: Vec<(usize, f64)> =
            scores.into_iter().map(|(d, s)| (d as usize, s)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked
    }
}
