//! What `rank_eval` prints: the table per category, the per-query detail, and the pool of unjudged documents.

use serde::Serialize;

use crate::Loaded;
use crate::judged::{CATEGORIES, Judged};
use crate::metrics::{Figures, Mean, figures};

/// Documents per system counted in the figures and the unjudged counts.
const TOP: usize = 10;

/// One query's rankings: article indexes, best first.
pub struct QueryRun<'a> {
    /// The query and its judgments.
    pub judged: &'a Judged,
    /// Cloakroom's ranking.
    pub cloakroom: Vec<usize>,
    /// The BM25 baseline's ranking.
    pub bm25: Vec<usize>,
}

/// A system's figures and unjudged count for one query.
fn score(run: &[usize], judged: &Judged, loaded: &Loaded) -> (Figures, Vec<usize>) {
    let grades = judged.grades();
    let keys: Vec<&str> = run.iter().map(|&i| loaded.keys[i].as_str()).collect();
    let unjudged = run
        .iter()
        .take(TOP)
        .copied()
        .filter(|&i| !judged.judgments.contains_key(&loaded.keys[i]))
        .collect();
    (figures(&keys, &grades), unjudged)
}

fn row(name: &str, ours: &Mean, theirs: &Mean) {
    let (a, b) = (ours.mean(), theirs.mean());
    println!(
        "{name:<12} {:>3} | {:>6.3} {:>6.3} {:>6.3} {:>5} | {:>6.3} {:>6.3} {:>6.3} {:>5}",
        ours.n, a.ndcg10, a.p5, a.rr, ours.unjudged, b.ndcg10, b.p5, b.rr, theirs.unjudged
    );
}

/// Prints the means per category and overall, Cloakroom and BM25 side by side.
pub fn print_table(runs: &[&QueryRun], loaded: &Loaded, split: &str) {
    let judgments: usize = runs.iter().map(|r| r.judged.judgments.len()).sum();
    println!(
        "split: {split}; {} queries, {judgments} judgments; unj = unjudged documents in the top {TOP} (grade 0)",
        runs.len()
    );
    let header = format!(
        "{:<12} {:>3} | {:<29} | {:<29}",
        "", "", "Cloakroom", "BM25 (k1 1.2, b 0.75)"
    );
    println!("{}", header.trim_end());
    println!(
        "{:<12} {:>3} | {:>6} {:>6} {:>6} {:>5} | {:>6} {:>6} {:>6} {:>5}",
        "category", "n", "nDCG10", "P@5", "MRR", "unj", "nDCG10", "P@5", "MRR", "unj"
    );
    let mut all = (Mean::default(), Mean::default());
    for category in CATEGORIES {
        let mut m = (Mean::default(), Mean::default());
        for r in runs.iter().filter(|r| r.judged.category == category) {
            let (f, u) = score(&r.cloakroom, r.judged, loaded);
            m.0.add(f, u.len());
            all.0.add(f, u.len());
            let (f, u) = score(&r.bm25, r.judged, loaded);
            m.1.add(f, u.len());
            all.1.add(f, u.len());
        }
        if m.0.n > 0 {
            row(category, &m.0, &m.1);
        }
    }
    row("overall", &all.0, &all.1);
}

fn print_unjudged(system: &str, run: &[usize], unjudged: &[usize], loaded: &Loaded) {
    for &i in unjudged {
        let rank = run.iter().position(|&d| d == i).unwrap_or(0) + 1;
        println!(
            "    unjudged {system} #{rank}: {}  {}",
            loaded.keys[i], loaded.articles[i].title
        );
    }
}

