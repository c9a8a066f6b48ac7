//! Reading what the user named: files, folders walked recursively (in parallel), standard input; decoding text.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use anyhow::{Context, bail};
use rayon::prelude::*;

use super::fields::FieldMap;
use super::json::{Parsed, parse_json};
use super::stream::{FileError, Sink, load_json_file};
use super::{Origin, record};

/// The most bytes read from one file, FIFO or standard input (1 GiB); a larger one is not loaded.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The error of a file or stream larger than [`MAX_FILE_BYTES`].
pub fn too_large() -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "larger than {} MiB, the limit for one file or stream",
            MAX_FILE_BYTES >> 20
        ),
    )
}

/// Reads a whole stream (a FIFO, standard input, a text file) up to [`MAX_FILE_BYTES`].
fn read_limited(reader: impl Read) -> io::Result<Vec<u8>> {
    read_at_most(reader, MAX_FILE_BYTES)
}

/// Reads a whole stream; more than `limit` bytes is a [`too_large`] error.
fn read_at_most(reader: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Whether a path the user named may be read: a regular file or a FIFO (a device such as `/dev/zero`, a socket or
/// a terminal is refused, since reading one may never end).
fn check_readable(path: &Path) -> io::Result<fs::Metadata> {
    let meta = fs::metadata(path)?;
    let kind = meta.file_type();
    #[cfg(unix)]
    let fifo = std::os::unix::fs::FileTypeExt::is_fifo(&kind);
    #[cfg(not(unix))]
    let fifo = false;
    if !kind.is_file() && !fifo {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file, folder or FIFO (devices, sockets and terminals are not read)",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(meta)
}

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

/// Whether a file in a folder is the folder's own documentation or metadata (README, LICENSE,
/// `SOURCE_COMMIT`, checksums ...) rather than an article.
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
        "AUTHORS",
        "SOURCE",
        "SOURCE_COMMIT",
        "COMMIT",
        "VERSION",
        "MANIFEST",
        "CITATION",
        "CHECKSUMS",
        "SHA256SUMS",
        "MD5SUMS",
    ]
    .iter()
    .any(|name| stem == *name)
}

/// Decodes bytes as UTF-8, replacing invalid sequences (with a warning) rather than failing; a byte-order mark is
/// dropped.
fn decode(bytes: Vec<u8>, file: &str, warnings: &mut Vec<String>) -> String {
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

/// A plain-text or Markdown article.
fn parse_text(bytes: Vec<u8>, markdown: bool, file: &str) -> Parsed {
    let mut warnings = Vec::new();
    let text = decode(bytes, file, &mut warnings);
    let origin = Origin {
        file: file.to_owned(),
        line: None,
    };
    let mut parsed = match record::from_text(&text, markdown, origin, &mut warnings) {
        Ok(article) => Parsed {
            articles: vec![article],
            ..Parsed::default()
        },
        Err(reason) => Parsed::skip(file, None, reason),
    };
    parsed.warnings = warnings;
    parsed
}

/// Loads one file of any kind; `Err` when it cannot be read or is an invalid JSON document.
fn load_any(
    path: &Path,
    kind: Kind,
    file: &str,
    map: &FieldMap,
    sink: Sink<'_>,
) -> Result<Parsed, FileError> {
    let regular = check_readable(path)?.is_file();
    match kind {
        Kind::Text | Kind::Markdown => Ok(parse_text(
            read_limited(fs::File::open(path)?)?,
            kind == Kind::Markdown,
            file,
        )),
        Kind::Json | Kind::Lines if regular => {
            load_json_file(path, file, kind == Kind::Lines, map, sink)
        }
        // A FIFO named explicitly: read it whole.
        Kind::Json | Kind::Lines => {
            let bytes = read_limited(fs::File::open(path)?)?;
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
            if kind == Kind::Lines {
                Ok(super::json::parse_lines(bytes, 1, file, map))
            } else {
                parse_json(bytes, file, map).map_err(FileError::Json)
            }
        }
    }
}

/// Reads and parses one named file (or FIFO): every problem but a bad record is an error.
pub fn load_file(path: &Path, map: &FieldMap, sink: Sink<'_>) -> anyhow::Result<Parsed> {
    let file = super::sanitize::clean_line(&path.display().to_string());
    match load_any(path, Kind::of(path).0, &file, map, sink) {
        Ok(parsed) => Ok(parsed),
        Err(FileError::Io(err)) => Err(err).with_context(|| format!("{file}: cannot read")),
        Err(FileError::Json(e)) => bail!("{file}:{}:{}: {}", e.line, e.column, e.message),
    }
}

/// Reads and parses standard input, detecting its format from the content.
pub fn load_stdin(map: &FieldMap) -> anyhow::Result<Parsed> {
    let bytes = read_limited(io::stdin().lock()).context("-: cannot read standard input")?;
    let bytes_ref = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let trimmed = bytes_ref.trim_ascii_start();
    if trimmed.is_empty() || trimmed.starts_with(b"[") || trimmed.starts_with(b"{") {
        parse_json(bytes_ref, "-", map)
            .map_err(|e| anyhow::anyhow!("-:{}:{}: {}", e.line, e.column, e.message))
    } else {
        Ok(parse_text(bytes, false, "-"))
    }
}

/// Walks a folder recursively (following links, skipping hidden entries and README/LICENSE files) and parses its
/// .json, .jsonl, .ndjson, .txt and .md files in parallel, in path order. A file that cannot be read or parsed is
/// skipped with its reason; anything that is not a regular file (a FIFO, a socket, a device) is skipped with a
/// warning, so a walk never blocks. Returns the result and the number of files read.
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
                let reason = err
                    .io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string);
                result.append(Parsed::skip(&file, None, format!("cannot read: {reason}")));
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
            let shown = entry.path().display();
            result
                .warnings
                .push(format!("{shown}: skipped, not a regular file"));
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
            let file = super::sanitize::clean_line(&path.display().to_string());
            match load_any(path, *kind, &file, map, &mut |_| {}) {
                Ok(parsed) => (parsed, true),
                Err(FileError::Io(err)) => (
                    Parsed::skip(&file, None, format!("cannot read: {err}")),
                    false,
                ),
                Err(FileError::Json(e)) => {
                    let reason = format!("invalid JSON at column {}: {}", e.column, e.message);
                    (Parsed::skip(&file, Some(e.line), reason), true)
                }
            }
        })
        .collect();
    let mut read = 0;
    for (p, was_read) in parsed {
        read += usize::from(was_read);
        result.append(p);
    }
    (result, read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_longer_than_the_limit_is_refused_after_reading_only_the_limit() {
        let endless = io::repeat(b'x');
        let err = read_at_most(endless, 1000).map(|b| b.len());
        assert_eq!(err.map_err(|e| e.kind()), Err(io::ErrorKind::FileTooLarge));
        assert_eq!(
            read_at_most(&b"12345"[..], 5).map(|b| b.len()).ok(),
            Some(5)
        );
    }
}
