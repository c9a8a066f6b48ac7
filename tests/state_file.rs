//! The read/starred state file: round trip, corrupt files set aside, atomic saves, errors.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use cloakroom::state::{ReadState, default_path_from};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn missing_file_gives_empty_state_without_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    let (state, warning) = ReadState::load(&path);
    assert_eq!(warning, None);
    assert_eq!(state.path(), Some(path.as_path()));
    assert!(!state.is_read("a"));
    assert!(!state.is_starred("a"));
    assert_eq!(state.read_count(), 0);
    assert!(!path.exists(), "loading must not create the file");
}

#[test]
fn round_trip_keeps_marks_sorted_in_the_documented_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    let (state, _) = ReadState::load(&path);
    let mut state = state.with_clock(|| 1_700_000_000_000);
    state.set_read("zeta", true);
    state.set_read("alpha", true);
    state.set_read("gone", true);
    state.set_read("gone", false);
    assert!(state.toggle_star("mid"));
    assert!(state.toggle_star("alpha"));
    assert!(!state.toggle_star("alpha"));
    assert!(state.toggle_read("beta"));
    state.save().expect("save");

    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).expect("read")).expect("valid JSON");
    assert_eq!(
        json,
        serde_json::json!({
            "version": 1,
            "read": ["alpha", "beta", "zeta"],
            "starred": ["mid"],
            "changed": {
                "read": {"alpha": 1_700_000_000_000_u64, "beta": 1_700_000_000_000_u64,
                         "gone": 1_700_000_000_000_u64, "zeta": 1_700_000_000_000_u64},
                "starred": {"alpha": 1_700_000_000_000_u64, "mid": 1_700_000_000_000_u64}
            }
        })
    );

    let (loaded, warning) = ReadState::load(&path);
    assert_eq!(warning, None);
    for id in ["alpha", "beta", "zeta"] {
        assert!(loaded.is_read(id), "{id}");
    }
    assert!(!loaded.is_read("gone"));
    assert!(!loaded.is_read("mid"));
    assert!(loaded.is_starred("mid"));
    assert!(!loaded.is_starred("alpha"));
    assert_eq!((loaded.read_count(), loaded.starred_count()), (3, 1));
}

#[test]
fn ids_with_odd_characters_survive() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    let (mut state, _) = ReadState::load(&path);
    let ids = ["a\"b", "line\nbreak", "ünïcødé", "", "back\\slash"];
    for id in ids {
        state.set_read(id, true);
    }
    state.save().expect("save");
    let (loaded, warning) = ReadState::load(&path);
    assert_eq!(warning, None);
    for id in ids {
        assert!(loaded.is_read(id), "{id:?}");
    }
}

#[test]
fn corrupt_file_is_set_aside_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    for (i, content) in [
        "{\"version\":1,\"read\":[\"a\"", // truncated
        "not json at all",
        "{\"version\":99,\"read\":[]}",   // unknown version
        "{\"read\":[\"a\"]}",             // no version
        "{\"version\":1,\"read\":[1,2]}", // wrong types
    ]
    .into_iter()
    .enumerate()
    {
        fs::write(&path, content).expect("write");
        let (state, warning) = ReadState::load(&path);
        let warning = warning.unwrap_or_else(|| panic!("case {i}: no warning"));
        assert!(warning.contains("corrupt"), "case {i}: {warning}");
        assert!(!state.is_read("a"), "case {i}");
        assert!(
            !path.exists(),
            "case {i}: the corrupt file is still in place"
        );
        let aside: Vec<String> = names_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("state.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "case {i}: {aside:?}");
        let aside_path = dir.path().join(&aside[0]);
        assert!(warning.contains(&aside[0]), "case {i}: {warning}");
        assert_eq!(
            fs::read_to_string(&aside_path).expect("read"),
            content,
            "case {i}"
        );
        fs::remove_file(aside_path).expect("clean up");

        // The reader goes on and saves a good file in its place.
        let mut state = state;
        state.set_read("b", true);
        state.save().expect("save");
        assert!(ReadState::load(&path).0.is_read("b"));
        fs::remove_file(&path).expect("clean up");
    }
}

#[test]
fn save_creates_missing_directories() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("deep").join("er").join("state.json");
    let (mut state, warning) = ReadState::load(&path);
    assert_eq!(warning, None);
    state.set_starred("x", true);
    state.save().expect("save");
    assert!(ReadState::load(&path).0.is_starred("x"));
}

#[test]
fn save_leaves_no_temporary_files_and_the_target_always_parses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    let (mut state, _) = ReadState::load(&path);
    state.set_read("seed", true);
    state.save().expect("first save");

    // A reader polls the file while saves replace it: it must never see a partial file.
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let stop = Arc::clone(&stop);
        let path = path.clone();
        std::thread::spawn(move || {
            let mut reads = 0u32;
            while !stop.load(Ordering::SeqCst) {
                let text = fs::read_to_string(&path).expect("the target always exists");
                let value: serde_json::Value =
                    serde_json::from_str(&text).unwrap_or_else(|e| panic!("partial file: {e}"));
                assert_eq!(value["version"], 1);
                reads += 1;
            }
            reads
        })
    };
    for i in 0..40 {
        state.set_read(&format!("story-{i:04}-{}", "x".repeat(64)), true);
        state.save().expect("save");
    }
    stop.store(true, Ordering::SeqCst);
    let reads = watcher.join().expect("watcher saw only whole files");
    assert!(reads > 0);

    assert_eq!(names_in(dir.path()), vec!["state.json".to_owned()]);
    let (loaded, _) = ReadState::load(&path);
    assert_eq!(loaded.read_count(), 41);
}

