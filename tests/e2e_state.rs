//! End to end: a reader whose last save fails exits non-zero with a message naming the state file.

mod tmux_support;

use std::fs;

use tmux_support::*;

#[test]
fn a_failed_save_on_quit_exits_1_naming_the_state_file() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // The state path is a folder with a file in it: the save's rename cannot replace it.
    let state = dir.path().join("state.json");
    fs::create_dir(&state).expect("mkdir");
    fs::write(state.join("keep"), "k").expect("write");
    let state = state.display().to_string();
    let corpus = fixture().display().to_string();
    let t = Tmux::recording(dir, &[BIN, "--state", &state, &corpus], &[]);
    t.wait_for_first_frame();
    // Open a story: it is marked read, so there is something to save.
    t.keys(&["j", "Enter"]);
    t.wait_for_text("Massie");
    let status = t.quit_with("q");
    t.assert_restored();
    let screen = t.screen();
    assert_eq!(status, 1, "{screen}");
    let shown: String = screen.lines().map(str::trim_end).collect();
    assert!(
        shown.contains(&format!("could not save read marks to {state}")),
        "{screen}"
    );
}
