//! A fast splitter of a JSON array into its elements' byte spans, so that the elements can be parsed in parallel,
//! and resumable, so that a large file can be read in chunks.
//!
//! It only finds boundaries (strings skipped with `memchr`, brackets counted, no recursion); `serde_json` still
//! validates every element, so an invalid array is always caught, and then re-parsed whole for the exact error.

/// One element of an array: its byte span in the scanned buffer and the line it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element {
    /// Offset of its first byte.
    pub start: usize,
    /// Offset just past its last non-blank byte.
    pub end: usize,
    /// 1-based line of its first byte.
    pub line: usize,
}

/// How far a scan got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The array ended; the offset just past its `]`.
    End(usize),
    /// The buffer ended inside the array; scanning resumes at this offset once more bytes are appended (the bytes
    /// before it can be dropped).
    Partial(usize),
}

/// The structure is broken: unclosed, an empty element, a trailing comma, a stray closing bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Broken;

/// Scans the elements of one array, across as many buffers as it takes.
#[derive(Debug, Clone)]
pub struct ArrayScanner {
    /// Line at the current scanning position.
    line: usize,
    /// Whether a comma was just read (an element must follow).
    after_comma: bool,
}

/// The 1-based line of byte `offset` of `bytes`.
pub fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &bytes[..offset.min(bytes.len())]).count()
}

/// The index just past the closing quote of the string whose content starts at `i`, if it ends in `bytes`.
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
        if bytes[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

impl ArrayScanner {
    /// A scanner for an array whose `[` has been read, the next byte being on `line`.
    pub fn new(line: usize) -> ArrayScanner {
        ArrayScanner {
            line,
            after_comma: false,
        }
    }

    /// Scans `bytes` from `pos` (just past the `[`, or a previous [`Progress::Partial`] offset rebased to the new
    /// buffer). `eof`: no more bytes will come, so an incomplete array is broken.
    pub fn scan(
        &mut self,
        bytes: &[u8],
        pos: usize,
        eof: bool,
    ) -> Result<(Vec<Element>, Progress), Broken> {
        let mut elements = Vec::new();
        let mut depth = 0usize;
        let mut current: Option<(usize, usize)> = None;
        let mut i = pos;
        loop {
            let Some(&c) = bytes.get(i) else {
                if eof {
                    return Err(Broken);
                }
                let resume = match current {
                    Some((start, line)) => {
                        self.line = line;
                        start
                    }
                    None => i,
                };
                return Ok((elements, Progress::Partial(resume)));
            };
            if depth == 0
                && current.is_none()
                && !matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']')
            {
                current = Some((i, self.line));
            }
            match c {
                b'"' => match skip_string(bytes, i + 1) {
                    Some(next) => {
                        i = next;
                        continue;
                    }
                    None => i = bytes.len(),
                },
                b'\n' => self.line += 1,
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth > 0 => depth -= 1,
                b']' => {
                    match current.take() {
                        Some((s, l)) => elements.push(element(bytes, s, i, l)),
                        None if self.after_comma => return Err(Broken),
                        None => {}
                    }
                    return Ok((elements, Progress::End(i + 1)));
                }
                b'}' => return Err(Broken),
                b',' if depth == 0 => {
                    let (s, l) = current.take().ok_or(Broken)?;
                    elements.push(element(bytes, s, i, l));
                    self.after_comma = true;
                }
                _ => {}
            }
            if c == b']' || (depth == 0 && current.is_some()) {
                self.after_comma = false;
            }
            i += 1;
        }
    }
}

