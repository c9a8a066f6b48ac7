//! Search benchmark: index build time and per-keystroke latency through the reader's `Searcher`,
//! on a synthetic corpus (100k articles by default) and on allsides-congress when present, with
//! `fzf --filter` timed on the same text.
//!
//! `cargo bench --bench search -- [--articles N] [--body-bytes B] [--no-fzf] [--repeat R]`

#[path = "support/stats.rs"]
mod stats;

#[path = "support/search_gen.rs"]
mod search_gen;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cloakroom::Article;
use cloakroom::extract::EntityIndex;
use cloakroom::search::{SearchIndex, Searcher, parse};

/// The queries typed a key at a time ("health care bill": an act named by its subject, which
/// reads the stories with some of its words too).
const TYPED: &[&str] = &[
    "massie",
    "hr 1234",
    "nato exit",
    "pelosi",
    "wickr",
    "mcconel",
    "patriot act",
    "health care bill",
];
/// Complete queries timed against `fzf --filter`.
const FZF_QUERIES: &[&str] = &["ma", "massie", "hr 1234", "nato exit"];

struct Options {
    articles: usize,
    body_bytes: usize,
    fzf: bool,
    repeat: usize,
}

fn options() -> Options {
    let mut o = Options {
        articles: 100_000,
        body_bytes: 4000,
        fzf: true,
        repeat: 2,
    };
    let args: Vec<String> = std::env::args().collect();
    let mut i = 1;
    while i < args.len() {
        let next = |i: usize| args.get(i + 1).and_then(|v| v.parse().ok());
        match args[i].as_str() {
            "--articles" => o.articles = next(i).unwrap_or(o.articles),
            "--body-bytes" => o.body_bytes = next(i).unwrap_or(o.body_bytes),
            "--repeat" => o.repeat = next(i).unwrap_or(o.repeat),
            "--no-fzf" => o.fzf = false,
            _ => {}
        }
        i += 1;
    }
    o
}

