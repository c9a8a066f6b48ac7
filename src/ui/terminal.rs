//! Taking over and giving back the terminal: raw mode, alternate screen, mouse, panic hook, Ctrl-Z and signals.
//!
//! The caller loads and validates everything first, then calls [`init`] and keeps a
//! [`TerminalGuard`] alive for as long as the screen is taken. [`Signals`] hands every ending
//! signal to the event loop's channel, so that `kill -TERM` ends the loop and the guard
//! restores the terminal.

use std::io::{self, IsTerminal, Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// The terminal the reader draws on.
pub type Tui = ratatui::DefaultTerminal;

/// How long the event loop has, after an ending signal, to restore the terminal and
/// exit on its own before the watchdog does it.
pub const EXIT_DEADLINE: Duration = Duration::from_secs(2);

/// Whether the screen is currently taken (raw mode, alternate screen, mouse capture).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Guards the one-time installation of the panic hook.
static PANIC_HOOK: Once = Once::new();

/// Takes over the terminal: raw mode, alternate screen, mouse capture, bracketed paste, hidden
/// cursor.
///
/// Installs, once per process, a panic hook that restores the terminal and then runs the
/// previous hook, so the panic message lands on the normal screen; a panic on another thread
/// then ends the process.
///
/// # Errors
/// When standard output is not a terminal (the reader would write escape codes into a file or
/// pipe), or any error switching the terminal's modes; what was already switched is undone.
pub fn init() -> io::Result<Tui> {
    if !stdout().is_terminal() {
        return Err(io::Error::other(
            "standard output is not a terminal; the reader needs one (the `search`, `entities` and `check` subcommands work without)",
        ));
    }
    install_panic_hook();
    enter()?;
    let backend = ratatui::backend::CrosstermBackend::new(stdout());
    ratatui::Terminal::new(backend).inspect_err(|_| restore())
}

/// Gives the terminal back: bracketed paste and mouse capture off, main screen, cursor shown,
/// raw mode off.
///
/// Idempotent and never panics: it does nothing unless the screen is taken, and every step is
/// tried even when an earlier one fails (for example when the terminal is already gone).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        leave();
    }
}

/// Suspends the reader for Ctrl-Z: restores the terminal, stops the process group as the
/// shell's job control expects, and when continued (`fg`) takes the screen back and clears it
/// so the next draw repaints everything.
///
/// # Errors
/// Any error stopping the process or re-entering the terminal's modes; the terminal is then
/// left restored.
pub fn suspend(tui: &mut Tui) -> io::Result<()> {
    restore();
    stop_self()?;
    enter()?;
    // `resize` clears the screen and makes the next draw repaint every cell, like `clear`, but
    // without asking the terminal for the cursor position: the input thread owns the reader.
    let size = tui.size().inspect_err(|_| restore())?;
    tui.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
        .inspect_err(|_| restore())
}

/// Restores the terminal when dropped, so early returns and errors give the screen back too.
#[derive(Debug, Default)]
#[must_use = "the terminal is restored when the guard is dropped"]
pub struct TerminalGuard;

