//! `SafeUrl`: a story's link, checked once when the story is loaded (absolute http or https, a host, no credentials, no spaces or controls) and trusted everywhere after.

use std::fmt;

use serde::Serialize;

/// An absolute http(s) URL with a host, without credentials, whitespace or control characters,
/// in its normalized form: the only kind of link an article keeps and the reader opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// Checks that `raw` is a well-formed absolute http or https URL with a host, and returns it in
    /// its normalized form (the exact string the opener will receive).
    ///
    /// Whitespace and control characters anywhere are refused rather than silently dropped, as are
    /// credentials in the URL and every other scheme (`javascript:`, `file:`, `data:`, ...).
    ///
    /// # Errors
    /// A message saying why the URL was refused.
    pub fn parse(raw: &str) -> Result<SafeUrl, String> {
        if raw.is_empty() {
            return Err("this story has no link".to_owned());
        }
        if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("refused to open a link with spaces or control characters".to_owned());
        }
        // The URL standard's parser forgives `https:///x`, `https:\\x` and a missing `//`; we do not.
        let lower = raw.get(..8).unwrap_or(raw).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &raw[8..]
        } else if lower.starts_with("http://") {
            &raw[7..]
        } else {
            let scheme = raw.split_once(':').map_or("", |(s, _)| s);
            return Err(if scheme.is_empty() || scheme.len() > 16 {
                "refused to open a link that is not http or https".to_owned()
            } else {
                format!("refused to open a {scheme}: link; only http and https links are opened")
            });
        };
        if rest.is_empty() || rest.starts_with('/') || raw.contains('\\') {
            return Err("refused to open a malformed link".to_owned());
        }
        let parsed = url::Url::parse(raw)
            .map_err(|err| format!("refused to open a malformed link: {err}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!(
                "refused to open a {}: link; only http and https links are opened",
                parsed.scheme()
            ));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err("refused to open a link without a host".to_owned());
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err("refused to open a link with a user name or password in it".to_owned());
        }
        Ok(SafeUrl(parsed.into()))
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SafeUrl {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<SafeUrl> for String {
    fn from(url: SafeUrl) -> String {
        url.0
    }
}

#[cfg(test)]
mod tests {
    use super::SafeUrl;

    #[test]
    fn accepts_plain_http_and_https() {
        assert_eq!(
            SafeUrl::parse("https://example.com/a/b?c=d#e")
                .as_ref()
                .map(SafeUrl::as_str),
            Ok("https://example.com/a/b?c=d#e")
        );
        assert_eq!(
            SafeUrl::parse("http://thehill.com/x")
                .as_ref()
                .map(SafeUrl::as_str),
            Ok("http://thehill.com/x")
        );
        assert_eq!(
            SafeUrl::parse("HTTPS://Example.COM")
                .as_ref()
                .map(SafeUrl::as_str),
            Ok("https://example.com/")
        );
    }

    #[test]
    fn refuses_other_schemes() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.com/",
            "mailto:a@b.c",
            "vbscript:msgbox",
        ] {
            let err = SafeUrl::parse(url).expect_err(url);
            assert!(err.contains("refused"), "{url}: {err}");
        }
    }

    #[test]
    fn refuses_whitespace_and_control_characters() {
        for url in [
            "http://x; rm -rf ~",
            " https://example.com/",
            "https://example.com/ ",
            "https://example.com/\n",
            "https://exa\tmple.com/",
            "https://example.com/\u{1b}[31m",
            "https://example.com/\u{7}",
            "https://example.com/\u{85}",
            "https://example.com/\u{a0}x",
        ] {
            assert!(SafeUrl::parse(url).is_err(), "{url:?} was accepted");
        }
    }

    #[test]
    fn refuses_malformed_and_hostless_links() {
        for url in [
            "",
            "http:",
            "http://",
            "https:///path",
            "example.com",
            "//example.com/x",
            "-https://example.com",
            "http://[::1",
            "https:\\\\example.com",
            "https:example.com",
            "http:/example.com",
        ] {
            assert!(SafeUrl::parse(url).is_err(), "{url:?} was accepted");
        }
    }

    #[test]
    fn refuses_credentials() {
        assert!(SafeUrl::parse("https://user:pw@example.com/").is_err());
        assert!(SafeUrl::parse("https://evil.com@example.com/").is_err());
    }

    #[test]
    fn shell_metacharacters_are_harmless_because_there_is_no_shell() {
        // Accepted, but percent-encoded or kept as data in one argument: nothing interprets them.
        let url = SafeUrl::parse("https://example.com/a;b&c=$(id)|`x`").expect("valid URL");
        assert!(url.as_str().starts_with("https://example.com/"));
        assert!(!url.as_str().contains('`'), "{url}");
    }

    #[test]
    fn output_starts_with_the_scheme_so_the_opener_never_sees_an_option() {
        let url = SafeUrl::parse("https://example.com/--help").expect("valid URL");
        assert!(url.as_str().starts_with("https://"));
    }
}
