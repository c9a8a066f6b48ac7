//! Linking one story's name mentions: the same surname and a compatible given name are one person,
//! and the headline's mentions join the people of the body.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::{Cand, Found};
use crate::extract::sets::is_given;
use crate::extract::token::{Kind, SENT};
use crate::extract::types::{Field, Span, StoryPerson};

pub(super) fn same_surname(a: &str, b: &str) -> bool {
    let straight = |c: char| if c == '\u{2019}' { '\'' } else { c };
    a == b || (a.len() == b.len() && a.chars().map(straight).eq(b.chars().map(straight)))
}

pub(super) fn compatible_given(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b
                || (a.len() <= 2 && b.starts_with(a.trim_end_matches('.')))
                || (b.len() <= 2 && a.starts_with(b.trim_end_matches('.')))
                || crate::extract::person_key::is_short_form(a, b)
        }
        _ => true,
    }
}

/// A surname as linking compares it: curly apostrophes straightened.
pub(super) fn surname_key(surname: &str) -> Cow<'_, str> {
    if surname.contains('\u{2019}') {
        Cow::Owned(surname.replace('\u{2019}', "'"))
    } else {
        Cow::Borrowed(surname)
    }
}

/// The people found so far, indexed by surname and by given name, so that linking one candidate looks only at the
/// people of its surname (linking a long story is linear in its length, not in its length times its people).
#[derive(Debug, Default)]
pub(super) struct People {
    /// The people, in the order found.
    pub found: Vec<Found>,
    /// Indexes into `found` by [`surname_key`].
    by_surname: HashMap<String, Vec<usize>>,
    /// The first person (lowest index) with each given name.
    by_given: HashMap<String, usize>,
}

impl People {
    /// The first person whose given name is `given`.
    pub fn with_given(&self, given: &str) -> Option<usize> {
        self.by_given.get(given).copied()
    }

    /// Adds a new person for a candidate.
    pub fn push(&mut self, cand: &Cand) {
        let idx = self.found.len();
        self.found.push(new_person(cand));
        let key = surname_key(&self.found[idx].surname).into_owned();
        self.by_surname.entry(key).or_default().push(idx);
        self.note_given(idx);
    }

    /// Adds a mention to person `idx`.
    pub fn mention(&mut self, idx: usize, cand: &Cand) {
        add_mention(&mut self.found[idx], cand);
        self.note_given(idx);
    }

    /// Keeps `by_given` up to date after person `idx` may have gained a given name.
    fn note_given(&mut self, idx: usize) {
        if let Some(given) = &self.found[idx].given {
            let first = self.by_given.entry(given.clone()).or_insert(idx);
            *first = (*first).min(idx);
        }
    }

    /// "Trump's son Donald Trump Jr.": a full name with "Jr." right after "son" is not the father of that name.
    fn son_of_a_namesake(cand: &Cand) -> bool {
        cand.name.given.is_some() && cand.name.suffix_word() == Some("Jr") && cand.son_before
    }

    /// "Ms. Watson Coleman" after "Bonnie Watson Coleman": a two-word name that ends one person's full name is
    /// that person's compound surname, not a given name and a surname.
    fn compound_surname(&self, cand: &Cand, same: &[usize]) -> Option<usize> {
        let given = cand.name.given?;
        if cand.name.words != 2 {
            return None;
        }
        let tail = format!(" {given} {}", cand.name.surname);
        let mut ends = same
            .iter()
            .copied()
            .filter(|&i| self.found[i].person.name.ends_with(&tail));
        let one = ends.next()?;
        ends.next().is_none().then_some(one)
    }

    /// Which person a candidate is, if already found.
    pub fn link(&self, cand: &Cand) -> Option<usize> {
        let surname: &str = &cand.name.surname;
        let given = cand.name.given;
        let same = self.by_surname.get(surname_key(surname).as_ref())?;
        let found = &self.found;
        let son = Self::son_of_a_namesake(cand);
        let is_match = |i: &&usize| {
            let f = &found[**i];
            same_surname(&f.surname, surname)
                && compatible_given(f.given.as_deref(), given)
                && !(son && f.given.is_some() && suffix_of(&f.person.name).is_none())
        };
        let mut matches = same.iter().filter(is_match);
        let Some(&one) = matches.next() else {
            return self.compound_surname(cand, same);
        };
        if matches.next().is_none() {
            return Some(one);
        }
        // Prefer a full name, then the one mentioned last before this candidate.
        let at = cand.name.first;
        same.iter().filter(is_match).copied().max_by_key(|&i| {
            let f = &found[i];
            let last_before = f.starts.range(..at).next_back().copied();
            (
                f.given.is_some() && given.is_none() || given == f.given.as_deref(),
                last_before,
            )
        })
    }
}

