//! A flat copy of what entity cards read per story (its people and bills, its date), so that a card walks arrays instead of chasing pointers.

use chrono::{Datelike, NaiveDate};

use super::types::EntityIndex;
use crate::corpus::Article;

/// Per story: its entities as slots (people first, then bills offset by the number of people),
/// in one array, and its date as a day number. Built once per entity index (linear in its
/// links); cards built with it cost several times less for the names in thousands of stories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardIndex {
    /// Where each story's slots start in `slots` (one more entry than stories).
    offsets: Vec<u32>,
    /// Every story's entity slots, story after story.
    slots: Vec<u32>,
    /// Each story's date as days from the Common Era, `i32::MIN` when undated.
    days: Vec<i32>,
    /// Number of people (slots from here are bills).
    people: usize,
    /// Number of bills.
    bills: usize,
}

impl CardIndex {
    /// The flat copy of `index` over `articles` (in the index's order).
    pub fn build(index: &EntityIndex, articles: &[Article]) -> Self {
        let people = index.people.len();
        let mut offsets = Vec::with_capacity(index.stories.len() + 1);
        let mut slots = Vec::new();
        offsets.push(0);
        for links in &index.stories {
            slots.extend(links.people.iter().map(|(id, _)| *id));
            slots.extend(links.bills.iter().map(|(id, _)| people as u32 + *id));
            offsets.push(slots.len() as u32);
        }
        let days = articles
            .iter()
            .map(|a| a.date.map_or(i32::MIN, |d| d.num_days_from_ce()))
            .collect();
        Self {
            offsets,
            slots,
            days,
            people,
            bills: index.bills.len(),
        }
    }

    /// Whether this copy was made from `index` (same stories, people and bills).
    pub fn fits(&self, index: &EntityIndex) -> bool {
        self.offsets.len() == index.stories.len() + 1
            && self.people == index.people.len()
            && self.bills == index.bills.len()
    }

    /// The entity slots of a story.
    pub(super) fn slots(&self, article: u32) -> &[u32] {
        let a = article as usize;
        match (self.offsets.get(a), self.offsets.get(a + 1)) {
            (Some(&from), Some(&to)) => &self.slots[from as usize..to as usize],
            _ => &[],
        }
    }

    /// A story's date.
    pub(super) fn date(&self, article: u32) -> Option<NaiveDate> {
        let d = *self.days.get(article as usize)?;
        if d == i32::MIN {
            None
        } else {
            NaiveDate::from_num_days_from_ce_opt(d)
        }
    }
}
