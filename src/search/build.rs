//! Index building in parallel: per-chunk vocabularies and postings, merged into one sorted vocabulary.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap};

use super::postings::{LEAD, Postings, PostingsBuilder};
use super::score::LEAD_WORDS;
use super::text;
use crate::corpus::Article;

/// Articles per parallel indexing chunk (article offsets inside a chunk fit a `u16`).
pub(crate) const CHUNK: usize = 4096;

/// A chunk's words, each stored once in one string arena.
struct LocalVocab {
    text: String,
    /// Start of each word in `text`, and one past the last.
    starts: Vec<u32>,
    table: HashTable<u32>,
}

/// Word `id` of an arena.
fn term_in<'a>(text: &'a str, starts: &[u32], id: u32) -> &'a str {
    let i = id as usize;
    &text[starts[i] as usize..starts[i + 1] as usize]
}

impl LocalVocab {
    fn new() -> LocalVocab {
        LocalVocab {
            text: String::new(),
            starts: vec![0],
            table: HashTable::new(),
        }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn term(&self, id: u32) -> &str {
        term_in(&self.text, &self.starts, id)
    }

    /// The id of `word`, adding it when new.
    fn intern(&mut self, word: &str) -> u32 {
        let hash = FxBuildHasher.hash_one(word);
        if let Some(&id) = self.table.find(hash, |&id| self.term(id) == word) {
            return id;
        }
        let id = self.len() as u32;
        self.text.push_str(word);
        self.starts.push(self.text.len() as u32);
        let (text, starts) = (&self.text, &self.starts);
        self.table.insert_unique(hash, id, |&id| {
            FxBuildHasher.hash_one(term_in(text, starts, id))
        });
        id
    }
}

/// One field's postings within a chunk: for local term `t`, the article offsets
/// `docs[offsets[t]..offsets[t + 1]]`, ascending, each with its frequency byte above bit 16.
#[derive(Default)]
struct Side {
    offsets: Vec<u32>,
    docs: Vec<u32>,
}

/// A chunk-local posting: term, article offset, and its frequency byte (occurrences up to 127,
/// and [`LEAD`]).
type Pair = (u32, u16, u8);

impl Side {
    /// Groups postings (in article order) by term with a counting sort.
    fn from_pairs(pairs: &[Pair], terms: usize) -> Side {
        let mut offsets = vec![0u32; terms + 1];
        for &(t, ..) in pairs {
            offsets[t as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut docs = vec![0u32; pairs.len()];
        for &(t, d, tf) in pairs {
            let at = &mut fill[t as usize];
            docs[*at as usize] = u32::from(d) | u32::from(tf) << 16;
            *at += 1;
        }
        Side { offsets, docs }
    }

    /// The postings of local term `term`: article offset in the low 16 bits, frequency byte above.
    fn docs(&self, term: u32) -> &[u32] {
        let t = term as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.docs[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// One chunk's local vocabulary and postings.
pub(crate) struct Chunk {
    base: u32,
    vocab: LocalVocab,
    title: Side,
    body: Side,
    /// Words in each article's title and body.
    pub lens: Vec<(u16, u32)>,
}

/// Indexes the words and bill numbers of `articles`, the first of which is article `base`.
pub(crate) fn index_chunk(base: usize, articles: &[Article]) -> Chunk {
    debug_assert!(articles.len() <= CHUNK);
    let mut vocab = LocalVocab::new();
    // Per local term and field, one past the index of its last posting: the posting to count
    // into when it is this article's (at or after the article's first posting).
    let mut seen_title: Vec<u32> = Vec::new();
    let mut seen_body: Vec<u32> = Vec::new();
    let mut title_pairs: Vec<Pair> = Vec::new();
    let mut body_pairs: Vec<Pair> = Vec::with_capacity(articles.len() * 256);
    let mut lens = Vec::with_capacity(articles.len());
    let mut buf = String::new();
    for (k, article) in articles.iter().enumerate() {
        let mut len = (0u32, 0u32);
        for is_title in [true, false] {
            let (text, pairs, seen) = if is_title {
                (&article.title, &mut title_pairs, &mut seen_title)
            } else {
                (&article.body, &mut body_pairs, &mut seen_body)
            };
            let doc = k as u16;
            let first = pairs.len() as u32;
            let mut words = 0u32;
            let mut add = |vocab: &mut LocalVocab, w: &str, words: u32| {
                let id = vocab.intern(w) as usize;
                if id >= seen.len() {
                    seen.resize(id + 1, 0);
                }
                let lead = if words < LEAD_WORDS { LEAD } else { 0 };
                let at = seen[id];
                if at > first {
                    // Already in this article: count up to 127 occurrences, keep the lead flag.
                    let p = &mut pairs[at as usize - 1];
                    p.2 = ((p.2 & !LEAD).saturating_add(1).min(127)) | (p.2 & LEAD) | lead;
                } else {
                    pairs.push((id as u32, doc, 1 | lead));
                    seen[id] = pairs.len() as u32;
                }
            };
            text::for_each_word(text, |w| {
                add(&mut vocab, w, words);
                words += 1;
            });
            for m in text::find_bills(text) {
                buf.clear();
                buf.push('#');
                buf.push_str(&m.key);
                add(&mut vocab, &buf, if m.start < 400 { 0 } else { u32::MAX });
            }
            if is_title {
                len.0 = words;
            } else {
                len.1 = words;
            }
        }
        lens.push((len.0.min(u32::from(u16::MAX)) as u16, len.1));
    }
    let terms = vocab.len();
    Chunk {
        base: base as u32,
        title: Side::from_pairs(&title_pairs, terms),
        body: Side::from_pairs(&body_pairs, terms),
        vocab,
        lens,
    }
}

/// Merges chunk vocabularies into one sorted vocabulary (returned as its terms) and builds the
/// title and body postings over it.
pub(crate) fn merge(chunks: &[Chunk]) -> (Vec<&str>, Postings, Postings) {
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    for c in chunks {
        for t in 0..c.vocab.len() as u32 {
            let n = ids.len() as u32;
            ids.entry(c.vocab.term(t)).or_insert(n);
        }
    }
    let mut sorted: Vec<&str> = ids.keys().copied().collect();
    sorted.par_sort_unstable();
    for (i, t) in sorted.iter().enumerate() {
        if let Some(v) = ids.get_mut(t) {
            *v = i as u32;
        }
    }
    // Per chunk: (global id, local id), sorted by global id.
    let maps: Vec<Vec<(u32, u32)>> = chunks
        .par_iter()
        .map(|c| {
            let mut m: Vec<(u32, u32)> = (0..c.vocab.len() as u32)
                .map(|l| (ids[c.vocab.term(l)], l))
                .collect();
            m.sort_unstable();
            m
        })
        .collect();
    drop(ids);
    let n = sorted.len() as u32;
    let parts = 64u32;
    let step = n.div_ceil(parts).max(1);
    let build = |title: bool| -> Postings {
        let pieces: Vec<Postings> = (0..n.div_ceil(step))
            .into_par_iter()
            .map(|p| {
                let (lo, hi) = (p * step, ((p + 1) * step).min(n));
                let mut ptr: Vec<usize> = maps
                    .iter()
                    .map(|m| m.partition_point(|&(g, _)| g < lo))
                    .collect();
                let mut b = PostingsBuilder::default();
                for g in lo..hi {
                    b.next_term();
                    for (ci, m) in maps.iter().enumerate() {
                        if let Some(&(mg, local)) = m.get(ptr[ci])
                            && mg == g
                        {
                            let c = &chunks[ci];
                            let side = if title { &c.title } else { &c.body };
                            for &p in side.docs(local) {
                                b.push(c.base + (p & 0xFFFF), (p >> 16) as u8);
                            }
                            ptr[ci] += 1;
                        }
                    }
                }
                b.finish()
            })
            .collect();
        Postings::concat(pieces)
    };
    let (title, body) = rayon::join(|| build(true), || build(false));
    (sorted, title, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str) -> Article {
        Article {
            title: title.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    #[test]
    fn chunks_merge_into_one_sorted_vocabulary_with_ascending_postings() {
        let a = [
            article(
                "Massie bill",
                "The bill, H.R. 1234, passed. Massie voted no.",
            ),
            article("Budget", "A budget bill"),
        ];
        let b = [article("Massie again", "massie massie budget")];
        let chunks = vec![index_chunk(0, &a), index_chunk(CHUNK, &b)];
        let (terms, title, body) = merge(&chunks);
        let mut sorted = terms.clone();
        sorted.sort_unstable();
        assert_eq!(terms, sorted);
        let id = |w: &str| terms.iter().position(|t| *t == w).expect(w) as u32;
        let massie = id("massie");
        assert_eq!(title.iter(massie).collect::<Vec<_>>(), [0, CHUNK as u32]);
        assert_eq!(body.iter(massie).collect::<Vec<_>>(), [0, CHUNK as u32]);
        assert_eq!(body.count(massie), 2);
        assert_eq!(
            super::super::postings::tf_of(body.tf(massie, CHUNK as u32)),
            2
        );
        assert_eq!(chunks[0].lens, [(2, 9), (1, 3)]);
        assert_eq!(
            body.iter(id("budget")).collect::<Vec<_>>(),
            [1, CHUNK as u32]
        );
        assert_eq!(title.iter(id("budget")).collect::<Vec<_>>(), [1]);
        assert_eq!(body.iter(id("#hr1234")).collect::<Vec<_>>(), [0]);
        assert!(title.iter(id("#hr1234")).next().is_none());
    }
}
