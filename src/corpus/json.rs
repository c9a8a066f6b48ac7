//! Parsing one file's text: telling a JSON array, a wrapping object, a single article and JSON Lines apart, and
//! turning their records into articles (in parallel where the format allows).

use rayon::prelude::*;
use serde_json::value::RawValue;

use super::fields::{Field, FieldMap};
use super::raw::RawObject;
use super::scan::split_array;
use super::{Article, Origin, Skipped, record};

/// Keys under which news APIs wrap their list of articles, tried in order.
const WRAPPER_KEYS: &[&str] = &[
    "articles", "items", "data", "results", "posts", "entries", "stories", "docs", "records",
    "news", "response",
];

/// One record's outcome and its warnings.
type Outcome = (Result<Article, Skipped>, Vec<String>);

/// What one file or stream yielded.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Articles, in file order.
    pub articles: Vec<Article>,
    /// Records skipped, with reasons.
    pub skipped: Vec<Skipped>,
    /// Warnings.
    pub warnings: Vec<String>,
}

impl Parsed {
    /// Gathers per-record outcomes, keeping their order.
    fn gather(outcomes: Vec<Outcome>) -> Parsed {
        let mut parsed = Parsed {
            articles: Vec::with_capacity(outcomes.len()),
            ..Parsed::default()
        };
        for (outcome, warnings) in outcomes {
            match outcome {
                Ok(article) => parsed.articles.push(article),
                Err(skipped) => parsed.skipped.push(skipped),
            }
            parsed.warnings.extend(warnings);
        }
        parsed
    }
}

/// An invalid JSON document: where and what.
#[derive(Debug)]
pub struct JsonError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, without the position.
    pub message: String,
}

impl JsonError {
    /// From a `serde_json` error, `base_line` being the line its input started at.
    fn from_serde(err: &serde_json::Error, base_line: usize) -> JsonError {
        let text = err.to_string();
        let message = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_owned(),
            None => text,
        };
        JsonError {
            line: base_line + err.line().saturating_sub(1),
            column: err.column(),
            message,
        }
    }
}

/// The exact error of an invalid document (`serde_json`'s own message and position).
fn document_error(text: &str) -> JsonError {
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Err(err) => JsonError::from_serde(&err, 1),
        Ok(_) => JsonError {
            line: 1,
            column: 1,
            message: "the document is not a list or object of articles".to_owned(),
        },
    }
}

/// Parses JSON text of unknown shape: an array, a wrapping object, one article, or JSON Lines.
///
/// # Errors
/// Returns where and what when the text is one JSON document and it is invalid.
pub fn parse_json(text: &str, file: &str, map: &FieldMap) -> Result<Parsed, JsonError> {
    let start = text.len() - text.trim_start().len();
    match text.as_bytes().get(start) {
        None => Ok(Parsed {
            skipped: vec![Skipped {
                file: file.to_owned(),
                line: None,
                reason: "empty file".to_owned(),
            }],
            ..Parsed::default()
        }),
        Some(b'[') => parse_array(text, start, file, map).ok_or_else(|| document_error(text)),
        Some(b'{') => {
            if is_json_lines(text) {
                return Ok(parse_lines(text, file, map));
            }
            let obj = RawObject::parse(text).map_err(|_| document_error(text))?;
            Ok(parse_object(text, &obj, file, map, 0))
        }
        Some(_) => {
            let line = 1 + text[..start].matches('\n').count();
            let column = 1 + text[..start]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count());
            Err(JsonError {
                line,
                column,
                message: "expected a JSON array or object of articles".to_owned(),
            })
        }
    }
}

/// Whether text starting with `{` holds several values, one a line (JSON Lines) rather than one object.
fn is_json_lines(text: &str) -> bool {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<&RawValue>();
    match stream.next() {
        Some(Ok(_)) => !text[stream.byte_offset()..].trim().is_empty(),
        // The first record is broken: JSON Lines if the next non-blank line is a record of its own.
        _ => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .nth(1)
            .is_some_and(|l| RawObject::parse(l).is_ok()),
    }
}

