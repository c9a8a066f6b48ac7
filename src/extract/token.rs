//! A fast word tokenizer that keeps byte offsets, capitalization and sentence starts.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits) with inner apostrophes and hyphens: `O'Rourke`, `Ocasio-Cortez`.
    Word,
    /// Starts with a digit.
    Num,
    /// One punctuation character.
    Punct,
}

/// First letter is upper case.
pub const CAP: u8 = 1;
/// Two or more letters, all upper case.
pub const UPPER: u8 = 2;
/// First word of a sentence (or of a quotation, or of a line).
pub const SENT: u8 = 4;
/// Followed by a possessive `'s` / `’s` / `'` that is not part of the token.
pub const POSS: u8 = 8;
/// A line break comes before this token.
pub const NL: u8 = 16;
/// White space comes before this token.
pub const SPACE: u8 = 32;

/// One token: a byte range of the text with its kind and flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: u32,
    /// One past the last byte (before any possessive).
    pub end: u32,
    /// Kind.
    pub kind: Kind,
    /// `CAP`, `UPPER`, `SENT`, `POSS`, `NL`, `SPACE`.
    pub flags: u8,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    /// Whether a flag is set.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
    /// A word whose first letter is upper case.
    pub fn is_cap(&self) -> bool {
        self.kind == Kind::Word && self.has(CAP)
    }
    pub fn is_punct(&self, text: &str, c: &str) -> bool {
        self.kind == Kind::Punct && self.text(text) == c
    }
}

/// Abbreviations after which a period does not end a sentence.
const NO_STOP: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Gen", "Col",
    "Sgt", "Capt", "Cmdr", "Adm", "Prof", "Rev", "Hon", "St", "Jr", "Sr", "No", "Pub", "Res",
    "Con", "Amdt", "Vol", "Sec", "Dept", "Atty", "Pres", "Supt", "vs", "v", "Inc", "Corp", "Co",
    "Ft", "Mt", "Del", "Ald",
];

fn no_stop(word: &str) -> bool {
    static SET: std::sync::OnceLock<super::sets::WordSet> = std::sync::OnceLock::new();
    (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
        || SET
            .get_or_init(|| super::sets::WordSet::new(NO_STOP))
            .contains(word)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut toks);
    toks
}

/// Splits `text` into tokens, into `toks` (cleared first), so that one buffer serves many texts.
pub fn tokenize_into(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    toks.reserve(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut pending_sentence = true;
    let mut soft_pending = false;
    let mut space_before = false;
    let mut nl_before = false;
    while i < bytes.len() {
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            char_at(text, i).unwrap_or(' ')
        };
        let clen = c.len_utf8();
        if is_space(c) {
            space_before = true;
            if c == '\n' {
                nl_before = true;
                pending_sentence = true;
                soft_pending = false;
            }
            i += clen;
            continue;
        }
        let mut flags = 0;
        if space_before {
            flags |= SPACE;
        }
        if nl_before {
            flags |= NL;
        }
        space_before = false;
        nl_before = false;
        if c.is_alphanumeric() {
            let start = i;
            let kind = if c.is_numeric() {
                Kind::Num
            } else {
                Kind::Word
            };
            let (end, next) = scan_word(text, i);
            let word = &text[start..end];
            if next > end {
                flags |= POSS;
            }
            if kind == Kind::Word {
                let mut chars = word.chars();
                if chars.next().is_some_and(char::is_uppercase) {
                    flags |= CAP;
                    if word.len() > 1 && chars.all(|c| !c.is_lowercase()) {
                        flags |= UPPER;
                    }
                }
            }
            // A period before a lower-case word ends an abbreviation ("R-Ky.) said"), not a sentence.
            if pending_sentence && (flags & CAP != 0 || kind == Kind::Num || !soft_pending) {
                flags |= SENT;
            }
            pending_sentence = false;
            soft_pending = false;
            toks.push(Tok {
                start: start as u32,
                end: end as u32,
                kind,
                flags,
            });
            i = next;
            continue;
        }
        match c {
            '.' | '!' | '?' => {
                let abbrev = c == '.'
                    && toks
                        .last()
                        .is_some_and(|t: &Tok| t.kind == Kind::Word && no_stop(t.text(text)));
                if !abbrev {
                    pending_sentence = true;
                    soft_pending = c == '.';
                }
            }
            '\u{201c}' => pending_sentence = true,
            '"' if flags & SPACE != 0 || toks.is_empty() => pending_sentence = true,
            _ => {}
        }
        toks.push(Tok {
            start: i as u32,
            end: (i + clen) as u32,
            kind: Kind::Punct,
            flags,
        });
        i += clen;
    }
}

