//! One record to one article: field mapping over a JSON object, plain-text and Markdown files, stable ids.

use std::borrow::Cow;

use super::dates::parse_date;
use super::fields::{Field, FieldMap};
use super::raw::{RawObject, Val};
use super::{Article, Origin, sanitize, text};

/// A body longer than this (16 MiB) is cut, at a character boundary, with a warning.
pub const MAX_BODY_BYTES: usize = 16 << 20;

/// A title longer than this (4 KiB) is cut likewise.
pub const MAX_TITLE_BYTES: usize = 4 << 10;

/// A size for messages: bytes, KiB or MiB.
fn size(bytes: usize) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..0x10_0000 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}

/// The text cut to `limit` bytes (at a character boundary), with a warning naming `what` and `place`, when longer.
fn capped<'a>(
    text: Cow<'a, str>,
    limit: usize,
    what: &str,
    place: &str,
    warnings: &mut Vec<String>,
) -> Cow<'a, str> {
    if text.len() <= limit {
        return text;
    }
    let cut = text.floor_char_boundary(limit);
    warnings.push(format!(
        "{place}: {what} cut to {} (it had {})",
        size(limit),
        size(text.len())
    ));
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(&s[..cut]),
        Cow::Owned(mut s) => {
            s.truncate(cut);
            Cow::Owned(s)
        }
    }
}

/// Where a record is, for messages: `file:line` or `file`.
pub fn place(origin: &Origin) -> String {
    match origin.line {
        Some(line) => format!("{}:{line}", origin.file),
        None => origin.file.clone(),
    }
}

/// A stable id derived from the content: 16 hex digits of XXH3-64 (a fixed, specified algorithm, so the same text
/// gives the same id on every run, machine and Rust version) over the cleaned title and body.
pub fn derive_id(title: &str, body: &str) -> String {
    let seed = xxhash_rust::xxh3::xxh3_64(title.as_bytes());
    format!(
        "{:016x}",
        xxhash_rust::xxh3::xxh3_64_with_seed(body.as_bytes(), seed)
    )
}

/// The first non-empty text among the keys mapped to `field`.
fn first_text<'a>(obj: &RawObject<'a>, map: &FieldMap, field: Field) -> Option<Cow<'a, str>> {
    let exact = map.is_overridden(field);
    map.keys(field).iter().find_map(|key| {
        let text = Val::of(obj.get(key, exact)?).text()?;
        (!text.trim().is_empty()).then_some(text)
    })
}

/// The value of the first key mapped to `field` that is present.
fn first_val<'a>(obj: &RawObject<'a>, map: &FieldMap, field: Field) -> Option<Val<'a>> {
    let exact = map.is_overridden(field);
    map.keys(field)
        .iter()
        .find_map(|key| obj.get(key, exact))
        .map(Val::of)
}

/// The first date among the keys mapped to the date field that reads as one. When a key holds something else (a
/// string that is no date, a number out of range such as `1e400`, an object such as `{"y": 2020}`), the article
/// stays undated with a warning showing the first such value; `null` and blank strings are no date, silently.
fn first_date(
    obj: &RawObject<'_>,
    map: &FieldMap,
    here: &str,
    warnings: &mut Vec<String>,
) -> Option<chrono::NaiveDate> {
    let exact = map.is_overridden(Field::Date);
    let mut unreadable = None;
    for key in map.keys(Field::Date) {
        let Some(raw) = obj.get(key, exact) else {
            continue;
        };
        let text = Val::of(raw).text();
        if let Some(date) = text.as_deref().and_then(parse_date) {
            return Some(date);
        }
        let blank = raw.get() == "null" || text.as_deref().is_some_and(|t| t.trim().is_empty());
        if !blank && unreadable.is_none() {
            unreadable = Some(text.map_or_else(|| raw.get().to_owned(), Cow::into_owned));
        }
    }
    if let Some(value) = unreadable {
        let mut shown = sanitize::clean_line(&value);
        if shown.chars().count() > 60 {
            shown = shown.chars().take(60).chain(['…']).collect();
        }
        warnings.push(format!("{here}: unrecognized date {shown:?}"));
    }
    None
}

