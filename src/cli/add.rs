//! `cloakroom add`: import files, folders or standard input into the library, skipping what it already has.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{LibraryArgs, LoadArgs};
use crate::corpus::{self, Article, LoadOptions};
use crate::library::{self, Inserted};

/// Inputs at least this large (in bytes, as far as known) get a progress bar on standard error.
const LARGE_INPUT: u64 = 8 << 20;

/// Arguments of `add`.
#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// Files or folders to import (`-` for standard input).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Field mapping, as for `check`.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Runs `add`: the files load as `check` loads them (same formats, field mapping, messages and exit status: 0
/// all loaded, 1 something skipped, 2 nothing loaded or a document is invalid), in one transaction, so a
/// failed import adds nothing.
pub fn run(args: &AddArgs, library: &LibraryArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions::from_field_args(&args.load.fields)?;
    let mut lib = library.open()?;
    let path = lib.path().to_path_buf();
    let bar = progress_bar(&args.paths);
    let mut import = lib.begin_import(library::now_ms())?;
    let mut ids = Renamer::default();
    let mut loaded = 0usize;
    let mut failed = None;
    let corpus = corpus::load_streaming(&args.paths, &options, &mut |batch| {
        if failed.is_none() {
            loaded += batch.len();
            ids.rename(batch);
            if let Err(err) = import.add(batch) {
                failed = Some(err);
            }
            let done = import.progress();
            bar.set_position(loaded as u64);
            bar.set_message(format!("{} new", done.count()));
        }
        batch.clear();
    });
    bar.finish_and_clear();
    let corpus = corpus?;
    if let Some(err) = failed {
        return Err(err);
    }
    let report = &corpus.report;
    for s in &report.skipped {
        match s.line {
            Some(line) => eprintln!("cloakroom: skipped {}:{line}: {}", s.file, s.reason),
            None => eprintln!("cloakroom: skipped {}: {}", s.file, s.reason),
        }
    }
    for w in &report.warnings {
        eprintln!("cloakroom: warning: {w}");
    }
    if loaded == 0 {
        eprintln!("cloakroom: no articles loaded; the library is unchanged");
        return Ok(ExitCode::from(2));
    }
    let done = import.commit()?;
    let mut out = std::io::stdout().lock();
    out.write_all(summary(&done, loaded, &ids.duplicates, &path.display().to_string()).as_bytes())?;
    out.flush()?;
    Ok(ExitCode::from(u8::from(!report.skipped.is_empty())))
}

/// What `add` prints.
fn summary(done: &Inserted, loaded: usize, duplicates: &[String], path: &str) -> String {
    let mut text = format!(
        "read {loaded} articles; added {} to {path}; {} already there ({} same id, {} same content)\n",
        done.count(),
        done.skipped(),
        done.same_id,
        done.same_content
    );
    if !duplicates.is_empty() {
        let _ = writeln!(
            text,
            "{} ids occurred more than once in the input; the others were kept as id~2, id~3, ...",
            duplicates.len()
        );
    }
    text
}

/// A spinner with the count of articles read, on standard error when it is a terminal and the input is large
/// (standard input and folders count as large: their size is not known beforehand).
fn progress_bar(paths: &[PathBuf]) -> ProgressBar {
    let large = paths.iter().any(|p| {
        p.as_os_str() == "-"
            || std::fs::metadata(p).is_ok_and(|m| m.is_dir() || m.len() >= LARGE_INPUT)
    });
    if !large || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} importing: {pos} articles read, {msg} ({per_sec}, {elapsed})",
    )
    .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Keeps ids unique across one import as `check` does (the second `x` becomes `x~2`), batch by batch.
#[derive(Default)]
struct Renamer {
    seen: HashSet<String>,
    counts: HashMap<String, usize>,
    duplicates: Vec<String>,
}

impl Renamer {
    fn rename(&mut self, batch: &mut [Article]) {
        for article in batch {
            if self.seen.insert(article.id.clone()) {
                continue;
            }
            let count = self.counts.entry(article.id.clone()).or_insert(1);
            *count += 1;
            if *count == 2 {
                self.duplicates.push(article.id.clone());
            }
            let mut n = *count;
            loop {
                let id = format!("{}~{n}", article.id);
                if self.seen.insert(id.clone()) {
                    article.id = id;
                    break;
                }
                n += 1;
            }
        }
    }
}
