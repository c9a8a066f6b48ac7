//! Reading a JSON or JSON Lines file in chunks, so that loading needs little more memory than the articles
//! themselves: each chunk's complete records are parsed (in parallel) and dropped before the next chunk is read.

use std::fs::File;
use std::io::{self, Read, Take};
use std::path::Path;

use super::fields::FieldMap;
use super::files::{MAX_FILE_BYTES, too_large};
use super::json::{
    JsonError, Parsed, document_error, is_json_lines, parse_elements, parse_json, parse_lines,
};
use super::scan::{ArrayScanner, Progress, line_at};

/// Bytes read at a time.
pub const CHUNK: usize = 16 << 20;

/// Takes the articles parsed so far (it may drain them) after each chunk, so that a reader can show them while the
/// rest loads; what it leaves stays in the result.
pub type Sink<'a> = &'a mut dyn FnMut(&mut Vec<super::Article>);

/// Why a file could not be loaded.
#[derive(Debug)]
pub enum FileError {
    /// It could not be read.
    Io(io::Error),
    /// It is one JSON document and that is invalid.
    Json(JsonError),
}

impl From<io::Error> for FileError {
    fn from(err: io::Error) -> FileError {
        FileError::Io(err)
    }
}

/// Appends up to `want` more bytes to `buf`; `true` when the end of the file was reached. The file is read
/// through a `take(MAX_FILE_BYTES + 1)`: reaching that byte (a file that grew, a `/proc` file) is an error.
fn fill(file: &mut Take<File>, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    let target = buf.len() + want;
    buf.reserve(want);
    file.by_ref().take(want as u64).read_to_end(buf)?;
    if file.limit() == 0 {
        return Err(too_large());
    }
    Ok(buf.len() < target)
}

/// The error of an invalid document, found by reading the whole file again (only on this error path).
fn reread_error(path: &Path) -> FileError {
    match std::fs::read(path) {
        Ok(bytes) => {
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
            FileError::Json(document_error(bytes))
        }
        Err(err) => FileError::Io(err),
    }
}

/// Loads a JSON file (array, wrapper, single object or JSON Lines, told apart from the content; `lines` forces JSON
/// Lines) in chunks. A wrapping or single object is read whole.
pub fn load_json_file(
    path: &Path,
    file: &str,
    lines: bool,
    map: &FieldMap,
    sink: Sink<'_>,
) -> Result<Parsed, FileError> {
    load_chunked(path, file, lines, map, CHUNK, sink)
}

/// [`load_json_file`] reading `chunk` bytes at a time.
fn load_chunked(
    path: &Path,
    file: &str,
    lines: bool,
    map: &FieldMap,
    chunk: usize,
    sink: Sink<'_>,
) -> Result<Parsed, FileError> {
    let mut handle = File::open(path)?.take(MAX_FILE_BYTES + 1);
    let mut buf = Vec::new();
    let mut eof = fill(&mut handle, &mut buf, chunk)?;
    // Enough to see past a byte-order mark and blanks to the first byte that tells the format.
    while !eof && (buf.len() < 3 || buf.trim_ascii_start().len() <= 3) {
        eof = fill(&mut handle, &mut buf, chunk)?;
    }
    if buf.starts_with(b"\xef\xbb\xbf") {
        buf.drain(..3);
    }
    let start = buf.len() - buf.trim_ascii_start().len();
    if lines && buf[start..].is_empty() {
        return Ok(Parsed::skip(file, None, "empty file".to_owned()));
    }
    if lines || (buf.get(start) == Some(&b'{') && is_json_lines(&buf)) {
        return load_lines(&mut handle, buf, eof, file, map, chunk, sink);
    }
    if buf.get(start) != Some(&b'[') {
        if !eof {
            handle.read_to_end(&mut buf)?;
            if handle.limit() == 0 {
                return Err(FileError::Io(too_large()));
            }
        }
        return parse_json(&buf, file, map).map_err(FileError::Json);
    }
    let mut result = Parsed::default();
    let mut scanner = ArrayScanner::new(line_at(&buf, start));
    let mut pos = start + 1;
    loop {
        let Ok((elements, progress)) = scanner.scan(&buf, pos, eof) else {
            return Err(reread_error(path));
        };
        let Some(parsed) = parse_elements(&buf, &elements, file, map) else {
            return Err(reread_error(path));
        };
        result.append(parsed);
        sink(&mut result.articles);
        match progress {
            Progress::End(end) => {
                let mut rest_blank = buf[end..].trim_ascii().is_empty();
                while rest_blank && !eof {
                    buf.clear();
                    eof = fill(&mut handle, &mut buf, chunk)?;
                    rest_blank = buf.trim_ascii().is_empty();
                }
                return if rest_blank {
                    Ok(result)
                } else {
                    Err(reread_error(path))
                };
            }
            Progress::Partial(resume) => {
                buf.drain(..resume);
                pos = 0;
                eof = fill(&mut handle, &mut buf, chunk)?;
            }
        }
    }
}

