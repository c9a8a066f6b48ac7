//! The entity card's public-record facts: a linked person's role, party, state and chamber as of a date and years served; a bill's congress.gov page.

use chrono::{Datelike, NaiveDate};

use super::card::EntityCard;
use super::types::{Bill, Person};
use crate::corpus::SafeUrl;
use crate::roster::{Member, Office, Roster};

/// Who a person was on a date: role, party, state and chamber.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AsOf {
    /// "Speaker of the House", "Senator", "former Vice President", "Governor".
    pub role: Option<String>,
    /// "D", "R", "I", or a party's name.
    pub party: Option<String>,
    /// Spelled out ("California").
    pub state: Option<String>,
    /// "House" or "Senate".
    pub chamber: Option<String>,
}

/// A person's role, party, state and chamber on `date`: from the roster when the person is linked
/// and in office that day ("former ..." after a dated term that ended before it), else what most
/// stories say, with a linked past member's last term filling what they do not.
pub fn person_as_of(p: &Person, date: Option<NaiveDate>) -> AsOf {
    let mut out = AsOf {
        role: p.role.clone(),
        party: p.party.clone(),
        state: p.state.clone(),
        chamber: p.chamber.clone(),
    };
    let Some(member) = p
        .bioguide
        .as_deref()
        .and_then(|id| Roster::embedded().get(id))
    else {
        return out;
    };
    let in_office = date.and_then(|d| member.in_office(d));
    if let Some(date) = date
        && in_office == Some(true)
    {
        out.role = member.role_at(date).or(out.role);
        out.party = member.party_at(date).map(str::to_owned).or(out.party);
        out.state = member.state_at(date).map(str::to_owned).or(out.state);
        out.chamber = member.chamber_at(date).map(str::to_owned).or(out.chamber);
    } else if let Some(date) = date
        && let Some(term) = member
            .terms
            .iter()
            .rev()
            .find(|t| t.end.is_some_and(|end| end < date))
    {
        // Out of office that day after a dated term that ended before it: "former Vice President"
        // (Biden in 2020; his undated Senate term, the source's last for a past member, ended before).
        out.role = Some(format!("former {}", title(term.office)));
        out.party = term.party.clone().or(out.party);
        out.state = term.state_name().map(str::to_owned).or(out.state);
        out.chamber = term.office.chamber().map(str::to_owned);
    } else if let Some(term) = member.last_congress_term() {
        // The source has no dates (a past member): the last term's facts, where the stories say none.
        out.party = out.party.or_else(|| term.party.clone());
        out.state = out.state.or_else(|| term.state_name().map(str::to_owned));
        out.chamber = out
            .chamber
            .or_else(|| term.office.chamber().map(str::to_owned));
    }
    out
}

/// Fills a person's card: who they were as of `as_of` ([`person_as_of`]), bioguide id and years
/// served when linked.
pub(super) fn fill_person(card: &mut EntityCard, p: &Person, as_of: Option<NaiveDate>) {
    let who = person_as_of(p, as_of);
    card.role = who.role;
    card.party = who.party;
    card.state = who.state;
    card.record.chamber = who.chamber;
    card.record.bioguide.clone_from(&p.bioguide);
    if let Some(member) = p
        .bioguide
        .as_deref()
        .and_then(|id| Roster::embedded().get(id))
    {
        card.record.served = served(member, as_of.map(|d| d.year()));
    }
}

/// What the holder of an office is called.
fn title(office: Office) -> &'static str {
    match office {
        Office::Senate => "Senator",
        Office::House => "Representative",
        Office::President => "President",
        Office::VicePresident => "Vice President",
    }
}

/// Years served, one stretch per office ("House 1987–2007, Senate 2007–"): a stretch still going
/// on in the year of `as_of` is left open.
fn served(member: &Member, year: Option<i32>) -> Option<String> {
    let spans: Vec<String> = member
        .service()
        .iter()
        .map(|s| {
            let label = s.office.label();
            match year {
                Some(y) if s.from <= y && s.to > y => format!("{label} {}–", s.from),
                _ if s.from == s.to => format!("{label} {}", s.from),
                _ => format!("{label} {}–{}", s.from, s.to),
            }
        })
        .collect();
    (!spans.is_empty()).then(|| spans.join(", "))
}

/// Fills a bill's card: its chamber and its congress.gov page (checked as a story's link is).
pub(super) fn fill_bill(card: &mut EntityCard, b: &Bill) {
    card.record.chamber.clone_from(&b.chamber);
    card.record.url = b.url.as_deref().and_then(|u| SafeUrl::parse(u).ok());
}
