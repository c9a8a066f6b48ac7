//! `Signals` hands every ending signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, ...) to the event loop's channel instead of dying.

use cloakroom::ui::terminal::{ENDING_SIGNALS, Signal, Signals, restore};
use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM, SIGUSR1};
use signal_hook::low_level::raise;

/// Run in a child process by `every_ending_signal_reaches_the_loop`: installs the handlers,
/// raises the signal named by `CLOAKROOM_TEST_SIGNAL`, and exits 0 once the channel got it.
#[test]
#[ignore = "helper: run in a child process by every_ending_signal_reaches_the_loop"]
fn one_signal_child() {
    let Ok(number) = std::env::var("CLOAKROOM_TEST_SIGNAL") else {
        return;
    };
    let number: i32 = number.parse().expect("a signal number");
    let (tx, rx) = std::sync::mpsc::channel();
    let signals = Signals::install_with_deadline(
        move |s| {
            let _ = tx.send(s);
        },
        None,
    )
    .expect("install handlers");
    assert_eq!(signals.received(), None);
    raise(number).expect("raise");
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the signal reaches the channel");
    assert_eq!(got, Signal(number));
    assert_eq!(signals.received(), Some(Signal(number)));
    assert_eq!(
        signals.exit_code(),
        std::process::ExitCode::from(Signal(number).exit_code())
    );
    if std::env::var_os("CLOAKROOM_TEST_TWICE").is_some() {
        raise(number).expect("raise again");
        std::thread::sleep(std::time::Duration::from_secs(20));
    }
    std::process::exit(0);
}

fn run_child(number: i32, twice: bool) -> std::process::ExitStatus {
    let mut cmd = std::process::Command::new(std::env::current_exe().expect("test binary"));
    cmd.args(["--ignored", "--exact", "one_signal_child", "--nocapture"])
        .env("CLOAKROOM_TEST_SIGNAL", number.to_string())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if twice {
        cmd.env("CLOAKROOM_TEST_TWICE", "1");
    }
    cmd.status().expect("run the child")
}

#[test]
fn every_ending_signal_reaches_the_loop() {
    assert!(ENDING_SIGNALS.contains(&SIGQUIT));
    for &number in ENDING_SIGNALS {
        let status = run_child(number, false);
        assert_eq!(status.code(), Some(0), "signal {number}: {status:?}");
    }
    assert_eq!(Signal(SIGTERM).exit_code(), 143);
    assert_eq!(Signal(SIGHUP).exit_code(), 129);
}

#[test]
fn a_second_signal_ends_the_process_at_once() {
    let started = std::time::Instant::now();
    let status = run_child(SIGUSR1, true);
    assert_eq!(status.code(), Some(128 + SIGUSR1), "{status:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
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
    let _signals =
        Signals::install_with_deadline(|_| {}, Some(std::time::Duration::from_millis(200)))
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