/// Scans a word from `i`; returns (end of the word, where scanning resumes after a possessive).
fn scan_word(text: &str, mut i: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let capital = next_char(text, bytes, i).is_some_and(char::is_uppercase);
    let mut lower_run = 0;
    loop {
        // ASCII letters and digits, the common case, without decoding (the same rules as below).
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_lowercase() {
                lower_run += 1;
            } else if b.is_ascii_uppercase() {
                if capital && lower_run >= 3 {
                    return (i, i);
                }
                lower_run = 0;
            } else if b.is_ascii_digit() {
                lower_run = 0;
            } else {
                break;
            }
            i += 1;
        }
        let Some(c) = next_char(text, bytes, i) else {
            return (i, i);
        };
        if c.is_alphanumeric() {
            // Words glued by a web page's link blurbs: "TrumpPerry", "McConnellOVERNIGHT".
            if c.is_uppercase() && capital && lower_run >= 3 {
                return (i, i);
            }
            lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
            i += c.len_utf8();
            continue;
        }
        lower_run = 0;
        if is_apostrophe(c) {
            let after = i + c.len_utf8();
            let next = next_char(text, bytes, after);
            if matches!(next, Some('s' | 'S')) {
                let after_s = after + 1;
                if !next_char(text, bytes, after_s).is_some_and(char::is_alphanumeric) {
                    return (i, after_s);
                }
            }
            if next.is_some_and(char::is_alphabetic) {
                i = after;
                continue;
            }
            // A trailing apostrophe after a plural: "Democrats'".
            if i > 0 && bytes[i - 1] == b's' {
                return (i, after);
            }
            return (i, i);
        }
        if c == '-' && next_char(text, bytes, i + 1).is_some_and(char::is_alphanumeric) {
            i += 1;
            continue;
        }
        return (i, i);
    }
}

fn next_char(text: &str, bytes: &[u8], i: usize) -> Option<char> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        char_at(text, i)
    }
}

/// Lines set in headline case (most words capitalized), as pages repeat their headline in the body:
/// `true` for every token of such a line.
pub fn headline_lines(text: &str, toks: &[Tok], out: &mut Vec<bool>) {
    const SMALL: &[&str] = &[
        "of", "the", "a", "an", "and", "to", "in", "on", "for", "at", "by", "with", "as", "from",
        "or", "is",
    ];
    out.clear();
    out.resize(toks.len(), false);
    let mut start = 0;
    while start < toks.len() {
        let mut end = start + 1;
        while end < toks.len() && !toks[end].has(NL) {
            end += 1;
        }
        let (mut words, mut caps) = (0, 0);
        for t in &toks[start..end] {
            // The small words are lower case and short: most words are told apart without comparing.
            let small = !t.has(CAP) && t.end - t.start <= 4 && SMALL.contains(&t.text(text));
            if t.kind == Kind::Word && !small {
                words += 1;
                caps += usize::from(t.has(CAP));
            }
        }
        let ends_sentence = toks[end - 1].kind == Kind::Punct
            && matches!(toks[end - 1].text(text), "." | "!" | "?");
        if words >= 4 && caps * 10 >= words * 8 && !ends_sentence {
            out[start..end].fill(true);
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            words("Sen. Mitch McConnell (R-Ky.) said"),
            [
                "Sen",
                ".",
                "Mitch",
                "McConnell",
                "(",
                "R-Ky",
                ".",
                ")",
                "said"
            ]
        );
    }

    #[test]
    fn keeps_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("O'Rourke and Ocasio-Cortez"),
            ["O'Rourke", "and", "Ocasio-Cortez"]
        );
    }

    #[test]
    fn drops_possessives_straight_and_curly() {
        let text = "Massie’s bill and Trump's and Democrats' plan";
        let toks = tokenize(text);
        let w: Vec<_> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            w,
            ["Massie", "bill", "and", "Trump", "and", "Democrats", "plan"]
        );
        assert!(toks[0].has(POSS));
        assert!(toks[3].has(POSS));
        assert!(toks[5].has(POSS));
        assert!(!toks[1].has(POSS));
    }

    #[test]
    fn marks_sentence_starts_but_not_after_titles() {
        let text = "He left. Sen. Lee stayed. \u{201c}We won,\u{201d} Lee said.\nMassie";
        let toks = tokenize(text);
        let sent: Vec<_> = toks
            .iter()
            .filter(|t| t.has(SENT))
            .map(|t| t.text(text))
            .collect();
        assert_eq!(sent, ["He", "Sen", "We", "Massie"]);
    }

    #[test]
    fn splits_glued_names_but_not_mc_or_de() {
        assert_eq!(
            words("TrumpPerry McConnellOVERNIGHT McConnell DeSantis MacArthur"),
            [
                "Trump",
                "Perry",
                "McConnell",
                "OVERNIGHT",
                "McConnell",
                "DeSantis",
                "MacArthur"
            ]
        );
    }

    #[test]
    fn flags_capitals() {
        let text = "NATO Massie tax";
        let toks = tokenize(text);
        assert!(toks[0].has(UPPER) && toks[0].is_cap());
        assert!(toks[1].is_cap() && !toks[1].has(UPPER));
        assert!(!toks[2].is_cap());
    }
}
