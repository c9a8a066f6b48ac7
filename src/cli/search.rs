//! `cloakroom search`: answer one or more queries against a loaded corpus.
//!
//! Output: ranked stories as text, or with `--json` one JSON array per query, each on its own
//! line, in the order the queries were given:
//! `[{"id","title","source","date","score","matches":[{"field","text","ranges"}]}]` (a `"missing"`
//! field names a query word the story lacks).
//! `--sort relevance|date` orders the stories (best first by default); `--explain` takes each
//! story's score apart (with `--json`, an `explain` object per story).
//! `--stats` prints `load:`, `extract:` (people and bills), `index:` (the search index) and, per
//! query, `query "Q": N hits in X ms`, where N counts every matching story (not only those shown).
//! Exit status: 0 when the searches ran (even with no hits), 1 when they ran but records were skipped
//! (listed on standard error, as `check` does), 2 for a malformed query or command line (every query is
//! checked before the corpus is loaded), a corpus that cannot be read or one where nothing loaded.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use serde::Serialize;

use super::LoadArgs;
use crate::corpus::{Article, LoadOptions};
use crate::extract::EntityIndex;
use crate::search::{Explanation, FieldMatch, Hit, Query, SearchIndex, Sort, parse};

/// Stories printed per query when `--limit` is not given.
const DEFAULT_LIMIT: usize = 20;

/// Arguments of `search`.
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Files or folders, then the query (unless queries are given with `-q`). A single argument
    /// is a query over the library (the bundled sample corpus when the library is empty).
    #[arg(value_name = "PATH... QUERY")]
    pub args: Vec<String>,
    /// A query (repeatable); with `-q` every positional argument is a path.
    #[arg(
        short = 'q',
        long = "query",
        value_name = "QUERY",
        allow_hyphen_values = true
    )]
    pub queries: Vec<String>,
    /// Print one JSON array per query (one per line).
    #[arg(long)]
    pub json: bool,
    /// Print at most N stories per query (default 20).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print timings to standard error: load, index, and each query.
    #[arg(long)]
    pub stats: bool,
    /// Order of the stories: best first (the default) or newest first.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Take each story's score apart: per query word, the fields, tf, idf and fuzz, then the
    /// coordination and proximity factors (with --json, an "explain" object per story).
    #[arg(long)]
    pub explain: bool,
    /// Field mapping.
    #[command(flatten)]
    pub load: LoadArgs,
}

/// The order of `search` results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    /// Best first; date breaks exact ties.
    Relevance,
    /// Newest first; score breaks ties.
    Date,
}

impl From<SortArg> for Sort {
    fn from(s: SortArg) -> Sort {
        match s {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
        }
    }
}

/// One story in `--json` output.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<String>,
    score: i64,
    matches: &'a [FieldMatch],
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<&'a Explanation>,
}

/// Splits the positional arguments into paths and queries, as the contract says.
fn split_args(args: &SearchArgs) -> anyhow::Result<(Vec<PathBuf>, Vec<String>)> {
    if !args.queries.is_empty() {
        return Ok((
            args.args.iter().map(PathBuf::from).collect(),
            args.queries.clone(),
        ));
    }
    match args.args.split_last() {
        None => {
            anyhow::bail!("search needs a query: cloakroom search [PATH...] QUERY, or -q QUERY")
        }
        Some((query, paths)) => Ok((
            paths.iter().map(PathBuf::from).collect(),
            vec![query.clone()],
        )),
    }
}

