//! Named legislation: "the Affordable Care Act", "Stop the War on Coal Act of 2012", "Hunting Act 2004",
//! "Prevention of Terrorism Bill", "Kate's Law", and the nicknames in the alias table.

use std::collections::HashSet;

use super::acts_words::{CONNECTIVES, GENERIC, IDIOM_ACTS, LEAD_DROP, LEAD_KEEP, NAME_POSSESSIVES};
use super::aliases::{canonical, nickname};
use super::token::{CAP, Kind, POSS, SENT, Tok};

/// A named bill or act found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Byte range of the name (without a leading "the").
    pub start: usize,
    /// End byte (after the year, if any).
    pub end: usize,
    /// Matching key ("act:affordable care").
    pub key: String,
    /// Canonical title ("Affordable Care Act"), with the year if it was given.
    pub title: String,
    /// The form as written, when it differs from the title ("Obamacare").
    pub written: String,
}

fn is_connective(w: &str) -> bool {
    CONNECTIVES.contains(&w)
}

fn name_word(t: &Tok) -> bool {
    (t.kind == Kind::Word && t.has(CAP)) || t.kind == Kind::Num
}

/// Normalizes a name's words (without the "Act"/"Bill" word and the year) into a key.
pub fn key_of(words: &[&str]) -> String {
    let mut key = Vec::with_capacity(4 + words.iter().map(|w| w.len() + 1).sum::<usize>());
    key.extend_from_slice(b"act:");
    let mut first = true;
    for w in words {
        if w.is_ascii() {
            // The same as below, without allocating.
            if ["the", "a", "an"].iter().any(|x| w.eq_ignore_ascii_case(x)) {
                continue;
            }
            if !first {
                key.push(b' ');
            }
            first = false;
            if *w == "&" {
                key.extend_from_slice(b"and");
            } else {
                key.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
            }
            continue;
        }
        let lw = w.to_lowercase().replace('\u{2019}', "'");
        if matches!(lw.as_str(), "the" | "a" | "an") {
            continue;
        }
        if !first {
            key.push(b' ');
        }
        first = false;
        key.extend_from_slice(if lw == "&" { "and" } else { &lw }.as_bytes());
    }
    // Only ASCII bytes were changed, so the bytes are UTF-8.
    String::from_utf8(key).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Finds the named bills of a text.
/// A nickname at token `i` ("Obamacare"), or glued across two tokens the tokenizer split at a capital
/// (`ObamaCare` is `Obama` + `Care`): its key, title and last token.
fn nickname_at(text: &str, toks: &[Tok], i: usize) -> Option<(&'static str, &'static str, usize)> {
    let t = &toks[i];
    if let Some((key, title)) = nickname(t.text(text)) {
        return Some((key, title, i));
    }
    let next = toks
        .get(i + 1)
        .filter(|n| n.start == t.end && n.kind == Kind::Word)?;
    let (key, title) = nickname(&text[t.start as usize..next.end as usize])?;
    Some((key, title, i + 1))
}

/// When a nickname ("Obamacare") starts at token `i`: pushes it, unless a suffix follows ("Dodd-Frank Act" is
/// found at its "Act"), and says so (the caller moves on to the next token either way).
fn push_nickname(text: &str, toks: &[Tok], i: usize, out: &mut Vec<Named>) -> bool {
    let Some((key, title, last)) = nickname_at(text, toks, i) else {
        return false;
    };
    let next_is_suffix = toks
        .get(last + 1)
        .is_some_and(|n| matches!(n.text(text), "Act" | "Bill" | "Law"));
    if !next_is_suffix {
        let (start, end) = (toks[i].start as usize, toks[last].end as usize);
        out.push(Named {
            start,
            end,
            key: key.to_string(),
            title: title.to_string(),
            written: text[start..end].to_string(),
        });
    }
    true
}

pub fn find_named(text: &str, toks: &[Tok], headline: &[bool]) -> Vec<Named> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.text(text);
        if w == "Deal"
            && i >= 2
            && toks[i - 1].text(text) == "New"
            && toks[i - 2].text(text) == "Green"
        {
            out.push(Named {
                start: toks[i - 2].start as usize,
                end: t.end as usize,
                key: "act:green new deal".into(),
                title: "Green New Deal".into(),
                written: "Green New Deal".into(),
            });
            continue;
        }
        if t.has(CAP) && push_nickname(text, toks, i, &mut out) {
            continue;
        }
        if w == "bill"
            && let Some(n) = super::acts_lower::lower_case_title(text, toks, i)
        {
            out.push(n);
            continue;
        }
        if !matches!(w, "Act" | "Bill" | "Law")
            || i == 0
            || headline.get(i).copied().unwrap_or(false)
        {
            continue;
        }
        if let Some(n) = named_at(text, toks, i) {
            out.push(n);
        }
    }
    out
}

