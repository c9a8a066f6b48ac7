//! The entity card's cost: `EntityCard::build` for the people and bills in the most stories (the
//! worst cases: their timelines and "often with" walk the most links), and for a sample of the rest.
//!
//! `cargo bench --bench card -- [PATH...]` (default: `../shared/corpora/allsides-congress` and
//! `bench-data/articles-100000.jsonl`, each when present; `cargo run --release --example
//! gen_corpus -- --count 100000 --out bench-data/` writes the latter).

#[path = "support/stats.rs"]
mod stats;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use cloakroom::corpus::{self, LoadOptions};
use cloakroom::extract::card::CardIndex;
use cloakroom::extract::{EntityCard, EntityIndex, EntityRef};

/// p50, p99 and max of some durations, in milliseconds.
fn summary(label: &str, times: &mut [Duration]) {
    if let Some(s) = stats::spread(times) {
        println!(
            "  {label:<40} n={:<5} p50 {:>8.3} ms  p99 {:>8.3} ms  max {:>8.3} ms",
            s.n, s.p50, s.p99, s.max
        );
    }
}

fn measure(name: &str, paths: &[PathBuf]) {
    let t = Instant::now();
    let corpus = corpus::load(paths, &LoadOptions::default()).expect("the corpus loads");
    let articles = corpus.articles;
    let load = t.elapsed();
    let t = Instant::now();
    let index = EntityIndex::build(&articles);
    println!(
        "{name}: {} stories, {} people, {} bills (load {:.1} s, extract {:.1} s)",
        articles.len(),
        index.people.len(),
        index.bills.len(),
        load.as_secs_f64(),
        t.elapsed().as_secs_f64()
    );
    let mut all: Vec<(usize, EntityRef)> = index
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.articles.len(), EntityRef::Person(i as u32)))
        .chain(
            index
                .bills
                .iter()
                .enumerate()
                .map(|(i, b)| (b.articles.len(), EntityRef::Bill(i as u32))),
        )
        .collect();
    all.sort_by_key(|b| std::cmp::Reverse(b.0));
    let as_of = articles.iter().filter_map(|a| a.date).max();
    let t = Instant::now();
    let flat = CardIndex::build(&index, &articles);
    println!(
        "  CardIndex::build (once per index, on the indexing thread): {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let time = |e: EntityRef| {
        let t = Instant::now();
        let card = EntityCard::build_with(&index, &articles, Some(&flat), e, as_of).expect("card");
        (t.elapsed(), card)
    };
    // The first card of each of the 100 in the most stories, before anything is warm, without
    // the flat copy (what the reader does before the copy arrives) and with it.
    let mut cold_plain = Vec::new();
    let mut cold_flat = Vec::new();
    for &(_, e) in all.iter().take(100) {
        let t = Instant::now();
        let _ = EntityCard::build(&index, &articles, e, as_of);
        cold_plain.push(t.elapsed());
    }
    for &(_, e) in all.iter().rev().take(2000) {
        let _ = EntityCard::build(&index, &articles, e, as_of); // walk other memory
    }
    for &(_, e) in all.iter().take(100) {
        cold_flat.push(time(e).0);
    }
    summary("first selection, no flat copy", &mut cold_plain);
    summary("first selection, flat copy", &mut cold_flat);
    let mut top = Vec::new();
    let mut worst: Option<(Duration, String, usize, EntityRef)> = None;
    for &(_, e) in all.iter().take(100) {
        // Best of three: the machine is shared, and a card is computed again on every selection.
        let (took, card) = (0..3)
            .map(|_| time(e))
            .min_by_key(|(t, _)| *t)
            .expect("three runs");
        if worst.as_ref().is_none_or(|w| took > w.0) {
            worst = Some((took, card.name.clone(), card.stories, e));
        }
        top.push(took);
    }
    // Every 97th of the rest: the names a reader meets most often are in a story or two.
    let mut rest: Vec<Duration> = all
        .iter()
        .skip(100)
        .step_by(97)
        .map(|&(_, e)| time(e).0)
        .collect();
    summary("100 in the most stories (best of 3 each)", &mut top);
    summary("a sample of the others", &mut rest);
    if let Some((took, name, stories, e)) = worst {
        let stories_of = match e {
            EntityRef::Person(id) => &index.people[id as usize].articles,
            EntityRef::Bill(id) => &index.bills[id as usize].articles,
        };
        let t = Instant::now();
        let _ = cloakroom::extract::card::often_with(&index, Some(&flat), e, stories_of, 10);
        let often = t.elapsed();
        println!(
            "  slowest: {name} ({stories} stories) {:.3} ms, of which \"often with\" {:.3} ms",
            took.as_secs_f64() * 1000.0,
            often.as_secs_f64() * 1000.0
        );
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut runs: Vec<(String, Vec<PathBuf>)> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(|p| (p.clone(), vec![PathBuf::from(p)]))
        .collect();
    if runs.is_empty() {
        for (name, path) in [
            (
                "allsides-congress",
                root.join("../shared/corpora/allsides-congress"),
            ),
            (
                "synthetic 100k",
                root.join("bench-data/articles-100000.jsonl"),
            ),
        ] {
            if path.exists() {
                runs.push((name.to_owned(), vec![path]));
            } else {
                println!("({} not found: {name} skipped)", path.display());
            }
        }
    }
    for (name, paths) in &runs {
        measure(name, paths);
    }
}
