//! People and bills: per-story extraction and the corpus-wide entity index that links them.
//!
//! `extract` works on one article at once (the reader calls it for the open story);
//! `EntityIndex::build` runs it over a whole corpus in parallel and merges mentions into entities.
//! Everything is rule-based: a word tokenizer, tables of titles, given names, states and non-name
//! words, and a few patterns for bill numbers, act names and sponsorship.

mod acts;
mod acts_words;
mod aliases;
mod cues;
mod given;
mod index;
mod name;
mod name_parts;
mod number;
mod party;
mod people;
mod person_key;
mod sets;
mod sponsor;
mod tables;
mod title;
mod title_words;
mod token;
mod types;
mod votes;

use std::cell::RefCell;
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
    let mut bills: Vec<Acc> = Vec::new();
    let numbers = number::find_numbers(body, toks, date);
    let named = acts::find_named(body, toks, headline);
    for n in &numbers {
        add_number(&mut bills, n, Field::Body);
    }
    for n in &named {
        add_named(&mut bills, n, Field::Body);
    }
    pair_numbers_with_names(body, &numbers, &named, &mut bills);
    sponsor::apply(body, toks, &found, &mut bills);
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

/// The words between two mentions, lower case, without quotes, brackets and commas.
fn between(text: &str, from: usize, to: usize) -> Option<String> {
    let raw = text.get(from..to)?;
    if raw.len() > 48 || raw.contains(['.', ';', '\n']) {
        return None;
    }
    let cleaned: String = raw
        .chars()
        .map(|c| {
            if "\u{201c}\u{201d}\"'\u{2018}\u{2019}()[],\u{2014}\u{2013}-".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    Some(
        cleaned
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

/// Words that join two names of one bill: "H.R. 1 (the For the People Act)", "... Act, or HR 1".
fn same_bill_words(b: &str) -> bool {
    let b = b.strip_prefix("also ").unwrap_or(b);
    matches!(
        b,
        "" | "the"
            | "or"
            | "or the"
            | "known as"
            | "known as the"
            | "dubbed"
            | "dubbed the"
            | "called"
            | "called the"
            | "aka"
    )
}

/// Moves every mention of bill `from` into bill `to`, keeping its name as an alias.
fn merge_bill(bills: &mut Vec<Acc>, from: usize, to: usize) {
    if from == to {
        return;
    }
    let src = bills.remove(from);
    let to = if from < to { to - 1 } else { to };
    let dst = &mut bills[to].bill;
    if dst.title.is_none() {
        dst.title.clone_from(&src.bill.title);
    } else if let Some(t) = &src.bill.title {
        dst.aliases.push(t.clone());
    }
    dst.aliases.push(src.bill.key.clone());
    dst.aliases.extend(src.bill.aliases);
    dst.mentions.extend(src.bill.mentions);
    for s in src.bill.sponsors {
        if !dst.sponsors.contains(&s) {
            dst.sponsors.push(s);
        }
    }
}

fn index_of(bills: &[Acc], key: &str) -> Option<usize> {
    bills
        .iter()
        .position(|b| b.bill.key == key || b.bill.aliases.iter().any(|a| a == key))
}

/// "the Infrastructure Investment and Jobs Act (H.R. 3684)", "H.R. 1, the For the People Act", "the bill,
/// S. 2938," after a named act, "the ... Act, or HEROES Act", and a short name ("TRACED Act") of a longer one
/// ("Pallone-Thune TRACED Act") are one bill.
fn pair_numbers_with_names(
    text: &str,
    numbers: &[number::Number],
    named: &[acts::Named],
    bills: &mut Vec<Acc>,
) {
    for n in numbers {
        let adjacent = named.iter().find(|a| {
            (a.end <= n.start && between(text, a.end, n.start).is_some_and(|b| same_bill_words(&b)))
                || (n.end <= a.start
                    && between(text, n.end, a.start).is_some_and(|b| {
                        same_bill_words(&b) || (b.starts_with("the ") && b.len() < 40)
                    }))
        });
        // "The bill, S. 2938, was ...", "the symbolic number H.R. 1": the named bill just discussed.
        let before = text[..n.start].trim_end_matches([' ', ',', '(', '\u{201c}', '"']);
        let refers = ["bill", "measure", "legislation", "number", "known as"]
            .iter()
            .any(|w| before.ends_with(w));
        let partner = adjacent.or_else(|| {
            refers
                .then(|| {
                    named
                        .iter()
                        .filter(|a| a.end <= n.start)
                        .max_by_key(|a| a.start)
                })
                .flatten()
        });
        let Some(a) = partner else { continue };
        let (Some(ni), Some(ai)) = (index_of(bills, &n.key), index_of(bills, &a.key)) else {
            continue;
        };
        if bills[ni].bill.title.is_some() && refers && adjacent.is_none() {
            continue;
        }
        merge_bill(bills, ai, ni);
    }
    for (x, y) in named.iter().zip(named.iter().skip(1)) {
        if between(text, x.end, y.start).is_some_and(|b| b == "or" || b == "also known as")
            && let (Some(xi), Some(yi)) = (index_of(bills, &x.key), index_of(bills, &y.key))
        {
            merge_bill(bills, yi, xi);
        }
    }
    // A name that ends another name of the story: "TRACED Act" and "Pallone-Thune TRACED Act".
    let keys: Vec<String> = bills
        .iter()
        .flat_map(|b| std::iter::once(&b.bill.key).chain(&b.bill.aliases))
        .filter(|k| k.starts_with("act:"))
        .cloned()
        .collect();
    for short in &keys {
        let words = &short[4..];
        let longer: Vec<&String> = keys
            .iter()
            .filter(|k| {
                k.len() > short.len()
                    && k.ends_with(words)
                    && k.as_bytes()[k.len() - words.len() - 1] == b' '
            })
            .collect();
        if let [long] = longer.as_slice()
            && let (Some(si), Some(li)) = (index_of(bills, short), index_of(bills, long))
        {
            merge_bill(bills, si, li);
        }
    }
}

/// Bills in the headline: numbers and nicknames always, names only when the body names the same act.
fn title_bills(title: &str, date: Option<NaiveDate>, bills: &mut Vec<Acc>) {
    let toks = token::tokenize(title);
    for n in number::find_numbers(title, &toks, date) {
        add_number(bills, &n, Field::Title);
    }
    // Only a name ending in Act, Bill or Law needs the keys the body knows.
    let suffixed = toks
        .iter()
        .any(|t| matches!(t.text(title), "Act" | "Bill" | "Law"));
    let known: HashSet<String> = bills
        .iter()
        .filter(|_| suffixed)
        .flat_map(|b| {
            let title_key = b.bill.title.as_deref().map(acts::title_key);
            std::iter::once(b.bill.key.clone()).chain(title_key)
        })
        .collect();
    for n in acts::find_named_in_title(title, &toks, &known) {
        add_named(bills, &n, Field::Title);
    }
}