/// Reads a name backwards from its "Act", "Bill" or "Law" at token `i`.
fn named_at(text: &str, toks: &[Tok], i: usize) -> Option<Named> {
    let suffix = toks[i].text(text);
    let next = toks.get(i + 1);
    if suffix == "Bill" && next.is_some_and(|n| n.kind == Kind::Word && n.has(CAP) && !n.has(SENT))
    {
        return None; // "Bill Clinton"
    }
    if suffix == "Act"
        && toks[i - 1].kind == Kind::Word
        && IDIOM_ACTS.contains(&toks[i - 1].text(text).to_ascii_lowercase().as_str())
    {
        return None; // "a Balancing Act"
    }
    let mut first = i;
    let mut j = i;
    while j > 0 {
        let t = &toks[j - 1];
        let w = t.text(text);
        if t.has(POSS) {
            // "Kate's Law", but not "Ryan's Health Care Act", nor an adage ("Murphy's Law": a surname).
            if suffix == "Law" && j == i && t.has(CAP) && super::sets::is_given(w) {
                first = j - 1;
                break;
            }
            // "Women's Health Protection Act": a group's possessive is part of the name.
            if !(j < i && t.has(CAP) && NAME_POSSESSIVES.contains(&w.to_ascii_lowercase().as_str()))
            {
                break;
            }
        }
        if name_word(t) {
            if super::title::is_head(w) && matches!(w, "Sir" | "Lord" | "Lady" | "Dame") {
                return None; // "Sir Bill Morris"
            }
            first = j - 1;
            if t.has(SENT) {
                break;
            }
        } else if is_connective(w)
            && j >= 2
            && (name_word(&toks[j - 2])
                || (j >= 3
                    && matches!(w, "and" | "or")
                    && toks[j - 2].is_punct(text, ",")
                    && name_word(&toks[j - 3]))
                || (j >= 3
                    && matches!(w, "the" | "a" | "an")
                    && matches!(
                        toks[j - 2].text(text),
                        "of" | "to"
                            | "for"
                            | "on"
                            | "in"
                            | "from"
                            | "with"
                            | "against"
                            | "at"
                            | "by"
                    )
                    && name_word(&toks[j - 3])))
        {
            // kept only if a name word precedes it ("Abuse of the Pardon Power Prevention Act")
        } else if let Some(open) = inner_brackets(text, toks, j - 1) {
            // "Safety of Rwanda (Asylum and Immigration) Bill": a bracketed part of the name.
            first = open;
            j = open;
            continue;
        } else if t.is_punct(text, ",") && list_comma(text, toks, j, i) {
            // "Coronavirus Aid, Relief, and Economic Security Act": a list inside the name.
        } else {
            break;
        }
        j -= 1;
    }
    if suffix == "Law" && !(first + 1 == i && toks[first].has(POSS)) {
        return None;
    }
    // Trim the front.
    loop {
        if first >= i {
            return None;
        }
        let t = &toks[first];
        let w = t.text(text);
        let followed_by_conn = toks
            .get(first + 1)
            .is_some_and(|n| is_connective(n.text(text)));
        let number =
            t.kind == Kind::Num && (w.contains('-') || w.bytes().all(|b| b.is_ascii_digit()));
        let drop = !name_word(t)
            || number
            || LEAD_DROP.contains(&w)
            || (t.has(SENT) && followed_by_conn && !LEAD_KEEP.contains(&w));
        if !drop {
            break;
        }
        first += 1;
        while first < i && is_connective(toks[first].text(text)) {
            first += 1;
        }
    }
    let words: Vec<&str> = toks[first..i].iter().map(|t| t.text(text)).collect();
    if words.is_empty() || words.iter().all(|w| is_connective(w)) {
        return None;
    }
    if words.len() == 1 && (GENERIC.contains(&words[0]) || toks[first].kind == Kind::Num) {
        return None;
    }
    Some(build(text, toks, first, i))
}