/// Loads JSON Lines chunk by chunk, each cut at its last newline.
fn load_lines(
    handle: &mut Take<File>,
    mut buf: Vec<u8>,
    mut eof: bool,
    file: &str,
    map: &FieldMap,
    chunk: usize,
    sink: Sink<'_>,
) -> Result<Parsed, FileError> {
    let mut result = Parsed::default();
    let mut line = 1;
    loop {
        let cut = if eof {
            buf.len()
        } else if let Some(newline) = memchr::memrchr(b'\n', &buf) {
            newline + 1
        } else {
            eof = fill(handle, &mut buf, chunk)?;
            continue;
        };
        result.append(parse_lines(&buf[..cut], line, file, map));
        sink(&mut result.articles);
        line += memchr::memchr_iter(b'\n', &buf[..cut]).count();
        buf.drain(..cut);
        if eof {
            return Ok(result);
        }
        eof = fill(handle, &mut buf, chunk)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a load gave: titles with lines, skipped lines, or the error position.
    fn summary(result: Result<Parsed, FileError>) -> String {
        match result {
            Ok(p) => {
                let titles: Vec<String> = p
                    .articles
                    .iter()
                    .map(|a| format!("{}@{}", a.title, a.origin.line.unwrap_or(0)))
                    .collect();
                let skipped: Vec<String> =
                    p.skipped.iter().map(|s| format!("{:?}", s.line)).collect();
                format!("{titles:?} {skipped:?}")
            }
            Err(FileError::Json(e)) => format!("error {}:{} {}", e.line, e.column, e.message),
            Err(FileError::Io(e)) => format!("io {e}"),
        }
    }

    #[test]
    fn every_chunk_size_gives_the_same_result() -> Result<(), Box<dyn std::error::Error>> {
        let map = FieldMap::new(&[])?;
        let dir = tempfile::tempdir()?;
        let cases = [
            (
                "a.json",
                "\u{feff}[\n{\"title\": \"one, \\\"two\\\" ]\"},\n  {\"title\": \"Zoë\"} ,\n{\"title\": \"3\"}\n]\n",
                false,
            ),
            (
                "b.jsonl",
                "{\"title\": \"x\"}\n\nnot json\n{\"title\": \"é\"}\n{\"title\": \"last\"}",
                true,
            ),
            ("c.json", "[{\"title\": \"a\"},\n{\"title\" \"b\"}]", false),
            ("d.json", "[{\"title\": \"a\"}]\n x", false),
            ("e.json", "{\"articles\": [{\"title\": \"w\"}]}", false),
            (
                "f.json",
                "{\"title\": \"l1\"}\n{\"title\": \"l2\"}\n",
                false,
            ),
        ];
        for (name, text, lines) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, text)?;
            let whole = summary(load_chunked(&path, name, lines, &map, 1 << 20, &mut |_| {}));
            for chunk in 1..=text.len() + 1 {
                let chunked = summary(load_chunked(&path, name, lines, &map, chunk, &mut |_| {}));
                assert_eq!(chunked, whole, "{name} in chunks of {chunk}");
                // Draining after every chunk hands over the same articles, in order.
                let mut taken = Vec::new();
                let drained = load_chunked(&path, name, lines, &map, chunk, &mut |a| {
                    taken.append(a);
                });
                if let Ok(mut rest) = drained {
                    taken.append(&mut rest.articles);
                    rest.articles = taken;
                    assert_eq!(
                        summary(Ok(rest)),
                        whole,
                        "{name} drained in chunks of {chunk}"
                    );
                }
            }
        }
        Ok(())
    }
}
