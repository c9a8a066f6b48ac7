//! Page furniture removed from bodies at load: hover cards, photo captions, sign-up and "Read more" blocks.
//!
//! News pages scraped as text keep things that are not the story: The Hill's inline hover cards (a name,
//! the full name glued to three unrelated headlines, then `MORE`), photo captions and credits ("Enlarge
//! this image toggle caption …"), newsletter sign-ups, "Advertisement", copyright lines and lists of
//! related headlines after "Read more:". They would yield search matches and people and bills that the
//! story does not mention, so they go before extraction and indexing see the text.

use memchr::memmem;

/// Paragraphs that are furniture when they are exactly this (compared case-insensitively, trimmed).
const WHOLE: &[&str] = &[
    "advertisement",
    "advertisement:",
    "advertisement continue reading the main story",
    "story continued below",
    "story continues below",
    "story continues below video.",
    "continue reading",
    "continue reading below",
    "more on this...",
    "join the conversation",
    "browser not compatible.",
    "can't see the video? click here.",
    "x youtube video",
    "youtube",
    "photo",
    "usa today",
    "click here for the poll results.",
];

/// Paragraphs that are furniture when they start with this (case-insensitive).
const STARTS: &[&str] = &[
    "enlarge this image",
    "toggle caption",
    "image copyright",
    "image caption",
    "sign up for ",
    "sign up here for ",
    "sign up to receive",
    "copyright ©",
    "click here to get the fox news app",
    "click to get the fox news app",
    "click here for reprint permission",
    "slideshow (",
    "follow @",
    "- follow the ticker",
    "by signing up you agree",
    "get our top investigations",
    "visit nbcnews.com",
    "file photo:",
    "to contact the reporter",
    "to contact the editor",
    "to contact the senior editor",
];

/// Photo credits: a short paragraph holding one of these is a caption.
const CREDITS: &[&str] = &[
    "REUTERS/",
    "Reuters/",
    "/Getty Images",
    "/ Getty Images",
    "via Getty Images",
    "(Getty Images)",
    "/AP Photo",
    "(AP Photo",
    "AP Photo/",
    "/AP)",
    "(Photo: ",
    "(Photo by ",
    "Photo by ",
    "/Bloomberg",
    "/AFP",
    "(AFP",
    "/Pool",
    "/EPA",
    "/Shutterstock",
    "/The Washington Post",
    "/The New York Times",
    "/File)",
    "(File Photo",
];

/// The most words a caption has.
const CAPTION_WORDS: usize = 70;

/// Headings after which short headline paragraphs are a list of links (removed with the heading).
const LINK_HEADINGS: &[&str] = &[
    "read more:",
    "read more",
    "related:",
    "related coverage:",
    "see also:",
    "and see:",
    "more on this...",
    "recommended:",
];

/// Paragraphs starting with one of these (a link, not a sentence) are furniture when short.
const SHORT_STARTS: &[&str] = &[
    "read more:",
    "related:",
    "see also:",
    "and see:",
    "watch:",
    "watch live:",
    "listen:",
    "( photos:",
    "(photos:",
    "( graphic:",
    "(graphic:",
    "( video:",
    "(video:",
    "related coverage ",
    "contributing:",
    "additional reporting by ",
    "reporting by ",
    "editing by ",
];

/// A short paragraph has at most this many words.
const SHORT_WORDS: usize = 24;

/// How far before `MORE` a hover card may begin (bytes).
const CARD_SPAN: usize = 1200;

/// Removes furniture from a body (paragraphs separated by newlines). Returns the text unchanged (not
/// copied) when there is none.
pub fn strip(body: String) -> String {
    let cards = memmem::find(body.as_bytes(), b" MORE").is_some();
    let body = if cards { strip_cards(&body) } else { body };
    strip_paragraphs(body)
}

/// Bytes of a paragraph's head compared with the patterns (all of them are shorter).
const HEAD: usize = 48;

