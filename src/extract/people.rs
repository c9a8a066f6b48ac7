//! Finding people in one story: titled and untitled names, party and state, and linking surnames to full names.

use std::borrow::Cow;

use super::name::{NameParse, inside_other_name, parse_name};
use super::party::{bracketed, described, of_state};
use super::sets::{WordSet, is_given};
use super::tables::{party_of, state_by_name};
use super::title::{Rank, TitleMatch, match_title};
use super::token::{Kind, NL, SENT, Tok};
use super::types::{Field, Span, StoryPerson};

/// Why a candidate is taken for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    /// Capitalized words only: a person if they link to one found otherwise.
    Weak,
    /// Starts with a known given name.
    Given,
    /// Followed by a party and state.
    Party,
    /// Comes after a title.
    Titled,
}

/// One name found in the body, before linking.
#[derive(Debug, Clone)]
struct Cand<'a> {
    name: NameParse<'a>,
    evidence: Evidence,
    role: Option<Cow<'static, str>>,
    rank: Rank,
    party: Option<&'static str>,
    state: Option<&'static str>,
}

/// A person found in one story, with where each mention is in the body's tokens.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The person.
    pub person: StoryPerson,
    /// Given name, if known.
    pub given: Option<String>,
    /// Surname.
    pub surname: String,
    /// Rank of the role kept.
    pub rank: Rank,
    /// (first token, token after) of every body mention.
    pub toks: Vec<(usize, usize)>,
}

/// Connectors between the names of a list after a plural title.
fn list_gap(text: &str, toks: &[Tok], mut k: usize) -> usize {
    for _ in 0..3 {
        match toks.get(k).map(|t| t.text(text)) {
            Some("," | ";" | "and" | "including" | "like" | "such" | "as" | "&") => k += 1,
            _ => break,
        }
    }
    k
}

/// Finds the candidates of one text.
fn candidates<'a>(text: &'a str, toks: &[Tok]) -> Vec<Cand<'a>> {
    let mut out = Vec::with_capacity(toks.len() / 16);
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        if tok.kind != Kind::Word {
            i += 1;
            continue;
        }
        if let Some(tm) = match_title(text, toks, i)
            && let Some(next) = titled(text, toks, &tm, &mut out)
        {
            i = next;
            continue;
        }
        if tok.is_cap()
            && let Some(mut name) = parse_name(text, toks, i, false)
        {
            i = name.after.max(i + 1);
            // "Bishop Stephen Blair", "Staff Denis McDonough": a stray first word before a given name.
            if name.words >= 3
                && !name.given.is_some_and(is_given)
                && toks
                    .get(name.first + 1)
                    .is_some_and(|t| is_given(t.text(text)))
                && let Some(rest) = parse_name(text, toks, name.first + 1, false)
            {
                name = rest;
            }
            if inside_other_name(text, toks, &name) || not_a_subject(text, toks, &name) {
                continue;
            }
            let mut cand = Cand {
                evidence: Evidence::Weak,
                role: None,
                rank: 0,
                party: None,
                state: None,
                name,
            };
            if cand.name.words >= 2 && cand.name.given.is_some_and(is_given)
                || cand.name.words == 1 && is_famous(&cand.name.surname)
                || cand.name.words >= 2 && speaks(text, toks, &cand.name)
            {
                cand.evidence = Evidence::Given;
            }
            affiliation(text, toks, &mut cand);
            prefix_affiliation(text, toks, &mut cand);
            out.push(cand);
            continue;
        }
        i += 1;
    }
    out
}

/// Reads the name (or list of names) after a title; returns where to continue.
fn titled<'a>(
    text: &'a str,
    toks: &[Tok],
    tm: &TitleMatch,
    out: &mut Vec<Cand<'a>>,
) -> Option<usize> {
    let mut k = if tm.plural {
        list_gap(text, toks, tm.after)
    } else {
        tm.after
    };
    let mut found = false;
    while let Some(name) = parse_name(text, toks, k, true) {
        if inside_other_name(text, toks, &name) || not_a_subject(text, toks, &name) {
            return Some(name.after);
        }
        let mut cand = Cand {
            evidence: Evidence::Titled,
            role: tm.role.clone(),
            rank: tm.rank,
            party: tm.party,
            state: tm.state,
            name,
        };
        affiliation(text, toks, &mut cand);
        k = cand_end(text, toks, &cand);
        out.push(cand);
        found = true;
        if !tm.plural {
            break;
        }
        let next = list_gap(text, toks, k);
        if next == k {
            break;
        }
        k = next;
    }
    found.then_some(k)
}

/// Surnames so well known in political news that they stand alone.
const FAMOUS: &[&str] = &[
    "Trump",
    "Obama",
    "Biden",
    "Pelosi",
    "McConnell",
    "Schumer",
    "Boehner",
    "Reagan",
    "Nixon",
    "Thatcher",
    "Blair",
    "Putin",
    "Merkel",
    "Macron",
    "Netanyahu",
    "Zelensky",
    "Zelenskyy",
    "Kavanaugh",
    "Mueller",
    "Comey",
    "Giuliani",
    "Kushner",
    "Bannon",
    "Pompeo",
    "Mnuchin",
    "Ocasio-Cortez",
    "Buttigieg",
    "Klobuchar",
    "Romney",
    "Gingrich",
    "Cheney",
    "Kerry",
    "Hillary",
    "Starmer",
    "Sunak",
    "Corbyn",
    "Farage",
    "Blunkett",
    "Prescott",
];

