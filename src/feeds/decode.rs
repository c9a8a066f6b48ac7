//! Character sets: a feed in ISO-8859-1, Windows-1252, `Shift_JIS` ... becomes UTF-8 before it is parsed.

use encoding_rs::{Encoding, UTF_8};

/// The feed as UTF-8, and the encoding it was read in when that was not UTF-8.
///
/// The encoding is, first to last: a byte-order mark, the XML declaration's `encoding`, the HTTP
/// `charset`, else UTF-8. An XML declaration is rewritten to say UTF-8, so the parser does not decode twice.
/// Bytes that are invalid in the encoding become U+FFFD.
pub fn to_utf8(bytes: &[u8], content_type: Option<&str>) -> (String, Option<&'static str>) {
    let (encoding, skip) = Encoding::for_bom(bytes).unwrap_or_else(|| {
        let declared = xml_declared(bytes)
            .or_else(|| content_type.and_then(http_charset))
            .and_then(|label| Encoding::for_label(label.trim().as_bytes()));
        (declared.unwrap_or(UTF_8), 0)
    });
    // JSON Feed is UTF-8 by its spec; an XML declaration that names UTF-16 without a BOM is UTF-8 in fact.
    let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        if skip == 0 { UTF_8 } else { encoding }
    } else {
        encoding
    };
    let (text, _) = encoding.decode_without_bom_handling(&bytes[skip..]);
    let mut text = text.into_owned();
    if encoding != UTF_8 {
        rewrite_declaration(&mut text);
    }
    let name = (encoding != UTF_8).then(|| encoding.name());
    (text, name)
}

/// The `encoding` of an XML declaration at the start (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
fn xml_declared(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(256)];
    let head = std::str::from_utf8(head)
        .unwrap_or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""));
    let decl = head.trim_start().strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    attribute(decl, "encoding")
}

/// The value of `name="..."` or `name='...'` in a declaration.
fn attribute<'a>(decl: &'a str, name: &str) -> Option<&'a str> {
    let at = decl.find(name)?;
    let rest = decl[at + name.len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(quote)?])
}

/// The `charset` parameter of a `Content-Type` header.
fn http_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"'))
    })
}

/// Makes the XML declaration (if any) say UTF-8, now that the text is UTF-8.
fn rewrite_declaration(text: &mut String) {
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with("<?xml") {
        return;
    }
    let Some(end) = text[start..].find("?>").map(|e| start + e) else {
        return;
    };
    let decl = &text[start..end];
    let Some(at) = decl.find("encoding") else {
        return;
    };
    let Some(value) = attribute(decl, "encoding") else {
        return;
    };
    let value_start = start + at + decl[at..].find(value).unwrap_or(0);
    text.replace_range(value_start..value_start + value.len(), "UTF-8");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_declared_in_xml_is_decoded_and_the_declaration_rewritten() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>caf\xe9</t>";
        let (text, enc) = to_utf8(bytes, None);
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>caf\u{e9}</t>"
        );
        assert_eq!(enc, Some("windows-1252"));
    }

    #[test]
    fn http_charset_applies_when_the_document_declares_none() {
        let (text, _) = to_utf8(b"<t>na\xefve</t>", Some("text/xml; charset=iso-8859-1"));
        assert_eq!(text, "<t>na\u{ef}ve</t>");
    }

    #[test]
    fn utf8_and_bom_pass_through() {
        let (text, enc) = to_utf8(
            "\u{feff}<t>é</t>".as_bytes(),
            Some("text/xml; charset=latin1"),
        );
        assert_eq!(text, "<t>é</t>");
        assert_eq!(enc, None);
    }
}
