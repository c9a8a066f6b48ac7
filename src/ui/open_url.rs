//! Opening a story's link in the system's browser: http(s) only, no shell, never blocking the UI.

use std::process::{Command, Stdio};

/// Opens `url` with the system's opener (`xdg-open`, or `open` on macOS) without a shell.
///
/// The URL is checked first with [`check_url`]; the opener gets it as one argument, with
/// standard input and output closed, in its own process group (so Ctrl-Z on the reader does not
/// stop the browser), and is reaped by a background thread, so this returns at once. Without a
/// graphical session the opener would start a text browser fighting the reader for the
/// terminal, so the link is refused with a message that shows it instead.
///
/// # Errors
/// A message for the status bar when the URL is refused or the opener cannot be started.
pub fn open_url(url: &str) -> Result<(), String> {
    let url = check_url(url)?;
    if !has_graphical_session(|name| std::env::var_os(name)) {
        return Err(format!("no graphical session to open the link in: {url}"));
    }
    launch(opener(), &url)
}

/// Starts `program` with `url` as its only argument, detached from the terminal's job control.
fn launch(program: &str, url: &str) -> Result<(), String> {
    let mut command = Command::new(program);
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|err| format!("could not start {program} to open the link: {err}"))?;
    std::thread::Builder::new()
        .name("open-url reaper".to_owned())
        .spawn(move || {
            let _ = child.wait();
        })
        .map(|_| ())
        .map_err(|err| format!("could not watch {program}: {err}"))
}

/// Whether a browser can open without taking the terminal: always on macOS and Windows; on
/// other systems when X11 (`DISPLAY`), Wayland (`WAYLAND_DISPLAY`) or WSL (`WSL_DISTRO_NAME`)
/// is there.
pub fn has_graphical_session(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    cfg!(any(target_os = "macos", windows))
        || ["DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME"]
            .iter()
            .any(|name| var(name).is_some_and(|v| !v.is_empty()))
}

/// Checks that `raw` is a well-formed absolute http or https URL with a host, and returns it in
/// its normalized form (the exact string the opener will receive).
///
/// Whitespace and control characters anywhere are refused rather than silently dropped, as are
/// credentials in the URL and every other scheme (`javascript:`, `file:`, `data:`, ...).
///
/// # Errors
/// A message saying why the URL was refused.
pub fn check_url(raw: &str) -> Result<String, String> {
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
    let parsed =
        url::Url::parse(raw).map_err(|err| format!("refused to open a malformed link: {err}"))?;
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
    Ok(parsed.into())
}

/// The program that opens URLs on this platform.
fn opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    }
}

#[cfg(test)]
mod tests {
    use super::{check_url, has_graphical_session, launch, open_url};

    #[cfg(unix)]
    #[test]
    fn the_opener_gets_the_url_as_one_argument_and_no_shell_runs_it() {
        use std::os::unix::fs::PermissionsExt;
        use std::time::{Duration, Instant};

        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("args");
        let opener = dir.path().join("fake-opener");
        std::fs::write(
            &opener,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > '{}.tmp'\nmv '{0}.tmp' '{0}'\n",
                log.display()
            ),
        )
        .expect("write opener");
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("chmod");

        let pwned = dir.path().join("pwned");
        let url = check_url(&format!(
            "https://example.com/a;b&c=$(touch%20{})`id`",
            pwned.display()
        ))
        .expect("valid URL");
        let started = Instant::now();
        launch(opener.to_str().expect("utf-8 path"), &url).expect("launch");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "launching blocked"
        );

        let args = loop {
            if let Ok(text) = std::fs::read_to_string(&log) {
                break text;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the opener never ran"
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(args, format!("1\n{url}\n"));
        assert!(!pwned.exists(), "something interpreted the URL");
    }

    #[test]
    fn a_missing_opener_is_an_error_not_a_panic() {
        let err =
            launch("/nonexistent/cloakroom-opener", "https://example.com/").expect_err("fails");
        assert!(err.contains("could not start"), "{err}");
    }

    #[test]
    fn graphical_session_comes_from_the_environment() {
        let with = |set: &'static str| {
            move |name: &str| (name == set).then(|| std::ffi::OsString::from(":0"))
        };
        assert!(has_graphical_session(with("DISPLAY")));
        assert!(has_graphical_session(with("WAYLAND_DISPLAY")));
        assert!(has_graphical_session(with("WSL_DISTRO_NAME")));
        let empty = |_: &str| Some(std::ffi::OsString::new());
        let none = |_: &str| None;
        if cfg!(not(any(target_os = "macos", windows))) {
            assert!(!has_graphical_session(with("TERM")));
            assert!(!has_graphical_session(empty));
            assert!(!has_graphical_session(none));
        }
    }

    #[test]
    fn open_url_refuses_before_launching_anything() {
        let err = open_url("javascript:alert(1)").expect_err("refused");
        assert!(err.contains("only http and https"), "{err}");
        assert!(open_url("file:///etc/passwd").is_err());
    }

    #[test]
    fn accepts_plain_http_and_https() {
        assert_eq!(
            check_url("https://example.com/a/b?c=d#e").as_deref(),
            Ok("https://example.com/a/b?c=d#e")
        );
        assert_eq!(
            check_url("http://thehill.com/x").as_deref(),
            Ok("http://thehill.com/x")
        );
        assert_eq!(
            check_url("HTTPS://Example.COM").as_deref(),
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
            let err = check_url(url).expect_err(url);
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
            assert!(check_url(url).is_err(), "{url:?} was accepted");
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
            assert!(check_url(url).is_err(), "{url:?} was accepted");
        }
    }

    #[test]
    fn refuses_credentials() {
        assert!(check_url("https://user:pw@example.com/").is_err());
        assert!(check_url("https://evil.com@example.com/").is_err());
    }

    #[test]
    fn shell_metacharacters_are_harmless_because_there_is_no_shell() {
        // Accepted, but percent-encoded or kept as data in one argument: nothing interprets them.
        let url = check_url("https://example.com/a;b&c=$(id)|`x`").expect("valid URL");
        assert!(url.starts_with("https://example.com/"));
        assert!(!url.contains('`'), "{url}");
    }

    #[test]
    fn output_starts_with_the_scheme_so_the_opener_never_sees_an_option() {
        let url = check_url("https://example.com/--help").expect("valid URL");
        assert!(url.starts_with("https://"));
    }
}