/// Maps a JSON object to an article. Warnings (unreadable date, dropped URL) are pushed to `warnings`.
///
/// # Errors
/// Returns the reason when the record has neither a title nor a body.
pub fn from_object(
    obj: &RawObject<'_>,
    map: &FieldMap,
    origin: Origin,
    warnings: &mut Vec<String>,
) -> Result<Article, String> {
    let here = place(&origin);
    let title = first_text(obj, map, Field::Title).map_or_else(String::new, |t| {
        text::line(&capped(t, MAX_TITLE_BYTES, "title", &here, warnings))
    });
    let body = first_text(obj, map, Field::Body).map_or_else(String::new, |b| {
        text::body(capped(b, MAX_BODY_BYTES, "body", &here, warnings))
    });
    if title.is_empty() && body.is_empty() {
        let keys = obj.keys();
        return Err(if keys.is_empty() {
            "empty record: no title and no body".to_owned()
        } else {
            format!("no title and no body (keys: {})", keys.join(", "))
        });
    }
    let source = first_text(obj, map, Field::Source)
        .map(|s| text::line(&s))
        .filter(|s| !s.is_empty());
    let authors = match first_val(obj, map, Field::Authors) {
        Some(Val::Str(s)) => text::split_authors(&s),
        Some(val) => val
            .texts()
            .iter()
            .map(|a| text::line(a))
            .filter(|a| !a.is_empty())
            .collect(),
        None => Vec::new(),
    };
    let date = first_date(obj, map, &here, warnings);
    let url = first_text(obj, map, Field::Url).and_then(|raw| {
        let shown = sanitize::clean_line(&raw);
        super::SafeUrl::parse(&shown)
            .map_err(|why| {
                warnings.push(format!(
                    "{}: dropped a URL that is not http(s): {shown:?} ({why})",
                    place(&origin)
                ));
            })
            .ok()
    });
    let mut tags: Vec<String> = Vec::new();
    let exact = map.is_overridden(Field::Tags);
    for key in map.keys(Field::Tags) {
        let Some(raw) = obj.get(key, exact) else {
            continue;
        };
        for tag in Val::of(raw).texts() {
            for part in tag.split([',', ';']) {
                let part = text::line(part);
                if !part.is_empty() && !tags.contains(&part) {
                    tags.push(part);
                }
            }
        }
    }
    let id = first_text(obj, map, Field::Id)
        .map(|s| sanitize::clean_line(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| derive_id(&title, &body));
    Ok(Article {
        id,
        title,
        body,
        source,
        authors,
        date,
        url,
        tags,
        origin,
    })
}

/// Maps a plain-text or Markdown file to an article: the first non-empty line is the title (Markdown `#` marks
/// removed), the rest is the body.
///
/// # Errors
/// Returns the reason when the file holds no text.
pub fn from_text(
    content: &str,
    markdown: bool,
    origin: Origin,
    warnings: &mut Vec<String>,
) -> Result<Article, String> {
    let here = place(&origin);
    let content = content.trim_start();
    let (first, rest) = content.split_once('\n').unwrap_or((content, ""));
    let first = if markdown {
        first.trim_start_matches('#')
    } else {
        first
    };
    let title = sanitize::clean_line(&capped(
        Cow::Borrowed(first),
        MAX_TITLE_BYTES,
        "title",
        &here,
        warnings,
    ));
    let body = text::body(capped(
        Cow::Borrowed(rest),
        MAX_BODY_BYTES,
        "body",
        &here,
        warnings,
    ));
    if title.is_empty() && body.is_empty() {
        return Err("no text".to_owned());
    }
    let id = derive_id(&title, &body);
    Ok(Article {
        id,
        title,
        body,
        origin,
        ..Article::default()
    })
}
