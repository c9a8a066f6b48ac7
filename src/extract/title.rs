//! Titles before a name ("Sen.", "House Speaker", "Secretary of State", "Labour MP") and the role they give.

use std::borrow::Cow;

use smallvec::SmallVec;

use super::sets::{Prefilter, is_stop};
use super::tables::{is_state_part, party_of, state_by_name};
use super::token::{Kind, POSS, SENT, Tok};

fn text_of<'a>(text: &'a str, t: &Tok) -> &'a str {
    t.text(text)
}

/// How specific a title is, for keeping the most specific role seen.
pub type Rank = u8;

/// One title word and what it means.
struct Head {
    word: &'static str,
    role: &'static str,
    rank: Rank,
    /// Applies to a list of names ("Sens. Schumer and Durbin").
    plural: bool,
    /// Its qualifiers are part of the role ("Senate Armed Services Chair").
    keeps_qualifiers: bool,
}

const fn h(word: &'static str, role: &'static str, rank: Rank) -> Head {
    Head {
        word,
        role,
        rank,
        plural: false,
        keeps_qualifiers: false,
    }
}
const fn pl(word: &'static str, role: &'static str) -> Head {
    Head {
        word,
        role,
        rank: 2,
        plural: true,
        keeps_qualifiers: false,
    }
}
const fn q(word: &'static str, role: &'static str) -> Head {
    Head {
        word,
        role,
        rank: 3,
        plural: false,
        keeps_qualifiers: true,
    }
}

/// Title words. Rank 0 are honorifics (no role), 1 peerage and knighthood, 2 offices, 3 leadership.
const HEADS: &[Head] = &[
    h("Mr", "", 0),
    h("Mrs", "", 0),
    h("Ms", "", 0),
    h("Miss", "", 0),
    h("Dr", "", 0),
    h("Lord", "Lord", 1),
    h("Lady", "Lady", 1),
    h("Sir", "Sir", 1),
    h("Dame", "Dame", 1),
    h("Baroness", "Baroness", 1),
    h("Baron", "Baron", 1),
    h("Sen", "Senator", 2),
    h("Senator", "Senator", 2),
    h("senator", "Senator", 2),
    pl("Sens", "Senator"),
    pl("Senators", "Senator"),
    pl("senators", "Senator"),
    h("Rep", "Representative", 2),
    h("Representative", "Representative", 2),
    h("Congressman", "Representative", 2),
    h("congressman", "Representative", 2),
    h("Congresswoman", "Representative", 2),
    h("congresswoman", "Representative", 2),
    pl("Reps", "Representative"),
    pl("Representatives", "Representative"),
    pl("Congressmen", "Representative"),
    h("Delegate", "Delegate", 2),
    h("Gov", "Governor", 2),
    h("Governor", "Governor", 2),
    h("governor", "Governor", 2),
    pl("Govs", "Governor"),
    h("Mayor", "Mayor", 2),
    h("mayor", "Mayor", 2),
    h("Judge", "Judge", 2),
    h("judge", "Judge", 2),
    h("Justice", "Justice", 2),
    h("MP", "MP", 2),
    pl("MPs", "MP"),
    h("MSP", "MSP", 2),
    h("MEP", "MEP", 2),
    h("Ambassador", "Ambassador", 2),
    h("ambassador", "Ambassador", 2),
    h("Gen", "General", 2),
    h("Adm", "Admiral", 2),
    h("Col", "Colonel", 2),
    h("Lt", "Lieutenant", 2),
    h("Sgt", "Sergeant", 2),
    h("Capt", "Captain", 2),
    h("Sheriff", "Sheriff", 2),
    h("Constable", "Constable", 2),
    h("Superintendent", "Superintendent", 2),
    h("Inspector", "Inspector", 2),
    h("Detective", "Detective", 2),
    h("Pope", "Pope", 2),
    h("Bishop", "Bishop", 2),
    h("Archbishop", "Archbishop", 2),
    h("Cardinal", "Cardinal", 2),
    h("Rev", "Reverend", 2),
    h("Reverend", "Reverend", 2),
    h("Rabbi", "Rabbi", 2),
    h("Prof", "Professor", 2),
    h("Professor", "Professor", 2),
    q("Chief", "Chief"),
    h("President", "President", 3),
    h("president", "President", 3),
    h("President-elect", "President-elect", 3),
    h("Speaker", "Speaker", 3),
    h("speaker", "Speaker", 3),
    q("Leader", "Leader"),
    q("leader", "Leader"),
    q("Whip", "Whip"),
    q("whip", "Whip"),
    q("Chair", "Chair"),
    q("chair", "Chair"),
    q("Chairman", "Chairman"),
    q("chairman", "Chairman"),
    q("Chairwoman", "Chairwoman"),
    q("chairwoman", "Chairwoman"),
    q("Secretary", "Secretary"),
    q("secretary", "Secretary"),
    q("Minister", "Minister"),
    q("minister", "Minister"),
    q("Chancellor", "Chancellor"),
    q("Director", "Director"),
    q("director", "Director"),
    q("Administrator", "Administrator"),
    q("administrator", "Administrator"),
    q("Commissioner", "Commissioner"),
    q("commissioner", "Commissioner"),
    q("Counsel", "Counsel"),
    q("counsel", "Counsel"),
    q("Adviser", "Adviser"),
    q("adviser", "Adviser"),
    q("Advisor", "Adviser"),
    q("advisor", "Adviser"),
    q("spokesman", "Spokesman"),
    q("spokeswoman", "Spokeswoman"),
    q("spokesperson", "Spokesperson"),
    q("General", "General"),
];

