//! Temporary stand-ins for core pieces that other engineers are still landing (state, search).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::corpus::Article;
use crate::extract::EntityIndex;
use crate::search::{FieldMatch, Hit, MatchField};

/// Read and starred marks (stand-in for `crate::state::ReadState`).
#[derive(Debug, Clone, Default)]
pub struct ReadState {
    read: HashSet<String>,
    starred: HashSet<String>,
}

impl ReadState {
    /// Starts empty; nothing is persisted by the stand-in.
    pub fn load(_path: &Path) -> (Self, Option<String>) {
        (Self::default(), None)
    }
    /// Where marks would be kept.
    pub fn default_path() -> Option<PathBuf> {
        None
    }
    /// Whether the story was read.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }
    /// Marks the story read or unread.
    pub fn set_read(&mut self, id: &str, read: bool) {
        if read {
            self.read.insert(id.to_owned());
        } else {
            self.read.remove(id);
        }
    }
    /// Whether the story is starred.
    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }
    /// Stars or unstars the story.
    pub fn toggle_star(&mut self, id: &str) {
        if !self.starred.remove(id) {
            self.starred.insert(id.to_owned());
        }
    }
    /// Saves nothing.
    pub fn save(&self) -> Result<(), String> {
        Ok(())
    }
}

/// Stand-in search index: case-insensitive substring over titles and entity names.
#[derive(Debug, Default)]
pub struct SearchIndex {
    titles: Vec<String>,
    names: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Lower-cases titles and collects each story's entity names.
    pub fn build(articles: &[Article], entities: &EntityIndex) -> Self {
        let titles = articles.iter().map(|a| a.title.to_lowercase()).collect();
        let names = (0..articles.len())
            .map(|i| {
                entities.stories.get(i).map_or_else(Vec::new, |links| {
                    links
                        .people
                        .iter()
                        .filter_map(|(p, _)| entities.people.get(*p as usize))
                        .map(|p| p.name.clone())
                        .collect()
                })
            })
            .collect();
        Self { titles, names }
    }

    /// Every story whose title or a person's name contains all the words.
    pub fn search(&self, articles: &[Article], query: &str) -> Result<Vec<Hit>, String> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let mut hits = Vec::new();
        for (i, title) in self.titles.iter().enumerate() {
            let names = self.names.get(i).map_or(&[][..], Vec::as_slice);
            let ok = words.iter().all(|w| {
                title.contains(w.as_str()) || names.iter().any(|n| n.to_lowercase().contains(w))
            });
            if ok && !words.is_empty() {
                hits.push(title_hit(articles, i, &words));
            }
        }
        Ok(hits)
    }
}

/// Stand-in for `crate::search::quick_title_search`.
pub fn quick_title_search(articles: &[Article], query: &str) -> Result<Vec<Hit>, String> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    Ok(articles
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            let t = a.title.to_lowercase();
            words.iter().all(|w| t.contains(w.as_str()))
        })
        .map(|(i, _)| title_hit(articles, i, &words))
        .collect())
}

fn title_hit(articles: &[Article], i: usize, words: &[String]) -> Hit {
    let title = &articles[i].title;
    let lower: Vec<char> = title.to_lowercase().chars().collect();
    let mut ranges = Vec::new();
    for w in words {
        let wc: Vec<char> = w.chars().collect();
        if let Some(start) = lower
            .windows(wc.len().max(1))
            .position(|win| win == wc.as_slice())
        {
            ranges.push([start, start + wc.len()]);
        }
    }
    Hit {
        article: i,
        score: 0,
        matches: vec![FieldMatch {
            field: MatchField::Title,
            text: title.clone(),
            ranges,
        }],
    }
}