/// An object: a wrapper of an article list, or one article.
fn parse_object(
    text: &str,
    obj: &RawObject<'_>,
    file: &str,
    map: &FieldMap,
    depth: usize,
) -> Parsed {
    if let Some(inner) = wrapped_list(obj, map, depth) {
        let offset = inner.get().as_ptr() as usize - text.as_ptr() as usize;
        if inner.get().starts_with('[') {
            if let Some(parsed) = parse_array(text, offset, file, map) {
                return parsed;
            }
        } else if let Ok(inner_obj) = RawObject::parse(inner.get()) {
            return parse_object(text, &inner_obj, file, map, depth + 1);
        }
    }
    let origin = Origin {
        file: file.to_owned(),
        line: Some(1),
    };
    let mut warnings = Vec::new();
    let outcome = record::from_object(obj, map, origin, &mut warnings).map_err(|reason| Skipped {
        file: file.to_owned(),
        line: Some(1),
        reason,
    });
    Parsed::gather(vec![(outcome, warnings)])
}

/// The value an object wraps its articles in: a known wrapper key holding an array (or an object, such as
/// `{"response": {"docs": [...]}}`), or, in an object with no title or body, its only array value.
fn wrapped_list<'a>(obj: &RawObject<'a>, map: &FieldMap, depth: usize) -> Option<&'a RawValue> {
    if depth > 2 {
        return None;
    }
    let is_article = [Field::Title, Field::Body]
        .iter()
        .any(|f| map.keys(*f).iter().any(|k| obj.get(k, false).is_some()));
    if is_article {
        return None;
    }
    let container = |v: &&RawValue| v.get().starts_with(['[', '{']);
    if let Some(v) = WRAPPER_KEYS
        .iter()
        .find_map(|k| obj.get(k, false).filter(container))
    {
        return Some(v);
    }
    let mut arrays = obj.0.iter().filter(|(_, v)| v.get().starts_with('['));
    match (arrays.next(), arrays.next()) {
        (Some((_, v)), None) => Some(*v),
        _ => None,
    }
}

/// Parses the array starting at byte `start` of `text`, its records in parallel. `None` when the array is not
/// valid JSON (the caller then asks `serde_json` for the exact error).
fn parse_array(text: &str, start: usize, file: &str, map: &FieldMap) -> Option<Parsed> {
    let elements = split_array(text, start)?;
    let outcomes: Vec<Option<Outcome>> = elements
        .par_iter()
        .with_min_len(64)
        .map(|el| {
            let json = &text[el.start..el.end];
            let origin = Origin {
                file: file.to_owned(),
                line: Some(el.line),
            };
            let skip = |reason: String| Skipped {
                file: file.to_owned(),
                line: Some(el.line),
                reason,
            };
            let mut warnings = Vec::new();
            let outcome = match RawObject::parse(json) {
                Ok(obj) => record::from_object(&obj, map, origin, &mut warnings).map_err(skip),
                Err(err) if err.is_data() => Err(skip(format!(
                    "record is not an object ({})",
                    JsonError::from_serde(&err, 1).message
                ))),
                Err(_) => return None,
            };
            Some((outcome, warnings))
        })
        .collect();
    outcomes
        .into_iter()
        .collect::<Option<Vec<_>>>()
        .map(Parsed::gather)
}

/// Parses JSON Lines: one record a line, blank lines ignored, records in parallel. A bad line is skipped with its
/// line number and the rest loads.
pub fn parse_lines(text: &str, file: &str, map: &FieldMap) -> Parsed {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for (number, end) in (1..).zip(ends) {
        let line = text[line_start..end].trim();
        if !line.is_empty() {
            lines.push((number, line));
        }
        line_start = (end + 1).min(text.len());
    }
    let outcomes: Vec<Outcome> = lines
        .par_iter()
        .with_min_len(64)
        .map(|&(line, json)| {
            let origin = Origin {
                file: file.to_owned(),
                line: Some(line),
            };
            let skip = |reason: String| Skipped {
                file: file.to_owned(),
                line: Some(line),
                reason,
            };
            let mut warnings = Vec::new();
            let outcome = match RawObject::parse(json) {
                Ok(obj) => record::from_object(&obj, map, origin, &mut warnings).map_err(skip),
                Err(err) => {
                    let e = JsonError::from_serde(&err, line);
                    Err(skip(if err.is_data() {
                        format!("record is not an object ({})", e.message)
                    } else {
                        format!("invalid JSON at column {}: {}", e.column, e.message)
                    }))
                }
            };
            (outcome, warnings)
        })
        .collect();
    Parsed::gather(outcomes)
}
