//! Building the search index: vocabulary, compressed postings for titles and bodies, entities.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::build::{chunk_size, index_chunk, merge};
use super::cache::TermCache;
use super::links::{links_of, story_links};
use super::matcher::char_mask;
use super::postings::Postings;
use super::score::{Lengths, Mentions, Weights};
use super::text;
use crate::corpus::Article;
use crate::extract::EntityIndex;

/// The sorted vocabulary of lower-cased words. Bill numbers are stored as `#hr1234` and sort first.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Vocab {
    text: String,
    starts: Vec<u32>,
    /// Character mask per term.
    pub masks: Vec<u64>,
    /// Length in characters per term (saturating at 255).
    pub lens: Vec<u8>,
    /// Terms by length in characters: `by_len[l]` lists the ids of the terms of length `l`.
    pub by_len: Vec<Vec<u32>>,
    /// Terms `[0, bill_end)` are bill numbers.
    pub bill_end: u32,
}

impl Vocab {
    /// Number of terms.
    pub fn len(&self) -> usize {
        self.masks.len()
    }

    /// The term with this id.
    pub fn term(&self, id: u32) -> &str {
        let i = id as usize;
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Id of `term`, if present.
    pub fn find(&self, term: &str) -> Option<u32> {
        let i = self.lower_bound(term);
        (i < self.len() && self.term(i as u32) == term).then_some(i as u32)
    }

    /// First id whose term is `>= key`.
    pub fn lower_bound(&self, key: &str) -> usize {
        let (mut lo, mut hi) = (0usize, self.len());
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if self.term(mid as u32) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Ids of the terms starting with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.lower_bound(prefix);
        let mut end = start;
        while end < self.len() && self.term(end as u32).starts_with(prefix) {
            end += 1;
        }
        start as u32..end as u32
    }

    fn from_sorted(terms: &[&str]) -> Vocab {
        let mut v = Vocab::default();
        v.starts.push(0);
        for t in terms {
            v.text.push_str(t);
            v.starts.push(v.text.len() as u32);
            v.masks.push(char_mask(t));
            let len = t.chars().count().min(255);
            v.lens.push(len as u8);
            if v.by_len.len() <= len {
                v.by_len.resize(len + 1, Vec::new());
            }
            if !t.starts_with('#') {
                v.by_len[len].push(v.masks.len() as u32 - 1);
            }
        }
        v.bill_end = terms.partition_point(|t| t.starts_with('#')) as u32;
        v
    }
}

/// Names an entity can be found by, and the articles that mention it.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Named {
    /// Display name first, then the other forms (for bills: label, number, name, aliases).
    pub names: Vec<String>,
    /// Bill number keys ("hr1234"); empty for people.
    pub keys: Vec<String>,
    /// Articles, ascending.
    pub articles: Vec<u32>,
    /// How each of `articles` mentions it (same order; empty for sources).
    pub mentions: Vec<Mentions>,
    /// Character mask of each name, lower-cased (filled by [`Named::with_masks`]).
    pub masks: Vec<u64>,
    /// Character mask of the first letters of each name's words.
    pub initials: Vec<u64>,
}

impl Named {
    /// Computes the names' character masks, so that matching can skip names that lack a letter.
    fn with_masks(mut self) -> Named {
        self.masks = self
            .names
            .iter()
            .map(|n| char_mask(&n.to_lowercase()))
            .collect();
        self.initials = self
            .names
            .iter()
            .map(|n| {
                let mut m = 0;
                super::text::for_each_word(n, |w| m |= char_mask(&w[..w.ceil_char_boundary(1)]));
                m
            })
            .collect();
        self
    }
}

/// The search index of one corpus. Build it once per load (in the background for large corpora)
/// and share it (`Arc`) with the [`Searcher`](super::Searcher).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct SearchIndex {
    pub(crate) n: usize,
    pub(crate) vocab: Vocab,
    pub(crate) title: Postings,
    pub(crate) body: Postings,
    pub(crate) dates: Vec<Option<NaiveDate>>,
    pub(crate) people: Vec<Named>,
    pub(crate) bills: Vec<Named>,
    pub(crate) story_people: Vec<Vec<u32>>,
    pub(crate) story_bills: Vec<Vec<u32>>,
    /// Each story's mentions of people, and of bills, in all.
    pub(crate) mention_totals: (Vec<u32>, Vec<u32>),
    pub(crate) sources: Vec<Named>,
    #[serde(skip)]
    pub(crate) cache: Mutex<TermCache>,
    /// Words in each article's title and body.
    pub(crate) lens: Vec<(u16, u32)>,
    pub(crate) avg_title: f32,
    pub(crate) avg_body: f32,
    pub(crate) weights: Weights,
    /// Per article, the reciprocals of its title and body length normalisations.
    pub(crate) inv_norms: Vec<(f32, f32)>,
}

impl SearchIndex {
    /// Indexes `articles` (titles, bodies, dates, sources) and the people and bills of `entities`
    /// (which may be empty, or built for the same articles in the same order).
    pub fn build(articles: &[Article], entities: &EntityIndex) -> SearchIndex {
        Self::build_with_progress(articles, entities, &|_, _| {})
    }

