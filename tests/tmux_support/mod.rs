//! The tmux harness of the end-to-end tests: a tmux server per test running the real binary on
//! the fixture corpus, keys in, screen and pane flags out, and checks that the terminal is back.
#![allow(dead_code)]
#![cfg(unix)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_cloakroom");
/// Generous: the machine may be busy compiling; polling returns as soon as the screen is there.
pub const TIMEOUT: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(25);
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 35;

/// Distinctive parts of the fixture's stories, in list order (newest first = file order).
pub const FARM: &str = "Senate panel";
pub const BORDER: &str = "House passes border";
pub const BUDGET: &str = "Budget talks stall";
pub const PIPELINE: &str = "Zephyrine pipeline";
pub const BORDER_ID: &str = "e2e-border-vote";

pub static SERVERS: AtomicUsize = AtomicUsize::new(0);

pub fn tmux_missing() -> bool {
    let missing = !Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if missing {
        eprintln!("note: tmux is not installed; skipping this end-to-end test");
    }
    missing
}

pub fn fixture() -> PathBuf {
    fixture_named("stories.jsonl")
}

pub fn fixture_named(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/e2e")
        .join(name)
}

/// Quotes a string for `sh`.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// One tmux server with one 120x35 session named `main`, torn down on drop.
pub struct Tmux {
    pub socket: String,
    pub dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts a server whose only pane runs `argv`, with a fresh temporary directory.
    pub fn start(argv: &[&str]) -> Tmux {
        Tmux::start_in(tempfile::tempdir().expect("tempdir"), argv)
    }

    /// Starts a server whose only pane runs `argv`; `dir` holds the test's files.
    pub fn start_in(dir: tempfile::TempDir, argv: &[&str]) -> Tmux {
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        let tmux = Tmux {
            socket: format!("cloakroom-e2e-{}-{n}", std::process::id()),
            dir,
        };
        let (w, h) = (WIDTH.to_string(), HEIGHT.to_string());
        let mut command = vec!["new-session", "-d", "-s", "main", "-x", &w, "-y", &h];
        command.extend_from_slice(argv);
        tmux.run(&command);
        tmux
    }

    /// Starts a server whose pane runs the reader on the fixture through a recording script.
    pub fn reader() -> Tmux {
        Tmux::reader_on(&fixture(), &[])
    }

    /// Starts the reader on `corpus` with extra environment variables.
    pub fn reader_on(corpus: &Path, env: &[(&str, &str)]) -> Tmux {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("data/state.json").display().to_string();
        let corpus = corpus.display().to_string();
        Tmux::recording(dir, &[BIN, "--state", &state, &corpus], env)
    }

