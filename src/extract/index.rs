//! The corpus-wide entity index: extract every story in parallel, then merge people and bills across stories.

mod bills;

use std::sync::atomic::{AtomicUsize, Ordering};

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

pub use super::person_key::{person_key, split_name};
use super::types::{Bill, BillId, EntityIndex, Person, PersonId, Span, StoryEntities, StoryLinks};
use super::votes::{add_votes, best_role, vote, winner};
use crate::corpus::Article;
use bills::merge_bills;

#[derive(Default)]
struct Proto<T> {
    entity: T,
    names: HashMap<String, u32>,
    /// Votes for the role, party and state each story gave: one story's misreading must not win.
    roles: HashMap<String, u32>,
    parties: HashMap<String, u32>,
    states: HashMap<String, u32>,
    chambers: HashMap<String, u32>,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

impl EntityIndex {
    /// Extracts every article (in parallel) and links the results.
    pub fn build(articles: &[Article]) -> Self {
        Self::build_with_progress(articles, &|_| {})
    }

    /// Like `build`, calling `progress` with the number of articles extracted so far (from worker threads,
    /// every 64 articles and once at the end).
    pub fn build_with_progress(articles: &[Article], progress: &(dyn Fn(usize) + Sync)) -> Self {
        let done = AtomicUsize::new(0);
        let total = articles.len();
        let stories: Vec<StoryEntities> = articles
            .par_iter()
            .map(|a| {
                let s = super::extract(a);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if n.is_multiple_of(64) && n != total {
                    progress(n);
                }
                s
            })
            .collect();
        progress(total);
        let index = Self::from_stories(&stories);
        // Millions of small allocations, made on the worker threads: freed there too, on both cores.
        stories.into_par_iter().for_each(drop);
        index
    }

    /// Links per-story results (in corpus order) into corpus-wide people and bills.
    pub fn from_stories(stories: &[StoryEntities]) -> Self {
        // On the calling thread, where the index will be freed: glibc frees a corpus-sized index made
        // on worker threads several times slower (measured: 0.9 s against 0.15 s for 100k stories).
        let (people, person_links) = merge_people(stories);
        let (bills, bill_links) = merge_bills(stories);
        let stories = person_links
            .into_iter()
            .zip(bill_links)
            .map(|(people, bills)| StoryLinks { people, bills })
            .collect();
        EntityIndex {
            people,
            bills,
            stories,
        }
    }

    /// The people an article mentions, with where.
    pub fn people_of(&self, article: usize) -> impl Iterator<Item = (PersonId, &Person, &[Span])> {
        self.stories
            .get(article)
            .into_iter()
            .flat_map(|s| s.people.iter())
            .filter_map(|(id, spans)| Some((*id, self.people.get(*id as usize)?, spans.as_slice())))
    }

    /// The bills an article mentions, with where.
    pub fn bills_of(&self, article: usize) -> impl Iterator<Item = (BillId, &Bill, &[Span])> {
        self.stories
            .get(article)
            .into_iter()
            .flat_map(|s| s.bills.iter())
            .filter_map(|(id, spans)| Some((*id, self.bills.get(*id as usize)?, spans.as_slice())))
    }

    /// The person linked to this bioguide id, if any story linked one.
    pub fn person_by_bioguide(&self, bioguide: &str) -> Option<PersonId> {
        self.people
            .iter()
            .position(|p| p.bioguide.as_deref() == Some(bioguide))
            .map(|i| i as PersonId)
    }

    /// The bill with this key (as `Bill::key` or `Bill::companion_of` give it), or the bill it was merged into.
    pub fn bill_by_key(&self, key: &str) -> Option<BillId> {
        self.bills
            .iter()
            .position(|b| b.key == key || b.merged_keys.iter().any(|k| k == key))
            .map(|i| i as BillId)
    }

    /// A person by display name or alias (case-insensitive).
    pub fn find_person(&self, name: &str) -> Option<PersonId> {
        let key = person_key(name);
        self.people
            .iter()
            .position(|p| {
                person_key(&p.name) == key || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
            })
            .map(|i| i as PersonId)
    }

