//! Key to frame, measured from outside: the release binary runs in a pseudo-terminal at 140x40,
//! keys are written one at a time, and each is timed from its write to the last byte of the
//! screen update it causes (the output falls quiet and the screen shows the key's result). The
//! same harness drives `fzf` over the same text (one story a line) for comparison.
//!
//! `cargo bench --bench pty -- [--corpora DIR] [--synthetic N] [--no-fzf] [--verbose]`
//! (defaults: `../shared/corpora/allsides-congress` when present, and 100,000 synthetic stories
//! written to `bench-data/` as the load bench does).

#[path = "support/stats.rs"]
mod stats;

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 140;
const ROWS: u16 = 40;
/// Output quiet for this long ends a key's update (the last byte before it is the frame's end).
const QUIET: Duration = Duration::from_millis(120);
/// fzf filters in the background and may pause between frames: it gets a longer quiet time.
const FZF_QUIET: Duration = Duration::from_millis(400);

/// The queries typed a key at a time (names, typos, bill numbers, phrases, two-part queries, an
/// act named by its subject, which reads the stories with some of its words too).
const QUERIES: &[&str] = &[
    "massie",
    "hr 1234",
    "nato exit",
    "pelosi",
    "wickr",
    "mcconel",
    "patriot act",
    "rand paul",
    "schumer iran deal",
    "health care bill",
];