/// Qualifiers that may begin a sentence and still belong to the title.
const SENTENCE_QUALIFIERS: &[&str] = &[
    "Senate",
    "House",
    "Majority",
    "Minority",
    "Vice",
    "Prime",
    "Attorney",
    "Deputy",
    "Chief",
    "Home",
    "Foreign",
    "Press",
    "First",
    "Shadow",
    "Lieutenant",
    "Lt",
    "Treasury",
    "Defense",
    "Defence",
    "Health",
    "Education",
    "Energy",
    "Interior",
    "Homeland",
    "Security",
    "Special",
    "Trade",
    "Culture",
    "Environment",
    "Transport",
    "Northern",
    "Scottish",
    "Welsh",
    "Foreign",
    "Commerce",
    "Labor",
    "Agriculture",
    "Surgeon",
    "Solicitor",
    "Inspector",
    "Justice",
    "Judiciary",
    "Intelligence",
    "Budget",
    "Finance",
    "Appropriations",
];

/// Words before a title that are neither role nor party nor state.
const NOT_QUALIFIERS: &[&str] = &[
    "The",
    "A",
    "An",
    "Former",
    "Then",
    "Now",
    "Meanwhile",
    "But",
    "And",
    "As",
    "When",
    "While",
    "After",
    "Before",
    "Even",
    "Also",
    "Later",
    "Earlier",
    "Today",
    "Yesterday",
    "On",
    "In",
    "At",
    "Said",
    "Says",
    "Both",
    "Current",
    "Incoming",
    "Outgoing",
    "Acting",
    "Retired",
    "Late",
    "Embattled",
    "Veteran",
    "Longtime",
];

/// A title found before a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMatch {
    /// Token index of the first qualifier (or the head).
    pub first: usize,
    /// Token index just after the title (after its period and `of ...` complement).
    pub after: usize,
    /// Role, or `None` for honorifics.
    pub role: Option<Cow<'static, str>>,
    /// Specificity.
    pub rank: Rank,
    /// Applies to a list of names.
    pub plural: bool,
    /// Party given among the qualifiers ("Republican Sen.", "Labour MP").
    pub party: Option<&'static str>,
    /// State given among the qualifiers ("Kentucky Congressman").
    pub state: Option<&'static str>,
}

type HeadMap = (
    Prefilter,
    rustc_hash::FxHashMap<&'static str, &'static Head>,
);

fn head_of(word: &str) -> Option<&'static Head> {
    static BY_WORD: std::sync::OnceLock<HeadMap> = std::sync::OnceLock::new();
    let (filter, by_word) = BY_WORD.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for h in HEADS {
            map.entry(h.word).or_insert(h);
        }
        (Prefilter::new(HEADS.iter().map(|h| h.word)), map)
    });
    if filter.may_contain(word)
        && let Some(h) = by_word.get(word)
    {
        return Some(h);
    }
    // "co-chairman", "vice-chairman", "Co-Chair"
    if !matches!(
        word.as_bytes().first(),
        Some(b'c' | b'C' | b'v' | b'V' | b'd' | b'D')
    ) {
        return None;
    }
    let rest = ["co-", "Co-", "vice-", "Vice-", "deputy-", "Deputy-"]
        .iter()
        .find_map(|pre| word.strip_prefix(pre))?;
    HEADS.iter().find(|h| h.word == rest && h.keeps_qualifiers)
}

