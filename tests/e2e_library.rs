//! End to end: `cloakroom` with no path opens the library, keeps its marks there, and moves an old state.json in.

mod tmux_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use tmux_support::*;

/// Runs the binary headless with `data` as its data directory; returns stdout.
fn headless(data: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .env("XDG_DATA_HOME", data)
        .args(args)
        .output()
        .expect("run cloakroom");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn no_path_opens_the_library_with_marks_kept_in_it_and_state_json_moved_in() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    headless(&data, &["add", &fixture().display().to_string()]);
    // An old state file: the border story was read (and a story not in the library starred).
    fs::write(
        data.join("cloakroom/state.json"),
        r#"{"version":1,"read":["e2e-border-vote"],"starred":["elsewhere"],"changed":{"read":{"e2e-border-vote":5}}}"#,
    )
    .expect("write state.json");
    let t = Tmux::recording(dir, &[BIN], &[]);
    t.wait_for_first_frame();
    t.assert_taken();
    // Star the selected story (the list is newest first).
    t.keys(&["s"]);
    t.wait_for_text("★");
    let status = t.quit_with("q");
    t.assert_restored();
    assert_eq!(status, 0, "{}", t.screen());
    assert!(t.path("data/cloakroom/state.json.migrated").is_file());
    assert!(!t.path("data/cloakroom/state.json").exists());
    let json: serde_json::Value =
        serde_json::from_str(&headless(&t.path("data"), &["library", "--json"])).expect("json");
    assert_eq!(json["articles"], 4, "{json}");
    assert_eq!(json["read"], 1, "the migrated read mark: {json}");
    assert_eq!(
        json["starred"], 1,
        "the star set in the reader (the other is not in the library): {json}"
    );
}

#[test]
fn an_empty_library_opens_the_bundled_sample() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Tmux::recording(dir, &[BIN], &[]);
    t.wait_for_flag("alternate_on", "1");
    t.wait_for_text("All: 116");
    t.quit_with("q");
    t.assert_restored();
}