/// The generational suffix ending a display name ("Donald Trump Jr." -> "Jr").
fn suffix_of(name: &str) -> Option<&str> {
    let last = name.rsplit(' ').next()?.trim_end_matches('.');
    matches!(last, "Jr" | "Sr" | "II" | "III" | "IV").then_some(last)
}

fn new_person(cand: &Cand) -> Found {
    let mut f = Found {
        person: StoryPerson {
            name: cand.name.full(),
            ..StoryPerson::default()
        },
        given: cand.name.given.map(str::to_string),
        surname: cand.name.surname.to_string(),
        rank: 0,
        toks: Vec::new(),
        starts: std::collections::BTreeSet::new(),
    };
    add_mention(&mut f, cand);
    f
}

fn add_mention(f: &mut Found, cand: &Cand) {
    let n = &cand.name;
    // `after` may include a suffix; mentions cover the bytes start..end, recomputed from tokens later.
    f.toks.push((n.first, n.after));
    f.starts.insert(n.first);
    if f.given.is_none() && n.given.is_some() {
        // A full name upgrades a surname-only person ("Trump" then "Donald Trump").
        f.given = n.given.map(str::to_string);
        let old = std::mem::replace(&mut f.person.name, n.full());
        push_alias(&mut f.person.aliases, old);
    } else if n.full_words() > f.person.name.split(' ').count() && n.given.is_some() {
        let old = std::mem::replace(&mut f.person.name, n.full());
        push_alias(&mut f.person.aliases, old);
    } else if !f.person.aliases.iter().any(|a| n.full_is(a)) {
        f.person.aliases.push(n.full());
    }
    if cand.role.is_some() && (f.person.role.is_none() || cand.rank > f.rank) {
        f.person.role = cand.role.as_deref().map(str::to_string);
        f.rank = cand.rank;
    }
    if f.person.party.is_none() {
        f.person.party = cand.party.map(str::to_string);
    }
    if f.person.state.is_none() {
        f.person.state = cand.state.map(str::to_string);
    }
}

pub(super) fn push_alias(aliases: &mut Vec<String>, alias: String) {
    if !aliases.contains(&alias) {
        aliases.push(alias);
    }
}

/// Mentions in the headline: the surnames (with given names before them) of people found in the body.
pub(super) fn title_mentions(title: &str, found: &mut [Found]) {
    if title.is_empty() {
        return;
    }
    let toks = crate::extract::token::tokenize(title);
    for f in found.iter_mut() {
        let parts: Vec<&str> = f.surname.split(' ').collect();
        let n = parts.len();
        if toks.len() < n {
            continue;
        }
        for i in 0..=toks.len() - n {
            let ok = (0..n).all(|k| {
                let t = &toks[i + k];
                t.kind == Kind::Word && same_surname(t.text(title), parts[k])
            });
            if !ok
                || toks.get(i + n).is_some_and(|t| {
                    t.is_cap()
                        && !t.has(SENT)
                        && crate::extract::sets::is_hard_suffix(t.text(title))
                })
            {
                continue;
            }
            let mut start = i;
            if let Some(g) = &f.given
                && i > 0
                && toks[i - 1].text(title) == g
            {
                start = i - 1;
            } else if f.given.is_none()
                && i > 0
                && toks[i - 1].is_cap()
                && is_given(toks[i - 1].text(title))
            {
                // "Mrs. Clinton" in the body, "Hillary Clinton" in the headline.
                let given = toks[i - 1].text(title).to_string();
                let full = format!("{given} {}", f.surname);
                let old = std::mem::replace(&mut f.person.name, full);
                push_alias(&mut f.person.aliases, old);
                f.given = Some(given);
                start = i - 1;
            }
            f.person.mentions.push(Span {
                field: Field::Title,
                start: toks[start].start as usize,
                end: toks[i + n - 1].end as usize,
            });
        }
    }
}
