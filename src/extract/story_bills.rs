//! The bills of one story as they are assembled: numbers and names added, and joined when the text says they are
//! one bill. Every lookup goes through an index, so a story with thousands of bills is still read in linear time.

use rustc_hash::FxHashMap as HashMap;

use super::bill_ties::{join_coordinated, join_named_anaphora, same_bill_words};
use super::sponsor::Acc;
use super::types::{Field, Span, StoryBill};
use super::{acts, number};

/// The bills of one story. A bill merged into another stays in `list` emptied (no key, no mentions), so that
/// indexes into `list` stay valid; [`StoryBills::into_bills`] leaves such bills out.
#[derive(Debug, Default)]
pub struct StoryBills {
    /// The bills, in the order first found.
    pub list: Vec<Acc>,
    /// Bills by key, in list order.
    by_key: HashMap<String, Vec<usize>>,
    /// Bills by key or alias, in list order.
    by_name: HashMap<String, Vec<usize>>,
}

/// Adds `idx` to the bills listed under `name`, keeping them in list order.
fn note(map: &mut HashMap<String, Vec<usize>>, name: &str, idx: usize) {
    let holders = map.entry(name.to_owned()).or_default();
    if let Err(at) = holders.binary_search(&idx) {
        holders.insert(at, idx);
    }
}

/// Removes `idx` from the bills listed under `name`.
fn forget(map: &mut HashMap<String, Vec<usize>>, name: &str, idx: usize) {
    if let Some(holders) = map.get_mut(name) {
        holders.retain(|&i| i != idx);
    }
}

fn span(field: Field, start: usize, end: usize) -> Span {
    Span { field, start, end }
}

impl StoryBills {
    /// Indexes the bills from `from` on (added to `list` directly, as sponsorship does).
    pub fn index_from(&mut self, from: usize) {
        for idx in from..self.list.len() {
            let bill = &self.list[idx].bill;
            let names: Vec<String> = std::iter::once(bill.key.clone())
                .chain(bill.aliases.iter().cloned())
                .collect();
            note(&mut self.by_key, &names[0], idx);
            for name in &names {
                note(&mut self.by_name, name, idx);
            }
        }
    }

