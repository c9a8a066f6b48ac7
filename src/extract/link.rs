//! Linking the people of one story to the roster: name forms, title, party and state, and the story's date.
//!
//! A person links to a roster member when exactly one member fits: the surname, a compatible given name (or a
//! nickname: "Chuck" for Charles E. Schumer), a middle initial if one is written, and what the story says (a
//! title's chamber, a party, a state) against the term in force on the story's date. A member the roster shows in
//! office that day is preferred; past members (whose last term comes without dates) fit when their age does. A
//! surname alone links only with a title, to the one member of that name then in office. Two fits: no link.

use chrono::{Datelike, NaiveDate};

use super::person_key::{is_short_form, split_name};
use super::types::StoryPerson;
use crate::roster::{Member, Office, Roster, fold};

/// The youngest a member can be (a Representative: 25).
const MIN_AGE: i32 = 25;
/// The oldest a past member (whose dates the roster lacks) is taken to be in a story.
const MAX_AGE: i32 = 85;
/// The oldest when the story's title names the office of the member's last term ("Rep. John Conyers", 88).
const MAX_AGE_TITLED: i32 = 95;

/// A past member's last term is all the roster keeps: one whose last term was in the Senate may have been a
/// Representative before (members move from the House to the Senate of their state, seldom back).
fn moved_up(story: Office, last: &crate::roster::Term) -> bool {
    story == Office::House && last.office == Office::Senate && last.start.is_none()
}

/// Leadership roles whose holders the news names by surname alone (`McConnell said`).
fn names_by_surname(title: &str) -> bool {
    title == "Speaker of the House" || title.ends_with(" Leader") && !title.starts_with("Assistant")
}

/// A surname alone, with no title: the one member of that name in office on the story's date, when that
/// member is then a party leader of a chamber or the Speaker.
fn leader_by_surname<'r>(surname: &str, date: NaiveDate, roster: &'r Roster) -> Option<&'r Member> {
    // In office that day by the dated terms, or perhaps (a past member of serving age).
    let maybe = |m: &&Member| match m.in_office(date) {
        Some(yes) => yes,
        None => m
            .birthday
            .is_none_or(|b| (b.year() + MIN_AGE..=b.year() + MAX_AGE).contains(&date.year())),
    };
    let mut in_office = roster.by_surname(surname).filter(maybe);
    let one = in_office.next()?;
    if in_office.next().is_some() {
        return None;
    }
    one.leadership_at(date)
        .filter(|t| names_by_surname(t))
        .map(|_| one)
}

/// What the story says a person is.
#[derive(Debug, Default)]
struct Evidence {
    office: Option<Office>,
    /// The story's role names something other than Congress or the presidency ("Governor", "State Senator").
    other_office: bool,
    party: Option<String>,
    state: Option<String>,
}

/// The office a story's role names ("Senator", "House Speaker", "Senate Majority Leader", "President").
pub fn office_of_role(role: &str) -> Option<Office> {
    let lower = role.to_ascii_lowercase();
    if lower.contains("state ") || lower.contains("assembly") {
        return None;
    }
    if lower.contains("vice president") {
        Some(Office::VicePresident)
    } else if lower == "president" || lower == "president-elect" {
        Some(Office::President)
    } else if lower.contains("senat") {
        Some(Office::Senate)
    } else if lower.contains("representative")
        || lower.contains("congress")
        || lower.contains("speaker")
        || lower.starts_with("house")
        || lower == "delegate"
    {
        Some(Office::House)
    } else {
        None
    }
}

