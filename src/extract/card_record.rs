//! The entity card's public-record facts: a linked person's role, party, state and chamber as of a date and years served; a bill's congress.gov page.

use chrono::{Datelike, NaiveDate};

use super::card::EntityCard;
use super::types::{Bill, Person};
use crate::corpus::SafeUrl;
use crate::roster::{Member, Office, Roster};

/// Fills a person's card: role, party, state and chamber from the roster as of `as_of` when the
/// person is linked and in office that day, else from what most stories say; bioguide id and
/// years served when linked.
pub(super) fn fill_person(card: &mut EntityCard, p: &Person, as_of: Option<NaiveDate>) {
    card.role.clone_from(&p.role);
    card.party.clone_from(&p.party);
    card.state.clone_from(&p.state);
    card.record.chamber.clone_from(&p.chamber);
    card.record.bioguide.clone_from(&p.bioguide);
    let Some(member) = p
        .bioguide
        .as_deref()
        .and_then(|id| Roster::embedded().get(id))
    else {
        return;
    };
    if let Some(date) = as_of
        && member.in_office(date) == Some(true)
    {
        card.role = member.role_at(date).or(card.role.take());
        card.party = member
            .party_at(date)
            .map(str::to_owned)
            .or(card.party.take());
        card.state = member
            .state_at(date)
            .map(str::to_owned)
            .or(card.state.take());
        card.record.chamber = member
            .chamber_at(date)
            .map(str::to_owned)
            .or(card.record.chamber.take());
    } else if let Some(date) = as_of
        && member.in_office(date) != Some(true)
        && let Some(term) = member
            .terms
            .iter()
            .rev()
            .find(|t| t.end.is_some_and(|end| end < date))
    {
        // Out of office that day after a dated term that ended before it: "former Vice President"
        // (Biden in 2020; his undated Senate term, the source's last for a past member, ended before).
        card.role = Some(format!("former {}", title(term.office)));
        card.party = term.party.clone().or(card.party.take());
        card.state = term.state_name().map(str::to_owned).or(card.state.take());
        card.record.chamber = term.office.chamber().map(str::to_owned);
    } else if let Some(term) = member.last_congress_term() {
        // Not in office that day (or the source has no dates): the last term's facts, where the stories say none.
        card.party = card.party.take().or_else(|| term.party.clone());
        card.state = card
            .state
            .take()
            .or_else(|| term.state_name().map(str::to_owned));
        card.record.chamber = card
            .record
            .chamber
            .take()
            .or_else(|| term.office.chamber().map(str::to_owned));
    }
    card.record.served = served(member, as_of.map(|d| d.year()));
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
