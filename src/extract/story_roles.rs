//! Who a person is in one story: a linked person's roster facts as of its date, an unlinked person's role, party
//! and state from the story's own words when it gives any, else what most stories say.
//!
//! Nothing is stored per story in the index: the reader extracts the open story anyway (one story takes well
//! under a millisecond), and the words of that extraction are matched to the corpus index's people by their
//! mentions; `entities --json` keeps [`own_words`], a slim copy, for every story.

use chrono::NaiveDate;

use super::card::EntityCard;
use super::card_record::{AsOf, person_as_of};
use super::title::rank_of_role;
use super::types::{EntityIndex, Field, Person, Span, StoryEntities, StoryPerson};

/// The person of `own` (one story's extraction) who has a mention among `spans` (the corpus index's mentions of
/// one person in that story): the same extraction found both, so they share their spans.
pub fn own_person<'a>(own: &'a StoryEntities, spans: &[Span]) -> Option<&'a StoryPerson> {
    own.people
        .iter()
        .find(|p| p.mentions.iter().any(|m| spans.contains(m)))
}

/// A person's role, party, state and chamber in a story dated `date` whose own words about them are `own`
/// (with `body`, the story's text, to read a "former" before the role).
///
/// A person linked to the roster gets the roster's facts ([`person_as_of`]). An unlinked person (a governor, a
/// minister, a UK MP) gets each of role, party and state from the story when the story gives it, else from the
/// corpus-wide vote: "Home Secretary" in a story of 2004, "former Home Secretary" in one that says "the former
/// Home Secretary David Blunkett" or "Ex-Home Secretary David Blunkett".
pub fn person_in_story(
    p: &Person,
    date: Option<NaiveDate>,
    own: Option<&StoryPerson>,
    body: &str,
) -> AsOf {
    let mut out = person_as_of(p, date);
    if p.bioguide.is_some() {
        return out;
    }
    let Some(own) = own else { return out };
    // A knighthood or peerage ("Sir") the story gives does not hide the office most stories give.
    let office = |r: &String| rank_of_role(r) >= 2;
    if let Some(role) = own
        .role
        .as_ref()
        .filter(|r| office(r) || !out.role.as_ref().is_some_and(office))
    {
        out.role = Some(qualified_role(body, own, role));
    }
    if own.party.is_some() {
        out.party.clone_from(&own.party);
    }
    if own.state.is_some() {
        out.state.clone_from(&own.state);
    }
    if own.chamber.is_some() {
        out.chamber.clone_from(&own.chamber);
    }
    out
}

/// Sets a person's card to who they are in the story it is shown for ([`person_in_story`]).
pub fn card_in_story(
    card: &mut EntityCard,
    p: &Person,
    date: Option<NaiveDate>,
    own: Option<&StoryPerson>,
    body: &str,
) {
    let who = person_in_story(p, date, own, body);
    card.role = who.role;
    card.party = who.party;
    card.state = who.state;
    card.record.chamber = who.chamber;
}

/// The people of article `article` of `index`, with their mentions and who they are in it: `own` is that story's extraction (none
/// gives the corpus-wide facts of unlinked people).
pub fn people_in_story<'a>(
    index: &'a EntityIndex,
    article: usize,
    date: Option<NaiveDate>,
    own: Option<&'a StoryEntities>,
    body: &'a str,
) -> impl Iterator<Item = (u32, &'a Person, &'a [Span], AsOf)> + 'a {
    index.people_of(article).map(move |(id, p, spans)| {
        let words = own.and_then(|o| own_person(o, spans));
        (id, p, spans, person_in_story(p, date, words, body))
    })
}

/// What of one story's extraction [`people_in_story`] needs, to keep for many stories at once: the people the
/// story gives a role, party, state or chamber, each with one mention and the role as [`person_in_story`] shows
/// it ("former Home Secretary"), and no bills.
pub fn own_words(own: &StoryEntities, body: &str) -> StoryEntities {
    let people = own
        .people
        .iter()
        .filter(|p| {
            p.role.is_some() || p.party.is_some() || p.state.is_some() || p.chamber.is_some()
        })
        .map(|p| StoryPerson {
            role: story_role(p, body),
            party: p.party.clone(),
            state: p.state.clone(),
            chamber: p.chamber.clone(),
            mentions: p.mentions.first().copied().into_iter().collect(),
            ..StoryPerson::default()
        })
        .collect();
    StoryEntities {
        people,
        bills: Vec::new(),
    }
}

