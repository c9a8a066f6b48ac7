//! The entity card: who a person or bill is, how often and when the corpus names it, and who with.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use super::card_index::CardIndex;
pub use super::card_record::{AsOf, person_as_of};
use super::types::{BillId, EntityIndex, PersonId};
use crate::corpus::{Article, SafeUrl};

/// A person or a bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A bill.
    Bill,
}

/// One person or bill of an [`EntityIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    /// `index.people[id]`.
    Person(PersonId),
    /// `index.bills[id]`.
    Bill(BillId),
}

impl EntityRef {
    /// Person or bill.
    pub fn kind(self) -> EntityKind {
        match self {
            EntityRef::Person(_) => EntityKind::Person,
            EntityRef::Bill(_) => EntityKind::Bill,
        }
    }

    /// The index in `people` or `bills`.
    pub fn id(self) -> u32 {
        match self {
            EntityRef::Person(id) | EntityRef::Bill(id) => id,
        }
    }

    /// The entity of this kind and id.
    pub fn new(kind: EntityKind, id: u32) -> Self {
        match kind {
            EntityKind::Person => EntityRef::Person(id),
            EntityKind::Bill => EntityRef::Bill(id),
        }
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month of a date.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Months since year 0 (for spans and steps).
    fn ordinal(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_ordinal(n: i64) -> Self {
        Self {
            year: n.div_euclid(12) as i32,
            month: n.rem_euclid(12) as u32 + 1,
        }
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A person or bill named in the same stories, with how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Companion {
    /// Which one.
    pub entity: EntityRef,
    /// Name or label.
    pub name: String,
    /// Stories that name both.
    pub stories: usize,
}

/// Facts from the public record, for a person linked to the roster or a numbered bill.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Bioguide id of a linked member of Congress ("P000197").
    pub bioguide: Option<String>,
    /// "House" or "Senate" (or "Executive").
    pub chamber: Option<String>,
    /// Years served, as the card shows them ("1987–2025").
    pub served: Option<String>,
    /// The bill's page on congress.gov (or a person's public-record page), checked like a story's link.
    pub url: Option<SafeUrl>,
}

/// Everything the card shows of one person or bill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCard {
    /// Which one.
    pub entity: EntityRef,
    /// Display name or bill label.
    pub name: String,
    /// A bill's name when it differs from its label.
    pub title: Option<String>,
    /// A bill's number, chamber and sponsors, in words.
    pub detail: Option<String>,
    /// Role as of the story the card is for (else the role most stories give).
    pub role: Option<String>,
    /// Party as of that story.
    pub party: Option<String>,
    /// State as of that story.
    pub state: Option<String>,
    /// Public-record facts, when linked.
    pub record: Record,
    /// Stories that name it.
    pub stories: usize,
    /// Mentions in all of them.
    pub mentions: u32,
    /// Its stories without a date (not in the timeline).
    pub undated: usize,
    /// Date of its first dated story.
    pub first: Option<NaiveDate>,
    /// Date of its last dated story.
    pub last: Option<NaiveDate>,
    /// Stories per month, every month from the first to the last, empty months included.
    pub timeline: Vec<(Month, u32)>,
    /// The people and bills most often in the same stories, most first.
    pub often_with: Vec<Companion>,
}

/// How many companions a card keeps.
pub const OFTEN_WITH: usize = 10;

impl EntityCard {
    /// The card of `entity` over the corpus (`articles` in the index's order), with the role,
    /// party, state and chamber as of `as_of` (none: the date of its last story) from the roster
    /// for a linked person in office that day, else as most stories give them. `None` when the
    /// id is not in the index.
    ///
    /// Cost: one pass over the entity's stories and the links of each (a person named in every
    /// story of a 100k corpus is the worst case); no allocation proportional to the corpus but
    /// one counter per entity.
    pub fn build(
        index: &EntityIndex,
        articles: &[Article],
        entity: EntityRef,
        as_of: Option<NaiveDate>,
    ) -> Option<Self> {
        Self::build_with(index, articles, None, entity, as_of)
    }

    /// Like [`EntityCard::build`], reading the stories' entities and dates from `flat` when it
    /// is given and was made from `index` (the same card, several times faster for the names
    /// in thousands of stories).
    pub fn build_with(
        index: &EntityIndex,
        articles: &[Article],
        flat: Option<&CardIndex>,
        entity: EntityRef,
        as_of: Option<NaiveDate>,
    ) -> Option<Self> {
        let flat = flat.filter(|f| f.fits(index));
        let mut card = match entity {
            EntityRef::Person(id) => {
                let p = index.people.get(id as usize)?;
                let mut card = Self::empty(entity, &p.name, p.mentions, &p.articles);
                card.timeline_from(articles, flat, &p.articles);
                let date = as_of.or(card.last);
                super::card_record::fill_person(&mut card, p, date);
                card
            }
            EntityRef::Bill(id) => {
                let b = index.bills.get(id as usize)?;
                Self::empty(entity, &b.label, b.mentions, &b.articles).with(|c| {
                    c.title = b.title.clone().filter(|t| *t != b.label);
                    let number = b.number.clone().filter(|n| *n != b.label);
                    let sponsors =
                        (!b.sponsors.is_empty()).then(|| format!("by {}", b.sponsors.join(", ")));
                    let parts: Vec<String> = [number, b.chamber.clone(), sponsors]
                        .into_iter()
                        .flatten()
                        .collect();
                    c.detail = (!parts.is_empty()).then(|| parts.join(" · "));
                    super::card_record::fill_bill(c, b);
                    c.timeline_from(articles, flat, &b.articles);
                })
            }
        };
        let stories = match entity {
            EntityRef::Person(id) => &index.people[id as usize].articles,
            EntityRef::Bill(id) => &index.bills[id as usize].articles,
        };
        card.often_with = often_with(index, flat, entity, stories, OFTEN_WITH);
        Some(card)
    }

    fn empty(entity: EntityRef, name: &str, mentions: u32, stories: &[u32]) -> Self {
        Self {
            entity,
            name: name.to_owned(),
            title: None,
            detail: None,
            role: None,
            party: None,
            state: None,
            record: Record::default(),
            stories: stories.len(),
            mentions,
            undated: 0,
            first: None,
            last: None,
            timeline: Vec::new(),
            often_with: Vec::new(),
        }
    }

    fn with(mut self, f: impl FnOnce(&mut Self)) -> Self {
        f(&mut self);
        self
    }

    /// First and last dates and stories per month.
    fn timeline_from(&mut self, articles: &[Article], flat: Option<&CardIndex>, stories: &[u32]) {
        let dates: Vec<NaiveDate> = match flat {
            Some(flat) => stories.iter().filter_map(|&a| flat.date(a)).collect(),
            None => stories
                .iter()
                .filter_map(|&a| articles.get(a as usize)?.date)
                .collect(),
        };
        self.undated = stories.len() - dates.len();
        self.first = dates.iter().min().copied();
        self.last = dates.iter().max().copied();
        let (Some(first), Some(last)) = (self.first, self.last) else {
            return;
        };
        let start = Month::of(first).ordinal();
        let len = (Month::of(last).ordinal() - start + 1) as usize;
        let mut counts = vec![0u32; len];
        for d in &dates {
            counts[(Month::of(*d).ordinal() - start) as usize] += 1;
        }
        self.timeline = counts
            .into_iter()
            .enumerate()
            .map(|(i, n)| (Month::from_ordinal(start + i as i64), n))
            .collect();
    }

    /// Party and state as news writes them ("D-California"), if either is known.
    pub fn party_state(&self) -> Option<String> {
        match (&self.party, &self.state) {
            (Some(p), Some(s)) => Some(format!("{p}-{s}")),
            (Some(x), None) | (None, Some(x)) => Some(x.clone()),
            (None, None) => None,
        }
    }

    /// The public record in one line: years served (or else the chamber) and the bioguide id of a
    /// person ("House 1987–, bioguide P000197"); a bill's chamber when its detail does not say it.
    pub fn record_line(&self) -> Option<String> {
        let r = &self.record;
        let office = match self.entity {
            EntityRef::Person(_) => r.served.clone().or_else(|| r.chamber.clone()),
            EntityRef::Bill(_) => r.chamber.clone().filter(|_| self.detail.is_none()),
        };
        let bioguide = r.bioguide.as_ref().map(|b| format!("bioguide {b}"));
        let parts: Vec<String> = [office, bioguide].into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// The timeline in `columns` buckets of whole months at most (for a sparkline): the counts,
    /// and how many months each bucket holds.
    pub fn buckets(&self, columns: usize) -> (Vec<u64>, usize) {
        let per = self.timeline.len().div_ceil(columns.max(1)).max(1);
        let counts = self
            .timeline
            .chunks(per)
            .map(|c| c.iter().map(|(_, n)| u64::from(*n)).sum())
            .collect();
        (counts, per)
    }
}

/// The people and bills named in the most of `stories` (besides `entity` itself), most first,
/// ties by name; at most `limit`. `flat`, when given, must have been made from `index`.
pub fn often_with(
    index: &EntityIndex,
    flat: Option<&CardIndex>,
    entity: EntityRef,
    stories: &[u32],
    limit: usize,
) -> Vec<Companion> {
    let people = index.people.len();
    // One counter per entity, people first: a dense array is several times faster than a map
    // for the famous names that are in tens of thousands of stories.
    let mut counts = vec![0u32; people + index.bills.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut bump = |slot: usize| {
        if counts[slot] == 0 {
            touched.push(slot as u32);
        }
        counts[slot] += 1;
    };
    for &a in stories {
        if let Some(flat) = flat {
            for &slot in flat.slots(a) {
                bump(slot as usize);
            }
            continue;
        }
        let Some(links) = index.stories.get(a as usize) else {
            continue;
        };
        for (id, _) in &links.people {
            bump(*id as usize);
        }
        for (id, _) in &links.bills {
            bump(people + *id as usize);
        }
    }
    let own = match entity {
        EntityRef::Person(id) => id as usize,
        EntityRef::Bill(id) => people + id as usize,
    };
    let refer = |slot: usize| {
        if slot < people {
            EntityRef::Person(slot as u32)
        } else {
            EntityRef::Bill((slot - people) as u32)
        }
    };
    let name = |e: EntityRef| match e {
        EntityRef::Person(id) => index.people[id as usize].name.as_str(),
        EntityRef::Bill(id) => index.bills[id as usize].label.as_str(),
    };
    let mut top: Vec<(u32, usize)> = touched
        .into_iter()
        .filter(|&s| s as usize != own)
        .map(|s| (counts[s as usize], s as usize))
        .collect();
    let by = |a: &(u32, usize), b: &(u32, usize)| {
        b.0.cmp(&a.0)
            .then_with(|| name(refer(a.1)).cmp(name(refer(b.1))))
    };
    if top.len() > limit {
        top.select_nth_unstable_by(limit, by);
        top.truncate(limit);
    }
    top.sort_by(by);
    top.into_iter()
        .map(|(n, slot)| {
            let entity = refer(slot);
            Companion {
                entity,
                name: name(entity).to_owned(),
                stories: n as usize,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "card_tests.rs"]
mod tests;