/// Prints each query's figures and the unjudged documents in either system's top 10.
pub fn print_verbose(runs: &[&QueryRun], loaded: &Loaded) {
    println!();
    for r in runs {
        let (a, ua) = score(&r.cloakroom, r.judged, loaded);
        let (b, ub) = score(&r.bm25, r.judged, loaded);
        println!(
            "{:<10} {:<5} {:<34} Cloakroom {:.3} {:.2} {:.2} | BM25 {:.3} {:.2} {:.2}",
            r.judged.category,
            r.judged.split,
            format!("{:?}", r.judged.query),
            a.ndcg10,
            a.p5,
            a.rr,
            b.ndcg10,
            b.p5,
            b.rr
        );
        print_unjudged("cloakroom", &r.cloakroom, &ua, loaded);
        print_unjudged("bm25", &r.bm25, &ub, loaded);
    }
}

/// Prints each query's top 10 of both systems with grades (`-` unjudged), then the documents of
/// grade 2 or 1 that Cloakroom's top 10 misses.
pub fn print_ranks(runs: &[&QueryRun], loaded: &Loaded) {
    let title = |i: usize| -> String { loaded.articles[i].title.chars().take(70).collect() };
    for r in runs {
        let grades = r.judged.grades();
        let grade = |i: usize| {
            grades
                .get(loaded.keys[i].as_str())
                .map_or("-".to_string(), ToString::to_string)
        };
        println!("\n== {} ({})", r.judged.query, r.judged.category);
        for rank in 0..TOP {
            let ours = r.cloakroom.get(rank).map_or(String::new(), |&i| {
                format!("{} {:<16} {}", grade(i), loaded.keys[i], title(i))
            });
            let theirs = r.bm25.get(rank).map_or(String::new(), |&i| grade(i));
            println!("  {:>2}. {ours:<92} | bm25 {theirs}", rank + 1);
        }
        for g in [2u8, 1] {
            let missed: Vec<String> = r
                .judged
                .judgments
                .iter()
                .filter(|(k, v)| {
                    **v == g && !r.cloakroom.iter().take(TOP).any(|&i| loaded.keys[i] == **k)
                })
                .map(|(k, _)| {
                    let at = loaded.keys.iter().position(|x| x == k);
                    let pos = at
                        .and_then(|i| r.cloakroom.iter().position(|&d| d == i))
                        .map_or("-".to_string(), |p| (p + 1).to_string());
                    format!("{k} (#{pos}) {}", at.map_or(String::new(), title))
                })
                .collect();
            for m in missed {
                println!("      missed {g}: {m}");
            }
        }
    }
}

/// A document to read and grade.
#[derive(Serialize)]
pub struct PoolDoc {
    key: String,
    title: String,
    source: Option<String>,
    date: Option<String>,
    body: String,
}

/// The unjudged documents of one query's pool.
#[derive(Serialize)]
pub struct PoolQuery {
    query: String,
    category: String,
    docs: Vec<PoolDoc>,
}

/// The unjudged documents in the top `depth` of either system, per query, with their text, in
/// key order (not rank order, so that reading them is not swayed by either system).
pub fn pool(runs: &[&QueryRun], loaded: &Loaded, depth: usize) -> Vec<PoolQuery> {
    runs.iter()
        .map(|r| {
            let mut keys: Vec<usize> = r
                .cloakroom
                .iter()
                .take(depth)
                .chain(r.bm25.iter().take(depth))
                .copied()
                .filter(|&i| !r.judged.judgments.contains_key(&loaded.keys[i]))
                .collect();
            keys.sort_by(|&a, &b| loaded.keys[a].cmp(&loaded.keys[b]));
            keys.dedup();
            let docs = keys
                .into_iter()
                .map(|i| {
                    let a = &loaded.articles[i];
                    PoolDoc {
                        key: loaded.keys[i].clone(),
                        title: a.title.clone(),
                        source: a.source.clone(),
                        date: a.date.map(|d| d.to_string()),
                        body: a.body.clone(),
                    }
                })
                .collect();
            PoolQuery {
                query: r.judged.query.clone(),
                category: r.judged.category.clone(),
                docs,
            }
        })
        .collect()
}