/// The role a story gives one of its people, as it shows: "former Home Secretary" where it says "Ex-Home
/// Secretary David Blunkett" (`body` is the story's text).
pub fn story_role(p: &StoryPerson, body: &str) -> Option<String> {
    p.role.as_deref().map(|r| qualified_role(body, p, r))
}

/// How far before or after a name its title is looked for, in bytes.
const LOOK: usize = 64;

/// `role` as the story gives it beside the person's name, with "former" when every mention the role is given
/// beside says so ("former Home Secretary David Blunkett", "Ex-Home Secretary David Blunkett", "then-Governor
/// Jeb Bush", "David Blunkett, the former home secretary,"): as of the story's date they no longer hold it.
fn qualified_role(body: &str, own: &StoryPerson, role: &str) -> String {
    let Some(last) = role.split_whitespace().last() else {
        return role.to_owned();
    };
    let mut titled = 0;
    let mut former = 0;
    // The longest form of a past title the story writes ("Home Secretary" where the role is "Secretary").
    let mut written = role;
    for m in own.mentions.iter().filter(|m| m.field == Field::Body) {
        let from = floor_boundary(body, m.start.saturating_sub(LOOK));
        let to = floor_boundary(body, (m.end + LOOK).min(body.len()));
        let (Some(before), Some(after)) = (body.get(from..m.start), body.get(m.end..to)) else {
            continue;
        };
        let found = match title_before(before, last) {
            Some(head) => {
                let title = before[head.len()..].trim();
                if is_former(head) && title.len() > written.len() && title.ends_with(role) {
                    written = title;
                }
                Some(is_former(head))
            }
            None => title_after(after, last),
        };
        if let Some(past) = found {
            titled += 1;
            former += usize::from(past);
        }
    }
    if titled > 0 && former == titled && !role.starts_with("former ") {
        format!("former {written}")
    } else {
        role.to_owned()
    }
}

/// The nearest char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The text before a title that ends right before a name (`before` is the text up to the name), when the
/// title's last word is `last`: the qualifier a title's capitalised words ("Home") follow ("the former ",
/// "Ex-" of "Ex-Home Secretary ").
fn title_before<'a>(before: &'a str, last: &str) -> Option<&'a str> {
    if !before.ends_with(' ') {
        return None;
    }
    let trimmed = before.trim_end();
    let cut = trimmed.len().checked_sub(last.len())?;
    if !trimmed.is_char_boundary(cut) || !trimmed[cut..].eq_ignore_ascii_case(last) {
        return None;
    }
    let mut head = &trimmed[..cut];
    if !(head.is_empty() || head.ends_with([' ', '-'])) {
        return None;
    }
    loop {
        // "then-Governor", "Ex-Home": a qualifier joined to the title.
        if head.ends_with('-') {
            return Some(head);
        }
        let rest = head.trim_end();
        let start = rest.rfind(' ').map_or(0, |i| i + 1);
        let word = &rest[start..];
        if let Some((q, _)) = word.split_once('-')
            && is_former(q)
        {
            return Some(&rest[..=start + q.len()]);
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if word.is_empty() || !capital || is_former(word) {
            return Some(rest);
        }
        head = &rest[..start];
    }
}

/// After a name, an apposition ending in the role's last word `last` (", the former home secretary,"):
/// `Some(true)` when a qualifier of a past holder starts it, `Some(false)` when none does, `None` when there is
/// no such apposition.
fn title_after(after: &str, last: &str) -> Option<bool> {
    let clause = after.strip_prefix(", ")?;
    let clause = clause.split([',', '.', ';', '(', ')']).next()?;
    let words: Vec<&str> = clause.split_whitespace().collect();
    if words.len() > 6 || !words.last()?.eq_ignore_ascii_case(last) {
        return None;
    }
    let words = match words.first() {
        Some(w) if matches!(*w, "the" | "a" | "an") => &words[1..],
        _ => &words[..],
    };
    let first = words.first()?;
    Some(is_former(first) || first.split_once('-').is_some_and(|(q, _)| is_former(q)))
}

/// Whether the last word of `head` marks a past holder: "former", "ex-", "then-", "erstwhile".
fn is_former(head: &str) -> bool {
    let last = head.split_whitespace().last().unwrap_or("");
    let word = last.trim_end_matches('-').to_ascii_lowercase();
    matches!(word.as_str(), "former" | "ex" | "then" | "erstwhile")
}

#[cfg(test)]
#[path = "story_roles_tests.rs"]
mod tests;
