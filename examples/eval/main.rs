//! Scores `cloakroom::extract::extract` against the hand-labelled set in `tests/eval/labels.json`.
//!
//! `cargo run --release --example eval -- [--corpora /work/shared/corpora] [--labels FILE] [--verbose]`
//!
//! Reads each labelled article straight from the corpora (allsides JSON, BBC text, the seed, the
//! bundled JSON Lines), runs the extractor and prints precision, recall and F1, micro-averaged over
//! articles, for people, for named and numbered bills, and for described bills; then every false
//! positive and miss per article. Always exits 0 (it is a report), or 1 when inputs are missing.

mod labels;
mod score;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use labels::{Labels, load_article};
use score::{Tally, Totals, group_of, score_article};

struct Args {
    corpora: PathBuf,
    labels: PathBuf,
    verbose: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpora: PathBuf::from("/work/shared/corpora"),
        labels: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/labels.json"),
        verbose: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpora" => args.corpora = it.next().ok_or("--corpora needs a folder")?.into(),
            "--labels" => args.labels = it.next().ok_or("--labels needs a file")?.into(),
            "--verbose" | "-v" => args.verbose = true,
            "--help" | "-h" => {
                return Err("usage: eval [--corpora DIR] [--labels FILE] [--verbose]".to_string());
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(args)
}

fn print_row(name: &str, t: Tally) {
    println!(
        "{name:<26} {:>5} {:>5} {:>5}   {:>9.3} {:>7.3} {:>7.3}",
        t.tp,
        t.fp,
        t.fn_,
        t.precision(),
        t.recall(),
        t.f1()
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if !args.corpora.is_dir() {
        eprintln!(
            "eval: corpora folder {} not found (pass --corpora DIR, the folder holding allsides-congress/, bbc-politics/ and seed.json)",
            args.corpora.display()
        );
        return ExitCode::from(1);
    }
    let labels: Labels = match std::fs::read_to_string(&args.labels)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(l) => l,
        Err(e) => {
            eprintln!("eval: cannot read labels {}: {e}", args.labels.display());
            return ExitCode::from(1);
        }
    };

    let mut totals = Totals::default();
    let mut groups: Vec<(&str, Totals, usize)> = Vec::new();
    let mut report = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for l in &labels.articles {
        if !seen.insert((l.source.as_str(), l.id.as_str())) {
            skipped.push(format!("{}: labelled twice, scored once", l.source));
            continue;
        }
        match load_article(&args.corpora, l) {
            Ok(a) => {
                let (t, e) = score_article(l, &a, args.verbose);
                totals.add(&t);
                let group = group_of(&l.source);
                match groups.iter_mut().find(|g| g.0 == group) {
                    Some(g) => {
                        g.1.add(&t);
                        g.2 += 1;
                    }
                    None => groups.push((group, t, 1)),
                }
                let name = if l.source.starts_with("bundled:") {
                    format!("{}#{}", l.source, l.id)
                } else {
                    l.source.clone()
                };
                report.push((name, e));
            }
            Err(e) => skipped.push(e),
        }
    }

    println!(
        "Entity extraction against {} ({} articles scored, {} skipped)\n",
        args.labels.display(),
        report.len(),
        skipped.len()
    );
    println!(
        "{:<26} {:>5} {:>5} {:>5}   {:>9} {:>7} {:>7}",
        "", "TP", "FP", "FN", "precision", "recall", "F1"
    );
    print_row("people", totals.people);
    print_row("bills (named + numbered)", totals.named);
    print_row("bills (described)", totals.described);
    let all = Tally {
        tp: totals.named.tp + totals.described.tp,
        fp: totals.named.fp + totals.described.fp,
        fn_: totals.named.fn_ + totals.described.fn_,
    };
    print_row("bills (all)", all);
    println!("\ntargets: people F1 >= 0.93, named+numbered bills F1 >= 0.90");

    println!("\nF1 by part of the set:");
    println!(
        "{:<26} {:>8} {:>8} {:>14} {:>10}",
        "", "articles", "people", "named+numbered", "described"
    );
    for (group, t, n) in &groups {
        println!(
            "{group:<26} {n:>8} {:>8.3} {:>14.3} {:>10.3}",
            t.people.f1(),
            t.named.f1(),
            t.described.f1()
        );
    }

    println!("\nErrors per article (FP = predicted, not in labels; FN = labelled, not found):");
    for (source, e) in &report {
        if e.people_fp.is_empty()
            && e.people_fn.is_empty()
            && e.bills_fp.is_empty()
            && e.bills_fn.is_empty()
        {
            continue;
        }
        println!("{source}");
        let lines = [
            ("people FP", &e.people_fp),
            ("people FN", &e.people_fn),
            ("bills FP", &e.bills_fp),
            ("bills FN", &e.bills_fn),
        ];
        for (what, list) in lines {
            if !list.is_empty() {
                println!("  {what}: {}", list.join("; "));
            }
        }
    }
    for s in &skipped {
        println!("skipped: {s}");
    }
    ExitCode::SUCCESS
}
