//! Parsing JSON bytes: telling a JSON array, a wrapping object, a single article and JSON Lines apart, and turning
//! their records into articles, in parallel. UTF-8 is checked per record (in parallel too), and a record with
//! invalid UTF-8 is decoded lossily with a warning.

use std::borrow::Cow;

use rayon::prelude::*;
use serde_json::value::RawValue;

use super::escapes::repair_surrogates;
use super::fields::{Field, FieldMap};
use super::raw::RawObject;
use super::scan::{Element, nests_deeper_than, split_array};
use super::{Article, Origin, Skipped, record};

/// Keys under which news APIs wrap their list of articles, tried in order.
const WRAPPER_KEYS: &[&str] = &[
    "articles", "items", "data", "results", "posts", "entries", "stories", "docs", "records",
    "news", "response",
];

/// Arrays and objects nest at most this deep in a record (as in `serde_json`'s own limit); a deeper record is
/// skipped as "nested too deeply".
pub const MAX_NESTING: usize = 128;

/// The reason given for a record nested deeper than [`MAX_NESTING`].
fn too_deep() -> String {
    format!("nested too deeply (more than {MAX_NESTING} levels of arrays and objects)")
}

/// Records handed to one parallel task at least.
const MIN_BATCH: usize = 64;

/// One record's outcome and its warnings; `None` when the record is not valid JSON.
type Outcome = Option<(Result<Article, Skipped>, Vec<String>)>;

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
    /// One skipped file or record.
    pub fn skip(file: &str, line: Option<usize>, reason: String) -> Parsed {
        Parsed {
            skipped: vec![Skipped {
                file: file.to_owned(),
                line,
                reason,
            }],
            ..Parsed::default()
        }
    }

    /// Appends another result.
    pub fn append(&mut self, mut other: Parsed) {
        self.articles.append(&mut other.articles);
        self.skipped.append(&mut other.skipped);
        self.warnings.append(&mut other.warnings);
    }

    /// Gathers per-record outcomes, keeping their order; `None` if a record was not valid JSON.
    fn gather(outcomes: Vec<Outcome>) -> Option<Parsed> {
        let mut parsed = Parsed {
            articles: Vec::with_capacity(outcomes.len()),
            ..Parsed::default()
        };
        for outcome in outcomes {
            let (outcome, warnings) = outcome?;
            match outcome {
                Ok(article) => parsed.articles.push(article),
                Err(skipped) => parsed.skipped.push(skipped),
            }
            parsed.warnings.extend(warnings);
        }
        Some(parsed)
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
pub fn document_error(bytes: &[u8]) -> JsonError {
    let start = bytes.len() - bytes.trim_ascii_start().len();
    if !matches!(bytes.get(start), Some(b'[' | b'{')) {
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..start]).count();
        let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
        return JsonError {
            line,
            column: 1 + start - line_start,
            message: "expected a JSON array or object of articles".to_owned(),
        };
    }
    let text = String::from_utf8_lossy(bytes);
    match serde_json::from_str::<serde::de::IgnoredAny>(&text) {
        Err(err) => JsonError::from_serde(&err, 1),
        Ok(_) => JsonError {
            line: 1,
            column: 1,
            message: "the document is not a list or object of articles".to_owned(),
        },
    }
}

/// Parses one record (a JSON Lines line or an array element) into an article or a skipped record. `strict`: return
/// `None` on invalid JSON (inside a document, which is then invalid as a whole) instead of skipping the record.
pub fn parse_record(
    bytes: &[u8],
    file: &str,
    line: usize,
    map: &FieldMap,
    strict: bool,
) -> Outcome {
    let skip = |reason: String| Skipped {
        file: file.to_owned(),
        line: Some(line),
        reason,
    };
    let mut warnings = Vec::new();
    if nests_deeper_than(bytes, MAX_NESTING) {
        return Some((Err(skip(too_deep())), warnings));
    }
    let mut text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(err) => {
            let at = err.valid_up_to();
            warnings.push(format!(
                "{file}:{line}: invalid UTF-8 (at byte {at} of the record); undecodable bytes were replaced with U+FFFD"
            ));
            String::from_utf8_lossy(bytes)
        }
    };
    if let Some(fixed) = repair_surrogates(&text) {
        warnings.push(format!(
            "{file}:{line}: \\u escapes of half a surrogate pair were replaced with U+FFFD"
        ));
        text = Cow::Owned(fixed);
    }
    let outcome = match RawObject::parse(&text) {
        Ok(obj) => {
            let origin = Origin {
                file: file.to_owned(),
                line: Some(line),
            };
            record::from_object(&obj, map, origin, &mut warnings).map_err(skip)
        }
        // Not an object, or valid JSON that cannot be read as a value (a number out of range such as `1e400`).
        Err(err)
            if err.is_data() || serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok() =>
        {
            Err(skip(format!(
                "record is not an object ({})",
                JsonError::from_serde(&err, line).message
            )))
        }
        Err(_) if strict => return None,
        Err(err) => {
            let e = JsonError::from_serde(&err, line);
            Err(skip(format!(
                "invalid JSON at column {}: {}",
                e.column, e.message
            )))
        }
    };
    Some((outcome, warnings))
}

