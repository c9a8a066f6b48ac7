//! The config file: rebinding keys drives the reader, the help shows the user's keys, colours and layout apply, `cloakroom config` round-trips, and a bad file is a clear error before the screen.

mod tmux_support;
mod ui_support;

use std::process::Command;

use cloakroom::ui::Config;
use cloakroom::ui::app::Mode;
use cloakroom::ui::help;
use crossterm::event::KeyCode;
use ratatui::style::Color;
use tmux_support::{BIN, PIPELINE, Tmux, fixture, tmux_missing};
use ui_support::harness;

const REBOUND: &str = r##"
[keys.normal]
down = ["J", "Down"]
up = "K"
toggle-help = "F1"

[theme]
border_focused = "#ff8800"
selected = { fg = "black", bg = "lightyellow" }

[layout]
side_width = 40
list_lines = 2
"##;

#[test]
fn rebound_keys_drive_the_reader_and_the_help_shows_them() {
    let config = Config::parse(REBOUND, "config.toml").expect("valid");
    let mut h = harness(120, 35);
    config.apply(&mut h.app);
    let first = h.selected_title();
    h.press(KeyCode::Char('j'));
    assert_eq!(h.selected_title(), first, "j no longer moves down");
    h.press(KeyCode::Char('J'));
    assert_ne!(h.selected_title(), first, "J moves down");
    h.press(KeyCode::Char('K'));
    assert_eq!(h.selected_title(), first, "K moves up");
    h.press(KeyCode::Char('?'));
    assert_eq!(h.app.mode(), Mode::Normal, "? is unbound now");
    h.press(KeyCode::F(1));
    assert_eq!(h.app.mode(), Mode::Help);
    let help = help::lines(&h.app, 80)
        .iter()
        .map(std::string::ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(help.contains("J ↓") && help.contains("down"), "{help}");
    assert!(help.contains("F1"), "{help}");
    let down_rows: Vec<&str> = help.lines().filter(|l| l.ends_with("  down")).collect();
    assert!(
        !down_rows.is_empty() && down_rows.iter().all(|l| l.trim_start().starts_with("J ↓")),
        "{down_rows:?}"
    );
    // The status bar's hints name the user's key for help.
    h.press(KeyCode::Esc);
    let screen = h.screen();
    assert!(screen.contains("F1 help"), "{screen}");
}

#[test]
fn colours_and_layout_from_the_file_apply() {
    let config = Config::parse(REBOUND, "config.toml").expect("valid");
    // SAFETY of the test: NO_COLOR is read at theme time; this test runs without it set.
    if std::env::var_os("NO_COLOR").is_some() {
        return;
    }
    let theme = config.theme();
    assert_eq!(theme.border_focused.fg, Some(Color::Rgb(0xff, 0x88, 0)));
    assert_eq!(theme.selected.bg, Some(Color::LightYellow));
    let mut h = harness(120, 35);
    config.apply(&mut h.app);
    let areas = cloakroom::ui::layout::areas(&h.app);
    assert_eq!(areas.side.map(|r| r.width), Some(40));
    let list = areas.list.expect("a list");
    assert_eq!(
        cloakroom::ui::layout::list_row_height(list, h.app.layout()),
        2
    );
}

#[test]
fn bad_files_name_the_place_and_what_is_wrong() {
    for (text, line, col, what) in [
        (
            "[keys.normal]\ndown = [\"j\", \"Dwn\"]\n",
            2,
            8,
            "unknown key \"Dwn\"",
        ),
        ("[keys.normal]\nfly = \"x\"\n", 2, 1, "unknown action `fly`"),
        (
            "[keys.everywhere]\ndown = \"j\"\n",
            1,
            7,
            "unknown key scope `everywhere`",
        ),
        (
            "[theme]\nborder = \"plaid\"\n",
            2,
            10,
            "unknown colour `plaid`",
        ),
        ("[layout]\nside_width = 4\n", 2, 14, "side_width must be"),
        ("[layout\n", 1, 8, ""),
        ("colour = 1\n", 1, 1, "unknown field `colour`"),
    ] {
        let err = Config::parse(text, "c.toml").expect_err(text);
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("c.toml:{line}:{col}: ")) && message.contains(what),
            "{text:?} gave {message}"
        );
    }
}

#[test]
fn a_bad_config_exits_2_before_the_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys.normal]\nfly = \"x\"\n").expect("write");
    let out = Command::new(BIN)
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
        )
        .args(["--config", &path.display().to_string()])
        .arg(fixture())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config.toml:2:1: unknown action `fly`"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing drawn: {:?}", out.stdout);
}

#[test]
fn cloakroom_config_prints_every_default_and_reads_back_the_same() {
    let out = Command::new(BIN)
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
        )
        .arg("config")
        .env("XDG_CONFIG_HOME", "/nonexistent-cloakroom-test")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).expect("utf-8");
    assert!(printed.contains("[keys.normal]"), "{printed}");
    assert!(printed.contains("down = [\"j\", \"Down\"]"), "{printed}");
    assert!(printed.contains("sort = \"relevance\""), "{printed}");
    let again = Config::parse(&printed, "printed.toml").expect("the printout is a valid config");
    assert_eq!(again.to_toml(), printed, "printing is a fixed point");
    let rebound = Config::parse(REBOUND, "c.toml").expect("valid").to_toml();
    assert!(rebound.contains("down = [\"J\", \"Down\"]"), "{rebound}");
    assert!(rebound.contains("side_width = 40"), "{rebound}");
    assert_eq!(
        Config::parse(&rebound, "r.toml").expect("valid").to_toml(),
        rebound
    );
}

#[test]
fn the_reader_in_a_terminal_takes_the_rebound_keys() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, REBOUND).expect("write");
    let state = dir.path().join("data/state.json").display().to_string();
    let corpus = fixture().display().to_string();
    let config = config.display().to_string();
    let t = Tmux::recording(
        dir,
        &[BIN, "--config", &config, "--state", &state, &corpus],
        &[],
    );
    t.wait_for_first_frame();
    t.keys(&["F1"]);
    let help = t.wait_for_text("show this help");
    assert!(help.contains("J ↓"), "{help}");
    t.keys(&["Escape"]);
    t.wait_for("help closed", |s| !s.contains("show this help"));
    // J moves down the list; the list shows two lines per story.
    t.keys(&["J", "J", "J"]);
    t.wait_for_text(" 4/4 ");
    let screen = t.screen();
    assert!(screen.contains(PIPELINE), "{screen}");
    t.keys(&["q"]);
    t.wait_for_file("exit");
    t.assert_restored();
}
