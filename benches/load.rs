//! Load benchmark: time and peak memory to load synthetic corpora of 10k and 100k articles (~4 KB bodies) as a
//! JSON array and as JSON Lines. Each load runs in its own process so that its peak memory (`VmHWM`) is its own.
//!
//! `cargo bench --bench load` (sizes from `CLOAKROOM_BENCH_SIZES`, default `10000,100000`; data in `bench-data/`,
//! generated when missing).

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Peak resident memory of this process, in bytes (Linux `VmHWM`), if known.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Loads one file and prints one result line.
fn measure(path: &Path) -> anyhow::Result<()> {
    let size = std::fs::metadata(path)?.len();
    let start = Instant::now();
    let corpus = cloakroom::corpus::load(
        &[path.to_path_buf()],
        &cloakroom::corpus::LoadOptions::default(),
    )?;
    let elapsed = start.elapsed();
    let peak = peak_memory().unwrap_or(0);
    println!(
        "{:<28} {:>8} articles {:>8.1} MB  load {:>7.3} s  {:>7.1} MB/s  peak {:>7.1} MB ({:.2}x the file)",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        corpus.articles.len(),
        size as f64 / 1e6,
        elapsed.as_secs_f64(),
        size as f64 / 1e6 / elapsed.as_secs_f64(),
        peak as f64 / 1e6,
        peak as f64 / size as f64,
    );
    anyhow::ensure!(
        corpus.report.skipped.is_empty(),
        "records skipped: {:?}",
        corpus.report.skipped.first()
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let path = args
            .get(i + 1)
            .map(PathBuf::from)
            .ok_or_else(|| anyhow::anyhow!("--one PATH"))?;
        return measure(&path);
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data");
    let sizes =
        std::env::var("CLOAKROOM_BENCH_SIZES").unwrap_or_else(|_| "10000,100000".to_owned());
    let exe = std::env::current_exe()?;
    println!(
        "load benchmark on {} CPUs",
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    for size in sizes.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let count: usize = size.parse()?;
        let json = dir.join(format!("articles-{count}.json"));
        let lines = dir.join(format!("articles-{count}.jsonl"));
        if !json.exists() || !lines.exists() {
            eprintln!("generating {count} articles into {}", dir.display());
            corpus_gen::write_corpus(count, &dir)?;
        }
        for path in [json, lines] {
            let status = Command::new(&exe).arg("--one").arg(&path).status()?;
            anyhow::ensure!(status.success(), "{} failed", path.display());
        }
    }
    Ok(())
}