fn is_famous(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(FAMOUS)).contains(word)
}

fn is_speech(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(SPEECH)).contains(word)
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "argued",
    "noted",
    "explained",
    "stated",
    "tweeted",
    "asked",
    "replied",
    "claimed",
    "insisted",
    "warned",
    "testified",
    "responded",
    "announced",
    "urged",
    "acknowledged",
];

/// "X Y said", "said X Y", "according to X Y", "X Y, who": context that makes capitalized words a person.
fn speaks(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.text(text));
    let next = word(Some(name.after));
    let prev = word(name.first.checked_sub(1));
    // "Planned Parenthood said", "United Way said": verbs and participles are not given names.
    let first = word(Some(name.first));
    if first.ends_with("ed") || first.ends_with("ing") {
        return false;
    }
    is_speech(next)
        || matches!(prev, "said" | "says")
        || (prev == "to" && word(name.first.checked_sub(2)) == "according")
        || (next == "," && word(Some(name.after + 1)) == "who")
}

/// Bylines, photo credits and author bios are not people of the story.
fn not_a_subject(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let after = name.after;
    if word(after) == "/" {
        return true; // "Karen Su/Getty Images"
    }
    let line_start = toks[name.first].has(NL) || name.first == 0 || (word(name.first - 1) == "By");
    let line_end = toks.get(after).is_none_or(|t| t.has(NL));
    if line_start && line_end {
        return true; // a byline on its own line
    }
    let bio_words = [
        "reporter",
        "writer",
        "correspondent",
        "editor",
        "columnist",
        "contributor",
        "producer",
    ];
    if word(after) == "is" && matches!(word(after + 1), "a" | "an" | "the") {
        return (after + 2..after + 10).any(|k| bio_words.contains(&word(k)));
    }
    word(after) == "contributed" && word(after + 2) == "this" && word(after + 3) == "report"
}

/// The token after a candidate and its party, if any.
fn cand_end(text: &str, toks: &[Tok], cand: &Cand) -> usize {
    if let Some((_, end)) = described(text, toks, cand.name.after) {
        return end;
    }
    let mut k = cand.name.after;
    if cand.party.is_some() && toks.get(k).is_some_and(|t| t.is_punct(text, "(")) {
        while toks.get(k).is_some_and(|t| !t.is_punct(text, ")")) {
            k += 1;
        }
        k += 1;
    }
    k
}

/// Party and state after the name.
fn affiliation(text: &str, toks: &[Tok], cand: &mut Cand) {
    if cand.name.possessive {
        return;
    }
    if let Some(a) = bracketed(text, cand.name_end_byte(toks)) {
        cand.party = cand.party.or(a.party);
        cand.state = cand.state.or(a.state);
        cand.evidence = cand.evidence.max(Evidence::Party);
        return;
    }
    if let Some((state, _)) = of_state(text, toks, cand.name.after) {
        cand.state = cand.state.or(Some(state));
        return;
    }
    if let Some((a, _)) = described(text, toks, cand.name.after) {
        cand.party = cand.party.or(a.party);
        cand.state = cand.state.or(a.state);
        if cand.name.words >= 2 {
            cand.evidence = cand.evidence.max(Evidence::Party);
        }
    }
}

/// "Texas Republican Ted Cruz": party and state just before an untitled name.
fn prefix_affiliation(text: &str, toks: &[Tok], cand: &mut Cand) {
    let mut j = cand.name.first;
    for _ in 0..3 {
        if j == 0 || !toks[j - 1].is_cap() {
            break;
        }
        let w = toks[j - 1].text(text);
        if let Some(p) = party_of(w) {
            cand.party.get_or_insert(p);
        } else if let Some(s) = state_by_name(w) {
            cand.state.get_or_insert(s);
        } else {
            break;
        }
        if toks[j - 1].has(SENT) {
            break;
        }
        j -= 1;
    }
}

impl Cand<'_> {
    fn name_end_byte(&self, toks: &[Tok]) -> usize {
        // After a suffix ("Jr."), bracketed parties follow the suffix.
        toks.get(self.name.after.wrapping_sub(1))
            .map_or(self.name.end, |t| (t.end as usize).max(self.name.end))
    }
}

fn same_surname(a: &str, b: &str) -> bool {
    let straight = |c: char| if c == '\u{2019}' { '\'' } else { c };
    a == b || (a.len() == b.len() && a.chars().map(straight).eq(b.chars().map(straight)))
}

fn compatible_given(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b
                || (a.len() <= 2 && b.starts_with(a.trim_end_matches('.')))
                || (b.len() <= 2 && a.starts_with(b.trim_end_matches('.')))
                || super::person_key::is_short_form(a, b)
        }
        _ => true,
    }
}

