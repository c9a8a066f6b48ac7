//! Reading `assets/roster.tsv`: tab-separated `M`, `T` and `L` lines, `#` comments.

use chrono::NaiveDate;

use super::{Leadership, Member, Office, Term};

/// A roster line that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("roster line {line}: {reason}")]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn date(s: &str, line: usize) -> Result<Option<NaiveDate>, ParseError> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ParseError {
            line,
            reason: format!("bad date {s:?}"),
        })
}

fn office(s: &str, line: usize) -> Result<Office, ParseError> {
    Ok(match s {
        "sen" | "senate" => Office::Senate,
        "rep" | "house" => Office::House,
        "prez" => Office::President,
        "viceprez" => Office::VicePresident,
        _ => {
            return Err(ParseError {
                line,
                reason: format!("unknown office {s:?}"),
            });
        }
    })
}

pub(super) fn parse(text: &str) -> Result<Vec<Member>, ParseError> {
    let mut members: Vec<Member> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = raw.split('\t').collect();
        let want = match f[0] {
            "M" => 10,
            "T" => 7,
            "L" => 5,
            other => {
                return Err(ParseError {
                    line,
                    reason: format!("unknown record {other:?}"),
                });
            }
        };
        if f.len() != want {
            return Err(ParseError {
                line,
                reason: format!("{} fields, expected {want}", f.len()),
            });
        }
        if f[0] == "M" {
            members.push(Member {
                bioguide: f[1].to_string(),
                official: opt(f[2]),
                first: f[3].to_string(),
                middle: opt(f[4]),
                last: f[5].to_string(),
                suffix: opt(f[6]),
                nickname: opt(f[7]),
                birthday: date(f[8], line)?,
                also: f[9]
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                terms: Vec::new(),
                leadership: Vec::new(),
            });
            continue;
        }
        let Some(m) = members.last_mut() else {
            return Err(ParseError {
                line,
                reason: "a term or role before any member".to_string(),
            });
        };
        if f[0] == "T" {
            m.terms.push(Term {
                office: office(f[1], line)?,
                state: opt(f[2]),
                district: f[3].parse().ok(),
                party: opt(f[4]),
                start: date(f[5], line)?,
                end: date(f[6], line)?,
            });
        } else {
            m.leadership.push(Leadership {
                title: f[1].to_string(),
                chamber: (!f[2].is_empty()).then(|| office(f[2], line)).transpose()?,
                start: date(f[3], line)?,
                end: date(f[4], line)?,
            });
        }
    }
    Ok(members)
}
