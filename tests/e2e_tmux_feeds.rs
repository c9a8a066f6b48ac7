//! End to end: the real binary in tmux on a library in a tempdir, feeds served on 127.0.0.1; `r`, `F`, Enter.

mod feeds_support;
mod tmux_support;

use std::process::Command;

use feeds_support::Server;
use tmux_support::{BIN, Tmux, tmux_missing};

fn cli(lib: &str, args: &[&str]) {
    let out = Command::new(BIN)
        .args(args)
        .args(["--library", lib])
        .output()
        .expect("run cloakroom");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn r_fetches_in_the_background_and_f_lists_and_narrows() {
    if tmux_missing() {
        return;
    }
    let server = Server::start();
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("library.db").display().to_string();
    cli(&lib, &["feed", "add", &server.url("rss2.xml")]);
    cli(&lib, &["fetch"]);
    cli(&lib, &["feed", "add", &server.url("atom.xml")]);
    cli(&lib, &["feed", "add", &server.url("status/500")]);
    let xdg = dir.path().join("xdg").display().to_string();
    let t = Tmux::recording(dir, &[BIN, "--library", &lib], &[("XDG_DATA_HOME", &xdg)]);
    // The whole first frame (a slow host can be caught mid-frame, the list drawn and the
    // status line not yet): the list and the count of the library's four stories.
    t.wait_for("the library's four stories", |s| {
        s.contains("Senate passes the Fixture") && s.contains("All: 4")
    });

    t.keys(&["r"]);
    let after = t.wait_for_text("2 new from 3 feeds");
    assert!(after.contains("All: 6"), "{after}");
    assert!(after.contains("Governor signs budget bill"), "{after}");
    assert!(
        after.contains("failed:") && after.contains("HTTP 500"),
        "{after}"
    );

    t.keys(&["F"]);
    let overlay = t.wait_for_text("unread/stories");
    assert!(overlay.contains("Statehouse Atom"), "{overlay}");
    assert!(overlay.contains("✗ HTTP 500"), "{overlay}");
    // Sorted by title: the 500 feed (untitled: its URL), Capitol Wire, Statehouse Atom.
    t.keys(&["j", "j", "Enter"]);
    let narrowed = t.wait_for_text("feed Statehouse Atom: 2 stories");
    assert!(narrowed.contains("Assembly adjourns"), "{narrowed}");
    assert!(
        !narrowed.contains("Senate passes the Fixture"),
        "{narrowed}"
    );
    t.keys(&["Escape"]);
    t.wait_for("back to the whole list", |s| {
        s.contains("All: 6") && !s.contains("feed Statehouse")
    });
    assert_eq!(t.quit_with("q"), 0);
    t.assert_restored();
}
