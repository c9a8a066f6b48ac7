//! People and bills: per-story extraction and the corpus-wide entity index that links them.
//!
//! `extract` works on one article at once (the reader calls it for the open story);
//! `EntityIndex::build` runs it over a whole corpus in parallel and merges mentions into entities.
//! Everything is rule-based: a word tokenizer, tables of titles, given names, states and non-name
//! words, and a few patterns for bill numbers, act names and sponsorship.

mod acts;
mod acts_lower;
mod acts_words;
mod aliases;
mod bill_ties;
mod bill_url;
pub(crate) use bill_url::ordinal_suffix;
pub mod card;
mod card_index;
mod card_record;
mod cues;
mod given;
mod index;
mod link;
mod name;
mod name_parts;
mod number;
mod party;
mod people;
mod person_key;
mod sets;
mod sponsor;
mod story_bills;
pub mod story_roles;
mod tables;
mod title;
mod title_words;
mod token;
mod types;
mod votes;

use std::cell::RefCell;
use std::collections::HashSet;

use chrono::NaiveDate;

pub use bill_url::congress_gov_url;
pub use card::{EntityCard, EntityKind, EntityRef};
pub use link::{link, link_people, office_of_role};
pub use number::congress_of;
pub use person_key::person_key;
pub(crate) use tables::state_by_abbrev;
pub use types::{
    Bill, BillId, EntityIndex, Field, Person, PersonId, Span, StoryBill, StoryEntities, StoryLinks,
    StoryPerson,
};

use crate::corpus::Article;
use story_bills::StoryBills;

/// Finds the people and bills one article mentions.
///
/// The story's own authors are not people it mentions: a name that is one of the article's authors (its byline,
/// an author's closing bio) is left out.
pub fn extract(article: &Article) -> StoryEntities {
    let mut out = extract_text(&article.title, &article.body, article.date);
    if !article.authors.is_empty() {
        out.people.retain(|p| {
            !article
                .authors
                .iter()
                .any(|a| person_key::person_key(a.trim()) == person_key::person_key(&p.name))
        });
    }
    out
}

/// Finds the people and bills of a headline and body; `date` gives bill numbers their Congress.
pub fn extract_text(title: &str, body: &str, date: Option<NaiveDate>) -> StoryEntities {
    // The token buffers are kept per thread: a corpus is extracted story after story.
    thread_local! {
        static SCRATCH: RefCell<(Vec<token::Tok>, Vec<bool>)> = const { RefCell::new((Vec::new(), Vec::new())) };
    }
    let (mut toks, mut headline) = SCRATCH.with(RefCell::take);
    token::tokenize_into(body, &mut toks);
    token::headline_lines(body, &toks, &mut headline);
    let out = extract_tokens(title, body, date, &toks, &headline);
    SCRATCH.with(|s| s.replace((toks, headline)));
    out
}

fn extract_tokens(
    title: &str,
    body: &str,
    date: Option<NaiveDate>,
    toks: &[token::Tok],
    headline: &[bool],
) -> StoryEntities {
    let found = people::find_people(title, body, toks, headline);
    let mut bills = StoryBills::default();
    let numbers = number::find_numbers(body, toks, date);
    let named = acts::find_named(body, toks, headline);
    for n in &numbers {
        bills.add_number(n, Field::Body);
    }
    for n in &named {
        bills.add_named(n, Field::Body);
    }
    story_bills::pair_numbers_with_names(body, &numbers, &named, &mut bills);
    let before = bills.list.len();
    sponsor::apply(body, toks, &found, &mut bills.list);
    bills.index_from(before);
    bill_ties::join_by_evidence(&mut bills);
    if !title.is_empty() {
        title_bills(title, date, &mut bills);
    }
    let mut people: Vec<StoryPerson> = found
        .into_iter()
        .map(|f| {
            let mut p = f.person;
            p.mentions.sort_unstable();
            p
        })
        .collect();
    link::link_people(&mut people, date, crate::roster::Roster::embedded());
    let bills = bills
        .into_bills()
        .map(|a| {
            let mut b = a.bill;
            b.mentions.sort_unstable();
            b.mentions.dedup();
            b.url = congress_gov_url(&b.key);
            b.sponsor_ids = b
                .sponsors
                .iter()
                .map(|s| {
                    people
                        .iter()
                        .find(|p| p.name == *s)
                        .and_then(|p| p.bioguide.clone())
                })
                .collect();
            // Keys kept as aliases were for matching only.
            b.aliases
                .retain(|x| *x != b.label && Some(x) != b.title.as_ref() && !x.starts_with("act:"));
            b
        })
        .collect();
    StoryEntities { people, bills }
}

/// Bills in the headline: numbers and nicknames always, names only when the body names the same act.
fn title_bills(title: &str, date: Option<NaiveDate>, bills: &mut StoryBills) {
    let toks = token::tokenize(title);
    for n in number::find_numbers(title, &toks, date) {
        bills.add_number(&n, Field::Title);
    }
    // Only a name ending in Act, Bill or Law needs the keys the body knows.
    let suffixed = toks
        .iter()
        .any(|t| matches!(t.text(title), "Act" | "Bill" | "Law"));
    let known: HashSet<String> = bills
        .list
        .iter()
        .filter(|b| suffixed && !b.bill.key.is_empty())
        .flat_map(|b| {
            let title_key = b.bill.title.as_deref().map(acts::title_key);
            std::iter::once(b.bill.key.clone()).chain(title_key)
        })
        .collect();
    for n in acts::find_named_in_title(title, &toks, &known) {
        bills.add_named(&n, Field::Title);
    }
}
