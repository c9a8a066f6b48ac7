//! `cloakroom entity`: the card of the best match of a name or bill, as text or JSON.
//!
//! `--json` prints one object: `{"name", "kind": "person"|"bill", "bioguide", "role", "party",
//! "state", "chamber", "url", "stories", "mentions", "first", "last", "timeline": [{"month":
//! "2019-03", "stories": 4}], "often_with": [{"name", "kind", "stories"}]}`, `null` where unknown;
//! the timeline has every month from the first story to the last, empty ones included. Role,
//! party and state are as of the entity's last story, or with `--story ID` as of that story (its date,
//! and its own words for a person not in the roster). No match prints `null` (text: a line
//! saying so) and is not an error.
//! Exit status as `search`: 0 when the lookup ran (found or not), 1 when records were skipped
//! (listed on standard error), 2 for a command line without a name or a corpus where nothing
//! loaded.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::LoadArgs;
use crate::corpus::{Article, LoadOptions, SafeUrl};
use crate::extract::story_roles::{card_in_story, own_person};
use crate::extract::{EntityCard, EntityIndex, EntityKind, EntityRef, extract};
use crate::search::best_entity;

/// Arguments of `entity`.
#[derive(Debug, Clone, Args)]
pub struct EntityArgs {
    /// Files or folders, then the name or bill. A single argument is a name over the library
    /// (the bundled sample corpus when the library is empty), as `search` takes a query.
    #[arg(value_name = "PATH... NAME", required = true)]
    pub args: Vec<String>,
    /// Print the card as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// The card as of this story (its id): role, party and state on its date, from its own words for a
    /// person not in the roster.
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Runs `entity`.
pub fn run(args: &EntityArgs, library: &super::LibraryArgs) -> anyhow::Result<ExitCode> {
    let Some((name, paths)) = args.args.split_last() else {
        anyhow::bail!("entity needs a name: cloakroom entity [PATH...] NAME");
    };
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let options = LoadOptions::from_field_args(&args.load.fields)?;
    let corpus = super::source::corpus(&paths, &options, library)?;
    let status = super::report_load(&corpus);
    if status == 2 {
        return Ok(ExitCode::from(2));
    }
    let story = match &args.story {
        Some(id) => {
            let Some(at) = corpus.articles.iter().position(|a| a.id == *id) else {
                eprintln!("cloakroom: no story with id \"{}\"", clean(id));
                return Ok(ExitCode::from(2));
            };
            Some(at)
        }
        None => None,
    };
    let index = EntityIndex::build(&corpus.articles);
    let card = best_entity(&index, name).and_then(|e| match story {
        Some(at) => card_in(&index, &corpus.articles, e, at),
        None => EntityCard::build(&index, &corpus.articles, e, None),
    });
    let out = match (&card, args.json) {
        (Some(card), true) => format!("{}\n", serde_json::to_string_pretty(&to_json(card))?),
        (None, true) => "null\n".to_owned(),
        (Some(card), false) => text(card),
        (None, false) => format!("no person or bill matches \"{}\"\n", clean(name)),
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::from(status))
}

/// The card of `entity` as of story `at`: its date, and its own words for an unlinked person.
fn card_in(
    index: &EntityIndex,
    articles: &[Article],
    entity: EntityRef,
    at: usize,
) -> Option<EntityCard> {
    let story = articles.get(at)?;
    let mut card = EntityCard::build(index, articles, entity, story.date)?;
    if let EntityRef::Person(id) = entity
        && let Some(p) = index.people.get(id as usize)
    {
        let own = extract(story);
        let spans = index
            .people_of(at)
            .find(|(pid, ..)| *pid == id)
            .map(|(.., s)| s);
        let words = spans.and_then(|s| own_person(&own, s));
        card_in_story(&mut card, p, story.date, words, &story.body);
    }
    Some(card)
}

/// The `--json` object of a card, its fields in the contract's order.
#[derive(Debug, Serialize)]
pub struct JsonCard<'a> {
    name: &'a str,
    kind: EntityKind,
    bioguide: Option<&'a str>,
    role: Option<&'a str>,
    party: Option<&'a str>,
    state: Option<&'a str>,
    chamber: Option<&'a str>,
    url: Option<&'a str>,
    stories: usize,
    mentions: u32,
    first: Option<String>,
    last: Option<String>,
    timeline: Vec<JsonMonth>,
    often_with: Vec<JsonCompanion<'a>>,
}

