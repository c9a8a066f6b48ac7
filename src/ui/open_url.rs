//! Opening a story's link in the system's browser: http(s) only, no shell, never blocking the UI.

use std::process::{Command, Stdio};

use crate::corpus::SafeUrl;

/// Opens `url` with the system's opener (`xdg-open`, or `open` on macOS) without a shell.
///
/// The URL was checked when the story was loaded ([`SafeUrl`]); the opener gets it as one argument, with
/// standard input and output closed, in its own process group (so Ctrl-Z on the reader does not
/// stop the browser), and is reaped by a background thread, so this returns at once. Without a
/// graphical session the opener would start a text browser fighting the reader for the
/// terminal, so the link is refused with a message that shows it instead.
///
/// # Errors
/// A message for the status bar when the URL is refused or the opener cannot be started.
pub fn open_url(url: &SafeUrl) -> Result<(), String> {
    if !has_graphical_session(|name| std::env::var_os(name)) {
        return Err(format!("no graphical session to open the link in: {url}"));
    }
    launch(opener(), url.as_str())
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
    use super::{has_graphical_session, launch};
    use crate::corpus::SafeUrl;

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
        let url = SafeUrl::parse(&format!(
            "https://example.com/a;b&c=$(touch%20{})`id`",
            pwned.display()
        ))
        .expect("valid URL");
        let started = Instant::now();
        launch(opener.to_str().expect("utf-8 path"), url.as_str()).expect("launch");
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
}
