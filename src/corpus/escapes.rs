//! JSON text whose `\u` escapes name half a surrogate pair (`"\udf89"`): valid JSON by the grammar, but not text, so
//! `serde_json` refuses to decode the string. Such an escape becomes `\ufffd` (U+FFFD), as invalid UTF-8 does.

/// The JSON text with every lone surrogate escape replaced by `\ufffd`; `None` when it has none. Linear, and cheap
/// for text without `\u` at all.
pub fn repair_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b"\\u")?;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = bytes.get(i..).and_then(|rest| memchr::memchr(b'\\', rest)) {
        let at = i + at;
        if bytes.get(at + 1) != Some(&b'u') {
            i = at + 2;
            continue;
        }
        let Some(unit) = hex4(bytes, at + 2) else {
            i = at + 2;
            continue;
        };
        let paired = (0xD800..0xDC00).contains(&unit)
            && bytes.get(at + 6..at + 8) == Some(b"\\u")
            && hex4(bytes, at + 8).is_some_and(|low| (0xDC00..0xE000).contains(&low));
        if paired {
            i = at + 12;
        } else if (0xD800..0xE000).contains(&unit) {
            let s = out.get_or_insert_with(|| String::with_capacity(text.len()));
            s.push_str(&text[copied..at]);
            s.push_str("\\ufffd");
            copied = at + 6;
            i = at + 6;
        } else {
            i = at + 6;
        }
    }
    let mut s = out?;
    s.push_str(&text[copied..]);
    Some(s)
}

/// The four hex digits at `at`, as a number.
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_halves_become_replacement_characters_and_pairs_stay() {
        assert_eq!(repair_surrogates(r#"{"a": "x"}"#), None);
        assert_eq!(repair_surrogates(r#""\u00e9 \ud83c\udf89""#), None);
        assert_eq!(
            repair_surrogates(r#"{"k\udf89": "\ud83c", "v": "\ud83c\u0041"}"#).as_deref(),
            Some(r#"{"k\ufffd": "\ufffd", "v": "\ufffd\u0041"}"#)
        );
        // An escaped backslash before `u` is no escape; a backslash may end the text.
        assert_eq!(repair_surrogates(r#""\\udf89""#), None);
        assert_eq!(repair_surrogates(r"\u12"), None);
        assert_eq!(repair_surrogates("\\u0041 \\"), None);
        let fixed = repair_surrogates(r#"["\udc00 and \ud800"]"#).unwrap_or_default();
        let decoded: Vec<String> = serde_json::from_str(&fixed).unwrap_or_default();
        assert_eq!(decoded, ["\u{fffd} and \u{fffd}"]);
    }
}