fn main() {
    let o = options();
    println!(
        "machine: {} threads (rayon), search bench",
        rayon::current_num_threads()
    );
    let t = Instant::now();
    let (articles, entities) = search_gen::corpus(o.articles, o.body_bytes);
    let bytes: usize = articles.iter().map(|a| a.body.len() + a.title.len()).sum();
    println!(
        "\n== synthetic: {} articles, {:.1} MB of text (generated in {:.1} s)",
        articles.len(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    run(articles, &entities, &o);
    let allsides = Path::new("/work/shared/corpora/allsides-congress/jsons");
    if allsides.is_dir() {
        let articles = load_allsides(allsides);
        let entities = entities_for(&articles);
        let bytes: usize = articles.iter().map(|a| a.body.len() + a.title.len()).sum();
        println!(
            "\n== allsides-congress: {} articles, {:.1} MB of text",
            articles.len(),
            bytes as f64 / 1e6
        );
        run(articles, &entities, &o);
    }
}

/// The corpus loader when it can read the folder, else a minimal reader of its JSON files.
fn load_allsides(dir: &Path) -> Vec<Article> {
    let options = cloakroom::corpus::LoadOptions {
        fields: vec![("body".into(), "content_original".into())],
    };
    if let Ok(c) = cloakroom::corpus::load(&[dir.to_path_buf()], &options)
        && !c.articles.is_empty()
    {
        return c.articles;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let v: serde_json::Value = serde_json::from_slice(&std::fs::read(f).ok()?).ok()?;
            let s = |k: &str| v[k].as_str().map(str::to_string);
            Some(Article {
                id: s("ID")?,
                title: s("title").unwrap_or_default(),
                body: s("content_original").unwrap_or_default(),
                source: s("source"),
                date: s("date")
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                ..Article::default()
            })
        })
        .collect()
}

/// Entities of a real corpus, as the reader extracts them.
fn entities_for(articles: &[Article]) -> EntityIndex {
    EntityIndex::build(articles)
}

fn run(articles: Vec<Article>, entities: &EntityIndex, opts: &Options) {
    if std::env::var_os("CLOAKROOM_TIMING").is_some() {
        let t = Instant::now();
        let mut n = 0usize;
        for a in &articles {
            cloakroom::search::text::for_each_word(&a.body, |w| n += w.len());
        }
        println!("tokenize only (1 thread): {:?} ({n})", t.elapsed());
        let t = Instant::now();
        let m: usize = articles
            .iter()
            .map(|a| cloakroom::search::text::find_bills(&a.body).len())
            .sum();
        println!("find_bills only (1 thread): {:?} ({m})", t.elapsed());
    }
    let mut builds = Vec::new();
    let mut cpus: Vec<f64> = Vec::new();
    let mut index = None;
    for _ in 0..opts.repeat.max(1) {
        drop(index.take());
        let (t, cpu) = (Instant::now(), cpu_seconds());
        index = Some(SearchIndex::build(&articles, entities));
        builds.push(t.elapsed());
        cpus.push(cpu_seconds() - cpu);
    }
    let Some(index) = index else { return };
    builds.sort();
    cpus.sort_by(f64::total_cmp);
    println!(
        "index build: {:.0} ms ({} terms, postings {:.1} MB; best of {}, worst {:.0} ms; \
         CPU time {:.2} s, all threads)",
        builds[0].as_secs_f64() * 1000.0,
        index.vocabulary_len(),
        index.postings_bytes() as f64 / 1e6,
        builds.len(),
        builds[builds.len() - 1].as_secs_f64() * 1000.0,
        cpus[0]
    );
    let index = Arc::new(index);
    let articles = Arc::new(articles);
    let searcher = Searcher::new(Arc::clone(&articles), Arc::clone(&index), 100);
    let mut all = Vec::new();
    for q in TYPED {
        let mut per = Vec::new();
        for _ in 0..opts.repeat {
            index.clear_cache();
            for end in 1..=q.len() {
                let typed = &q[..end];
                let t = Instant::now();
                let g = searcher.submit(typed);
                let r = wait(&searcher, g);
                per.push(t.elapsed());
                if end == q.len() && per.len() == q.len() {
                    let n = r.map_or(0, |r| r.total);
                    print!("  {q:>12}: {n:>6} hits;");
                }
            }
        }
        println!(" per keystroke {}", summary(&mut per.clone()));
        all.extend(per);
    }
    println!("all keystrokes ({}): {}", all.len(), summary(&mut all));
    if opts.fzf {
        fzf_compare(&articles, &index);
    }
}

/// CPU seconds used so far by this process, all threads (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name's closing parenthesis; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|v| v.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

fn wait(s: &Searcher, generation: u64) -> Option<cloakroom::search::SearchResult> {
    loop {
        let r = s.recv_timeout(Duration::from_secs(30))?;
        if r.generation == generation {
            return Some(r);
        }
    }
}

fn summary(v: &mut [Duration]) -> String {
    stats::spread(v).map_or_else(String::new, |s| {
        format!(
            "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            s.p50, s.p99, s.max
        )
    })
}

/// Times `fzf --filter` on titles and bodies (one story per line) and our search on the same
/// complete queries (cold cache), and prints the ratio.
fn fzf_compare(articles: &[Article], index: &SearchIndex) {
    if Command::new("fzf").arg("--version").output().is_err() {
        println!("fzf: not installed (apt-get install fzf), comparison skipped");
        return;
    }
    let path = std::env::temp_dir().join(format!("cloakroom-bench-{}.txt", std::process::id()));
    {
        let Ok(f) = std::fs::File::create(&path) else {
            return;
        };
        let mut w = std::io::BufWriter::new(f);
        for a in articles {
            let line: String = format!("{} {}", a.title, a.body)
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            let _ = writeln!(w, "{line}");
        }
    }
    for q in FZF_QUERIES {
        let t = Instant::now();
        let out = Command::new("fzf")
            .args(["--filter", q])
            .stdin(std::fs::File::open(&path).map_or(Stdio::null(), Stdio::from))
            .stdout(Stdio::piped())
            .output();
        let fzf = t.elapsed();
        let lines = out.map_or(0, |o| memchr::memchr_iter(b'\n', &o.stdout).count());
        index.clear_cache();
        let t = Instant::now();
        let hits = parse(q).map_or(0, |p| index.search(articles, &p, 100).len());
        let ours = t.elapsed();
        println!(
            "  fzf --filter {q:?}: {:.1} ms ({lines} lines) vs ours {:.2} ms ({hits} shown): {:.0}x",
            fzf.as_secs_f64() * 1000.0,
            ours.as_secs_f64() * 1000.0,
            fzf.as_secs_f64() / ours.as_secs_f64().max(1e-6)
        );
    }
    let _ = std::fs::remove_file(&path);
}
