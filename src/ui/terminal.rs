//! Taking over and giving back the terminal: raw mode, alternate screen, mouse, panic hook, Ctrl-Z and signals.
//!
//! The caller loads and validates everything first, then calls [`init`] and keeps a
//! [`TerminalGuard`] alive for as long as the screen is taken. The event loop must poll for
//! input with a timeout (a few hundred milliseconds at most) and check [`Signals::pending`]
//! between polls, so that `kill -TERM` ends the loop and the guard restores the terminal.

use std::io::{self, IsTerminal, Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// The terminal the reader draws on.
pub type Tui = ratatui::DefaultTerminal;

/// How long the event loop has, after SIGTERM, SIGHUP or SIGINT, to restore the terminal and
/// exit on its own before the watchdog does it.
pub const EXIT_DEADLINE: Duration = Duration::from_secs(2);

/// Whether the screen is currently taken (raw mode, alternate screen, mouse capture).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Guards the one-time installation of the panic hook.
static PANIC_HOOK: Once = Once::new();

/// Takes over the terminal: raw mode, alternate screen, mouse capture, hidden cursor.
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

/// Gives the terminal back: mouse capture off, main screen, cursor shown, raw mode off.
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
    tui.clear().inspect_err(|_| restore())
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

/// A termination signal the reader received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGTERM: asked to terminate.
    Terminate,
    /// SIGHUP: the terminal went away.
    Hangup,
    /// SIGINT: interrupted from outside (in raw mode Ctrl-C arrives as a key instead).
    Interrupt,
}

impl Signal {
    /// The conventional exit status for a process ended by this signal (128 + its number).
    pub fn exit_code(self) -> u8 {
        128 + match self {
            Signal::Hangup => 1,
            Signal::Interrupt => 2,
            Signal::Terminate => 15,
        }
    }
}

/// Flags raised by SIGTERM, SIGHUP and SIGINT, checked by the event loop between polls.
///
/// A second signal of the same kind, arriving before the loop reacted to the first, ends the
/// process at once (the loop is stuck; a terminal left in raw mode beats an unkillable reader).
#[derive(Debug)]
pub struct Signals {
    terminate: Arc<AtomicBool>,
    hangup: Arc<AtomicBool>,
    interrupt: Arc<AtomicBool>,
    /// The first signal [`Signals::pending`] reported, as its exit code (0 for none).
    first: AtomicU8,
}

impl Signals {
    /// Registers the handlers, with a watchdog that ends the process [`EXIT_DEADLINE`] after a
    /// signal if the event loop has not exited by then. Call it once, before [`init`].
    ///
    /// The watchdog is there because the loop can be stuck where it cannot see the flags: when
    /// the terminal is closed, crossterm 0.29 spins inside `event::poll` reading end-of-file
    /// forever (crossterm-rs/crossterm#793), so a hung-up reader would otherwise burn a core.
    ///
    /// # Errors
    /// When a handler cannot be registered or the watchdog thread cannot start.
    pub fn install() -> io::Result<Signals> {
        Signals::install_with_deadline(Some(EXIT_DEADLINE))
    }

    /// As [`Signals::install`], with the watchdog's deadline given (`None`: no watchdog).
    ///
    /// # Errors
    /// When a handler cannot be registered or the watchdog thread cannot start.
    pub fn install_with_deadline(deadline: Option<Duration>) -> io::Result<Signals> {
        let signals = Signals {
            terminate: Arc::new(AtomicBool::new(false)),
            hangup: Arc::new(AtomicBool::new(false)),
            interrupt: Arc::new(AtomicBool::new(false)),
            first: AtomicU8::new(0),
        };
        register(signal_hook::consts::SIGTERM, &signals.terminate)?;
        register(signal_hook::consts::SIGINT, &signals.interrupt)?;
        #[cfg(unix)]
        register(signal_hook::consts::SIGHUP, &signals.hangup)?;
        if let Some(deadline) = deadline {
            spawn_watchdog(deadline)?;
        }
        Ok(signals)
    }

    /// The signal received since the last call, if any (termination first, then hangup, then
    /// interrupt). Taking it re-arms the "second signal ends the process" fallback.
    pub fn pending(&self) -> Option<Signal> {
        let signal = [
            (&self.terminate, Signal::Terminate),
            (&self.hangup, Signal::Hangup),
            (&self.interrupt, Signal::Interrupt),
        ]
        .into_iter()
        .find(|(flag, _)| flag.swap(false, Ordering::SeqCst))
        .map(|(_, signal)| signal)?;
        let _ =
            self.first
                .compare_exchange(0, signal.exit_code(), Ordering::SeqCst, Ordering::SeqCst);
        Some(signal)
    }

    /// The first signal [`Signals::pending`] ever reported, so that the reader can exit with
    /// the conventional status (128 + the signal's number) after it restored the terminal.
    pub fn received(&self) -> Option<Signal> {
        match self.first.load(Ordering::SeqCst) {
            0 => None,
            code => [Signal::Terminate, Signal::Hangup, Signal::Interrupt]
                .into_iter()
                .find(|s| s.exit_code() == code),
        }
    }

    /// The process's exit status: success, or 128 + the number of the signal that ended it.
    pub fn exit_code(&self) -> std::process::ExitCode {
        self.received()
            .map_or(std::process::ExitCode::SUCCESS, |s| s.exit_code().into())
    }
}

/// Sets `flag` on `signal`; if the flag is still set when the signal comes again, exits.
fn register(signal: i32, flag: &Arc<AtomicBool>) -> io::Result<()> {
    // Registered first so it sees the flag as the previous delivery left it.
    signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(flag))?;
    signal_hook::flag::register(signal, Arc::clone(flag))?;
    Ok(())
}

/// Waits for a termination signal, gives the event loop `deadline` to exit on its own, then
/// restores the terminal and exits with 128 + the signal's number.
#[cfg(unix)]
fn spawn_watchdog(deadline: Duration) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signal watchdog".to_owned())
        .spawn(move || {
            if let Some(signal) = incoming.forever().next() {
                std::thread::sleep(deadline);
                restore();
                // `_exit`: no clean-up that could wait on a lock the stuck thread holds.
                signal_hook::low_level::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Without POSIX signals there is nothing to watch.
#[cfg(not(unix))]
fn spawn_watchdog(_deadline: Duration) -> io::Result<()> {
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

/// Raw mode on, alternate screen, mouse capture, cursor hidden; undone on failure.
fn enter() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    let result = enable_raw_mode().and_then(|()| {
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            cursor::Hide
        )
    });
    result.inspect_err(|_| restore())
}

/// Undoes [`enter`], step by step, ignoring errors.
fn leave() {
    let mut out = stdout();
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
