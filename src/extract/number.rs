//! Numbered bills: H.R. 1234, S. 56, H.J.Res. 3, Pub. L. 117-58 and their spellings, normalized to one key.

use chrono::{Datelike, NaiveDate};

use super::sets::is_given;
use super::token::{Kind, Tok};

/// A bill number found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Byte range of the whole citation.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Matching key ("hr1234-117", "s56", "pl117-58").
    pub key: String,
    /// Display form ("H.R. 1234").
    pub label: String,
    /// "House" or "Senate" (none for public laws).
    pub chamber: Option<&'static str>,
}

/// The Congress in session on a date, when the date makes it clear (a new Congress meets on January 3
/// of odd years, so January 1-3 of those years is left open).
pub fn congress_of(date: NaiveDate) -> Option<i32> {
    let year = date.year();
    if year < 1789 {
        return None;
    }
    if year % 2 == 1 && date.month() == 1 && date.day() <= 3 {
        return None;
    }
    Some((year - 1789) / 2 + 1)
}

/// The kinds of citation: letters as written without periods or spaces, upper case.
const KINDS: &[(&str, &str, &str, Option<&str>)] = &[
    // (code, key prefix, label prefix, chamber)
    ("HR", "hr", "H.R.", Some("House")),
    ("HRES", "hres", "H.Res.", Some("House")),
    ("HJRES", "hjres", "H.J.Res.", Some("House")),
    ("HCONRES", "hconres", "H.Con.Res.", Some("House")),
    ("S", "s", "S.", Some("Senate")),
    ("SRES", "sres", "S.Res.", Some("Senate")),
    ("SJRES", "sjres", "S.J.Res.", Some("Senate")),
    ("SCONRES", "sconres", "S.Con.Res.", Some("Senate")),
    // State legislatures' bills ("HB 1557", "SB 8"): no Congress, no chamber of Congress.
    ("HB", "hb", "HB", None),
    ("SB", "sb", "SB", None),
    ("PL", "pl", "Pub. L.", None),
    ("PUBL", "pl", "Pub. L.", None),
    ("PUBLICLAW", "pl", "Pub. L.", None),
];

/// Parses a citation starting at byte `p`.
#[allow(clippy::many_single_char_names)]
fn parse_at(text: &str, p: usize, congress: Option<i32>) -> Option<Number> {
    let b = text.as_bytes();
    if p > 0 && (b[p - 1].is_ascii_alphanumeric() || b[p - 1] == b'.' || b[p - 1] >= 0x80) {
        return None;
    }
    let mut i = p;
    let mut code = String::new();
    let mut dotted = false;
    let mut chunks = 0;
    loop {
        let s = i;
        while i < b.len() && b[i].is_ascii_alphabetic() && i - s < 6 {
            i += 1;
        }
        if i == s {
            break;
        }
        if chunks == 0 && !b[s].is_ascii_uppercase() {
            return None;
        }
        code.push_str(&text[s..i].to_ascii_uppercase());
        chunks += 1;
        let mut had_dot = false;
        if b.get(i) == Some(&b'.') {
            i += 1;
            had_dot = true;
            dotted = true;
        }
        // A space may follow a period ("H. R."), or separate "Public Law" and "HR 1234".
        if b.get(i) == Some(&b' ')
            && (had_dot || code == "PUBLIC" || code == "HR" || code.len() > 1)
        {
            if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
                continue;
            }
            i += 1;
            break;
        }
        if !had_dot || b.get(i).is_some_and(u8::is_ascii_digit) {
            break;
        }
        if chunks > 4 {
            return None;
        }
    }
    // "Pub. L. No. 117-58"
    if code.ends_with("NO") && code.len() > 2 {
        code.truncate(code.len() - 2);
    }
    let &(_, key, label, chamber) = KINDS.iter().find(|k| k.0 == code)?;
    if code == "S" && !dotted {
        return None;
    }
    if code == "PL" && !dotted && !text[p..].starts_with("PL ") {
        return None;
    }
    let ds = i;
    while i < b.len() && b[i].is_ascii_digit() && i - ds < 5 {
        i += 1;
    }
    if i == ds || b[ds] == b'0' {
        return None;
    }
    let num = &text[ds..i];
    let law = key == "pl";
    let (num_key, num_label) = if law {
        // "117-58"
        if !matches!(b.get(i), Some(b'-')) {
            return None;
        }
        let s2 = i + 1;
        let mut j = s2;
        while j < b.len() && b[j].is_ascii_digit() && j - s2 < 5 {
            j += 1;
        }
        if j == s2 {
            return None;
        }
        let n = format!("{num}-{}", &text[s2..j]);
        i = j;
        (n.clone(), n)
    } else {
        (num.to_string(), num.to_string())
    };
    // Not "S. 5.5", "H.R. 12a", "S. 2016-17".
    match b.get(i) {
        Some(c) if c.is_ascii_alphanumeric() => return None,
        Some(b'.' | b',' | b'-') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => return None,
        Some(b'%') => return None,
        _ => {}
    }
    let key = match (law, congress) {
        (false, Some(c)) if chamber.is_some() => format!("{key}{num_key}-{c}"),
        _ => format!("{key}{num_key}"),
    };
    Some(Number {
        start: p,
        end: i,
        key,
        label: format!("{label} {num_label}"),
        chamber,
    })
}