/// One month of the timeline.
#[derive(Debug, Serialize)]
struct JsonMonth {
    month: String,
    stories: u32,
}

/// One person or bill often in the same stories.
#[derive(Debug, Serialize)]
struct JsonCompanion<'a> {
    name: &'a str,
    kind: EntityKind,
    stories: usize,
}

/// The `--json` object of a card.
pub fn to_json(card: &EntityCard) -> JsonCard<'_> {
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    JsonCard {
        name: &card.name,
        kind: card.entity.kind(),
        bioguide: card.record.bioguide.as_deref(),
        role: card.role.as_deref(),
        party: card.party.as_deref(),
        state: card.state.as_deref(),
        chamber: card.record.chamber.as_deref(),
        url: card.record.url.as_ref().map(SafeUrl::as_str),
        stories: card.stories,
        mentions: card.mentions,
        first: day(card.first),
        last: day(card.last),
        timeline: card
            .timeline
            .iter()
            .map(|(m, n)| JsonMonth {
                month: m.to_string(),
                stories: *n,
            })
            .collect(),
        often_with: card
            .often_with
            .iter()
            .map(|c| JsonCompanion {
                name: &c.name,
                kind: c.entity.kind(),
                stories: c.stories,
            })
            .collect(),
    }
}

/// Columns of the text timeline.
const SPARK_WIDTH: usize = 60;

/// The card as text for a terminal.
pub fn text(card: &EntityCard) -> String {
    let mut out = String::new();
    let kind = serde_json::to_value(card.entity.kind()).unwrap_or_default();
    let _ = writeln!(
        out,
        "{} ({})",
        clean(&card.name),
        kind.as_str().unwrap_or_default()
    );
    let mut line = |label: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "  {label:<11}{}", clean(&v));
        }
    };
    line("name", card.title.clone());
    line("bill", card.detail.clone());
    let role = [card.role.clone(), card.party_state()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    line("role", Some(role));
    line("record", card.record_line());
    line("link", card.record.url.as_ref().map(ToString::to_string));
    let undated = if card.undated > 0 {
        format!(" ({} undated)", card.undated)
    } else {
        String::new()
    };
    line(
        "stories",
        Some(format!(
            "{} · {} mentions{undated}",
            card.stories, card.mentions
        )),
    );
    if let (Some(first), Some(last)) = (card.first, card.last) {
        line("dates", Some(format!("{first} to {last}")));
        let (buckets, per) = card.buckets(SPARK_WIDTH);
        let each = if per == 1 {
            "a month a column".to_owned()
        } else {
            format!("{per} months a column")
        };
        line("per month", Some(format!("{} ({each})", spark(&buckets))));
    }
    if !card.often_with.is_empty() {
        let _ = writeln!(out, "  often with");
        for c in &card.often_with {
            let _ = writeln!(out, "    {:>5}  {}", c.stories, clean(&c.name));
        }
    }
    out
}

/// Counts as block characters, the highest a full block.
fn spark(counts: &[u64]) -> String {
    const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&n| BARS[((n * 8).div_ceil(max)) as usize])
        .collect()
}

/// Replaces control characters (corpus text is untrusted) with spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::spark;

    #[test]
    fn spark_scales_to_the_highest() {
        assert_eq!(spark(&[0, 1, 4, 8]), " ▁▄█");
        assert_eq!(spark(&[0, 0]), "  ");
        assert_eq!(spark(&[3, 1]), "█▃");
    }
}
