//! How each story mentions each person and bill (counts, in the title, in the lead), for scoring.

use super::score::{LEAD_BYTES, Mentions};
use crate::extract::EntityIndex;

/// Per entity, the articles that mention it (ascending) with how: from the per-story links.
pub(crate) type Links = Vec<Vec<(u32, Mentions)>>;

/// The per-story links of people and of bills, gathered per entity (empty when `entities` was not
/// built for these articles).
pub(crate) fn story_links(n: usize, entities: &EntityIndex) -> (Links, Links) {
    let mut people: Links = vec![Vec::new(); entities.people.len()];
    let mut bills: Links = vec![Vec::new(); entities.bills.len()];
    if entities.stories.len() != n {
        return (Vec::new(), Vec::new());
    }
    let how = |spans: &[crate::extract::Span]| Mentions {
        count: spans.len().min(255) as u8,
        title: spans
            .iter()
            .any(|s| s.field == crate::extract::Field::Title),
        lead: spans
            .iter()
            .any(|s| s.field == crate::extract::Field::Body && s.start < LEAD_BYTES),
    };
    for (a, story) in entities.stories.iter().enumerate() {
        for (id, spans) in &story.people {
            if let Some(list) = people.get_mut(*id as usize) {
                list.push((a as u32, how(spans)));
            }
        }
        for (id, spans) in &story.bills {
            if let Some(list) = bills.get_mut(*id as usize) {
                list.push((a as u32, how(spans)));
            }
        }
    }
    (people, bills)
}

/// The articles of an entity (`articles`, as the entity index links them across the corpus) with
/// how each mentions it: from the story's own links of entity `id`, else one mention (a story
/// linked by a surname alone).
pub(crate) fn links_of(links: &Links, id: usize, articles: &[u32]) -> (Vec<u32>, Vec<Mentions>) {
    let own = links.get(id).map(Vec::as_slice).unwrap_or_default();
    let mentions = articles
        .iter()
        .map(|a| match own.binary_search_by_key(a, |x| x.0) {
            Ok(i) => own[i].1,
            Err(_) => Mentions {
                count: 1,
                ..Mentions::default()
            },
        })
        .collect();
    (articles.to_vec(), mentions)
}