/// Runs `search`.
pub fn run(args: &SearchArgs, library: &super::LibraryArgs) -> anyhow::Result<ExitCode> {
    let (paths, texts) = split_args(args)?;
    let mut queries: Vec<Query> = Vec::with_capacity(texts.len());
    for t in &texts {
        match parse(t) {
            Ok(q) => queries.push(q),
            Err(e) => {
                eprintln!("cloakroom: bad query {t:?}: {e}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let limit = args.limit.unwrap_or(DEFAULT_LIMIT);
    let options = LoadOptions::from_field_args(&args.load.fields)?;

    let t0 = Instant::now();
    let corpus = super::source::corpus(&paths, &options, library)?;
    let load_ms = ms(t0);
    let status = super::report_load(&corpus);
    if status == 2 {
        return Ok(ExitCode::from(2));
    }
    let t1 = Instant::now();
    let entities = EntityIndex::build(&corpus.articles);
    let extract_ms = ms(t1);
    let t2 = Instant::now();
    let index = SearchIndex::build(&corpus.articles, &entities);
    let index_ms = ms(t2);
    if args.stats {
        eprintln!("load: {load_ms:.3} ms");
        eprintln!("extract: {extract_ms:.3} ms");
        eprintln!("index: {index_ms:.3} ms");
    }

    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (text, query) in texts.iter().zip(&queries) {
        let t = Instant::now();
        let ranking = index.rank_within(
            &corpus.articles,
            query,
            limit,
            None,
            args.sort.into(),
            &|| false,
        );
        let (hits, total, explained) = match ranking {
            Some(mut r) => {
                r.fill(&index, &corpus.articles, 0..limit);
                let explained: Vec<Option<Explanation>> = if args.explain {
                    (0..r.hits.len())
                        .map(|i| r.explain_score(&index, &corpus.articles, i))
                        .collect()
                } else {
                    Vec::new()
                };
                (r.hits, r.total, explained)
            }
            None => (Vec::new(), 0, Vec::new()),
        };
        if args.stats {
            eprintln!("query {text:?}: {total} hits in {:.3} ms", ms(t));
        }
        if args.json {
            print_json(&mut out, &corpus.articles, &hits, &explained)?;
        } else {
            print_text(&mut out, &corpus.articles, text, &hits, total, &explained)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::from(status))
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn print_json(
    out: &mut impl Write,
    articles: &[Article],
    hits: &[Hit],
    explained: &[Option<Explanation>],
) -> anyhow::Result<()> {
    let rows: Vec<JsonHit<'_>> = hits
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let a = articles.get(h.article)?;
            Some(JsonHit {
                id: &a.id,
                title: &a.title,
                source: a.source.as_deref(),
                date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
                score: h.score,
                matches: &h.matches,
                explain: explained.get(i).and_then(Option::as_ref),
            })
        })
        .collect();
    serde_json::to_writer(&mut *out, &rows)?;
    writeln!(out)?;
    Ok(())
}

fn print_text(
    out: &mut impl Write,
    articles: &[Article],
    query: &str,
    hits: &[Hit],
    total: usize,
    explained: &[Option<Explanation>],
) -> anyhow::Result<()> {
    writeln!(out, "{}: {} of {total} stories", clean(query), hits.len())?;
    for (n, h) in hits.iter().enumerate() {
        let Some(a) = articles.get(h.article) else {
            continue;
        };
        let date = a.date.map_or_else(
            || "undated".to_string(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
        let title = if a.title.is_empty() {
            "(untitled)"
        } else {
            &a.title
        };
        writeln!(out, "{:>3}. {}", n + 1, clean(title))?;
        writeln!(
            out,
            "     {} · {date} · score {} · id {}",
            clean(a.source.as_deref().unwrap_or("unknown source")),
            h.score,
            clean(&a.id)
        )?;
        for m in &h.matches {
            let field = serde_json::to_value(m.field)?;
            writeln!(
                out,
                "     {}: {}",
                field.as_str().unwrap_or_default(),
                marked(&m.text, &m.ranges)
            )?;
        }
        if let Some(Some(e)) = explained.get(n) {
            for line in e.to_string().lines() {
                writeln!(out, "     explain: {}", clean(line))?;
            }
        }
    }
    Ok(())
}

/// The text with each matched range in `[brackets]`.
fn marked(text: &str, ranges: &[[usize; 2]]) -> String {
    let mut s = String::with_capacity(text.len() + ranges.len() * 2);
    for (i, ch) in text.chars().enumerate() {
        if ranges.iter().any(|r| r[1] == i) {
            s.push(']');
        }
        if ranges.iter().any(|r| r[0] == i) {
            s.push('[');
        }
        s.push(ch);
    }
    if ranges.iter().any(|r| r[1] == text.chars().count()) {
        s.push(']');
    }
    clean(&s)
}

/// Replaces control characters (corpus text is untrusted) with spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