/// Parses the array elements found by the scanner, in parallel; `None` if one is not valid JSON.
pub fn parse_elements(
    bytes: &[u8],
    elements: &[Element],
    file: &str,
    map: &FieldMap,
) -> Option<Parsed> {
    let outcomes: Vec<Outcome> = elements
        .par_iter()
        .with_min_len(MIN_BATCH)
        .map(|el| parse_record(&bytes[el.start..el.end], file, el.line, map, true))
        .collect();
    Parsed::gather(outcomes)
}

/// Parses JSON Lines: one record a line (the first being line `first_line`), blank lines ignored, records in
/// parallel. A bad line is skipped with its line number and the rest loads.
pub fn parse_lines(bytes: &[u8], first_line: usize, file: &str, map: &FieldMap) -> Parsed {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for (number, end) in (first_line..).zip(ends) {
        let line = bytes[line_start..end].trim_ascii();
        if !line.is_empty() {
            lines.push((number, line));
        }
        line_start = (end + 1).min(bytes.len());
    }
    let outcomes: Vec<Outcome> = lines
        .par_iter()
        .with_min_len(MIN_BATCH)
        .map(|&(line, json)| parse_record(json, file, line, map, false))
        .collect();
    Parsed::gather(outcomes).unwrap_or_default()
}

/// Whether bytes starting with `{` hold several values, one a line (JSON Lines), rather than one object.
pub fn is_json_lines(bytes: &[u8]) -> bool {
    let mut stream =
        serde_json::Deserializer::from_slice(bytes).into_iter::<serde::de::IgnoredAny>();
    match stream.next() {
        Some(Ok(_)) => !bytes[stream.byte_offset()..].trim_ascii().is_empty(),
        // The first record is broken: JSON Lines if the next non-blank line is a record of its own.
        _ => bytes
            .split(|b| *b == b'\n')
            .filter(|l| !l.trim_ascii().is_empty())
            .nth(1)
            .is_some_and(|l| serde_json::from_slice::<RawObject>(l).is_ok()),
    }
}

/// Parses a whole JSON file or stream of unknown shape: an array, a wrapping object, one article, or JSON Lines.
///
/// # Errors
/// Returns where and what when the bytes are one JSON document and it is invalid.
pub fn parse_json(bytes: &[u8], file: &str, map: &FieldMap) -> Result<Parsed, JsonError> {
    let start = bytes.len() - bytes.trim_ascii_start().len();
    match bytes.get(start) {
        None => Ok(Parsed::skip(file, None, "empty file".to_owned())),
        Some(b'[') => split_array(bytes, start)
            .ok()
            .and_then(|elements| parse_elements(bytes, &elements, file, map))
            .ok_or_else(|| document_error(bytes)),
        Some(b'{') if is_json_lines(bytes) => Ok(parse_lines(bytes, 1, file, map)),
        Some(b'{') => {
            let mut text = match std::str::from_utf8(bytes) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => String::from_utf8_lossy(bytes),
            };
            let lossy = matches!(text, Cow::Owned(_));
            let repaired = repair_surrogates(&text);
            if let Some(fixed) = &repaired {
                text = Cow::Owned(fixed.clone());
            }
            let obj = RawObject::parse(&text).map_err(|_| document_error(bytes))?;
            let mut parsed = parse_object(&text, &text, &obj, file, map, 0);
            if lossy {
                parsed.warnings.push(format!(
                    "{file}: invalid UTF-8; undecodable bytes were replaced with U+FFFD"
                ));
            }
            if repaired.is_some() {
                parsed.warnings.push(format!(
                    "{file}: \\u escapes of half a surrogate pair were replaced with U+FFFD"
                ));
            }
            Ok(parsed)
        }
        Some(_) => Err(document_error(bytes)),
    }
}

/// An object (`raw` being its text within `text`): a wrapper of an article list, or one article.
fn parse_object(
    text: &str,
    raw: &str,
    obj: &RawObject<'_>,
    file: &str,
    map: &FieldMap,
    depth: usize,
) -> Parsed {
    if let Some(inner) = wrapped_list(obj, map, depth) {
        let offset = inner.get().as_ptr() as usize - text.as_ptr() as usize;
        if inner.get().starts_with('[') {
            let bytes = text.as_bytes();
            if let Some(parsed) = split_array(bytes, offset)
                .ok()
                .and_then(|elements| parse_elements(bytes, &elements, file, map))
            {
                return parsed;
            }
        } else if let Ok(inner_obj) = RawObject::parse(inner.get()) {
            return parse_object(text, inner.get(), &inner_obj, file, map, depth + 1);
        }
    }
    if nests_deeper_than(raw.as_bytes(), MAX_NESTING) {
        return Parsed::skip(file, Some(1), too_deep());
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
    Parsed::gather(vec![Some((outcome, warnings))]).unwrap_or_default()
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