    /// Like [`build`](Self::build), calling `progress(done, total)` (articles) from worker threads
    /// as chunks are indexed.
    pub fn build_with_progress(
        articles: &[Article],
        entities: &EntityIndex,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> SearchIndex {
        let done = AtomicUsize::new(0);
        let total = articles.len();
        let size = chunk_size(articles.len());
        let chunks: Vec<_> = articles
            .par_chunks(size)
            .enumerate()
            .map(|(i, chunk)| {
                let c = index_chunk(i * size, chunk);
                let d = done.fetch_add(chunk.len(), Ordering::Relaxed) + chunk.len();
                progress(d, total);
                c
            })
            .collect();
        let (terms, title, body) = merge(&chunks);
        let vocab = Vocab::from_sorted(&terms);
        drop(terms);
        let lens: Vec<(u16, u32)> = chunks.iter().flat_map(|c| c.lens.iter().copied()).collect();
        drop(chunks);
        let n = lens.len().max(1) as f64;
        let avg_title = (lens.iter().map(|l| f64::from(l.0)).sum::<f64>() / n) as f32;
        let avg_body = (lens.iter().map(|l| f64::from(l.1)).sum::<f64>() / n) as f32;
        let (people_links, bill_links) = story_links(articles.len(), entities);
        let sources = index_sources(articles);
        let mut story_people = vec![Vec::new(); articles.len()];
        let mut story_bills = vec![Vec::new(); articles.len()];
        let people = entities
            .people
            .iter()
            .enumerate()
            .map(|(id, p)| {
                for &a in &p.articles {
                    if let Some(s) = story_people.get_mut(a as usize) {
                        s.push(id as u32);
                    }
                }
                let mut names = vec![p.name.clone()];
                push_unique(&mut names, p.aliases.iter().cloned());
                let (articles, mentions) = links_of(&people_links, id, &p.articles);
                Named {
                    names,
                    articles,
                    mentions,
                    ..Named::default()
                }
            })
            .collect();
        let bills = entities
            .bills
            .iter()
            .enumerate()
            .map(|(id, b)| {
                for &a in &b.articles {
                    if let Some(s) = story_bills.get_mut(a as usize) {
                        s.push(id as u32);
                    }
                }
                let mut names = vec![b.label.clone()];
                push_unique(&mut names, b.number.iter().cloned());
                push_unique(&mut names, b.title.iter().cloned());
                push_unique(&mut names, b.aliases.iter().cloned());
                let mut keys = Vec::new();
                let key_number = b.key.split('-').next().unwrap_or_default();
                for k in [b.number.as_deref().and_then(text::bill_number_key)]
                    .into_iter()
                    .flatten()
                    .chain(text::compact_bill_key(key_number))
                {
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
                let (articles, mentions) = links_of(&bill_links, id, &b.articles);
                Named {
                    names,
                    keys,
                    articles,
                    mentions,
                    ..Named::default()
                }
            })
            .collect();
        let with_masks = |list: Vec<Named>| -> Vec<Named> {
            list.into_par_iter().map(Named::with_masks).collect()
        };
        let (people, bills) = rayon::join(|| with_masks(people), || with_masks(bills));
        let sources = with_masks(sources);
        let mention_totals = (
            super::about::mention_totals(&people, articles.len()),
            super::about::mention_totals(&bills, articles.len()),
        );
        SearchIndex {
            n: articles.len(),
            vocab,
            title,
            body,
            dates: articles.iter().map(|a| a.date).collect(),
            people,
            bills,
            story_people,
            story_bills,
            mention_totals,
            sources,
            cache: Mutex::new(TermCache::default()),
            lens,
            avg_title,
            avg_body,
            weights: Weights::default(),
            inv_norms: Vec::new(),
        }
        .normalised()
    }

    /// Computes each article's inverse length norms for the weights in force.
    fn normalised(mut self) -> SearchIndex {
        let w = self.weights;
        self.inv_norms = (0..self.n)
            .into_par_iter()
            .with_min_len(4096)
            .map(|d| w.inverse_norms(&self.lengths(d)))
            .collect();
        self
    }

    /// The same index ranking with other weights (for tuning; the default is the tuned set).
    #[must_use]
    pub fn with_weights(mut self, weights: Weights) -> SearchIndex {
        self.set_weights(weights);
        self
    }

    /// Ranks with other weights from now on (and forgets cached clause scores).
    pub fn set_weights(&mut self, weights: Weights) {
        self.weights = weights;
        self.clear_cache();
        let w = self.weights;
        self.inv_norms = (0..self.n)
            .map(|d| w.inverse_norms(&self.lengths(d)))
            .collect();
    }

    /// The ranking weights in use.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Lengths of article `doc` with the corpus averages.
    pub(crate) fn lengths(&self, doc: usize) -> Lengths {
        let (title, body) = self.lens.get(doc).copied().unwrap_or_default();
        Lengths {
            title: u32::from(title),
            body,
            avg_title: self.avg_title,
            avg_body: self.avg_body,
        }
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when no article was indexed.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Number of distinct words (and bill numbers) in the vocabulary.
    pub fn vocabulary_len(&self) -> usize {
        self.vocab.len()
    }

    /// Forgets what earlier queries computed (for benchmarks that time cold queries).
    pub fn clear_cache(&self) {
        if let Ok(mut c) = self.cache.lock() {
            *c = TermCache::default();
        }
    }

    /// Approximate heap bytes used by the postings.
    pub fn postings_bytes(&self) -> usize {
        self.title.heap_bytes() + self.body.heap_bytes()
    }
}

fn push_unique(names: &mut Vec<String>, more: impl Iterator<Item = String>) {
    for n in more {
        if !n.is_empty() && !names.iter().any(|x| x.eq_ignore_ascii_case(&n)) {
            names.push(n);
        }
    }
}

fn index_sources(articles: &[Article]) -> Vec<Named> {
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut sources: Vec<Named> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let Some(s) = a.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
            continue;
        };
        let id = *ids.entry(s).or_insert_with(|| {
            sources.push(Named {
                names: vec![s.to_string()],
                ..Named::default()
            });
            sources.len() as u32 - 1
        });
        sources[id as usize].articles.push(i as u32);
    }
    sources
}