/// Whether `p` (one paragraph, trimmed) is furniture on its own.
fn is_furniture(p: &str) -> bool {
    if p.len() > 400 {
        return false;
    }
    // Every pattern is ASCII and short: compare a lower-cased head of the paragraph, in a buffer on
    // the stack, not a lower-cased copy of all of it (this runs on every paragraph of every story).
    let mut buf = [0u8; HEAD];
    let n = p.len().min(HEAD);
    for (b, c) in buf.iter_mut().zip(p.as_bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let head = &buf[..n];
    let whole = p.len() <= HEAD;
    if (whole && WHOLE.iter().any(|w| w.as_bytes() == head))
        || STARTS.iter().any(|s| head.starts_with(s.as_bytes()))
    {
        return true;
    }
    // Words counted up to one past the largest limit below.
    let words = p.split_whitespace().take(49).count();
    if words <= SHORT_WORDS && SHORT_STARTS.iter().any(|s| head.starts_with(s.as_bytes())) {
        return true;
    }
    // "Sen. X speaks at a hearing. (Photo: John Locher, AP)", "... REUTERS/Jonathan Ernst".
    if words <= CAPTION_WORDS && CREDITS.iter().any(|c| p.contains(c)) {
        return true;
    }
    if words > 48 {
        return false;
    }
    let lower = p.to_lowercase();
    // "Fox News' Alex Pappas, Mike Emanuel and Chad Pergram contributed to this report." and its variants.
    if [
        "contributed to this report",
        "contributed to this article",
        "contributed to this story",
        "contributed reporting",
    ]
    .iter()
    .any(|c| lower.contains(c))
    {
        return true;
    }
    if words > 30 {
        return false;
    }
    // Fox News' inline related headlines and calls to click are whole paragraphs in capitals.
    if words >= 3 && is_shouted(p) {
        return true;
    }
    // "Jordain Carney contributed." / "The Associated Press contributed to this report."
    words <= 12 && lower.ends_with(" contributed.")
}

/// Every letter is a capital (and there are a few).
fn is_shouted(p: &str) -> bool {
    // The lower-case test first: it stops at the first small letter of an ordinary paragraph.
    !p.chars().any(char::is_lowercase) && p.chars().filter(|c| c.is_alphabetic()).count() >= 12
}

/// A heading that introduces a list of related links.
fn is_link_heading(p: &str) -> bool {
    // No lower-cased copy of every paragraph: the headings are short and ASCII.
    p.len() <= 24 && LINK_HEADINGS.iter().any(|h| h.eq_ignore_ascii_case(p))
}

/// A related headline: short, and not ended like a sentence.
fn is_headline(p: &str) -> bool {
    let words = p.split_whitespace().count();
    words > 0 && words <= SHORT_WORDS && !p.ends_with(['.', '!', '?', '"', '\u{201d}', ':'])
}

fn strip_paragraphs(body: String) -> String {
    let mut drop = false;
    let mut keep: Vec<&str> = Vec::new();
    let mut links = false;
    for line in body.split('\n') {
        let p = line.trim();
        if p.is_empty() {
            keep.push(line);
            continue;
        }
        if links && is_headline(p) {
            drop = true;
            continue;
        }
        links = false;
        if is_link_heading(p) {
            links = true;
            drop = true;
        } else if is_furniture(p) {
            drop = true;
        } else {
            keep.push(line);
        }
    }
    if !drop {
        return body;
    }
    // Rejoin, keeping at most one blank line between paragraphs and none at the ends.
    let mut out = String::with_capacity(body.len());
    let mut blank = false;
    for line in keep {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Removes The Hill's hover cards: "Joni Ernst Joni Kay `ErnstTrump` holds … Overnight Defense: …
/// MORE (Iowa)" becomes "Joni Ernst (Iowa)". A card is recognised by the shown name's last word repeated
/// at the end of the full name (often glued to the first headline), within the paragraph before `MORE`.
fn strip_cards(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut done = 0;
    for more in memmem::find_iter(body.as_bytes(), b" MORE") {
        let end = more + " MORE".len();
        if more < done || !word_ends(body, end) {
            continue;
        }
        if let Some(cut) = card_start(body, done, more) {
            out.push_str(&body[done..cut]);
            done = end;
        }
    }
    out.push_str(&body[done..]);
    out
}

/// True when `at` ends a word (the end, a space or punctuation follows).
fn word_ends(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Where a card that ends with the `MORE` at `more` begins (the end of the shown name), if it is one.
fn card_start(body: &str, floor: usize, more: usize) -> Option<usize> {
    let mut from = more.saturating_sub(CARD_SPAN).max(floor);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    // No card crosses a paragraph.
    let base = from + body[from..more].rfind('\n').map_or(0, |i| i + 1);
    let region = &body[base..more];
    let tokens: Vec<(usize, &str)> = region
        .split(' ')
        .scan(0usize, |at, t| {
            let start = *at;
            *at += t.len() + 1;
            Some((start, t))
        })
        .filter(|(_, t)| !t.is_empty())
        .collect();
    // The shown name's last word (A) comes back at the end of the full name (B), one to five
    // capitalised words later, and B is followed by the headlines; of several such pairs, the one
    // with the most words between (the full name, not a first name repeated) and then the last.
    let mut best: Option<(usize, usize)> = None;
    for (a, &(start, last)) in tokens.iter().enumerate() {
        if !is_name_word(last) {
            continue;
        }
        for b in a + 2..(a + 7).min(tokens.len().saturating_sub(1)) {
            let between = &tokens[a + 1..b];
            if !between
                .iter()
                .all(|(_, w)| w.starts_with(|c: char| c.is_uppercase() || c == '('))
            {
                break;
            }
            if repeats(tokens[b].1, last) && best.is_none_or(|(n, _)| between.len() >= n) {
                best = Some((between.len(), base + start + last.len()));
            }
        }
    }
    best.map(|(_, cut)| cut)
}

/// A capitalised word of a name ("Ernst", "O'Rourke", "Ocasio-Cortez").
fn is_name_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.len() > 1
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-' || c == '\u{2019}')
}

/// `token` is `last`, or `last` glued to the first headline (`ErnstTrump`, `McConnellGOP`).
fn repeats(token: &str, last: &str) -> bool {
    token == last
        || token.strip_prefix(last).is_some_and(|rest| {
            last.ends_with(|c: char| c.is_lowercase())
                && rest.starts_with(|c: char| {
                    c.is_uppercase() || c.is_ascii_digit() || "'\"\u{2018}\u{201c}".contains(c)
                })
        })
}

#[cfg(test)]
#[path = "furniture_tests.rs"]
mod tests;
