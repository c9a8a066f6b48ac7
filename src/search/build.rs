//! Index building in parallel: per-chunk vocabularies and postings, merged into one sorted vocabulary.

use rayon::prelude::*;

use super::intern::{Interner, Lookup};
use super::postings::{LEAD, Postings, PostingsBuilder};
use super::score::LEAD_WORDS;
use super::text;
use super::words::{Word, scan_words};
use crate::corpus::Article;

/// Most articles in a parallel indexing chunk (article offsets inside a chunk fit a `u16`).
pub(crate) const CHUNK: usize = 4096;

/// Articles per chunk for a corpus of `n`: enough chunks to keep every thread busy to the end
/// (about four per thread), none larger than [`CHUNK`] (nor tiny).
pub(crate) fn chunk_size(n: usize) -> usize {
    n.div_ceil(4 * rayon::current_num_threads())
        .clamp(256, CHUNK)
}

/// One field's postings within a chunk: for the chunk's `t`th word in sorted order, the article
/// offsets `docs[offsets[t]..offsets[t + 1]]`, ascending, each with its frequency byte above bit 16.
#[derive(Default)]
struct Side {
    offsets: Vec<u32>,
    docs: Vec<u32>,
}

/// A chunk-local posting: term, article offset, and its frequency byte (occurrences up to 127,
/// and [`LEAD`]).
type Pair = (u32, u16, u8);

