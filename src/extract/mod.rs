//! People and bills: per-story extraction and the corpus-wide entity index that links them.
//!
//! `extract` works on one article at once (the reader calls it for the open story);
//! `EntityIndex::build` runs it over a whole corpus in parallel and merges mentions into entities.
//! Everything is rule-based: a word tokenizer, tables of titles, given names, states and non-name
//! words, and a few patterns for bill numbers, act names and sponsorship.

mod acts;
mod aliases;
mod given;
mod index;
mod name;
mod number;
mod party;
mod people;
mod sets;
mod sponsor;
mod tables;
mod title;
mod token;
mod types;

use std::collections::HashSet;

use chrono::NaiveDate;

pub use number::congress_of;
pub use types::{
    Bill, BillId, EntityIndex, Field, Person, PersonId, Span, StoryBill, StoryEntities, StoryLinks,
    StoryPerson,
};

use crate::corpus::Article;
use sponsor::Acc;

/// Finds the people and bills one article mentions.
pub fn extract(article: &Article) -> StoryEntities {
    extract_text(&article.title, &article.body, article.date)
}

/// Finds the people and bills of a headline and body; `date` gives bill numbers their Congress.
pub fn extract_text(title: &str, body: &str, date: Option<NaiveDate>) -> StoryEntities {
    let toks = token::tokenize(body);
    let found = people::find_people(title, body, &toks);
    let mut bills: Vec<Acc> = Vec::new();
    let numbers = number::find_numbers(body, &toks, date);
    let named = acts::find_named(body, &toks);
    for n in &numbers {
        add_number(&mut bills, n, Field::Body);
    }
    for n in &named {
        add_named(&mut bills, n, Field::Body);
    }
    pair_numbers_with_names(body, &numbers, &named, &mut bills);
    sponsor::apply(body, &toks, &found, &mut bills);
    if !title.is_empty() {
        title_bills(title, date, &mut bills);
    }
    let people = found
        .into_iter()
        .map(|f| {
            let mut p = f.person;
            p.mentions.sort_unstable();
            p
        })
        .collect();
    let bills = bills
        .into_iter()
        .map(|a| {
            let mut b = a.bill;
            b.mentions.sort_unstable();
            b.mentions.dedup();
            // Keys kept as aliases were for matching only.
            b.aliases
                .retain(|x| *x != b.label && Some(x) != b.title.as_ref() && !x.starts_with("act:"));
            b
        })
        .collect();
    StoryEntities { people, bills }
}

fn span(field: Field, start: usize, end: usize) -> Span {
    Span { field, start, end }
}

fn add_number(bills: &mut Vec<Acc>, n: &number::Number, field: Field) {
    let s = span(field, n.start, n.end);
    if let Some(acc) = bills.iter_mut().find(|a| a.bill.key == n.key) {
        acc.bill.mentions.push(s);
        return;
    }
    bills.push(Acc {
        bill: StoryBill {
            key: n.key.clone(),
            label: n.label.clone(),
            number: Some(n.label.clone()),
            chamber: n.chamber.map(str::to_string),
            mentions: vec![s],
            ..StoryBill::default()
        },
        purpose: false,
    });
}

fn add_named(bills: &mut Vec<Acc>, n: &acts::Named, field: Field) {
    let s = span(field, n.start, n.end);
    let existing = bills
        .iter_mut()
        .find(|a| a.bill.key == n.key || a.bill.aliases.iter().any(|x| x == &n.key));
    if let Some(acc) = existing {
        acc.bill.mentions.push(s);
        if n.written != n.title && !acc.bill.aliases.contains(&n.written) {
            acc.bill.aliases.push(n.written.clone());
        }
        return;
    }
    let mut aliases = Vec::new();
    if n.written != n.title {
        aliases.push(n.written.clone());
    }
    bills.push(Acc {
        bill: StoryBill {
            key: n.key.clone(),
            label: n.title.clone(),
            title: Some(n.title.clone()),
            aliases,
            mentions: vec![s],
            ..StoryBill::default()
        },
        purpose: false,
    });
}

/// "the Infrastructure Investment and Jobs Act (H.R. 3684)" and "H.R. 1, the For the People Act" are one bill.
fn pair_numbers_with_names(
    text: &str,
    numbers: &[number::Number],
    named: &[acts::Named],
    bills: &mut Vec<Acc>,
) {
    for n in numbers {
        let partner = named.iter().find(|a| {
            let between = |x: usize, y: usize| text.get(x..y).map(str::trim);
            (a.end <= n.start
                && n.start - a.end <= 3
                && matches!(between(a.end, n.start), Some("(" | ",")))
                || (n.end <= a.start
                    && a.start - n.end <= 8
                    && matches!(
                        between(n.end, a.start),
                        Some(", the" | "(the" | "," | "(" | ", or the")
                    ))
        });
        let Some(a) = partner else { continue };
        let Some(ni) = bills.iter().position(|b| b.bill.key == n.key) else {
            continue;
        };
        let Some(ai) = bills.iter().position(|b| b.bill.key == a.key) else {
            continue;
        };
        if ni == ai {
            continue;
        }
        let named_acc = bills.remove(ai);
        let ni = if ai < ni { ni - 1 } else { ni };
        let num = &mut bills[ni].bill;
        num.title.clone_from(&named_acc.bill.title);
        num.aliases.push(named_acc.bill.key.clone());
        num.aliases.extend(named_acc.bill.title.iter().cloned());
        num.aliases.extend(named_acc.bill.aliases);
        num.mentions.extend(named_acc.bill.mentions);
    }
}

/// Bills in the headline: numbers and nicknames always, names only when the body names the same act.
fn title_bills(title: &str, date: Option<NaiveDate>, bills: &mut Vec<Acc>) {
    let toks = token::tokenize(title);
    for n in number::find_numbers(title, &toks, date) {
        add_number(bills, &n, Field::Title);
    }
    let known: HashSet<String> = bills
        .iter()
        .flat_map(|b| {
            let title_key = b.bill.title.as_deref().map(acts::title_key);
            std::iter::once(b.bill.key.clone()).chain(title_key)
        })
        .collect();
    for n in acts::find_named_in_title(title, &toks, &known) {
        add_named(bills, &n, Field::Title);
    }
}
