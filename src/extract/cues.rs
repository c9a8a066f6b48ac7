//! Context cues for people: surnames famous enough to stand alone, speech verbs, bylines and bios.

use super::name::NameParse;
use super::sets::WordSet;
use super::token::{NL, Tok};

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

pub(super) fn is_famous(word: &str) -> bool {
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
pub(super) fn speaks(text: &str, toks: &[Tok], name: &NameParse) -> bool {
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
pub(super) fn not_a_subject(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let after = name.after;
    if word(after) == "/" {
        return true; // "Karen Su/Getty Images"
    }
    if word(after) == "&" {
        return true; // "Lanny J. Davis & Associates": a firm
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
