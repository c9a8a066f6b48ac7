//! Titles before a name ("Sen.", "House Speaker", "Secretary of State", "Labour MP") and the role they give.

use std::borrow::Cow;

use smallvec::SmallVec;

use super::party::party_at;
use super::sets::{Prefilter, is_stop};
use super::tables::{is_state_part, party_of, state_by_name};
use super::title_words::{HEADS, Head, NOT_QUALIFIERS, SENTENCE_QUALIFIERS};
use super::token::{Kind, POSS, SENT, Tok};

pub use super::title_words::Rank;

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
    // "Prime Minister's Questions", "the Speaker's Lobby": a possessive title word owns a thing, not a name.
    if tok.has(POSS) {
        return None;
    }
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
            quals.push(toks[j - 2].text(text));
            first = j - 2;
            if toks[j - 2].has(SENT) {
                break;
            }
            j -= 2;
            continue;
        }
        if let Some(p) = party_at(text, toks, j - 1) {
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
#[path = "title_tests.rs"]
mod tests;
