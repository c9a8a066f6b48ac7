//! The query language: words, bill numbers, "phrases", -exclusions, qualifiers and date bounds.

use std::fmt;

use chrono::NaiveDate;

use super::text;

/// Which field a clause is restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere: people, bills, title, body.
    Any,
    /// `person:` an extracted person's name or alias.
    Person,
    /// `bill:` an extracted bill's number, label, name or alias (and bill numbers in the text).
    Bill,
    /// `source:` the outlet.
    Source,
    /// `title:` the headline.
    Title,
}

/// What a clause looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// One normalized word, matched fuzzily ("masie").
    Word(String),
    /// A quoted phrase, matched exactly but case-insensitively; for `person:`, `bill:` and
    /// `source:` a multi-word name matched fuzzily as a whole.
    Phrase(String),
    /// A bill number key ("hr1234"), matched on the number (a prefix while it is being typed).
    Bill(String),
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// `-` in front: stories that match are excluded.
    pub negated: bool,
    /// Field restriction.
    pub scope: Scope,
    /// What to look for.
    pub term: Term,
}

impl Clause {
    /// The word of a plain word clause (a word with no qualifier), else `None`.
    pub(crate) fn plain_word(&self) -> Option<&str> {
        match (&self.term, self.scope) {
            (Term::Word(w), Scope::Any) => Some(w.as_str()),
            _ => None,
        }
    }
}

/// A parsed query: every positive clause must match, no negated clause may, and the date must be in
/// range (`after:` is inclusive, `before:` exclusive; undated stories fail any date bound).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The text as typed.
    pub text: String,
    /// The conditions, in the order given.
    pub clauses: Vec<Clause>,
    /// Earliest date, inclusive.
    pub after: Option<NaiveDate>,
    /// Latest date, exclusive.
    pub before: Option<NaiveDate>,
}

impl Query {
    /// True when the query asks for nothing at all (an empty or blank line).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.after.is_none() && self.before.is_none()
    }

    /// The positive clauses.
    pub fn positive(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.negated)
    }
}

/// Why a query could not be parsed. Positions are character offsets into the query.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// A `"` without its closing `"`.
    #[error("unclosed quote: the \" at character {position} has no closing \"")]
    UnclosedQuote {
        /// Where the quote opens.
        position: usize,
    },
    /// `""`, or a quoted phrase with no words in it.
    #[error("empty phrase at character {position}: put words between the quotes")]
    EmptyPhrase {
        /// Where the phrase opens.
        position: usize,
    },
    /// `person:` with nothing after it.
    #[error("{qualifier}: needs a value, e.g. {example}")]
    EmptyQualifier {
        /// The qualifier, without its colon.
        qualifier: String,
        /// An example of a valid use.
        example: &'static str,
    },
    /// `after:`/`before:` with something that is not a date.
    #[error("{qualifier}: expects a date like 2025-01-31, 2025-01 or 2025, not \"{value}\"")]
    BadDate {
        /// `after` or `before`.
        qualifier: String,
        /// What was given.
        value: String,
    },
}

/// The qualifiers; any other `word:` (`Analysis:`, `https:`) is searched as words.
const QUALIFIERS: [&str; 6] = ["person", "bill", "source", "title", "after", "before"];

/// One lexical item before bill numbers are joined.
#[derive(Debug)]
struct Item {
    negated: bool,
    qualifier: Option<String>,
    value: String,
    quoted: bool,
    position: usize,
}

/// Parses a query.
///
/// # Errors
/// An unclosed quote, an empty phrase, a qualifier without a value or a bad date gives a [`QueryError`] that says what is wrong and where.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let items = lex(input)?;
    let mut query = Query {
        text: input.to_string(),
        ..Query::default()
    };
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        if let Some(q @ ("after" | "before")) = item.qualifier.as_deref() {
            let date =
                parse_date(&item.value, q == "before").ok_or_else(|| QueryError::BadDate {
                    qualifier: q.to_string(),
                    value: item.value.clone(),
                })?;
            if q == "after" {
                query.after = Some(date);
            } else {
                query.before = Some(date);
            }
            i += 1;
            continue;
        }
        let scope = match item.qualifier.as_deref() {
            None => Scope::Any,
            Some("person") => Scope::Person,
            Some("bill") => Scope::Bill,
            Some("source") => Scope::Source,
            // `title`, the last one `lex` lets through.
            Some(_) => Scope::Title,
        };
        let (bill, used) = join_bill(&items[i..]);
        if let Some(key) = bill
            && matches!(scope, Scope::Any | Scope::Bill | Scope::Title)
        {
            query.clauses.push(Clause {
                negated: item.negated,
                scope,
                term: Term::Bill(key),
            });
            i += used;
            continue;
        }
        let words = text::words(&item.value);
        if item.quoted {
            if words.is_empty() {
                return Err(QueryError::EmptyPhrase {
                    position: item.position,
                });
            }
            query.clauses.push(Clause {
                negated: item.negated,
                scope,
                term: Term::Phrase(item.value.trim().to_lowercase()),
            });
        } else if scope != Scope::Any && scope != Scope::Title && words.len() > 1 {
            // "person:o'rourke-smith": one name, matched as a whole.
            query.clauses.push(Clause {
                negated: item.negated,
                scope,
                term: Term::Phrase(words.join(" ")),
            });
        } else {
            for word in words {
                query.clauses.push(Clause {
                    negated: item.negated,
                    scope,
                    term: Term::Word(word),
                });
            }
        }
        i += 1;
    }
    Ok(query)
}

