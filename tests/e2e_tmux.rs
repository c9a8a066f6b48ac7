//! End to end: the real `cloakroom` binary in tmux; keys in, screen out, terminal restored on every exit.
//!
//! Each test runs its own tmux server (`tmux -L cloakroom-e2e-<pid>-<n>`) with a fixed 120x35
//! window, on the fixture corpus in `tests/fixtures/e2e/` and a `--state` file in a temporary
//! directory. The pane runs a small script that starts the reader and, once it has exited,
//! records `stty -a` and the exit status in files, then idles so the pane's flags
//! (`alternate_on`, `mouse_any_flag`, `cursor_flag`) can still be read. Tests skip with a note
//! when tmux is not installed (`.ci/run` installs it).
#![cfg(unix)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cloakroom");
/// Generous: the machine may be busy compiling; polling returns as soon as the screen is there.
const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(25);
const WIDTH: u16 = 120;
const HEIGHT: u16 = 35;

/// Distinctive parts of the fixture's stories, in list order (newest first = file order).
const FARM: &str = "Senate panel";
const BORDER: &str = "House passes border";
const BUDGET: &str = "Budget talks stall";
const PIPELINE: &str = "Zephyrine pipeline";
const BORDER_ID: &str = "e2e-border-vote";

static SERVERS: AtomicUsize = AtomicUsize::new(0);

fn tmux_missing() -> bool {
    let missing = !Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if missing {
        eprintln!("note: tmux is not installed; skipping this end-to-end test");
    }
    missing
}

fn fixture() -> PathBuf {
    fixture_named("stories.jsonl")
}

fn fixture_named(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/e2e")
        .join(name)
}