/// A program in a pseudo-terminal, with its output read on a thread and parsed into a screen.
struct Session {
    writer: Box<dyn Write + Send>,
    output: Receiver<(Instant, Vec<u8>)>,
    screen: vt100::Parser,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn spawn(command: CommandBuilder) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let child = pty.slave.spawn_command(command).expect("start the program");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let (tx, output) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        Session {
            writer,
            output,
            screen: vt100::Parser::new(
                std::num::NonZeroU16::new(ROWS).expect("rows"),
                std::num::NonZeroU16::new(COLS).expect("columns"),
                0,
            ),
            child,
            _master: pty.master,
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads output until it has been quiet for 300 ms with `done` holding on the screen (a frame
    /// can arrive in several reads), or panics after `limit`.
    fn wait_for(&mut self, what: &str, limit: Duration, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + limit;
        loop {
            match self.output.recv_timeout(Duration::from_millis(300)) {
                Ok((_, bytes)) => self.screen.process(&bytes),
                Err(RecvTimeoutError::Timeout) if done(&self.text()) => return,
                Err(RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => panic!(
                    "timed out waiting for {what}; the screen was:\n{}",
                    self.text()
                ),
            }
        }
    }

    /// Writes `key` and returns the time to the last byte of its update: output is read until
    /// it has been quiet for `quiet` with `done` holding on the screen.
    fn key(&mut self, key: &[u8], quiet: Duration, done: impl Fn(&str) -> bool) -> Duration {
        while self.output.try_recv().is_ok_and(|(_, b)| {
            self.screen.process(&b);
            true
        }) {}
        let start = Instant::now();
        self.writer.write_all(key).expect("write the key");
        self.writer.flush().expect("flush");
        let mut last = None;
        let give_up = start + Duration::from_mins(2);
        loop {
            match self.output.recv_timeout(quiet) {
                Ok((at, bytes)) => {
                    // Only bytes that change what the screen shows count (a redraw that
                    // changes nothing still writes a cursor-hide sequence).
                    let before = self.screen.screen().contents_formatted();
                    self.screen.process(&bytes);
                    if self.screen.screen().contents_formatted() != before {
                        last = Some(at);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    if done(&self.text()) || Instant::now() > give_up {
                        break;
                    }
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        last.map_or(Duration::ZERO, |at| at.saturating_duration_since(start))
    }

    fn end(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// p50, p99 and max of some durations, in milliseconds.
fn summary(label: &str, times: &mut [Duration]) {
    if let Some(s) = stats::spread(times) {
        println!(
            "  {label:<44} n={:<4} p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
            s.n, s.p50, s.p99, s.max
        );
    }
}

/// Key bytes as a terminal sends them.
mod keys {
    pub const ESC: &[u8] = b"\x1b";
    pub const PAGE_DOWN: &[u8] = b"\x1b[6~";
    pub const PAGE_UP: &[u8] = b"\x1b[5~";
    pub const TAB: &[u8] = b"\t";
    pub const CTRL_U: &[u8] = b"\x15";
}

/// Whether the reader's search prompt line is on screen.
fn prompt_open(screen: &str) -> bool {
    screen.lines().any(|l| l.starts_with("/ "))
}

/// Times navigation and search keystrokes in the reader over `paths`.
fn cloakroom(paths: &[PathBuf], verbose: bool) {
    let state = tempfile::tempdir().expect("tempdir");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cloakroom"));
    command.arg("--state");
    command.arg(state.path().join("state.json"));
    for p in paths {
        command.arg(p);
    }
    command.env("TERM", "xterm-256color");
    command.env("XDG_CONFIG_HOME", state.path());
    let launched = Instant::now();
    let mut s = Session::spawn(command);
    // The first frame: time to the read that brings the list's breadcrumb (the screen keeps
    // changing while the corpus loads, so no quiet time is waited for here).
    let mut raw = Vec::new();
    let first = loop {
        let (at, bytes) = s
            .output
            .recv_timeout(Duration::from_mins(1))
            .expect("a first frame within a minute");
        s.screen.process(&bytes);
        raw.extend_from_slice(&bytes);
        if raw.windows(5).any(|w| w == b"All: ") {
            break at.saturating_duration_since(launched);
        }
    };
    s.wait_for(
        "people, bills and the search index",
        Duration::from_mins(10),
        |t| {
            t.contains("All: ")
                && !["⟳", "loading", "people & bills", "search index"]
                    .iter()
                    .any(|busy| t.contains(busy))
        },
    );
    println!(
        "  launch: first frame {:.0} ms, indexed {:.0} ms",
        first.as_secs_f64() * 1000.0,
        launched.elapsed().as_secs_f64() * 1000.0
    );
    let mut nav = Vec::new();
    let any = |_: &str| true;
    for _ in 0..30 {
        nav.push(s.key(b"j", QUIET, any));
    }
    for _ in 0..10 {
        nav.push(s.key(b"k", QUIET, any));
    }
    for _ in 0..5 {
        nav.push(s.key(keys::PAGE_DOWN, QUIET, any));
    }
    for _ in 0..5 {
        nav.push(s.key(keys::PAGE_UP, QUIET, any));
    }
    nav.push(s.key(keys::TAB, QUIET, any));
    for _ in 0..20 {
        nav.push(s.key(b"j", QUIET, any));
    }
    for _ in 0..5 {
        nav.push(s.key(b" ", QUIET, any));
    }
    // The side panel: each selection computes and draws the person's or bill's card.
    let mut side = vec![s.key(keys::TAB, QUIET, any)];
    for _ in 0..10 {
        side.push(s.key(b"j", QUIET, any));
    }
    for _ in 0..10 {
        side.push(s.key(b"k", QUIET, any));
    }
    // Into the card, down its "often with" list, a pivot and back.
    let mut card = vec![s.key(keys::TAB, QUIET, any)];
    for _ in 0..3 {
        card.push(s.key(b"j", QUIET, any));
    }
    card.push(s.key(b"\r", QUIET, any));
    card.push(s.key(keys::ESC, QUIET, any));
    nav.push(s.key(keys::TAB, QUIET, any));
    let mut typed = Vec::new();
    for query in QUERIES {
        s.key(b"/", QUIET, prompt_open);
        let mut text = String::new();
        for c in query.chars() {
            text.push(c);
            let shown = format!("/ {text}▏");
            let took = s.key(c.to_string().as_bytes(), QUIET, |t| {
                t.contains(&shown) && !t.contains("searching…")
            });
            if verbose {
                println!("    {text:<24} {:>7.2} ms", took.as_secs_f64() * 1000.0);
            }
            typed.push(took);
        }
        s.key(keys::ESC, QUIET, |t| !prompt_open(t));
    }
    summary("navigation (j k PgDn PgUp Tab Space)", &mut nav);
    summary("side panel selection, card shown (Tab j k)", &mut side);
    summary("card: Tab j, Enter pivot, Esc back", &mut card);
    summary("search keystroke to results on screen", &mut typed);
    s.end();
}

/// One story a line (title, then body), the text fzf is given.
fn story_lines(paths: &[PathBuf], out: &Path) -> usize {
    let corpus = cloakroom::corpus::load(paths, &cloakroom::corpus::LoadOptions::default())
        .expect("the corpus loads");
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("create"));
    for a in &corpus.articles {
        let body = a.body.replace('\n', " ");
        writeln!(file, "{} {}", a.title, body).expect("write");
    }
    file.flush().expect("flush");
    corpus.articles.len()
}

/// Times the same search keystrokes in interactive fzf over `lines`.
fn fzf(lines: &Path, count: usize, verbose: bool) {
    let mut command = CommandBuilder::new("sh");
    command.arg("-c");
    command.arg(format!("exec fzf --no-mouse < '{}'", lines.display()));
    command.env("TERM", "xterm-256color");
    let mut s = Session::spawn(command);
    let total = format!("{count}/{count}");
    s.wait_for("fzf to read every line", Duration::from_mins(10), |t| {
        t.contains(&total)
    });
    let mut typed = Vec::new();
    for query in QUERIES {
        let mut text = String::new();
        for c in query.chars() {
            text.push(c);
            let shown = format!("> {text}");
            let took = s.key(c.to_string().as_bytes(), FZF_QUIET, |t| t.contains(&shown));
            if verbose {
                println!("    {text:<24} {:>9.2} ms", took.as_secs_f64() * 1000.0);
            }
            typed.push(took);
        }
        s.key(keys::CTRL_U, FZF_QUIET, |t| t.contains(&total));
    }
    summary("fzf: search keystroke to results on screen", &mut typed);
    s.end();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let verbose = args.iter().any(|a| a == "--verbose");
    let with_fzf = !args.iter().any(|a| a == "--no-fzf")
        && std::process::Command::new("fzf")
            .arg("--version")
            .output()
            .is_ok();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpora = value("--corpora").map_or_else(|| root.join("../shared/corpora"), PathBuf::from);
    let synthetic: usize = value("--synthetic").map_or(100_000, |n| n.parse().expect("a count"));
    let data = root.join("bench-data");
    std::fs::create_dir_all(&data).expect("bench-data");
    let mut runs: Vec<(String, Vec<PathBuf>)> = Vec::new();
    let allsides = corpora.join("allsides-congress");
    if allsides.is_dir() {
        runs.push(("allsides-congress".to_owned(), vec![allsides]));
    } else {
        println!("(no {}: allsides-congress skipped)", allsides.display());
    }
    if synthetic > 0 {
        let path = data.join(format!("articles-{synthetic}.jsonl"));
        if !path.exists() {
            corpus_gen::write_corpus(synthetic, &data).expect("write the synthetic corpus");
        }
        runs.push((format!("synthetic {synthetic}"), vec![path]));
    }
    println!("key to frame through a {COLS}x{ROWS} pseudo-terminal (release binary)");
    for (name, paths) in &runs {
        println!("{name}:");
        cloakroom(paths, verbose);
        if with_fzf {
            let lines = data.join(format!("fzf-{}.txt", name.replace(' ', "-")));
            let count = story_lines(paths, &lines);
            fzf(&lines, count, verbose);
        }
    }
}