impl Side {
    /// Groups postings (in article order) by term with a counting sort, terms in the order of
    /// their `rank`.
    fn from_pairs(pairs: &[Pair], rank: &[u32]) -> Side {
        let mut offsets = vec![0u32; rank.len() + 1];
        for &(t, ..) in pairs {
            offsets[rank[t as usize] as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut docs = vec![0u32; pairs.len()];
        for &(t, d, tf) in pairs {
            let at = &mut fill[rank[t as usize] as usize];
            docs[*at as usize] = u32::from(d) | u32::from(tf) << 16;
            *at += 1;
        }
        Side { offsets, docs }
    }

    /// Number of postings of the chunk's words `from..to` (in sorted order).
    fn span(&self, from: u32, to: u32) -> usize {
        (self.offsets[to as usize] - self.offsets[from as usize]) as usize
    }

    /// The postings of the chunk's `term`th word in sorted order: article offset in the low 16
    /// bits, frequency byte above.
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
    vocab: Interner,
    /// The vocabulary's ids in the words' sorted order.
    sorted: Vec<u32>,
    title: Side,
    body: Side,
    /// Words in each article's title and body.
    pub lens: Vec<(u16, u32)>,
}

impl Chunk {
    /// The chunk's `r`th word in sorted order.
    fn term(&self, r: u32) -> &str {
        self.vocab.term(self.sorted[r as usize])
    }

    /// The title's or the body's postings.
    fn side(&self, title: bool) -> &Side {
        if title { &self.title } else { &self.body }
    }
}

/// Counts one field of article `doc`: its words' (id, position) `occurrences`, in any order, into
/// postings (a new one per word, then counting up to 127 occurrences and keeping the lead flag).
/// `seen[id]` is one past the index of the word's last posting. No branch depends on whether a
/// word is new to the article: that is a coin toss, and a mispredicted branch costs more.
fn count(
    pairs: &mut Vec<Pair>,
    seen: &mut [u32],
    doc: u16,
    occurrences: impl Iterator<Item = (u32, u32)>,
) {
    let first = pairs.len();
    let (most, _) = occurrences.size_hint();
    // Zeroed room for every occurrence: a word new to the article counts into a fresh posting.
    pairs.resize(first + most, (0, 0, 0));
    let mut n = first;
    for (id, pos) in occurrences {
        let lead = if pos < LEAD_WORDS { LEAD } else { 0 };
        let last = seen[id as usize] as usize;
        let new = last <= first;
        let at = std::hint::select_unpredictable(new, n, last.wrapping_sub(1));
        if at >= pairs.len() {
            pairs.resize(at + 1, (0, 0, 0));
        }
        let tf = pairs[at].2;
        pairs[at] = (id, doc, ((tf & !LEAD) + 1).min(127) | (tf & LEAD) | lead);
        n += usize::from(new);
        seen[id as usize] = at as u32 + 1;
    }
    pairs.truncate(n);
}

/// Indexes the words and bill numbers of `articles`, the first of which is article `base`.
pub(crate) fn index_chunk(base: usize, articles: &[Article]) -> Chunk {
    debug_assert!(articles.len() <= CHUNK);
    let mut vocab = Interner::default();
    // Per local term and field, one past the index of its last posting: the posting to count
    // into when it is this article's (at or after the article's first posting).
    let mut seen_title: Vec<u32> = Vec::new();
    let mut seen_body: Vec<u32> = Vec::new();
    let mut title_pairs: Vec<Pair> = Vec::new();
    // About one distinct word per 12 bytes of a body.
    let body_bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mut body_pairs: Vec<Pair> = Vec::with_capacity(body_bytes / 12);
    let mut lens = Vec::with_capacity(articles.len());
    let mut buf = String::new();
    // A field's short words (keys and positions), their ids, and its long words (ids and
    // positions). Short words are looked up together once the field is read, so that their
    // lookups' cache misses overlap; counting does not depend on the order.
    let (mut keys, mut at, mut ids, mut long) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (k, article) in articles.iter().enumerate() {
        let mut len = (0u32, 0u32);
        for is_title in [true, false] {
            let (text, pairs, seen) = if is_title {
                (&article.title, &mut title_pairs, &mut seen_title)
            } else {
                (&article.body, &mut body_pairs, &mut seen_body)
            };
            keys.clear();
            at.clear();
            long.clear();
            let mut words = 0u32;
            let mut prev: Option<(usize, usize)> = None;
            scan_words(text, |w| {
                match vocab.key_or_id(text, w) {
                    Lookup::Key(key) => {
                        keys.push(key);
                        at.push(words);
                    }
                    Lookup::Id(id) => long.push((id, words)),
                }
                // "anti-Semitism" is also "antisemitism", at its first part's place.
                let here = match w {
                    Word::Ascii(s, e) => Some((s, e)),
                    Word::Text(_) => None,
                };
                if let (Some(first), Some(second)) = (prev, here)
                    && text::joined_compound(text, first, second, &mut buf)
                {
                    match vocab.key_or_id_of(&buf) {
                        Lookup::Key(key) => {
                            keys.push(key);
                            at.push(words - 1);
                        }
                        Lookup::Id(id) => long.push((id, words - 1)),
                    }
                }
                prev = here;
                words += 1;
            });
            for m in text::find_bills(text) {
                buf.clear();
                buf.push('#');
                buf.push_str(&m.key);
                let pos = if m.start < 400 { 0 } else { u32::MAX };
                match vocab.key_or_id_of(&buf) {
                    Lookup::Key(key) => {
                        keys.push(key);
                        at.push(pos);
                    }
                    Lookup::Id(id) => long.push((id, pos)),
                }
            }
            ids.clear();
            vocab.ids(&keys, &mut ids);
            if seen.len() < vocab.len() {
                seen.resize(vocab.len(), 0);
            }
            let occurrences = ids.iter().copied().zip(at.iter().copied());
            count(
                pairs,
                seen,
                k as u16,
                occurrences.chain(long.iter().copied()),
            );
            if is_title {
                len.0 = words;
            } else {
                len.1 = words;
            }
        }
        lens.push((len.0.min(u32::from(u16::MAX)) as u16, len.1));
    }
    // Words in sorted order, so that merging reads each chunk's postings front to back.
    let mut sorted: Vec<u32> = (0..vocab.len() as u32).collect();
    sorted.sort_unstable_by(|&a, &b| vocab.term(a).cmp(vocab.term(b)));
    let mut rank = vec![0u32; sorted.len()];
    for (r, &id) in sorted.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    Chunk {
        base: base as u32,
        title: Side::from_pairs(&title_pairs, &rank),
        body: Side::from_pairs(&body_pairs, &rank),
        vocab,
        sorted,
        lens,
    }
}

/// Merges chunk vocabularies into one sorted vocabulary (returned as its terms) and builds the
/// title and body postings over it.
pub(crate) fn merge(chunks: &[Chunk]) -> (Vec<&str>, Postings, Postings) {
    // Every chunk's words interned once more, chunk after chunk: the corpus-wide id of each
    // chunk's word (in the chunk's sorted order), and where each corpus-wide word was first seen.
    let mut all = Interner::default();
    let mut first_seen: Vec<(u32, u32)> = Vec::new();
    let (mut keys, mut at, mut ids) = (Vec::new(), Vec::new(), Vec::new());
    let mut globals: Vec<Vec<u32>> = chunks
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let mut global = vec![0u32; c.sorted.len()];
            keys.clear();
            at.clear();
            for (r, g) in global.iter_mut().enumerate() {
                match all.key_or_id_of(c.term(r as u32)) {
                    Lookup::Key(k) => {
                        keys.push(k);
                        at.push(r);
                    }
                    Lookup::Id(id) => *g = id,
                }
            }
            ids.clear();
            all.ids(&keys, &mut ids);
            for (&id, &r) in ids.iter().zip(&at) {
                global[r] = id;
            }
            let before = first_seen.len() as u32;
            first_seen.resize(all.len(), (0, 0));
            for (r, &g) in global.iter().enumerate() {
                if g >= before {
                    first_seen[g as usize] = (ci as u32, r as u32);
                }
            }
            global
        })
        .collect();
    let term = |g: u32| {
        let (c, r) = first_seen[g as usize];
        chunks[c as usize].term(r)
    };
    let mut order: Vec<u32> = (0..first_seen.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| term(a).cmp(term(b)));
    let mut rank = vec![0u32; order.len()];
    for (i, &g) in order.iter().enumerate() {
        rank[g as usize] = i as u32;
    }
    let sorted: Vec<&str> = order.iter().map(|&g| term(g)).collect();
    drop(order);
    // Each chunk's words in sorted order get ascending sorted ids: merging walks every chunk's
    // postings front to back.
    globals.par_iter_mut().for_each(|global| {
        for g in global.iter_mut() {
            *g = rank[*g as usize];
        }
        debug_assert!(global.is_sorted());
    });
    drop(rank);
    let n = sorted.len() as u32;
    let parts = 64u32;
    let step = n.div_ceil(parts).max(1);
    let build = |title: bool| -> Postings {
        let pieces: Vec<Postings> = (0..n.div_ceil(step))
            .into_par_iter()
            .map(|p| {
                let (lo, hi) = (p * step, ((p + 1) * step).min(n));
                // Per chunk, its words in `lo..hi`.
                let ranges: Vec<std::ops::Range<usize>> = globals
                    .iter()
                    .map(|g| g.partition_point(|&x| x < lo)..g.partition_point(|&x| x < hi))
                    .collect();
                let postings = chunks
                    .iter()
                    .zip(&ranges)
                    .map(|(c, r)| c.side(title).span(r.start as u32, r.end as u32))
                    .sum();
                let mut ptr: Vec<usize> = ranges.iter().map(|r| r.start).collect();
                let mut b = PostingsBuilder::with_capacity((hi - lo) as usize, postings);
                for g in lo..hi {
                    b.next_term();
                    for ((c, global), at) in chunks.iter().zip(&globals).zip(ptr.iter_mut()) {
                        if global.get(*at) == Some(&g) {
                            for &p in c.side(title).docs(*at as u32) {
                                b.push(c.base + (p & 0xFFFF), (p >> 16) as u8);
                            }
                            *at += 1;
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

#[cfg(test)]
#[path = "build_tests.rs"]
mod build_tests;