/// Quotes a string for `sh`.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// One tmux server with one 120x35 session named `main`, torn down on drop.
struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts a server whose only pane runs `argv`, with a fresh temporary directory.
    fn start(argv: &[&str]) -> Tmux {
        Tmux::start_in(tempfile::tempdir().expect("tempdir"), argv)
    }

    /// Starts a server whose only pane runs `argv`; `dir` holds the test's files.
    fn start_in(dir: tempfile::TempDir, argv: &[&str]) -> Tmux {
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
    fn reader() -> Tmux {
        Tmux::reader_on(&fixture(), &[])
    }

    /// Starts the reader on `corpus` with extra environment variables.
    fn reader_on(corpus: &Path, env: &[(&str, &str)]) -> Tmux {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("data/state.json").display().to_string();
        let corpus = corpus.display().to_string();
        Tmux::recording(dir, &[BIN, "--state", &state, &corpus], env)
    }

    /// Starts a pane running `argv` with `env` through a script that records the pid, and after
    /// the exit `stty -a` and the exit status, in files of `dir`.
    fn recording(dir: tempfile::TempDir, argv: &[&str], env: &[(&str, &str)]) -> Tmux {
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

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
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
    fn styled_screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-e", "-t", "main"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// A pane format variable such as `alternate_on`.
    fn flag(&self, name: &str) -> String {
        let format = format!("#{{{name}}}");
        let out = self.run(&["display-message", "-p", "-t", "main", &format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Sends tmux key names (`j`, `Enter`, `Escape`, `C-z`, ...).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Polls `probe` until it gives a value; panics with the screen after the timeout, or at
    /// once if `running` and the reader has exited.
    fn poll<T>(&self, what: &str, running: bool, mut probe: impl FnMut() -> Option<T>) -> T {
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
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.poll(what, true, || Some(self.screen()).filter(|s| ok(s)))
    }

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    fn wait_for_flag(&self, name: &str, value: &str) {
        let what = format!("{name}={value}");
        self.poll(&what, value == "1", || {
            (self.flag(name) == value).then_some(())
        });
    }

    fn wait_for_file(&self, name: &str) -> String {
        let path = self.path(name);
        self.poll(name, false, || fs::read_to_string(&path).ok())
    }

    /// Waits until the reader has drawn its first frame of the default fixture.
    fn wait_for_first_frame(&self) -> String {
        self.wait_for_flag("alternate_on", "1");
        // The whole list, not a frame caught half written.
        self.wait_for("the four stories listed", |s| {
            [FARM, BORDER, BUDGET, PIPELINE]
                .iter()
                .all(|t| s.contains(t))
        })
    }

    /// The reader's exit status, once the script recorded it.
    fn exit_status(&self) -> Option<i32> {
        fs::read_to_string(self.path("exit"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
    }

    /// Presses `key` until the reader exits (it may first step back out of a search or story).
    fn quit_with(&self, key: &str) -> i32 {
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
    fn assert_restored(&self) {
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
    fn assert_taken(&self) {
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

    fn reader_pid(&self) -> i32 {
        self.wait_for_file("pid").trim().parse().expect("pid")
    }

    fn read_ids(&self) -> Vec<String> {
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

#[test]
fn read_search_and_quit_restores_the_terminal_and_saves_state() {
    if tmux_missing() {
        return;
    }
    let t = Tmux::reader();
    let first = t.wait_for_first_frame();
    for title in [FARM, BORDER, BUDGET, PIPELINE] {
        assert!(
            first.contains(title),
            "{title} missing from the list:\n{first}"
        );
    }
    t.assert_taken();

    // Down one, open it: the border story's body shows.
    t.keys(&["j", "Enter"]);
    t.wait_for_text("Massie");

    // Search across the corpus: only the pipeline story is left in the list.
    t.keys(&["/"]);
    t.type_text("zephyrine");
    t.keys(&["Enter"]);
    let screen = t.wait_for("only the pipeline story listed", |s| {
        s.contains(PIPELINE) && !s.contains(BUDGET) && !s.contains(FARM)
    });
    assert!(!screen.contains(BUDGET), "{screen}");

    let status = t.quit_with("q");
    assert_eq!(status, 0, "exit status after q");
    t.assert_restored();
    assert!(
        t.read_ids().iter().any(|id| id == BORDER_ID),
        "the opened story is not marked read: {:?}",
        t.read_ids()
    );
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    if tmux_missing() {
        return;
    }
    let t = Tmux::reader();
    t.wait_for_first_frame();
    t.assert_taken();
    t.keys(&["C-c"]);
    t.wait_for_file("exit");
    t.assert_restored();
}

/// Opens a story, sends `signal` to the running reader, and checks it exits with `128 + n`,
/// gives the terminal back and keeps the read mark.
fn signal_restores(signal: rustix::process::Signal, status: i32) {
    let t = Tmux::reader();
    t.wait_for_first_frame();
    t.assert_taken();
    t.keys(&["j", "Enter"]);
    t.wait_for_text("Massie");
    let pid = rustix::process::Pid::from_raw(t.reader_pid()).expect("a real pid");
    rustix::process::kill_process(pid, signal).expect("send the signal");
    let got: i32 = t.wait_for_file("exit").trim().parse().expect("status");
    t.assert_restored();
    assert_eq!(got, status, "exit status after the signal");
    assert!(
        t.read_ids().iter().any(|id| id == BORDER_ID),
        "the read mark was lost: {:?}",
        t.read_ids()
    );
}

#[test]
fn sigterm_exits_and_restores_the_terminal() {
    if tmux_missing() {
        return;
    }
    signal_restores(rustix::process::Signal::TERM, 143);
}

#[test]
fn sighup_exits_and_restores_the_terminal() {
    if tmux_missing() {
        return;
    }
    signal_restores(rustix::process::Signal::HUP, 129);
}

/// Whether `pid` is a live process (a zombie waiting to be reaped does not count).
fn alive(pid: i32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) if Path::new("/proc/self").exists() => false,
        Err(_) => rustix::process::Pid::from_raw(pid)
            .is_some_and(|p| rustix::process::test_kill_process(p).is_ok()),
    }
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    if tmux_missing() {
        return;
    }
    let t = Tmux::reader();
    t.wait_for_first_frame();
    let pid = t.reader_pid();
    assert!(alive(pid));
    // The pane's terminal goes away under the reader, as when a terminal window is closed.
    t.run(&["kill-server"]);
    let start = Instant::now();
    while alive(pid) {
        assert!(
            start.elapsed() < TIMEOUT,
            "the reader outlived its terminal (pid {pid})"
        );
        sleep(POLL);
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    if tmux_missing() {
        return;
    }
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("note: bash is not installed; skipping the job-control test");
        return;
    }
    let t = Tmux::start(&["bash", "--norc", "--noprofile", "-i"]);
    let dir = sh_quote(&t.dir.path().display().to_string());
    t.wait_for("a shell prompt", |s| !s.trim().is_empty());
    t.type_text(&format!("cd {dir} && PS1='READY> '"));
    t.keys(&["Enter"]);
    t.wait_for_text("READY> ");
    t.type_text(&format!(
        "clear; {} --state {} {}",
        sh_quote(BIN),
        sh_quote(&t.path("data/state.json").display().to_string()),
        sh_quote(&fixture().display().to_string()),
    ));
    t.keys(&["Enter"]);
    t.wait_for_first_frame();
    t.keys(&["j"]);
    t.assert_taken();

    // Ctrl-Z: back at the shell, with the terminal usable.
    t.keys(&["C-z"]);
    t.wait_for_flag("alternate_on", "0");
    t.wait_for_text("Stopped");
    assert_eq!(
        t.flag("mouse_any_flag"),
        "0",
        "mouse capture on while stopped"
    );
    assert_eq!(t.flag("cursor_flag"), "1", "cursor hidden while stopped");
    t.type_text("stty -a > stty.tmp; mv stty.tmp stty");
    t.keys(&["Enter"]);
    let stty = t.wait_for_file("stty");
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "{stty}"
    );

    // fg: the whole screen is drawn again, not just what changed.
    t.type_text("fg");
    t.keys(&["Enter"]);
    t.wait_for_flag("alternate_on", "1");
    let screen = t.wait_for_text(PIPELINE);
    assert!(screen.contains(FARM), "{screen}");
    assert_eq!(t.flag("mouse_any_flag"), "1", "mouse capture back after fg");

    // Still responsive, then quit to the shell.
    t.keys(&["Enter"]);
    t.wait_for_text("Massie");
    for _ in 0..6 {
        if t.flag("alternate_on") == "0" {
            break;
        }
        t.keys(&["q"]);
        sleep(Duration::from_millis(300));
    }
    t.wait_for_flag("alternate_on", "0");
    t.type_text("echo \"exit=$?\"");
    t.keys(&["Enter"]);
    t.wait_for_text("exit=0");
    assert_eq!(t.flag("cursor_flag"), "1");
    assert_eq!(t.flag("mouse_any_flag"), "0");
}

/// The colour parameters (foreground or background, not the resets 39/49) in the SGR sequences
/// of a `capture-pane -e` dump.
fn colour_codes(styled: &str) -> Vec<String> {
    let mut found = Vec::new();
    for chunk in styled.split("\u{1b}[").skip(1) {
        let Some(end) = chunk.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            continue;
        };
        if !chunk[end..].starts_with('m') {
            continue;
        }
        let params: Vec<&str> = chunk[..end].split([';', ':']).collect();
        let mut i = 0;
        while i < params.len() {
            let n: u32 = params[i].parse().unwrap_or(0);
            match n {
                30..=37 | 40..=47 | 90..=97 | 100..=107 => found.push(n.to_string()),
                38 | 48 | 58 => {
                    found.push(chunk[..end].to_owned());
                    break;
                }
                _ => {}
            }
            i += 1;
        }
    }
    found
}

#[test]
fn no_color_turns_every_colour_off() {
    if tmux_missing() {
        return;
    }
    let coloured = Tmux::reader_on(&fixture(), &[]);
    coloured.wait_for_first_frame();
    coloured.keys(&["Enter"]);
    coloured.wait_for_text("Klobuchar");
    let codes = colour_codes(&coloured.styled_screen());
    assert!(!codes.is_empty(), "no colour at all without NO_COLOR");

    let plain = Tmux::reader_on(&fixture(), &[("NO_COLOR", "1")]);
    plain.wait_for_first_frame();
    plain.keys(&["Enter"]);
    plain.wait_for_text("Klobuchar");
    let styled = plain.styled_screen();
    assert_eq!(
        colour_codes(&styled),
        Vec::<String>::new(),
        "colours with NO_COLOR=1"
    );
    // Still usable: the selection is marked some other way (reverse, bold, a marker).
    assert!(
        styled.contains("\u{1b}["),
        "no styling at all with NO_COLOR=1"
    );
}

#[test]
fn escape_sequences_in_stories_never_reach_the_terminal() {
    if tmux_missing() {
        return;
    }
    let t = Tmux::reader_on(&fixture_named("hostile.jsonl"), &[]);
    t.wait_for_flag("alternate_on", "1");
    let title_before = t.flag("pane_title");
    t.wait_for_text("Hostile headline");
    t.keys(&["Enter"]);
    let screen = t.wait_for_text("End of the hostile story");
    // The sequences would have left the alternate screen, shown the cursor, cleared the
    // screen, turned the mouse off and renamed the pane; none of it happened.
    t.assert_taken();
    assert!(
        !t.flag("pane_title").contains("pwned"),
        "{}",
        t.flag("pane_title")
    );
    assert_eq!(t.flag("pane_title"), title_before);
    assert!(
        screen.contains("Plain companion"),
        "the screen was cleared:\n{screen}"
    );
    assert!(
        !screen.contains("pwned"),
        "an escape sequence's payload shows:\n{screen}"
    );
    assert!(
        !screen.contains("[?1049"),
        "half a sequence shows:\n{screen}"
    );
    let status = t.quit_with("q");
    assert_eq!(status, 0);
    t.assert_restored();
}

#[test]
fn colour_codes_are_found_in_sgr_sequences() {
    assert_eq!(
        colour_codes("\u{1b}[1mbold\u{1b}[0m \u{1b}[39;49m"),
        Vec::<String>::new()
    );
    assert_eq!(colour_codes("\u{1b}[1;31mred"), vec!["31".to_owned()]);
    assert_eq!(colour_codes("\u{1b}[38;5;12mx"), vec!["38;5;12".to_owned()]);
    assert_eq!(
        colour_codes("\u{1b}[7m\u{1b}[48;2;1;2;3mx"),
        vec!["48;2;1;2;3".to_owned()]
    );
    assert_eq!(colour_codes("\u{1b}[2Jx\u{1b}[H"), Vec::<String>::new());
}

/// Run inside tmux by `a_panic_restores_the_terminal_and_shows_the_message`: takes the screen
/// with the reader's own `terminal::init`, then panics once told to.
#[test]
#[ignore = "helper: run inside tmux by a_panic_restores_the_terminal_and_shows_the_message"]
fn panicking_child() {
    let go = PathBuf::from(std::env::var_os("CLOAKROOM_E2E_GO").expect("CLOAKROOM_E2E_GO"));
    let mut tui = cloakroom::ui::terminal::init().expect("take the terminal");
    tui.draw(|frame| {
        frame.render_widget(
            ratatui::widgets::Paragraph::new("ABOUT TO PANIC"),
            frame.area(),
        );
    })
    .expect("draw");
    while !go.exists() {
        sleep(POLL);
    }
    if std::env::var_os("CLOAKROOM_E2E_PANIC_THREAD").is_some() {
        // A worker panics while this thread goes on as an event loop would.
        let _worker = std::thread::spawn(|| panic!("deliberate panic from the end-to-end test"));
        loop {
            sleep(POLL);
            tui.draw(|frame| {
                frame.render_widget(
                    ratatui::widgets::Paragraph::new("STILL DRAWING"),
                    frame.area(),
                );
            })
            .expect("draw");
        }
    }
    panic!("deliberate panic from the end-to-end test");
}

/// Runs `panicking_child` in tmux and checks the terminal is restored and the message shown.
fn panic_restores(env: &[(&str, &str)]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let go = dir.path().join("go").display().to_string();
    let me = std::env::current_exe().expect("this test binary");
    let me = me.display().to_string();
    let mut env = env.to_vec();
    env.extend([("CLOAKROOM_E2E_GO", go.as_str()), ("RUST_BACKTRACE", "0")]);
    let t = Tmux::recording(
        dir,
        &[
            &me,
            "--ignored",
            "--exact",
            "panicking_child",
            "--nocapture",
            "--test-threads=1",
        ],
        &env,
    );
    t.wait_for_text("ABOUT TO PANIC");
    t.assert_taken();
    fs::write(&go, "").expect("say go");
    let status: i32 = t.wait_for_file("exit").trim().parse().expect("status");
    assert_eq!(status, 101, "the panic ends the process with 101");
    t.assert_restored();
    // The message was printed after the restore, so it is on the main screen for the user.
    let screen = t.screen();
    assert!(
        screen.contains("deliberate panic from the end-to-end test"),
        "the panic message is not on the main screen:\n{screen}"
    );
}

#[test]
fn a_panic_restores_the_terminal_and_shows_the_message() {
    if tmux_missing() {
        return;
    }
    panic_restores(&[]);
}

#[test]
fn a_panic_on_a_worker_thread_restores_the_terminal_and_ends_the_reader() {
    if tmux_missing() {
        return;
    }
    panic_restores(&[("CLOAKROOM_E2E_PANIC_THREAD", "1")]);
}