/// When token `close` is a ")" closing a bracket of name words right after a name word ("Rwanda (Asylum and
/// Immigration)"): the index of the name word before the "(".
fn inner_brackets(text: &str, toks: &[Tok], close: usize) -> Option<usize> {
    if !toks[close].is_punct(text, ")") {
        return None;
    }
    let open = (close.saturating_sub(8)..close)
        .rev()
        .find(|&k| toks[k].is_punct(text, "("))?;
    let inside = &toks[open + 1..close];
    let words_ok = !inside.is_empty()
        && name_word(&inside[0])
        && inside
            .iter()
            .all(|t| name_word(t) || is_connective(t.text(text)));
    let before = open.checked_sub(1)?;
    (words_ok && name_word(&toks[before])).then_some(before)
}

/// Whether the comma at token `j - 1` is inside a name ending at token `i`: a name word before it, a name word
/// after it, and an "and" or "or" later in the name ("Aid, Relief, and Economic Security").
fn list_comma(text: &str, toks: &[Tok], j: usize, i: usize) -> bool {
    j >= 2
        && name_word(&toks[j - 2])
        && !toks[j - 2].has(POSS)
        && toks
            .get(j)
            .is_some_and(|t| name_word(t) || t.text(text) == "and")
        && toks[j..i]
            .iter()
            .any(|t| matches!(t.text(text), "and" | "or"))
}

/// The named bill of tokens `first..i` (names) and `i` ("Act", "Bill", "Law"), with a year after it.
fn build(text: &str, toks: &[Tok], first: usize, i: usize) -> Named {
    let words: Vec<&str> = toks[first..i].iter().map(|t| t.text(text)).collect();
    let next = toks.get(i + 1);
    let mut end = toks[i].end as usize;
    let mut year = None;
    let y_at = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == Kind::Num && t.end - t.start == 4)
            .map(|t| t.text(text))
            .filter(|y| y.starts_with("19") || y.starts_with("20"))
    };
    if !toks[i].has(POSS) {
        if next.is_some_and(|t| t.text(text) == "of")
            && let Some(y) = y_at(i + 2)
        {
            year = Some(format!(" of {y}"));
            end = toks[i + 2].end as usize;
        } else if let Some(y) = y_at(i + 1) {
            year = Some(format!(" {y}"));
            end = toks[i + 1].end as usize;
        }
    }
    let start = toks[first].start as usize;
    let written = text[start..toks[i].end as usize].to_string();
    let raw_key = key_of(&words);
    let (key, title) = match canonical(&raw_key) {
        Some((k, t)) => (k.to_string(), t.to_string()),
        None => (raw_key, written.clone()),
    };
    let title = match year {
        Some(y) if !title.ends_with(&y) => format!("{title}{y}"),
        _ => title,
    };
    Named {
        start,
        end,
        key,
        title,
        written,
    }
}

/// The key of a title as displayed ("Stop the War on Coal Act of 2012" -> "act:stop war on coal").
pub fn title_key(title: &str) -> String {
    let toks = super::token::tokenize(title);
    let Some(i) = toks
        .iter()
        .rposition(|t| matches!(t.text(title), "Act" | "Bill" | "Law"))
    else {
        return key_of(&[title]);
    };
    let raw = key_of(&toks[..i].iter().map(|t| t.text(title)).collect::<Vec<_>>());
    canonical(&raw).map_or(raw, |(k, _)| k.to_string())
}

/// Named bills in a headline, where every word is capitalized: nicknames, and names whose key (or the key
/// of their last words) the body already has.
pub fn find_named_in_title(text: &str, toks: &[Tok], known: &HashSet<String>) -> Vec<Named> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = t.text(text);
        if t.kind != Kind::Word {
            continue;
        }
        if push_nickname(text, toks, i, &mut out) {
            continue;
        }
        if !matches!(w, "Act" | "Bill" | "Law") {
            continue;
        }
        let mut first = i;
        while first > 0
            && (name_word(&toks[first - 1]) || is_connective(toks[first - 1].text(text)))
        {
            first -= 1;
            if toks[first].has(POSS) {
                break;
            }
        }
        for f in first..i {
            if is_connective(toks[f].text(text)) {
                continue;
            }
            let n = build(text, toks, f, i);
            if known.contains(&n.key) {
                out.push(n);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "acts_tests.rs"]
mod tests;
