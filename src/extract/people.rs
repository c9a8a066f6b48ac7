//! Finding people in one story: titled and untitled names, party and state, and linking surnames to full names.

mod casing;
mod filters;
mod linking;
mod roster_names;

use std::borrow::Cow;

use super::cues::{apposed, is_famous, not_a_subject, participle_first, speaks};
use super::name::{NameParse, inside_other_name, parse_name};
use super::party::{bracketed, described, of_state, party_at};
use super::sets::is_given;
use super::tables::state_by_name;
use super::title::{Rank, TitleMatch, match_title};
use super::token::{Kind, SENT, Tok};
use super::types::{Field, Span, StoryPerson};
use casing::Casing;
use filters::{is_date_word, is_party_tag};
use linking::{People, title_mentions};
use roster_names::on_roster;

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
    /// Written right after "son" ("his son Donald Trump Jr.").
    son_before: bool,
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
    /// The first tokens of the body mentions, in order, for linking.
    pub(crate) starts: std::collections::BTreeSet<usize>,
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

/// `BuzzFeed`, `ObamaCare`: one written word split at its inner capital is a brand, not a given name and a
/// surname (the glued names of link blurbs are gone before extraction, with the blurbs).
fn glued(toks: &[Tok], name: &NameParse) -> bool {
    name.words >= 2
        && toks
            .get(name.first + 1)
            .is_some_and(|t| t.start == toks[name.first].end && t.kind == Kind::Word)
}

fn after_son(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    name.first > 0 && toks[name.first - 1].text(text) == "son"
}

/// Finds the candidates of one text.
fn candidates<'a>(text: &'a str, toks: &[Tok], casing: &Casing) -> Vec<Cand<'a>> {
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
            // "Praising Pelosi", "Visit Biden": a first word that is no given name and that the story also writes in
            // lower case is an everyday word glued to the name.
            if name.words >= 2
                && name
                    .given
                    .is_some_and(|g| !is_given(g) && casing.written_lower(g))
                && let Some(rest) = parse_name(text, toks, name.first + 1, false)
            {
                name = rest;
            }
            if inside_other_name(text, toks, &name)
                || not_a_subject(text, toks, &name)
                || glued(toks, &name)
            {
                continue;
            }
            let mut cand = Cand {
                evidence: Evidence::Weak,
                role: None,
                rank: 0,
                party: None,
                state: None,
                son_before: after_son(text, toks, &name),
                name,
            };
            if cand.name.words >= 2 && cand.name.given.is_some_and(is_given)
                || cand.name.words == 1 && is_famous(&cand.name.surname)
                || cand.name.words >= 2 && speaks(text, toks, &cand.name)
                || cand.name.words >= 2 && apposed(text, toks, &cand.name)
                || cand.name.words >= 2 && on_roster(&cand.name)
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
            son_before: false,
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
        if let Some(p) = party_at(text, toks, j - 1) {
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

/// Finds the people of a story: the body's candidates linked together, then title mentions of them.
pub fn find_people(title: &str, body: &str, body_toks: &[Tok], headline: &[bool]) -> Vec<Found> {
    let casing = Casing::new(body, body_toks);
    let mut cands = candidates(body, body_toks, &casing);
    // A headline repeated in the body only links, like the title itself.
    for c in &mut cands {
        if c.evidence == Evidence::Given && headline.get(c.name.first).copied().unwrap_or(false) {
            c.evidence = Evidence::Weak;
        }
    }
    promote_lists(body, body_toks, &mut cands);
    let mut people = People::default();
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
                if let Some(idx) = people.with_given(w) {
                    people.mention(idx, cand);
                    continue;
                }
                if is_given(w) {
                    continue;
                }
            }
            // A lone word after a title of office that the story also writes in lower case ("the Senate Judiciary
            // Chairman Rules" in a story about the rules) is no surname, unless someone found has it. Honorifics
            // ("Mr Field", "Mrs May") are always followed by a surname.
            if cand.evidence == Evidence::Titled
                && cand.role.is_some()
                && cand.name.words == 1
                && casing.written_lower(&cand.name.surname)
                && people.link(cand).is_none()
            {
                continue;
            }
            match people.link(cand) {
                Some(idx) => people.mention(idx, cand),
                None if pass < 2 => people.push(cand),
                None => {}
            }
        }
    }
    let mut found = people.found;
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
    // "Sens. Dianne Feinstein, D-Calif, and Barbara Boxer": a party-state tag without its period is not a name.
    found.retain(|f| !f.toks.is_empty() && !is_party_tag(&f.person.name));
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

/// "Moazzam Begg, Martin Mubanga and Richard Belmar": a capitalized pair listed next to a person is a person.
fn promote_lists(text: &str, toks: &[Tok], cands: &mut [Cand]) {
    let listed = |a: &Cand, b: &Cand| {
        let gap: Vec<&str> = (a.name.after..b.name.first)
            .map(|k| toks[k].text(text))
            .collect();
        matches!(gap.as_slice(), ["," | "and" | "or"] | [",", "and" | "or"])
    };
    for i in 0..cands.len() {
        if cands[i].evidence != Evidence::Weak
            || cands[i].name.words < 2
            || cands[i].name.possessive
            || participle_first(text, toks, &cands[i].name)
        {
            continue;
        }
        let strong = |c: &Cand| c.evidence >= Evidence::Given && c.name.words >= 2;
        let before = i > 0 && strong(&cands[i - 1]) && listed(&cands[i - 1], &cands[i]);
        let after = cands
            .get(i + 1)
            .is_some_and(|n| strong(n) && listed(&cands[i], n));
        if before || after {
            cands[i].evidence = Evidence::Given;
        }
    }
}
