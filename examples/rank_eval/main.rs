//! Scores Cloakroom's search ranking and a BM25 baseline on the judged queries of `tests/eval/ranking/`.
//!
//! `cargo run --release --example rank_eval -- --corpora ../shared/corpora [--split dev|test|all] [--verbose]`
//!
//! Loads `allsides-congress/`, `bbc-politics/` and `seed.json` from the corpora folder through
//! `cloakroom::corpus::load`, builds the entity and search indexes as `cloakroom search` does, runs
//! every query through `SearchIndex::search` and through a textbook BM25 (see `bm25.rs`), and prints
//! nDCG@10, P@5 and MRR@10 per category and overall, side by side, with the number of unjudged
//! documents in each system's top 10 (counted as grade 0). `--verbose` adds per-query figures and
//! the unjudged documents' keys and titles. For extending the judgments: `--pool FILE` writes the
//! unjudged documents of both systems' top `--depth N` (default 10) with their text, and
//! `--run FILE` replaces Cloakroom's rankings by another build's `cloakroom search --json -q ...`
//! output (one line per query, in the order of the query set). `--set WEIGHT=VALUE` ranks with
//! another value of a weight; `--explain QUERY` prints a query's top 10 taken apart. `--ranks` prints
//! both systems' top 10 with their grades and the relevant documents each missed, for finding
//! what the model gets wrong. Exit 0, or 1 on bad input.

mod bm25;
mod judged;
mod metrics;
mod report;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cloakroom::corpus::{self, Article, LoadOptions};
use cloakroom::extract::EntityIndex;
use cloakroom::search::{SearchIndex, parse};

use judged::doc_key;

/// How many results of each system are read.
const DEPTH: usize = 20;

struct Args {
    corpora: PathBuf,
    queries: PathBuf,
    split: String,
    verbose: bool,
    pool: Option<PathBuf>,
    depth: usize,
    run: Option<PathBuf>,
    ranks: bool,
    explain: Vec<String>,
    set: Vec<(String, f64)>,
}

const USAGE: &str = "usage: rank_eval [--corpora DIR] [--queries FILE] [--split dev|test|all] [--verbose] \
                     [--ranks] [--explain QUERY]... [--set WEIGHT=VALUE]... [--pool FILE] [--depth N] [--run FILE]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpora: PathBuf::from("/work/shared/corpora"),
        queries: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/ranking/queries.json"),
        split: "all".to_string(),
        verbose: false,
        pool: None,
        depth: 10,
        run: None,
        ranks: false,
        explain: Vec::new(),
        set: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |what: &str| it.next().ok_or(format!("{a} needs {what}"));
        match a.as_str() {
            "--corpora" => args.corpora = value("a folder")?.into(),
            "--queries" => args.queries = value("a file")?.into(),
            "--split" => args.split = value("dev, test or all")?,
            "--pool" => args.pool = Some(value("a file")?.into()),
            "--run" => args.run = Some(value("a file")?.into()),
            "--depth" => {
                args.depth = value("a number")?
                    .parse()
                    .map_err(|_| "--depth needs a number".to_string())?;
            }
            "--verbose" | "-v" => args.verbose = true,
            "--ranks" => args.ranks = true,
            "--explain" => args.explain.push(value("a query")?),
            "--set" => {
                let v = value("NAME=VALUE")?;
                let (name, x) = v
                    .split_once('=')
                    .and_then(|(n, x)| Some((n.to_string(), x.parse::<f64>().ok()?)))
                    .ok_or(format!("--set needs NAME=NUMBER, not {v:?}"))?;
                args.set.push((name, x));
            }
            "--help" | "-h" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if !["dev", "test", "all"].contains(&args.split.as_str()) {
        return Err(format!(
            "--split must be dev, test or all, not {:?}",
            args.split
        ));
    }
    Ok(args)
}

/// The loaded corpus with each article's stable key.
pub struct Loaded {
    /// The articles, in load order.
    pub articles: Vec<Article>,
    /// `keys[i]` is the stable key of `articles[i]`.
    pub keys: Vec<String>,
}

fn load(corpora: &Path) -> anyhow::Result<Loaded> {
    let paths: Vec<PathBuf> = ["allsides-congress", "bbc-politics", "seed.json"]
        .iter()
        .map(|p| corpora.join(p))
        .collect();
    let corpus = corpus::load(&paths, &LoadOptions::default())?;
    let keys = corpus
        .articles
        .iter()
        .map(|a| doc_key(&a.origin.file, &a.id, corpora))
        .collect();
    Ok(Loaded {
        articles: corpus.articles,
        keys,
    })
}