/// Finds every bill number in a text.
pub fn find_numbers(text: &str, toks: &[Tok], date: Option<NaiveDate>) -> Vec<Number> {
    let congress = date.and_then(congress_of);
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word
            || (t.start as usize) < skip_to
            || !matches!(text.as_bytes()[t.start as usize], b'H' | b'S' | b'P')
        {
            continue;
        }
        let w = t.text(text);
        if !matches!(
            w,
            "H" | "HR"
                | "S"
                | "P"
                | "PL"
                | "Pub"
                | "Public"
                | "HRes"
                | "SRes"
                | "HJRes"
                | "SJRes"
                | "HConRes"
                | "SConRes"
                | "HB"
                | "SB"
                | "House"
                | "Senate"
        ) {
            continue;
        }
        if matches!(w, "House" | "Senate") {
            if let Some(n) = state_bill(text, toks, i) {
                skip_to = n.end;
                out.push(n);
            }
            continue;
        }
        if w == "S" && !s_allowed(text, toks, i) {
            continue;
        }
        if let Some(n) = parse_at(text, t.start as usize, congress) {
            skip_to = n.end;
            out.push(n);
        }
    }
    out
}

/// A state legislature's bill written out: "House Bill 1557", "Senate Bill 8".
fn state_bill(text: &str, toks: &[Tok], i: usize) -> Option<Number> {
    let bill = toks.get(i + 1)?;
    let num = toks.get(i + 2)?;
    if bill.text(text) != "Bill" || num.kind != Kind::Num {
        return None;
    }
    let digits = num.text(text);
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 5 || digits.starts_with('0') {
        return None;
    }
    let w = toks[i].text(text);
    let key = if w == "House" { "hb" } else { "sb" };
    Some(Number {
        start: toks[i].start as usize,
        end: num.end as usize,
        key: format!("{key}{digits}"),
        label: format!("{w} Bill {digits}"),
        chamber: None,
    })
}