/// Splits the input into items: whitespace-separated words, quoted phrases, `-` and `name:`.
fn lex(input: &str) -> Result<Vec<Item>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut items = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let position = i;
        let mut negated = false;
        if chars[i] == '-' {
            negated = true;
            i += 1;
            if i >= chars.len() || chars[i].is_whitespace() {
                continue; // A lone "-" while typing: nothing yet.
            }
        }
        let mut qualifier = None;
        let word_end = (i..chars.len())
            .find(|&j| chars[j].is_whitespace() || chars[j] == '"' || chars[j] == ':')
            .unwrap_or(chars.len());
        if word_end < chars.len() && chars[word_end] == ':' && word_end > i {
            let name = chars[i..word_end].iter().collect::<String>().to_lowercase();
            if QUALIFIERS.contains(&name.as_str()) {
                qualifier = Some(name);
                i = word_end + 1;
            }
        }
        let (value, quoted) = if i < chars.len() && chars[i] == '"' {
            let open = i;
            let close = (open + 1..chars.len())
                .find(|&j| chars[j] == '"')
                .ok_or(QueryError::UnclosedQuote { position: open })?;
            i = close + 1;
            (chars[open + 1..close].iter().collect::<String>(), true)
        } else {
            let end = (i..chars.len())
                .find(|&j| chars[j].is_whitespace())
                .unwrap_or(chars.len());
            let value: String = chars[i..end].iter().collect();
            i = end;
            (value, false)
        };
        if let Some(q) = &qualifier
            && value.trim().is_empty()
        {
            return Err(QueryError::EmptyQualifier {
                example: example(q),
                qualifier: q.clone(),
            });
        }
        items.push(Item {
            negated,
            qualifier,
            value,
            quoted,
            position,
        });
    }
    Ok(items)
}

fn example(qualifier: &str) -> &'static str {
    match qualifier {
        "bill" => "bill:\"hr 1234\"",
        "source" => "source:reuters",
        "title" => "title:nato",
        "after" => "after:2025-01-01",
        "before" => "before:2025-12-31",
        _ => "person:massie",
    }
}

/// Reads a bill number starting at `items[0]`, joining "hr" + "1234" and "h." + "r." + "1234".
/// Returns the key and how many items it used.
fn join_bill(items: &[Item]) -> (Option<String>, usize) {
    let first = &items[0];
    if first.qualifier.as_deref() == Some("source") || first.qualifier.as_deref() == Some("person")
    {
        return (None, 0);
    }
    let strip = |s: &str| -> String { s.chars().filter(|c| *c != '.').collect() };
    if first.quoted {
        let compact: String = first
            .value
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        return (text::compact_bill_key(&compact), 1);
    }
    if let Some(key) = text::compact_bill_key(&strip(&first.value)) {
        return (Some(key), 1);
    }
    let mut letters = String::new();
    for (n, item) in items.iter().enumerate().take(4) {
        if n > 0 && (item.quoted || item.negated || item.qualifier.is_some()) {
            break;
        }
        let part = strip(&item.value).to_ascii_lowercase();
        if part.is_empty() {
            break;
        }
        if n > 0 && part.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            let key = text::bill_prefix(&letters)
                .and_then(|_| text::compact_bill_key(&format!("{letters}{part}")));
            return (key, n + 1);
        }
        if !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            break;
        }
        letters.push_str(&part);
    }
    (None, 0)
}

/// Parses `2025-01-31`, `2025-01` or `2025`. A partial date as `before:` means the end of
/// that month or year (`before:2024` is before 2025-01-01).
fn parse_date(value: &str, is_before: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)? as i32;
            NaiveDate::from_ymd_opt(if is_before { y + 1 } else { y }, 1, 1)
        }
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y)? as i32, num(m)?);
            NaiveDate::from_ymd_opt(y, m, 1)?;
            if is_before {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m, 1)
            }
        }
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?),
        _ => None,
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Scope::Any => "",
            Scope::Person => "person:",
            Scope::Bill => "bill:",
            Scope::Source => "source:",
            Scope::Title => "title:",
        })
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        write!(f, "{}", self.scope)?;
        match &self.term {
            Term::Word(w) => f.write_str(w),
            Term::Phrase(p) => write!(f, "\"{p}\""),
            Term::Bill(k) => write!(f, "\"{}\"", text::bill_display(k)),
        }
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
