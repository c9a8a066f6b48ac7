//! `cloakroom check`: load a corpus and summarize what was read, skipped and found.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::LoadArgs;
use crate::corpus::{Corpus, LoadOptions, Skipped};

/// Arguments of `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files or folders to check; none checks the library (the bundled corpus when it is empty).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// The first and last publication dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// Earliest date.
    pub first: NaiveDate,
    /// Latest date.
    pub last: NaiveDate,
}

/// What `check` reports; `--json` prints exactly this.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Files (or streams) read.
    pub files: usize,
    /// Articles loaded.
    pub articles: usize,
    /// Records or files skipped, each with `file`, `line` (or null) and `reason`.
    pub skipped: Vec<Skipped>,
    /// Ids that occurred more than once (the articles were kept under `id~2`, `id~3`, ...).
    pub duplicate_ids: Vec<String>,
    /// First and last dates, or null when no article has one.
    pub date_range: Option<DateRange>,
    /// Articles per source (articles without a source are not counted here).
    pub sources: BTreeMap<String, usize>,
    /// Articles without a source.
    pub without_source: usize,
    /// Articles without a date.
    pub without_date: usize,
    /// Articles without a body.
    pub without_body: usize,
    /// Articles without a title.
    pub without_title: usize,
    /// Warnings (invalid UTF-8, unrecognized dates, dropped URLs, non-regular files, ...).
    pub warnings: Vec<String>,
}

impl Summary {
    /// Summarizes a loaded corpus.
    pub fn of(corpus: &Corpus) -> Summary {
        let articles = &corpus.articles;
        let mut sources = BTreeMap::new();
        for source in articles.iter().filter_map(|a| a.source.as_ref()) {
            *sources.entry(source.clone()).or_insert(0) += 1;
        }
        let dates = articles.iter().filter_map(|a| a.date);
        let date_range = dates
            .clone()
            .min()
            .zip(dates.max())
            .map(|(first, last)| DateRange { first, last });
        Summary {
            files: corpus.report.files_read,
            articles: articles.len(),
            skipped: corpus.report.skipped.clone(),
            duplicate_ids: corpus.report.duplicate_ids.clone(),
            date_range,
            sources,
            without_source: articles.iter().filter(|a| a.source.is_none()).count(),
            without_date: articles.iter().filter(|a| a.date.is_none()).count(),
            without_body: articles.iter().filter(|a| a.body.is_empty()).count(),
            without_title: articles.iter().filter(|a| a.title.is_empty()).count(),
            warnings: corpus.report.warnings.clone(),
        }
    }

    /// The exit status: 0 all loaded, 1 something skipped, 2 nothing loaded.
    pub fn exit_code(&self) -> u8 {
        if self.articles == 0 {
            2
        } else {
            u8::from(!self.skipped.is_empty())
        }
    }

    /// Why nothing loaded, for the message on standard error: the first skipped record or warning.
    pub fn why_empty(&self) -> String {
        if let Some(s) = self.skipped.first() {
            let place = s
                .line
                .map_or_else(|| s.file.clone(), |l| format!("{}:{l}", s.file));
            let more = self.skipped.len() - 1;
            let others = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(": skipped {place}: {}{others}", s.reason)
        } else if let Some(w) = self.warnings.first() {
            format!(": {w}")
        } else {
            String::new()
        }
    }

    /// The human-readable summary.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "files read      {}", self.files);
        let _ = writeln!(out, "articles        {}", self.articles);
        let _ = writeln!(out, "skipped         {}", self.skipped.len());
        for s in &self.skipped {
            let place = s
                .line
                .map_or_else(|| s.file.clone(), |l| format!("{}:{l}", s.file));
            let _ = writeln!(out, "  {place}: {}", s.reason);
        }
        let _ = writeln!(out, "duplicate ids   {}", self.duplicate_ids.len());
        for id in &self.duplicate_ids {
            let _ = writeln!(out, "  {id}");
        }
        match &self.date_range {
            Some(r) => {
                let _ = writeln!(out, "dates           {} to {}", r.first, r.last);
            }
            None => {
                let _ = writeln!(out, "dates           none");
            }
        }
        let _ = writeln!(out, "without date    {}", self.without_date);
        let _ = writeln!(out, "without body    {}", self.without_body);
        let _ = writeln!(out, "without title   {}", self.without_title);
        let _ = writeln!(out, "without source  {}", self.without_source);
        let _ = writeln!(out, "sources         {}", self.sources.len());
        let mut by_count: Vec<(&String, &usize)> = self.sources.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        for (name, count) in by_count {
            let _ = writeln!(out, "  {count:>6}  {name}");
        }
        if !self.warnings.is_empty() {
            let _ = writeln!(out, "warnings        {}", self.warnings.len());
            for w in &self.warnings {
                let _ = writeln!(out, "  {w}");
            }
        }
        out
    }
}

/// Runs `check`.
pub fn run(args: &CheckArgs, library: &super::LibraryArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions::from_field_args(&args.load.fields)?;
    let corpus = super::source::corpus(&args.paths, &options, library)?;
    let summary = Summary::of(&corpus);
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&summary)?;
        json.push('\n');
        json
    } else {
        summary.to_text()
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    if summary.articles == 0 {
        eprintln!("cloakroom: no articles loaded{}", summary.why_empty());
    }
    Ok(ExitCode::from(summary.exit_code()))
}
