//! Reading what the user named: files, folders walked recursively (in parallel), standard input; decoding text.

use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};
use rayon::prelude::*;

use super::fields::FieldMap;
use super::json::{Parsed, parse_json, parse_lines};
use super::{Origin, Skipped, record};

/// How a file's content is read, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `.json` or anything else: detected from the content.
    Json,
    /// `.jsonl`, `.ndjson`: one record a line.
    Lines,
    /// `.txt`: first non-empty line is the title.
    Text,
    /// `.md`, `.markdown`: as text, `#` marks removed from the title.
    Markdown,
}

impl Kind {
    /// The kind of a path, and whether a folder walk picks it up.
    fn of(path: &Path) -> (Kind, bool) {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json") => (Kind::Json, true),
            Some("jsonl" | "ndjson") => (Kind::Lines, true),
            Some("txt") => (Kind::Text, true),
            Some("md" | "markdown") => (Kind::Markdown, true),
            _ => (Kind::Json, false),
        }
    }
}

/// Whether a file in a folder is the folder's own documentation (README, LICENSE, ...) rather than an article.
fn is_project_file(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    [
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CHANGELOG",
        "NOTICE",
        "CONTRIBUTING",
    ]
    .iter()
    .any(|name| stem == *name)
}

/// Decodes bytes as UTF-8, replacing invalid sequences (with a warning) rather than failing; a byte-order mark is
/// dropped.
pub fn decode(bytes: Vec<u8>, file: &str, warnings: &mut Vec<String>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            warnings.push(format!(
                "{file}: invalid UTF-8 (first at byte {at}); undecodable bytes were replaced with U+FFFD"
            ));
            String::from_utf8_lossy(err.as_bytes()).into_owned()
        }
    };
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Parses decoded content of the given kind. `strict`: an invalid JSON document is an error (a file the user named)
/// rather than a skipped file (one found in a folder).
fn parse_content(
    text: &str,
    kind: Kind,
    file: &str,
    map: &FieldMap,
    strict: bool,
) -> anyhow::Result<Parsed> {
    let skipped = |line: Option<usize>, reason: String| Parsed {
        skipped: vec![Skipped {
            file: file.to_owned(),
            line,
            reason,
        }],
        ..Parsed::default()
    };
    let origin = Origin {
        file: file.to_owned(),
        line: None,
    };
    match kind {
        Kind::Text | Kind::Markdown => Ok(
            match record::from_text(text, kind == Kind::Markdown, origin) {
                Ok(article) => Parsed {
                    articles: vec![article],
                    ..Parsed::default()
                },
                Err(reason) => skipped(None, reason),
            },
        ),
        Kind::Lines if text.trim().is_empty() => Ok(skipped(None, "empty file".to_owned())),
        Kind::Lines => Ok(parse_lines(text, file, map)),
        Kind::Json => match parse_json(text, file, map) {
            Ok(parsed) => Ok(parsed),
            Err(e) if strict => bail!("{file}:{}:{}: {}", e.line, e.column, e.message),
            Err(e) => Ok(skipped(
                Some(e.line),
                format!("invalid JSON at column {}: {}", e.column, e.message),
            )),
        },
    }
}

/// Reads and parses one named file (or FIFO): every problem but a bad record is an error.
pub fn load_file(path: &Path, map: &FieldMap) -> anyhow::Result<Parsed> {
    let file = path.display().to_string();
    let bytes = fs::read(path).with_context(|| format!("{file}: cannot read"))?;
    let mut warnings = Vec::new();
    let text = decode(bytes, &file, &mut warnings);
    let mut parsed = parse_content(&text, Kind::of(path).0, &file, map, true)?;
    warnings.append(&mut parsed.warnings);
    parsed.warnings = warnings;
    Ok(parsed)
}

/// Reads and parses standard input, detecting its format from the content.
pub fn load_stdin(map: &FieldMap) -> anyhow::Result<Parsed> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .context("-: cannot read standard input")?;
    let mut warnings = Vec::new();
    let text = decode(bytes, "-", &mut warnings);
    let trimmed = text.trim_start();
    let kind = if trimmed.is_empty() || trimmed.starts_with(['[', '{']) {
        Kind::Json
    } else {
        Kind::Text
    };
    let mut parsed = parse_content(&text, kind, "-", map, true)?;
    warnings.append(&mut parsed.warnings);
    parsed.warnings = warnings;
    Ok(parsed)
}

/// Walks a folder recursively (following links, skipping hidden entries and README/LICENSE files) and parses its .json, .jsonl, .ndjson,
/// .txt and .md files in parallel, in path order. A file that cannot be read or parsed is skipped with its reason;
/// anything that is not a regular file (a FIFO, a socket, a device) is skipped with a warning, so a walk never
/// blocks.
pub fn load_folder(dir: &Path, map: &FieldMap) -> (Parsed, usize) {
    let mut result = Parsed::default();
    let mut files = Vec::new();
    let mut ignored = 0usize;
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let file = err.path().unwrap_or(dir).display().to_string();
                result.skipped.push(Skipped {
                    file,
                    line: None,
                    reason: format!(
                        "cannot read: {}",
                        err.io_error()
                            .map_or_else(|| err.to_string(), ToString::to_string)
                    ),
                });
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let (kind, wanted) = Kind::of(entry.path());
        if !wanted || is_project_file(entry.path()) {
            ignored += 1;
        } else if file_type.is_file() {
            files.push((entry.into_path(), kind));
        } else {
            result.warnings.push(format!(
                "{}: skipped, not a regular file",
                entry.path().display()
            ));
        }
    }
    if ignored > 0 {
        result.warnings.push(format!(
            "{}: ignored {ignored} file(s) that are not .json, .jsonl, .ndjson, .txt or .md articles",
            dir.display()
        ));
    }
    if files.is_empty() {
        result
            .warnings
            .push(format!("{}: no article files found", dir.display()));
    }
    let parsed: Vec<(Parsed, bool)> = files
        .par_iter()
        .map(|(path, kind)| {
            let file = path.display().to_string();
            let mut warnings = Vec::new();
            let mut parsed = match fs::read(path) {
                Ok(bytes) => {
                    let text = decode(bytes, &file, &mut warnings);
                    match parse_content(&text, *kind, &file, map, false) {
                        Ok(parsed) => parsed,
                        Err(err) => Parsed {
                            skipped: vec![Skipped {
                                file,
                                line: None,
                                reason: err.to_string(),
                            }],
                            ..Parsed::default()
                        },
                    }
                }
                Err(err) => {
                    let reason = format!("cannot read: {err}");
                    let parsed = Parsed {
                        skipped: vec![Skipped {
                            file,
                            line: None,
                            reason,
                        }],
                        ..Parsed::default()
                    };
                    return (parsed, false);
                }
            };
            warnings.append(&mut parsed.warnings);
            parsed.warnings = warnings;
            (parsed, true)
        })
        .collect();
    let mut read = 0;
    for (p, was_read) in parsed {
        read += usize::from(was_read);
        result.articles.extend(p.articles);
        result.skipped.extend(p.skipped);
        result.warnings.extend(p.warnings);
    }
    (result, read)
}
