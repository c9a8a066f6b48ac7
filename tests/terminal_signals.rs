//! `Signals` turns SIGTERM, SIGHUP and SIGINT into flags the event loop reads, instead of dying.

use cloakroom::ui::terminal::{Signal, Signals, restore};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::low_level::raise;

#[test]
fn signals_become_pending_flags_taken_once() {
    let signals = Signals::install_with_deadline(None).expect("install handlers");
    assert_eq!(signals.pending(), None);
    assert_eq!(signals.received(), None);
    assert_eq!(signals.exit_code(), std::process::ExitCode::SUCCESS);
    for (number, expected) in [
        (SIGTERM, Signal::Terminate),
        (SIGHUP, Signal::Hangup),
        (SIGINT, Signal::Interrupt),
    ] {
        raise(number).expect("raise");
        assert_eq!(signals.pending(), Some(expected));
        assert_eq!(signals.pending(), None, "a signal is reported once");
    }
    raise(SIGINT).expect("raise");
    raise(SIGTERM).expect("raise");
    assert_eq!(
        signals.pending(),
        Some(Signal::Terminate),
        "termination first"
    );
    assert_eq!(signals.pending(), Some(Signal::Interrupt));
    assert_eq!(
        signals.received(),
        Some(Signal::Terminate),
        "the first one is kept"
    );
    assert_eq!(signals.exit_code(), std::process::ExitCode::from(143));
    assert_eq!(Signal::Terminate.exit_code(), 143);
    assert_eq!(Signal::Hangup.exit_code(), 129);
}

#[test]
fn restore_without_init_is_a_harmless_no_op() {
    restore();
    restore();
}

#[test]
fn init_refuses_when_standard_output_is_not_a_terminal() {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        eprintln!("note: standard output is a terminal here; nothing to check");
        return;
    }
    let err = cloakroom::ui::terminal::init().expect_err("no terminal");
    assert!(err.to_string().contains("not a terminal"), "{err}");
}

/// Run in a child process by `the_watchdog_ends_a_stuck_loop`: a loop that never looks at the
/// flags after SIGTERM.
#[test]
#[ignore = "helper: run in a child process by the_watchdog_ends_a_stuck_loop"]
fn stuck_loop_child() {
    let _signals = Signals::install_with_deadline(Some(std::time::Duration::from_millis(200)))
        .expect("install handlers");
    raise(SIGTERM).expect("raise");
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn the_watchdog_ends_a_stuck_loop() {
    let started = std::time::Instant::now();
    let status = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--ignored", "--exact", "stuck_loop_child", "--nocapture"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run the child");
    assert_eq!(status.code(), Some(143), "{status:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}
