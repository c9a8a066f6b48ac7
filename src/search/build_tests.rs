//! The parallel index build checked against a plain one: every word's postings, frequency bytes and
//! lead flags, and every story's lengths, on random stories spanning several chunks.

use std::collections::BTreeMap;

use super::CHUNK;
use crate::corpus::Article;
use crate::extract::EntityIndex;
use crate::search::SearchIndex;
use crate::search::postings::LEAD;
use crate::search::score::LEAD_WORDS;
use crate::search::text;

/// Per word, its (article, frequency byte) postings in titles and in bodies.
type Expected = BTreeMap<String, [Vec<(u32, u8)>; 2]>;

/// The index's contents computed the plain way: one story at a time, into ordered maps.
fn plain_index(articles: &[Article]) -> (Expected, Vec<(u16, u32)>) {
    let mut out = Expected::new();
    let mut lens = Vec::new();
    for (d, a) in articles.iter().enumerate() {
        let mut len = [0u32; 2];
        for (field, text) in [&a.title, &a.body].into_iter().enumerate() {
            let mut counts: BTreeMap<String, (u32, bool)> = BTreeMap::new();
            let words = text::words(text);
            len[field] = words.len() as u32;
            for (i, w) in words.into_iter().enumerate() {
                let e = counts.entry(w).or_default();
                e.0 += 1;
                e.1 |= (i as u32) < LEAD_WORDS;
            }
            // Hyphenated compounds, also as one word, at their first part's place.
            let mut spans = Vec::new();
            let mut buf = String::new();
            text::for_each_token(text, |s, e| {
                if text::normalize_token(&text[s..e], &mut buf) {
                    spans.push((s, e));
                }
            });
            for (i, pair) in spans.windows(2).enumerate() {
                if text::joined_compound(text, pair[0], pair[1], &mut buf) {
                    let e = counts.entry(buf.clone()).or_default();
                    e.0 += 1;
                    e.1 |= (i as u32) < LEAD_WORDS;
                }
            }
            for m in text::find_bills(text) {
                let e = counts.entry(format!("#{}", m.key)).or_default();
                e.0 += 1;
                e.1 |= m.start < 400;
            }
            for (w, (count, lead)) in counts {
                let tf = count.min(127) as u8 | if lead { LEAD } else { 0 };
                out.entry(w).or_default()[field].push((d as u32, tf));
            }
        }
        lens.push((len[0].min(u32::from(u16::MAX)) as u16, len[1]));
    }
    (out, lens)
}

/// A small xorshift generator, so the stories are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A random word: common ones, rare numbered ones (some longer than an inline key), names with
/// apostrophes, non-ASCII letters, bill numbers, and punctuation between them.
fn word(rng: &mut Rng) -> String {
    const COMMON: &[&str] = &[
        "the", "The", "of", "senate", "Senate", "BILL", "vote", "nato", "tax", "a", "I", "x2",
    ];
    const ODD: &[&str] = &[
        "O'Rourke",
        "Massie's",
        "Massie\u{2019}s",
        "Zürich",
        "MÜLLER",
        "İstanbul",
        "straße",
        "H.R. 1234",
        "HR 99",
        "S. 744",
        "Pub. L. 117-58",
        "\u{201c}quoted\u{201d}",
        "—",
        "it's",
    ];
    match rng.below(10) {
        0..=4 => COMMON[rng.below(COMMON.len())].to_string(),
        5 => ODD[rng.below(ODD.len())].to_string(),
        6 => format!("w{}", rng.below(5000)),
        7 => format!("Interdisciplinary{}", rng.below(300)),
        8 => "z".repeat(1 + rng.below(45)),
        _ => format!("r{}x{}", rng.below(100), rng.below(100)),
    }
}

fn story(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        s.push_str(&word(rng));
        s.push_str([" ", " ", ", ", ". ", "\n\n", "-"][rng.below(6)]);
        if i % 7 == 6 {
            s.push_str("H.R.1234 ");
        }
    }
    s
}

#[test]
fn parallel_build_matches_a_plain_index() {
    let mut rng = Rng(0x1dec_0de5);
    let n = 2 * CHUNK + 50;
    let mut articles: Vec<Article> = (0..n)
        .map(|_| {
            let (t, b) = (2 + rng.below(8), rng.below(90));
            Article {
                title: story(&mut rng, t),
                body: story(&mut rng, b),
                ..Article::default()
            }
        })
        .collect();
    // A word past the frequency byte's range, and one only in the last chunk.
    articles[7].body = "the ".repeat(300);
    articles[n - 1].title = "Onlyhere".into();
    let index = SearchIndex::build(&articles, &EntityIndex::default());
    let (expected, lens) = plain_index(&articles);
    assert_eq!(index.lens, lens);
    assert_eq!(index.vocab.len(), expected.len());
    for (id, (word, [title, body])) in expected.iter().enumerate() {
        let id = id as u32;
        assert_eq!(index.vocab.term(id), word);
        assert_eq!(
            index.title.iter_tf(id).collect::<Vec<_>>(),
            *title,
            "{word}"
        );
        assert_eq!(index.body.iter_tf(id).collect::<Vec<_>>(), *body, "{word}");
        assert_eq!(index.title.count(id) as usize, title.len());
        assert_eq!(index.body.count(id) as usize, body.len());
    }
    let the = index.vocab.find("the").expect("the");
    assert_eq!(index.body.tf(the, 7) & !LEAD, 127);
    assert!(index.vocab.find("onlyhere").is_some());
    assert!(index.vocab.find("#hr1234").is_some());
}