#[test]
fn failed_save_is_an_error_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().expect("tempdir");

    // The parent "directory" is a regular file: cannot be created, even as root.
    let blocker = dir.path().join("blocker");
    fs::write(&blocker, "x").expect("write");
    let (mut state, _) = ReadState::load(&blocker.join("state.json"));
    state.set_read("a", true);
    assert!(state.save().is_err());
    assert!(state.save_if_changed().is_err());
    assert!(state.is_dirty(), "a failed save keeps the changes pending");

    // The target is a non-empty directory: the rename fails; nothing is left behind.
    let target = dir.path().join("state.json");
    fs::create_dir(&target).expect("mkdir");
    fs::write(target.join("keep"), "k").expect("write");
    let (mut state, warning) = ReadState::load(&target);
    assert!(warning.is_some(), "an unreadable state file is reported");
    state.set_read("a", true);
    assert!(state.save().is_err());
    assert_eq!(fs::read_to_string(target.join("keep")).expect("read"), "k");
    assert_eq!(
        names_in(dir.path()),
        vec!["blocker".to_owned(), "state.json".to_owned()]
    );
}

#[test]
fn save_if_changed_writes_only_after_a_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    let (mut state, _) = ReadState::load(&path);
    assert!(!state.is_dirty());
    assert!(!state.save_if_changed().expect("nothing to save"));
    assert!(!path.exists());
    state.set_read("a", true);
    state.set_read("a", true);
    assert!(state.is_dirty());
    assert!(state.save_if_changed().expect("save"));
    assert!(!state.is_dirty());
    assert!(path.exists());
    state.set_read("a", true);
    assert!(
        !state.is_dirty(),
        "setting a mark to its current value is no change"
    );
}

#[test]
fn in_memory_state_is_never_written() {
    let mut state = ReadState::in_memory();
    state.set_read("a", true);
    assert!(state.is_read("a"));
    assert_eq!(state.path(), None);
    state.save().expect("no-op");
}

#[test]
fn default_path_prefers_an_absolute_xdg_data_home() {
    let platform = Some(PathBuf::from("/home/u/.local/share"));
    assert_eq!(
        default_path_from(Some("/xdg/data".into()), platform.clone()),
        Some(PathBuf::from("/xdg/data/cloakroom/state.json"))
    );
    // Relative and empty values are ignored, as the XDG spec says.
    for bad in ["relative/dir", ""] {
        assert_eq!(
            default_path_from(Some(bad.into()), platform.clone()),
            Some(PathBuf::from("/home/u/.local/share/cloakroom/state.json")),
            "{bad:?}"
        );
    }
    assert_eq!(
        default_path_from(None, platform),
        Some(PathBuf::from("/home/u/.local/share/cloakroom/state.json"))
    );
    assert_eq!(default_path_from(None, None), None);
}

#[cfg(unix)]
#[test]
fn a_symlinked_state_file_stays_a_symlink() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("dotfiles").join("state.json");
    fs::create_dir_all(real.parent().expect("parent")).expect("mkdir");
    fs::write(&real, r#"{"version":1,"read":["old"],"starred":[]}"#).expect("write");
    let link = dir.path().join("state.json");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");

    let (mut state, warning) = ReadState::load(&link);
    assert_eq!(warning, None);
    assert!(state.is_read("old"));
    state.set_read("new", true);
    state.save().expect("save");

    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    let (through_real, _) = ReadState::load(&real);
    assert!(through_real.is_read("old") && through_real.is_read("new"));
    assert_eq!(
        names_in(real.parent().expect("parent")),
        vec!["state.json".to_owned()]
    );
}

#[test]
fn two_readers_at_once_keep_each_others_marks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    fs::write(
        &path,
        r#"{"version":1,"read":["shared","b-will-unread"],"starred":["a-will-unstar"]}"#,
    )
    .expect("write");
    let (mut a, _) = ReadState::load(&path);
    let (mut b, _) = ReadState::load(&path);

    a.set_read("from-a", true);
    a.toggle_star("a-will-unstar");
    assert!(a.save_if_changed().expect("a saves"));
    b.set_read("from-b", true);
    b.set_read("b-will-unread", false);
    b.set_starred("starred-by-b", true);
    b.save().expect("b saves");

    let (on_disk, _) = ReadState::load(&path);
    for id in ["shared", "from-a", "from-b"] {
        assert!(on_disk.is_read(id), "{id} lost");
    }
    assert!(!on_disk.is_read("b-will-unread"));
    assert!(
        !on_disk.is_starred("a-will-unstar"),
        "a's unstar was undone by b"
    );
    assert!(on_disk.is_starred("starred-by-b"));

    // A's next save brings B's marks into A's view, and keeps B's changes.
    a.set_read("from-a-again", true);
    assert!(a.save_if_changed().expect("a saves"));
    assert!(a.is_read("from-b") && a.is_starred("starred-by-b"));
    assert!(!a.is_read("b-will-unread"));
    let (on_disk, _) = ReadState::load(&path);
    assert!(on_disk.is_read("from-b") && on_disk.is_read("from-a-again"));
}