/// Roles that name an office outside Congress and the presidency: a member in Congress that day is not them.
fn names_other_office(role: &str) -> bool {
    let lower = role.to_ascii_lowercase();
    [
        "governor",
        "mayor",
        "judge",
        "justice",
        "secretary",
        "minister",
        "state ",
        "ambassador",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn evidence(p: &StoryPerson) -> Evidence {
    let office = p.role.as_deref().and_then(office_of_role);
    Evidence {
        office,
        other_office: office.is_none() && p.role.as_deref().is_some_and(names_other_office),
        party: p
            .party
            .clone()
            .filter(|x| matches!(x.as_str(), "R" | "D" | "I")),
        state: p.state.clone(),
    }
}

fn same_party(story: &str, roster: &str) -> bool {
    story == roster || (story != "R" && roster != "R" && (story == "I" || roster == "I"))
}

/// How a written given name fits a member's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameFit {
    /// A form the member goes by, an initial, or a short form of the member's name.
    Known,
    /// Only as the long form of the short name the member goes by ("Robert" for Bob Gibbs): a namesake is as
    /// likely (the press secretary Robert Gibbs), so the story must say more.
    LongForm,
}

/// Whether a member's name fits: given name forms (`given` folded) and a written middle initial.
fn name_fits(m: &Member, given: Option<&str>, middle: Option<char>) -> Option<NameFit> {
    let mut how = NameFit::Known;
    if let Some(g) = given {
        let forms = m.given_names();
        let initial = g.len() <= 2 && g.ends_with('.');
        let known = forms.iter().any(|f| f == g)
            || (initial && forms.iter().any(|f| f.starts_with(&g[..1])));
        if !known {
            // One pass over the short forms: the written name shorter (known) or longer (a long form).
            let short = forms.iter().find(|f| is_short_form(f, g))?;
            if g.len() > short.len()
                && !forms
                    .iter()
                    .any(|f| is_short_form(f, g) && g.len() <= f.len())
            {
                how = NameFit::LongForm;
            }
        }
    }
    match (middle, m.middle_initial()) {
        (Some(a), Some(b)) if !(a == b || forms_start(m, a)) => None,
        _ => Some(how),
    }
}

/// A written middle initial may be the first name's ("J. Danforth Quayle") or part of a nickname.
fn forms_start(m: &Member, c: char) -> bool {
    fold(&m.first).starts_with(c)
}

/// The middle initial written in a full name ("John F. Kennedy" -> 'f').
fn middle_initial(name: &str) -> Option<char> {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    words[1..words.len() - 1]
        .iter()
        .find(|w| w.len() == 2 && w.ends_with('.'))
        .and_then(|w| fold(w).chars().next())
}

/// How a member fits on the story's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// In office that day, by the roster's dated terms.
    InOffice,
    /// The roster cannot tell (a past member's undated last term, or an undated story), and nothing contradicts.
    Possible,
}

fn fit(m: &Member, ev: &Evidence, date: Option<NaiveDate>) -> Option<Fit> {
    if let Some(d) = date {
        if let Some(t) = m.term_at(d) {
            if ev.other_office && t.office.chamber().is_some() {
                return None;
            }
            let office_ok = ev.office.is_none_or(|o| o == t.office);
            let party_ok = ev
                .party
                .as_deref()
                .is_none_or(|p| t.party.as_deref().is_some_and(|q| same_party(p, q)));
            let state_ok = ev
                .state
                .as_deref()
                .is_none_or(|s| t.state_name() == Some(s))
                || t.state.is_none();
            return (office_ok && party_ok && state_ok).then_some(Fit::InOffice);
        }
        // Known not to be in office: a namesake, or the person before or after their service.
        if m.in_office(d) == Some(false) {
            return None;
        }
        // Too young or too old to have served that day (few members serve past 85; a namesake's son who
        // served is more often what an old name would wrongly link to: "Franklin Roosevelt" is not the
        // congressman born in 1914).
        let born = m.birthday.map(|b| b.year())?;
        // A title naming the office of the member's last term makes an old member likelier than a namesake.
        let titled = ev
            .office
            .is_some_and(|o| m.terms.iter().any(|t| t.start.is_none() && t.office == o));
        let max_age = if titled { MAX_AGE_TITLED } else { MAX_AGE };
        if d.year() < born + MIN_AGE || d.year() > born + max_age {
            return None;
        }
    }
    let undated_ok = m.terms.iter().any(|t| {
        ev.office.is_none_or(|o| o == t.office || moved_up(o, t))
            && ev
                .party
                .as_deref()
                .is_none_or(|p| t.party.as_deref().is_some_and(|q| same_party(p, q)))
            && ev
                .state
                .as_deref()
                .is_none_or(|s| t.state.is_none() || t.state_name() == Some(s))
    });
    undated_ok.then_some(Fit::Possible)
}

