//! The side panel's items: the people and bills of a story, from its own extraction or the corpus index, and the panel's rows.

use super::app::EntityKind;
use super::story::Story;

use crate::corpus::Article;
use crate::extract::story_roles::{people_in_story, story_role};
use crate::extract::{EntityIndex, Span, StoryEntities};

/// A person or bill in the side panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideItem {
    /// Person or bill.
    pub kind: EntityKind,
    /// Index in the corpus-wide entity index, once it is built.
    pub id: Option<u32>,
    /// Name or label.
    pub name: String,
    /// Role and party-state, or number, chamber and sponsors.
    pub detail: String,
    /// Number of stories in the corpus that mention it, once known.
    pub stories: Option<usize>,
    /// Where the story mentions it.
    pub mentions: Vec<Span>,
}

/// People first, then bills, each in order of first mention.
pub fn sorted(mut side: Vec<SideItem>) -> Vec<SideItem> {
    side.sort_by_key(|item| {
        (
            item.kind == EntityKind::Bill,
            item.mentions.iter().min().copied(),
        )
    });
    side
}

fn party_state(party: Option<&String>, state: Option<&String>) -> Option<String> {
    match (party, state) {
        (Some(p), Some(s)) => Some(format!("{p}-{s}")),
        (Some(x), None) | (None, Some(x)) => Some(x.clone()),
        (None, None) => None,
    }
}

fn join(parts: &[Option<String>]) -> String {
    parts
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

fn bill_detail(
    label: &str,
    number: Option<&String>,
    chamber: Option<&String>,
    sponsors: &[String],
) -> String {
    let sponsors = (!sponsors.is_empty()).then(|| format!("by {}", sponsors.join(", ")));
    let number = number.filter(|n| n.as_str() != label).cloned();
    join(&[number, chamber.cloned(), sponsors])
}

/// Side items from the story's own extraction (before the corpus index is ready); `body` is the story's text.
pub fn story_items(found: &StoryEntities, body: &str) -> Vec<SideItem> {
    let people = found.people.iter().map(|p| SideItem {
        kind: EntityKind::Person,
        id: None,
        name: p.name.clone(),
        detail: join(&[
            story_role(p, body),
            party_state(p.party.as_ref(), p.state.as_ref()),
        ]),
        stories: None,
        mentions: p.mentions.clone(),
    });
    let bills = found.bills.iter().map(|b| SideItem {
        kind: EntityKind::Bill,
        id: None,
        name: b.label.clone(),
        detail: bill_detail(&b.label, b.number.as_ref(), b.chamber.as_ref(), &b.sponsors),
        stories: None,
        mentions: b.mentions.clone(),
    });
    people.chain(bills).collect()
}

/// Side items of story `article` from the corpus-wide index, with story counts; people's role, party
/// and state as of the story: the roster's for linked people, the story's own words (`own`, its
/// extraction, once known) for the others, else what most stories say (see [`people_in_story`]).
pub fn linked_items(
    index: &EntityIndex,
    article: usize,
    story: &Article,
    own: Option<&StoryEntities>,
) -> Vec<SideItem> {
    let Some(links) = index.stories.get(article) else {
        return Vec::new();
    };
    let people =
        people_in_story(index, article, story.date, own, &story.body).map(|(id, p, spans, who)| {
            SideItem {
                kind: EntityKind::Person,
                id: Some(id),
                name: p.name.clone(),
                detail: join(&[
                    who.role,
                    party_state(who.party.as_ref(), who.state.as_ref()),
                ]),
                stories: Some(p.articles.len()),
                mentions: spans.to_vec(),
            }
        });
    let bills = links.bills.iter().filter_map(|(id, spans)| {
        let b = index.bills.get(*id as usize)?;
        Some(SideItem {
            kind: EntityKind::Bill,
            id: Some(*id),
            name: b.label.clone(),
            detail: bill_detail(&b.label, b.number.as_ref(), b.chamber.as_ref(), &b.sponsors),
            stories: Some(b.articles.len()),
            mentions: spans.clone(),
        })
    });
    people.chain(bills).collect()
}

/// One row of the side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRow {
    /// "People (3)" or "Bills (1)".
    Heading(EntityKind, usize),
    /// The name line of item `i`.
    Name(usize),
    /// The detail line of item `i`.
    Detail(usize),
    /// Space between the sections.
    Gap,
}

impl Story {
    /// The side panel's rows: each section's heading, then two rows per item.
    pub fn side_rows(&self) -> Vec<SideRow> {
        let mut rows = Vec::new();
        for kind in [EntityKind::Person, EntityKind::Bill] {
            let items: Vec<usize> = (0..self.side().len())
                .filter(|&i| self.side()[i].kind == kind)
                .collect();
            if !rows.is_empty() {
                rows.push(SideRow::Gap);
            }
            rows.push(SideRow::Heading(kind, items.len()));
            for i in items {
                rows.push(SideRow::Name(i));
                if !self.side()[i].detail.is_empty() {
                    rows.push(SideRow::Detail(i));
                }
            }
        }
        rows
    }
}