    /// A bill by label, number, title or alias (case-insensitive).
    pub fn find_bill(&self, label: &str) -> Option<BillId> {
        self.bills
            .iter()
            .position(|b| {
                b.label.eq_ignore_ascii_case(label)
                    || b.number
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(label))
                    || b.title
                        .as_deref()
                        .is_some_and(|t| t.eq_ignore_ascii_case(label))
                    || b.aliases.iter().any(|a| a.eq_ignore_ascii_case(label))
            })
            .map(|i| i as BillId)
    }
}

type Links = Vec<Vec<(u32, Vec<Span>)>>;

/// Follows redirects to the final proto.
fn resolve(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

/// Numbers the protos that are their own parent in order, and lists each story's links.
fn assign(parent: &[usize], raw: &[Vec<(usize, &[Span])>]) -> (Vec<u32>, Links) {
    let mut id = vec![u32::MAX; parent.len()];
    let mut next = 0;
    for (i, p) in parent.iter().enumerate() {
        if *p == i {
            id[i] = next;
            next += 1;
        }
    }
    let links = raw
        .iter()
        .map(|story| {
            let mut out: Vec<(u32, Vec<Span>)> = Vec::new();
            for (proto, spans) in story {
                let e = id[resolve(parent, *proto)];
                match out.iter_mut().find(|(x, _)| *x == e) {
                    Some((_, s)) => {
                        s.extend_from_slice(spans);
                        s.sort_unstable();
                    }
                    None => out.push((e, spans.to_vec())),
                }
            }
            out
        })
        .collect();
    (id, links)
}

fn merge_people(stories: &[StoryEntities]) -> (Vec<Person>, Links) {
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut protos: Vec<Proto<Person>> = Vec::new();
    // The name key of each proto's first name (for linked people, keyed by bioguide id).
    let mut name_keys: Vec<String> = Vec::new();
    let mut raw: Vec<Vec<(usize, &[Span])>> = Vec::with_capacity(stories.len());
    // Keys are computed (and freed) on the worker threads; the merge itself is sequential, in corpus order.
    let keys: Vec<Vec<String>> = stories
        .par_iter()
        .map(|s| s.people.iter().map(|p| person_key(&p.name)).collect())
        .collect();
    let mut linked_key = String::new();
    for (ai, (story, keys)) in stories.iter().zip(&keys).enumerate() {
        let mut links = Vec::with_capacity(story.people.len());
        for (p, name_key) in story.people.iter().zip(keys) {
            // People linked to the roster merge by their bioguide id, whatever name form a story uses.
            let key = match &p.bioguide {
                Some(b) => {
                    linked_key.clear();
                    linked_key.push('@');
                    linked_key.push_str(b);
                    &linked_key
                }
                None => name_key,
            };
            let idx = if let Some(&i) = by_key.get(key) {
                i
            } else {
                protos.push(Proto::default());
                name_keys.push(name_key.clone());
                by_key.insert(key.clone(), protos.len() - 1);
                protos.len() - 1
            };
            add_person(&mut protos[idx], p, ai as u32);
            links.push((idx, p.mentions.as_slice()));
        }
        raw.push(links);
    }
    keys.into_par_iter().for_each(drop);
    let mut parent: Vec<usize> = (0..protos.len()).collect();
    // An unlinked full name (an undated story, a name no title placed) joins the one linked person who was
    // named so elsewhere ("Chuck Schumer" in an undated story, Charles E. Schumer in dated ones).
    let mut linked_by_name: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, p) in protos.iter().enumerate() {
        if p.entity.bioguide.is_some() {
            for n in p.names.keys() {
                let k = person_key(n);
                if k.contains(' ') {
                    let v = linked_by_name.entry(k).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
    }
    for (i, p) in protos.iter().enumerate() {
        if p.entity.bioguide.is_none()
            && let Some([one]) = linked_by_name.get(&name_keys[i]).map(Vec::as_slice)
        {
            parent[i] = *one;
        }
    }
    let folded: Vec<bool> = (0..protos.len()).map(|i| parent[i] != i).collect();
    for i in 0..protos.len() {
        if folded[i] {
            let src = std::mem::take(&mut protos[i]);
            fold_person(&mut protos[parent[i]], src);
        }
    }
    // A surname alone merges into the full name with that surname when there is one, or when one
    // is named in at least three times as many stories as any other ("Trump": Donald Trump, not Ivanka).
    let mut full_by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, key) in name_keys.iter().enumerate() {
        if parent[i] == i
            && let Some((_, surname)) = key.split_once(' ')
        {
            let v = full_by_surname.entry(surname.to_string()).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
    for (i, key) in name_keys.iter().enumerate() {
        if parent[i] == i
            && protos[i].entity.bioguide.is_none()
            && (!key.contains(' ') || split_name(&protos[i].entity.name).0.is_none())
            && let Some(target) = full_by_surname
                .get(key.as_str())
                .and_then(|c| dominant(c, &protos))
        {
            parent[i] = target;
        }
    }
    for i in 0..protos.len() {
        let target = resolve(&parent, i);
        if target != i && !folded[i] {
            let src = std::mem::take(&mut protos[i]);
            fold_person(&mut protos[target], src);
        }
    }
    let (ids, links) = assign(&parent, &raw);
    let people = protos
        .into_iter()
        .enumerate()
        .filter(|(i, _)| ids[*i] != u32::MAX)
        .map(|(_, p)| finish_person(p))
        .collect();
    (people, links)
}

/// The candidate named in at least three times as many stories as any other, if there is one.
fn dominant(candidates: &[usize], protos: &[Proto<Person>]) -> Option<usize> {
    let stories = |i: &usize| protos[*i].entity.articles.len();
    let mut sorted = candidates.to_vec();
    sorted.sort_by_key(|i| std::cmp::Reverse(stories(i)));
    match sorted.as_slice() {
        [] => None,
        [one] => Some(*one),
        [first, second, ..] => (stories(first) >= 3 * stories(second)).then_some(*first),
    }
}

fn add_person(proto: &mut Proto<Person>, p: &super::types::StoryPerson, article: u32) {
    let e = &mut proto.entity;
    match proto.names.get_mut(&p.name) {
        Some(c) => *c += 1,
        None => {
            proto.names.insert(p.name.clone(), 1);
        }
    }
    for a in &p.aliases {
        push_unique(&mut e.aliases, a);
    }
    vote(&mut proto.roles, p.role.as_ref());
    vote(&mut proto.parties, p.party.as_ref());
    vote(&mut proto.states, p.state.as_ref());
    vote(&mut proto.chambers, p.chamber.as_ref());
    if e.bioguide.is_none() {
        e.bioguide.clone_from(&p.bioguide);
    }
    if e.articles.last() != Some(&article) {
        e.articles.push(article);
    }
    e.mentions += p.mentions.len() as u32;
}

fn fold_person(into: &mut Proto<Person>, src: Proto<Person>) {
    for (n, c) in src.names {
        *into.names.entry(n).or_default() += c;
    }
    let (e, s) = (&mut into.entity, src.entity);
    for a in &s.aliases {
        push_unique(&mut e.aliases, a);
    }
    add_votes(&mut into.roles, src.roles);
    add_votes(&mut into.parties, src.parties);
    add_votes(&mut into.states, src.states);
    add_votes(&mut into.chambers, src.chambers);
    if e.bioguide.is_none() {
        e.bioguide.clone_from(&s.bioguide);
    }
    e.articles.extend(s.articles);
    e.articles.sort_unstable();
    e.articles.dedup();
    e.mentions += s.mentions;
}

fn finish_person(p: Proto<Person>) -> Person {
    let mut e = p.entity;
    e.role = best_role(&p.roles);
    // A party or state given by only a sliver of the stories is more likely a misreading than a fact.
    let stories = e.articles.len() as u32;
    let credible = |map: &HashMap<String, u32>| {
        winner(map).filter(|v| map.get(v).is_some_and(|c| c * 20 >= stories))
    };
    e.party = credible(&p.parties);
    e.state = credible(&p.states);
    e.chamber = credible(&p.chambers);
    // Display the most frequent full form; ties go to the longer name.
    let best = p
        .names
        .iter()
        .max_by_key(|(n, c)| {
            (
                split_name(n).0.is_some(),
                **c,
                n.len(),
                std::cmp::Reverse((*n).clone()),
            )
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default();
    for n in p.names.keys() {
        push_unique(&mut e.aliases, n);
    }
    e.aliases.retain(|a| *a != best);
    e.aliases.sort();
    e.name = best;
    e
}