/// The member a story's person is, if exactly one fits.
pub fn link<'r>(
    p: &StoryPerson,
    date: Option<NaiveDate>,
    roster: &'r Roster,
) -> Option<&'r Member> {
    let (given, surname) = split_name(&p.name);
    let ev = evidence(p);
    // A surname alone needs a title naming the office, or to be a leader's.
    if given.is_none() && ev.office.is_none() {
        if ev.other_office {
            return None;
        }
        return date.and_then(|d| leader_by_surname(&surname, d, roster));
    }
    let middle = middle_initial(&p.name);
    let given = given.map(fold);
    let given = given.as_deref();
    let mut in_office: Option<&Member> = None;
    let mut in_office_count = 0;
    let mut possible = 0;
    let mut only_possible: Option<&Member> = None;
    let told = ev.office.is_some() || ev.party.is_some() || ev.state.is_some();
    // With no date the roster cannot place anyone in office: the story's own words must point at Congress. A
    // bare name in an undated story is as often a namesake (the UK's David Davis, Chris Smith, John Smith).
    // Nor can it tell a president from a namesake: two Presidents Bush, and the roster holds only the one who sat
    // in Congress.
    if date.is_none() && (!told || ev.other_office || ev.office == Some(Office::President)) {
        return None;
    }
    for m in roster.by_surname(&surname) {
        match name_fits(m, given, middle) {
            None => continue,
            Some(NameFit::LongForm) if !told => continue,
            Some(_) => {}
        }
        match fit(m, &ev, date) {
            Some(Fit::InOffice) => {
                in_office_count += 1;
                in_office = Some(m);
            }
            Some(Fit::Possible) => {
                possible += 1;
                only_possible = Some(m);
            }
            None => {}
        }
    }
    match (in_office_count, possible) {
        (1, 0) => in_office,
        // A past member of the same name could be meant; the story's own words must point at the sitting one.
        (1, _) if told && given.is_some() => in_office,
        (0, 1) if given.is_some() || date.is_some() => only_possible,
        _ => None,
    }
}

/// Links every person of a story and, for those in office on the story's date, takes role, party, state and
/// chamber from the roster; others keep the story's words (a missing party or state comes from the last term).
pub fn link_people(people: &mut [StoryPerson], date: Option<NaiveDate>, roster: &Roster) {
    for p in people.iter_mut() {
        let story_office = p.role.as_deref().and_then(office_of_role);
        p.chamber = story_office.and_then(Office::chamber).map(str::to_string);
        let Some(m) = link(p, date, roster) else {
            continue;
        };
        p.bioguide = Some(m.bioguide.clone());
        if let Some(d) = date
            && m.term_at(d).is_some()
        {
            let role = m.role_at(d);
            let keep_story_role = m.leadership_at(d).is_none()
                && p.role.as_deref().is_some_and(|r| {
                    office_of_role(r) == m.term_at(d).map(|t| t.office)
                        && !matches!(r, "Senator" | "Representative")
                });
            if !keep_story_role {
                p.role = role;
            }
            p.party = m.party_at(d).map(str::to_string);
            p.state = m.state_at(d).map(str::to_string).or(p.state.take());
            p.chamber = m.chamber_at(d).map(str::to_string);
        } else if let Some(t) = m.last_congress_term() {
            if p.party.is_none() {
                p.party.clone_from(&t.party);
            }
            if p.state.is_none() {
                p.state = t.state_name().map(str::to_string);
            }
        }
    }
}