/// "S. 56" is a bill, but not in "U.S. 40", "U. S. 40" or after a given name ("Harry S. 1945").
fn s_allowed(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|j| &toks[j]) else {
        return true;
    };
    if prev.is_punct(text, ".") && i >= 2 {
        let pp = toks[i - 2].text(text);
        if pp == "U" || pp.len() == 1 {
            return false;
        }
    }
    !(prev.is_cap() && is_given(prev.text(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn keys(text: &str, year: Option<i32>) -> Vec<(String, String)> {
        let date = year.and_then(|y| NaiveDate::from_ymd_opt(y, 6, 1));
        let toks = tokenize(text);
        find_numbers(text, &toks, date)
            .into_iter()
            .map(|n| (n.key, n.label))
            .collect()
    }

    fn one(text: &str) -> Option<String> {
        keys(text, None).into_iter().next().map(|k| k.0)
    }

    #[test]
    fn state_bills_have_no_congress() {
        let got = keys(
            "Florida's House Bill 1557 and Texas's SB 8, not the House bill 12 or Senate Bill 0.",
            Some(2022),
        );
        assert_eq!(
            got,
            [
                ("hb1557".to_string(), "House Bill 1557".to_string()),
                ("sb8".to_string(), "SB 8".to_string())
            ]
        );
        assert_eq!(one("HB 2"), Some("hb2".to_string()));
    }

    #[test]
    fn house_bill_spellings_share_a_key() {
        for text in [
            "H.R. 1234",
            "H.R.1234",
            "HR 1234",
            "H. R. 1234",
            "H.R 1234",
            "(H.R. 1234)",
        ] {
            assert_eq!(one(text).as_deref(), Some("hr1234"), "{text}");
        }
    }

    #[test]
    fn senate_bills() {
        assert_eq!(one("the bill, S. 56, passed").as_deref(), Some("s56"));
        assert_eq!(one("S.744 passed").as_deref(), Some("s744"));
        assert_eq!(one("S 744 passed"), None);
    }

    #[test]
    fn resolutions() {
        assert_eq!(one("H.Res. 7").as_deref(), Some("hres7"));
        assert_eq!(one("H. Res. 7").as_deref(), Some("hres7"));
        assert_eq!(one("S.Res. 9").as_deref(), Some("sres9"));
        assert_eq!(one("H.J.Res. 3").as_deref(), Some("hjres3"));
        assert_eq!(one("H.J. Res. 3").as_deref(), Some("hjres3"));
        assert_eq!(one("S.J.Res. 3").as_deref(), Some("sjres3"));
        assert_eq!(one("H.Con.Res. 1").as_deref(), Some("hconres1"));
        assert_eq!(one("S.Con.Res. 1").as_deref(), Some("sconres1"));
    }

    #[test]
    fn public_laws() {
        assert_eq!(one("Public Law 117-58").as_deref(), Some("pl117-58"));
        assert_eq!(one("Pub. L. 117-58").as_deref(), Some("pl117-58"));
        assert_eq!(one("Pub. L. No. 117-58").as_deref(), Some("pl117-58"));
        assert_eq!(one("P.L. 117-58").as_deref(), Some("pl117-58"));
        assert_eq!(one("Public Law 117").as_deref(), None);
    }

    #[test]
    fn labels_are_normalized() {
        assert_eq!(keys("H. R. 3684", None)[0].1, "H.R. 3684");
        assert_eq!(keys("H.J. Res. 3", None)[0].1, "H.J.Res. 3");
        assert_eq!(keys("P.L. 117-58", None)[0].1, "Pub. L. 117-58");
    }

    #[test]
    fn congress_from_the_date() {
        assert_eq!(keys("H.R. 3684", Some(2021))[0].0, "hr3684-117");
        assert_eq!(keys("Pub. L. 117-58", Some(2021))[0].0, "pl117-58");
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(congress_of(d(2021, 1, 2)), None);
        assert_eq!(congress_of(d(2021, 1, 4)), Some(117));
        assert_eq!(congress_of(d(2022, 1, 2)), Some(117));
        assert_eq!(congress_of(d(2020, 12, 31)), Some(116));
        assert_eq!(congress_of(d(2017, 9, 12)), Some(115));
    }

    #[test]
    fn not_court_citations_or_initials() {
        assert!(keys("the U.S. 2016 election", None).is_empty());
        assert!(keys("troops in the U.S. 40 years", None).is_empty());
        assert!(keys("Dennis v. United States, 341 U.S. 494", None).is_empty());
        assert!(keys("the U. S. 40 times", None).is_empty());
        assert!(keys("Harry S. 1945 Truman", None).is_empty());
        assert!(keys("S. 5.5 percent", None).is_empty());
        assert!(keys("HR1234x", None).is_empty());
    }

    #[test]
    fn spans_cover_the_citation() {
        let text = "see H. R. 3684 now";
        let toks = tokenize(text);
        let n = &find_numbers(text, &toks, None)[0];
        assert_eq!(&text[n.start..n.end], "H. R. 3684");
    }
}
