//! Import and relaunch, measured from outside: the synthetic corpus is imported into a library by
//! `cloakroom add` (wall time, size on disk), then the release reader is launched in a pseudo-terminal on the
//! library (the first launch after the import, then a relaunch) and on the same corpus as a file, and each
//! launch is timed to its first frame, to people and bills ready, and to search ready, with its resident memory
//! once ready (all of it, the anonymous part without the library's memory-mapped pages, and the peak).
//!
//! `cargo bench --bench relaunch -- [--synthetic N] [--runs R]` (defaults: 100,000 stories, 3 relaunches).

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 140;
const ROWS: u16 = 40;
/// The screen must hold its state this long for a stage to count as reached.
const SETTLE: Duration = Duration::from_millis(300);

/// What one launch took, from the spawn.
struct Launch {
    first: Duration,
    entities: Duration,
    search: Duration,
    rss_mib: f64,
    anon_mib: f64,
    peak_mib: f64,
}

/// A figure of `/proc/PID/status` in MiB (`VmRSS`, `VmHWM`).
fn proc_mib(pid: u32, key: &str) -> f64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Launches the reader with `args`, and times it to its first frame (the breadcrumb `All: `), to the people and
/// bills (no `loading` or `people & bills` progress left), and to the search index (no progress at all).
fn launch(args: &[OsString], home: &Path) -> Launch {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cloakroom"));
    command.args(args);
    command.env("TERM", "xterm-256color");
    command.env("XDG_CONFIG_HOME", home);
    command.env("XDG_DATA_HOME", home);
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("start the reader");
    drop(pty.slave);
    let pid = child.process_id().expect("pid");
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let mut writer = pty.master.take_writer().expect("pty writer");
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let mut screen = vt100::Parser::new(
        std::num::NonZeroU16::new(ROWS).expect("rows"),
        std::num::NonZeroU16::new(COLS).expect("columns"),
        0,
    );
    let (mut first, mut entities, mut search) = (None, None, None);
    let deadline = started + Duration::from_mins(10);
    loop {
        match rx.recv_timeout(SETTLE) {
            Ok((at, bytes)) => {
                screen.process(&bytes);
                let t = screen.screen().contents();
                let listed = t.contains("All: ");
                let busy = |words: &[&str]| words.iter().any(|w| t.contains(w));
                first = first.or(listed.then(|| at - started));
                // A stage is reached at the first frame from which it stays reached.
                let e = listed && !busy(&["loading", "people & bills"]);
                entities = if e {
                    entities.or(Some(at - started))
                } else {
                    None
                };
                let s = e && !busy(&["search index", "⟳"]);
                search = if s {
                    search.or(Some(at - started))
                } else {
                    None
                };
            }
            Err(RecvTimeoutError::Timeout) if search.is_some() => break,
            Err(RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => panic!(
                "the reader was not ready in time:\n{}",
                screen.screen().contents()
            ),
        }
    }
    let launch = Launch {
        first: first.expect("a first frame"),
        entities: entities.expect("people and bills"),
        search: search.expect("search"),
        rss_mib: proc_mib(pid, "VmRSS:"),
        anon_mib: proc_mib(pid, "RssAnon:"),
        peak_mib: proc_mib(pid, "VmHWM:"),
    };
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let quit_by = Instant::now() + Duration::from_secs(20);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < quit_by {
        thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    launch
}

fn print(label: &str, l: &Launch) {
    let s = |d: Duration| d.as_secs_f64();
    println!(
        "  {label:<34} first frame {:>5.2} s  people & bills {:>5.2} s  search {:>5.2} s  RSS {:>4.0} MiB (anonymous {:>4.0}, peak {:>4.0})",
        s(l.first),
        s(l.entities),
        s(l.search),
        l.rss_mib,
        l.anon_mib,
        l.peak_mib
    );
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let count: usize = value("--synthetic").map_or(100_000, |n| n.parse().expect("a count"));
    let runs: usize = value("--runs").map_or(3, |n| n.parse().expect("a count"));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("bench-data");
    let corpus = data.join(format!("articles-{count}.jsonl"));
    if !corpus.exists() {
        corpus_gen::write_corpus(count, &data).expect("write the synthetic corpus");
    }
    let home = tempfile::tempdir().expect("tempdir");
    let library = home.path().join("library.db");
    println!(
        "{count} synthetic stories ({:.0} MiB of JSON Lines), {COLS}x{ROWS} pseudo-terminal",
        file_size(&corpus) as f64 / 1_048_576.0
    );
    let started = Instant::now();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .arg("add")
        .arg("--library")
        .arg(&library)
        .arg(&corpus)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run cloakroom add");
    assert!(status.success(), "cloakroom add failed: {status:?}");
    let mut wal = library.clone().into_os_string();
    wal.push("-wal");
    println!(
        "  import (cloakroom add)             {:.1} s, {:.0} MiB on disk",
        started.elapsed().as_secs_f64(),
        (file_size(&library) + file_size(Path::new(&wal))) as f64 / 1_048_576.0
    );
    let lib_args = vec![
        OsString::from("--library"),
        library.clone().into_os_string(),
    ];
    print(
        "library, first launch after import",
        &launch(&lib_args, home.path()),
    );
    for i in 1..=runs {
        print(
            &format!("library, relaunch {i}"),
            &launch(&lib_args, home.path()),
        );
    }
    let file_args = vec![
        OsString::from("--state"),
        home.path().join("state.json").into_os_string(),
        corpus.into_os_string(),
    ];
    print("file, opened directly", &launch(&file_args, home.path()));
}
