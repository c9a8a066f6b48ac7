//! Two readers on one state file: marks merge per mark by time of change, under a lock; a failed save names the
//! state file.

use std::fs;
use std::sync::{Arc, Barrier};

use cloakroom::state::ReadState;

#[test]
fn a_stale_mark_in_memory_does_not_undo_a_later_change_of_another_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    let (a, _) = ReadState::load(&path);
    let (b, _) = ReadState::load(&path);
    let mut a = a.with_clock(|| 1_000);
    let mut b = b.with_clock(|| 2_000);

    // A marks x read at t=1000 and keeps it in memory; B marks it read, then unread, at t=2000 and saves.
    a.set_read("x", true);
    a.set_starred("s", true);
    b.set_read("x", true);
    b.set_read("x", false);
    b.set_starred("s", true);
    b.set_starred("s", false);
    b.save_if_changed().expect("b saves");
    // A saves later: its older change to x and s loses to B's newer one.
    a.set_read("y", true);
    a.save_if_changed().expect("a saves");

    let (on_disk, _) = ReadState::load(&path);
    assert!(
        !on_disk.is_read("x"),
        "A's stale mark undid B's later unread"
    );
    assert!(
        !on_disk.is_starred("s"),
        "A's stale star undid B's later unstar"
    );
    assert!(on_disk.is_read("y"));
    // A now shows what was saved.
    assert!(!a.is_read("x") && !a.is_starred("s") && a.is_read("y"));

    // The other way round: a change newer than the file's wins.
    let mut c = ReadState::load(&path).0.with_clock(|| 3_000);
    c.set_read("x", true);
    c.save_if_changed().expect("c saves");
    assert!(ReadState::load(&path).0.is_read("x"));
}

#[test]
fn readers_saving_at_the_same_instant_keep_every_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    for round in 0..20 {
        let readers = 4;
        let barrier = Arc::new(Barrier::new(readers));
        let handles: Vec<_> = (0..readers)
            .map(|r| {
                let path = path.clone();
                let barrier = Arc::clone(&barrier);
                std::thread::spawn(move || {
                    let (mut state, _) = ReadState::load(&path);
                    state.set_read(&format!("r{round}-{r}"), true);
                    barrier.wait();
                    state.save_if_changed().expect("save")
                })
            })
            .collect();
        for h in handles {
            assert!(h.join().expect("reader thread"));
        }
        let (on_disk, _) = ReadState::load(&path);
        for r in 0..readers {
            assert!(
                on_disk.is_read(&format!("r{round}-{r}")),
                "round {round}: reader {r}'s mark was lost"
            );
        }
    }
}

#[test]
fn an_old_state_file_without_times_still_loads_and_merges() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    fs::write(&path, r#"{"version":1,"read":["old"],"starred":["star"]}"#).expect("write");
    let (mut state, warning) = ReadState::load(&path);
    assert_eq!(warning, None);
    assert!(state.is_read("old") && state.is_starred("star"));
    state.set_read("old", false);
    state.save_if_changed().expect("save");
    let (loaded, _) = ReadState::load(&path);
    assert!(!loaded.is_read("old") && loaded.is_starred("star"));
}

#[test]
fn a_failed_save_names_the_state_file_not_the_temporary_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("state.json");
    fs::create_dir(&target).expect("mkdir");
    fs::write(target.join("keep"), "k").expect("write");
    let (mut state, _) = ReadState::load(&target);
    state.set_read("a", true);
    let message = state
        .save_if_changed()
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.starts_with(&format!(
            "could not save read marks to {}:",
            target.display()
        )),
        "{message}"
    );
    assert!(!message.contains(".state-"), "{message}");
}
