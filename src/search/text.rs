//! Text normalization shared by the index and the query parser: word tokens, bill numbers, offsets.

use std::ops::ControlFlow;

use super::words::{Word, scan_words};

/// Longest token (in bytes) worth indexing; longer runs are URLs, hashes and noise.
pub const MAX_TOKEN_BYTES: usize = 40;

/// Calls `f(start, end)` with the byte range of every word token of `text`.
///
/// A token is a run of alphanumeric characters, with apostrophes allowed between letters
/// ("O'Rourke", "Massie's").
pub fn for_each_token(text: &str, mut f: impl FnMut(usize, usize)) {
    let _: ControlFlow<()> = try_each_token(text, |s, e| {
        f(s, e);
        ControlFlow::Continue(())
    });
}

/// As [`for_each_token`], stopping at the first token for which `f` breaks (with its value).
pub fn try_each_token<B>(
    text: &str,
    mut f: impl FnMut(usize, usize) -> ControlFlow<B>,
) -> ControlFlow<B> {
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_word, width) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let w = ch.len_utf8();
            if is_apostrophe(ch) {
                (false, w)
            } else {
                (ch.is_alphanumeric(), w)
            }
        };
        if is_word {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start {
            // An apostrophe between two word characters stays inside the token.
            let apostrophe = b == b'\'' || (b >= 0x80 && text[i..].starts_with('\u{2019}'));
            let next_is_word = text[i + width..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if !(apostrophe && next_is_word) {
                f(s, i)?;
                start = None;
            }
        }
        i += width;
    }
    match start {
        Some(s) => f(s, bytes.len()),
        None => ControlFlow::Continue(()),
    }
}

fn is_apostrophe(ch: char) -> bool {
    ch == '\'' || ch == '\u{2019}'
}

/// Normalizes one raw token into `out`: lower case, a possessive `'s` dropped, apostrophes removed.
///
/// Returns false (leaving `out` empty) for tokens too long to be worth indexing.
pub fn normalize_token(raw: &str, out: &mut String) -> bool {
    out.clear();
    if raw.len() > MAX_TOKEN_BYTES {
        return false;
    }
    let raw = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("'S"))
        .or_else(|| raw.strip_suffix("\u{2019}s"))
        .or_else(|| raw.strip_suffix("\u{2019}S"))
        .unwrap_or(raw);
    if raw.is_ascii() {
        for b in raw.bytes() {
            if b != b'\'' {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
    } else {
        for ch in raw.chars() {
            if !is_apostrophe(ch) {
                out.extend(ch.to_lowercase());
            }
        }
    }
    !out.is_empty()
}

/// Calls `f` with every normalized word of `text` (as [`normalize_token`] would give it) in one
/// pass with an ASCII fast path (see [`scan_words`](super::words::scan_words)).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    scan_words(text, |w| match w {
        Word::Ascii(s, e) => {
            let word = &text[s..e];
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                buf.clear();
                buf.push_str(word);
                buf.make_ascii_lowercase();
                f(&buf);
            } else {
                f(word);
            }
        }
        Word::Text(t) => f(t),
    });
}

/// Two words of `text` (byte ranges) joined by one hyphen and made of letters only ("anti" and
/// "Semitism", "health" and "care"): writes them as one lower-case word into `buf` ("antisemitism",
/// "healthcare"), so that the word written solid finds the hyphenated one.
#[inline]
pub fn joined_compound(
    text: &str,
    first: (usize, usize),
    second: (usize, usize),
    buf: &mut String,
) -> bool {
    let letters =
        |(s, e): (usize, usize)| text.as_bytes()[s..e].iter().all(u8::is_ascii_alphabetic);
    if first.1 + 1 != second.0
        || text.as_bytes().get(first.1) != Some(&b'-')
        || !letters(first)
        || !letters(second)
    {
        return false;
    }
    buf.clear();
    buf.push_str(&text[first.0..first.1]);
    buf.push_str(&text[second.0..second.1]);
    buf.make_ascii_lowercase();
    buf.len() <= MAX_TOKEN_BYTES
}

/// The normalized words of a piece of text, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Canonical bill-number prefix for a run of letters ("hr", "h.res" without dots, "publ"), if any.
pub fn bill_prefix(letters: &str) -> Option<&'static str> {
    Some(match letters {
        "hr" => "hr",
        "s" => "s",
        "hres" => "hres",
        "sres" => "sres",
        "hjres" => "hjres",
        "sjres" => "sjres",
        "hconres" => "hconres",
        "sconres" => "sconres",
        "pl" | "publ" | "publaw" => "pl",
        // A state legislature's ("HB 1890", "SB 8"; "House Bill 1890" in the extractor's keys).
        "hb" => "hb",
        "sb" => "sb",
        _ => return None,
    })
}

/// Splits a compact token like "hr1234" or "s744" into a bill key, if it is one.
pub fn compact_bill_key(token: &str) -> Option<String> {
    let lower = token.to_ascii_lowercase();
    let split = lower.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = lower.split_at(split);
    let prefix = bill_prefix(letters)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    if digits.contains('-') && prefix != "pl" {
        return None;
    }
    Some(format!("{prefix}{digits}"))
}