/// Each query's ranked article indexes from another build's `cloakroom search --json` output,
/// matched by id, else by a title no other article has; unmatched hits are reported and dropped.
fn read_run(path: &Path, loaded: &Loaded, n: usize) -> Result<Vec<Vec<usize>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let by_id: HashMap<&str, usize> = loaded
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut by_title: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, a) in loaded.articles.iter().enumerate() {
        by_title
            .entry(a.title.as_str())
            .and_modify(|e| *e = None)
            .or_insert(Some(i));
    }
    let mut runs = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        let hits: Vec<serde_json::Value> = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: {e}", path.display(), line_no + 1))?;
        let mut ranked = Vec::new();
        for hit in hits {
            let id = hit["id"].as_str().unwrap_or_default();
            let title = hit["title"].as_str().unwrap_or_default();
            match by_id
                .get(id)
                .copied()
                .or_else(|| by_title.get(title).copied().flatten())
            {
                Some(i) => ranked.push(i),
                None => eprintln!(
                    "rank_eval: run line {}: no article for {id} {title:?}",
                    line_no + 1
                ),
            }
        }
        runs.push(ranked);
    }
    if runs.len() != n {
        return Err(format!(
            "{}: {} lines for {n} queries",
            path.display(),
            runs.len()
        ));
    }
    Ok(runs)
}

/// Prints the top 10 of `q` with each story's grade (when `q` is a judged query) and its score
/// taken apart.
fn explain(
    index: &SearchIndex,
    loaded: &Loaded,
    set: &[judged::Judged],
    q: &str,
) -> anyhow::Result<()> {
    let query = parse(q).map_err(|e| anyhow::anyhow!("query {q:?} does not parse: {e}"))?;
    let grades = set
        .iter()
        .find(|j| j.query == q)
        .map(judged::Judged::grades)
        .unwrap_or_default();
    let ranking = index
        .rank(&loaded.articles, &query, 10, &|| false)
        .ok_or_else(|| anyhow::anyhow!("search gave up"))?;
    println!("\n== explain {q:?} ({} matched)", ranking.total);
    for (i, hit) in ranking.hits.iter().enumerate() {
        let key = &loaded.keys[hit.article];
        let grade = grades
            .get(key.as_str())
            .map_or("-".to_string(), ToString::to_string);
        let title: String = loaded.articles[hit.article]
            .title
            .chars()
            .take(70)
            .collect();
        println!("{:>2}. [{grade}] {key} {title}", i + 1);
        if let Some(e) = ranking.explain_score(index, &loaded.articles, i) {
            println!("    {}", e.to_string().replace('\n', "\n    "));
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rank_eval: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let set = judged::load(&args.queries).map_err(anyhow::Error::msg)?;
    let loaded = load(&args.corpora)?;
    let entities = EntityIndex::build(&loaded.articles);
    let mut index = SearchIndex::build(&loaded.articles, &entities);
    if !args.set.is_empty() {
        let mut w = serde_json::to_value(index.weights())?;
        for (name, x) in &args.set {
            let slot = w
                .get_mut(name)
                .ok_or_else(|| anyhow::anyhow!("no weight {name:?}"))?;
            *slot = if slot.is_u64() {
                serde_json::json!(x.round() as u64)
            } else {
                serde_json::json!(x)
            };
        }
        index.set_weights(serde_json::from_value(w)?);
    }
    let baseline = bm25::Bm25::build(
        loaded
            .articles
            .iter()
            .map(|a| (a.title.as_str(), a.body.as_str())),
    );
    let external = match &args.run {
        Some(path) => Some(read_run(path, &loaded, set.len()).map_err(anyhow::Error::msg)?),
        None => None,
    };
    let depth = DEPTH.max(args.depth);
    let mut results = Vec::new();
    for (i, q) in set.iter().enumerate() {
        let ours: Vec<usize> = if let Some(runs) = &external {
            runs[i].clone()
        } else {
            let query = parse(&q.query)
                .map_err(|e| anyhow::anyhow!("query {:?} does not parse: {e}", q.query))?;
            index
                .search(&loaded.articles, &query, depth)
                .iter()
                .map(|h| h.article)
                .collect()
        };
        let theirs: Vec<usize> = baseline
            .search(&bm25::query_words(&q.query), depth)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        results.push(report::QueryRun {
            judged: q,
            cloakroom: ours,
            bm25: theirs,
        });
    }
    let chosen: Vec<&report::QueryRun> = results
        .iter()
        .filter(|r| args.split == "all" || r.judged.split == args.split)
        .collect();
    report::print_table(&chosen, &loaded, &args.split);
    if args.verbose {
        report::print_verbose(&chosen, &loaded);
    }
    if args.ranks {
        report::print_ranks(&chosen, &loaded);
    }
    for q in &args.explain {
        explain(&index, &loaded, &set, q)?;
    }
    if let Some(path) = &args.pool {
        let pool = report::pool(&chosen, &loaded, args.depth);
        std::fs::write(path, serde_json::to_string_pretty(&pool)?)?;
        eprintln!("rank_eval: wrote the unjudged pool to {}", path.display());
    }
    Ok(())
}