    /// The first bill whose key or one of whose aliases is `key`.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.by_name.get(key)?.first().copied()
    }

    /// Adds an alias to bill `idx`.
    fn alias(&mut self, idx: usize, alias: String) {
        note(&mut self.by_name, &alias, idx);
        self.list[idx].bill.aliases.push(alias);
    }

    /// Adds a bill number's mention.
    pub fn add_number(&mut self, n: &number::Number, field: Field) {
        let s = span(field, n.start, n.end);
        if let Some(&idx) = self.by_key.get(&n.key).and_then(|v| v.first()) {
            self.list[idx].bill.mentions.push(s);
            return;
        }
        self.list.push(Acc {
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
        self.index_from(self.list.len() - 1);
    }

    /// Adds a named act's mention.
    pub fn add_named(&mut self, n: &acts::Named, field: Field) {
        let s = span(field, n.start, n.end);
        if let Some(idx) = self.index_of(&n.key) {
            self.list[idx].bill.mentions.push(s);
            if n.written != n.title && !self.list[idx].bill.aliases.contains(&n.written) {
                self.alias(idx, n.written.clone());
            }
            return;
        }
        let mut aliases = Vec::new();
        if n.written != n.title {
            aliases.push(n.written.clone());
        }
        self.list.push(Acc {
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
        self.index_from(self.list.len() - 1);
    }

    /// Moves every mention of bill `from` into bill `to`, keeping its name as an alias.
    pub fn merge(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        let src = std::mem::take(&mut self.list[from]);
        forget(&mut self.by_key, &src.bill.key, from);
        for name in std::iter::once(&src.bill.key).chain(&src.bill.aliases) {
            forget(&mut self.by_name, name, from);
        }
        if self.list[to].bill.title.is_none() {
            self.list[to].bill.title.clone_from(&src.bill.title);
        } else if let Some(t) = &src.bill.title {
            self.alias(to, t.clone());
        }
        self.alias(to, src.bill.key);
        for a in src.bill.aliases {
            self.alias(to, a);
        }
        let dst = &mut self.list[to].bill;
        dst.mentions.extend(src.bill.mentions);
        for s in src.bill.sponsors {
            if !dst.sponsors.contains(&s) {
                dst.sponsors.push(s);
            }
        }
    }

    /// The bills, without those merged into others.
    pub fn into_bills(self) -> impl Iterator<Item = Acc> {
        self.list.into_iter().filter(|a| !a.bill.key.is_empty())
    }
}

/// The words between two mentions, lower case, without quotes, brackets and commas.
pub fn between(text: &str, from: usize, to: usize) -> Option<String> {
    let raw = text.get(from..to)?;
    if raw.len() > MAX_BETWEEN || raw.contains(['.', ';', '\n']) {
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

/// The most bytes between two names of one bill.
const MAX_BETWEEN: usize = 48;

/// The named acts ordered by end and by start, to find those near a number without looking at all of them.
struct Near<'a> {
    named: &'a [acts::Named],
    by_end: Vec<usize>,
    by_start: Vec<usize>,
    /// Over `by_end`: the (start, index) of the act starting last among those up to here.
    latest: Vec<(usize, usize)>,
}

impl<'a> Near<'a> {
    fn new(named: &'a [acts::Named]) -> Self {
        let mut by_end: Vec<usize> = (0..named.len()).collect();
        by_end.sort_by_key(|&i| named[i].end);
        let mut by_start: Vec<usize> = (0..named.len()).collect();
        by_start.sort_by_key(|&i| named[i].start);
        let mut latest = Vec::with_capacity(by_end.len());
        let mut best = (0, 0);
        for (k, &i) in by_end.iter().enumerate() {
            if k == 0 || (named[i].start, i) > best {
                best = (named[i].start, i);
            }
            latest.push(best);
        }
        Self {
            named,
            by_end,
            by_start,
            latest,
        }
    }

    /// The first act (in `named` order) that ends at most [`MAX_BETWEEN`] bytes before `start` or starts at most
    /// that far after `end` and passes `before` or `after` (which see the act).
    fn adjacent(
        &self,
        start: usize,
        end: usize,
        before: impl Fn(&acts::Named) -> bool,
        after: impl Fn(&acts::Named) -> bool,
    ) -> Option<&'a acts::Named> {
        let named = self.named;
        let from = self
            .by_end
            .partition_point(|&i| named[i].end < start.saturating_sub(MAX_BETWEEN));
        let ending = self.by_end[from..]
            .iter()
            .take_while(|&&i| named[i].end <= start)
            .filter(|&&i| before(&named[i]));
        let from = self.by_start.partition_point(|&i| named[i].start < end);
        let starting = self.by_start[from..]
            .iter()
            .take_while(|&&i| named[i].start <= end + MAX_BETWEEN)
            .filter(|&&i| after(&named[i]));
        ending.chain(starting).min().map(|&i| &named[i])
    }

    /// The act starting last among those ending by `at`.
    fn latest_before(&self, at: usize) -> Option<&'a acts::Named> {
        let k = self.by_end.partition_point(|&i| self.named[i].end <= at);
        k.checked_sub(1).map(|k| &self.named[self.latest[k].1])
    }
}

/// "the Infrastructure Investment and Jobs Act (H.R. 3684)", "H.R. 1, the For the People Act", "the bill,
/// S. 2938," after a named act, "the ... Act, or HEROES Act", and a short name ("TRACED Act") of a longer one
/// ("Pallone-Thune TRACED Act") are one bill.
pub fn pair_numbers_with_names(
    text: &str,
    numbers: &[number::Number],
    named: &[acts::Named],
    bills: &mut StoryBills,
) {
    let near = Near::new(named);
    for n in numbers {
        let adjacent = near.adjacent(
            n.start,
            n.end,
            |a| between(text, a.end, n.start).is_some_and(|b| same_bill_words(&b)),
            |a| {
                between(text, n.end, a.start)
                    .is_some_and(|b| same_bill_words(&b) || (b.starts_with("the ") && b.len() < 40))
            },
        );
        // "The bill, S. 2938, was ...", "the symbolic number H.R. 1": the named bill just discussed.
        let before = text[..n.start].trim_end_matches([' ', ',', '(', '\u{201c}', '"']);
        let refers = ["bill", "measure", "legislation", "number", "known as"]
            .iter()
            .any(|w| before.ends_with(w));
        // "a companion bill, S. 567": the other chamber's bill, its own (issue 12), pointing at the one before.
        if before.ends_with("companion")
            || refers
                && before
                    .trim_end_matches(char::is_alphabetic)
                    .ends_with("companion ")
        {
            if let Some(a) = near.latest_before(n.start)
                && let (Some(ni), Some(ai)) = (bills.index_of(&n.key), bills.index_of(&a.key))
                && ni != ai
                && bills.list[ni].bill.companion_of.is_none()
            {
                bills.list[ni].bill.companion_of = Some(bills.list[ai].bill.key.clone());
            }
            continue;
        }
        let partner = adjacent.or_else(|| refers.then(|| near.latest_before(n.start)).flatten());
        let Some(a) = partner else { continue };
        let (Some(ni), Some(ai)) = (bills.index_of(&n.key), bills.index_of(&a.key)) else {
            continue;
        };
        if bills.list[ni].bill.title.is_some() && refers && adjacent.is_none() {
            continue;
        }
        bills.merge(ai, ni);
    }
    for (x, y) in named.iter().zip(named.iter().skip(1)) {
        if between(text, x.end, y.start).is_some_and(|b| b == "or" || b == "also known as")
            && let (Some(xi), Some(yi)) = (bills.index_of(&x.key), bills.index_of(&y.key))
        {
            bills.merge(yi, xi);
        }
    }
    join_coordinated(text, numbers, named, bills);
    join_named_anaphora(text, numbers, named, bills);
    join_short_names(bills);
}

/// Words that make a longer name another act about the shorter one ("USA Freedom Reauthorization Act").
const AMENDING: &[&str] = &[
    "act",
    "bill",
    "reauthorization",
    "reauthorisation",
    "amendment",
    "amendments",
    "extension",
    "repeal",
    "improvement",
    "improvements",
    "modernization",
    "restoration",
    "enhancement",
    "enhancements",
    "implementation",
    "technical",
    "corrections",
    "continuation",
];

/// A name that ends another name of the story: "TRACED Act" and "Pallone-Thune TRACED Act".
fn join_short_names(bills: &mut StoryBills) {
    let keys: Vec<String> = bills
        .list
        .iter()
        .flat_map(|b| std::iter::once(&b.bill.key).chain(&b.bill.aliases))
        .filter(|k| k.starts_with("act:"))
        .cloned()
        .collect();
    // Every key under each of its word-aligned endings ("traced act" for "act:pallone-thune traced act").
    let mut by_ending: HashMap<&str, Vec<&String>> = HashMap::default();
    for k in &keys {
        for (at, _) in k.match_indices(' ') {
            by_ending.entry(&k[at + 1..]).or_default().push(k);
        }
    }
    // "Pain-Capable Act" for the "Pain-Capable Unborn Child Protection Act": the first words and the last word of
    // one longer name (not a name inside it: the "Affordable Care Act Repeal Act" is another bill).
    for short in &keys {
        let head = &short[4..];
        let longer: Vec<&String> = keys
            .iter()
            .filter(|k| {
                k.len() > short.len()
                    && k[4..].starts_with(head)
                    && k[4..][head.len()..].starts_with(' ')
                    && !k[4 + head.len() + 1..]
                        .split(' ')
                        .next()
                        .is_some_and(|w| AMENDING.contains(&w))
            })
            .collect();
        // The short form follows the full name, as a reference back to it.
        let first = |i: usize| bills.list[i].bill.mentions.iter().map(|m| m.start).min();
        if let [long] = longer.as_slice()
            && let (Some(si), Some(li)) = (bills.index_of(short), bills.index_of(long))
            && si != li
            && first(li) < first(si)
        {
            bills.merge(si, li);
        }
    }
    for short in &keys {
        let words = &short[4..];
        let longer = by_ending.get(words).map_or(&[][..], Vec::as_slice);
        let longer: Vec<&&String> = longer.iter().filter(|k| k.len() > short.len()).collect();
        if let [long] = longer.as_slice()
            && let (Some(si), Some(li)) = (bills.index_of(short), bills.index_of(long))
        {
            bills.merge(si, li);
        }
    }
}
