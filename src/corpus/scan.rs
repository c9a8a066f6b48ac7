//! A fast splitter of a JSON array into its elements' byte spans, so that the elements can be parsed in parallel.
//!
//! It only finds boundaries (strings skipped with `memchr`, brackets counted, no recursion); `serde_json` still
//! validates every element, so an invalid array is always caught, and then re-parsed whole for the exact error.

/// One element of an array: its byte span in the text and the line it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element {
    /// Offset of its first byte.
    pub start: usize,
    /// Offset just past its last non-blank byte.
    pub end: usize,
    /// 1-based line of its first byte.
    pub line: usize,
}

/// The 1-based line of byte `offset` of `text`.
pub fn line_at(text: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count()
}

/// The index just past the closing quote of the string whose content starts at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += memchr::memchr2(b'"', b'\\', &bytes[i..])?;
        if bytes[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
        if i > bytes.len() {
            return None;
        }
    }
}

/// Splits the array whose `[` is at byte `start` into its elements. When the array is the whole document (only
/// blanks before it), only blanks may follow it. `None` when the structure is broken (unclosed, empty element,
/// trailing comma, text after the end).
pub fn split_array(text: &str, start: usize) -> Option<Vec<Element>> {
    let bytes = text.as_bytes();
    if bytes.get(start) != Some(&b'[') {
        return None;
    }
    let mut line = line_at(text, start);
    let mut depth = 0usize;
    let mut elements = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut i = start + 1;
    let end = loop {
        let c = *bytes.get(i)?;
        if depth == 0
            && current.is_none()
            && !matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']')
        {
            current = Some((i, line));
        }
        match c {
            b'"' => {
                i = skip_string(bytes, i + 1)?;
                continue;
            }
            b'\n' => line += 1,
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b']' => {
                match current.take() {
                    Some((s, l)) => elements.push(element(text, s, i, l)),
                    None if !elements.is_empty() => return None,
                    None => {}
                }
                break i + 1;
            }
            b'}' => return None,
            b',' if depth == 0 => {
                let (s, l) = current.take()?;
                elements.push(element(text, s, i, l));
            }
            _ => {}
        }
        i += 1;
    };
    let whole = text[..start].trim().is_empty();
    (!whole || text[end..].trim().is_empty()).then_some(elements)
}

/// The element from `start` to before `end`, blanks trimmed.
fn element(text: &str, start: usize, end: usize, line: usize) -> Element {
    Element {
        start,
        end: start + text[start..end].trim_end().len(),
        line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Option<Vec<&str>> {
        let elements = split_array(text, text.find('[')?)?;
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
        let text = "[\n{\"a\":1},\n\n{\"b\":\n2}\n]";
        let lines: Vec<usize> = split_array(text, 0)
            .unwrap_or_default()
            .iter()
            .map(|e| e.line)
            .collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn rejects_broken_structure() {
        assert_eq!(spans("[1,]"), None);
        assert_eq!(spans("[,1]"), None);
        assert_eq!(spans("[1"), None);
        assert_eq!(spans("[\"abc"), None);
        assert_eq!(spans("[1] x"), None);
        assert_eq!(spans("[}"), None);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let text = format!("[{}{}]", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(split_array(&text, 0).map(|e| e.len()), Some(1));
    }
}
