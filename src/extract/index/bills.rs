//! Merging bills across stories: one entity per key, a named act into the numbered bill that
//! carries its name (the one it shares stories with when several do), a number without a Congress
//! into the one dated number.

use rustc_hash::FxHashMap as HashMap;

use super::{Links, Proto, assign, push_unique, resolve};
use crate::extract::types::{Bill, Span, StoryEntities};

pub(super) fn merge_bills(stories: &[StoryEntities]) -> (Vec<Bill>, Links) {
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut protos: Vec<Proto<Bill>> = Vec::new();
    let mut raw: Vec<Vec<(usize, &[Span])>> = Vec::with_capacity(stories.len());
    for (ai, story) in stories.iter().enumerate() {
        let mut links = Vec::with_capacity(story.bills.len());
        for b in &story.bills {
            let idx = if let Some(&i) = by_key.get(&b.key) {
                i
            } else {
                protos.push(Proto::default());
                by_key.insert(b.key.clone(), protos.len() - 1);
                protos.len() - 1
            };
            add_bill(&mut protos[idx].entity, b, ai as u32);
            links.push((idx, b.mentions.as_slice()));
        }
        raw.push(links);
    }
    // A named act merges into the one numbered bill that carries its name; a number without a
    // Congress into the one dated number.
    let mut parent: Vec<usize> = (0..protos.len()).collect();
    let mut numbered_by_title: HashMap<String, Vec<usize>> = HashMap::default();
    let mut dated_by_number: HashMap<String, Vec<usize>> = HashMap::default();
    for (key, &i) in &by_key {
        let b = &protos[i].entity;
        if b.number.is_some() {
            if let Some(t) = &b.title {
                numbered_by_title
                    .entry(crate::extract::acts::title_key(t))
                    .or_default()
                    .push(i);
            }
            if let Some((bare, _)) = key.split_once('-').filter(|_| !key.starts_with("pl")) {
                dated_by_number.entry(bare.to_string()).or_default().push(i);
            }
        }
    }
    for (key, &i) in &by_key {
        let target = match numbered_by_title.get(key) {
            Some(numbered) => named_target(numbered, &protos[i].entity.articles, &protos),
            None => dated_by_number.get(key).and_then(|v| match v.as_slice() {
                [t] => Some(*t),
                _ => None,
            }),
        };
        if let Some(t) = target.filter(|t| *t != i) {
            parent[i] = t;
        }
    }
    for i in 0..protos.len() {
        let target = resolve(&parent, i);
        if target != i {
            let src = std::mem::take(&mut protos[i]).entity;
            fold_bill(&mut protos[target].entity, src);
        }
    }
    let (ids, links) = assign(&parent, &raw);
    let bills = protos
        .into_iter()
        .enumerate()
        .filter(|(i, _)| ids[*i] != u32::MAX)
        .map(|(_, p)| p.entity)
        .collect();
    (bills, links)
}

/// The numbered bill a named act (found in `articles`) merges into: the one bill carrying its name, else, when
/// several do (the House and Senate versions, the same act in an earlier Congress), the one that shares the most
/// stories with it, if one does more than the others and shares at least half of the act's stories.
fn named_target(numbered: &[usize], articles: &[u32], protos: &[Proto<Bill>]) -> Option<usize> {
    if let [only] = numbered {
        return Some(*only);
    }
    let shared = |t: &usize| {
        protos[*t]
            .entity
            .articles
            .iter()
            .filter(|a| articles.binary_search(a).is_ok())
            .count()
    };
    let mut best: Vec<(usize, usize)> = numbered.iter().map(|t| (shared(t), *t)).collect();
    best.sort_unstable_by(|a, b| b.cmp(a));
    // It must share at least half of the act's stories: a famous act (the Affordable Care Act, in
    // hundreds of stories) is not the title of every bill that amends or repeals it in a few.
    match best.as_slice() {
        [(most, t), (next, _), ..] if *most > 0 && most > next && 2 * most >= articles.len() => {
            Some(*t)
        }
        _ => None,
    }
}

fn add_bill(e: &mut Bill, b: &crate::extract::types::StoryBill, article: u32) {
    if e.key.is_empty() {
        e.key.clone_from(&b.key);
        e.label.clone_from(&b.label);
    }
    if e.number.is_none() {
        e.number.clone_from(&b.number);
    }
    if e.title.is_none() {
        e.title.clone_from(&b.title);
    }
    for a in &b.aliases {
        push_unique(&mut e.aliases, a);
    }
    if e.chamber.is_none() {
        e.chamber.clone_from(&b.chamber);
    }
    for (i, s) in b.sponsors.iter().enumerate() {
        push_sponsor(e, s, b.sponsor_ids.get(i).cloned().flatten());
    }
    if e.url.is_none() {
        e.url.clone_from(&b.url);
    }
    if e.companion_of.is_none() {
        e.companion_of.clone_from(&b.companion_of);
    }
    if e.articles.last() != Some(&article) {
        e.articles.push(article);
    }
    e.mentions += b.mentions.len() as u32;
}

/// Adds a sponsor once, keeping `sponsor_ids` aligned; a later story's id fills a missing one.
fn push_sponsor(e: &mut Bill, name: &str, id: Option<String>) {
    if let Some(i) = e.sponsors.iter().position(|x| x == name) {
        if e.sponsor_ids[i].is_none() {
            e.sponsor_ids[i] = id;
        }
    } else {
        e.sponsors.push(name.to_string());
        e.sponsor_ids.push(id);
    }
}

fn fold_bill(e: &mut Bill, s: Bill) {
    if e.title.is_none() {
        e.title = s.title.clone();
    }
    if let Some(t) = &s.title
        && e.title.as_ref() != Some(t)
    {
        push_unique(&mut e.aliases, t);
    }
    if s.label != e.label {
        push_unique(&mut e.aliases, &s.label);
    }
    for a in &s.aliases {
        push_unique(&mut e.aliases, a);
    }
    if e.chamber.is_none() {
        e.chamber = s.chamber;
    }
    for (i, x) in s.sponsors.iter().enumerate() {
        push_sponsor(e, x, s.sponsor_ids.get(i).cloned().flatten());
    }
    if e.url.is_none() {
        e.url.clone_from(&s.url);
    }
    if e.companion_of.is_none() {
        e.companion_of.clone_from(&s.companion_of);
    }
    push_unique(&mut e.merged_keys, &s.key);
    for k in &s.merged_keys {
        push_unique(&mut e.merged_keys, k);
    }
    e.articles.extend(s.articles);
    e.articles.sort_unstable();
    e.articles.dedup();
    e.mentions += s.mentions;
    e.aliases
        .retain(|a| *a != e.label && Some(a) != e.title.as_ref());
}
