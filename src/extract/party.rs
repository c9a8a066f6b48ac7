//! Party and state after a name: "(R-Ky.)", ", R-Ky.,", "(R., Ill.)", "of Kentucky", ", a Republican from Texas".

use super::tables::{party_of, state_by_abbrev, state_by_name};
use super::token::Tok;

/// What follows a name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affiliation {
    /// "R", "D", "I", "Labour", ...
    pub party: Option<&'static str>,
    /// Spelled-out state.
    pub state: Option<&'static str>,
}

fn party_letter(c: u8) -> Option<&'static str> {
    match c {
        b'R' => Some("R"),
        b'D' => Some("D"),
        b'I' => Some("I"),
        _ => None,
    }
}

/// Parses "(R-Ky.)", "(D-N.Y.)", "(R., Ill.)", "(R)", ", R-Ky.," starting at byte `at` (just after a name).
pub fn bracketed(text: &str, at: usize) -> Option<Affiliation> {
    let rest = text.get(at..)?.as_bytes();
    let mut i = 0;
    while rest.get(i) == Some(&b' ') {
        i += 1;
    }
    let open = *rest.get(i)?;
    if open != b'(' && open != b',' {
        return None;
    }
    i += 1;
    while rest.get(i) == Some(&b' ') {
        i += 1;
    }
    let party = party_letter(*rest.get(i)?)?;
    i += 1;
    // "(R)" alone.
    if open == b'(' && rest.get(i) == Some(&b')') {
        return Some(Affiliation {
            party: Some(party),
            state: None,
        });
    }
    // Separator: '-', an en or em dash, '.', ',' and spaces, in any mix.
    let sep_start = i;
    loop {
        match rest.get(i) {
            Some(b'-' | b'.' | b',' | b' ') => i += 1,
            Some(0xE2)
                if rest.get(i + 1) == Some(&0x80)
                    && matches!(rest.get(i + 2), Some(0x93 | 0x94)) =>
            {
                i += 3;
            }
            _ => break,
        }
    }
    if i == sep_start || i - sep_start > 4 {
        return None;
    }
    let state_start = i;
    while let Some(&c) = rest.get(i) {
        if c == b')' || c == b',' || i - state_start > 16 {
            break;
        }
        i += 1;
    }
    let closed = match rest.get(i) {
        Some(b')') => open == b'(',
        Some(b',') => true,
        _ => false,
    };
    let raw = std::str::from_utf8(&rest[state_start..i]).ok()?.trim();
    let state = if closed {
        state_by_abbrev(raw)?
    } else if open == b',' {
        // ", R-Ky. The bill": the state ends at a space.
        raw.split(' ').next().and_then(state_by_abbrev)?
    } else {
        return None;
    };
    Some(Affiliation {
        party: Some(party),
        state: Some(state),
    })
}

/// Parses "of Kentucky" / "of New York" after a name; returns the state and the token index after it.
pub fn of_state(text: &str, toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    if toks.get(i)?.text(text) != "of" {
        return None;
    }
    for n in (1..=3).rev() {
        let (Some(a), Some(b)) = (toks.get(i + 1), toks.get(i + n)) else {
            continue;
        };
        if !(i + 1..=i + n).all(|k| toks[k].is_cap()) {
            continue;
        }
        let name = &text[a.start as usize..b.end as usize];
        if let Some(state) = state_by_name(name) {
            // Not "of New York City", "of Texas A&M".
            if toks
                .get(i + n + 1)
                .is_some_and(|t| t.is_cap() && !t.has(super::token::SENT))
            {
                return None;
            }
            return Some((state, i + n + 1));
        }
    }
    None
}

/// The party the word at `k` names; "Democrat" after "Liberal" or "Lib" is the UK's Liberal Democrats, not the US
/// party ("Liberal Democrat leader Charles Kennedy").
pub fn party_at(text: &str, toks: &[Tok], k: usize) -> Option<&'static str> {
    let p = party_of(toks[k].text(text))?;
    let liberal = p == "D" && k >= 1 && matches!(toks[k - 1].text(text), "Liberal" | "Lib");
    Some(if liberal { "Liberal Democrat" } else { p })
}

