//! End to end: the real `cloakroom` binary in tmux; keys in, screen out, terminal restored on every exit.
//!
//! Each test runs its own tmux server (`tmux -L cloakroom-e2e-<pid>-<n>`) with a fixed 120x35
//! window, on the fixture corpus in `tests/fixtures/e2e/` and a `--state` file in a temporary
//! directory. The pane runs a small script that starts the reader and, once it has exited,
//! records `stty -a` and the exit status in files, then idles so the pane's flags
//! (`alternate_on`, `mouse_any_flag`, `cursor_flag`) can still be read. Tests skip with a note
//! when tmux is not installed (`.ci/run` installs it).

mod tmux_support;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tmux_support::*;

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

#[test]
fn other_ending_signals_restore_the_terminal_too() {
    use rustix::process::Signal;
    if tmux_missing() {
        return;
    }
    for (signal, status) in [
        (Signal::QUIT, 131),
        (Signal::USR1, 138),
        (Signal::USR2, 140),
        (Signal::ALARM, 142),
    ] {
        signal_restores(signal, status);
    }
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

#[test]
fn a_big_paste_is_one_edit_and_the_next_key_shows_at_once() {
    if tmux_missing() {
        return;
    }
    let t = Tmux::reader();
    t.wait_for_first_frame();
    t.keys(&["/"]);
    t.wait_for_text("/");
    // 900 characters through tmux's bracketed paste, then two typed keys.
    let pasted = "pipeline ".repeat(100);
    t.run(&["set-buffer", "--", &pasted]);
    t.run(&["paste-buffer", "-p"]);
    t.type_text("zz");
    let start = Instant::now();
    let screen = t.wait_for("the typed keys after the paste", |s| {
        s.contains("pipeline zz▏")
    });
    assert!(
        start.elapsed() < std::time::Duration::from_secs(10),
        "the prompt lagged behind the keys: {screen}"
    );
    t.keys(&["Escape"]);
    // Wait for the prompt to close before the next key: an Esc and a `q` read together are one
    // Alt-q to the terminal (the screen may still list the four stories while the search runs).
    t.wait_for("the prompt closed", |s| !s.contains("zz▏"));
    t.wait_for_first_frame();
    t.keys(&["q"]);
    t.wait_for_file("exit");
    t.assert_restored();
}
