//! UK bills named in lower case: "the prevention of terrorism bill" is the Prevention of Terrorism Bill.

use super::acts::{Named, key_of};
use super::token::{Kind, Tok};

/// Words that may not be the object of a bill's "of": determiners and pronouns ("the passage of the bill").
const NOT_OBJECT: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "any", "every", "such", "which", "what", "whose", "some", "all", "no", "one", "its",
    "and", "or", "new",
];

/// Whether a lower-case word may head a bill's title: a noun of action or state ("prevention", "abolition",
/// "freedom", "management"), or "repeal" and "reform"; not "rest", "cost" or "passage".
fn title_head(w: &str) -> bool {
    ["tion", "sion", "dom", "ment", "ance", "ence", "ity"]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || matches!(w, "repeal" | "reform")
}

fn lower_word(t: &Tok, text: &str) -> bool {
    t.kind == Kind::Word
        && t.text(text)
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-')
}

/// A lower-case title before "bill" at token `i`: "the [draft] HEAD of OBJECT [OBJECT] bill".
pub(super) fn lower_case_title(text: &str, toks: &[Tok], i: usize) -> Option<Named> {
    let w = |k: usize| toks[k].text(text);
    // One or two object words after "of".
    let of = (1..=2)
        .map(|n| i.checked_sub(n + 1))
        .find_map(|k| k.filter(|&k| w(k) == "of"))?;
    let head = of.checked_sub(1)?;
    let objects = of + 1..i;
    if objects
        .clone()
        .any(|k| !lower_word(&toks[k], text) || NOT_OBJECT.contains(&w(k)))
        || !lower_word(&toks[head], text)
        || !title_head(w(head))
    {
        return None;
    }
    let mut before = head.checked_sub(1)?;
    if w(before) == "draft" {
        before = before.checked_sub(1)?;
    }
    if !matches!(w(before), "the" | "its" | "government's") {
        return None;
    }
    let words: Vec<&str> = (head..i).map(w).collect();
    let title = words
        .iter()
        .map(|x| {
            if *x == "of" {
                (*x).to_string()
            } else {
                let mut c = x.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<String>>()
        .join(" ");
    Some(Named {
        start: toks[head].start as usize,
        end: toks[i].end as usize,
        key: key_of(&words),
        title: format!("{title} Bill"),
        written: text[toks[head].start as usize..toks[i].end as usize].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::lower_case_title;
    use crate::extract::token::tokenize;

    fn title(text: &str) -> Option<String> {
        let toks = tokenize(text);
        let i = toks.iter().rposition(|t| t.text(text) == "bill")?;
        lower_case_title(text, &toks, i).map(|n| n.title)
    }

    #[test]
    fn a_lower_case_title_of_action_and_object_is_a_bill() {
        assert_eq!(
            title("MPs will vote on the prevention of terrorism bill today").as_deref(),
            Some("Prevention of Terrorism Bill")
        );
        assert_eq!(
            title("the draft abolition of slavery bill").as_deref(),
            Some("Abolition of Slavery Bill")
        );
    }

    #[test]
    fn a_phrase_about_a_bill_is_not_its_title() {
        for text in [
            "the passage of the bill",
            "the rest of the spending bill",
            "the cost of the bill",
            "the version of this bill",
        ] {
            assert_eq!(title(text), None, "{text}");
        }
    }
}