/// Parses ", a Republican from Texas" / ", the Kentucky Republican" / ", a Democrat," starting at token `i`.
pub fn described(text: &str, toks: &[Tok], i: usize) -> Option<(Affiliation, usize)> {
    if !toks.get(i)?.is_punct(text, ",") {
        return None;
    }
    let art = toks.get(i + 1)?.text(text);
    // ", a Republican from Texas" or, in lists, ", Florida Republican,".
    let bare = !matches!(art, "a" | "an" | "the");
    let mut out = Affiliation::default();
    let mut k = if bare { i + 1 } else { i + 2 };
    let mut words = 0;
    while let Some(t) = toks.get(k) {
        if words > 4 {
            break;
        }
        let w = t.text(text);
        if let Some(p) = party_of(w) {
            out.party = Some(p);
        } else if let Some(s) = state_by_name(w) {
            out.state = Some(s);
        } else if t.is_cap() && toks.get(k + 1).is_some_and(Tok::is_cap) {
            let two = &text[t.start as usize..toks[k + 1].end as usize];
            if let Some(s) = state_by_name(two) {
                out.state = Some(s);
                k += 1;
            } else {
                break;
            }
        } else if w == "from" && out.party.is_some() && !bare {
            // "a Republican from Texas"
        } else {
            break;
        }
        words += 1;
        k += 1;
    }
    if bare {
        let closes = toks
            .get(k)
            .is_none_or(|t| matches!(t.text(text), "," | ";" | ")" | "."));
        if out.state.is_none() || !closes {
            return None;
        }
    }
    out.party.is_some().then_some((out, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn br(s: &str) -> Option<(Option<&'static str>, Option<&'static str>)> {
        bracketed(s, 0).map(|a| (a.party, a.state))
    }

    #[test]
    fn bracketed_forms() {
        assert_eq!(br(" (R-Ky.) said"), Some((Some("R"), Some("Kentucky"))));
        assert_eq!(br(", R-Ky., said"), Some((Some("R"), Some("Kentucky"))));
        assert_eq!(br(" (D-NY)"), Some((Some("D"), Some("New York"))));
        assert_eq!(br(" (D-N.Y.)"), Some((Some("D"), Some("New York"))));
        assert_eq!(br(" (R-Utah)"), Some((Some("R"), Some("Utah"))));
        assert_eq!(br(" (R., Ill.)"), Some((Some("R"), Some("Illinois"))));
        assert_eq!(
            br(" (D\u{2013}Calif.)"),
            Some((Some("D"), Some("California")))
        );
        assert_eq!(br(" (R-W.Va.)"), Some((Some("R"), Some("West Virginia"))));
        assert_eq!(br(" (I)"), Some((Some("I"), None)));
        assert_eq!(br(", R-Texas."), Some((Some("R"), Some("Texas"))));
    }

    #[test]
    fn bracketed_rejects_other_text() {
        assert_eq!(br(" (Reuters)"), None);
        assert_eq!(br(", D. Smith said"), None);
        assert_eq!(br(" said"), None);
        assert_eq!(br(" (R-Nowhere)"), None);
    }

    #[test]
    fn of_state_forms() {
        let text = "Massie of Kentucky introduced; Lee of New York City; Ann of New Jersey.";
        let toks = tokenize(text);
        assert_eq!(of_state(text, &toks, 1), Some(("Kentucky", 3)));
        let i = toks.iter().position(|t| t.text(text) == "Lee").unwrap() + 1;
        assert_eq!(of_state(text, &toks, i), None);
        let i = toks.iter().position(|t| t.text(text) == "Ann").unwrap() + 1;
        assert_eq!(of_state(text, &toks, i).map(|s| s.0), Some("New Jersey"));
    }

    #[test]
    fn described_forms() {
        let text = "Cruz, a Republican from Texas, said";
        let toks = tokenize(text);
        let a = described(text, &toks, 1).unwrap().0;
        assert_eq!((a.party, a.state), (Some("R"), Some("Texas")));
        let text = "Paul, the Kentucky Republican, said";
        let toks = tokenize(text);
        let a = described(text, &toks, 1).unwrap().0;
        assert_eq!((a.party, a.state), (Some("R"), Some("Kentucky")));
        let text = "Reps. Tom Rooney, Florida Republican, and";
        let toks = tokenize(text);
        let a = described(text, &toks, 4).unwrap().0;
        assert_eq!((a.party, a.state), (Some("R"), Some("Florida")));
        let text = "Paul, Florida Republicans said";
        let toks = tokenize(text);
        assert!(described(text, &toks, 1).is_none());
        let text = "Paul, the senator, said";
        let toks = tokenize(text);
        assert!(described(text, &toks, 1).is_none());
    }
}
