//! Readers sharing one library, in processes of their own: marks are never lost between them, and a process
//! killed with SIGKILL while writing leaves the library consistent.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cloakroom::library::{Library, MarkKind};
use cloakroom::state::ReadState;

/// Marks each child sets, one save (one transaction) after each.
const MARKS_PER_READER: usize = 150;
/// Marks the killed child sets per save.
const PER_SAVE: usize = 50;

/// Run in a child process: a reader's mark store on the library `CLOAKROOM_TEST_LIB`. `read:NAME` reads
/// `NAME-0`, `NAME-1`, ... saving after each, and toggles the star of `shared` every tenth; `forever` saves
/// batches of `PER_SAVE` read marks until it is killed.
#[test]
#[ignore = "helper: run in child processes by the tests below"]
fn reader_child() {
    let (Ok(lib), Ok(task)) = (
        std::env::var("CLOAKROOM_TEST_LIB"),
        std::env::var("CLOAKROOM_TEST_TASK"),
    ) else {
        return;
    };
    let (mut marks, warning) = ReadState::load_library(Path::new(&lib));
    assert_eq!(warning, None);
    if let Some(name) = task.strip_prefix("read:") {
        for i in 0..MARKS_PER_READER {
            marks.set_read(&format!("{name}-{i}"), true);
            if i % 10 == 0 {
                marks.toggle_star("shared");
            }
            marks.save_if_changed().expect("save");
        }
    } else {
        for batch in 0.. {
            for j in 0..PER_SAVE {
                marks.set_read(&format!("k-{batch}-{j}"), true);
            }
            marks.save_if_changed().expect("save");
        }
    }
    std::process::exit(0);
}

fn child(lib: &Path, task: &str) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["--ignored", "--exact", "reader_child", "--nocapture"])
        .env("CLOAKROOM_TEST_LIB", lib)
        .env("CLOAKROOM_TEST_TASK", task)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn the child")
}

fn read_ids(lib: &Path) -> Vec<String> {
    let lib = Library::open(lib).expect("open");
    lib.marks()
        .expect("marks")
        .into_iter()
        .filter(|m| m.kind == MarkKind::Read && m.value)
        .map(|m| m.id)
        .collect()
}

fn integrity(lib: &Path) -> String {
    let conn = rusqlite::Connection::open(lib).expect("open");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

#[test]
fn two_readers_at_once_never_lose_each_others_marks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("library.db");
    // Both start before either has saved, as two readers opened at the same moment.
    let mut a = child(&lib, "read:a");
    let mut b = child(&lib, "read:b");
    assert!(a.wait().expect("wait").success());
    assert!(b.wait().expect("wait").success());
    let ids = read_ids(&lib);
    for name in ["a", "b"] {
        for i in 0..MARKS_PER_READER {
            let id = format!("{name}-{i}");
            assert!(ids.contains(&id), "{id} was lost; {} marks kept", ids.len());
        }
    }
    assert_eq!(ids.len(), 2 * MARKS_PER_READER);
    assert_eq!(integrity(&lib), "ok");
}

#[test]
fn a_reader_killed_while_saving_leaves_whole_saves_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("library.db");
    for round in 0..3 {
        let before = read_ids(&lib).len();
        let mut c = child(&lib, "forever");
        // Kill it once it has saved a few times, at a moment that differs each round.
        let start = Instant::now();
        while read_ids(&lib).len() < before + PER_SAVE * (2 + round) {
            assert!(
                start.elapsed() < Duration::from_mins(1),
                "the child saved nothing"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(3 * round as u64));
        c.kill().expect("SIGKILL");
        let status = c.wait().expect("wait");
        assert!(!status.success(), "it was killed, not finished: {status:?}");
        assert_eq!(integrity(&lib), "ok");
        // Every save is one transaction: each batch is there whole or not at all.
        let ids = read_ids(&lib);
        let mut per_batch = std::collections::HashMap::<&str, usize>::new();
        for id in &ids {
            let batch = id.rsplit_once('-').expect("k-B-J").0;
            *per_batch.entry(batch).or_default() += 1;
        }
        assert!(
            per_batch.values().all(|&n| n == PER_SAVE),
            "a partial save: {per_batch:?}"
        );
    }
}

#[test]
fn an_import_killed_half_way_adds_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("library.db");
    let input = dir.path().join("many.jsonl");
    let body = "The committee met again on Tuesday to weigh the measure. ".repeat(20);
    let mut text = String::new();
    for i in 0..40_000 {
        let _ = writeln!(
            text,
            "{{\"id\":\"m{i}\",\"title\":\"Story {i}\",\"body\":\"{body} {i}\"}}"
        );
    }
    std::fs::write(&input, text).expect("write input");
    // A library with one article already, which must survive.
    let one = dir.path().join("one.jsonl");
    std::fs::write(
        &one,
        "{\"id\":\"first\",\"title\":\"First\",\"body\":\"kept\"}\n",
    )
    .expect("write");
    let add = |file: &Path| {
        Command::new(env!("CARGO_BIN_EXE_cloakroom"))
            .args(["add", "--library"])
            .arg(&lib)
            .arg(file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn add")
    };
    assert!(add(&one).wait().expect("wait").success());
    let mut c = add(&input);
    // Wait until the import is writing (its uncommitted pages spill into the write-ahead log), then kill it.
    let wal = dir.path().join("library.db-wal");
    let start = Instant::now();
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) < 4 << 20 {
        assert!(
            start.elapsed() < Duration::from_mins(2),
            "the import never wrote"
        );
        if c.try_wait().expect("try_wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    c.kill().expect("SIGKILL");
    let status = c.wait().expect("wait");
    assert!(
        !status.success(),
        "the import finished before it could be killed; make the input larger"
    );
    assert_eq!(integrity(&lib), "ok");
    let lib = Library::open(&lib).expect("open");
    let ids: Vec<String> = lib
        .articles()
        .expect("articles")
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(
        ids,
        vec!["first"],
        "a killed import keeps nothing of itself and loses nothing before it"
    );
}