/// Canonical key of a bill number as an extracted bill spells it ("H.R. 3684" -> "hr3684").
pub fn bill_number_key(number: &str) -> Option<String> {
    let compact: String = number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    compact_bill_key(&compact)
}

/// The other reading of a bill number that can be written out: "Senate Bill 1016" is a state
/// senate's bill or S. 1016, "House Bill 1890" a state house's or H.R. 1890 ("s1016" <->
/// "sb1016", "hr1890" <-> "hb1890").
pub fn written_out_twin(key: &str) -> Option<String> {
    let split = key.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = key.split_at(split);
    let twin = match letters {
        "s" => "sb",
        "sb" => "s",
        "hr" => "hb",
        "hb" => "hr",
        _ => return None,
    };
    Some(format!("{twin}{digits}"))
}

/// How a bill key is displayed ("hr1234" -> "H.R. 1234").
pub fn bill_display(key: &str) -> String {
    let split = key.find(|c: char| c.is_ascii_digit()).unwrap_or(key.len());
    let (letters, digits) = key.split_at(split);
    let label = match letters {
        "hr" => "H.R.",
        "s" => "S.",
        "hres" => "H.Res.",
        "sres" => "S.Res.",
        "hjres" => "H.J.Res.",
        "sjres" => "S.J.Res.",
        "hconres" => "H.Con.Res.",
        "sconres" => "S.Con.Res.",
        "pl" => "Pub. L.",
        "hb" => "HB",
        "sb" => "SB",
        other => other,
    };
    format!("{label} {digits}")
}

/// A bill number found in text: its byte range and its key ("hr1234").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Canonical key.
    pub key: String,
}

/// Finds bill numbers written in any common style: "H.R. 1234", "H.R.1234", "HR 1234", "S. 744",
/// "H.J.Res. 3", "Pub. L. 117-58". The first letter must be a capital; "U.S. 2016" is not a bill.
pub fn find_bills(text: &str) -> Vec<BillMention> {
    let bytes = text.as_bytes();
    let mut out: Vec<BillMention> = Vec::new();
    for s in memchr::memchr3_iter(b'H', b'S', b'P', bytes) {
        if out.last().is_some_and(|m| s < m.end) {
            continue;
        }
        if s > 0 {
            let p = bytes[s - 1];
            // Inside a word, after an apostrophe ("IT'S"), or the end of "U.S.".
            if p.is_ascii_alphanumeric() || p == b'\'' || p >= 0x80 {
                continue;
            }
            if p == b'.' && s >= 2 && bytes[s - 2].is_ascii_alphabetic() {
                continue;
            }
        }
        if let Some(m) = bill_at(text, s) {
            out.push(m);
        }
    }
    out
}

/// Reads a bill number starting at byte `s`: letter groups joined by up to two dots or spaces,
/// then a number ending at a word boundary.
fn bill_at(text: &str, s: usize) -> Option<BillMention> {
    let b = text.as_bytes();
    let mut letters = [0u8; 8];
    let mut len = 0;
    let mut i = s;
    for group in 0..4 {
        let g0 = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i == g0 || len + (i - g0) > 7 {
            return None;
        }
        for c in &b[g0..i] {
            letters[len] = c.to_ascii_lowercase();
            len += 1;
        }
        let joined = group == 0 && i < b.len() && b[i].is_ascii_digit();
        if !joined {
            let gap = i;
            while i < b.len() && i - gap < 2 && (b[i] == b'.' || b[i] == b' ') {
                i += 1;
            }
            if i == gap {
                return None;
            }
        }
        if i < b.len() && b[i].is_ascii_digit() {
            let prefix = bill_prefix(std::str::from_utf8(&letters[..len]).ok()?)?;
            let d0 = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let mut number = text[d0..i].to_string();
            if prefix == "pl" {
                let h = i;
                if b.get(h) == Some(&b'-') && b.get(h + 1).is_some_and(u8::is_ascii_digit) {
                    i = h + 1;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    number = text[d0..i].to_string();
                } else {
                    return None;
                }
            }
            let boundary = match b.get(i) {
                None => true,
                Some(c) if c.is_ascii() => !c.is_ascii_alphanumeric(),
                Some(_) => !text[i..].chars().next().is_some_and(char::is_alphanumeric),
            };
            return boundary.then(|| BillMention {
                start: s,
                end: i,
                key: format!("{prefix}{number}"),
            });
        }
    }
    None
}

/// Number of characters before byte offset `byte` of `text`.
pub fn char_offset(text: &str, byte: usize) -> usize {
    if text.is_ascii() {
        byte
    } else {
        text[..byte].chars().count()
    }
}

/// Merges sorted character indexes into half-open ranges: `[0, 1, 2, 5]` -> `[[0, 3], [5, 6]]`.
pub fn indexes_to_ranges(indexes: &[usize], offset: usize) -> Vec<[usize; 2]> {
    let mut out: Vec<[usize; 2]> = Vec::new();
    for &i in indexes {
        let i = i + offset;
        match out.last_mut() {
            Some(last) if last[1] == i => last[1] = i + 1,
            _ => out.push([i, i + 1]),
        }
    }
    out
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
