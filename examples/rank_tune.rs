//! Tunes the ranking weights on the dev split of the judged queries (never the test split).
//!
//! `cargo run --release --example rank_tune -- [--corpora DIR] [--rounds N] [--scale NAME=FACTOR]...`
//!
//! Builds the indexes once, then walks each weight of [`Weights`] up and down in turn (coordinate
//! ascent), keeping a change only when the mean nDCG@10 over the dev queries improves by more than
//! a small margin, and prints the best weights found and the per-category figures of the default
//! weights and of the best ones. The test split is not read.

#[path = "rank_eval/judged.rs"]
mod judged;
#[path = "rank_eval/metrics.rs"]
#[allow(dead_code)]
mod metrics;

use std::path::{Path, PathBuf};

use cloakroom::corpus::{self, LoadOptions};
use cloakroom::extract::EntityIndex;
use cloakroom::search::{SearchIndex, Weights, parse};

/// A change must gain at least this much mean nDCG@10 to be kept.
const MARGIN: f64 = 0.002;

/// A named weight and how to change it.
type Knob = (&'static str, fn(&mut Weights, f32));

fn knobs() -> Vec<Knob> {
    vec![
        ("k1", |w, f| w.k1 *= f),
        ("title", |w, f| w.title *= f),
        ("title_b", |w, f| w.title_b = (w.title_b * f).min(1.0)),
        ("stem", |w, f| w.stem = (w.stem * f).min(1.0)),
        ("body_b", |w, f| w.body_b = (w.body_b * f).min(1.0)),
        ("lead", |w, f| w.lead *= f),
        ("mention", |w, f| w.mention *= f),
        ("entity_title", |w, f| w.entity_title *= f),
        ("entity_lead", |w, f| w.entity_lead *= f),
        ("prefix", |w, f| w.prefix = (w.prefix * f).min(0.95)),
        ("typo", |w, f| w.typo = (w.typo * f).min(1.0)),
        ("dominated", |w, f| w.dominated *= f),
        ("coordination", |w, f| {
            w.coordination = (w.coordination * f).min(1.0);
        }),
        ("proximity", |w, f| w.proximity *= f),
        ("proximity_scale", |w, f| w.proximity_scale *= f),
    ]
}

fn main() -> anyhow::Result<()> {
    let mut corpora = PathBuf::from("/work/shared/corpora");
    let mut rounds = 2;
    let mut start = Weights::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--corpora" => corpora = args.next().unwrap_or_default().into(),
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            // `--scale title=2`: start from the default weights with one scaled.
            "--scale" => {
                let spec = args.next().unwrap_or_default();
                let (name, f) = spec
                    .split_once('=')
                    .and_then(|(n, f)| Some((n.to_string(), f.parse::<f32>().ok()?)))
                    .ok_or_else(|| anyhow::anyhow!("--scale NAME=FACTOR, not {spec:?}"))?;
                let knob = knobs()
                    .into_iter()
                    .find(|(k, _)| *k == name)
                    .ok_or_else(|| anyhow::anyhow!("no weight {name:?}"))?;
                (knob.1)(&mut start, f);
            }
            other => anyhow::bail!("unknown argument {other:?}"),
        }
    }
    let queries = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/ranking/queries.json");
    let set: Vec<judged::Judged> = judged::load(&queries)
        .map_err(anyhow::Error::msg)?
        .into_iter()
        .filter(|q| q.split == "dev")
        .collect();
    let paths: Vec<PathBuf> = ["allsides-congress", "bbc-politics", "seed.json"]
        .iter()
        .map(|p| corpora.join(p))
        .collect();
    let corpus = corpus::load(&paths, &LoadOptions::default())?;
    let keys: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| judged::doc_key(&a.origin.file, &a.id, &corpora))
        .collect();
    let entities = EntityIndex::build(&corpus.articles);
    let mut index = SearchIndex::build(&corpus.articles, &entities);
    let parsed: Vec<_> = set
        .iter()
        .map(|q| parse(&q.query).map_err(|e| anyhow::anyhow!("{}: {e}", q.query)))
        .collect::<Result<_, _>>()?;
    let eval = |index: &mut SearchIndex, w: Weights| -> Vec<(String, f64)> {
        index.set_weights(w);
        set.iter()
            .zip(&parsed)
            .map(|(q, query)| {
                let ranked: Vec<&str> = index
                    .search(&corpus.articles, query, 10)
                    .iter()
                    .map(|h| keys[h.article].as_str())
                    .collect();
                (q.category.clone(), metrics::ndcg(&ranked, &q.grades(), 10))
            })
            .collect()
    };
    let mean = |r: &[(String, f64)]| r.iter().map(|x| x.1).sum::<f64>() / r.len().max(1) as f64;
    let base = eval(&mut index, start);
    let mut best = (mean(&base), start);
    println!("starting weights: dev nDCG@10 {:.4}", best.0);
    for round in 0..rounds {
        for (name, knob) in knobs() {
            for f in [0.5f32, 0.75, 1.33, 2.0] {
                let mut w = best.1;
                knob(&mut w, f);
                let m = mean(&eval(&mut index, w));
                if m > best.0 + MARGIN {
                    println!("round {round}: {name} x{f} -> {m:.4}");
                    best = (m, w);
                }
            }
        }
    }
    println!("best: dev nDCG@10 {:.4}\n{:#?}", best.0, best.1);
    let tuned = eval(&mut index, best.1);
    let mut cats: Vec<&str> = set.iter().map(|q| q.category.as_str()).collect();
    cats.dedup();
    for c in cats {
        let pick = |r: &[(String, f64)]| {
            let v: Vec<f64> = r.iter().filter(|x| x.0 == c).map(|x| x.1).collect();
            v.iter().sum::<f64>() / v.len().max(1) as f64
        };
        println!(
            "{c:<12} default {:.3}  best {:.3}",
            pick(&base),
            pick(&tuned)
        );
    }
    Ok(())
}
