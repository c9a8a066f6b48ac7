//! `cloakroom library`: what the library holds (articles, feeds, sources, marks) and its size on disk.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use clap::Args;

use super::LibraryArgs;
use crate::library::{self, Library, Stats};

/// Arguments of `library`.
#[derive(Debug, Clone, Args)]
pub struct LibraryCmdArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `library`. A library that does not exist yet is reported empty, and not created.
pub fn run(args: &LibraryCmdArgs, library: &LibraryArgs) -> anyhow::Result<ExitCode> {
    let stats = match Library::open_existing(library.library.as_deref())? {
        Some(lib) => lib.stats()?,
        None => Stats {
            path: library
                .library
                .clone()
                .or_else(library::default_path)
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            ..Stats::default()
        },
    };
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&stats)?;
        json.push('\n');
        json
    } else {
        to_text(&stats)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The text form.
fn to_text(s: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "library     {}", s.path);
    let _ = writeln!(
        out,
        "articles    {} ({} from files, {} from feeds)",
        s.articles, s.from_files, s.from_feeds
    );
    let _ = writeln!(out, "unread      {}", s.unread);
    let _ = writeln!(out, "feeds       {}", s.feeds);
    let _ = writeln!(out, "sources     {}", s.sources);
    let _ = writeln!(out, "read        {}", s.read);
    let _ = writeln!(out, "starred     {}", s.starred);
    let _ = writeln!(
        out,
        "extracted   {} (people and bills cached)",
        s.extractions
    );
    let _ = writeln!(out, "size        {} on disk", human(s.bytes));
    out
}

/// Bytes in B, KiB, MiB or GiB.
fn human(bytes: u64) -> String {
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} KiB", b / 1024.0)
    } else if b < 1024.0 * 1024.0 * 1024.0 {
        format!("{:.1} MiB", b / 1024.0 / 1024.0)
    } else {
        format!("{:.2} GiB", b / 1024.0 / 1024.0 / 1024.0)
    }
}