/// Abbreviated titles, which take a period.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Adm", "Col",
    "Lt", "Sgt", "Capt", "Rev", "Prof",
];

/// How specific a role found by `match_title` is (compound roles such as "Senate Majority Leader" rank highest).
pub fn rank_of_role(role: &str) -> Rank {
    HEADS.iter().find(|h| h.role == role).map_or(4, |h| h.rank)
}

/// Whether a word is a title word (so a name stops before it).
pub fn is_head(word: &str) -> bool {
    head_of(word).is_some()
}

/// Matches a title whose head word is token `i`; looks back for qualifiers and forward for a period,
/// "-elect" and an "of the Treasury" complement.
pub fn match_title(text: &str, toks: &[Tok], i: usize) -> Option<TitleMatch> {
    let tok = toks.get(i)?;
    if tok.kind != Kind::Word {
        return None;
    }
    let word = tok.text(text);
    let head = head_of(word)?;
    let mut after = i + 1;
    // "Sen." / "Mr." / "Gov." etc.
    if word.len() <= 4
        && ABBREVIATIONS.contains(&word)
        && toks.get(after).is_some_and(|t| t.is_punct(text, "."))
    {
        after += 1;
    }
    // A name after a title never starts a sentence ("the late senator. Speaking with ...").
    if toks.get(after).is_some_and(|t| t.has(SENT)) {
        return None;
    }
    // Qualifiers, backwards.
    let mut quals: SmallVec<[&str; 8]> = SmallVec::new();
    let mut party = None;
    let mut state = None;
    let mut first = i;
    let mut j = i;
    while j > 0 && i - j < 6 {
        let prev = &toks[j - 1];
        if !prev.is_cap() || prev.has(POSS) {
            break;
        }
        let w = prev.text(text);
        let two = (j >= 2 && toks[j - 2].is_cap())
            .then(|| state_by_name(&text[toks[j - 2].start as usize..prev.end as usize]))
            .flatten();
        if let Some(s) = two {
            state.get_or_insert(s);
            quals.push(w);
            quals.push(text_of(text, &toks[j - 2]));
            first = j - 2;
            if toks[j - 2].has(SENT) {
                break;
            }
            j -= 2;
            continue;
        }
        if let Some(p) = party_of(w) {
            party.get_or_insert(p);
        } else if let Some(s) = state_by_name(w) {
            state.get_or_insert(s);
        } else if matches!(w, "Lib" | "Dem" | "Liberal") {
            party.get_or_insert("Liberal Democrat");
        } else if NOT_QUALIFIERS.contains(&w)
            || head_of(w).is_some_and(|h| h.rank < 2)
            || (prev.has(SENT) && !SENTENCE_QUALIFIERS.contains(&w))
            || (!is_stop(w) && !SENTENCE_QUALIFIERS.contains(&w) && !head.keeps_qualifiers)
        {
            break;
        }
        quals.push(w);
        first = j - 1;
        if prev.has(SENT) {
            break;
        }
        j -= 1;
    }
    quals.reverse();
    // Party and state words are not part of the role.
    let role_quals: SmallVec<[&str; 8]> = quals
        .iter()
        .copied()
        .filter(|w| party_of(w).is_none() && state_by_name(w).is_none() && !is_state_part(w))
        .filter(|w| !matches!(*w, "Lib" | "Dem" | "Liberal"))
        .collect();
    if head.word == "General"
        && !matches!(
            role_quals.last(),
            Some(&("Attorney" | "Surgeon" | "Solicitor" | "Inspector"))
        )
    {
        return None;
    }
    let mut role: Cow<'static, str> = Cow::Borrowed(head.role);
    let mut rank = head.rank;
    match (role_quals.last().copied(), head.role) {
        (Some("Vice"), "President") => role = "Vice President".into(),
        (Some("Lieutenant" | "Lt"), "Governor") => role = "Lieutenant Governor".into(),
        (Some("First"), "Lady") => {
            role = "First Lady".into();
            rank = 3;
        }
        (Some("Prime"), "Minister") => role = "Prime Minister".into(),
        _ if head.keeps_qualifiers && !role_quals.is_empty() => {
            role = format!("{} {}", role_quals.join(" "), head.role).into();
            rank = 4;
        }
        _ => {}
    }
    // "Secretary of State", "Chancellor of the Exchequer", "Speaker of the House".
    if toks.get(after).is_some_and(|t| t.text(text) == "of") && head.rank >= 3 {
        let mut k = after + 1;
        let mut comp = Vec::new();
        let the = toks.get(k).is_some_and(|t| t.text(text) == "the");
        if the {
            k += 1;
        }
        while let Some(t) = toks.get(k) {
            let w = t.text(text);
            let joins = w == "and" && toks.get(k + 1).is_some_and(Tok::is_cap) && !comp.is_empty();
            if (t.is_cap() && is_stop(w) && !is_head(w)) || joins {
                comp.push(w);
                k += 1;
            } else {
                break;
            }
        }
        if !comp.is_empty() {
            if head.keeps_qualifiers && head.role != "Leader" {
                let the = if the { "the " } else { "" };
                role = format!("{role} of {the}{}", comp.join(" ")).into();
                rank = 4;
            }
            after = k;
        }
    }
    Some(TitleMatch {
        first,
        after,
        role: (!role.is_empty()).then_some(role),
        rank,
        plural: head.plural,
        party,
        state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn title_at(text: &str, word: &str) -> Option<TitleMatch> {
        let toks = tokenize(text);
        let i = toks.iter().position(|t| t.text(text) == word)?;
        match_title(text, &toks, i)
    }

    #[test]
    fn abbreviations_take_their_period() {
        let text = "said Sen. Mike Lee";
        let m = title_at(text, "Sen").unwrap();
        assert_eq!(m.role.as_deref(), Some("Senator"));
        assert_eq!(m.after, 3);
    }

    #[test]
    fn honorifics_have_no_role() {
        assert_eq!(title_at("and Mr Blair", "Mr").unwrap().role, None);
        assert_eq!(title_at("and Mrs. May", "Mrs").unwrap().role, None);
    }

    #[test]
    fn compound_roles() {
        let m = title_at(
            "Meanwhile, Senate Armed Services Chair Roger Wicker",
            "Chair",
        )
        .unwrap();
        assert_eq!(m.role.as_deref(), Some("Senate Armed Services Chair"));
        let m = title_at("said Vice President Mike Pence", "President").unwrap();
        assert_eq!(m.role.as_deref(), Some("Vice President"));
        let m = title_at("said Prime Minister Tony Blair", "Minister").unwrap();
        assert_eq!(m.role.as_deref(), Some("Prime Minister"));
        let m = title_at("and Attorney General Jeff Sessions", "General").unwrap();
        assert_eq!(m.role.as_deref(), Some("Attorney General"));
        let m = title_at("by Secretary of State Mike Pompeo", "Secretary").unwrap();
        assert_eq!(m.role.as_deref(), Some("Secretary of State"));
        let m = title_at("The Chancellor of the Exchequer Gordon Brown", "Chancellor").unwrap();
        assert_eq!(m.role.as_deref(), Some("Chancellor of the Exchequer"));
    }

    #[test]
    fn party_and_state_qualifiers() {
        let m = title_at("the Labour MP Kate Hoey", "MP").unwrap();
        assert_eq!((m.role.as_deref(), m.party), (Some("MP"), Some("Labour")));
        let m = title_at("A Kentucky Congressman Proposes", "Congressman").unwrap();
        assert_eq!(m.state, Some("Kentucky"));
        let m = title_at("and Republican Sen. Rand Paul", "Sen").unwrap();
        assert_eq!(m.party, Some("R"));
    }

    #[test]
    fn general_needs_a_qualifier() {
        assert!(title_at("at General Motors", "General").is_none());
    }

    #[test]
    fn plural_titles() {
        assert!(
            title_at("Sens. Chuck Schumer and Dick Durbin", "Sens")
                .unwrap()
                .plural
        );
        assert!(
            title_at("senators including Michael Bennet", "senators")
                .unwrap()
                .plural
        );
    }
}
