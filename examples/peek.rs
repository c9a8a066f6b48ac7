//! Prints articles of a corpus as JSON Lines, to look at what the loader made of it: `peek PATH... [--take N]`.

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut take = 3;
    if let Some(i) = args.iter().position(|a| a == "--take") {
        take = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(take);
        args.drain(i..(i + 2).min(args.len()));
    }
    let paths: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    let corpus = if paths.is_empty() {
        cloakroom::corpus::bundled()
    } else {
        cloakroom::corpus::load(&paths, &cloakroom::corpus::LoadOptions::default())?
    };
    for article in corpus.articles.iter().take(take) {
        println!("{}", serde_json::to_string(article)?);
    }
    Ok(())
}
