//! Synthetic corpora for benchmarks: N articles with bodies of about 4 KB, as a JSON array and as JSON Lines.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

/// Words the bodies are made of (with some non-ASCII and typographic punctuation, as real news has).
const WORDS: &[&str] = &[
    "the",
    "Senate",
    "House",
    "committee",
    "voted",
    "on",
    "a",
    "bill",
    "to",
    "fund",
    "the",
    "government",
    "and",
    "lawmakers",
    "said",
    "that",
    "the",
    "measure",
    "would",
    "pass",
    "before",
    "recess",
    "amendment",
    "floor",
    "majority",
    "leader",
    "minority",
    "whip",
    "cloture",
    "filibuster",
    "appropriations",
    "budget",
    "deficit",
    "“reform”",
    "governor",
    "state",
    "legislature",
    "Parliament",
    "minister",
    "coalition",
    "Zoë",
    "Müller",
    "Ñúñez",
    "—",
    "of",
    "in",
    "for",
    "with",
    "by",
    "from",
    "its",
    "their",
    "veto",
    "override",
    "hearing",
];
const SURNAMES: &[&str] = &[
    "Smith", "Garcia", "Okafor", "Nguyen", "Kowalski", "Haddad", "Rossi", "Jensen",
];
const SOURCES: &[&str] = &[
    "Synthetic Wire",
    "Bench Daily",
    "Test Tribune",
    "Sample Post",
    "Fixture Times",
];

/// One generated article.
#[derive(Serialize)]
struct Record {
    id: String,
    title: String,
    body: String,
    source: &'static str,
    authors: Vec<String>,
    date: String,
    url: String,
    section: &'static str,
}

/// A small deterministic generator (xorshift64*), so every run writes the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Builds record `i`.
fn record(rng: &mut Rng, i: usize) -> Record {
    let mut body = String::with_capacity(4300);
    while body.len() < 4000 {
        let sentences = 3 + rng.next() % 4;
        for _ in 0..sentences {
            let words = 8 + rng.next() % 14;
            for w in 0..words {
                let word = rng.pick(WORDS);
                if w == 0 {
                    let mut chars = word.chars();
                    if let Some(first) = chars.next() {
                        body.extend(first.to_uppercase());
                        body.push_str(chars.as_str());
                    }
                } else {
                    body.push(' ');
                    body.push_str(word);
                }
            }
            body.push_str(". ");
        }
        body.pop();
        body.push_str("\n\n");
    }
    body.truncate(body.trim_end().len());
    let title_words: Vec<&str> = (0..8).map(|_| rng.pick(WORDS)).collect();
    Record {
        id: format!("syn-{i:07}"),
        title: format!("Bill {i}: {}", title_words.join(" ")),
        body,
        source: rng.pick(SOURCES),
        authors: vec![format!("Alex {}", rng.pick(SURNAMES))],
        date: format!(
            "20{:02}-{:02}-{:02}",
            10 + rng.next() % 15,
            1 + rng.next() % 12,
            1 + rng.next() % 28
        ),
        url: format!("https://example.org/news/{i}"),
        section: rng.pick(&["Senate", "House", "States", "World"]),
    }
}

/// Writes `articles-N.json` (an array, one record a line) and `articles-N.jsonl` into `dir`; returns their paths.
///
/// # Errors
/// Fails when the files cannot be written.
pub fn write_corpus(count: usize, dir: &Path) -> std::io::Result<(PathBuf, PathBuf)> {
    std::fs::create_dir_all(dir)?;
    let json_path = dir.join(format!("articles-{count}.json"));
    let lines_path = dir.join(format!("articles-{count}.jsonl"));
    let mut json = BufWriter::with_capacity(1 << 20, File::create(&json_path)?);
    let mut lines = BufWriter::with_capacity(1 << 20, File::create(&lines_path)?);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    json.write_all(b"[\n")?;
    for i in 0..count {
        let rec = record(&mut rng, i);
        let text = serde_json::to_string(&rec).map_err(std::io::Error::other)?;
        json.write_all(text.as_bytes())?;
        json.write_all(if i + 1 < count { b",\n" } else { b"\n" })?;
        lines.write_all(text.as_bytes())?;
        lines.write_all(b"\n")?;
    }
    json.write_all(b"]\n")?;
    json.flush()?;
    lines.flush()?;
    Ok((json_path, lines_path))
}
