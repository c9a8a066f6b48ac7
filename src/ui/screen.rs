//! Temporary terminal set-up, suspend and link opening until the `terminal` and `open_url` modules land.

use std::io::stdout;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Takes the screen (raw mode, alternate screen, mouse); the panic hook restores it.
pub fn init() -> anyhow::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

/// Gives the screen back.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Restores the terminal, stops the process, and takes the screen again on resume.
pub fn suspend(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    *terminal = init()?;
    terminal.clear()?;
    Ok(())
}

/// Opens an http(s) link with the system's opener, never through a shell.
pub fn open_url(url: &str) -> Result<(), String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("only http and https links are opened".to_owned());
    }
    open::that_detached(url).map_err(|e| e.to_string())
}