/// Finds the people of a story: the body's candidates linked together, then title mentions of them.
pub fn find_people(title: &str, body: &str, body_toks: &[Tok], headline: &[bool]) -> Vec<Found> {
    let mut cands = candidates(body, body_toks);
    // A headline repeated in the body only links, like the title itself.
    for c in &mut cands {
        if c.evidence == Evidence::Given && headline.get(c.name.first).copied().unwrap_or(false) {
            c.evidence = Evidence::Weak;
        }
    }
    let mut found: Vec<Found> = Vec::new();
    let order: [&dyn Fn(&Cand) -> bool; 3] = [
        &|c| c.evidence > Evidence::Weak && c.name.words >= 2,
        &|c| c.evidence > Evidence::Weak && c.name.words == 1,
        &|c| c.evidence == Evidence::Weak,
    ];
    for (pass, take) in order.iter().enumerate() {
        for cand in cands.iter().filter(|c| take(c)) {
            // "Sir Nicholas", "Sir Alan": a knight's given name.
            if cand.name.words == 1 && matches!(cand.role.as_deref(), Some("Sir" | "Dame")) {
                let w: &str = &cand.name.surname;
                if let Some(idx) = found.iter().position(|f| f.given.as_deref() == Some(w)) {
                    add_mention(&mut found[idx], cand);
                    continue;
                }
                if is_given(w) {
                    continue;
                }
            }
            let target = link(&found, cand);
            match target {
                Some(idx) => add_mention(&mut found[idx], cand),
                None if pass < 2 => found.push(new_person(cand)),
                None => {}
            }
        }
    }
    // Weak single words that are months in a date ("in May", "May 5") are not Theresa May.
    for f in &mut found {
        let mut mentions: Vec<(usize, usize)> = Vec::new();
        for &(a, b) in &f.toks {
            if !(b == a + 1 && is_date_word(body, body_toks, a)) {
                mentions.push((a, b));
            }
        }
        f.toks = mentions;
    }
    found.retain(|f| !f.toks.is_empty());
    for f in &mut found {
        f.toks.sort_unstable();
        f.toks.dedup();
        f.person.mentions = f
            .toks
            .iter()
            .map(|&(a, b)| Span {
                field: Field::Body,
                start: body_toks[a].start as usize,
                end: body_toks[b - 1].end as usize,
            })
            .collect();
        f.person.aliases.retain(|a| *a != f.person.name);
    }
    title_mentions(title, &mut found);
    found
}

fn is_date_word(text: &str, toks: &[Tok], i: usize) -> bool {
    let w = toks[i].text(text);
    if !matches!(w, "May" | "June" | "April") {
        return false;
    }
    let before = i.checked_sub(1).map(|j| toks[j].text(text));
    let after = toks.get(i + 1);
    matches!(
        before,
        Some(
            "in" | "In"
                | "of"
                | "since"
                | "until"
                | "by"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "that"
                | "before"
                | "after"
                | "on"
                | "through"
        )
    ) || after.is_some_and(|t| t.kind == Kind::Num)
}

/// Which person a candidate is, if already found.
fn link(found: &[Found], cand: &Cand) -> Option<usize> {
    let surname: &str = &cand.name.surname;
    let given = cand.name.given;
    let is_match = |f: &Found| {
        same_surname(&f.surname, surname) && compatible_given(f.given.as_deref(), given)
    };
    let mut matches = found
        .iter()
        .enumerate()
        .filter(|(_, f)| is_match(f))
        .map(|(i, _)| i);
    let one = matches.next()?;
    if matches.next().is_none() {
        return Some(one);
    }
    // Prefer a full name, then the one mentioned last before this candidate.
    let at = cand.name.first;
    let matches = found
        .iter()
        .enumerate()
        .filter(|(_, f)| is_match(f))
        .map(|(i, _)| i);
    matches.max_by_key(|&i| {
        let f = &found[i];
        let last_before = f
            .toks
            .iter()
            .filter(|(a, _)| *a < at)
            .map(|(a, _)| *a)
            .max();
        (
            f.given.is_some() && given.is_none() || given == f.given.as_deref(),
            last_before,
        )
    })
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
    };
    add_mention(&mut f, cand);
    f
}

fn add_mention(f: &mut Found, cand: &Cand) {
    let n = &cand.name;
    f.toks.push((n.first, last_word_after(n)));
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

/// The token index just after the last word of a name (not its suffix).
fn last_word_after(n: &NameParse) -> usize {
    // `after` may include a suffix; mentions cover the bytes start..end, recomputed from tokens later.
    n.after
}

fn push_alias(aliases: &mut Vec<String>, alias: String) {
    if !aliases.contains(&alias) {
        aliases.push(alias);
    }
}

/// Mentions in the headline: the surnames (with given names before them) of people found in the body.
fn title_mentions(title: &str, found: &mut [Found]) {
    if title.is_empty() {
        return;
    }
    let toks = super::token::tokenize(title);
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
                || toks
                    .get(i + n)
                    .is_some_and(|t| t.is_cap() && !t.has(SENT) && is_suffix_word(t.text(title)))
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

fn is_suffix_word(w: &str) -> bool {
    super::sets::is_hard_suffix(w)
}