impl TerminalGuard {
    /// A guard for a terminal taken by [`init`].
    pub fn new() -> Self {
        Self
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// A signal that ends the reader, by its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signal(pub i32);

impl Signal {
    /// The conventional exit status for a process ended by this signal (128 + its number).
    pub fn exit_code(self) -> u8 {
        (128 + self.0).clamp(0, 255) as u8
    }
}

/// Every signal whose default action ends the process and that can be caught without a fault
/// behind it: the reader restores the terminal and exits with 128 + its number on each.
/// On Linux SIGIO (SIGPOLL) ends a process too; elsewhere it is ignored by default and stays so.
#[cfg(target_os = "linux")]
pub const ENDING_SIGNALS: &[i32] = {
    use signal_hook::consts::signal::{
        SIGALRM, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM,
        SIGXCPU, SIGXFSZ,
    };
    &[
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGIO,
    ]
};

/// Every signal whose default action ends the process and that can be caught without a fault
/// behind it.
#[cfg(all(unix, not(target_os = "linux")))]
pub const ENDING_SIGNALS: &[i32] = {
    use signal_hook::consts::signal::{
        SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
        SIGXFSZ,
    };
    &[
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ]
};

/// Without POSIX signals only Ctrl-C exists, and it arrives as a key.
#[cfg(not(unix))]
pub const ENDING_SIGNALS: &[i32] = &[];

/// The ending signals, caught: each is handed to `notify` (the event loop's channel) from a
/// thread of its own, so the loop sees it at once and restores the terminal on its way out.
///
/// A watchdog ends the process [`EXIT_DEADLINE`] after the first signal if the loop has not
/// exited by then, and a second signal ends it at once: the loop may be stuck where it cannot
/// look (when the terminal is closed, crossterm 0.29 spins reading end-of-file,
/// crossterm-rs/crossterm#793), and a terminal given back beats an unkillable reader.
#[derive(Debug)]
pub struct Signals {
    first: Arc<AtomicI32>,
}

impl Signals {
    /// Catches the ending signals, with the watchdog. Call it once, before [`init`].
    ///
    /// # Errors
    /// When a handler cannot be registered or the thread cannot start.
    pub fn install(notify: impl Fn(Signal) + Send + 'static) -> io::Result<Signals> {
        Signals::install_with_deadline(notify, Some(EXIT_DEADLINE))
    }

    /// As [`Signals::install`], with the watchdog's deadline given (`None`: no watchdog).
    ///
    /// # Errors
    /// When a handler cannot be registered or the thread cannot start.
    pub fn install_with_deadline(
        notify: impl Fn(Signal) + Send + 'static,
        deadline: Option<Duration>,
    ) -> io::Result<Signals> {
        let first = Arc::new(AtomicI32::new(0));
        spawn_listener(Arc::clone(&first), notify, deadline)?;
        Ok(Signals { first })
    }

    /// The first signal received, if any.
    pub fn received(&self) -> Option<Signal> {
        match self.first.load(Ordering::SeqCst) {
            0 => None,
            n => Some(Signal(n)),
        }
    }

    /// The process's exit status: success, or 128 + the number of the signal that ended it.
    pub fn exit_code(&self) -> std::process::ExitCode {
        self.received()
            .map_or(std::process::ExitCode::SUCCESS, |s| s.exit_code().into())
    }
}

/// Restores the terminal and ends the process with 128 + `signal`, at once.
fn exit_on(signal: i32) -> ! {
    restore();
    // `_exit`: no clean-up that could wait on a lock a stuck thread holds.
    signal_hook::low_level::exit((128 + signal).clamp(0, 255))
}

/// The thread that receives the signals: the first goes to `notify` and starts the watchdog,
/// a second ends the process.
#[cfg(unix)]
fn spawn_listener(
    first: Arc<AtomicI32>,
    notify: impl Fn(Signal) + Send + 'static,
    deadline: Option<Duration>,
) -> io::Result<()> {
    let mut incoming = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    std::thread::Builder::new()
        .name("cloakroom-signals".to_owned())
        .spawn(move || {
            for signal in incoming.forever() {
                if first
                    .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst)
                    .is_err()
                {
                    exit_on(signal);
                }
                notify(Signal(signal));
                if let Some(deadline) = deadline {
                    let _ = std::thread::Builder::new()
                        .name("cloakroom-watchdog".to_owned())
                        .spawn(move || {
                            std::thread::sleep(deadline);
                            exit_on(signal);
                        });
                }
            }
        })?;
    Ok(())
}

/// Without POSIX signals there is nothing to listen to.
#[cfg(not(unix))]
fn spawn_listener(
    _first: Arc<AtomicI32>,
    _notify: impl Fn(Signal) + Send + 'static,
    _deadline: Option<Duration>,
) -> io::Result<()> {
    Ok(())
}

/// Installs the restoring panic hook once.
///
/// A panic on a background thread while the screen is taken ends the process (status 101)
/// after the message: the event loop would otherwise go on drawing on a restored terminal.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let was_taken = ACTIVE.load(Ordering::SeqCst);
            restore();
            previous(info);
            if was_taken && std::thread::current().name() != Some("main") {
                std::process::exit(101);
            }
        }));
    });
}

/// Raw mode on, alternate screen, mouse capture, bracketed paste, cursor hidden; undone on
/// failure.
fn enter() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    let result = enable_raw_mode().and_then(|()| {
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            cursor::Hide
        )
    });
    result.inspect_err(|_| restore())
}

/// Undoes [`enter`], step by step, ignoring errors.
fn leave() {
    let mut out = stdout();
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, cursor::Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Stops the whole process group with SIGTSTP (as vim and less do, so a wrapper such as
/// `cargo run` stops too and the shell regains the terminal); returns once continued.
#[cfg(unix)]
fn stop_self() -> io::Result<()> {
    rustix::process::kill_current_process_group(rustix::process::Signal::TSTP)?;
    Ok(())
}

/// There is no job control here; suspending only redraws.
#[cfg(not(unix))]
fn stop_self() -> io::Result<()> {
    Ok(())
}
