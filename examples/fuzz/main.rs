//! A fuzz campaign on stable Rust: random and mutated JSON documents, wrappers, JSON Lines, text files, news-like
//! text and queries, fed to the loader, the extractor and the query parser, checking their contracts (no panic,
//! bounded time, `serde_json` as the oracle for valid JSON, the documented errors and counts).
//!
//! `cargo run --release --example fuzz -- [--seed N] [--cases N] [--kind KIND] [--case I] [--limit-ms MS]`
//!
//! Case `I` of seed `N` is always the same input: `--case I` replays it and prints it. Exits 1 when a case broke a
//! contract. `cargo test` runs a bounded campaign of it (`FUZZ_CASES`, default 2,000).

mod checks;
#[path = "gen.rs"]
mod gen_;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use checks::{KINDS, World};
use gen_::Rng;

/// A campaign's settings.
struct Args {
    seed: u64,
    cases: u64,
    kind: Option<String>,
    case: Option<u64>,
    limit: Duration,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        seed: 1,
        cases: 10_000,
        kind: None,
        case: None,
        limit: Duration::from_secs(2),
    };
    let mut it = args;
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--seed" => {
                out.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?;
            }
            "--cases" => {
                out.cases = value("--cases")?
                    .parse()
                    .map_err(|e| format!("--cases: {e}"))?;
            }
            "--case" => {
                out.case = Some(
                    value("--case")?
                        .parse()
                        .map_err(|e| format!("--case: {e}"))?,
                );
            }
            "--kind" => out.kind = Some(value("--kind")?),
            "--limit-ms" => {
                let ms: u64 = value("--limit-ms")?
                    .parse()
                    .map_err(|e| format!("--limit-ms: {e}"))?;
                out.limit = Duration::from_millis(ms);
            }
            other => {
                return Err(format!(
                    "unknown argument {other}; see the top of examples/fuzz/main.rs"
                ));
            }
        }
    }
    Ok(out)
}

/// The kind of case `i` and its generator: cases cycle through the kinds, each with its own stream.
fn case(args: &Args, i: u64) -> (&'static str, Rng) {
    let kinds: Vec<&'static str> = match &args.kind {
        Some(k) => KINDS.iter().copied().filter(|x| x == k).collect(),
        None => KINDS.to_vec(),
    };
    let kind = kinds
        .get(i as usize % kinds.len().max(1))
        .copied()
        .unwrap_or("json");
    (kind, Rng::new(args.seed.wrapping_mul(1_000_003) ^ i))
}

/// Runs a campaign; returns the number of broken cases.
fn campaign(args: &Args) -> usize {
    let world = World::new();
    let started = Instant::now();
    let mut per_kind: Vec<(&str, u64, Duration)> = Vec::new();
    let mut broken = 0usize;
    let range = match args.case {
        Some(i) => i..i + 1,
        None => 0..args.cases,
    };
    for i in range {
        let (kind, mut rng) = case(args, i);
        let t = Instant::now();
        let outcome = checks::run(&world, kind, &mut rng, args.limit);
        let took = t.elapsed();
        match per_kind.iter_mut().find(|k| k.0 == kind) {
            Some(k) => {
                k.1 += 1;
                k.2 = k.2.max(took);
            }
            None => per_kind.push((kind, 1, took)),
        }
        if args.case.is_some() {
            println!(
                "input ({} bytes): {:?}",
                outcome.input.len(),
                String::from_utf8_lossy(&outcome.input)
            );
        }
        if let Some(why) = outcome.broken {
            broken += 1;
            if broken <= 20 {
                let shown: String = String::from_utf8_lossy(&outcome.input)
                    .chars()
                    .take(300)
                    .collect();
                println!(
                    "BROKEN seed {} case {i} ({kind}): {why}\n  input: {shown:?}",
                    args.seed
                );
            }
        }
    }
    for (kind, n, worst) in &per_kind {
        println!("{kind:<8} {n:>8} cases, slowest {worst:?}");
    }
    let total: u64 = per_kind.iter().map(|k| k.1).sum();
    println!(
        "seed {}: {total} cases in {:.1} s, {broken} broken",
        args.seed,
        started.elapsed().as_secs_f64()
    );
    broken
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(args) => ExitCode::from(u8::from(campaign(&args) > 0)),
        Err(message) => {
            eprintln!("fuzz: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bounded campaign `cargo test` runs: a few hundred cases of every kind, a generous time bound per case
    /// (debug build, busy machine).
    #[test]
    fn bounded_campaign_breaks_no_contract() {
        let cases = std::env::var("FUZZ_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(2000);
        let args = Args {
            seed: 20_261_206,
            cases,
            kind: None,
            case: None,
            limit: Duration::from_secs(10),
        };
        assert_eq!(campaign(&args), 0, "see the BROKEN lines above");
    }
}