/// Whether the JSON text in `bytes` nests arrays and objects more than `limit` deep (brackets inside strings do not
/// count). Linear and without recursion; a text with at most `limit` brackets in all is passed by one `memchr`.
pub fn nests_deeper_than(bytes: &[u8], limit: usize) -> bool {
    if memchr::memchr2_iter(b'[', b'{', bytes).nth(limit).is_none() {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'"' => match skip_string(bytes, i + 1) {
                Some(next) => {
                    i = next;
                    continue;
                }
                None => return false,
            },
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    false
}

/// The element from `start` to before `end`, blanks trimmed.
fn element(bytes: &[u8], start: usize, end: usize, line: usize) -> Element {
    let trimmed = bytes[start..end].trim_ascii_end().len();
    Element {
        start,
        end: start + trimmed,
        line,
    }
}

/// Splits the whole array whose `[` is at byte `start` into its elements. When the array is the whole document
/// (only blanks before it), only blanks may follow it.
pub fn split_array(bytes: &[u8], start: usize) -> Result<Vec<Element>, Broken> {
    if bytes.get(start) != Some(&b'[') {
        return Err(Broken);
    }
    let mut scanner = ArrayScanner::new(line_at(bytes, start));
    let (elements, progress) = scanner.scan(bytes, start + 1, true)?;
    let Progress::End(end) = progress else {
        return Err(Broken);
    };
    let whole = bytes[..start].trim_ascii().is_empty();
    if whole && !bytes[end..].trim_ascii().is_empty() {
        return Err(Broken);
    }
    Ok(elements)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Option<Vec<&str>> {
        let elements = split_array(text.as_bytes(), text.find('[')?).ok()?;
        Some(elements.iter().map(|e| &text[e.start..e.end]).collect())
    }

    #[test]
    fn splits_elements() {
        let text = r#"[ {"a": "x,]}\"{"}, [1, 2] ,
  3, "s" ]"#;
        assert_eq!(
            spans(text),
            Some(vec![r#"{"a": "x,]}\"{"}"#, "[1, 2]", "3", "\"s\""])
        );
        assert_eq!(spans("[]"), Some(vec![]));
        assert_eq!(spans(" [ ] \n"), Some(vec![]));
    }

    #[test]
    fn counts_lines() {
        let text = b"[\n{\"a\":1},\n\n{\"b\":\n2}\n]";
        let lines: Vec<usize> = split_array(text, 0)
            .unwrap_or_default()
            .iter()
            .map(|e| e.line)
            .collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn rejects_broken_structure() {
        for text in [
            "[1,]",
            "[,1]",
            "[1",
            "[\"abc",
            "[1] x",
            "[}",
            "[1,,2]",
            "[\"a\\\"] ",
        ] {
            assert_eq!(spans(text), None, "{text}");
        }
    }

    #[test]
    fn resumes_across_buffers() {
        let text = "[\n{\"t\": \"a,b\"},\n{\"t\": \"c\\\"]\"},\n 7 ]";
        for cut in 1..text.len() {
            let mut scanner = ArrayScanner::new(1);
            let mut buffer = text.as_bytes()[..cut].to_vec();
            let mut found = Vec::new();
            let (elements, progress) = scanner.scan(&buffer, 1, false).unwrap_or_default_pair();
            found.extend(
                elements
                    .iter()
                    .map(|e| (buffer[e.start..e.end].to_vec(), e.line)),
            );
            let Progress::Partial(resume) = progress else {
                found.clear();
                continue;
            };
            buffer.drain(..resume);
            buffer.extend_from_slice(&text.as_bytes()[cut..]);
            let (elements, progress) = scanner.scan(&buffer, 0, true).unwrap_or_default_pair();
            found.extend(
                elements
                    .iter()
                    .map(|e| (buffer[e.start..e.end].to_vec(), e.line)),
            );
            assert!(matches!(progress, Progress::End(_)), "cut {cut}");
            let shown: Vec<(String, usize)> = found
                .into_iter()
                .map(|(b, l)| (String::from_utf8_lossy(&b).into_owned(), l))
                .collect();
            assert_eq!(
                shown,
                [
                    ("{\"t\": \"a,b\"}".to_owned(), 2),
                    ("{\"t\": \"c\\\"]\"}".to_owned(), 3),
                    ("7".to_owned(), 4)
                ],
                "cut {cut}"
            );
        }
    }

    trait OrDefault {
        fn unwrap_or_default_pair(self) -> (Vec<Element>, Progress);
    }

    impl OrDefault for Result<(Vec<Element>, Progress), Broken> {
        fn unwrap_or_default_pair(self) -> (Vec<Element>, Progress) {
            self.unwrap_or((Vec::new(), Progress::End(0)))
        }
    }

    #[test]
    fn measures_nesting_outside_strings() {
        let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        assert!(!nests_deeper_than(deep(3).as_bytes(), 3));
        assert!(nests_deeper_than(deep(4).as_bytes(), 3));
        // Siblings do not add up, brackets in strings do not count.
        assert!(!nests_deeper_than(b"[[1],[2],[3],[4]]", 2));
        assert!(!nests_deeper_than(br#"{"a": "[[[[\"{{{{"}"#, 1));
        assert!(nests_deeper_than(deep(100_000).as_bytes(), 128));
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let text = format!("[{}{}]", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(split_array(text.as_bytes(), 0).map(|e| e.len()), Ok(1));
    }
}
