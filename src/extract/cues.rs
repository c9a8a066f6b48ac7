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

/// A name whose first word is a participle ("Planned Parenthood", "Leading Edge") is an organization's.
pub(super) fn participle_first(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    let first = toks.get(name.first).map_or("", |t| t.text(text));
    first.ends_with("ed") || first.ends_with("ing")
}

/// "X Y said", "said X Y", "according to X Y", "X Y, who": context that makes capitalized words a person.
pub(super) fn speaks(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.text(text));
    let next = word(Some(name.after));
    let prev = word(name.first.checked_sub(1));
    // "Planned Parenthood said", "United Way said": verbs and participles are not given names.
    if participle_first(text, toks, name) {
        return false;
    }
    is_speech(next)
        || matches!(prev, "said" | "says")
        || (prev == "to" && word(name.first.checked_sub(2)) == "according")
        || (next == "," && word(Some(name.after + 1)) == "who")
}

/// Nouns for what a person is or does, that make a capitalized pair beside them a person: "aid worker Kayla
/// Mueller", "Abbe Lowell, a lawyer for ...".
const ROLE_NOUNS: &[&str] = &[
    "lawyer",
    "attorney",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "worker",
    "activist",
    "analyst",
    "economist",
    "professor",
    "author",
    "writer",
    "journalist",
    "reporter",
    "columnist",
    "correspondent",
    "editor",
    "historian",
    "strategist",
    "pollster",
    "consultant",
    "lobbyist",
    "businessman",
    "businesswoman",
    "billionaire",
    "donor",
    "candidate",
    "challenger",
    "nominee",
    "colleague",
    "founder",
    "co-founder",
    "executive",
    "scientist",
    "researcher",
    "expert",
    "official",
    "officer",
    "prosecutor",
    "investigator",
    "agent",
    "counsel",
    "singer",
    "actor",
    "actress",
    "comedian",
    "anchor",
    "commentator",
    "campaigner",
    "organizer",
    "organiser",
    "protester",
    "resident",
    "student",
    "teacher",
    "doctor",
    "physician",
    "nurse",
    "survivor",
    "widow",
    "director",
    "chairman",
    "chairwoman",
    "manager",
    "lecturer",
    "solicitor",
    "barrister",
    "councillor",
    "councilman",
    "councilwoman",
    "diplomat",
    "envoy",
    "veteran",
    "entrepreneur",
    "philanthropist",
    "pastor",
    "priest",
    "novelist",
    "playwright",
    "filmmaker",
    "photographer",
    "producer",
    "fellow",
    "scholar",
    "staffer",
    "president",
    "philosopher",
    "nanny",
    "housekeeper",
    "poet",
    "artist",
    "architect",
    "engineer",
    "farmer",
    "rancher",
    "cleric",
    "chef",
    "coach",
    "musician",
    "rapper",
    "banker",
    "investor",
    "mogul",
    "tycoon",
    "magnate",
    "heiress",
    "dissident",
    "whistleblower",
    "informant",
    "suspect",
    "defendant",
    "plaintiff",
    "witness",
    "inmate",
    "prisoner",
    "detainee",
    "hostage",
    "refugee",
    "secretary",
    "minister",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
];

fn is_role_noun(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(ROLE_NOUNS)).contains(word)
}

/// An apposition naming what the person is: "X Y, a lawyer for ...", "X Y, the former senior adviser", "X Y, 35,"
/// after the name, or a role noun just before it ("aid worker X Y", "his lawyer X Y").
pub(super) fn apposed(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let after = name.after;
    if participle_first(text, toks, name) {
        return false;
    }
    if name.first > 0 && is_role_noun(word(name.first - 1)) {
        return true;
    }
    if word(after) != "," {
        return false;
    }
    let next = toks.get(after + 1);
    // An age: "Kalan Karim, 35, said".
    if next.is_some_and(|t| t.kind == super::token::Kind::Num && t.end - t.start <= 3)
        && word(after + 2) == ","
    {
        return true;
    }
    if !matches!(
        word(after + 1),
        "a" | "an" | "the" | "his" | "her" | "their"
    ) {
        return false;
    }
    // Up to three lower-case modifiers, then the role noun.
    (after + 2..after + 6)
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| !t.is_cap() && t.kind == super::token::Kind::Word)
        })
        .any(|k| is_role_noun(word(k)))
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
    // "his wife, Hillary,", "daughter Victoria": a given name alone after a kin word is not labelled a person.
    if name.words == 1 && name.first > 0 {
        let k = if word(name.first - 1) == "," {
            name.first.wrapping_sub(2)
        } else {
            name.first - 1
        };
        if matches!(
            word(k),
            "wife" | "husband" | "son" | "daughter" | "brother" | "sister" | "mother" | "father"
        ) {
            return true;
        }
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