    /// Starts a pane running `argv` with `env` through a script that records the pid, and after
    /// the exit `stty -a` and the exit status, in files of `dir`.
    pub fn recording(dir: tempfile::TempDir, argv: &[&str], env: &[(&str, &str)]) -> Tmux {
        let mut exports = String::new();
        for (k, v) in env {
            writeln!(exports, "export {k}={}", sh_quote(v)).expect("write to a string");
        }
        let command: Vec<String> = argv.iter().map(|a| sh_quote(a)).collect();
        let script = dir.path().join("run.sh");
        let body = format!(
            "{exports}cd {d} || exit 1\n\
             sh -c 'echo $$ > pid; exec \"$0\" \"$@\"' {command}\n\
             status=$?\n\
             stty -a > stty.tmp; mv stty.tmp stty\n\
             echo $status > exit.tmp; mv exit.tmp exit\n\
             exec sleep 600\n",
            d = sh_quote(&dir.path().display().to_string()),
            command = command.join(" "),
        );
        fs::write(&script, body).expect("write script");
        let script = script.display().to_string();
        Tmux::start_in(dir, &["sh", &script])
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        // The server and every pane it starts get a data directory of their own: a test never reads or writes
        // the user's library.
        let out = Command::new("tmux")
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .args(["-L", &self.socket, "-f", "/dev/null", "-u"])
            .args(args)
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// The screen with its colours and attributes as escape sequences.
    pub fn styled_screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-e", "-t", "main"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// A pane format variable such as `alternate_on`.
    pub fn flag(&self, name: &str) -> String {
        let format = format!("#{{{name}}}");
        let out = self.run(&["display-message", "-p", "-t", "main", &format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Sends tmux key names (`j`, `Enter`, `Escape`, `C-z`, ...).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Polls `probe` until it gives a value; panics with the screen after the timeout, or at
    /// once if `running` and the reader has exited.
    pub fn poll<T>(&self, what: &str, running: bool, mut probe: impl FnMut() -> Option<T>) -> T {
        let start = Instant::now();
        loop {
            if let Some(value) = probe() {
                return value;
            }
            if running && let Some(status) = self.exit_status() {
                panic!(
                    "the reader exited (status {status}) while waiting for {what}; the screen was:\n{}",
                    self.screen()
                );
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; the screen was:\n{}",
                self.screen()
            );
            sleep(POLL);
        }
    }

    /// Waits until the screen satisfies `ok` while the reader runs; returns that screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.poll(what, true, || Some(self.screen()).filter(|s| ok(s)))
    }

    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    pub fn wait_for_flag(&self, name: &str, value: &str) {
        let what = format!("{name}={value}");
        self.poll(&what, value == "1", || {
            (self.flag(name) == value).then_some(())
        });
    }

    pub fn wait_for_file(&self, name: &str) -> String {
        let path = self.path(name);
        self.poll(name, false, || fs::read_to_string(&path).ok())
    }

    /// Waits until the reader has drawn its first frame of the default fixture.
    pub fn wait_for_first_frame(&self) -> String {
        self.wait_for_flag("alternate_on", "1");
        // The whole list, not a frame caught half written.
        self.wait_for("the four stories listed", |s| {
            [FARM, BORDER, BUDGET, PIPELINE]
                .iter()
                .all(|t| s.contains(t))
        })
    }

    /// The reader's exit status, once the script recorded it.
    pub fn exit_status(&self) -> Option<i32> {
        fs::read_to_string(self.path("exit"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
    }

    /// Presses `key` until the reader exits (it may first step back out of a search or story).
    pub fn quit_with(&self, key: &str) -> i32 {
        for _ in 0..6 {
            self.keys(&[key]);
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(2) {
                if let Some(status) = self.exit_status() {
                    return status;
                }
                sleep(POLL);
            }
        }
        panic!(
            "the reader did not quit on {key}; the screen was:\n{}",
            self.screen()
        );
    }

    /// Asserts the terminal was given back: main screen, cursor shown, no mouse capture, and
    /// the line discipline back in canonical mode with echo (as recorded after the exit).
    pub fn assert_restored(&self) {
        let stty = self.wait_for_file("stty");
        let words: Vec<&str> = stty.split_whitespace().collect();
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(words.contains(&mode), "{mode} is off after exit: {stty}");
        }
        assert_eq!(
            self.flag("alternate_on"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(self.flag("mouse_any_flag"), "0", "mouse capture still on");
        assert_eq!(self.flag("cursor_flag"), "1", "cursor still hidden");
    }

    /// Asserts the screen is taken, so that [`Tmux::assert_restored`] tests something.
    pub fn assert_taken(&self) {
        assert_eq!(self.flag("alternate_on"), "1");
        assert_eq!(
            self.flag("mouse_any_flag"),
            "1",
            "mouse capture is on while reading"
        );
        assert_eq!(
            self.flag("cursor_flag"),
            "0",
            "the cursor is hidden while reading"
        );
    }

    pub fn reader_pid(&self) -> i32 {
        self.wait_for_file("pid").trim().parse().expect("pid")
    }

    pub fn read_ids(&self) -> Vec<String> {
        let text = fs::read_to_string(self.path("data/state.json")).expect("state file written");
        let json: serde_json::Value = serde_json::from_str(&text).expect("state file parses");
        assert_eq!(json["version"], 1, "{text}");
        json["read"]
            .as_array()
            .expect("read list")
            .iter()
            .map(|v| v.as_str().expect("id").to_owned())
            .collect()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
