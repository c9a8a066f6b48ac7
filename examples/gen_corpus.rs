//! Writes synthetic benchmark corpora: `gen_corpus --count 100000 --out bench-data/` gives
//! `articles-100000.json` (an array) and `articles-100000.jsonl`, each article with a body of about 4 KB.

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let count: usize = value("--count").map_or(Ok(10_000), |n| n.parse())?;
    let out = value("--out").map_or_else(|| PathBuf::from("bench-data"), PathBuf::from);
    let (json, lines) = corpus_gen::write_corpus(count, &out)?;
    for path in [json, lines] {
        println!(
            "{} ({} bytes)",
            path.display(),
            std::fs::metadata(&path)?.len()
        );
    }
    Ok(())
}
